//! Why an event or settings were refused, in words a facilitator understands (Dutch first).

use crate::deck::Key;

/// A broken rule. The `Display` text is a Dutch sentence that can be shown as is; team numbers in
/// it are 1-based as on the screen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The settings are not valid: one sentence per problem.
    #[error("De instellingen kloppen niet: {}", .0.join(" "))]
    Settings(Vec<String>),
    /// The settings name another deck than the one given.
    #[error("Deze sessie hoort bij deck \"{expected}\", maar het geladen deck is \"{found}\".")]
    WrongDeck { expected: String, found: String },
    /// A team index out of range (stored 0-based, shown 1-based).
    #[error("Team {} bestaat niet: er zijn {teams} teams.", .team + 1)]
    NoSuchTeam { team: usize, teams: usize },
    #[error("De waarde \"{0}\" staat niet in het deck.")]
    UnknownValue(String),
    #[error("Het scenario \"{0}\" staat niet in het deck.")]
    UnknownScenario(String),
    #[error("Het scenario \"{scenario}\" heeft geen gedrag {key}.")]
    NoSuchBehaviour { scenario: String, key: Key },
    /// The event does not fit the moment (revealing before every team chose, choosing after the
    /// reveal, …); the text says what to do instead.
    #[error("{0}")]
    NotNow(String),
    /// The event's contents are not acceptable (a weight of 5, an empty value set, …).
    #[error("{0}")]
    Invalid(String),
}

/// A journal's event that the session refused while replaying it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("gebeurtenis {number} ({name}) past niet: {error}")]
pub struct ReplayError {
    /// 1-based position among the events (the journal line is `number + 1`).
    pub number: usize,
    pub name: &'static str,
    pub error: SessionError,
}
