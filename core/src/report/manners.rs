//! "Zo zijn onze manieren" on one A4 page: the agreements the group adopted, grouped by the value
//! they serve, with their kind and who proposed them; to hang on the wall or mail round. Two forms
//! from one model: a self-contained HTML page that prints on A4 (and, through headless Chromium,
//! a PDF), and a PNG drawn with the posters' renderer. No Bevy here.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::poster::{self, Format, PosterData, PosterValue};
use super::text::esc;
use crate::lang::{Key as _, Lang, R};
use crate::photos::Album;
use crate::session::Session;

/// One value with the adopted agreements that serve it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAgreements {
    pub value: String,
    pub meaning: String,
    /// (kind name, text, who proposed it).
    pub agreements: Vec<(String, String, String)>,
}

/// What the page shows: the deck's values that have adopted agreements, in deck order (the
/// group's agreements and, in per-team mode, every team's).
pub fn model(s: &Session) -> Vec<ValueAgreements> {
    let lang = s.settings().language;
    s.adopted_by_value()
        .into_iter()
        .map(|(v, list)| ValueAgreements {
            value: v.name.clone(),
            meaning: v.meaning.clone(),
            agreements: list
                .into_iter()
                .map(|a| {
                    let by = match a.team {
                        Some(t) => s.settings().team_name(t),
                        None => a.by.clone(),
                    };
                    (a.kind.name(lang).to_string(), a.text.clone(), by)
                })
                .collect(),
        })
        .collect()
}

/// The values the page shows, in deck order: those with an adopted agreement or a photo.
fn shown_values(s: &Session) -> Vec<&crate::deck::ValueDef> {
    let photos = s.photos_by_value();
    let adopted = s.adopted_by_value();
    s.deck()
        .values
        .iter()
        .filter(|v| {
            adopted.iter().any(|(a, _)| a.id == v.id) || photos.iter().any(|(p, _)| p.id == v.id)
        })
        .collect()
}

/// The page as one self-contained HTML file that prints on one A4 page (the type gets smaller as
/// the list gets longer). Without photos: see [`html_with_photos`].
pub fn html(s: &Session, date: Option<&str>) -> String {
    html_with_photos(s, date, None)
}

/// As [`html`]; with an album, each value's photos are embedded (scaled, as data URIs) under its
/// agreements, and a photo whose file is missing shows a placeholder with the reason.
pub fn html_with_photos(s: &Session, date: Option<&str>, album: Option<&Album>) -> String {
    let lang = s.settings().language;
    let values = model(s);
    let adopted = s.adopted_by_value();
    let photos = s.photos_by_value();
    let shown = shown_values(s);
    let photo_rows: usize = match album {
        Some(_) => photos.iter().map(|(_, l)| l.len().div_ceil(3) * 5).sum(),
        None => 0,
    };
    let count: usize =
        values.iter().map(|v| v.agreements.len()).sum::<usize>() + shown.len() + photo_rows;
    // About 26 lines fit at 13pt; short lists are set larger (up to 16pt), long ones smaller (down
    // to 8pt).
    let pt = (13.0 * 26.0 / count.max(1) as f32).clamp(8.0, 16.0);
    let mut o = String::new();
    head(&mut o, s, date, pt);
    if shown.is_empty() || (album.is_none() && values.is_empty()) {
        let _ = writeln!(o, "<p>{}</p>", R::NoneAdopted.tr(lang));
    }
    for def in shown {
        let agreed = adopted
            .iter()
            .position(|(v, _)| v.id == def.id)
            .and_then(|i| values.get(i));
        let value_photos = photos
            .iter()
            .find(|(v, _)| v.id == def.id)
            .map(|(_, list)| list.as_slice())
            .unwrap_or(&[]);
        if agreed.is_none() && (album.is_none() || value_photos.is_empty()) {
            continue;
        }
        let _ = writeln!(o, "<section><h2>{}</h2>", esc(&def.name));
        if !def.meaning.is_empty() {
            let _ = writeln!(o, r#"<p class="meaning">{}</p>"#, esc(&def.meaning));
        }
        if let Some(v) = agreed {
            agreements(&mut o, v, lang);
        }
        if let Some(album) = album
            && !value_photos.is_empty()
        {
            figures(&mut o, value_photos, album, lang);
        }
        let _ = writeln!(o, "</section>");
    }
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

/// The page's head, styles and title, with the type at `pt` points.
fn head(o: &mut String, s: &Session, date: Option<&str>, pt: f32) {
    let lang = s.settings().language;
    let _ = write!(
        o,
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — {deck}</title>
<style>
@page {{ size: A4; margin: 16mm; }}
:root {{ --ink: #1d2330; --muted: #5b6475; --accent: #b87400; --line: #d9dde5; }}
body {{ font: {pt:.1}pt/1.4 "Ubuntu", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 178mm; padding: 10mm 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
h1 {{ font-size: 2.2em; font-weight: 500; color: var(--accent); margin: 0 0 1mm; }}
.deck {{ color: var(--muted); margin: 0 0 6mm; }}
h2 {{ font-size: 1.25em; margin: 5mm 0 1mm; border-bottom: 0.4mm solid var(--accent); padding-bottom: 0.5mm; }}
.meaning {{ color: var(--muted); margin: 0 0 1.5mm; font-style: italic; }}
ul {{ margin: 0; padding-left: 5mm; }}
li {{ margin: 0 0 1.5mm; break-inside: avoid; }}
.kind {{ font-size: 0.75em; text-transform: uppercase; letter-spacing: .05em; color: var(--accent); margin-right: 1.5mm; }}
.by {{ color: var(--muted); font-size: 0.85em; }}
section {{ break-inside: avoid; }}
.photos {{ display: flex; flex-wrap: wrap; gap: 3mm; margin: 2mm 0 0; }}
figure {{ margin: 0; width: 55mm; break-inside: avoid; }}
figure img {{ display: block; width: 55mm; height: 38mm; object-fit: contain; background: #f4f5f8; }}
figure .missing {{ width: 55mm; height: 38mm; background: #f4f5f8; color: var(--muted); display: flex; align-items: center; justify-content: center; font-size: 0.8em; }}
figcaption {{ font-size: 0.8em; color: var(--muted); }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="deck">{deck}{date}</p>
"#,
        lang = lang.code(),
        title = R::Manners.tr(lang),
        deck = esc(&s.deck().title),
        date = date
            .map(|d| format!(" · {}", esc(&super::date::day(d))))
            .unwrap_or_default(),
    );
}

/// A value's adopted agreements, each with its kind and who proposed it.
fn agreements(o: &mut String, v: &ValueAgreements, lang: Lang) {
    let _ = writeln!(o, "<ul>");
    for (kind, text, by) in &v.agreements {
        let by = if by.is_empty() {
            String::new()
        } else {
            format!(
                r#" <span class="by">({} {})</span>"#,
                R::ProposedBy.tr(lang),
                esc(by)
            )
        };
        let _ = writeln!(
            o,
            r#"<li><span class="kind">{}</span>{}{by}</li>"#,
            esc(kind),
            esc(text)
        );
    }
    let _ = writeln!(o, "</ul>");
}

/// A value's photos, scaled and embedded; a missing file is a placeholder with the reason.
fn figures(o: &mut String, photos: &[(usize, &crate::session::Photo)], album: &Album, lang: Lang) {
    let _ = writeln!(o, r#"<div class="photos">"#);
    for (_, p) in photos {
        let caption = super::model::photo_caption(p);
        match album.load(&p.hash) {
            Ok(pic) => {
                let _ = writeln!(
                    o,
                    r#"<figure><img src="{}" alt="{}"><figcaption>{}</figcaption></figure>"#,
                    crate::photos::data_uri(&pic, 520, 72),
                    esc(&caption),
                    esc(&caption)
                );
            }
            Err(why) => {
                let _ = writeln!(
                    o,
                    r#"<figure><div class="missing">{}</div><figcaption>{} — {}</figcaption></figure>"#,
                    R::PhotoMissing.tr(lang),
                    esc(&caption),
                    esc(why.text(lang))
                );
            }
        }
    }
    let _ = writeln!(o, "</div>");
}

/// The page as poster data for the A4 PNG: every value with an adopted agreement, with the group's
/// weight for it (none in per-team mode), and its agreements, without the game's behaviours.
pub fn poster_data(s: &Session, date: Option<&str>) -> PosterData {
    poster_data_for(s, date, false)
}

/// The poster data of the page: with `photos`, the values that have only photos are shown too.
fn poster_data_for(s: &Session, date: Option<&str>, photos: bool) -> PosterData {
    let adopted = s.adopted_by_value();
    let values = shown_values(s)
        .into_iter()
        .filter_map(|v| {
            let list = adopted
                .iter()
                .find(|(a, _)| a.id == v.id)
                .map(|(_, l)| l.clone())
                .unwrap_or_default();
            (photos || !list.is_empty()).then_some((v, list))
        })
        .map(|(v, list)| {
            let weight = match s.settings().values_mode {
                crate::session::ValuesMode::Shared => s
                    .team_values(0)
                    .iter()
                    .find(|(id, _)| *id == v.id)
                    .map_or(0, |(_, w)| *w),
                crate::session::ValuesMode::PerTeam => 0,
            };
            PosterValue {
                name: v.name.clone(),
                weight,
                meaning: v.meaning.clone(),
                agreements: list.into_iter().map(|a| (a.kind, a.text.clone())).collect(),
                behaviours: Vec::new(),
            }
        })
        .collect();
    PosterData {
        team: s.deck().title.clone(),
        colour: super::palette::ACCENT,
        deck: s.deck().title.clone(),
        date: date.map(super::date::day),
        language: s.settings().language,
        values,
    }
}

/// Writes `manieren.html` and `manieren-a4.png` into `dir` (created if missing), and with `pdf`
/// `manieren.pdf` when a headless Chromium is found; returns the paths written.
pub fn write(
    s: &Session,
    date: Option<&str>,
    dir: &Path,
    pdf: bool,
) -> Result<Vec<PathBuf>, String> {
    write_pages(s, date, dir, pdf, None)
}

/// As [`write`], with each value's photos from `album` on the page and the PNG.
pub fn write_with_photos(
    s: &Session,
    date: Option<&str>,
    dir: &Path,
    pdf: bool,
    album: &Album,
) -> Result<Vec<PathBuf>, String> {
    write_pages(s, date, dir, pdf, Some(album))
}

fn write_pages(
    s: &Session,
    date: Option<&str>,
    dir: &Path,
    pdf: bool,
    album: Option<&Album>,
) -> Result<Vec<PathBuf>, String> {
    let lang = s.settings().language;
    super::make_dir(dir, lang)?;
    let html_path = dir.join("manieren.html");
    super::write_file(&html_path, html_with_photos(s, date, album), lang)?;
    let png_path = dir.join("manieren-a4.png");
    let data = poster_data_for(s, date, album.is_some());
    let photos = match album {
        Some(a) => {
            let ids: Vec<String> = shown_values(s)
                .into_iter()
                .filter(|v| data.values.iter().any(|pv| pv.name == v.name))
                .map(|v| v.id.clone())
                .collect();
            poster::photos_for_values(s, &ids, None, a)
        }
        None => Vec::new(),
    };
    let pix = poster::render(&poster::layout_with_photos(&data, &photos, Format::A4));
    super::write_file(&png_path, poster::png_bytes(&pix, Format::A4)?, lang)?;
    let mut written = vec![html_path.clone(), png_path];
    if pdf && let Some(pdf) = print_pdf(&html_path, &dir.join("manieren.pdf")) {
        written.push(pdf);
    }
    Ok(written)
}

/// Prints the HTML page to PDF with a headless Chromium, when one is installed.
pub(crate) fn print_pdf(html: &Path, pdf: &Path) -> Option<PathBuf> {
    let html = std::fs::canonicalize(html).ok()?;
    for exe in ["chromium", "chromium-browser", "google-chrome"] {
        let status = std::process::Command::new(exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-pdf-header-footer",
                "--disable-background-networking",
            ])
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        if status.is_ok_and(|s| s.success()) && pdf.is_file() {
            return Some(pdf.to_path_buf());
        }
    }
    None
}
