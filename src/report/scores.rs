//! The scores of a session for spreadsheets: one model, [`rows`], feeds `scores.xlsx` (to open and
//! read, in the session's language: [`super::xlsx`]) and `scores.csv` (for tools: [`super::csv`]).
//!
//! Every team has one row per revealed round. A row's adjustment is what the facilitator gave or
//! took since the team's previous row: points given before the first round count in the first row,
//! points given in a skipped or an unrevealed round in the next revealed one, and points given after
//! the last revealed round in the last row. So a team's round scores plus its adjustments add up to
//! its total, and `running` (the total so far) of its last row is its final total.

use crate::deck::Language;
use crate::session::{RoundStatus, Session};

/// One team's result in one revealed round, with the facilitator's adjustments counted there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    /// The round number as shown (skipped rounds are not numbered).
    pub round: usize,
    pub scenario_id: String,
    pub scenario: String,
    pub team: usize,
    pub team_name: String,
    /// The behaviour's letter and text.
    pub key: char,
    pub behaviour: String,
    pub score: i64,
    pub best: i64,
    /// The adjustments counted in this row, in the order made: (points, reason).
    pub adjustments: Vec<(i64, String)>,
    /// The team's total after this row.
    pub running: i64,
    /// Points per value in this round, for the values in [`agreed_values`] (0 where the team did
    /// not agree on the value or the behaviour did not touch it).
    pub per_value: Vec<i64>,
}

impl ScoreRow {
    pub fn adjusted(&self) -> i64 {
        self.adjustments.iter().map(|(p, _)| *p).sum()
    }
}

/// The values any team agreed on, in deck order: the value columns (values nobody agreed count for
/// nobody, so they have no column).
pub fn agreed_values(s: &Session) -> Vec<(String, String)> {
    s.deck()
        .values
        .iter()
        .filter(|v| (0..s.team_count()).any(|t| s.team_values(t).iter().any(|(id, _)| *id == v.id)))
        .map(|v| (v.id.clone(), v.name.clone()))
        .collect()
}

/// The index of the revealed round an adjustment made in `round` counts in (see the module's
/// documentation), or `None` when no round was revealed.
fn counted_in(revealed: &[usize], round: Option<usize>) -> Option<usize> {
    let last = *revealed.last()?;
    Some(match round {
        None => revealed[0],
        Some(i) => revealed.iter().copied().find(|&r| r >= i).unwrap_or(last),
    })
}

/// Every team's row for every revealed round, round by round, teams in order.
pub fn rows(s: &Session) -> Vec<ScoreRow> {
    let deck = s.deck();
    let values = agreed_values(s);
    let state = s.state();
    let revealed: Vec<usize> = (0..state.rounds.len())
        .filter(|&i| state.rounds[i].status == RoundStatus::Revealed)
        .collect();
    let mut running = vec![0i64; s.team_count()];
    let mut out = Vec::new();
    for r in s.results() {
        let sc = deck.scenario(&r.scenario);
        for t in &r.teams {
            let adjustments: Vec<(i64, String)> = state
                .adjustments
                .iter()
                .filter(|a| a.team == t.team && counted_in(&revealed, a.round) == Some(r.index))
                .map(|a| (a.points, a.reason.clone()))
                .collect();
            let adjusted: i64 = adjustments.iter().map(|(p, _)| *p).sum();
            if let Some(total) = running.get_mut(t.team) {
                *total = total.saturating_add(t.score).saturating_add(adjusted);
            }
            out.push(ScoreRow {
                round: r.number,
                scenario_id: r.scenario.clone(),
                scenario: sc.map_or_else(|| r.scenario.clone(), |x| x.title.clone()),
                team: t.team,
                team_name: s.settings().team_name(t.team),
                key: t.key.letter(),
                behaviour: sc
                    .and_then(|x| x.behaviour(t.key))
                    .map(|b| b.text.clone())
                    .unwrap_or_default(),
                score: t.score,
                best: t.best,
                adjustments,
                running: running.get(t.team).copied().unwrap_or(0),
                per_value: values
                    .iter()
                    .map(|(id, _)| {
                        t.per_value
                            .iter()
                            .find(|c| c.value == *id)
                            .map_or(0, |c| c.points)
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The field separator of `scores.csv`: `;` for Dutch sessions (what Excel with Dutch regional
/// settings expects, since there the comma is the decimal sign), `,` for English ones.
pub fn separator(lang: Language) -> u8 {
    match lang {
        Language::Nl => b';',
        Language::En => b',',
    }
}

/// A text cell a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so it is shown as written and never evaluated.
pub fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The reasons of a row's adjustments, as one cell: the reason alone when there is one, else each
/// with its points.
pub fn reasons(adjustments: &[(i64, String)]) -> String {
    match adjustments {
        [(_, reason)] => reason.clone(),
        many => many
            .iter()
            .map(|(p, r)| format!("{r} ({p:+})"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_defused_and_other_text_kept() {
        for risky in ["=1+1", "+31 6", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse(risky), format!("'{risky}"));
        }
        for plain in ["Balie", "Ééntje; twee", "a=b", ""] {
            assert_eq!(defuse(plain), plain);
        }
    }

    #[test]
    fn an_adjustment_counts_in_the_revealed_round_at_or_after_it() {
        let revealed = [1, 3, 4];
        assert_eq!(counted_in(&revealed, None), Some(1));
        assert_eq!(counted_in(&revealed, Some(0)), Some(1));
        assert_eq!(counted_in(&revealed, Some(1)), Some(1));
        assert_eq!(counted_in(&revealed, Some(2)), Some(3));
        assert_eq!(counted_in(&revealed, Some(4)), Some(4));
        assert_eq!(counted_in(&revealed, Some(7)), Some(4));
        assert_eq!(counted_in(&[], Some(0)), None);
    }
}
