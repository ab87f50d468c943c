//! What went wrong with a journal, in Dutch and English: [`StoreError::message`]. The text names
//! the file and, where it applies, the line. `Display` is the Dutch text (for logs).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::FORMAT;
use crate::bi;
use crate::catalogue;
use crate::lang::{Bi, Key, Lang};
use crate::session::{ReplayError, SessionError};

catalogue! {
    /// What the journal was doing when the file system refused.
    pub enum Doing {
        ReadJournal => ("kan het journaal niet lezen", "cannot read the journal"),
        OpenToContinue => (
            "kan het journaal niet openen om verder te schrijven",
            "cannot open the journal to write on"
        ),
        CreateNew => ("kan geen nieuw journaal aanmaken", "cannot create a new journal"),
        WriteNew => ("kan het nieuwe journaal niet schrijven", "cannot write the new journal"),
        Name => ("kan het journaal geen naam geven", "cannot give the journal a name"),
        ConfirmNew => (
            "kan het nieuwe journaal niet vastleggen",
            "cannot make the new journal durable"
        ),
        Create => ("kan het journaal niet aanmaken", "cannot create the journal"),
        Write => ("kan niet naar het journaal schrijven", "cannot write to the journal"),
        MakeFolder => ("kan de sessiemap niet maken", "cannot make the sessions folder"),
        ConfirmFolder => (
            "kan de nieuwe sessiemap niet vastleggen",
            "cannot make the new sessions folder durable"
        ),
        WriteFolder => (
            "kan niet schrijven in de sessiemap",
            "cannot write in the sessions folder"
        ),
        CleanFolder => (
            "kan niet opruimen in de sessiemap",
            "cannot clean up in the sessions folder"
        ),
    }
}

/// What went wrong with a journal.
#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        what: Doing,
        source: io::Error,
    },
    Empty {
        path: PathBuf,
    },
    NotAJournal {
        path: PathBuf,
        detail: Bi,
    },
    Format {
        path: PathBuf,
        found: u32,
    },
    Corrupt {
        path: PathBuf,
        line: usize,
        detail: Bi,
    },
    Replay {
        path: PathBuf,
        line: usize,
        source: ReplayError,
    },
    DeckLacksPlayed {
        path: PathBuf,
        missing: Vec<String>,
    },
    Locked {
        path: PathBuf,
    },
    Replaced {
        path: PathBuf,
        by: PathBuf,
    },
    Closed {
        path: PathBuf,
        why: Bi,
    },
    FailOver {
        path: PathBuf,
        why: Bi,
        error: Box<StoreError>,
    },
    NoDeck {
        path: PathBuf,
    },
}

impl StoreError {
    pub(super) fn io(path: &Path, what: Doing, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            what,
            source,
        }
    }

    /// What went wrong, in Dutch and English.
    pub fn message(&self) -> Bi {
        match self {
            StoreError::Io { path, what, source } => {
                let p = path.display();
                let (nl, en) = what.pair();
                bi!("{p}: {nl}: {source}", "{p}: {en}: {source}")
            }
            StoreError::Empty { path } => {
                let p = path.display();
                bi!("{p}: het journaal is leeg", "{p}: the journal is empty")
            }
            StoreError::NotAJournal { path, detail } => {
                let p = path.display();
                Bi {
                    nl: format!(
                        "{p}:1: dit is geen sessiejournaal van CultuurBarbarenSpel ({})",
                        detail.nl
                    ),
                    en: format!(
                        "{p}:1: this is not a CultuurBarbarenSpel session journal ({})",
                        detail.en
                    ),
                }
            }
            StoreError::Format { path, found } => {
                let p = path.display();
                bi!(
                    "{p}:1: dit journaal heeft formaat {found}; dit programma kent formaat {FORMAT}. Gebruik een nieuwere versie.",
                    "{p}:1: this journal has format {found}; this program knows format {FORMAT}. Use a newer version."
                )
            }
            StoreError::Corrupt { path, line, detail } => {
                let p = path.display();
                Bi {
                    nl: format!(
                        "{p}:{line}: regel {line} is beschadigd ({}), en er staan goede regels na. Het journaal is niet gewijzigd; bewaar het zoals het is (verwijder geen regels: die zijn bevestigd) en vraag hulp.",
                        detail.nl
                    ),
                    en: format!(
                        "{p}:{line}: line {line} is damaged ({}), and good lines follow it. The journal has not been changed; keep it as it is (remove no lines: they were confirmed) and ask for help.",
                        detail.en
                    ),
                }
            }
            StoreError::Replay { path, line, source } => {
                let p = path.display();
                source.message().map(|m, _| format!("{p}:{line}: {m}"))
            }
            _ => self.message_of_session(),
        }
    }

    /// The messages about the session as a whole: its deck, its lock, its successor.
    fn message_of_session(&self) -> Bi {
        match self {
            StoreError::DeckLacksPlayed { path, missing } => {
                let (p, missing) = (path.display(), missing.join(", "));
                bi!(
                    "{p}: het deck is veranderd en mist scenario's die in deze sessie al gespeeld zijn: {missing}",
                    "{p}: the deck has changed and lacks scenarios already played in this session: {missing}"
                )
            }
            StoreError::Locked { path } => {
                let p = path.display();
                bi!(
                    "{p}: deze sessie is al geopend in een ander venster van het spel. Ga daar verder, of sluit dat venster eerst; hier is niets geschreven.",
                    "{p}: this session is already open in another window of the game. Go on there, or close that window first; nothing has been written here."
                )
            }
            StoreError::Replaced { path, by } => {
                let (p, by) = (path.display(), by.display());
                bi!(
                    "{p}: deze sessie ging verder in {by}; open die.",
                    "{p}: this session went on in {by}; open that one."
                )
            }
            StoreError::Closed { path, why } => {
                let p = path.display();
                Bi {
                    nl: format!("{p}: het journaal neemt niets meer op ({}).", why.nl),
                    en: format!("{p}: the journal records nothing more ({}).", why.en),
                }
            }
            StoreError::FailOver { path, why, error } => {
                let (p, error) = (path.display(), error.message());
                Bi {
                    nl: format!(
                        "Niet opgeslagen, dus niet uitgevoerd: het journaal {p} kon niet verder worden geschreven ({}) en een nieuw journaal lukte ook niet ({}). Alles wat al bevestigd was staat veilig in {p}. Maak ruimte vrij of controleer de map, en probeer het opnieuw.",
                        why.nl, error.nl
                    ),
                    en: format!(
                        "Not saved, so not done: the journal {p} could not be written any further ({}) and a new journal did not work either ({}). Everything already confirmed is safe in {p}. Free up space or check the folder, and try again.",
                        why.en, error.en
                    ),
                }
            }
            StoreError::NoDeck { path } => {
                let p = path.display();
                bi!(
                    "{p}: dit journaal bewaart zijn deck niet (een oudere versie van het spel) en het deck is niet gevonden.",
                    "{p}: this journal does not keep its deck (an older version of the game) and the deck was not found."
                )
            }
            // The others are worded by `message`.
            _ => Bi::default(),
        }
    }

    /// What went wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message().text(lang).to_owned()
    }
}

/// The Dutch text.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().nl)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Replay { source, .. } => Some(source),
            StoreError::FailOver { error, .. } => Some(&**error),
            _ => None,
        }
    }
}

/// Why [`super::Recorder::apply`] did not record an event.
#[derive(Debug)]
pub enum RecordError {
    /// The session refused the event; nothing was written.
    Refused(SessionError),
    /// The event could not be written, not even in a fresh journal; the session did not change.
    Store(StoreError),
}

impl From<SessionError> for RecordError {
    fn from(e: SessionError) -> Self {
        RecordError::Refused(e)
    }
}

impl From<StoreError> for RecordError {
    fn from(e: StoreError) -> Self {
        RecordError::Store(e)
    }
}

impl RecordError {
    /// Why the event was not recorded, in Dutch and English.
    pub fn message(&self) -> Bi {
        match self {
            RecordError::Refused(e) => e.message(),
            RecordError::Store(e) => e.message(),
        }
    }

    /// Why the event was not recorded, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message().text(lang).to_owned()
    }
}

/// The Dutch text.
impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().nl)
    }
}

impl std::error::Error for RecordError {}
