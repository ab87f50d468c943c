//! `report`: what a session leaves behind, from its journal: `report.md` (to read and share),
//! `report.html` (one self-contained page with inline CSS and SVG that prints on A4), `scores.csv`
//! (one row per team per round, for a spreadsheet) and `session.json` (everything, for other
//! tools). Headings follow the session's language (Dutch or English).
//!
//! In `scores.csv`, `round_score` is the round's weighted sum, the value columns are the points per
//! deck value in that round (weight × effect, 0 for a value the team did not agree on), and
//! `cumulative` is the team's running total including the facilitator's adjustments made up to that
//! round (those made in a skipped round count in the next played one, those made after the last
//! revealed round in the last row), so the last row of a team equals its final total. Unrevealed
//! rounds have no rows; the reports list their adjustments with the reasons.

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
    let (session, created) = open(journal, deck, out)?;
    let stages = trajectory(journal, &session, created.as_deref());
    let album = crate::photos::Album::beside(journal);
    super::poster::missing_photos(&session, &album, out)?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("{}: kan de map niet maken: {e}", out_dir.display()))?;
    let files = [
        ("report.md", markdown(&session, created.as_deref(), &stages)),
        ("scores.csv", csv(&session)?),
        ("session.json", json(&session, created.as_deref())?),
        (
            "report.html",
            html_with_photos(&session, created.as_deref(), &stages, Some(&album)),
        ),
    ];
    for (name, text) in files {
        let path = out_dir.join(name);
        std::fs::write(&path, text)
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
        let _ = writeln!(
            o,
            "- {}: {}",
            l.created,
            c.replace('T', " ").trim_end_matches('Z')
        );
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
                "- {} — {}: {} {}{}",
                l.adjusted,
                team(a.team),
                signed(a.points),
                l.points,
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
                    "  - {}: {total} {} ({})",
                    md(team),
                    l.points,
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
            "{}. **{}** — {} {}{percent}",
            r.rank,
            team(r.team),
            r.total,
            l.points
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
                        "- {name} ({} {w}): {} {}",
                        l.weight,
                        signed(v.points),
                        l.points
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
        let served = served_behaviours(s, t);
        if !served.is_empty() {
            let _ = writeln!(o, "\n**{}**\n", l.played);
            for text in served {
                let _ = writeln!(o, "- {}", md(text));
            }
        }
    }
    o
}

/// The behaviours team `t` chose that raised at least one of its agreed values, in round order:
/// what the game itself adds to the group's manners (a behaviour that only harmed is left out).
fn served_behaviours(s: &Session, t: usize) -> Vec<&str> {
    let values = s.team_values(t);
    s.results()
        .iter()
        .filter_map(|r| {
            let tr = r.teams.get(t)?;
            let b = s.deck().scenario(&r.scenario)?.behaviour(tr.key)?;
            values
                .iter()
                .any(|(v, _)| b.effect(v) > 0)
                .then_some(b.text.as_str())
        })
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
        "  - {} {} ({}: {}) · {}{barbarian}",
        signed(t.score),
        l.points,
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

/// `scores.csv`.
pub fn csv(s: &Session) -> Result<String, String> {
    let deck = s.deck();
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "round",
        "scenario",
        "team",
        "behaviour",
        "round_score",
        "cumulative",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    header.extend(deck.values.iter().map(|v| v.id.clone()));
    w.write_record(&header).map_err(|e| e.to_string())?;
    let results = s.results();
    let totals = s.totals();
    for (i, r) in results.iter().enumerate() {
        let last = i + 1 == results.len();
        for t in &r.teams {
            // Points given after the last revealed round (in a skipped or unrevealed round) have no
            // row of their own: the last row counts them, so it holds the final total.
            let cumulative = match totals.get(t.team) {
                Some(total) if last => *total,
                _ => t.total,
            };
            let mut row = vec![
                r.number.to_string(),
                r.scenario.clone(),
                s.settings().team_name(t.team),
                t.key.to_string(),
                t.score.to_string(),
                cumulative.to_string(),
            ];
            for v in &deck.values {
                let points = t
                    .per_value
                    .iter()
                    .find(|c| c.value == v.id)
                    .map_or(0, |c| c.points);
                row.push(points.to_string());
            }
            w.write_record(&row).map_err(|e| e.to_string())?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct SessionDoc<'a> {
    format: u32,
    created: Option<&'a str>,
    settings: &'a crate::session::Settings,
    deck: DeckDoc<'a>,
    events: &'a [Event],
    state: &'a crate::session::State,
    rounds: Vec<crate::session::RoundResult>,
    teams: Vec<TeamDoc>,
    ranking: Vec<crate::session::Ranked>,
}

#[derive(Serialize)]
struct DeckDoc<'a> {
    id: &'a str,
    title: &'a str,
    language: Language,
    values: Vec<(&'a str, &'a str)>,
}

#[derive(Serialize)]
struct TeamDoc {
    team: usize,
    name: String,
    colour: String,
    values: Vec<(String, u8)>,
    total: i64,
    alignment: crate::session::Alignment,
    alignment_percent: Option<i64>,
    value_totals: Vec<crate::session::ValueTotal>,
    barbarian_moves: Vec<crate::session::BarbarianMove>,
}

/// `session.json`.
pub fn json(s: &Session, created: Option<&str>) -> Result<String, String> {
    let deck = s.deck();
    let totals = s.totals();
    let doc = SessionDoc {
        format: store::FORMAT,
        created,
        settings: s.settings(),
        deck: DeckDoc {
            id: &deck.id,
            title: &deck.title,
            language: deck.language,
            values: deck
                .values
                .iter()
                .map(|v| (v.id.as_str(), v.name.as_str()))
                .collect(),
        },
        events: s.events(),
        state: s.state(),
        rounds: s.results(),
        teams: (0..s.team_count())
            .map(|t| TeamDoc {
                team: t,
                name: s.settings().team_name(t),
                colour: s.settings().teams[t].colour.clone(),
                values: s.team_values(t).to_vec(),
                total: totals[t],
                alignment: s.alignment(t),
                alignment_percent: s.alignment(t).percent(),
                value_totals: s.value_totals(t),
                barbarian_moves: s.barbarian_moves(t),
            })
            .collect(),
        ranking: s.ranking(),
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
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --good: #007a5a; --bad: #c14d00; --accent: #b87400; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 "Ubuntu", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; }
h1 { font-size: 22pt; margin: 0 0 2mm; color: var(--accent); font-weight: 500; }
h2 { font-size: 15pt; margin: 8mm 0 2mm; border-bottom: 1px solid var(--line); padding-bottom: 1mm; }
h3 { font-size: 12.5pt; margin: 5mm 0 1.5mm; }
p, li { overflow-wrap: break-word; }
.meta { color: var(--muted); margin: 0; }
.swatch { display: inline-block; width: 0.85em; height: 0.85em; border-radius: 2px; vertical-align: -0.05em; margin-right: 0.35em; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
td.who { width: 32mm; min-width: 24mm; }
th { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.layer { color: var(--muted); font-size: 9.5pt; }
.setting { color: var(--muted); font-style: italic; }
.situation { white-space: pre-line; }
.consequence { color: var(--muted); font-style: italic; font-size: 10pt; }
.nowrap { white-space: nowrap; }
.plus { color: var(--good); } .minus { color: var(--bad); }
.barbarian { color: var(--bad); font-weight: 600; font-size: 9.5pt; }
.changes span { white-space: nowrap; margin-right: 0.6em; font-size: 10pt; }
.adjust { font-size: 10pt; color: var(--muted); }
.note { margin: 1mm 0 2mm; padding-left: 3mm; border-left: 1mm solid var(--line); }
.kind { font-size: 80%; text-transform: uppercase; letter-spacing: .05em; color: var(--muted, #555); }
.notes { height: 28mm; border: 1px solid var(--line); border-radius: 2mm; margin-top: 2mm;
  background: repeating-linear-gradient(transparent 0 6.5mm, var(--line) 6.5mm calc(6.5mm + 1px)); }
.team { break-inside: avoid; }
.round { break-before: auto; }
.round tr, .team svg { break-inside: avoid; }
svg text { font: 10px "Ubuntu", "Segoe UI", Arial, sans-serif; fill: #1d2330; }
@page { size: A4; margin: 14mm 12mm; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
"#;

/// A team's value profile as an SVG bar chart: points per agreed value, around a zero line.
fn profile_svg(s: &Session, team: usize) -> String {
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
    let max = rows.iter().map(|(_, p)| p.abs()).max().unwrap_or(0).max(1) as f64;
    let (label_w, half, row_h) = (190.0, 150.0, 24.0);
    // Room between the labels and the longest bar to the left for its number.
    let zero = label_w + 50.0 + half;
    let width = zero + half + 40.0;
    let height = rows.len() as f64 * row_h + 8.0;
    let mut o = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}" role="img">"#
    );
    let _ = write!(
        o,
        r##"<line x1="{zero}" y1="0" x2="{zero}" y2="{height}" stroke="#9aa1ad" stroke-width="1"/>"##
    );
    for (i, (name, points)) in rows.iter().enumerate() {
        let y = 4.0 + i as f64 * row_h;
        let len = (*points as f64).abs() / max * half;
        let (x, colour, anchor_x, anchor) = if *points >= 0 {
            (zero, "#009E73", zero + len + 4.0, "start")
        } else {
            (zero - len, "#D55E00", zero - len - 4.0, "end")
        };
        let short: String = name.chars().take(32).collect();
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
        format!(
            r#"<span class="swatch" style="background:{colour}"></span>{}"#,
            esc(&settings.team_name(t))
        )
    };
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        l.lang,
        l.report,
        esc(&deck.title)
    );
    let _ = writeln!(o, "<h1>{}: {}</h1>", l.report, esc(&deck.title));
    let mut meta = Vec::new();
    if let Some(c) = created {
        meta.push(format!(
            "{} {}",
            l.created,
            esc(&c
                .replace('T', " ")
                .trim_end_matches('Z')
                .chars()
                .take(16)
                .collect::<String>())
        ));
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
        r#"<table><tr><th></th><th>{}</th><th class="num">{}</th><th class="num">%</th><th>{}</th></tr>"#,
        l.teams, l.points, l.values
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
        let pct = r.percent.map_or("–".to_string(), |p| format!("{p}"));
        let _ = writeln!(
            o,
            r#"<tr><td class="num">{}.</td><td class="who">{}</td><td class="num">{}</td><td class="num" title="{}">{pct}</td><td>{}</td></tr>"#,
            r.rank,
            team_html(r.team),
            r.total,
            l.of_best,
            values.join(", ")
        );
    }
    let _ = writeln!(o, "</table>");
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
                r#"<p class="adjust">{} — {}: {} {}{}</p>"#,
                l.adjusted,
                esc(&settings.team_name(a.team)),
                signed(a.points),
                l.points,
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
                let _ = writeln!(
                    o,
                    r#"<h2>{} — {}</h2><p class="meta">{}</p>"#,
                    l.skipped,
                    esc(&sc.title),
                    esc(reason)
                );
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
            r#"<table><tr><th>{}</th><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
            l.teams, l.behaviour, l.change, l.points
        );
        for t in &result.teams {
            let Some(b) = sc.behaviour(t.key) else {
                continue;
            };
            let changes: Vec<String> = t
                .per_value
                .iter()
                .map(|c| {
                    let class = if c.points < 0 { "minus" } else { "plus" };
                    format!(
                        r#"<span class="{class}">{} {}</span>"#,
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
            let _ = writeln!(
                o,
                r#"<tr><td class="who">{}</td><td><strong>{}</strong> {}<div class="consequence">{}</div></td><td class="changes">{}{barbarian}</td><td class="num">{}<br><span class="layer">/ {}</span></td></tr>"#,
                team_html(t.team),
                t.key,
                esc(&b.text),
                esc(&b.consequence),
                changes.join(" "),
                signed(t.score),
                signed(t.best)
            );
        }
        let _ = writeln!(o, "</table>");
        adjustments_html(&mut o, Some(index));
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
        // Room to write by hand, where nothing was noted in the game.
        if !noted {
            let _ = writeln!(o, r#"<div class="notes" aria-label="{}"></div>"#, l.notes);
        }
        let _ = writeln!(o, "</section>");
    }

    agreements_html(&mut o, s, l);
    if let Some(album) = album {
        o.push_str(&crate::photos::report::html_section(s, album));
    }

    // The trajectory: each team's total and values per session, earliest first.
    if stages.len() > 1 {
        let _ = writeln!(
            o,
            "<h2>{}</h2><table><tr><th>{}</th>",
            l.trajectory, l.teams
        );
        for st in stages {
            let _ = write!(o, "<th>{}</th>", esc(&st.label));
        }
        let _ = writeln!(o, "</tr>");
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
                            r#"<td><strong>{total}</strong> {}<div class="layer">{}</div></td>"#,
                            l.points,
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
        let _ = writeln!(o, "</table>");
    }

    // The teams.
    let _ = writeln!(o, "<h2>{}</h2>", l.profile);
    for t in 0..s.team_count() {
        let _ = writeln!(o, r#"<section class="team"><h3>{}</h3>"#, team_html(t));
        o.push_str(&profile_svg(s, t));
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
        let served = served_behaviours(s, t);
        if !served.is_empty() {
            let _ = writeln!(o, "<p><strong>{}</strong></p><ul>", l.played);
            for text in served {
                let _ = writeln!(o, "<li>{}</li>", esc(text));
            }
            let _ = writeln!(o, "</ul>");
        }
        let _ = writeln!(o, "</section>");
    }
    o.push_str("</body>\n</html>\n");
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
