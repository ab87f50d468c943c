//! The state of a session: what the events in effect add up to.

use serde::Serialize;

use super::Event;
use crate::deck::Key;

/// The state folded from the events in effect (undone events left out). Plain data; the scores are
/// derived from it by [`super::Session`]'s read helpers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct State {
    /// The agreed value sets: one (index 0) when values are shared, else one per team; `None` while
    /// a set is not agreed yet. Each is (value id, weight 1–3).
    pub values: Vec<Option<Vec<(String, u8)>>>,
    /// Every round begun, in order, skipped ones included.
    pub rounds: Vec<Round>,
    pub adjustments: Vec<Adjustment>,
    pub finished: bool,
    /// The group's proposals and agreements, in the order proposed.
    pub agreements: Vec<super::Agreement>,
    /// Notes on the debrief questions, in (round, question) order.
    pub notes: Vec<super::Note>,
    /// The group's own values and its words for deck values, in the order made.
    pub group_values: Vec<super::GroupValue>,
    /// The photo assignment's photos, in the order added (removed ones marked).
    pub photos: Vec<super::Photo>,
    /// The facilitator's plan (see [`Event::PlanSet`]); `None` while the seeded draw decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vec<String>>,
}

/// One round: its scenario and each team's choice so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    pub scenario: String,
    /// One entry per team: `None` while the team has not chosen.
    pub choices: Vec<Option<Key>>,
    pub status: RoundStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Teams are discussing and choosing.
    Open,
    /// The choices are shown and scored.
    Revealed,
    /// Closed without scores; does not count as a round.
    Skipped { reason: String },
}

/// Points given or taken by the facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub team: usize,
    pub points: i64,
    pub reason: String,
    /// Index in [`State::rounds`] of the last round begun when it was made (`None` before the first).
    pub round: Option<usize>,
}

/// Where the session is: what the screens show and which events make sense next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// One or more value sets still have to be agreed ([`super::Session::missing_values`]).
    WaitingForValues,
    /// Values are agreed and no round is open: start the next round ([`super::Session::next_scenario`])
    /// or finish.
    ReadyForRound,
    /// Round `round` (index in [`State::rounds`]) is open: teams choose.
    RoundOpen {
        round: usize,
    },
    /// Round `round` was revealed; it stays the current round until the next one begins or the
    /// session finishes.
    Revealed {
        round: usize,
    },
    Finished,
}

impl State {
    /// The state before the first event: what the settings carry from an earlier session of the
    /// trajectory (the group's values and the agreements in force) and nothing else.
    pub(super) fn new(settings: &super::Settings) -> State {
        State {
            values: vec![None; settings.value_sets()],
            agreements: settings.register.clone(),
            group_values: settings.group_values.clone(),
            ..State::default()
        }
    }

    /// The current (last begun) round with its index, when it is open or revealed.
    pub fn current_round(&self) -> Option<(usize, &Round)> {
        let i = self.rounds.len().checked_sub(1)?;
        let r = &self.rounds[i];
        match r.status {
            RoundStatus::Open | RoundStatus::Revealed => Some((i, r)),
            RoundStatus::Skipped { .. } => None,
        }
    }

    /// The open round (not revealed yet) with its index.
    pub fn open_round(&self) -> Option<(usize, &Round)> {
        self.current_round()
            .filter(|(_, r)| r.status == RoundStatus::Open)
    }

    /// Rounds that count: open or revealed (skipped ones do not).
    pub fn rounds_counted(&self) -> usize {
        self.rounds
            .iter()
            .filter(|r| !matches!(r.status, RoundStatus::Skipped { .. }))
            .count()
    }

    /// Rounds revealed.
    pub fn rounds_revealed(&self) -> usize {
        self.rounds
            .iter()
            .filter(|r| r.status == RoundStatus::Revealed)
            .count()
    }

    pub fn phase(&self) -> Phase {
        if self.finished {
            return Phase::Finished;
        }
        if let Some((i, r)) = self.current_round() {
            return match r.status {
                RoundStatus::Open => Phase::RoundOpen { round: i },
                _ => Phase::Revealed { round: i },
            };
        }
        if self.values.iter().any(Option::is_none) {
            Phase::WaitingForValues
        } else {
            Phase::ReadyForRound
        }
    }

    /// Apply an event that was already checked. Never panics: out-of-range indices are ignored.
    /// Returns what [`State::unfold`] needs to take it back, so an undo costs as little as the event
    /// (replay stays linear in the number of events, undos included).
    pub(super) fn fold(&mut self, teams: usize, ev: &Event) -> Inverse {
        match ev {
            Event::ValuesAgreed { team, values } => {
                let set = team.unwrap_or(0);
                match self.values.get_mut(set) {
                    Some(slot) => Inverse::Values {
                        set,
                        old: slot.replace(values.clone()),
                    },
                    None => Inverse::Nothing,
                }
            }
            Event::RoundStarted { scenario } => {
                self.rounds.push(Round {
                    scenario: scenario.clone(),
                    choices: vec![None; teams],
                    status: RoundStatus::Open,
                });
                Inverse::PopRound
            }
            Event::TeamChose { team, key } => {
                match self
                    .rounds
                    .last_mut()
                    .and_then(|r| r.choices.get_mut(*team))
                {
                    Some(c) => Inverse::Choice {
                        team: *team,
                        old: c.replace(*key),
                    },
                    None => Inverse::Nothing,
                }
            }
            Event::Revealed => self.set_status(RoundStatus::Revealed),
            Event::ScoreAdjusted {
                team,
                points,
                reason,
            } => {
                self.adjustments.push(Adjustment {
                    team: *team,
                    points: *points,
                    reason: reason.clone(),
                    round: self.rounds.len().checked_sub(1),
                });
                Inverse::PopAdjustment
            }
            Event::RoundSkipped { reason } => self.set_status(RoundStatus::Skipped {
                reason: reason.clone(),
            }),
            Event::SessionFinished => {
                Inverse::Finished(std::mem::replace(&mut self.finished, true))
            }
            Event::PlanSet { plan } => {
                let new = (!plan.is_empty()).then(|| plan.clone());
                Inverse::Plan(std::mem::replace(&mut self.plan, new))
            }
            Event::Undone => Inverse::Nothing,
            _ => self.fold_made(ev),
        }
    }

    /// The events of what the group makes: agreements, notes, own values, photos.
    fn fold_made(&mut self, ev: &Event) -> Inverse {
        match ev {
            Event::AgreementProposed {
                text,
                value,
                kind,
                by,
                meets,
                team,
            } => self.propose(super::Agreement {
                text: text.trim().to_string(),
                value: value.clone(),
                kind: *kind,
                by: by.trim().to_string(),
                meets: meets.clone(),
                team: *team,
                status: super::AgreementStatus::Proposed,
                history: Vec::new(),
                went: None,
                log: Vec::new(),
            }),
            Event::AgreementDecided { agreement, status } => self.decide(*agreement, *status),
            Event::AgreementRevised { agreement, text } => self.revise(*agreement, text),
            Event::DebriefNoted {
                round,
                question,
                text,
            } => self.set_note(*round, *question, text),
            Event::ValueAdded {
                id,
                name,
                meaning,
                link,
            } => self.add_group_value(super::GroupValue {
                id: id.clone(),
                name: name.trim().to_string(),
                meaning: meaning.trim().to_string(),
                link: link.clone(),
                own: true,
            }),
            Event::ValueWorded {
                value,
                name,
                meaning,
                link,
            } => self.word_value(value, name, meaning, link.as_ref()),
            Event::AgreementReviewed { agreement, went } => self.review(*agreement, *went),
            Event::PhotoAdded {
                hash,
                caption,
                value,
                by,
                team,
                agreement,
            } => self.add_photo(super::Photo {
                hash: hash.clone(),
                caption: caption.trim().to_string(),
                value: value.clone(),
                by: by.trim().to_string(),
                team: *team,
                agreement: *agreement,
                removed: false,
            }),
            Event::PhotoRemoved { photo } => self.remove_photo(*photo),
            Event::PhotoDescribed {
                photo,
                caption,
                value,
                by,
                agreement,
            } => self.describe_photo(*photo, caption, value, by, *agreement),
            // The events of play are folded by `fold`.
            _ => Inverse::Nothing,
        }
    }

    fn set_status(&mut self, status: RoundStatus) -> Inverse {
        match self.rounds.last_mut() {
            Some(r) => Inverse::Status(std::mem::replace(&mut r.status, status)),
            None => Inverse::Nothing,
        }
    }

    /// Takes back the last event folded, given what its [`State::fold`] returned. Undos are last in,
    /// first out, so the state is exactly the one that event left.
    pub(super) fn unfold(&mut self, inverse: Inverse) {
        match inverse {
            Inverse::Values { set, old } => {
                if let Some(slot) = self.values.get_mut(set) {
                    *slot = old;
                }
            }
            Inverse::PopRound => {
                self.rounds.pop();
            }
            Inverse::Choice { team, old } => {
                if let Some(c) = self.rounds.last_mut().and_then(|r| r.choices.get_mut(team)) {
                    *c = old;
                }
            }
            Inverse::Status(old) => {
                if let Some(r) = self.rounds.last_mut() {
                    r.status = old;
                }
            }
            Inverse::PopAdjustment => {
                self.adjustments.pop();
            }
            Inverse::Finished(old) => self.finished = old,
            Inverse::GroupValue { index, old } => self.unfold_group_value(index, old),
            Inverse::Went { index, old } => self.unfold_review(index, old),
            Inverse::Plan(old) => self.plan = old,
            Inverse::Nothing => {}
            other => {
                if let Some(other) = self.unfold_photo(other) {
                    self.unfold_agreement(other);
                }
            }
        }
    }
}

/// What taking back one folded event restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Inverse {
    Values {
        set: usize,
        old: Option<Vec<(String, u8)>>,
    },
    PopRound,
    Plan(Option<Vec<String>>),
    Choice {
        team: usize,
        old: Option<Key>,
    },
    Status(RoundStatus),
    PopAdjustment,
    Finished(bool),
    PopAgreement,
    AgreementStatus {
        index: usize,
        old: super::AgreementStatus,
    },
    /// The last wording in the agreement's history goes back.
    AgreementText {
        index: usize,
    },
    Note {
        round: usize,
        question: usize,
        old: Option<String>,
    },
    /// A group value comes back (`Some`) or goes (`None`: it was added at `index`).
    GroupValue {
        index: usize,
        old: Option<super::GroupValue>,
    },
    Went {
        index: usize,
        old: Option<super::Went>,
    },
    PopPhoto,
    /// A removed photo comes back on the wall.
    PhotoBack {
        index: usize,
    },
    /// A photo's caption and links as they were.
    PhotoText {
        index: usize,
        old: Box<super::Photo>,
    },
    Nothing,
}
