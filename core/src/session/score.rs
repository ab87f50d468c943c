//! Scoring, as docs/sessions.md states it: for team *t* choosing behaviour *b*,
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

/// The team's heaviest agreed values: at most two, the highest weights first; between equal
/// weights the value agreed first comes first.
pub fn heaviest(values: &ValueSet) -> Vec<&str> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    // A stable sort keeps the agreed order within a weight.
    order.sort_by_key(|&i| std::cmp::Reverse(values[i].1));
    order
        .into_iter()
        .take(2)
        .map(|i| values[i].0.as_str())
        .collect()
}

/// The effect on a value at or below which a behaviour clearly harms it (see [`barbarian_values`]).
pub const HARM: i64 = -2;

/// The team's *barbarian moves* in a round: each of its two heaviest agreed values (see
/// [`heaviest`]) that the chosen `behaviour` clearly harms (effect [`HARM`] or worse) while another
/// behaviour of the `scenario` would have served it (effect above zero), when the choice was not
/// the best the team could do for its own values. A small harm, a value no other behaviour serves
/// (a dilemma), or the team's best choice is no barbarian move. In the order of [`heaviest`].
pub fn barbarian_values(
    scenario: &Scenario,
    behaviour: &Behaviour,
    values: &ValueSet,
) -> Vec<String> {
    if round_score(behaviour, values) >= best(scenario, values).0 {
        return Vec::new();
    }
    heaviest(values)
        .into_iter()
        .filter(|v| {
            behaviour.effect(v) <= HARM
                && scenario
                    .behaviours
                    .iter()
                    .any(|other| other.key != behaviour.key && other.effect(v) > 0)
        })
        .map(str::to_string)
        .collect()
}

/// What a behaviour went for: the deck value it raises most (agreed or not), the first written
/// among equals; `None` when it raises none. The "X" of "Barbaarse zet: X ging voor Y".
pub fn went_for(behaviour: &Behaviour) -> Option<String> {
    let mut best: Option<(&str, i64)> = None;
    for (v, _) in &behaviour.effects {
        let e = behaviour.effect(v);
        if e > 0 && best.is_none_or(|(_, b)| e > b) {
            best = Some((v, e));
        }
    }
    best.map(|(v, _)| v.to_string())
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

/// What the ranking orders teams by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankBy {
    /// Shared values: every team scores against the same set, so points compare fairly.
    Points,
    /// Values per team: points grow with the number and weight of a team's values, so teams are
    /// ranked by their alignment (total ÷ best possible for their own values), as a whole percent.
    Alignment,
}

/// A place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// 1-based; equal totals share a rank and the next rank skips (1, 1, 3).
    pub rank: usize,
    pub team: usize,
    pub total: i64,
    /// The team's total (adjustments included) ÷ the best it could have reached, as a whole
    /// percent rounded down (see [`Alignment::percent`]); what [`RankBy::Alignment`] ranks by.
    pub percent: Option<i64>,
}

/// Rank teams by total, highest first; ties share a rank and keep team order.
pub fn rank(totals: &[i64]) -> Vec<Ranked> {
    let percents = vec![None; totals.len()];
    rank_on(totals, &percents, |t| Some(totals[t]))
}

/// Rank teams as `by` says: by total, or by alignment percent (highest first; a team without a
/// percentage — its best possible is zero or below and it did not reach it — comes last). Equal
/// keys share a rank and keep team order, whatever the other number. Each place carries both.
pub fn rank_by(by: RankBy, totals: &[i64], percents: &[Option<i64>]) -> Vec<Ranked> {
    match by {
        RankBy::Points => rank_on(totals, percents, |t| Some(totals[t])),
        RankBy::Alignment => rank_on(totals, percents, |t| percents.get(t).copied().flatten()),
    }
}

fn rank_on(
    totals: &[i64],
    percents: &[Option<i64>],
    key: impl Fn(usize) -> Option<i64>,
) -> Vec<Ranked> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    // `None` sorts below every `Some`: highest first puts it last.
    order.sort_by(|a, b| key(*b).cmp(&key(*a)).then(a.cmp(b)));
    let mut out: Vec<Ranked> = Vec::with_capacity(order.len());
    let mut prev_key = None;
    for (pos, team) in order.into_iter().enumerate() {
        let k = key(team);
        let rank = match (out.last(), prev_key) {
            (Some(prev), Some(p)) if p == k => prev.rank,
            _ => pos + 1,
        };
        prev_key = Some(k);
        out.push(Ranked {
            rank,
            team,
            total: totals[team],
            percent: percents.get(team).copied().flatten(),
        });
    }
    out
}

/// How often a rule flags a choice on a deck: `flagged` of `choices`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FlagShare {
    pub flagged: u64,
    pub choices: u64,
}

impl FlagShare {
    /// `flagged × 100 ÷ choices`, rounded down (0 without choices).
    pub fn percent(&self) -> u64 {
        (self.flagged * 100).checked_div(self.choices).unwrap_or(0)
    }
}

/// The share of choices [`barbarian_values`] flags on `deck` for teams with `count` agreed values:
/// every set of `count` distinct deck values, with every weight 1–3 for each (all equally likely,
/// as random value sets), against every behaviour of every scenario (a choice picked at random).
/// A choice is flagged when it has at least one barbarian move. Also `old`: the share the former
/// rule (any agreed value below zero) flagged, for comparison.
pub fn barbarian_share(deck: &crate::deck::Deck, count: usize) -> (FlagShare, FlagShare) {
    let ids: Vec<&str> = deck.values.iter().map(|v| v.id.as_str()).collect();
    let mut new = FlagShare::default();
    let mut old = FlagShare::default();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    subsets(ids.len(), count, 0, &mut Vec::new(), &mut sets);
    let weight_sets = 3usize.pow(count as u32);
    for set in &sets {
        for w in 0..weight_sets {
            let mut code = w;
            let values: Vec<(String, u8)> = set
                .iter()
                .map(|&i| {
                    let weight = (code % 3) as u8 + 1;
                    code /= 3;
                    (ids[i].to_string(), weight)
                })
                .collect();
            for sc in &deck.scenarios {
                for b in &sc.behaviours {
                    new.choices += 1;
                    old.choices += 1;
                    if !barbarian_values(sc, b, &values).is_empty() {
                        new.flagged += 1;
                    }
                    if values.iter().any(|(v, _)| b.effect(v) < 0) {
                        old.flagged += 1;
                    }
                }
            }
        }
    }
    (new, old)
}

fn subsets(n: usize, k: usize, from: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    if cur.len() == k {
        out.push(cur.clone());
        return;
    }
    for i in from..n {
        cur.push(i);
        subsets(n, k, i + 1, cur, out);
        cur.pop();
    }
}
