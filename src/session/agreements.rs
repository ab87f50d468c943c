//! What the group makes itself: agreements on concrete behaviour (the "how"), rituals, heroes and
//! symbols, each serving a value and checked against the checklist; and the notes on the debrief
//! questions. They are events like every other, so they fold, undo and replay.

use serde::{Deserialize, Serialize};

use super::state::Inverse;
use super::{Session, SessionError, State};
use crate::bi;
use crate::deck::Language;

/// The longest agreement text, in characters.
pub const MAX_AGREEMENT: usize = 240;
/// The longest debrief note, in characters.
pub const MAX_NOTE: usize = 1000;
/// The longest name of a subgroup, in characters.
pub const MAX_SUBGROUP: usize = 40;

/// Which layer of the onion an agreement makes concrete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// Concrete behaviour: what we do, that one can see or hear.
    #[default]
    Behaviour,
    Ritual,
    Hero,
    Symbol,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 4] = [
        AgreementKind::Behaviour,
        AgreementKind::Ritual,
        AgreementKind::Hero,
        AgreementKind::Symbol,
    ];

    pub fn name(self, lang: Language) -> &'static str {
        match (self, lang) {
            (AgreementKind::Behaviour, Language::Nl) => "gedrag",
            (AgreementKind::Ritual, Language::Nl) => "ritueel",
            (AgreementKind::Hero, Language::Nl) => "held",
            (AgreementKind::Symbol, Language::Nl) => "symbool",
            (AgreementKind::Behaviour, Language::En) => "behaviour",
            (AgreementKind::Ritual, Language::En) => "ritual",
            (AgreementKind::Hero, Language::En) => "hero",
            (AgreementKind::Symbol, Language::En) => "symbol",
        }
    }

    /// A small mark that shows the kind beside the text (glyphs the game's fonts have).
    pub fn mark(self) -> &'static str {
        match self {
            AgreementKind::Behaviour => "•",
            AgreementKind::Ritual => "↻",
            AgreementKind::Hero => "★",
            AgreementKind::Symbol => "♦",
        }
    }
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    #[default]
    Proposed,
    Adopted,
    Dropped,
}

/// One proposal of a subgroup, and what the group made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// The wording now ("Bij ons …").
    pub text: String,
    /// The value it serves (a deck value id).
    pub value: String,
    #[serde(default)]
    pub kind: AgreementKind,
    /// The subgroup that proposed it (free text; may be empty).
    #[serde(default)]
    pub by: String,
    /// The checklist questions it meets (0-based indices into [`Session::checklist`]).
    #[serde(default)]
    pub meets: Vec<usize>,
    /// The team it belongs to in per-team mode; `None` for the whole group.
    #[serde(default)]
    pub team: Option<usize>,
    pub status: AgreementStatus,
    /// Earlier wordings in this session, oldest first (kept when it is revised).
    #[serde(default)]
    pub history: Vec<String>,
    /// For an agreement carried from an earlier session: how it went since, once the group said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub went: Option<super::Went>,
    /// For an agreement carried from an earlier session: what happened to it in the sessions
    /// before this one (empty for an agreement proposed in this session).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<super::Milestone>,
}

/// A note on one debrief question of a revealed round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Index in [`State::rounds`].
    pub round: usize,
    /// Index into the scenario's debrief questions.
    pub question: usize,
    pub text: String,
}

/// The checklist a proposal is held against when the deck brings none: built from the trajectory's
/// practice (what do we do towards the customer, what does it mean for working together, can one
/// see or hear it, can everyone do it tomorrow, which value does it serve).
pub fn default_checklist(lang: Language) -> Vec<String> {
    let items: [&str; 5] = match lang {
        Language::Nl => [
            "Wat doen wij naar de klant toe?",
            "Wat betekent dit voor de onderlinge samenwerking?",
            "Is het gedrag dat je kunt zien of horen?",
            "Kan iedereen het morgen doen?",
            "Welke waarde dient het?",
        ],
        Language::En => [
            "What do we do for the customer?",
            "What does it mean for how we work together?",
            "Is it behaviour you can see or hear?",
            "Can everyone do it tomorrow?",
            "Which value does it serve?",
        ],
    };
    items.iter().map(|s| s.to_string()).collect()
}

/// `what` names the text in Dutch and English ("De afspraak", "The agreement").
fn check_text(text: &str, max: usize, what: (&str, &str)) -> Result<(), SessionError> {
    let (nl, en) = what;
    if text.trim().is_empty() {
        return Err(SessionError::Invalid(bi!(
            "{nl} is leeg.",
            "{en} is empty."
        )));
    }
    let n = text.chars().count();
    if n > max {
        return Err(SessionError::Invalid(bi!(
            "{nl} is {n} tekens lang; hoogstens {max}.",
            "{en} is {n} characters long; at most {max}."
        )));
    }
    Ok(())
}

impl Session {
    /// The checklist of this session: the deck's own, else [`default_checklist`].
    pub fn checklist(&self) -> Vec<String> {
        if self.deck().checklist.is_empty() {
            default_checklist(self.settings().language)
        } else {
            self.deck().checklist.clone()
        }
    }

    /// The agreements in the order they were proposed.
    pub fn agreements(&self) -> &[Agreement] {
        &self.state().agreements
    }

    /// The adopted agreements that hold for `team` (its own in per-team mode, and the group's).
    pub fn adopted_for(&self, team: usize) -> Vec<&Agreement> {
        self.agreements()
            .iter()
            .filter(|a| a.status == AgreementStatus::Adopted)
            .filter(|a| a.team.is_none_or(|t| t == team))
            .collect()
    }

    /// The adopted agreements grouped by the value they serve, values in deck order; values without
    /// an adopted agreement are left out.
    pub fn adopted_by_value(&self) -> Vec<(&crate::deck::ValueDef, Vec<&Agreement>)> {
        self.deck()
            .values
            .iter()
            .filter_map(|v| {
                let list: Vec<&Agreement> = self
                    .agreements()
                    .iter()
                    .filter(|a| a.status == AgreementStatus::Adopted && a.value == v.id)
                    .collect();
                (!list.is_empty()).then_some((v, list))
            })
            .collect()
    }

    /// The note on `question` of round `round` (index in [`State::rounds`]), if one was made.
    pub fn note(&self, round: usize, question: usize) -> Option<&str> {
        self.state()
            .notes
            .iter()
            .find(|n| n.round == round && n.question == question)
            .map(|n| n.text.as_str())
    }

    pub(super) fn check_proposal(
        &self,
        text: &str,
        value: &str,
        by: &str,
        meets: &[usize],
        team: Option<usize>,
    ) -> Result<(), SessionError> {
        check_text(text, MAX_AGREEMENT, ("De afspraak", "The agreement"))?;
        if self.deck().value(value).is_none() {
            return Err(SessionError::UnknownValue(value.to_string()));
        }
        if by.chars().count() > MAX_SUBGROUP {
            return Err(SessionError::Invalid(bi!(
                "De naam van de subgroep is hoogstens {MAX_SUBGROUP} tekens.",
                "The subgroup's name is at most {MAX_SUBGROUP} characters."
            )));
        }
        let items = self.checklist().len();
        if let Some(q) = meets.iter().find(|&&q| q >= items) {
            let q = q + 1;
            return Err(SessionError::Invalid(bi!(
                "De checklist heeft {items} vragen; vraag {q} bestaat niet.",
                "The checklist has {items} questions; question {q} does not exist."
            )));
        }
        if let Some(t) = team
            && t >= self.team_count()
        {
            return Err(SessionError::NoSuchTeam {
                team: t,
                teams: self.team_count(),
            });
        }
        Ok(())
    }

    pub(super) fn agreement_at(&self, i: usize) -> Result<&Agreement, SessionError> {
        self.agreements().get(i).ok_or_else(|| {
            let (n, all) = (i + 1, self.agreements().len());
            SessionError::Invalid(bi!(
                "Afspraak {n} bestaat niet: er zijn er {all}.",
                "Agreement {n} does not exist: there are {all}."
            ))
        })
    }

    pub(super) fn check_decision(
        &self,
        agreement: usize,
        status: AgreementStatus,
    ) -> Result<(), SessionError> {
        if self.agreement_at(agreement)?.status == status {
            return Err(SessionError::NotNow(bi!(
                "Zo staat de afspraak er al bij.",
                "The agreement already stands like that."
            )));
        }
        Ok(())
    }

    pub(super) fn check_revision(&self, agreement: usize, text: &str) -> Result<(), SessionError> {
        let a = self.agreement_at(agreement)?;
        check_text(text, MAX_AGREEMENT, ("De nieuwe tekst", "The new text"))?;
        if a.text.trim() == text.trim() {
            return Err(SessionError::Invalid(bi!(
                "De nieuwe tekst is dezelfde als de oude.",
                "The new text is the same as the old one."
            )));
        }
        Ok(())
    }

    pub(super) fn check_note(
        &self,
        round: usize,
        question: usize,
        text: &str,
    ) -> Result<(), SessionError> {
        let Some(r) = self.state().rounds.get(round) else {
            let n = round + 1;
            return Err(SessionError::Invalid(bi!(
                "Ronde {n} bestaat niet.",
                "Round {n} does not exist."
            )));
        };
        if r.status != super::RoundStatus::Revealed {
            return Err(SessionError::NotNow(bi!(
                "Notities horen bij de nabespreking van een onthulde ronde.",
                "Notes belong to the debrief of a revealed round."
            )));
        }
        let questions = self
            .deck()
            .scenario(&r.scenario)
            .map_or(0, |s| s.debrief.len());
        if question >= questions {
            let q = question + 1;
            return Err(SessionError::Invalid(bi!(
                "Dit scenario heeft {questions} vragen voor de nabespreking; vraag {q} bestaat niet.",
                "This scenario has {questions} debrief questions; question {q} does not exist."
            )));
        }
        let n = text.chars().count();
        if n > MAX_NOTE {
            return Err(SessionError::Invalid(bi!(
                "De notitie is {n} tekens lang; hoogstens {MAX_NOTE}.",
                "The note is {n} characters long; at most {MAX_NOTE}."
            )));
        }
        if self.note(round, question).unwrap_or("") == text.trim() {
            return Err(SessionError::Invalid(bi!(
                "De notitie is niet veranderd.",
                "The note has not changed."
            )));
        }
        Ok(())
    }
}

impl State {
    pub(super) fn propose(&mut self, agreement: Agreement) -> Inverse {
        self.agreements.push(agreement);
        Inverse::PopAgreement
    }

    pub(super) fn decide(&mut self, i: usize, status: AgreementStatus) -> Inverse {
        match self.agreements.get_mut(i) {
            Some(a) => Inverse::AgreementStatus {
                index: i,
                old: std::mem::replace(&mut a.status, status),
            },
            None => Inverse::Nothing,
        }
    }

    pub(super) fn revise(&mut self, i: usize, text: &str) -> Inverse {
        match self.agreements.get_mut(i) {
            Some(a) => {
                let old = std::mem::replace(&mut a.text, text.trim().to_string());
                a.history.push(old);
                Inverse::AgreementText { index: i }
            }
            None => Inverse::Nothing,
        }
    }

    /// Sets (or, with an empty text, clears) a note. Notes are kept in (round, question) order, so
    /// the state does not depend on the order they were written in.
    pub(super) fn set_note(&mut self, round: usize, question: usize, text: &str) -> Inverse {
        let old = self.put_note(round, question, text.trim().to_string());
        Inverse::Note {
            round,
            question,
            old,
        }
    }

    /// Puts `text` (none when empty) as the note of (round, question); returns the one before.
    fn put_note(&mut self, round: usize, question: usize, text: String) -> Option<String> {
        match self
            .notes
            .binary_search_by_key(&(round, question), |n| (n.round, n.question))
        {
            Ok(i) if text.is_empty() => Some(self.notes.remove(i).text),
            Ok(i) => Some(std::mem::replace(&mut self.notes[i].text, text)),
            Err(_) if text.is_empty() => None,
            Err(i) => {
                self.notes.insert(
                    i,
                    Note {
                        round,
                        question,
                        text,
                    },
                );
                None
            }
        }
    }

    pub(super) fn unfold_agreement(&mut self, inverse: Inverse) {
        match inverse {
            Inverse::PopAgreement => {
                self.agreements.pop();
            }
            Inverse::AgreementStatus { index, old } => {
                if let Some(a) = self.agreements.get_mut(index) {
                    a.status = old;
                }
            }
            Inverse::AgreementText { index } => {
                if let Some(a) = self.agreements.get_mut(index)
                    && let Some(old) = a.history.pop()
                {
                    a.text = old;
                }
            }
            Inverse::Note {
                round,
                question,
                old,
            } => {
                self.put_note(round, question, old.unwrap_or_default());
            }
            _ => {}
        }
    }
}
