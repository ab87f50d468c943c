//! `report`: what a session leaves behind, from its journal: `report.md` (to read and share),
//! `scores.csv` (one row per team per round, for a spreadsheet) and `session.json` (everything, for
//! other tools). Headings follow the session's language (Dutch or English).
//!
//! In `scores.csv`, `round_score` is the round's weighted sum, the value columns are the points per
//! deck value in that round (weight × effect, 0 for a value the team did not agree on), and
//! `cumulative` is the team's running total including the facilitator's adjustments made up to that
//! round, so the last row of a team equals its final total.

use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::deck::{Deck, Language, load_deck};
use crate::session::{Event, RoundStatus, Session, TeamResult};
use crate::store;

/// Reads the journal, replays it and writes the three files into `out_dir`.
pub fn run(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let loaded = store::read(journal).map_err(|e| e.to_string())?;
    let deck_path = match deck {
        Some(p) => p.to_path_buf(),
        None => find_deck(journal, &loaded.settings.deck_path)?,
    };
    let deck = load_deck(&deck_path)?;
    let (session, more) = loaded.replay(deck).map_err(|e| e.to_string())?;
    for w in loaded.warnings.iter().chain(&more) {
        writeln!(out, "waarschuwing: {w}").map_err(|e| e.to_string())?;
    }

    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("{}: kan de map niet maken: {e}", out_dir.display()))?;
    let files = [
        ("report.md", markdown(&session, loaded.created.as_deref())),
        ("scores.csv", csv(&session)?),
        ("session.json", json(&session, loaded.created.as_deref())?),
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

fn value_name<'a>(deck: &'a Deck, id: &'a str) -> &'a str {
    deck.value(id).map_or(id, |v| v.name.as_str())
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
pub fn markdown(s: &Session, created: Option<&str>) -> String {
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
            .map(|(v, w)| format!("{} ×{w}", md(value_name(deck, v))))
            .collect();
        let list = if list.is_empty() {
            l.none.to_string()
        } else {
            list.join(", ")
        };
        let _ = writeln!(o, "- **{holder}**: {list}");
    }

    let state = s.state();
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
                continue;
            }
            RoundStatus::Open => continue,
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
        for a in state.adjustments.iter().filter(|a| a.round == Some(index)) {
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
        if !sc.debrief.is_empty() {
            let _ = writeln!(o, "\n**{}**\n", l.debrief);
            for q in &sc.debrief {
                let _ = writeln!(o, "- {}", md(q));
            }
        }
    }

    let _ = writeln!(o, "\n## {}\n", l.ranking);
    if !state.finished {
        let _ = writeln!(o, "*{}*\n", l.unfinished);
    }
    for r in s.ranking() {
        let _ = writeln!(
            o,
            "{}. **{}** — {} {}",
            r.rank,
            team(r.team),
            r.total,
            l.points
        );
    }
    for t in 0..s.team_count() {
        let _ = writeln!(o, "\n### {}\n", team(t));
        let _ = writeln!(o, "**{}**\n", l.profile);
        for v in s.value_totals(t) {
            let name = md(value_name(deck, &v.value));
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
                    md(value_name(deck, &m.value)),
                    signed(m.points)
                );
            }
        }
        let _ = writeln!(o, "\n**{}**\n", l.manners);
        for r in s.results() {
            if let Some(tr) = r.teams.get(t)
                && let Some(b) = deck.scenario(&r.scenario).and_then(|x| x.behaviour(tr.key))
            {
                let _ = writeln!(o, "- {}", md(&b.text));
            }
        }
    }
    o
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
        .map(|c| format!("{} {}", md(value_name(deck, &c.value)), signed(c.points)))
        .collect();
    let barbarian = if t.barbarian.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = t
            .barbarian
            .iter()
            .map(|v| md(value_name(deck, v)))
            .collect();
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
    for r in s.results() {
        for t in &r.teams {
            let mut row = vec![
                r.number.to_string(),
                r.scenario.clone(),
                s.settings().team_name(t.team),
                t.key.to_string(),
                t.score.to_string(),
                t.total.to_string(),
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
