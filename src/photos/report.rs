//! The photos in the report: per value, each photo scaled down and embedded as a data URI (so the
//! page stays one file of a few MB), with its caption and subgroup; a missing file is a placeholder
//! with the reason. The Markdown report lists them with their file names.

use std::fmt::Write as _;

use super::Album;
use crate::commands::report::esc;
use crate::deck::Language;
use crate::session::Session;

/// The long side of a photo in the report, in pixels.
pub const REPORT_PX: u32 = 640;
/// The JPEG quality of a photo in the report.
pub const REPORT_QUALITY: u8 = 72;

struct Labels {
    photos: &'static str,
    missing: &'static str,
    with: &'static str,
}

fn labels(lang: Language) -> Labels {
    match lang {
        Language::Nl => Labels {
            photos: "Onze foto's",
            missing: "foto ontbreekt",
            with: "bij de afspraak",
        },
        Language::En => Labels {
            photos: "Our photos",
            missing: "photo missing",
            with: "with the agreement",
        },
    }
}

/// A photo's caption, subgroup and agreement as one line.
fn caption(s: &Session, l: &Labels, p: &crate::session::Photo) -> String {
    let mut parts = Vec::new();
    let main = crate::manners::photo_caption(p);
    if !main.is_empty() {
        parts.push(main);
    }
    if let Some(a) = p.agreement.and_then(|a| s.agreements().get(a)) {
        let text: String = a.text.chars().take(80).collect();
        parts.push(format!("{} “{text}”", l.with));
    }
    parts.join(" — ")
}

/// The report's photo section (HTML), empty when the session has no photos.
pub fn html_section(s: &Session, album: &Album) -> String {
    let groups = s.photos_by_value();
    if groups.is_empty() {
        return String::new();
    }
    let l = labels(s.settings().language);
    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<style>
.photos figure {{ display: inline-block; vertical-align: top; margin: 0 3mm 4mm 0; width: 58mm; break-inside: avoid; }}
.photos img {{ display: block; width: 58mm; height: 43mm; object-fit: contain; background: #f4f5f8; }}
.photos .missing {{ width: 58mm; height: 43mm; background: #f4f5f8; color: var(--muted); display: flex; align-items: center; justify-content: center; }}
.photos figcaption {{ font-size: 9pt; color: var(--muted); }}
</style>
<section class="photos"><h2>{}</h2>"#,
        l.photos
    );
    for (value, list) in groups {
        let _ = writeln!(o, "<h3>{}</h3><div>", esc(&value.name));
        for (_, p) in list {
            let text = caption(s, &l, p);
            match album.load(&p.hash) {
                Ok(pic) => {
                    let _ = writeln!(
                        o,
                        r#"<figure><img src="{}" alt="{}"><figcaption>{}</figcaption></figure>"#,
                        super::data_uri(&pic, REPORT_PX, REPORT_QUALITY),
                        esc(&text),
                        esc(&text)
                    );
                }
                Err(why) => {
                    let _ = writeln!(
                        o,
                        r#"<figure><div class="missing">{}</div><figcaption>{}{}</figcaption></figure>"#,
                        l.missing,
                        esc(&text),
                        esc(&format!(" ({why})"))
                    );
                }
            }
        }
        let _ = writeln!(o, "</div>");
    }
    let _ = writeln!(o, "</section>");
    o
}

/// The report's photo section (Markdown): captions and the files they are kept in.
pub fn markdown_section(s: &Session) -> String {
    let groups = s.photos_by_value();
    if groups.is_empty() {
        return String::new();
    }
    let l = labels(s.settings().language);
    let mut o = format!("\n## {}\n", l.photos);
    for (value, list) in groups {
        let _ = writeln!(o, "\n### {}\n", value.name);
        for (_, p) in list {
            let text = caption(s, &l, p);
            let _ = writeln!(
                o,
                "- {} (`{}.jpg`)",
                if text.is_empty() { "—" } else { &text },
                p.hash
            );
        }
    }
    o
}
