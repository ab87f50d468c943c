//! Session core: events, state folded from them, scoring, seeded draw. No Bevy here.
//!
//! A session is its [`Settings`] plus an append-only list of [`Event`]s. [`Session::apply`] checks an
//! event against the current state and either refuses it with a [`SessionError`] (a sentence a
//! facilitator understands, in Dutch and English: [`SessionError::message`]) or adds it. The [`State`] is a fold over the events in effect;
//! [`Event::Undone`] takes back the last one. Every score is derived from the state and the deck:
//! see [`score`] and docs/sessions.md.
//!
//! ```no_run
//! # use cultuurbarbarenspel_core::session::*;
//! # fn demo(settings: Settings, deck: cultuurbarbarenspel_core::deck::Deck) -> Result<(), SessionError> {
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
mod check;
mod describe;
mod draw;
mod error;
mod event;
mod photos;
mod register;
mod results;
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
pub use photos::{MAX_CAPTION, Photo, is_photo_hash};
pub use register::{Carry, Change, Milestone, Went};
pub use results::{BarbarianMove, RoundResult, TeamResult, ValueTotal};
pub use score::{Alignment, RankBy, Ranked, ValueChange};
pub use settings::{
    DEFAULT_ROUNDS, MAX_DISCUSSION_SECS, MAX_TEAM_NAME, MAX_TEAMS, MIN_TEAMS, PALETTE, PALETTE_RGB,
    Settings, TeamSpec, ValuesMode, parse_colour,
};
pub use state::{Adjustment, Phase, Round, RoundStatus, State};
pub use values::{
    GroupValue, MAX_OWN_VALUES, MAX_VALUE_MEANING, MAX_VALUE_NAME, check_group_values, view_of,
};

use crate::bi;
use crate::deck::{Deck, Scenario};

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
            let id = &deck.id;
            return Err(SessionError::Invalid(bi!(
                "Het deck \"{id}\" heeft geen waarden.",
                "The deck \"{id}\" has no values."
            )));
        }
        let available = deck
            .scenarios
            .iter()
            .filter(|s| !settings.played_before.contains(&s.id))
            .count();
        if available == 0 {
            let id = &deck.id;
            return Err(SessionError::Invalid(bi!(
                "Het deck \"{id}\" heeft geen scenario's die nog niet gespeeld zijn.",
                "The deck \"{id}\" has no scenarios that have not been played yet."
            )));
        }
        if settings.rounds as usize > available {
            let rounds = settings.rounds;
            return Err(SessionError::Settings(vec![bi!(
                "Het deck heeft {available} scenario's die nog niet gespeeld zijn: kies hoogstens {available} rondes, niet {rounds}.",
                "The deck has {available} scenarios that have not been played yet: choose at most {available} rounds, not {rounds}."
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

    fn is_used(&self, id: &str) -> bool {
        self.used_ids().any(|u| u == id)
    }
}
