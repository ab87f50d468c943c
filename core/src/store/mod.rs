//! The session journal on disk. No Bevy here.
//!
//! One file per session, JSON Lines (`.jsonl`), in a sessions folder (by default the platform's data
//! directory, see [`default_dir`]). Line 1 is the header with the [`Settings`] and the deck as played;
//! every further line is one [`Event`] as serialised by serde
//! (`{"type":"TeamChose","team":0,"key":"B","crc":"…"}`). Each line ends in a CRC-32 of itself
//! (format 2; see `line`). The format is described in docs/sessions.md.
//!
//! Rules:
//! - [`Journal::append`] writes the line and syncs it to disk before it returns; [`record`] (and
//!   [`Recorder::apply`]) tells the caller an event happened only after that, and applies it once.
//! - A journal is only ever appended to, never rewritten. After a failed write or sync it is closed,
//!   and the session goes on in a fresh journal that names the one it replaces.
//! - A line counts when its checksum holds and its newline is there. A tail that does not (a power
//!   cut, a full disk) was never confirmed: it is fenced off with a warning, and a resume goes on in
//!   a fresh journal. A damaged line before a good one is an error naming the line.
//! - An open journal is locked: a second window cannot write to it.
//! - Format 1 journals (before checksums) still load: there a last line without its newline is
//!   dropped and `Recovered` lines fence off torn lines.

mod error;
mod fs;
mod journal;
mod line;
mod list;
mod read;
mod time;

pub use error::{Doing, RecordError, StoreError};
pub use fs::{Faults, FileHandle, Fs, RealFs, SimFs};
pub use journal::Journal;
pub use list::{Summary, list, list_in};
pub use time::local_time_of;

use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::bi;
use crate::deck::Deck;
use crate::lang::Bi;
use crate::session::{Event, Session, Settings};

/// The journal format this program writes (and the newest it reads).
pub const FORMAT: u32 = 2;
/// The file extension of a journal.
pub const EXTENSION: &str = "jsonl";

/// The lines of a journal that are not events.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type")]
enum Meta {
    /// The first line.
    Journal {
        format: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        created: Option<String>,
        settings: Box<Settings>,
        /// The deck as played (format 2).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deck: Option<Box<Deck>>,
        /// The file name of the journal this one took over from after a failed write.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaces: Option<String>,
    },
    /// From here on the session plays this version of its deck (saved during the session).
    Deck { deck: Box<Deck> },
    /// Format 1: written when a journal with a torn last line was resumed: that line (1-based) does
    /// not count.
    Recovered { dropped_line: usize },
}

/// A journal as read from disk: its settings and events, not yet replayed.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    /// When the session was created (UTC, `YYYY-MM-DDTHH:MM:SSZ`), when recorded.
    pub created: Option<String>,
    pub settings: Settings,
    pub events: Vec<Event>,
    /// Things the facilitator should know (a fenced-off tail), in Dutch and English.
    pub warnings: Vec<Bi>,
    /// The journal's format (1: before checksums and the stored deck).
    pub format: u32,
    /// The deck as played (its last version, when it was saved during the session); `None` in
    /// format 1 journals.
    pub deck: Option<Deck>,
    /// How many times the deck was replaced during the session.
    pub deck_changes: usize,
    /// The file name of the journal this one took over from, when it did.
    pub replaces: Option<String>,
    /// Whether a tail was fenced off (a resume then goes on in a fresh journal).
    pub unclean: bool,
    /// The 1-based file line of each event.
    line_of_event: Vec<usize>,
}

impl Loaded {
    /// Replays the events against the deck as played, stored in the journal; `on_disk` (the deck
    /// file as it is now, when it could be read) only adds a warning when it has changed since.
    /// A format 1 journal has no stored deck and replays against `on_disk`: where that changed since
    /// the journal was written, this goes on (with a warning) when every scenario already played
    /// still exists.
    pub fn replay(
        &self,
        on_disk: impl Into<Option<Deck>>,
    ) -> Result<(Session, Vec<Bi>), StoreError> {
        let on_disk = on_disk.into();
        let mut warnings = Vec::new();
        let deck = match (&self.deck, on_disk) {
            (Some(stored), disk) => {
                if let Some(d) = disk
                    && d.id == stored.id
                    && deck_hash_of(&d) != deck_hash_of(stored)
                {
                    let id = &stored.id;
                    warnings.push(bi!(
                        "Het deckbestand \"{id}\" is veranderd sinds deze sessie het speelde; de sessie gebruikt het deck zoals het gespeeld is.",
                        "The deck file \"{id}\" has changed since this session played it; the session uses the deck as it was played."
                    ));
                }
                stored.clone()
            }
            (None, Some(deck)) => {
                self.check_old_deck(&deck, &mut warnings)?;
                deck
            }
            (None, None) => {
                return Err(StoreError::NoDeck {
                    path: self.path.clone(),
                });
            }
        };
        let lines = &self.line_of_event;
        let session = Session::replay(self.settings.clone(), deck, self.events.iter().cloned())
            .map_err(|source| StoreError::Replay {
                path: self.path.clone(),
                line: if source.number == 0 {
                    1
                } else {
                    lines.get(source.number - 1).copied().unwrap_or(1)
                },
                source,
            })?;
        Ok((session, warnings))
    }

    fn check_old_deck(&self, deck: &Deck, warnings: &mut Vec<Bi>) -> Result<(), StoreError> {
        if self.settings.deck_hash.is_empty() || self.settings.deck_hash == deck_hash_of(deck) {
            return Ok(());
        }
        let missing: Vec<String> = self
            .events
            .iter()
            .filter_map(|e| match e {
                Event::RoundStarted { scenario } if deck.scenario(scenario).is_none() => {
                    Some(scenario.clone())
                }
                _ => None,
            })
            .collect();
        if !missing.is_empty() {
            return Err(StoreError::DeckLacksPlayed {
                path: self.path.clone(),
                missing,
            });
        }
        let id = &deck.id;
        warnings.push(bi!(
            "Het deck \"{id}\" is veranderd sinds deze sessie begon; de gespeelde scenario's bestaan nog, dus de sessie gaat verder met het nieuwe deck.",
            "The deck \"{id}\" has changed since this session began; the scenarios played still exist, so the session goes on with the new deck."
        ));
        Ok(())
    }

    /// The 1-based file line of event `index` (0-based).
    pub fn line_of(&self, index: usize) -> Option<usize> {
        self.line_of_event.get(index).copied()
    }
}

/// The digest of a deck's content: SHA-256 of its canonical RON text, in hex. Formatting and comments
/// in the file do not change it; any change to ids, texts or effects does.
pub fn deck_hash_of(deck: &Deck) -> String {
    use sha2::{Digest, Sha256};
    let text = ron::ser::to_string(deck).unwrap_or_default();
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The journal line (format 2, with its checksum and newline) for one JSON object: for tools and
/// tests that write journals of their own.
pub fn sealed_line(json: &str) -> String {
    line::seal(json)
}

/// Reads a journal. An unconfirmed tail is fenced off with a warning; any other damage is an error
/// naming the line. The file is only read.
pub fn read(path: &Path) -> Result<Loaded, StoreError> {
    read_in(&RealFs, path)
}

/// As [`read`], on the file system `fs`.
pub fn read_in(fs: &dyn Fs, path: &Path) -> Result<Loaded, StoreError> {
    let bytes = fs
        .read(path)
        .map_err(|e| StoreError::io(path, Doing::ReadJournal, e))?;
    read::parse(path, &bytes)
}

fn safe_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    if cleaned.is_empty() {
        "sessie".into()
    } else {
        cleaned
    }
}

/// Checks `ev`, writes it to `journal` (synced) and only then applies it to `session`: exactly once.
/// When the write or the sync fails, the journal is closed and the session goes on in a fresh
/// journal beside it with every event so far and this one ([`Journal::take_notices`] says so);
/// when that fails too, the event is not applied and the error says that nothing confirmed is lost.
pub fn record(journal: &mut Journal, session: &mut Session, ev: Event) -> Result<(), RecordError> {
    session.check(&ev)?;
    if journal.closed().is_some() || journal.append(&ev).is_err() {
        journal.fail_over(session, Some(&ev))?;
    }
    session.apply(ev)?;
    Ok(())
}

/// Records that `session` now plays a new version of its deck ([`Session::update_deck`] took it),
/// so that a replay uses it; fails over to a fresh journal as [`record`] does.
pub fn record_deck(journal: &mut Journal, session: &Session) -> Result<(), StoreError> {
    if journal.closed().is_some() || journal.append_deck(session.played_deck()).is_err() {
        journal.fail_over(session, None)?;
    }
    Ok(())
}

/// Why [`Recorder::update_deck`] did not (or not durably) take a new version of the deck.
#[derive(Debug, thiserror::Error)]
pub enum DeckUpdateError {
    /// The new version does not fit the session (it lacks what was played); nothing changed.
    #[error("{0}")]
    Unfit(crate::session::ReplayError),
    /// The session plays the new version, but the journal could not record it.
    #[error("{0}")]
    Store(StoreError),
}

/// A live session with its journal: every event is checked, written and synced, and only then
/// applied (see [`record`]).
#[derive(Debug)]
pub struct Recorder {
    session: Session,
    journal: Journal,
}

impl Recorder {
    /// Starts recording a new session (no events yet) in a new journal in `dir`.
    pub fn create(dir: &Path, session: Session) -> Result<Recorder, StoreError> {
        let journal = Journal::create(dir, &session)?;
        Ok(Recorder { session, journal })
    }

    /// As [`Recorder::create`], on the file system `fs`.
    pub fn create_in(
        fs: Arc<dyn Fs>,
        dir: &Path,
        session: Session,
    ) -> Result<Recorder, StoreError> {
        let journal = Journal::create_in(fs, dir, &session, None, None)?;
        Ok(Recorder { session, journal })
    }

    /// Records `session` (and the events it already has) in the fresh `journal`.
    pub fn with_journal(session: Session, mut journal: Journal) -> Result<Recorder, StoreError> {
        for ev in session.events() {
            journal.append(ev)?;
        }
        Ok(Recorder { session, journal })
    }

    /// Checks the event, appends it to the journal (synced) and applies it; see [`record`].
    pub fn apply(&mut self, ev: Event) -> Result<(), RecordError> {
        record(&mut self.journal, &mut self.session, ev)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Plays `deck` from now on for the scenarios still to come ([`Session::update_deck`]) and
    /// records it (see [`record_deck`]). A deck that does not fit the session is refused and
    /// nothing changes; when the journal cannot take it, the session plays it all the same and the
    /// error says so.
    pub fn update_deck(&mut self, deck: Deck) -> Result<(), DeckUpdateError> {
        self.session
            .update_deck(deck)
            .map_err(DeckUpdateError::Unfit)?;
        record_deck(&mut self.journal, &self.session).map_err(DeckUpdateError::Store)
    }

    pub fn path(&self) -> &Path {
        self.journal.path()
    }

    /// What the facilitator should be told since the last call (a journal replaced), in Dutch.
    pub fn take_notices(&mut self) -> Vec<Bi> {
        self.journal.take_notices()
    }

    pub fn into_parts(self) -> (Session, Journal) {
        (self.session, self.journal)
    }
}

/// A resumed session: replayed from its journal and open for further events.
#[derive(Debug)]
pub struct Resumed {
    pub recorder: Recorder,
    /// In Dutch and English: a fenced-off tail, a changed deck, a fresh journal.
    pub warnings: Vec<Bi>,
}

/// Resume = replay: reads the journal at `path`, replays it against the deck stored in it (or, for
/// a format 1 journal, `deck`; `deck` is the deck file as it is now) and opens it for appending.
pub fn resume(path: &Path, deck: Deck) -> Result<Resumed, StoreError> {
    resume_in(Arc::new(RealFs), path, Some(deck))
}

/// As [`resume`], on the file system `fs`; `on_disk` is the deck file as it is now, when it could
/// be read. The journal is locked first: a second window gets [`StoreError::Locked`] and writes
/// nothing. A journal with a fenced-off tail, or of format 1, is never appended to: the session
/// goes on in a fresh journal that names it, and a warning says so.
pub fn resume_in(
    fs: Arc<dyn Fs>,
    path: &Path,
    on_disk: Option<Deck>,
) -> Result<Resumed, StoreError> {
    let replaced = |fs: &dyn Fs| {
        let by = replaced_by(fs, path.parent()?, path)?;
        Some(StoreError::Replaced {
            path: path.to_path_buf(),
            by,
        })
    };
    let file = fs.open_append(path).map_err(|e| match e.kind() {
        io::ErrorKind::WouldBlock => replaced(&*fs).unwrap_or(StoreError::Locked {
            path: path.to_path_buf(),
        }),
        _ => StoreError::io(path, Doing::OpenToContinue, e),
    })?;
    let loaded = read_in(&*fs, path)?;
    if let Some(e) = replaced(&*fs) {
        return Err(e);
    }
    let (session, more) = loaded.replay(on_disk)?;
    let mut journal = Journal::with_file(fs, path, file);
    let mut warnings = loaded.warnings;
    warnings.extend(more);
    if loaded.format < FORMAT || loaded.unclean {
        journal.close(if loaded.unclean {
            bi!(
                "het eind was niet helemaal geschreven",
                "its end was not completely written"
            )
        } else {
            bi!(
                "het is van een oudere versie van het spel",
                "it is from an older version of the game"
            )
        });
        journal.fail_over(&session, None)?;
        warnings.extend(journal.take_notices());
    }
    Ok(Resumed {
        recorder: Recorder { session, journal },
        warnings,
    })
}

/// The journal in `dir` that took over from `path`, if one did.
fn replaced_by(fs: &dyn Fs, dir: &Path, path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    fs.list(dir).ok()?.into_iter().find(|p| {
        p != path
            && p.extension().is_some_and(|x| x == EXTENSION)
            && read_in(fs, p).is_ok_and(|l| l.replaces.as_deref() == Some(name.as_str()))
    })
}

/// The default sessions folder: the platform's data directory (e.g.
/// `~/.local/share/cultuurbarbarenspel/sessions`), else `sessions` in the current folder; always
/// an absolute path.
pub fn default_dir() -> PathBuf {
    let dir = directories::ProjectDirs::from("nl", "cultuurbarbaren", "cultuurbarbarenspel")
        .map(|d| d.data_dir().join("sessions"))
        .unwrap_or_else(|| PathBuf::from("sessions"));
    std::path::absolute(&dir).unwrap_or(dir)
}

/// Creates the sessions folder `dir` when it is missing, and makes the new entry durable.
fn make_dir(fs: &dyn Fs, dir: &Path) -> Result<(), StoreError> {
    let new_dir = fs.list(dir).is_err();
    fs.create_dir_all(dir)
        .map_err(|e| StoreError::io(dir, Doing::MakeFolder, e))?;
    if new_dir && let Some(parent) = dir.parent() {
        fs.sync_dir(parent)
            .map_err(|e| StoreError::io(dir, Doing::ConfirmFolder, e))?;
    }
    Ok(())
}

/// Checks that journals can be written in `dir`: creates it (synced) and writes, syncs and removes
/// a small test file. The game does this at start, so a folder it cannot use is found before a
/// session is set up.
pub fn check_dir(fs: &dyn Fs, dir: &Path) -> Result<(), StoreError> {
    make_dir(fs, dir)?;
    let probe = dir.join(format!(".schrijftest-{}", std::process::id()));
    let _ = fs.remove(&probe);
    let mut file = fs
        .create_new(&probe)
        .map_err(|e| StoreError::io(dir, Doing::WriteFolder, e))?;
    let written = file.write(b"ok\n").and_then(|_| file.sync());
    drop(file);
    let removed = fs.remove(&probe);
    written.map_err(|e| StoreError::io(dir, Doing::WriteFolder, e))?;
    removed.map_err(|e| StoreError::io(dir, Doing::CleanFolder, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_for_every_file_system() {
        assert_eq!(safe_name("klantcontact"), "klantcontact");
        assert_eq!(safe_name("a/b\\c:d é"), "a-b-c-d--");
        assert_eq!(safe_name(""), "sessie");
    }
}
