//! What the state adds up to: each round's result per team, the totals, the ranking, a team's
//! value profile and its barbarian moves.

use serde::Serialize;

use super::{Alignment, RankBy, Ranked, RoundStatus, Session, ValueChange, ValuesMode, score};
use crate::deck::Key;

/// One team's result in one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamResult {
    pub team: usize,
    pub key: Key,
    /// Σ weight × effect over the team's agreed values.
    pub score: i64,
    /// The best score any behaviour of the scenario would have given this team.
    pub best: i64,
    /// The behaviours that reach `best`.
    pub best_keys: Vec<Key>,
    /// Change per agreed value, in the order agreed.
    pub per_value: Vec<ValueChange>,
    /// The team's barbarian moves: each of its two heaviest agreed values the choice harmed while
    /// another behaviour would have served it (see [`score::barbarian_values`]).
    pub barbarian: Vec<String>,
    /// The deck value the choice raised most (see [`score::went_for`]): "X ging voor Y".
    pub went_for: Option<String>,
    /// The facilitator's adjustments made while this round was the last one begun.
    pub adjusted: i64,
    /// The team's total after this round: earlier rounds, this one and adjustments up to here.
    pub total: i64,
}

impl TeamResult {
    pub fn alignment(&self) -> Alignment {
        Alignment {
            score: self.score,
            best: self.best,
        }
    }
}

/// The result of one revealed round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundResult {
    /// Index in [`State::rounds`] (skipped rounds included).
    pub index: usize,
    /// 1-based round number as shown: skipped rounds are not numbered.
    pub number: usize,
    pub scenario: String,
    /// One per team, in team order.
    pub teams: Vec<TeamResult>,
}

/// A team's tally for one deck value over the revealed rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueTotal {
    pub value: String,
    /// The weight the team gave it, `None` when the team did not agree on it.
    pub weight: Option<u8>,
    /// Σ of the chosen behaviours' effects on the value (counted whether agreed or not).
    pub effect: i64,
    /// `weight × effect` for an agreed value, 0 otherwise: what it added to the score.
    pub points: i64,
}

/// A heavy agreed value a team's choice harmed while another behaviour would have served it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BarbarianMove {
    /// The round number as shown.
    pub number: usize,
    pub scenario: String,
    pub key: Key,
    pub value: String,
    /// What the choice went for instead (see [`score::went_for`]).
    pub went_for: Option<String>,
    /// `weight × effect` (below zero).
    pub points: i64,
}

impl Session {
    /// A team's result in round `index` as soon as it has chosen (before the reveal too, for the
    /// facilitator). `total` counts only revealed rounds before this one, plus this one.
    pub fn team_result(&self, index: usize, team: usize) -> Option<TeamResult> {
        let round = self.state.rounds.get(index)?;
        let key = (*round.choices.get(team)?)?;
        let scenario = self.deck.scenario(&round.scenario)?;
        let behaviour = scenario.behaviour(key)?;
        let values = self.team_values(team);
        let (best, best_keys) = score::best(scenario, values);
        let score_now = score::round_score(behaviour, values);
        let adjusted = self.adjustments_in(team, |r| r == Some(index));
        let before: i64 = self
            .state
            .rounds
            .iter()
            .enumerate()
            .take(index)
            .filter(|(_, r)| r.status == RoundStatus::Revealed)
            .map(|(i, _)| self.plain_score(i, team))
            .fold(0i64, i64::saturating_add);
        let adjusted_before = self.adjustments_in(team, |r| r.is_none_or(|r| r < index));
        Some(TeamResult {
            team,
            key,
            score: score_now,
            best,
            best_keys,
            per_value: score::per_value(behaviour, values),
            barbarian: score::barbarian_values(scenario, behaviour, values),
            went_for: score::went_for(behaviour),
            adjusted,
            total: before
                .saturating_add(adjusted_before)
                .saturating_add(score_now)
                .saturating_add(adjusted),
        })
    }

    /// The result of round `index` when it was revealed.
    pub fn round_result(&self, index: usize) -> Option<RoundResult> {
        let round = self.state.rounds.get(index)?;
        if round.status != RoundStatus::Revealed {
            return None;
        }
        let teams = (0..self.team_count())
            .filter_map(|t| self.team_result(index, t))
            .collect();
        Some(RoundResult {
            index,
            number: self.number_of(index),
            scenario: round.scenario.clone(),
            teams,
        })
    }

    /// Every revealed round's result, in order.
    pub fn results(&self) -> Vec<RoundResult> {
        (0..self.state.rounds.len())
            .filter_map(|i| self.round_result(i))
            .collect()
    }

    /// Each team's total: revealed rounds plus adjustments.
    pub fn totals(&self) -> Vec<i64> {
        (0..self.team_count())
            .map(|t| {
                let rounds = (0..self.state.rounds.len())
                    .filter(|&i| self.state.rounds[i].status == RoundStatus::Revealed)
                    .map(|i| self.plain_score(i, t))
                    .fold(0i64, i64::saturating_add);
                rounds.saturating_add(self.adjustments_in(t, |_| true))
            })
            .collect()
    }

    /// What the ranking orders by: points when the group shares one value set, alignment when
    /// each team agreed its own (raw totals grow with the number and weight of a team's values).
    pub fn rank_by(&self) -> RankBy {
        match self.settings.values_mode {
            ValuesMode::Shared => RankBy::Points,
            ValuesMode::PerTeam => RankBy::Alignment,
        }
    }

    /// Teams in order of [`Session::rank_by`], first first; equal totals (or equal percentages)
    /// share a rank (1, 1, 3). Each place has the team's points and its percentage.
    pub fn ranking(&self) -> Vec<Ranked> {
        let percents: Vec<Option<i64>> = (0..self.team_count())
            .map(|t| self.standing(t).percent())
            .collect();
        score::rank_by(self.rank_by(), &self.totals(), &percents)
    }

    /// A team's chosen ÷ best possible, summed over the revealed rounds.
    pub fn alignment(&self, team: usize) -> Alignment {
        self.results()
            .iter()
            .filter_map(|r| r.teams.get(team).map(TeamResult::alignment))
            .fold(Alignment::default(), Alignment::plus)
    }

    /// What the alignment ranking counts: the team's total, the facilitator's adjustments
    /// included, over the best it could have reached in the revealed rounds.
    pub fn standing(&self, team: usize) -> Alignment {
        Alignment {
            score: self.totals().get(team).copied().unwrap_or(0),
            best: self.alignment(team).best,
        }
    }

    /// A team's value profile: one entry per deck value, in deck order, over the revealed rounds.
    pub fn value_totals(&self, team: usize) -> Vec<ValueTotal> {
        let values = self.team_values(team);
        let chosen: Vec<&crate::deck::Behaviour> = self
            .state
            .rounds
            .iter()
            .filter(|r| r.status == RoundStatus::Revealed)
            .filter_map(|r| {
                let key = (*r.choices.get(team)?)?;
                self.deck.scenario(&r.scenario)?.behaviour(key)
            })
            .collect();
        self.deck
            .values
            .iter()
            .map(|v| {
                let weight = values.iter().find(|(id, _)| *id == v.id).map(|(_, w)| *w);
                let effect = chosen
                    .iter()
                    .map(|b| b.effect(&v.id))
                    .fold(0i64, i64::saturating_add);
                let points = weight.map_or(0, |w| i64::from(w).saturating_mul(effect));
                ValueTotal {
                    value: v.id.clone(),
                    weight,
                    effect,
                    points,
                }
            })
            .collect()
    }

    /// A team's barbarian moves over the revealed rounds, in order.
    pub fn barbarian_moves(&self, team: usize) -> Vec<BarbarianMove> {
        let mut out = Vec::new();
        for r in self.results() {
            if let Some(t) = r.teams.get(team) {
                for v in &t.barbarian {
                    let points = t
                        .per_value
                        .iter()
                        .find(|c| c.value == *v)
                        .map_or(0, |c| c.points);
                    out.push(BarbarianMove {
                        number: r.number,
                        scenario: r.scenario.clone(),
                        key: t.key,
                        value: v.clone(),
                        went_for: t.went_for.clone(),
                        points,
                    });
                }
            }
        }
        out
    }

    fn plain_score(&self, index: usize, team: usize) -> i64 {
        let Some(round) = self.state.rounds.get(index) else {
            return 0;
        };
        let Some(Some(key)) = round.choices.get(team) else {
            return 0;
        };
        let Some(b) = self
            .deck
            .scenario(&round.scenario)
            .and_then(|s| s.behaviour(*key))
        else {
            return 0;
        };
        score::round_score(b, self.team_values(team))
    }

    fn adjustments_in(&self, team: usize, pred: impl Fn(Option<usize>) -> bool) -> i64 {
        self.state
            .adjustments
            .iter()
            .filter(|a| a.team == team && pred(a.round))
            .map(|a| a.points)
            .fold(0i64, i64::saturating_add)
    }
}
