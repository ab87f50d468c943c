//! `session.json`: the session for other tools, with named fields (described in docs/sessions.md).
//! Its layout is versioned ([`SESSION_JSON_VERSION`]) and does not change within a version.

use serde::Serialize;

use super::model::Report;
use crate::deck::Language;
use crate::session::{Event, Session};
use crate::store;

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

/// `session.json` of the report's session.
pub fn render(r: &Report) -> Result<String, String> {
    json(r.session, r.created)
}

/// `session.json` of `s`, created at `created`.
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
