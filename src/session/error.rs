//! Why an event or settings were refused, in words a facilitator understands, in Dutch and English.

use std::fmt;

use crate::bi;
use crate::deck::Key;
use crate::lang::{Bi, Lang};

/// A broken rule. [`SessionError::message`] is a sentence in both languages that can be shown as
/// is; team numbers in it are 1-based as on the screen. `Display` is the Dutch text (for logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The settings are not valid: one sentence per problem.
    Settings(Vec<Bi>),
    /// The settings name another deck than the one given.
    WrongDeck {
        expected: String,
        found: String,
    },
    /// A team index out of range (stored 0-based, shown 1-based).
    NoSuchTeam {
        team: usize,
        teams: usize,
    },
    UnknownValue(String),
    UnknownScenario(String),
    NoSuchBehaviour {
        scenario: String,
        key: Key,
    },
    /// The event does not fit the moment (revealing before every team chose, choosing after the
    /// reveal, …); the text says what to do instead.
    NotNow(Bi),
    /// The event's contents are not acceptable (a weight of 5, an empty value set, …).
    Invalid(Bi),
}

impl SessionError {
    /// The refusal in Dutch and English.
    pub fn message(&self) -> Bi {
        match self {
            SessionError::Settings(problems) => {
                Bi::join(problems, " ").map(|list, lang| match lang {
                    Lang::Nl => format!("De instellingen kloppen niet: {list}"),
                    Lang::En => format!("The settings are not right: {list}"),
                })
            }
            SessionError::WrongDeck { expected, found } => bi!(
                "Deze sessie hoort bij deck \"{expected}\", maar het geladen deck is \"{found}\".",
                "This session belongs to deck \"{expected}\", but the deck loaded is \"{found}\"."
            ),
            SessionError::NoSuchTeam { team, teams } => {
                let n = team + 1;
                bi!(
                    "Team {n} bestaat niet: er zijn {teams} teams.",
                    "Team {n} does not exist: there are {teams} teams."
                )
            }
            SessionError::UnknownValue(v) => bi!(
                "De waarde \"{v}\" staat niet in het deck.",
                "The value \"{v}\" is not in the deck."
            ),
            SessionError::UnknownScenario(s) => bi!(
                "Het scenario \"{s}\" staat niet in het deck.",
                "The scenario \"{s}\" is not in the deck."
            ),
            SessionError::NoSuchBehaviour { scenario, key } => bi!(
                "Het scenario \"{scenario}\" heeft geen gedrag {key}.",
                "The scenario \"{scenario}\" has no behaviour {key}."
            ),
            SessionError::NotNow(m) | SessionError::Invalid(m) => m.clone(),
        }
    }

    /// The refusal in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message().text(lang).to_owned()
    }
}

/// The Dutch text.
impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().nl)
    }
}

impl std::error::Error for SessionError {}

/// A journal's event that the session refused while replaying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayError {
    /// 1-based position among the events (the journal line is `number + 1`); 0 for the settings.
    pub number: usize,
    /// The event's name (`"TeamChose"`), or `"instellingen"` for the settings.
    pub name: &'static str,
    pub error: SessionError,
}

impl ReplayError {
    /// What did not fit, in Dutch and English.
    pub fn message(&self) -> Bi {
        let (number, e) = (self.number, self.error.message());
        let (en_name, nl_name) = match self.name {
            "instellingen" => ("settings", "instellingen"),
            name => (name, name),
        };
        Bi {
            nl: format!("gebeurtenis {number} ({nl_name}) past niet: {}", e.nl),
            en: format!("event {number} ({en_name}) does not fit: {}", e.en),
        }
    }
}

/// The Dutch text.
impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().nl)
    }
}

impl std::error::Error for ReplayError {}
