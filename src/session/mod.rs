//! Session core: events, state folded from them, scoring, seeded draw. No Bevy here.
//!
//! A session is its [`Settings`] plus an append-only list of [`Event`]s. [`Session::apply`] checks an
//! event against the current state and either refuses it with a [`SessionError`] (a Dutch sentence
//! a facilitator understands) or adds it. The [`State`] is a fold over the events in effect;
//! [`Event::Undone`] takes back the last one. Every score is derived from the state and the deck:
//! see [`score`] and docs/sessions.md.
//!
//! ```no_run
//! # use cultuurbarbarenspel::session::*;
//! # fn demo(settings: Settings, deck: cultuurbarbarenspel::deck::Deck) -> Result<(), SessionError> {
//! let mut s = Session::new(settings, deck)?;
//! s.apply(Event::ValuesAgreed { team: None, values: vec![("klant".into(), 3)] })?;
//! let next = s.next_scenario().map(|sc| sc.id.clone()).unwrap_or_default();
//! s.apply(Event::RoundStarted { scenario: next })?;
//! // … Event::TeamChose for every team, then Event::Revealed …
//! let ranking = s.ranking();
//! # Ok(()) }
//! ```
//!
//! With the journal: use [`crate::store::Recorder`], which checks, writes and syncs, then applies.

mod agreements;
mod draw;
mod error;
mod event;
mod photos;
mod register;
pub mod score;
mod settings;
mod state;
mod values;

pub use agreements::{
    Agreement, AgreementKind, AgreementStatus, MAX_AGREEMENT, MAX_NOTE, MAX_SUBGROUP, Note,
    default_checklist,
};
pub use draw::{next_id, shuffled_ids};
pub use error::{ReplayError, SessionError};
pub use event::Event;
pub use photos::{MAX_CAPTION, Photo};
pub use register::{Carry, Change, Milestone, Went};
pub use score::{Alignment, RankBy, Ranked, ValueChange};
pub use settings::{
    DEFAULT_ROUNDS, MAX_DISCUSSION_SECS, MAX_TEAM_NAME, MAX_TEAMS, MIN_TEAMS, PALETTE, PALETTE_RGB,
    Settings, TeamSpec, ValuesMode, parse_colour,
};
pub use state::{Adjustment, Phase, Round, RoundStatus, State};
pub use values::{
    GroupValue, MAX_OWN_VALUES, MAX_VALUE_MEANING, MAX_VALUE_NAME, check_group_values, view_of,
};

use serde::Serialize;

use crate::deck::{Deck, Key, Scenario};

/// The largest number of points one [`Event::ScoreAdjusted`] may give or take.
pub const MAX_ADJUSTMENT: i64 = 1000;
/// The longest reason text, in characters.
pub const MAX_REASON: usize = 500;

/// A live (or replayed) session.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    settings: Settings,
    /// The deck as played (what the journal holds).
    played: Deck,
    /// The deck as the group sees it: `played` with the group's own values laid over it
    /// ([`view_of`]). Every score and screen reads this one.
    deck: Deck,
    events: Vec<Event>,
    /// Indices into `events` of the events in effect, oldest first (an undo pops the last), each
    /// with what taking it back restores.
    effective: Vec<(usize, state::Inverse)>,
    state: State,
    /// The deck's scenario ids shuffled by the seed.
    order: Vec<String>,
}

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
    /// A new session without events. Checks the settings and that they fit the deck.
    pub fn new(settings: Settings, deck: Deck) -> Result<Session, SessionError> {
        settings.validate()?;
        if settings.deck_id != deck.id {
            return Err(SessionError::WrongDeck {
                expected: settings.deck_id.clone(),
                found: deck.id.clone(),
            });
        }
        if deck.values.is_empty() {
            return Err(SessionError::Invalid(format!(
                "Het deck \"{}\" heeft geen waarden.",
                deck.id
            )));
        }
        let available = deck
            .scenarios
            .iter()
            .filter(|s| !settings.played_before.contains(&s.id))
            .count();
        if available == 0 {
            return Err(SessionError::Invalid(format!(
                "Het deck \"{}\" heeft geen scenario's die nog niet gespeeld zijn.",
                deck.id
            )));
        }
        if settings.rounds as usize > available {
            return Err(SessionError::Settings(vec![format!(
                "Het deck heeft {available} scenario's die nog niet gespeeld zijn: kies hoogstens {available} rondes, niet {}.",
                settings.rounds
            )]));
        }
        check_group_values(&deck, &settings.group_values)?;
        let order = draw::shuffled_ids(&deck, settings.seed);
        let state = State::new(&settings);
        let view = view_of(&deck, &state.group_values);
        let session = Session {
            settings,
            played: deck,
            deck: view,
            events: Vec::new(),
            effective: Vec::new(),
            state,
            order,
        };
        session.check_register()?;
        Ok(session)
    }

    /// Rebuild a session from its events (as read from a journal). The first event that does not
    /// fit is reported with its 1-based number.
    pub fn replay(
        settings: Settings,
        deck: Deck,
        events: impl IntoIterator<Item = Event>,
    ) -> Result<Session, ReplayError> {
        let mut s = Session::new(settings, deck).map_err(|error| ReplayError {
            number: 0,
            name: "instellingen",
            error,
        })?;
        for (i, ev) in events.into_iter().enumerate() {
            let name = ev.name();
            s.apply(ev).map_err(|error| ReplayError {
                number: i + 1,
                name,
                error,
            })?;
        }
        Ok(s)
    }

    /// Takes a new version of the deck (a trainer edited the file during the session) for the
    /// rounds still to come. The scenarios already used keep the version they were played with, so
    /// no score of a played round changes. The events are replayed against the merged deck; when
    /// they no longer fit (a value that was agreed is gone, too few scenarios left for the rounds),
    /// the error says why and the session keeps its deck.
    pub fn update_deck(&mut self, deck: Deck) -> Result<(), ReplayError> {
        let mut merged = deck;
        for round in &self.state.rounds {
            if let Some(old) = self.played.scenario(&round.scenario).cloned() {
                match merged.scenarios.iter_mut().find(|s| s.id == old.id) {
                    Some(slot) => *slot = old,
                    None => merged.scenarios.push(old),
                }
            }
        }
        let updated = Session::replay(self.settings.clone(), merged, self.events.clone())?;
        *self = updated;
        Ok(())
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The deck as the group sees it: with the group's own values and words (see [`view_of`]).
    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// The deck as played, without the group's values: what a journal stores.
    pub fn played_deck(&self) -> &Deck {
        &self.played
    }

    /// Every event applied, undos included, in order: exactly what the journal holds.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn phase(&self) -> Phase {
        self.state.phase()
    }

    pub fn team_count(&self) -> usize {
        self.settings.teams.len()
    }

    /// Would `ev` be accepted now? The same checks as [`Session::apply`], without changing anything
    /// (use it to grey out a button).
    pub fn check(&self, ev: &Event) -> Result<(), SessionError> {
        let st = &self.state;
        if st.finished && !matches!(ev, Event::Undone) {
            return Err(SessionError::NotNow(
                "De sessie is afgesloten. Maak het afsluiten ongedaan om verder te spelen.".into(),
            ));
        }
        match ev {
            Event::ValuesAgreed { team, values } => self
                .check_values(*team, values)
                .and_then(|()| self.check_no_double(values)),
            Event::ValueAdded {
                id,
                name,
                meaning,
                link,
            } => self.check_value_added(id, name, meaning, link.as_deref()),
            Event::ValueWorded {
                value,
                name,
                meaning,
                link,
            } => self.check_value_worded(value, name, meaning, link.as_deref()),
            Event::AgreementReviewed { agreement, went } => self.check_review(*agreement, *went),
            Event::RoundStarted { scenario } => {
                let missing = self.missing_values();
                if !missing.is_empty() {
                    let who = match self.settings.values_mode {
                        ValuesMode::Shared => "de groep".to_string(),
                        ValuesMode::PerTeam => self.names(&missing),
                    };
                    return Err(SessionError::NotNow(format!(
                        "Eerst moeten de waarden afgesproken zijn (nog niet voor {who})."
                    )));
                }
                if let Some((i, _)) = st.open_round() {
                    return Err(SessionError::NotNow(format!(
                        "Ronde {} is nog bezig: onthul de keuzes of sla de ronde over.",
                        self.number_of(i)
                    )));
                }
                if st.rounds_counted() >= self.settings.rounds as usize {
                    return Err(SessionError::NotNow(format!(
                        "Alle {} rondes zijn gespeeld: sluit de sessie af.",
                        self.settings.rounds
                    )));
                }
                if self.deck.scenario(scenario).is_none() {
                    return Err(SessionError::UnknownScenario(scenario.clone()));
                }
                if self.is_used(scenario) {
                    return Err(SessionError::NotNow(format!(
                        "Het scenario \"{scenario}\" is al gespeeld."
                    )));
                }
                Ok(())
            }
            Event::TeamChose { team, key } => {
                let (_, round) = self.round_to_choose()?;
                self.check_team(*team)?;
                let sc = self
                    .deck
                    .scenario(&round.scenario)
                    .ok_or_else(|| SessionError::UnknownScenario(round.scenario.clone()))?;
                if sc.behaviour(*key).is_none() {
                    return Err(SessionError::NoSuchBehaviour {
                        scenario: sc.id.clone(),
                        key: *key,
                    });
                }
                Ok(())
            }
            Event::Revealed => {
                let (_, round) = self.round_to_choose()?;
                let missing: Vec<usize> = round
                    .choices
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.is_none())
                    .map(|(t, _)| t)
                    .collect();
                if !missing.is_empty() {
                    return Err(SessionError::NotNow(format!(
                        "Nog niet alle teams hebben gekozen: {} nog niet.",
                        self.names(&missing)
                    )));
                }
                Ok(())
            }
            Event::ScoreAdjusted {
                team,
                points,
                reason,
            } => {
                self.check_team(*team)?;
                if *points == 0 {
                    return Err(SessionError::Invalid(
                        "Een correctie van 0 punten verandert niets.".into(),
                    ));
                }
                if points.unsigned_abs() > MAX_ADJUSTMENT as u64 {
                    return Err(SessionError::Invalid(format!(
                        "Een correctie is hoogstens {MAX_ADJUSTMENT} punten erbij of eraf."
                    )));
                }
                if reason.trim().is_empty() {
                    return Err(SessionError::Invalid(
                        "Geef een reden voor de correctie: die komt in het verslag.".into(),
                    ));
                }
                check_reason(reason)
            }
            Event::RoundSkipped { reason } => {
                match st.rounds.last() {
                    Some(r) if r.status == RoundStatus::Open => {}
                    Some(r) if r.status == RoundStatus::Revealed => {
                        return Err(SessionError::NotNow(
                            "Deze ronde is al onthuld: maak de onthulling ongedaan om hem over te slaan.".into(),
                        ));
                    }
                    _ => {
                        return Err(SessionError::NotNow(
                            "Er is geen ronde bezig om over te slaan.".into(),
                        ));
                    }
                }
                check_reason(reason)
            }
            Event::Undone => {
                if self.effective.is_empty() {
                    Err(SessionError::NotNow(
                        "Er is niets om ongedaan te maken.".into(),
                    ))
                } else {
                    Ok(())
                }
            }
            Event::AgreementProposed {
                text,
                value,
                by,
                meets,
                team,
                ..
            } => self.check_proposal(text, value, by, meets, *team),
            Event::AgreementDecided { agreement, status } => {
                self.check_decision(*agreement, *status)
            }
            Event::AgreementRevised { agreement, text } => self.check_revision(*agreement, text),
            Event::DebriefNoted {
                round,
                question,
                text,
            } => self.check_note(*round, *question, text),
            Event::PhotoAdded {
                hash,
                caption,
                value,
                by,
                team,
                agreement,
            } => self.check_photo_added(hash, caption, value, by, *team, *agreement),
            Event::PhotoRemoved { photo } => self.check_photo_removed(*photo),
            Event::PhotoDescribed {
                photo,
                caption,
                value,
                by,
                agreement,
            } => self.check_photo_described(*photo, caption, value, by, *agreement),
            Event::PlanSet { plan } => self.check_plan(plan),
            Event::SessionFinished => {
                if let Some((i, _)) = st.open_round() {
                    return Err(SessionError::NotNow(format!(
                        "Ronde {} is nog bezig: onthul de keuzes of sla de ronde over voordat je afsluit.",
                        self.number_of(i)
                    )));
                }
                Ok(())
            }
        }
    }

    /// Check `ev` against the current state and add it. On `Err` nothing changed.
    pub fn apply(&mut self, ev: Event) -> Result<(), SessionError> {
        self.check(&ev)?;
        let undo = matches!(ev, Event::Undone);
        self.events.push(ev);
        let i = if undo {
            let Some((i, inverse)) = self.effective.pop() else {
                return Ok(());
            };
            self.state.unfold(inverse);
            i
        } else {
            let i = self.events.len() - 1;
            let teams = self.team_count();
            let inverse = self.state.fold(teams, &self.events[i]);
            self.effective.push((i, inverse));
            i
        };
        if matches!(
            self.events[i],
            Event::ValueAdded { .. } | Event::ValueWorded { .. }
        ) {
            self.deck = view_of(&self.played, &self.state.group_values);
        }
        Ok(())
    }

    /// The state computed afresh from the events in effect (what [`Session::state`] must equal).
    pub fn fold_from_scratch(&self) -> State {
        let mut st = State::new(&self.settings);
        for &(i, _) in &self.effective {
            st.fold(self.team_count(), &self.events[i]);
        }
        st
    }

    /// The event an [`Event::Undone`] would take back now, if any.
    pub fn undoable(&self) -> Option<&Event> {
        self.effective.last().map(|&(i, _)| &self.events[i])
    }

    /// Value sets not agreed yet (indices: 0 for the group when shared, else team indices).
    pub fn missing_values(&self) -> Vec<usize> {
        self.state
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_none())
            .map(|(i, _)| i)
            .collect()
    }

    /// The values a team plays with: (value id, weight); empty while not agreed.
    pub fn team_values(&self, team: usize) -> &[(String, u8)] {
        self.state
            .values
            .get(self.settings.value_set_of(team))
            .and_then(|v| v.as_deref())
            .unwrap_or(&[])
    }

    /// The deck's scenario ids in the order the seed draws them.
    pub fn draw_order(&self) -> &[String] {
        &self.order
    }

    /// The scenario that comes next; `None` when every scenario is used. With a plan
    /// ([`Event::PlanSet`]): a follow-up of the round just played when the plan has it, else the
    /// first planned scenario not played. Else (and after the plan) the seeded draw ([`next_id`]).
    /// A scenario skipped in this session is not offered again in it (it may still be started
    /// explicitly); it is not used up: a later session of the trajectory may play it. It ignores
    /// whether rounds are left: see [`Session::rounds_left`].
    pub fn next_scenario(&self) -> Option<&Scenario> {
        let used: Vec<&str> = self.used_ids().collect();
        let skipped = self.skipped_ids();
        let last_revealed = match self.state.rounds.last() {
            Some(r) if r.status == RoundStatus::Revealed => Some(r.scenario.as_str()),
            _ => None,
        };
        if let Some(plan) = &self.state.plan {
            let open = |id: &str| !used.contains(&id);
            if let Some(next) = last_revealed
                .and_then(|l| self.deck.scenario(l))
                .and_then(|s| s.follow_up.as_deref())
                && plan.iter().any(|p| p == next)
                && open(next)
            {
                return self.deck.scenario(next);
            }
            if let Some(id) = plan
                .iter()
                .find(|id| open(id) && !skipped.contains(&id.as_str()))
            {
                return self.deck.scenario(id);
            }
        }
        // A skip does not bring the same scenario back in this session (unless the facilitator
        // starts it); the next session may draw it again.
        let taken: Vec<&str> = used.iter().chain(&skipped).copied().collect();
        let id = draw::next_id(&self.deck, &self.order, &taken, last_revealed)?;
        self.deck.scenario(id)
    }

    /// The scenarios to come, in the order they would come if nothing changes (the plan, then the
    /// draw), at most `n`: for the facilitator to look ahead. Follow-ups are placed as
    /// [`Session::next_scenario`] places them, as if every round were played.
    pub fn upcoming(&self, n: usize) -> Vec<String> {
        let mut look = self.clone();
        // An open round counts as played: its follow-up comes right after it.
        if let Some(r) = look.state.rounds.last_mut()
            && r.status == RoundStatus::Open
        {
            r.status = RoundStatus::Revealed;
        }
        let mut out = Vec::new();
        while out.len() < n {
            let Some(next) = look.next_scenario().map(|s| s.id.clone()) else {
                break;
            };
            // Pretend it was played: a revealed round of it.
            look.state.rounds.push(Round {
                scenario: next.clone(),
                choices: Vec::new(),
                status: RoundStatus::Revealed,
            });
            out.push(next);
        }
        out
    }

    /// The [`Event::RoundStarted`] for the next drawn scenario, when one may begin now.
    pub fn next_round_event(&self) -> Option<Event> {
        let ev = Event::RoundStarted {
            scenario: self.next_scenario()?.id.clone(),
        };
        self.check(&ev).ok().map(|_| ev)
    }

    /// The current round (open or revealed) with its index in [`State::rounds`].
    pub fn current_round(&self) -> Option<(usize, &Round)> {
        self.state.current_round()
    }

    /// The scenario of the current round.
    pub fn current_scenario(&self) -> Option<&Scenario> {
        self.current_round()
            .and_then(|(_, r)| self.deck.scenario(&r.scenario))
    }

    /// Rounds revealed so far.
    pub fn rounds_played(&self) -> usize {
        self.state.rounds_revealed()
    }

    /// Rounds still to begin (the open one counts as begun).
    pub fn rounds_left(&self) -> usize {
        (self.settings.rounds as usize).saturating_sub(self.state.rounds_counted())
    }

    /// The 1-based number shown for round `index` of [`State::rounds`] (skipped rounds are not
    /// counted; a skipped round gets the number the next round will have).
    pub fn number_of(&self, index: usize) -> usize {
        self.state
            .rounds
            .iter()
            .take(index)
            .filter(|r| !matches!(r.status, RoundStatus::Skipped { .. }))
            .count()
            + 1
    }

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

    /// One line in Dutch describing an event, for the facilitator's log.
    pub fn describe(&self, ev: &Event) -> String {
        match ev {
            Event::ValuesAgreed { team, values } => {
                let list: Vec<String> = values
                    .iter()
                    .map(|(v, w)| format!("{} ×{w}", self.deck.value_name(v)))
                    .collect();
                match team {
                    None => format!("Waarden van de groep: {}", list.join(", ")),
                    Some(t) => format!(
                        "Waarden van {}: {}",
                        self.settings.team_name(*t),
                        list.join(", ")
                    ),
                }
            }
            Event::RoundStarted { scenario } => {
                let title = self
                    .deck
                    .scenario(scenario)
                    .map_or(scenario.as_str(), |s| s.title.as_str());
                format!("Ronde begint: {title}")
            }
            Event::TeamChose { team, key } => {
                format!("{} kiest {key}", self.settings.team_name(*team))
            }
            Event::Revealed => "Keuzes onthuld".to_string(),
            Event::ScoreAdjusted {
                team,
                points,
                reason,
            } => {
                format!(
                    "{}: {points:+} punten ({reason})",
                    self.settings.team_name(*team)
                )
            }
            Event::RoundSkipped { reason } if reason.trim().is_empty() => {
                "Ronde overgeslagen".to_string()
            }
            Event::RoundSkipped { reason } => format!("Ronde overgeslagen ({reason})"),
            Event::Undone => "Ongedaan gemaakt".to_string(),
            Event::PlanSet { plan } if plan.is_empty() => {
                "Plan losgelaten: de trekking beslist".to_string()
            }
            Event::PlanSet { plan } => {
                let titles: Vec<&str> = plan
                    .iter()
                    .map(|id| {
                        self.deck
                            .scenario(id)
                            .map_or(id.as_str(), |s| s.title.as_str())
                    })
                    .collect();
                format!("Plan: {}", titles.join(" → "))
            }
            Event::SessionFinished => "Sessie afgesloten".to_string(),
            Event::AgreementProposed {
                text, value, by, ..
            } => {
                let by = if by.is_empty() {
                    String::new()
                } else {
                    format!(" ({by})")
                };
                format!("Voorstel{by} voor {}: {text}", self.deck.value_name(value))
            }
            Event::AgreementDecided { agreement, status } => {
                let what = match status {
                    AgreementStatus::Adopted => "aangenomen",
                    AgreementStatus::Dropped => "vervallen",
                    AgreementStatus::Proposed => "weer een voorstel",
                };
                format!("Afspraak {} {what}", agreement + 1)
            }
            Event::AgreementRevised { agreement, text } => {
                format!("Afspraak {} herzien: {text}", agreement + 1)
            }
            Event::DebriefNoted {
                round, question, ..
            } => format!(
                "Notitie bij ronde {}, vraag {}",
                self.number_of(*round),
                question + 1
            ),
            Event::ValueAdded { name, link, .. } => match link {
                Some(l) => format!(
                    "Eigen waarde: {name} (telt als {})",
                    self.played.value_name(l)
                ),
                None => format!("Eigen waarde: {name} (telt niet mee in de score)"),
            },
            Event::ValueWorded { value, name, .. } => {
                format!(
                    "Waarde in eigen woorden: {} → {name}",
                    self.played.value_name(value)
                )
            }
            Event::AgreementReviewed { agreement, went } => format!(
                "Afspraak {} teruggeblikt: {}",
                agreement + 1,
                went.name(crate::deck::Language::Nl)
            ),
            Event::PhotoAdded { caption, value, .. } => {
                let caption = if caption.trim().is_empty() {
                    String::new()
                } else {
                    format!(": {caption}")
                };
                format!("Foto bij {}{caption}", self.deck().value_name(value))
            }
            Event::PhotoRemoved { photo } => format!("Foto {} weggehaald", photo + 1),
            Event::PhotoDescribed { photo, .. } => format!("Foto {} aangepast", photo + 1),
        }
    }

    // --- helpers ---

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

    /// The scenarios played or being played in this session (not the skipped ones: they are back
    /// in the pool) and those played before in the trajectory.
    fn used_ids(&self) -> impl Iterator<Item = &str> {
        self.state
            .rounds
            .iter()
            .filter(|r| !matches!(r.status, RoundStatus::Skipped { .. }))
            .map(|r| r.scenario.as_str())
            .chain(self.settings.played_before.iter().map(String::as_str))
    }

    /// The scenarios skipped in this session and not played since.
    fn skipped_ids(&self) -> Vec<&str> {
        let used: Vec<&str> = self.used_ids().collect();
        let mut out: Vec<&str> = Vec::new();
        for r in &self.state.rounds {
            let id = r.scenario.as_str();
            if matches!(r.status, RoundStatus::Skipped { .. })
                && !used.contains(&id)
                && !out.contains(&id)
            {
                out.push(id);
            }
        }
        out
    }

    fn check_plan(&self, plan: &[String]) -> Result<(), SessionError> {
        for (i, id) in plan.iter().enumerate() {
            if self.deck.scenario(id).is_none() {
                return Err(SessionError::UnknownScenario(id.clone()));
            }
            if plan[..i].contains(id) {
                return Err(SessionError::Invalid(format!(
                    "Het scenario \"{id}\" staat twee keer in het plan."
                )));
            }
            if self.is_used(id) {
                return Err(SessionError::NotNow(format!(
                    "Het scenario \"{id}\" is al gespeeld en kan niet in het plan."
                )));
            }
        }
        Ok(())
    }

    fn is_used(&self, id: &str) -> bool {
        self.used_ids().any(|u| u == id)
    }

    fn names(&self, teams: &[usize]) -> String {
        let names: Vec<String> = teams.iter().map(|t| self.settings.team_name(*t)).collect();
        names.join(", ")
    }

    fn check_team(&self, team: usize) -> Result<(), SessionError> {
        if team < self.team_count() {
            Ok(())
        } else {
            Err(SessionError::NoSuchTeam {
                team,
                teams: self.team_count(),
            })
        }
    }

    /// The open round in which teams may still choose.
    fn round_to_choose(&self) -> Result<(usize, &Round), SessionError> {
        match self.state.rounds.last() {
            Some(r) if r.status == RoundStatus::Open => Ok((self.state.rounds.len() - 1, r)),
            Some(r) if r.status == RoundStatus::Revealed => Err(SessionError::NotNow(
                "De keuzes van deze ronde zijn al onthuld: maak de onthulling ongedaan om iets te wijzigen.".into(),
            )),
            _ => Err(SessionError::NotNow("Er is geen ronde bezig: begin eerst een ronde.".into())),
        }
    }

    fn check_values(
        &self,
        team: Option<usize>,
        values: &[(String, u8)],
    ) -> Result<(), SessionError> {
        if !self.state.rounds.is_empty() {
            return Err(SessionError::NotNow(
                "De waarden liggen vast zodra de eerste ronde begonnen is.".into(),
            ));
        }
        match (self.settings.values_mode, team) {
            (ValuesMode::Shared, Some(_)) => {
                return Err(SessionError::Invalid(
                    "In deze sessie kiest de hele groep samen de waarden, niet elk team apart."
                        .into(),
                ));
            }
            (ValuesMode::PerTeam, None) => {
                return Err(SessionError::Invalid(
                    "In deze sessie kiest elk team zijn eigen waarden: zeg voor welk team ze zijn."
                        .into(),
                ));
            }
            (ValuesMode::PerTeam, Some(t)) => self.check_team(t)?,
            (ValuesMode::Shared, None) => {}
        }
        if values.is_empty() {
            return Err(SessionError::Invalid("Kies minstens één waarde.".into()));
        }
        for (i, (id, w)) in values.iter().enumerate() {
            let Some(def) = self.deck.value(id) else {
                return Err(SessionError::UnknownValue(id.clone()));
            };
            if !(1..=3).contains(w) {
                return Err(SessionError::Invalid(format!(
                    "Het gewicht van \"{}\" moet 1, 2 of 3 zijn, niet {w}.",
                    def.name
                )));
            }
            if values[..i].iter().any(|(other, _)| other == id) {
                return Err(SessionError::Invalid(format!(
                    "De waarde \"{}\" staat er twee keer in.",
                    def.name
                )));
            }
        }
        Ok(())
    }
}

fn check_reason(reason: &str) -> Result<(), SessionError> {
    if reason.chars().count() > MAX_REASON {
        Err(SessionError::Invalid(format!(
            "De reden is langer dan {MAX_REASON} tekens."
        )))
    } else {
        Ok(())
    }
}
