//! What the screens read of the live session: the log, the scenarios, a team's round, totals,
//! ranking, barbarian moves, value profiles. All from the session core; nothing is computed here.

use super::Live;
use crate::deck::Scenario;
use crate::session;

/// One line per event, for the facilitator's log (the core's own descriptions).
pub fn log_lines(live: &Live, lang: crate::lang::Lang) -> Vec<String> {
    live.session()
        .map(|s| {
            s.events()
                .iter()
                .map(|e| s.describe(e).text(lang).to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The scenario of the current round.
pub fn current_scenario(live: &Live) -> Option<&Scenario> {
    live.session()?.current_scenario()
}

/// The scenario the draw gives next, for the facilitator.
pub fn next_scenario(live: &Live) -> Option<&Scenario> {
    let s = live.session()?;
    if s.rounds_left() == 0 {
        return None;
    }
    // As the look-ahead has it: the follow-up of an open round comes right after it.
    let id = s.upcoming(1).into_iter().next()?;
    let next = s.deck().scenario(&id)?;
    (Some(next.id.as_str()) != s.current_scenario().map(|c| c.id.as_str())).then_some(next)
}

/// A team's result in the current round, as the session core reports it.
#[derive(Debug, Clone, Default)]
pub struct TeamRound {
    pub score: Option<i64>,
    pub best: Option<i64>,
    pub total: Option<i64>,
    /// Per agreed value: (value id, points).
    pub per_value: Vec<(String, i64)>,
    pub barbarian: Vec<String>,
    /// What the choice went for (a value id), for "Barbaarse zet: X ging voor Y".
    pub went_for: Option<String>,
    /// This round's chosen ÷ best, as a whole percent (see [`session::Alignment::percent`]).
    pub percent: Option<i64>,
}

/// Scores for a team in the current round, once revealed.
pub fn team_round(live: &Live, team: usize) -> TeamRound {
    let Some(s) = live.session() else {
        return TeamRound::default();
    };
    let Some((index, round)) = s.current_round() else {
        return TeamRound::default();
    };
    if round.status != session::RoundStatus::Revealed {
        return TeamRound::default();
    }
    match s.team_result(index, team) {
        Some(r) => TeamRound {
            score: Some(r.score),
            best: Some(r.best),
            total: Some(r.total),
            per_value: r
                .per_value
                .iter()
                .map(|v| (v.value.clone(), v.points))
                .collect(),
            barbarian: r.barbarian.clone(),
            went_for: r.went_for.clone(),
            percent: r.alignment().percent(),
        },
        None => TeamRound::default(),
    }
}

/// Total per team, from the session core.
pub fn totals(live: &Live) -> Vec<Option<i64>> {
    live.session()
        .map(|s| s.totals().into_iter().map(Some).collect())
        .unwrap_or_default()
}

/// Each team's place in the ranking (1-based, ties share a place), from the core.
pub fn ranks(live: &Live) -> Vec<usize> {
    let mut out = vec![0; live.session().map_or(0, |s| s.team_count())];
    for r in ranking(live) {
        if let Some(slot) = out.get_mut(r.team) {
            *slot = r.rank;
        }
    }
    out
}

/// The ranking as the core orders it (by points or by alignment, see [`rank_by`]), first first.
pub fn ranking(live: &Live) -> Vec<session::Ranked> {
    live.session().map(|s| s.ranking()).unwrap_or_default()
}

/// What the ranking orders by: points (shared values) or alignment (values per team).
pub fn rank_by(live: &Live) -> session::RankBy {
    live.session()
        .map_or(session::RankBy::Points, |s| s.rank_by())
}

/// One short line for a team's barbarian move in a round: "Barbaarse zet: X ging voor Y", with
/// X what the choice went for (or "de gewoonte") and Y the harmed values. `None` without one.
pub fn barbarian_line(
    lang: crate::lang::Lang,
    deck: &crate::deck::Deck,
    went_for: Option<&str>,
    harmed: &[String],
) -> Option<String> {
    use crate::lang::{Key, T};
    let tr = |l: crate::lang::Lang, k: T| k.tr(l);
    if harmed.is_empty() {
        return None;
    }
    let x = went_for.map_or(tr(lang, T::TheHabit), |v| deck.value_name(v));
    let ys: Vec<&str> = harmed.iter().map(|v| deck.value_name(v)).collect();
    let and = format!(" {} ", tr(lang, T::And));
    Some(format!(
        "{}: {x} {} {}",
        tr(lang, T::BarbarianMove),
        tr(lang, T::WentFor),
        ys.join(&and)
    ))
}

/// The behaviours a team chose in the revealed rounds: (scenario title, behaviour text).
pub fn chosen_behaviours(live: &Live, team: usize) -> Vec<(String, String)> {
    let Some(s) = live.session() else {
        return Vec::new();
    };
    s.results()
        .iter()
        .filter_map(|r| {
            let t = r.teams.get(team)?;
            let sc = s.deck().scenario(&r.scenario)?;
            Some((sc.title.clone(), sc.behaviour(t.key)?.text.clone()))
        })
        .collect()
}

/// A team's barbarian moves: (round number, the value it went for or `None`, the harmed value's
/// name).
pub fn barbarian_moves(live: &Live, team: usize) -> Vec<(usize, Option<String>, String)> {
    let Some(s) = live.session() else {
        return Vec::new();
    };
    s.barbarian_moves(team)
        .into_iter()
        .map(|m| {
            (
                m.number,
                m.went_for.map(|v| s.deck().value_name(&v).to_string()),
                s.deck().value_name(&m.value).to_string(),
            )
        })
        .collect()
}

/// A team's points per deck value it agreed on: (value name, points).
pub fn value_profile(live: &Live, team: usize) -> Vec<(String, i64)> {
    let Some(s) = live.session() else {
        return Vec::new();
    };
    s.value_totals(team)
        .into_iter()
        .filter(|v| v.weight.is_some())
        .map(|v| (s.deck().value_name(&v.value).to_string(), v.points))
        .collect()
}
