//! `report.html`: one self-contained page (inline CSS and SVG, no network) that prints on A4,
//! written from the [`Report`] model; with the session's album, its photos are embedded per value
//! (scaled), and a missing file shows a placeholder with the reason.

use std::fmt::Write as _;

use super::model::{Adjustment, Choice, Profile, Report, Revealed, RoundKind, Weighted};
use super::text::{capitalise, esc, num, signed, with_unit};
use crate::lang::R;
use crate::photos::Album;

/// The long side of a photo in the report, in pixels.
pub const REPORT_PX: u32 = 640;
/// The JPEG quality of a photo in the report.
pub const REPORT_QUALITY: u8 = 72;

const CSS: &str = r#"
:root { --ink: #1d2330; --muted: #5b6475; --line: #c9ced8; --good: #007a5a; --bad: #c14d00; --accent: #9a6100; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 11pt/1.45 "Ubuntu", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; }
h1 { font-size: 22pt; margin: 0 0 2mm; color: var(--accent); font-weight: 500; }
h2 { font-size: 15pt; margin: 8mm 0 2mm; border-bottom: 1px solid var(--line); padding-bottom: 1mm; }
h3 { font-size: 12.5pt; margin: 5mm 0 1.5mm; }
h2, h3 { break-after: avoid; }
p, li { overflow-wrap: break-word; }
.meta { color: var(--muted); margin: 0; }
.swatch { display: inline-block; width: 0; height: 0.85em; border-left: 0.85em solid #888888; border-radius: 2px; vertical-align: -0.05em; margin-right: 0.35em; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
td.who { width: 32mm; min-width: 24mm; }
th { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.layer { color: var(--muted); font-size: 9.5pt; }
.setting { color: var(--muted); font-style: italic; }
.situation { white-space: pre-line; }
.chosen { font-size: 9.5pt; color: var(--muted); margin-bottom: 0.5mm; }
.chosen .who { color: var(--ink); white-space: nowrap; }
.consequence { color: var(--muted); font-style: italic; font-size: 10pt; }
.nowrap { white-space: nowrap; }
.plus { color: var(--good); } .minus { color: var(--bad); } .zero { color: var(--muted); }
.barbarian { color: var(--bad); font-weight: 600; font-size: 9.5pt; }
.changes span { white-space: nowrap; margin-right: 0.6em; font-size: 10pt; }
.adjust { font-size: 10pt; color: var(--muted); }
.note { margin: 1mm 0 2mm; padding-left: 3mm; border-left: 1mm solid var(--line); }
.kind { font-size: 80%; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.debrief { break-inside: avoid; }
.notes { border: 1px solid var(--line); border-radius: 2mm; margin-top: 2mm; padding: 1mm 3mm 2mm; break-inside: avoid; }
.notes p { margin: 0; font-size: 8.5pt; color: var(--muted); }
.notes div { height: 6.5mm; border-bottom: 1px solid var(--line); }
.teams { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
.team { break-inside: avoid; }
.team ul { padding-left: 5mm; margin: 1mm 0; font-size: 10pt; }
.round tr, .team svg { break-inside: avoid; }
svg text { font: 10px "Ubuntu", "Segoe UI", Arial, sans-serif; fill: #1d2330; }
@page { size: A4; margin: 14mm 12mm; }
@media print { body { padding: 0; max-width: none; } }
@media (max-width: 140mm) { .teams { grid-template-columns: 1fr; } }
"#;

/// `report.html`; with `album`, the photos are in it.
pub fn render(r: &Report, album: Option<&Album>) -> String {
    let mut o = String::new();
    head(&mut o, r);
    summary(&mut o, r);
    if !r.before_rounds.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2>", r.tr(R::BeforeRounds));
        adjustments(&mut o, r, &r.before_rounds);
    }
    for round in &r.rounds {
        let title = esc(&round.title);
        match &round.kind {
            RoundKind::Skipped { reason } => {
                let _ = writeln!(o, r#"<h2>{} — {title}</h2>"#, r.tr(R::Skipped));
                if !reason.is_empty() {
                    let _ = writeln!(o, r#"<p class="meta">{}</p>"#, esc(reason));
                }
                adjustments(&mut o, r, &round.adjustments);
            }
            // No choices are shown before the reveal; points given meanwhile are.
            RoundKind::Open => {
                let _ = writeln!(
                    o,
                    r#"<h2>{} {}: {title} — {}</h2>"#,
                    r.tr(R::Round),
                    round.number,
                    r.tr(R::NotRevealed)
                );
                adjustments(&mut o, r, &round.adjustments);
            }
            RoundKind::Revealed(v) => {
                revealed(&mut o, r, round.number, &title, v, &round.adjustments)
            }
        }
    }
    agreements(&mut o, r);
    if let Some(album) = album {
        photos(&mut o, r, album);
    }
    trajectory(&mut o, r);
    // The teams, two to a row, each profile on the same scale.
    let _ = writeln!(o, "<h2>{}</h2>\n<div class=\"teams\">", r.tr(R::Profile));
    for (t, p) in r.profiles.iter().enumerate() {
        profile(&mut o, r, t, p);
    }
    o.push_str("</div>\n</main>\n</body>\n</html>\n");
    o
}

/// A team's name after a swatch of its colour; the swatch is a border, not a background: it prints
/// without "background graphics".
fn team(r: &Report, t: usize) -> String {
    let (colour, name) = r
        .teams
        .get(t)
        .map_or(("#888888", ""), |x| (x.colour.as_str(), x.name.as_str()));
    format!(
        r#"<span class="swatch" style="border-color:{colour}"></span>{}"#,
        esc(name)
    )
}

fn values(list: &[Weighted]) -> String {
    let list: Vec<String> = list
        .iter()
        .map(|v| {
            format!(
                r#"<span class="nowrap">{} ×{}</span>"#,
                esc(&v.name),
                v.weight
            )
        })
        .collect();
    list.join(", ")
}

fn head(o: &mut String, r: &Report) {
    let title = esc(&r.title);
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}: {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        r.lang.code(),
        r.tr(R::Report),
    );
    let _ = writeln!(o, "<h1>{}: {title}</h1>", r.tr(R::Report));
    let mut meta = Vec::new();
    if let Some(c) = &r.played {
        meta.push(format!("{} {}", r.tr(R::Created), esc(c)));
    }
    meta.push(format!(
        "{} <code>{}</code>",
        r.tr(R::Deck),
        esc(&r.deck_id)
    ));
    meta.push(format!(
        "{} {}",
        r.teams.len(),
        r.tr(R::Teams).to_lowercase()
    ));
    let _ = writeln!(o, r#"<p class="meta">{}</p>"#, meta.join(" · "));
}

/// The ranking with each team's agreed values.
fn summary(o: &mut String, r: &Report) {
    let _ = writeln!(o, "<h2>{}</h2>", r.tr(R::Summary));
    if !r.finished {
        let _ = writeln!(o, "<p><em>{}</em></p>", r.tr(R::Unfinished));
    }
    let _ = writeln!(
        o,
        r#"<table><thead><tr><th class="num">{}</th><th>{}</th><th class="num">{}</th><th class="num" title="{}">%</th><th>{}</th></tr></thead><tbody>"#,
        r.tr(R::Rank),
        r.tr(R::Teams),
        capitalise(r.tr(R::Points)),
        r.tr(R::OfBest),
        r.tr(R::Values)
    );
    for x in &r.ranking {
        let pct = x.percent.map_or("–".to_string(), num);
        let _ = writeln!(
            o,
            r#"<tr><td class="num">{}.</td><td class="who">{}</td><td class="num">{}</td><td class="num">{pct}</td><td>{}</td></tr>"#,
            x.rank,
            team(r, x.team),
            num(x.total),
            values(&x.values)
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    let by = if r.by_alignment {
        R::ByAlignment
    } else {
        R::ByPoints
    };
    let _ = writeln!(o, "<p><em>{}</em></p>", r.tr(by));
}

fn adjustments(o: &mut String, r: &Report, list: &[Adjustment]) {
    for a in list {
        let _ = writeln!(
            o,
            r#"<p class="adjust">{} — {}: {}{}</p>"#,
            r.tr(R::Adjusted),
            esc(r.teams.get(a.team).map_or("", |x| x.name.as_str())),
            with_unit(r.lang, a.points, true),
            if a.reason.is_empty() {
                String::new()
            } else {
                format!(" ({})", esc(&a.reason))
            }
        );
    }
}

fn revealed(
    o: &mut String,
    r: &Report,
    number: usize,
    title: &str,
    v: &Revealed,
    adjusted: &[Adjustment],
) {
    let _ = writeln!(o, r#"<section class="round">"#);
    let _ = writeln!(
        o,
        r#"<h2>{} {number}: {title}</h2><p class="layer">{}: {}</p>"#,
        r.tr(R::Round),
        r.tr(R::Layer),
        v.layer
    );
    if !v.setting.is_empty() {
        let _ = writeln!(o, r#"<p class="setting">{}</p>"#, esc(&v.setting));
    }
    let _ = writeln!(o, r#"<p class="situation">{}</p>"#, esc(v.situation.trim()));
    let _ = writeln!(
        o,
        r#"<table><thead><tr><th>{}</th><th>{}</th><th class="num">{}</th></tr></thead><tbody>"#,
        r.tr(R::Behaviour),
        r.tr(R::Change),
        capitalise(r.tr(R::Points))
    );
    for (c, teams) in &v.groups {
        if let Some(c) = v.choices.get(*c) {
            choice_row(o, r, c, teams);
        }
    }
    let _ = writeln!(o, "</tbody></table>");
    adjustments(o, r, adjusted);
    // The debrief and the room for notes stay together, on the page of their round.
    let _ = writeln!(o, r#"<div class="debrief">"#);
    let mut noted = false;
    if !v.debrief.is_empty() {
        let _ = writeln!(o, "<h3>{}</h3><ul>", r.tr(R::Debrief));
        for (q, note) in &v.debrief {
            match note {
                Some(note) => {
                    noted = true;
                    let _ = writeln!(o, r#"<li>{}<p class="note">{}</p></li>"#, esc(q), esc(note));
                }
                None => {
                    let _ = writeln!(o, "<li>{}</li>", esc(q));
                }
            }
        }
        let _ = writeln!(o, "</ul>");
    }
    // Room to write by hand, where nothing was noted in the game: ruled with borders, which print
    // without "background graphics".
    if !noted {
        let _ = writeln!(
            o,
            r#"<div class="notes"><p>{}</p><div></div><div></div><div></div></div>"#,
            r.tr(R::Notes)
        );
    }
    let _ = writeln!(o, "</div>\n</section>");
}

/// The class that colours a change: a gain green, a loss orange, nothing grey.
fn sign_class(n: i64) -> &'static str {
    match n.cmp(&0) {
        std::cmp::Ordering::Greater => "plus",
        std::cmp::Ordering::Less => "minus",
        std::cmp::Ordering::Equal => "zero",
    }
}

/// One behaviour and the teams that chose it, with its changes and points.
fn choice_row(o: &mut String, r: &Report, c: &Choice, teams: &[usize]) {
    let changes: Vec<String> = c
        .changes
        .iter()
        .map(|(v, p)| {
            format!(
                r#"<span class="{}">{} {}</span>"#,
                sign_class(*p),
                esc(v),
                signed(*p)
            )
        })
        .collect();
    let barbarian = if c.barbarian.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = c.barbarian.iter().map(|v| esc(v)).collect();
        format!(
            r#"<div class="barbarian">⚠ {}: {}</div>"#,
            r.tr(R::Barbarian),
            names.join(", ")
        )
    };
    let who: Vec<String> = teams
        .iter()
        .map(|&i| format!(r#"<span class="who">{}</span>"#, team(r, i)))
        .collect();
    let _ = writeln!(
        o,
        r#"<tr><td><div class="chosen"><strong>{}</strong> — {} {}</div>{}<div class="consequence">{}</div></td><td class="changes">{}{barbarian}</td><td class="num"><span class="{}">{}</span><br><span class="layer">{} {}</span></td></tr>"#,
        c.key,
        r.tr(R::ChosenBy),
        who.join(", "),
        esc(&c.text),
        esc(&c.consequence),
        if changes.is_empty() {
            r.tr(R::None).to_string()
        } else {
            changes.join(" ")
        },
        sign_class(c.score),
        signed(c.score),
        r.tr(R::BestShort),
        signed(c.best)
    );
}

fn agreements(o: &mut String, r: &Report) {
    let _ = writeln!(
        o,
        r#"<section class="manners"><h2>{}</h2>"#,
        r.tr(R::Manners)
    );
    if r.adopted.is_empty() {
        let _ = writeln!(o, "<p><em>{}</em></p>", r.tr(R::NoAgreements));
    }
    for (value, list) in &r.adopted {
        let _ = writeln!(o, "<h3>{}</h3><ul>", esc(value));
        for a in list {
            let _ = writeln!(
                o,
                r#"<li><span class="kind">{}</span> {}{}</li>"#,
                a.kind,
                esc(&a.text),
                if a.detail.is_empty() {
                    String::new()
                } else {
                    format!(r#"<div class="layer">{}</div>"#, esc(&a.detail))
                }
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    if !r.proposals.is_empty() {
        let _ = writeln!(o, "<h3>{}</h3><ul>", r.tr(R::Proposals));
        for p in &r.proposals {
            let status = r.tr(if p.dropped { R::Dropped } else { R::Open });
            let _ = writeln!(
                o,
                "<li>{} — {}: {} ({status}{})</li>",
                esc(&p.value),
                p.kind,
                esc(&p.text),
                esc(&p.history)
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");
}

/// The photos per value, each scaled down and embedded as a data URI (so the page stays one file
/// of a few MB), with its caption; a missing file is a placeholder with the reason.
fn photos(o: &mut String, r: &Report, album: &Album) {
    if r.photos.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        r#"<style>
.photos figure {{ display: inline-block; vertical-align: top; margin: 0 3mm 4mm 0; width: 58mm; break-inside: avoid; }}
.photos img {{ display: block; width: 58mm; height: 43mm; object-fit: contain; background: #f4f5f8; }}
.photos .missing {{ width: 58mm; height: 43mm; background: #f4f5f8; color: var(--muted); display: flex; align-items: center; justify-content: center; }}
.photos figcaption {{ font-size: 9pt; color: var(--muted); }}
</style>
<section class="photos"><h2>{}</h2>"#,
        r.tr(R::Photos)
    );
    for (value, list) in &r.photos {
        let _ = writeln!(o, "<h3>{}</h3><div>", esc(value));
        for p in list {
            let text = esc(&p.caption);
            match album.load(&p.hash) {
                Ok(pic) => {
                    let _ = writeln!(
                        o,
                        r#"<figure><img src="{}" alt="{text}"><figcaption>{text}</figcaption></figure>"#,
                        crate::photos::data_uri(&pic, REPORT_PX, REPORT_QUALITY),
                    );
                }
                Err(why) => {
                    let _ = writeln!(
                        o,
                        r#"<figure><div class="missing">{}</div><figcaption>{text}{}</figcaption></figure>"#,
                        r.tr(R::PhotoMissing),
                        esc(&format!(" ({why})"))
                    );
                }
            }
        }
        let _ = writeln!(o, "</div>");
    }
    let _ = writeln!(o, "</section>");
}

/// The trajectory: each team's total and values per session, earliest first.
fn trajectory(o: &mut String, r: &Report) {
    if r.stages.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<h2>{}</h2><table><thead><tr><th>{}</th>",
        r.tr(R::Trajectory),
        r.tr(R::Teams)
    );
    for st in &r.stages {
        let _ = write!(o, "<th>{}</th>", esc(&st.label));
    }
    let _ = writeln!(o, "</tr></thead><tbody>");
    for (t, x) in r.teams.iter().enumerate() {
        let _ = write!(o, r#"<tr><td class="who">{}</td>"#, team(r, t));
        for st in &r.stages {
            match st.teams.iter().find(|(n, _, _)| *n == x.name) {
                Some((_, total, list)) => {
                    let _ = write!(
                        o,
                        r#"<td><strong>{}</strong><div class="layer">{}</div></td>"#,
                        with_unit(r.lang, *total, false),
                        values(list)
                    );
                }
                None => {
                    let _ = write!(o, "<td>–</td>");
                }
            }
        }
        let _ = writeln!(o, "</tr>");
    }
    let _ = writeln!(o, "</tbody></table>");
}

fn profile(o: &mut String, r: &Report, t: usize, p: &Profile) {
    let _ = writeln!(o, r#"<section class="team"><h3>{}</h3>"#, team(r, t));
    o.push_str(&super::svg::profile(r, t, p));
    if !p.moves.is_empty() {
        let list: Vec<String> = p
            .moves
            .iter()
            .map(|(number, _, value, points)| {
                format!(
                    "{} {number}: {} ({})",
                    r.tr(R::Round),
                    esc(value),
                    signed(*points)
                )
            })
            .collect();
        let _ = writeln!(
            o,
            r#"<p class="barbarian">{}: {}</p>"#,
            capitalise(r.tr(R::Barbarian)),
            list.join(" · ")
        );
    }
    if !p.served.is_empty() {
        let _ = writeln!(o, "<p><strong>{}</strong></p><ul>", r.tr(R::Played));
        for (value, texts) in &p.served {
            let _ = writeln!(
                o,
                "<li><strong>{}:</strong> {}</li>",
                esc(value),
                esc(&texts.join(" · "))
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");
}
