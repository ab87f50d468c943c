//! "Zo zijn onze manieren" on one A4 page: the agreements the group adopted, grouped by the value
//! they serve, with their kind and who proposed them; to hang on the wall or mail round. Two forms
//! from one model: a self-contained HTML page that prints on A4 (and, through headless Chromium,
//! a PDF), and a PNG drawn with the posters' renderer. No Bevy here.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::commands::report::esc;
use crate::deck::Language;
use crate::poster::{self, Format, PosterData, PosterValue};
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

struct Labels {
    title: &'static str,
    none: &'static str,
    lang: &'static str,
    by: &'static str,
}

fn labels(lang: Language) -> Labels {
    match lang {
        Language::Nl => Labels {
            title: "Zo zijn onze manieren",
            none: "De groep heeft nog geen afspraken aangenomen.",
            lang: "nl",
            by: "voorgesteld door",
        },
        Language::En => Labels {
            title: "This is how we do things",
            none: "The group has not adopted any agreements yet.",
            lang: "en",
            by: "proposed by",
        },
    }
}

/// The page as one self-contained HTML file that prints on one A4 page (the type gets smaller as
/// the list gets longer).
pub fn html(s: &Session, date: Option<&str>) -> String {
    let l = labels(s.settings().language);
    let values = model(s);
    let count: usize = values.iter().map(|v| v.agreements.len()).sum::<usize>() + values.len();
    // About 26 lines fit at 13pt; short lists are set larger (up to 16pt), long ones smaller (down
    // to 8pt).
    let pt = (13.0 * 26.0 / count.max(1) as f32).clamp(8.0, 16.0);
    let mut o = String::new();
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
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="deck">{deck}{date}</p>
"#,
        lang = l.lang,
        title = l.title,
        deck = esc(&s.deck().title),
        date = date
            .map(|d| format!(" · {}", esc(&d.chars().take(10).collect::<String>())))
            .unwrap_or_default(),
    );
    if values.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", l.none);
    }
    for v in &values {
        let _ = writeln!(o, "<section><h2>{}</h2>", esc(&v.value));
        if !v.meaning.is_empty() {
            let _ = writeln!(o, r#"<p class="meaning">{}</p>"#, esc(&v.meaning));
        }
        let _ = writeln!(o, "<ul>");
        for (kind, text, by) in &v.agreements {
            let by = if by.is_empty() {
                String::new()
            } else {
                format!(r#" <span class="by">({} {})</span>"#, l.by, esc(by))
            };
            let _ = writeln!(
                o,
                r#"<li><span class="kind">{}</span>{}{by}</li>"#,
                esc(kind),
                esc(text)
            );
        }
        let _ = writeln!(o, "</ul></section>");
    }
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

/// The page as poster data for the A4 PNG: every value with an adopted agreement, with the group's
/// weight for it (none in per-team mode), and its agreements, without the game's behaviours.
pub fn poster_data(s: &Session, date: Option<&str>) -> PosterData {
    let values = s
        .adopted_by_value()
        .into_iter()
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
        colour: [230, 159, 0],
        deck: s.deck().title.clone(),
        date: date.map(|d| d.chars().take(10).collect()),
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
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let html_path = dir.join("manieren.html");
    std::fs::write(&html_path, html(s, date))
        .map_err(|e| format!("{}: {e}", html_path.display()))?;
    let png_path = dir.join("manieren-a4.png");
    let pix = poster::render(&poster::layout(&poster_data(s, date), Format::A4));
    std::fs::write(&png_path, poster::png_bytes(&pix, Format::A4)?)
        .map_err(|e| format!("{}: {e}", png_path.display()))?;
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
