//! Scoring, exactly as DESIGN.md says: for team *t* choosing behaviour *b*,
//! `round_score(t) = Σ over t's agreed values v of weight(t, v) × effect(b, v)`.
//! Values a team did not agree on do not count for it. Integer arithmetic only (saturating, so a
//! strange deck can never make it panic).

use serde::Serialize;

use crate::deck::{Behaviour, Key, Scenario};

/// A team's agreed values: (value id, weight 1–3).
pub type ValueSet = [(String, u8)];

/// What one behaviour did to one agreed value of one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueChange {
    pub value: String,
    pub weight: u8,
    /// The behaviour's effect on the value (−3…+3 in a valid deck).
    pub effect: i64,
    /// `weight × effect`.
    pub points: i64,
}

/// The score of `behaviour` for a team with these agreed values.
pub fn round_score(behaviour: &Behaviour, values: &ValueSet) -> i64 {
    values.iter().fold(0i64, |acc, (v, w)| {
        acc.saturating_add(i64::from(*w).saturating_mul(behaviour.effect(v)))
    })
}

/// The change per agreed value, in the order the values were agreed.
pub fn per_value(behaviour: &Behaviour, values: &ValueSet) -> Vec<ValueChange> {
    values
        .iter()
        .map(|(v, w)| {
            let effect = behaviour.effect(v);
            ValueChange {
                value: v.clone(),
                weight: *w,
                effect,
                points: i64::from(*w).saturating_mul(effect),
            }
        })
        .collect()
}

/// The agreed values this behaviour pushes below zero: the team's *barbarian moves*.
pub fn barbarian_values(behaviour: &Behaviour, values: &ValueSet) -> Vec<String> {
    values
        .iter()
        .filter(|(v, _)| behaviour.effect(v) < 0)
        .map(|(v, _)| v.clone())
        .collect()
}

/// The best score any behaviour of the scenario gives this team, and the keys that reach it
/// (0 and no keys for a scenario without behaviours).
pub fn best(scenario: &Scenario, values: &ValueSet) -> (i64, Vec<Key>) {
    let scores: Vec<(Key, i64)> = scenario
        .behaviours
        .iter()
        .map(|b| (b.key, round_score(b, values)))
        .collect();
    let Some(max) = scores.iter().map(|(_, s)| *s).max() else {
        return (0, Vec::new());
    };
    (
        max,
        scores
            .into_iter()
            .filter(|(_, s)| *s == max)
            .map(|(k, _)| k)
            .collect(),
    )
}

/// Chosen ÷ best possible, kept as two integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Alignment {
    pub score: i64,
    pub best: i64,
}

impl Alignment {
    /// `score × 100 ÷ best`, rounded down, when `best` is above zero. When the best possible is zero
    /// or below, a ratio means nothing: 100 when the team reached the best anyway, else `None`.
    pub fn percent(&self) -> Option<i64> {
        if self.best > 0 {
            Some(self.score.saturating_mul(100).div_euclid(self.best))
        } else if self.score == self.best {
            Some(100)
        } else {
            None
        }
    }

    /// The sum of two alignments (over several rounds).
    pub fn plus(self, other: Alignment) -> Alignment {
        Alignment {
            score: self.score.saturating_add(other.score),
            best: self.best.saturating_add(other.best),
        }
    }
}

/// A place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// 1-based; equal totals share a rank and the next rank skips (1, 1, 3).
    pub rank: usize,
    pub team: usize,
    pub total: i64,
}

/// Rank teams by total, highest first; ties share a rank and keep team order.
pub fn rank(totals: &[i64]) -> Vec<Ranked> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|a, b| totals[*b].cmp(&totals[*a]).then(a.cmp(b)));
    let mut out: Vec<Ranked> = Vec::with_capacity(order.len());
    for (pos, team) in order.into_iter().enumerate() {
        let total = totals[team];
        let rank = match out.last() {
            Some(prev) if prev.total == total => prev.rank,
            _ => pos + 1,
        };
        out.push(Ranked { rank, team, total });
    }
    out
}
