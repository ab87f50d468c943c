//! The register of agreements across the sessions of a trajectory. A later session opens with the
//! agreements in force (carried in its settings, with what happened to each in earlier sessions);
//! the group marks how each went since ([`Event::AgreementReviewed`](super::Event)) and keeps,
//! revises or drops it with the agreement events it already has. At the end, [`Session::carry`]
//! gives what the next session starts with: the agreements still in force with their history, and
//! the group's values mapped onto the next deck.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::state::Inverse;
use super::{Agreement, AgreementStatus, GroupValue, Session, SessionError, State};
use crate::bi;
use crate::deck::{Deck, Language};

/// How an agreement went since the session that adopted (or last reviewed) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Went {
    Done,
    Partly,
    Not,
}

impl Went {
    pub const ALL: [Went; 3] = [Went::Done, Went::Partly, Went::Not];

    pub fn name(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Went::Done, Language::Nl) => "gedaan",
            (Went::Partly, Language::Nl) => "deels",
            (Went::Not, Language::Nl) => "niet",
            (Went::Done, Language::En) => "done",
            (Went::Partly, Language::En) => "partly",
            (Went::Not, Language::En) => "not",
        }
    }
}

/// What happened to an agreement in one session of the trajectory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    Adopted,
    /// Reworded; `from` is the wording before.
    Revised {
        from: String,
    },
    Reviewed {
        went: Went,
    },
    Dropped,
}

/// One step in an agreement's history: in which session of the trajectory (1-based) what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub session: u32,
    #[serde(flatten)]
    pub change: Change,
}

impl Milestone {
    /// "adopted in session 1" / "aangenomen in sessie 1", with the earlier wording or the review.
    pub fn describe(&self, lang: Language) -> String {
        let n = self.session;
        match (&self.change, lang) {
            (Change::Adopted, Language::Nl) => format!("aangenomen in sessie {n}"),
            (Change::Adopted, Language::En) => format!("adopted in session {n}"),
            (Change::Revised { from }, Language::Nl) => {
                format!("herzien in sessie {n} (was: \u{201c}{from}\u{201d})")
            }
            (Change::Revised { from }, Language::En) => {
                format!("revised in session {n} (was: \u{201c}{from}\u{201d})")
            }
            (Change::Reviewed { went }, Language::Nl) => {
                format!("in sessie {n} besproken: {}", went.name(lang))
            }
            (Change::Reviewed { went }, Language::En) => {
                format!("reviewed in session {n}: {}", went.name(lang))
            }
            (Change::Dropped, Language::Nl) => format!("vervallen in sessie {n}"),
            (Change::Dropped, Language::En) => format!("dropped in session {n}"),
        }
    }
}

/// What the next session of a trajectory starts with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Carry {
    /// The group's values, mapped onto the next deck.
    pub values: Vec<GroupValue>,
    /// The agreements in force, each with its history so far.
    pub register: Vec<Agreement>,
    /// Each agreed value set, with ids the next deck knows (values it does not know are carried as
    /// the group's own values, so nothing agreed is lost).
    pub agreed: Vec<Vec<(String, u8)>>,
}

impl Session {
    /// This session's number in its trajectory (1 for a first session).
    pub fn sitting(&self) -> u32 {
        self.settings().sitting.max(1)
    }

    /// Whether a next session would start with no agreements in force (nothing to look back at).
    pub fn carry_is_empty(&self) -> bool {
        !self
            .agreements()
            .iter()
            .any(|a| a.status == AgreementStatus::Adopted)
    }

    /// Whether agreement `i` came from an earlier session of the trajectory.
    pub fn is_carried(&self, i: usize) -> bool {
        self.agreements().get(i).is_some_and(|a| !a.log.is_empty())
    }

    /// Agreement `i`'s history across the trajectory, this session included.
    pub fn history_of(&self, i: usize) -> Vec<Milestone> {
        let Some(a) = self.agreements().get(i) else {
            return Vec::new();
        };
        let session = self.sitting();
        let mut out = a.log.clone();
        let at = |change| Milestone { session, change };
        if let Some(went) = a.went {
            out.push(at(Change::Reviewed { went }));
        }
        let carried = !a.log.is_empty();
        if !carried && a.status == AgreementStatus::Adopted {
            out.push(at(Change::Adopted));
        }
        for from in &a.history {
            out.push(at(Change::Revised { from: from.clone() }));
        }
        if carried && a.status == AgreementStatus::Dropped {
            out.push(at(Change::Dropped));
        }
        out
    }

    /// What a next session on `next` (the same deck or another) starts with.
    pub fn carry(&self, next: &Deck) -> Carry {
        let view = self.deck();
        let mut values: Vec<GroupValue> = Vec::new();
        let mut renamed: HashMap<String, String> = HashMap::new();
        let free_id = |taken: &[GroupValue], next: &Deck| {
            (1..)
                .map(|n| format!("eigen-{n}"))
                .find(|id| next.value(id).is_none() && !taken.iter().any(|g| &g.id == id))
                .unwrap_or_default()
        };
        for g in self.group_values() {
            let mut g = g.clone();
            if g.own && next.value(&g.id).is_some() {
                let id = free_id(&values, next);
                renamed.insert(g.id.clone(), id.clone());
                g.id = id;
            }
            if !g.own && next.value(&g.id).is_none() {
                g.own = true;
            }
            if g.link.as_ref().is_some_and(|l| next.value(l).is_none()) {
                g.link = None;
            }
            values.push(g);
        }
        // Deck values the group agreed or serves with an agreement, which the next deck lacks,
        // become the group's own values (standing alone).
        let used = self
            .state()
            .values
            .iter()
            .flatten()
            .flat_map(|set| set.iter().map(|(id, _)| id.as_str()))
            .chain(self.agreements().iter().map(|a| a.value.as_str()));
        for id in used {
            if next.value(id).is_none()
                && !values.iter().any(|g| g.id == id)
                && let Some(v) = view.value(id)
            {
                values.push(GroupValue {
                    id: v.id.clone(),
                    name: v.name.clone(),
                    meaning: v.meaning.clone(),
                    link: None,
                    own: true,
                });
            }
        }
        let map = |id: &str| renamed.get(id).cloned().unwrap_or_else(|| id.to_string());
        let checklist = if next.checklist.is_empty() {
            super::default_checklist(next.language).len()
        } else {
            next.checklist.len()
        };
        let register = (0..self.agreements().len())
            .filter(|&i| self.agreements()[i].status == AgreementStatus::Adopted)
            .map(|i| {
                let a = &self.agreements()[i];
                Agreement {
                    value: map(&a.value),
                    meets: a.meets.iter().copied().filter(|&q| q < checklist).collect(),
                    history: Vec::new(),
                    went: None,
                    log: self.history_of(i),
                    ..a.clone()
                }
            })
            .collect();
        let agreed = self
            .state()
            .values
            .iter()
            .map(|set| set.iter().flatten().map(|(id, w)| (map(id), *w)).collect())
            .collect();
        Carry {
            values,
            register,
            agreed,
        }
    }

    pub(super) fn check_review(&self, agreement: usize, went: Went) -> Result<(), SessionError> {
        let a = self.agreement_at(agreement)?;
        if a.log.is_empty() {
            return Err(SessionError::NotNow(bi!(
                "Alleen afspraken uit een eerdere sessie worden teruggeblikt.",
                "Only agreements from an earlier session are looked back on."
            )));
        }
        if a.went == Some(went) {
            return Err(SessionError::NotNow(bi!(
                "Zo staat de afspraak er al bij.",
                "The agreement already stands like that."
            )));
        }
        Ok(())
    }

    /// Checks the agreements a session starts with against its deck (as the group sees it).
    pub(super) fn check_register(&self) -> Result<(), SessionError> {
        for a in self.agreements() {
            if self.deck().value(&a.value).is_none() {
                return Err(SessionError::UnknownValue(a.value.clone()));
            }
            if let Some(t) = a.team
                && t >= self.team_count()
            {
                return Err(SessionError::NoSuchTeam {
                    team: t,
                    teams: self.team_count(),
                });
            }
            if a.log.is_empty() || a.status != AgreementStatus::Adopted {
                let text = &a.text;
                return Err(SessionError::Invalid(bi!(
                    "De afspraak \"{text}\" uit een eerdere sessie heeft geen geschiedenis.",
                    "The agreement \"{text}\" from an earlier session has no history."
                )));
            }
        }
        Ok(())
    }
}

impl State {
    pub(super) fn review(&mut self, i: usize, went: Went) -> Inverse {
        match self.agreements.get_mut(i) {
            Some(a) => Inverse::Went {
                index: i,
                old: a.went.replace(went),
            },
            None => Inverse::Nothing,
        }
    }

    pub(super) fn unfold_review(&mut self, index: usize, old: Option<Went>) {
        if let Some(a) = self.agreements.get_mut(index) {
            a.went = old;
        }
    }
}
