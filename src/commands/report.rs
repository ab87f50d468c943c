//! `report`: what a session leaves behind, from its journal: `report.md` (to read and share),
//! `report.html` (one self-contained page with inline CSS and SVG that prints on A4), `scores.xlsx`
//! and `scores.csv` (see [`super::scores`]) and `session.json` (everything, for other tools).
//! Headings follow the session's language (Dutch or English).

use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::deck::{Language, load_deck};
use crate::session::{Event, RoundStatus, Session, TeamResult};
use crate::store;

/// Reads a journal and replays it against its deck (`deck`, else the path in the journal); warnings
/// go to `out`. Returns the session and when it was created.
pub fn open(
    journal: &Path,
    deck: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(Session, Option<String>), String> {
    let loaded = store::read(journal).map_err(|e| e.to_string())?;
    // The journal keeps the deck as played; the file is read to say whether it changed since (and
    // is the deck for journals of format 1).
    let on_disk = match deck {
        Some(p) => load_deck(p),
        None => find_deck(journal, &loaded.settings.deck_path).and_then(|p| load_deck(&p)),
    };
    if loaded.deck.is_none()
        && let Err(e) = &on_disk
    {
        return Err(e.clone());
    }
    let (session, more) = loaded.replay(on_disk.ok()).map_err(|e| e.to_string())?;
    for w in loaded.warnings.iter().chain(&more) {
        writeln!(out, "waarschuwing: {w}").map_err(|e| e.to_string())?;
    }
    Ok((session, loaded.created))
}

/// Reads the journal, replays it and writes the report files into `out_dir`.
pub fn run(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let (session, created, album) = super::poster::open_with_photos(journal, deck, out)?;
    let stages = trajectory(journal, &session, created.as_deref());
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("{}: kan de map niet maken: {e}", out_dir.display()))?;
    let files: [(&str, Vec<u8>); 5] = [
        (
            "report.md",
            markdown(&session, created.as_deref(), &stages).into(),
        ),
        ("scores.csv", super::scores::csv(&session)?),
        (
            "scores.xlsx",
            super::scores::xlsx(&session, created.as_deref())?,
        ),
        ("session.json", json(&session, created.as_deref())?.into()),
        (
            "report.html",
            html_with_photos(&session, created.as_deref(), &stages, Some(&album)).into(),
        ),
    ];
    for (name, bytes) in files {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("{}: kan niet schrijven: {e}", path.display()))?;
        writeln!(out, "{}", path.display()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The deck named in the journal: as written, else next to the journal's folder's parent (a
/// sessions folder inside the project), else not found with a message that says what to do.
fn find_deck(journal: &Path, recorded: &str) -> Result<PathBuf, String> {
    let recorded_path = PathBuf::from(recorded);
    let mut tried = vec![recorded_path.clone()];
    if recorded_path.is_file() {
        return Ok(recorded_path);
    }
    if recorded_path.is_relative()
        && let Some(parent) = journal.parent().and_then(Path::parent)
    {
        let candidate = parent.join(&recorded_path);
        if candidate.is_file() {
            return Ok(candidate);
        }
        tried.push(candidate);
    }
    // A deck of the same file name in levels/ here or in the user's folder (a built-in deck).
    if let Some(name) = recorded_path.file_name() {
        for folder in crate::deck::builtin::deck_folders() {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
            tried.push(candidate);
        }
    }
    let tried: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
    Err(format!(
        "het deck van deze sessie is niet gevonden (gezocht: {}); geef het aan met --deck PAD",
        tried.join(", ")
    ))
}

/// The labels of the report, per language.
struct Labels {
    report: &'static str,
    created: &'static str,
    deck: &'static str,
    teams: &'static str,
    values: &'static str,
    shared: &'static str,
    round: &'static str,
    skipped: &'static str,
    layer: &'static str,
    chose: &'static str,
    points: &'static str,
    best: &'static str,
    barbarian: &'static str,
    adjusted: &'static str,
    debrief: &'static str,
    ranking: &'static str,
    profile: &'static str,
    manners: &'static str,
    weight: &'static str,
    not_agreed: &'static str,
    none: &'static str,
    unfinished: &'static str,
    summary: &'static str,
    behaviour: &'static str,
    change: &'static str,
    of_best: &'static str,
    notes: &'static str,
    lang: &'static str,
    trajectory: &'static str,
    session: &'static str,
    played: &'static str,
    proposed_by: &'static str,
    meets: &'static str,
    earlier: &'static str,
    proposals: &'static str,
    dropped: &'static str,
    open: &'static str,
    no_agreements: &'static str,
    history: &'static str,
    before_rounds: &'static str,
    not_revealed: &'static str,
    by_points: &'static str,
    by_alignment: &'static str,
    point: &'static str,
    rank: &'static str,
    chosen_by: &'static str,
    best_short: &'static str,
}

const NL: Labels = Labels {
    report: "Verslag",
    created: "Gespeeld op",
    deck: "Deck",
    teams: "Teams",
    values: "Afgesproken waarden",
    shared: "de hele groep",
    round: "Ronde",
    skipped: "Overgeslagen",
    layer: "laag",
    chose: "kiest",
    points: "punten",
    best: "beste mogelijk",
    barbarian: "barbaarse zet",
    adjusted: "Aanpassing door de begeleider",
    debrief: "Om over te praten",
    ranking: "Eindstand",
    profile: "Waardenprofiel",
    manners: "Zo zijn onze manieren",
    weight: "gewicht",
    not_agreed: "niet afgesproken",
    none: "geen",
    unfinished: "De sessie is nog niet afgesloten.",
    summary: "Samenvatting",
    behaviour: "Gedrag",
    change: "Verandering per waarde",
    of_best: "van het haalbare",
    notes: "Aantekeningen",
    lang: "nl",
    trajectory: "Het traject tot nu toe",
    session: "Sessie",
    played: "In het spel kozen we",
    proposed_by: "voorgesteld door",
    meets: "checklist",
    earlier: "eerder",
    proposals: "Voorstellen die niet (of nog niet) zijn aangenomen",
    dropped: "vervallen",
    open: "nog open",
    no_agreements: "De groep heeft in deze sessie nog geen afspraken aangenomen.",
    history: "geschiedenis",
    before_rounds: "Voor de eerste ronde",
    not_revealed: "nog niet onthuld",
    by_points: "Gerangschikt op punten: alle teams speelden met dezelfde waarden.",
    by_alignment: "Gerangschikt op afstemming: punten ÷ het beste dat mogelijk was voor de eigen waarden.",
    point: "punt",
    rank: "Plaats",
    chosen_by: "gekozen door",
    best_short: "beste",
};

const EN: Labels = Labels {
    report: "Report",
    created: "Played on",
    deck: "Deck",
    teams: "Teams",
    values: "Agreed values",
    shared: "the whole group",
    round: "Round",
    skipped: "Skipped",
    layer: "layer",
    chose: "chooses",
    points: "points",
    best: "best possible",
    barbarian: "barbarian move",
    adjusted: "Adjusted by the facilitator",
    debrief: "To talk about",
    ranking: "Final ranking",
    profile: "Value profile",
    manners: "This is how we do things",
    weight: "weight",
    not_agreed: "not agreed",
    none: "none",
    unfinished: "The session has not been closed yet.",
    summary: "Summary",
    behaviour: "Behaviour",
    change: "Change per value",
    of_best: "of the best possible",
    notes: "Notes",
    lang: "en",
    trajectory: "The trajectory so far",
    session: "Session",
    played: "In the game we chose",
    proposed_by: "proposed by",
    meets: "checklist",
    earlier: "earlier",
    proposals: "Proposals not (or not yet) adopted",
    dropped: "dropped",
    open: "still open",
    no_agreements: "The group has not adopted any agreements in this session yet.",
    history: "history",
    before_rounds: "Before the first round",
    not_revealed: "not revealed yet",
    by_points: "Ranked by points: every team played with the same values.",
    by_alignment: "Ranked by alignment: points ÷ the best possible for the team's own values.",
    point: "point",
    rank: "Rank",
    chosen_by: "chosen by",
    best_short: "best",
};

fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

/// One line of Markdown text: newlines become spaces and characters with a meaning in Markdown at
/// the start of a line or in emphasis are escaped.
fn md(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A number as shown in the reports: a loss with the minus sign (−), the same in every report.
fn num(n: i64) -> String {
    if n < 0 {
        format!("−{}", n.unsigned_abs())
    } else {
        n.to_string()
    }
}

/// A number of points with its unit in the right form ("1 punt", "−3 punten", "0 points"); with
/// `sign`, a gain gets its "+".
fn with_unit(l: &Labels, n: i64, sign: bool) -> String {
    let unit = if n.unsigned_abs() == 1 {
        l.point
    } else {
        l.points
    };
    let n = if sign { signed(n) } else { num(n) };
    format!("{n} {unit}")
}

/// When the session was played, from the journal's UTC moment, in this computer's time zone with
/// the zone named ("2026-11-22 15:35 CET"); in UTC where the zone is not known.
fn local_time(created: &str) -> String {
    match parse_utc(created) {
        Some(secs) => crate::store::local_time_of(secs),
        None => created.to_string(),
    }
}

/// Seconds since 1970 of an RFC 3339 moment in UTC (`2026-11-22T14:35:01Z`).
fn parse_utc(c: &str) -> Option<i64> {
    let n = |a: usize, b: usize| c.get(a..b)?.parse::<i64>().ok();
    if !c.ends_with('Z') || c.len() < 20 {
        return None;
    }
    let (y, m, d) = (n(0, 4)?, n(5, 7)?, n(8, 10)?);
    let (h, mi, sec) = (n(11, 13)?, n(14, 16)?, n(17, 19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    // Days from civil (Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + sec)
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else if n < 0 {
        format!("−{}", n.unsigned_abs())
    } else {
        "0".into()
    }
}

/// `report.md`.
pub fn markdown(s: &Session, created: Option<&str>, stages: &[Stage]) -> String {
    let settings = s.settings();
    let deck = s.deck();
    let l = labels(settings.language);
    let team = |t: usize| md(&settings.team_name(t));
    let mut o = String::new();
    let _ = writeln!(o, "# {}: {}\n", l.report, md(&deck.title));
    if let Some(c) = created {
        let _ = writeln!(o, "- {}: {}", l.created, local_time(c));
    }
    let _ = writeln!(o, "- {}: {} (`{}`)", l.deck, md(&deck.title), deck.id);
    let names: Vec<String> = (0..s.team_count()).map(team).collect();
    let _ = writeln!(o, "- {}: {}", l.teams, names.join(", "));
    let _ = writeln!(o, "\n## {}\n", l.values);
    for set in 0..settings.value_sets() {
        let holder = match settings.values_mode {
            crate::session::ValuesMode::Shared => l.shared.to_string(),
            crate::session::ValuesMode::PerTeam => team(set),
        };
        let list: Vec<String> = s
            .team_values(if settings.value_sets() == 1 { 0 } else { set })
            .iter()
            .map(|(v, w)| format!("{} ×{w}", md(deck.value_name(v))))
            .collect();
        let list = if list.is_empty() {
            l.none.to_string()
        } else {
            list.join(", ")
        };
        let _ = writeln!(o, "- **{holder}**: {list}");
    }

    let state = s.state();
    let adjustments_md = |o: &mut String, round: Option<usize>| {
        for a in state.adjustments.iter().filter(|a| a.round == round) {
            let _ = writeln!(
                o,
                "- {} — {}: {}{}",
                l.adjusted,
                team(a.team),
                with_unit(l, a.points, true),
                if a.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", md(&a.reason))
                }
            );
        }
    };
    // Points given before the first round began.
    if state.adjustments.iter().any(|a| a.round.is_none()) {
        let _ = writeln!(o, "\n## {}\n", l.before_rounds);
        adjustments_md(&mut o, None);
    }
    for (index, round) in state.rounds.iter().enumerate() {
        let Some(sc) = deck.scenario(&round.scenario) else {
            continue;
        };
        match &round.status {
            RoundStatus::Skipped { reason } => {
                let reason = if reason.is_empty() {
                    String::new()
                } else {
                    format!(": {}", md(reason))
                };
                let _ = writeln!(o, "\n## {} — {}{reason}\n", l.skipped, md(&sc.title));
                adjustments_md(&mut o, Some(index));
                continue;
            }
            RoundStatus::Open => {
                // No choices are shown before the reveal; points given meanwhile are.
                let _ = writeln!(
                    o,
                    "\n## {} {}: {} — {}\n",
                    l.round,
                    s.number_of(index),
                    md(&sc.title),
                    l.not_revealed
                );
                adjustments_md(&mut o, Some(index));
                continue;
            }
            RoundStatus::Revealed => {}
        }
        let Some(result) = s.round_result(index) else {
            continue;
        };
        let _ = writeln!(
            o,
            "\n## {} {}: {}\n\n*{}: {}* · `{}`\n",
            l.round,
            result.number,
            md(&sc.title),
            l.layer,
            sc.layer.name(settings.language),
            sc.id
        );
        if !sc.setting.is_empty() {
            let _ = writeln!(o, "{}\n", md(&sc.setting));
        }
        for t in &result.teams {
            team_round(&mut o, s, l, t, sc);
        }
        adjustments_md(&mut o, Some(index));
        if !sc.debrief.is_empty() {
            let _ = writeln!(o, "\n**{}**\n", l.debrief);
            for (qi, q) in sc.debrief.iter().enumerate() {
                let _ = writeln!(o, "- {}", md(q));
                if let Some(note) = s.note(index, qi) {
                    let _ = writeln!(o, "  > {}", md(note));
                }
            }
        }
    }

    agreements_markdown(&mut o, s, l);
    o.push_str(&crate::photos::report::markdown_section(s));

    if stages.len() > 1 {
        let _ = writeln!(o, "\n## {}\n", l.trajectory);
        for st in stages {
            let _ = writeln!(o, "- **{}**", md(&st.label));
            for (team, total, values) in &st.teams {
                let list: Vec<String> = values
                    .iter()
                    .map(|(v, w)| format!("{} ×{w}", md(s.deck().value_name(v))))
                    .collect();
                let _ = writeln!(
                    o,
                    "  - {}: {} ({})",
                    md(team),
                    with_unit(l, *total, false),
                    list.join(", ")
                );
            }
        }
    }
    let _ = writeln!(o, "\n## {}\n", l.ranking);
    if !state.finished {
        let _ = writeln!(o, "*{}*\n", l.unfinished);
    }
    let by_alignment = s.rank_by() == crate::session::RankBy::Alignment;
    for r in s.ranking() {
        let percent = match (by_alignment, r.percent) {
            (false, _) => String::new(),
            (true, Some(p)) => format!(" · {p} %"),
            (true, None) => " · – %".to_string(),
        };
        let _ = writeln!(
            o,
            "{}. **{}** — {}{percent}",
            r.rank,
            team(r.team),
            with_unit(l, r.total, false)
        );
    }
    let _ = writeln!(
        o,
        "\n*{}*",
        if by_alignment {
            l.by_alignment
        } else {
            l.by_points
        }
    );
    for t in 0..s.team_count() {
        let _ = writeln!(o, "\n### {}\n", team(t));
        let _ = writeln!(o, "**{}**\n", l.profile);
        for v in s.value_totals(t) {
            let name = md(deck.value_name(&v.value));
            match v.weight {
                Some(w) => {
                    let _ = writeln!(
                        o,
                        "- {name} ({} {w}): {}",
                        l.weight,
                        with_unit(l, v.points, true)
                    );
                }
                None if v.effect != 0 => {
                    let _ = writeln!(o, "- {name} ({}): {}", l.not_agreed, signed(v.effect));
                }
                None => {}
            }
        }
        let moves = s.barbarian_moves(t);
        if !moves.is_empty() {
            let _ = writeln!(o, "\n**{}**\n", capitalise(l.barbarian));
            for m in moves {
                let title = deck
                    .scenario(&m.scenario)
                    .map_or(m.scenario.as_str(), |x| &x.title);
                let _ = writeln!(
                    o,
                    "- {} {} ({}), {}: {}",
                    l.round,
                    m.number,
                    md(title),
                    md(deck.value_name(&m.value)),
                    signed(m.points)
                );
            }
        }
        let served = served_by_value(s, t);
        if !served.is_empty() {
            let _ = writeln!(o, "\n**{}**\n", l.played);
            for (value, texts) in served {
                let texts: Vec<String> = texts.iter().map(|t| md(t)).collect();
                let _ = writeln!(o, "- **{}**: {}", md(&value), texts.join(" · "));
            }
        }
    }
    o
}

/// Per agreed value of team `t` (strongest first), the behaviours it chose that raised that value,
/// in round order: what the game adds to the group's manners. The rule is the poster's
/// ([`crate::poster::data_for`]): a behaviour is listed only under a value it served, never under
/// one it harmed; the barbarian moves are listed apart. Values nothing served are left out.
fn served_by_value(s: &Session, t: usize) -> Vec<(String, Vec<String>)> {
    crate::poster::data_for(s, t, None)
        .values
        .into_iter()
        .filter(|v| !v.behaviours.is_empty())
        .map(|v| (v.name, v.behaviours.into_iter().map(|(b, _)| b).collect()))
        .collect()
}

/// The adopted agreements grouped by the value they serve (values in deck order), and the other
/// proposals.
fn agreements_grouped(
    s: &Session,
) -> (
    Vec<(&str, Vec<&crate::session::Agreement>)>,
    Vec<&crate::session::Agreement>,
) {
    use crate::session::AgreementStatus;
    let adopted = s
        .adopted_by_value()
        .into_iter()
        .map(|(v, list)| (v.name.as_str(), list))
        .collect();
    let others = s
        .agreements()
        .iter()
        .filter(|a| a.status != AgreementStatus::Adopted)
        .collect();
    (adopted, others)
}

/// Who proposed an agreement and which checklist questions it meets, as one line.
fn agreement_detail(s: &Session, l: &Labels, a: &crate::session::Agreement) -> String {
    let mut parts = Vec::new();
    if !a.by.is_empty() {
        parts.push(format!("{} {}", l.proposed_by, a.by));
    }
    if let Some(t) = a.team {
        parts.push(s.settings().team_name(t));
    }
    if !a.meets.is_empty() {
        let checklist = s.checklist();
        let met: Vec<&str> = a
            .meets
            .iter()
            .filter_map(|&q| checklist.get(q).map(String::as_str))
            .collect();
        parts.push(format!("{}: {}", l.meets, met.join(" · ")));
    }
    // An agreement carried from an earlier session of the trajectory: what happened to it in each
    // session (its earlier wordings included); else the earlier wordings of this session.
    if let Some(h) = carried_history(s, l, a) {
        parts.push(h);
    } else if !a.history.is_empty() {
        parts.push(format!("{}: {}", l.earlier, a.history.join(" → ")));
    }
    parts.join("; ")
}

/// For an agreement carried from an earlier session: its history across the trajectory, as one
/// line ("geschiedenis: aangenomen in sessie 1 · in sessie 2 besproken: deels").
fn carried_history(s: &Session, l: &Labels, a: &crate::session::Agreement) -> Option<String> {
    let i = s.agreements().iter().position(|x| std::ptr::eq(x, a))?;
    if !s.is_carried(i) {
        return None;
    }
    let lang = s.settings().language;
    let steps: Vec<String> = s.history_of(i).iter().map(|m| m.describe(lang)).collect();
    Some(format!("{}: {}", l.history, steps.join(" · ")))
}

fn agreements_markdown(o: &mut String, s: &Session, l: &Labels) {
    let lang = s.settings().language;
    let (adopted, others) = agreements_grouped(s);
    let _ = writeln!(o, "\n## {}\n", l.manners);
    if adopted.is_empty() {
        let _ = writeln!(o, "*{}*", l.no_agreements);
    }
    for (value, list) in adopted {
        let _ = writeln!(o, "\n**{}**\n", md(value));
        for a in list {
            let detail = agreement_detail(s, l, a);
            let _ = writeln!(
                o,
                "- *{}* {}{}",
                a.kind.name(lang),
                md(&a.text),
                if detail.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", md(&detail))
                }
            );
        }
    }
    if !others.is_empty() {
        let _ = writeln!(o, "\n**{}**\n", l.proposals);
        for a in others {
            let status = match a.status {
                crate::session::AgreementStatus::Dropped => l.dropped,
                _ => l.open,
            };
            let history = carried_history(s, l, a).map_or(String::new(), |h| format!("; {h}"));
            let _ = writeln!(
                o,
                "- {} — {}: {} ({status}{})",
                md(s.deck().value_name(&a.value)),
                a.kind.name(lang),
                md(&a.text),
                md(&history)
            );
        }
    }
}

fn agreements_html(o: &mut String, s: &Session, l: &Labels) {
    let lang = s.settings().language;
    let (adopted, others) = agreements_grouped(s);
    let _ = writeln!(o, r#"<section class="manners"><h2>{}</h2>"#, l.manners);
    if adopted.is_empty() {
        let _ = writeln!(o, "<p><em>{}</em></p>", l.no_agreements);
    }
    for (value, list) in adopted {
        let _ = writeln!(o, "<h3>{}</h3><ul>", esc(value));
        for a in list {
            let detail = agreement_detail(s, l, a);
            let _ = writeln!(
                o,
                r#"<li><span class="kind">{}</span> {}{}</li>"#,
                a.kind.name(lang),
                esc(&a.text),
                if detail.is_empty() {
                    String::new()
                } else {
                    format!(r#"<div class="layer">{}</div>"#, esc(&detail))
                }
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    if !others.is_empty() {
        let _ = writeln!(o, "<h3>{}</h3><ul>", l.proposals);
        for a in others {
            let status = match a.status {
                crate::session::AgreementStatus::Dropped => l.dropped,
                _ => l.open,
            };
            let history = carried_history(s, l, a).map_or(String::new(), |h| format!("; {h}"));
            let _ = writeln!(
                o,
                "<li>{} — {}: {} ({status}{})</li>",
                esc(s.deck().value_name(&a.value)),
                a.kind.name(lang),
                esc(&a.text),
                esc(&history)
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn team_round(o: &mut String, s: &Session, l: &Labels, t: &TeamResult, sc: &crate::deck::Scenario) {
    let deck = s.deck();
    let name = md(&s.settings().team_name(t.team));
    let Some(b) = sc.behaviour(t.key) else {
        return;
    };
    let _ = writeln!(o, "- **{name}** {} **{}**: {}", l.chose, t.key, md(&b.text));
    let changes: Vec<String> = t
        .per_value
        .iter()
        .map(|c| format!("{} {}", md(deck.value_name(&c.value)), signed(c.points)))
        .collect();
    let barbarian = if t.barbarian.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = t.barbarian.iter().map(|v| md(deck.value_name(v))).collect();
        format!(" · ⚠ {}: {}", l.barbarian, names.join(", "))
    };
    let _ = writeln!(
        o,
        "  - {} ({}: {}) · {}{barbarian}",
        with_unit(l, t.score, true),
        l.best,
        signed(t.best),
        if changes.is_empty() {
            l.none.to_string()
        } else {
            changes.join(", ")
        }
    );
    if !b.consequence.is_empty() {
        let _ = writeln!(o, "  - *{}*", md(&b.consequence));
    }
}

/// The version of `session.json`'s own layout (not the journal's format, which it names apart).
/// 2: named fields throughout (an unversioned file before it had the journal's `format` and
/// `[id, weight]` pairs).
pub const SESSION_JSON_VERSION: u32 = 2;

#[derive(Serialize)]
struct SessionDoc<'a> {
    version: u32,
    journal_format: u32,
    created: Option<&'a str>,
    settings: &'a crate::session::Settings,
    deck: DeckDoc<'a>,
    state: StateDoc<'a>,
    rounds: Vec<crate::session::RoundResult>,
    teams: Vec<TeamDoc>,
    ranking: Vec<crate::session::Ranked>,
    events: &'a [Event],
}

#[derive(Serialize)]
struct DeckDoc<'a> {
    id: &'a str,
    title: &'a str,
    language: Language,
    values: Vec<NamedValue<'a>>,
}

#[derive(Serialize)]
struct NamedValue<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Weighted {
    value: String,
    weight: u8,
}

fn weighted(values: &[(String, u8)]) -> Vec<Weighted> {
    values
        .iter()
        .map(|(value, weight)| Weighted {
            value: value.clone(),
            weight: *weight,
        })
        .collect()
}

/// A value set as agreed: `team` is `null` for the whole group (shared values).
#[derive(Serialize)]
struct ValueSetDoc {
    team: Option<usize>,
    agreed: bool,
    values: Vec<Weighted>,
}

#[derive(Serialize)]
struct StateDoc<'a> {
    value_sets: Vec<ValueSetDoc>,
    rounds: &'a [crate::session::Round],
    adjustments: &'a [crate::session::Adjustment],
    finished: bool,
    agreements: &'a [crate::session::Agreement],
    notes: &'a [crate::session::Note],
}

#[derive(Serialize)]
struct TeamDoc {
    team: usize,
    name: String,
    colour: String,
    values: Vec<Weighted>,
    total: i64,
    adjusted: i64,
    alignment: crate::session::Alignment,
    alignment_percent: Option<i64>,
    value_totals: Vec<crate::session::ValueTotal>,
    barbarian_moves: Vec<crate::session::BarbarianMove>,
}

/// `session.json`: the session for other tools, with named fields (described in docs/sessions.md).
pub fn json(s: &Session, created: Option<&str>) -> Result<String, String> {
    let deck = s.deck();
    let totals = s.totals();
    let state = s.state();
    let shared = s.settings().values_mode == crate::session::ValuesMode::Shared;
    let doc = SessionDoc {
        version: SESSION_JSON_VERSION,
        journal_format: store::FORMAT,
        created,
        settings: s.settings(),
        deck: DeckDoc {
            id: &deck.id,
            title: &deck.title,
            language: deck.language,
            values: deck
                .values
                .iter()
                .map(|v| NamedValue {
                    id: &v.id,
                    name: &v.name,
                })
                .collect(),
        },
        state: StateDoc {
            value_sets: state
                .values
                .iter()
                .enumerate()
                .map(|(i, set)| ValueSetDoc {
                    team: (!shared).then_some(i),
                    agreed: set.is_some(),
                    values: set.as_deref().map(weighted).unwrap_or_default(),
                })
                .collect(),
            rounds: &state.rounds,
            adjustments: &state.adjustments,
            finished: state.finished,
            agreements: &state.agreements,
            notes: &state.notes,
        },
        rounds: s.results(),
        teams: (0..s.team_count())
            .map(|t| TeamDoc {
                team: t,
                name: s.settings().team_name(t),
                colour: s.settings().teams[t].colour.clone(),
                values: weighted(s.team_values(t)),
                total: totals[t],
                adjusted: state
                    .adjustments
                    .iter()
                    .filter(|a| a.team == t)
                    .map(|a| a.points)
                    .sum(),
                alignment: s.alignment(t),
                alignment_percent: s.alignment(t).percent(),
                value_totals: s.value_totals(t),
                barbarian_moves: s.barbarian_moves(t),
            })
            .collect(),
        ranking: s.ranking(),
        events: s.events(),
    };
    serde_json::to_string_pretty(&doc)
        .map(|mut t| {
            t.push('\n');
            t
        })
        .map_err(|e| e.to_string())
}

/// Text for HTML.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A `#RRGGBB` colour, or grey when the journal holds something else.
fn safe_colour(c: &str) -> &str {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit());
    if ok { c } else { "#888888" }
}

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

/// The largest number of points any team has on one of its agreed values (at least 1): every
/// team's profile is drawn on this one scale, so equal bars mean equal points.
fn profile_scale(s: &Session) -> i64 {
    (0..s.team_count())
        .flat_map(|t| s.value_totals(t))
        .filter(|v| v.weight.is_some())
        .map(|v| v.points.abs())
        .max()
        .unwrap_or(0)
        .max(1)
}

/// A team's value profile as an SVG bar chart: points per agreed value, around a zero line, on the
/// scale `max` shared by all teams. Labelled for screen readers by its `<title>`.
fn profile_svg(s: &Session, team: usize, max: i64, l: &Labels) -> String {
    let deck = s.deck();
    let rows: Vec<(String, i64)> = s
        .value_totals(team)
        .into_iter()
        .filter(|v| v.weight.is_some())
        .map(|v| (deck.value_name(&v.value).to_string(), v.points))
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let max = max.max(1) as f64;
    let (label_w, half, row_h) = (150.0, 90.0, 24.0);
    // Room between the labels and the longest bar to the left for its number.
    let zero = label_w + 40.0 + half;
    let width = zero + half + 36.0;
    let height = rows.len() as f64 * row_h + 8.0;
    let described: Vec<String> = rows
        .iter()
        .map(|(name, points)| format!("{} {}", name, with_unit(l, *points, true)))
        .collect();
    let mut o = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}" role="img"><title>{}: {}: {}</title>"#,
        l.profile,
        esc(&s.settings().team_name(team)),
        esc(&described.join(", "))
    );
    let _ = write!(
        o,
        r##"<line x1="{zero}" y1="0" x2="{zero}" y2="{height}" stroke="#9aa1ad" stroke-width="1"/>"##
    );
    for (i, (name, points)) in rows.iter().enumerate() {
        let y = 4.0 + i as f64 * row_h;
        let len = (*points as f64).abs() / max * half;
        let (x, colour, anchor_x, anchor) = match points.cmp(&0) {
            std::cmp::Ordering::Greater => (zero, "#007a5a", zero + len + 4.0, "start"),
            std::cmp::Ordering::Less => (zero - len, "#c14d00", zero - len - 4.0, "end"),
            std::cmp::Ordering::Equal => (zero, "#9aa1ad", zero + 4.0, "start"),
        };
        let short: String = name.chars().take(26).collect();
        let _ = write!(
            o,
            r#"<text x="{label_w}" y="{ty}" text-anchor="end">{}</text><rect x="{x}" y="{ry}" width="{len}" height="{bh}" rx="2" fill="{colour}"/><text x="{anchor_x}" y="{ty}" text-anchor="{anchor}">{}</text>"#,
            esc(&short),
            signed(*points),
            ty = y + row_h * 0.62,
            ry = y + 4.0,
            bh = row_h - 8.0,
        );
    }
    o.push_str("</svg>");
    o
}

/// The class that colours a change: a gain green, a loss orange, nothing grey.
fn sign_class(n: i64) -> &'static str {
    match n.cmp(&0) {
        std::cmp::Ordering::Greater => "plus",
        std::cmp::Ordering::Less => "minus",
        std::cmp::Ordering::Equal => "zero",
    }
}

/// `report.html`: one self-contained page (inline CSS and SVG, no network) that prints on A4.
pub fn html(s: &Session, created: Option<&str>, stages: &[Stage]) -> String {
    html_with_photos(s, created, stages, None)
}

/// As [`html`]; with the session's album, its photos are embedded per value (scaled), and a
/// missing file shows a placeholder with the reason.
pub fn html_with_photos(
    s: &Session,
    created: Option<&str>,
    stages: &[Stage],
    album: Option<&crate::photos::Album>,
) -> String {
    let settings = s.settings();
    let deck = s.deck();
    let l = labels(settings.language);
    let team_html = |t: usize| {
        let colour = settings
            .teams
            .get(t)
            .map_or("#888888", |x| safe_colour(&x.colour));
        // The swatch is a border, not a background: it prints without "background graphics".
        format!(
            r#"<span class="swatch" style="border-color:{colour}"></span>{}"#,
            esc(&settings.team_name(t))
        )
    };
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        l.lang,
        l.report,
        esc(&deck.title)
    );
    let _ = writeln!(o, "<h1>{}: {}</h1>", l.report, esc(&deck.title));
    let mut meta = Vec::new();
    if let Some(c) = created {
        meta.push(format!("{} {}", l.created, esc(&local_time(c))));
    }
    meta.push(format!("{} <code>{}</code>", l.deck, esc(&deck.id)));
    meta.push(format!("{} {}", s.team_count(), l.teams.to_lowercase()));
    let _ = writeln!(o, r#"<p class="meta">{}</p>"#, meta.join(" · "));

    // Summary: ranking and agreed values.
    let _ = writeln!(o, "<h2>{}</h2>", l.summary);
    if !s.state().finished {
        let _ = writeln!(o, "<p><em>{}</em></p>", l.unfinished);
    }
    let _ = writeln!(
        o,
        r#"<table><thead><tr><th class="num">{}</th><th>{}</th><th class="num">{}</th><th class="num" title="{}">%</th><th>{}</th></tr></thead><tbody>"#,
        l.rank,
        l.teams,
        capitalise(l.points),
        l.of_best,
        l.values
    );
    for r in s.ranking() {
        let values: Vec<String> = s
            .team_values(r.team)
            .iter()
            .map(|(v, w)| {
                format!(
                    r#"<span class="nowrap">{} ×{w}</span>"#,
                    esc(deck.value_name(v))
                )
            })
            .collect();
        let pct = r.percent.map_or("–".to_string(), num);
        let _ = writeln!(
            o,
            r#"<tr><td class="num">{}.</td><td class="who">{}</td><td class="num">{}</td><td class="num">{pct}</td><td>{}</td></tr>"#,
            r.rank,
            team_html(r.team),
            num(r.total),
            values.join(", ")
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    let _ = writeln!(
        o,
        "<p><em>{}</em></p>",
        if s.rank_by() == crate::session::RankBy::Alignment {
            l.by_alignment
        } else {
            l.by_points
        }
    );

    // The rounds.
    let state = s.state();
    let adjustments_html = |o: &mut String, round: Option<usize>| {
        for a in state.adjustments.iter().filter(|a| a.round == round) {
            let _ = writeln!(
                o,
                r#"<p class="adjust">{} — {}: {}{}</p>"#,
                l.adjusted,
                esc(&settings.team_name(a.team)),
                with_unit(l, a.points, true),
                if a.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", esc(&a.reason))
                }
            );
        }
    };
    // Points given before the first round began.
    if state.adjustments.iter().any(|a| a.round.is_none()) {
        let _ = writeln!(o, "<h2>{}</h2>", l.before_rounds);
        adjustments_html(&mut o, None);
    }
    for (index, round) in state.rounds.iter().enumerate() {
        let Some(sc) = deck.scenario(&round.scenario) else {
            continue;
        };
        match &round.status {
            RoundStatus::Skipped { reason } => {
                let _ = writeln!(o, r#"<h2>{} — {}</h2>"#, l.skipped, esc(&sc.title));
                if !reason.is_empty() {
                    let _ = writeln!(o, r#"<p class="meta">{}</p>"#, esc(reason));
                }
                adjustments_html(&mut o, Some(index));
                continue;
            }
            RoundStatus::Open => {
                // No choices are shown before the reveal; points given meanwhile are.
                let _ = writeln!(
                    o,
                    r#"<h2>{} {}: {} — {}</h2>"#,
                    l.round,
                    s.number_of(index),
                    esc(&sc.title),
                    l.not_revealed
                );
                adjustments_html(&mut o, Some(index));
                continue;
            }
            RoundStatus::Revealed => {}
        }
        let Some(result) = s.round_result(index) else {
            continue;
        };
        let _ = writeln!(o, r#"<section class="round">"#);
        let _ = writeln!(
            o,
            r#"<h2>{} {}: {}</h2><p class="layer">{}: {}</p>"#,
            l.round,
            result.number,
            esc(&sc.title),
            l.layer,
            sc.layer.name(settings.language)
        );
        if !sc.setting.is_empty() {
            let _ = writeln!(o, r#"<p class="setting">{}</p>"#, esc(&sc.setting));
        }
        let _ = writeln!(
            o,
            r#"<p class="situation">{}</p>"#,
            esc(sc.situation.trim())
        );
        let _ = writeln!(
            o,
            r#"<table><thead><tr><th>{}</th><th>{}</th><th class="num">{}</th></tr></thead><tbody>"#,
            l.behaviour,
            l.change,
            capitalise(l.points)
        );
        // Teams that chose the same behaviour with the same result share one row.
        let mut groups: Vec<(&TeamResult, Vec<usize>)> = Vec::new();
        for t in &result.teams {
            match groups.iter_mut().find(|(first, _)| {
                first.key == t.key
                    && first.score == t.score
                    && first.best == t.best
                    && first.per_value == t.per_value
                    && first.barbarian == t.barbarian
            }) {
                Some((_, teams)) => teams.push(t.team),
                None => groups.push((t, vec![t.team])),
            }
        }
        groups.sort_by_key(|(t, teams)| (t.key, teams[0]));
        for (t, teams) in groups {
            let Some(b) = sc.behaviour(t.key) else {
                continue;
            };
            let changes: Vec<String> = t
                .per_value
                .iter()
                .map(|c| {
                    format!(
                        r#"<span class="{}">{} {}</span>"#,
                        sign_class(c.points),
                        esc(deck.value_name(&c.value)),
                        signed(c.points)
                    )
                })
                .collect();
            let barbarian = if t.barbarian.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = t
                    .barbarian
                    .iter()
                    .map(|v| esc(deck.value_name(v)))
                    .collect();
                format!(
                    r#"<div class="barbarian">⚠ {}: {}</div>"#,
                    l.barbarian,
                    names.join(", ")
                )
            };
            let who: Vec<String> = teams
                .iter()
                .map(|&i| format!(r#"<span class="who">{}</span>"#, team_html(i)))
                .collect();
            let _ = writeln!(
                o,
                r#"<tr><td><div class="chosen"><strong>{}</strong> — {} {}</div>{}<div class="consequence">{}</div></td><td class="changes">{}{barbarian}</td><td class="num"><span class="{}">{}</span><br><span class="layer">{} {}</span></td></tr>"#,
                t.key,
                l.chosen_by,
                who.join(", "),
                esc(&b.text),
                esc(&b.consequence),
                if changes.is_empty() {
                    l.none.to_string()
                } else {
                    changes.join(" ")
                },
                sign_class(t.score),
                signed(t.score),
                l.best_short,
                signed(t.best)
            );
        }
        let _ = writeln!(o, "</tbody></table>");
        adjustments_html(&mut o, Some(index));
        // The debrief and the room for notes stay together, on the page of their round.
        let _ = writeln!(o, r#"<div class="debrief">"#);
        let mut noted = false;
        if !sc.debrief.is_empty() {
            let _ = writeln!(o, "<h3>{}</h3><ul>", l.debrief);
            for (qi, q) in sc.debrief.iter().enumerate() {
                match s.note(index, qi) {
                    Some(note) => {
                        noted = true;
                        let _ =
                            writeln!(o, r#"<li>{}<p class="note">{}</p></li>"#, esc(q), esc(note));
                    }
                    None => {
                        let _ = writeln!(o, "<li>{}</li>", esc(q));
                    }
                }
            }
            let _ = writeln!(o, "</ul>");
        }
        // Room to write by hand, where nothing was noted in the game: ruled with borders, which
        // print without "background graphics".
        if !noted {
            let _ = writeln!(
                o,
                r#"<div class="notes"><p>{}</p><div></div><div></div><div></div></div>"#,
                l.notes
            );
        }
        let _ = writeln!(o, "</div>\n</section>");
    }

    agreements_html(&mut o, s, l);
    if let Some(album) = album {
        o.push_str(&crate::photos::report::html_section(s, album));
    }

    // The trajectory: each team's total and values per session, earliest first.
    if stages.len() > 1 {
        let _ = writeln!(
            o,
            "<h2>{}</h2><table><thead><tr><th>{}</th>",
            l.trajectory, l.teams
        );
        for st in stages {
            let _ = write!(o, "<th>{}</th>", esc(&st.label));
        }
        let _ = writeln!(o, "</tr></thead><tbody>");
        for t in 0..s.team_count() {
            let name = settings.team_name(t);
            let _ = write!(o, r#"<tr><td class="who">{}</td>"#, team_html(t));
            for st in stages {
                match st.teams.iter().find(|(n, _, _)| *n == name) {
                    Some((_, total, values)) => {
                        let list: Vec<String> = values
                            .iter()
                            .map(|(v, w)| {
                                format!(
                                    r#"<span class="nowrap">{} ×{w}</span>"#,
                                    esc(deck.value_name(v))
                                )
                            })
                            .collect();
                        let _ = write!(
                            o,
                            r#"<td><strong>{}</strong><div class="layer">{}</div></td>"#,
                            with_unit(l, *total, false),
                            list.join(", ")
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

    // The teams, two to a row, each profile on the same scale.
    let _ = writeln!(o, "<h2>{}</h2>\n<div class=\"teams\">", l.profile);
    let scale = profile_scale(s);
    for t in 0..s.team_count() {
        let _ = writeln!(o, r#"<section class="team"><h3>{}</h3>"#, team_html(t));
        o.push_str(&profile_svg(s, t, scale, l));
        let moves = s.barbarian_moves(t);
        if !moves.is_empty() {
            let list: Vec<String> = moves
                .iter()
                .map(|m| {
                    format!(
                        "{} {}: {} ({})",
                        l.round,
                        m.number,
                        esc(deck.value_name(&m.value)),
                        signed(m.points)
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                r#"<p class="barbarian">{}: {}</p>"#,
                capitalise(l.barbarian),
                list.join(" · ")
            );
        }
        let served = served_by_value(s, t);
        if !served.is_empty() {
            let _ = writeln!(o, "<p><strong>{}</strong></p><ul>", l.played);
            for (value, texts) in served {
                let _ = writeln!(
                    o,
                    "<li><strong>{}:</strong> {}</li>",
                    esc(&value),
                    esc(&texts.join(" · "))
                );
            }
            let _ = writeln!(o, "</ul>");
        }
        let _ = writeln!(o, "</section>");
    }
    o.push_str("</div>\n</main>\n</body>\n</html>\n");
    o
}

/// One session of a trajectory in the report: its label and, per team (by name), the total and the
/// agreed values.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub label: String,
    pub teams: Vec<StageTeam>,
}

/// A team in a [`Stage`]: its name, its total and its agreed values (id, weight).
pub type StageTeam = (String, i64, Vec<(String, u8)>);

fn stage(s: &Session, number: usize, created: Option<&str>) -> Stage {
    let l = labels(s.settings().language);
    let date = created
        .map(|c| format!(" ({})", c.chars().take(10).collect::<String>()))
        .unwrap_or_default();
    Stage {
        label: format!("{} {number}{date}", l.session),
        teams: (0..s.team_count())
            .map(|t| {
                (
                    s.settings().team_name(t),
                    s.totals()[t],
                    s.team_values(t).to_vec(),
                )
            })
            .collect(),
    }
}

/// The sessions this one continues (following each journal's `continues` link back, at most 20),
/// earliest first, and this session last. A link that cannot be read ends the chain.
pub fn trajectory(journal: &Path, s: &Session, created: Option<&str>) -> Vec<Stage> {
    let mut chain: Vec<(Session, Option<String>)> = Vec::new();
    let mut seen = vec![journal.to_path_buf()];
    let mut link = s.settings().continues.clone();
    let mut base = journal.parent().map(Path::to_path_buf).unwrap_or_default();
    while let Some(next) = link.take() {
        if chain.len() >= 20 {
            break;
        }
        let mut path = PathBuf::from(&next);
        if !path.is_file() && path.is_relative() {
            path = base.join(&path);
        }
        if seen.contains(&path) {
            break;
        }
        let Ok(loaded) = store::read(&path) else {
            break;
        };
        let deck = if loaded.deck.is_some() {
            None
        } else if loaded.settings.deck_id == s.deck().id {
            Some(s.deck().clone())
        } else {
            find_deck(&path, &loaded.settings.deck_path)
                .and_then(|p| load_deck(&p))
                .ok()
        };
        let Ok((previous, _)) = loaded.replay(deck) else {
            break;
        };
        link = previous.settings().continues.clone();
        base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        seen.push(path);
        chain.push((previous, loaded.created));
    }
    chain.reverse();
    let mut stages: Vec<Stage> = chain
        .iter()
        .enumerate()
        .map(|(i, (p, c))| stage(p, i + 1, c.as_deref()))
        .collect();
    stages.push(stage(s, stages.len() + 1, created));
    stages
}

#[cfg(test)]
mod tests {
    use super::parse_utc;

    #[test]
    fn journal_moments_are_read_as_utc_seconds() {
        assert_eq!(parse_utc("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_utc("2000-02-29T12:34:56Z"), Some(951_827_696));
        assert_eq!(parse_utc("2026-11-22T14:30:00Z"), Some(1_795_357_800));
        assert_eq!(parse_utc("2026-11-22 14:30"), None);
        assert_eq!(parse_utc("2026-13-22T14:30:00Z"), None);
    }
}
