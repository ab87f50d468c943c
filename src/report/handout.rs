//! A printable handout for the teams: the scenarios of a session's rounds (title, setting,
//! situation, behaviours and debrief questions), one per block, with the teams' choices once a
//! round is revealed. For break-out rooms and tables without a view of the projector, or to take
//! home afterwards. A self-contained HTML page that prints on A4 (and, through headless Chromium,
//! a PDF). No Bevy here.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::text::esc;
use crate::deck::Scenario;
use crate::lang::{Key as _, R};
use crate::session::{RoundStatus, Session};

/// The handout as one HTML page.
pub fn html(s: &Session) -> String {
    let lang = s.settings().language;
    let t = |key: R| key.tr(lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}}\
section{{border-top:2px solid #e69f00;padding-top:.6rem;margin-top:1.4rem;break-inside:avoid}}\
h1{{font-size:1.6rem}}h2{{font-size:1.25rem;margin:.2rem 0}}.setting{{font-style:italic;color:#444}}\
ol.b{{list-style:none;padding:0}}ol.b li{{margin:.3rem 0}}.k{{font-weight:700;margin-right:.5rem}}\
.choices{{color:#333;font-size:.95rem}}@page{{size:A4;margin:16mm}}</style></head><body>",
        lang.code(),
        esc(&s.deck().title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p>{}</p>",
        esc(&s.deck().title),
        t(R::HandoutIntro)
    );
    let mut number = 0;
    for r in &s.state().rounds {
        if matches!(r.status, RoundStatus::Skipped { .. }) {
            continue;
        }
        let Some(sc) = s.deck().scenario(&r.scenario) else {
            continue;
        };
        number += 1;
        section(&mut out, s, r, sc, number);
        out.push_str("</section>");
    }
    if number == 0 {
        let _ = write!(out, "<p>{}</p>", t(R::NoRoundYet));
    }
    out.push_str("</body></html>\n");
    out
}

/// One round's scenario, numbered, with the teams' choices once revealed.
fn section(out: &mut String, s: &Session, r: &crate::session::Round, sc: &Scenario, number: usize) {
    let t = |key: R| key.tr(s.settings().language);
    let _ = write!(
        out,
        "<section><p>{} {number}</p><h2>{}</h2>",
        t(R::Round),
        esc(&sc.title)
    );
    if !sc.setting.trim().is_empty() {
        let _ = write!(out, "<p class=\"setting\">{}</p>", esc(sc.setting.trim()));
    }
    let _ = write!(
        out,
        "<p>{}</p><p><strong>{}</strong></p><ol class=\"b\">",
        esc(sc.situation.trim()),
        t(R::WhatDoYouDo)
    );
    for b in &sc.behaviours {
        let _ = write!(
            out,
            "<li><span class=\"k\">{}</span>{}</li>",
            b.key,
            esc(b.text.trim())
        );
    }
    out.push_str("</ol>");
    if !sc.debrief.is_empty() {
        let _ = write!(out, "<p><strong>{}</strong></p><ul>", t(R::HandoutDebrief));
        for q in &sc.debrief {
            let _ = write!(out, "<li>{}</li>", esc(q.trim()));
        }
        out.push_str("</ul>");
    }
    if r.status == RoundStatus::Revealed {
        let chosen: Vec<String> = r
            .choices
            .iter()
            .enumerate()
            .filter_map(|(team, k)| {
                k.map(|k| format!("{}: {k}", esc(&s.settings().team_name(team))))
            })
            .collect();
        if !chosen.is_empty() {
            let _ = write!(
                out,
                "<p class=\"choices\">{}: {}</p>",
                t(R::Chosen),
                chosen.join(" · ")
            );
        }
    }
}

/// Writes `handout.html` (and `handout.pdf` when `pdf` and Chromium is installed) into `dir`.
pub fn write(s: &Session, dir: &Path, pdf: bool) -> Result<Vec<PathBuf>, String> {
    let lang = s.settings().language;
    super::make_dir(dir, lang)?;
    let html_path = dir.join("handout.html");
    super::write_file(&html_path, html(s), lang)?;
    let mut written = vec![html_path.clone()];
    if pdf && let Some(p) = super::manners::print_pdf(&html_path, &dir.join("handout.pdf")) {
        written.push(p);
    }
    Ok(written)
}
