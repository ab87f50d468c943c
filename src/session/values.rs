//! The group's own values: a value added in the group's own words, and the group's own words for a
//! value of the deck. An own value may be *linked* to a deck value (it then scores as that value) or
//! stand alone (it scores nothing in the rounds; agreements can still serve it).
//!
//! The session keeps the deck as played apart from the deck as the group sees it (its *view*): the
//! view has the group's names and meanings, its own values appended after the deck's, and for each
//! linked own value the effects of the value it is linked to. Every score, screen and report reads
//! the view, so a linked own value scores exactly as its deck value and nothing else has to know.

use serde::{Deserialize, Serialize};

use super::state::Inverse;
use super::{Session, SessionError, State};
use crate::bi;
use crate::deck::{Deck, ValueDef};

/// The longest name of a value, in characters.
pub const MAX_VALUE_NAME: usize = 40;
/// The longest meaning of a value, in characters.
pub const MAX_VALUE_MEANING: usize = 200;
/// The most values a group can add of its own.
pub const MAX_OWN_VALUES: usize = 12;

/// A value in the group's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupValue {
    /// A deck value's id (the group's words for it), or the id of a value the group added.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub meaning: String,
    /// For the group's own values: the deck value it scores as; `None` scores nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// `true` for a value the group added itself; `false` for its words for a deck value.
    #[serde(default)]
    pub own: bool,
}

/// The deck as the group sees it: `played` with the group's values laid over it.
pub fn view_of(played: &Deck, values: &[GroupValue]) -> Deck {
    let mut deck = played.clone();
    for g in values {
        if let Some(v) = deck.values.iter_mut().find(|v| v.id == g.id) {
            v.name = g.name.clone();
            v.meaning = g.meaning.clone();
            continue;
        }
        deck.values.push(ValueDef {
            id: g.id.clone(),
            name: g.name.clone(),
            meaning: g.meaning.clone(),
        });
        if let Some(link) = &g.link {
            for b in deck
                .scenarios
                .iter_mut()
                .flat_map(|s| s.behaviours.iter_mut())
            {
                let effect = b.effect(link);
                if effect != 0 {
                    b.effects.push((g.id.clone(), effect));
                }
            }
        }
    }
    deck
}

/// Checks a set of group values against the deck as played: ids unique, words within limits,
/// rewordings of deck values without links, links to deck values only.
pub fn check_group_values(played: &Deck, values: &[GroupValue]) -> Result<(), SessionError> {
    for (i, g) in values.iter().enumerate() {
        check_words(&g.name, &g.meaning)?;
        if values[..i].iter().any(|o| o.id == g.id) {
            let id = &g.id;
            return Err(SessionError::Invalid(bi!(
                "De waarde \"{id}\" staat twee keer in de eigen waarden.",
                "The value \"{id}\" is in the own values twice."
            )));
        }
        let in_deck = played.value(&g.id).is_some();
        if g.own == in_deck {
            let id = &g.id;
            return Err(SessionError::Invalid(if g.own {
                bi!(
                    "De eigen waarde \"{id}\" heeft het id van een deckwaarde.",
                    "The own value \"{id}\" has the id of a deck value."
                )
            } else {
                bi!(
                    "De waarde \"{id}\" staat niet in het deck.",
                    "The value \"{id}\" is not in the deck."
                )
            }));
        }
        check_link(played, g.own, g.link.as_deref())?;
    }
    Ok(())
}

fn check_words(name: &str, meaning: &str) -> Result<(), SessionError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SessionError::Invalid(bi!(
            "Geef de waarde een naam.",
            "Give the value a name."
        )));
    }
    let n = name.chars().count();
    if n > MAX_VALUE_NAME {
        return Err(SessionError::Invalid(bi!(
            "De naam is {n} tekens lang; hoogstens {MAX_VALUE_NAME}.",
            "The name is {n} characters long; at most {MAX_VALUE_NAME}."
        )));
    }
    let m = meaning.trim().chars().count();
    if m > MAX_VALUE_MEANING {
        return Err(SessionError::Invalid(bi!(
            "De betekenis is {m} tekens lang; hoogstens {MAX_VALUE_MEANING}.",
            "The meaning is {m} characters long; at most {MAX_VALUE_MEANING}."
        )));
    }
    Ok(())
}

fn check_link(played: &Deck, own: bool, link: Option<&str>) -> Result<(), SessionError> {
    match link {
        None => Ok(()),
        Some(_) if !own => Err(SessionError::Invalid(bi!(
            "Alleen een eigen waarde kan aan een deckwaarde gekoppeld worden.",
            "Only an own value can be linked to a deck value."
        ))),
        Some(l) if played.value(l).is_none() => Err(SessionError::UnknownValue(l.to_string())),
        Some(_) => Ok(()),
    }
}

impl Session {
    /// The values the group added or reworded, in the order it did.
    pub fn group_values(&self) -> &[GroupValue] {
        &self.state().group_values
    }

    /// The group's own value `id`, if it added one with that id.
    pub fn own_value(&self, id: &str) -> Option<&GroupValue> {
        self.group_values().iter().find(|g| g.own && g.id == id)
    }

    /// The deck value an agreed value scores as: itself for a deck value, the link for a linked own
    /// value, `None` for an own value that stands alone.
    pub fn scores_as<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        match self.own_value(id) {
            Some(g) => g.link.as_deref(),
            None => Some(id),
        }
    }

    /// An id for the next value the group adds: `eigen-1`, `eigen-2`, … (the first one free).
    pub fn next_own_id(&self) -> String {
        (1..)
            .map(|n| format!("eigen-{n}"))
            .find(|id| self.deck().value(id).is_none())
            .unwrap_or_default()
    }

    pub(super) fn check_value_added(
        &self,
        id: &str,
        name: &str,
        meaning: &str,
        link: Option<&str>,
    ) -> Result<(), SessionError> {
        check_words(name, meaning)?;
        if id.trim().is_empty() || id.chars().count() > MAX_VALUE_NAME {
            return Err(SessionError::Invalid(bi!(
                "Een eigen waarde heeft een kort id nodig.",
                "An own value needs a short id."
            )));
        }
        if self.deck().value(id).is_some() {
            return Err(SessionError::Invalid(bi!(
                "Er is al een waarde met id \"{id}\".",
                "There is already a value with id \"{id}\"."
            )));
        }
        if self.group_values().iter().filter(|g| g.own).count() >= MAX_OWN_VALUES {
            return Err(SessionError::Invalid(bi!(
                "Een groep kan hoogstens {MAX_OWN_VALUES} eigen waarden toevoegen.",
                "A group can add at most {MAX_OWN_VALUES} own values."
            )));
        }
        self.check_name_free(id, name)?;
        check_link(self.played_deck(), true, link)
    }

    pub(super) fn check_value_worded(
        &self,
        value: &str,
        name: &str,
        meaning: &str,
        link: Option<&str>,
    ) -> Result<(), SessionError> {
        check_words(name, meaning)?;
        let Some(now) = self.deck().value(value) else {
            return Err(SessionError::UnknownValue(value.to_string()));
        };
        let own = self.own_value(value);
        check_link(self.played_deck(), own.is_some(), link)?;
        let old_link = own.and_then(|g| g.link.as_deref());
        if old_link != link && !self.state().rounds.is_empty() {
            return Err(SessionError::NotNow(bi!(
                "Waaraan een eigen waarde gekoppeld is, ligt vast zodra de eerste ronde begonnen is.",
                "What an own value is linked to is fixed once the first round has begun."
            )));
        }
        if now.name == name.trim() && now.meaning == meaning.trim() && old_link == link {
            return Err(SessionError::Invalid(bi!(
                "Naam en betekenis zijn niet veranderd.",
                "Name and meaning have not changed."
            )));
        }
        self.check_name_free(value, name)
    }

    /// Two values with one name would be impossible to tell apart on the projector.
    fn check_name_free(&self, id: &str, name: &str) -> Result<(), SessionError> {
        let name = name.trim();
        match self
            .deck()
            .values
            .iter()
            .find(|v| v.id != id && v.name.trim().eq_ignore_ascii_case(name))
        {
            Some(v) => {
                let name = &v.name;
                Err(SessionError::Invalid(bi!(
                    "Er is al een waarde die \"{name}\" heet.",
                    "There is already a value called \"{name}\"."
                )))
            }
            None => Ok(()),
        }
    }

    /// Agreeing an own value and the deck value it is linked to would count that value twice.
    pub(super) fn check_no_double(&self, values: &[(String, u8)]) -> Result<(), SessionError> {
        for (id, _) in values {
            if let Some(g) = self.own_value(id)
                && let Some(link) = &g.link
                && values.iter().any(|(other, _)| other == link)
            {
                let (name, link) = (&g.name, self.deck().value_name(link));
                return Err(SessionError::Invalid(bi!(
                    "\"{name}\" telt als \"{link}\": kies één van de twee.",
                    "\"{name}\" counts as \"{link}\": choose one of the two."
                )));
            }
        }
        Ok(())
    }
}

impl State {
    pub(super) fn add_group_value(&mut self, value: GroupValue) -> Inverse {
        self.group_values.push(value);
        Inverse::GroupValue {
            index: self.group_values.len() - 1,
            old: None,
        }
    }

    /// The group's new words for `value`: replaces earlier words, or adds the first ones for a
    /// deck value.
    pub(super) fn word_value(
        &mut self,
        value: &str,
        name: &str,
        meaning: &str,
        link: Option<&String>,
    ) -> Inverse {
        let words = |own: bool| GroupValue {
            id: value.to_string(),
            name: name.trim().to_string(),
            meaning: meaning.trim().to_string(),
            link: link.cloned(),
            own,
        };
        match self.group_values.iter().position(|g| g.id == value) {
            Some(i) => {
                let own = self.group_values[i].own;
                let old = std::mem::replace(&mut self.group_values[i], words(own));
                Inverse::GroupValue {
                    index: i,
                    old: Some(old),
                }
            }
            None => self.add_group_value(words(false)),
        }
    }

    pub(super) fn unfold_group_value(&mut self, index: usize, old: Option<GroupValue>) {
        match old {
            Some(old) => {
                if let Some(slot) = self.group_values.get_mut(index) {
                    *slot = old;
                }
            }
            None => {
                if index < self.group_values.len() {
                    self.group_values.remove(index);
                }
            }
        }
    }
}
