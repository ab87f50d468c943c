//! A journal open for appending: one sealed line per event, synced before it counts; closed for
//! writing after any failed write or sync, and then replaced by a fresh journal.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::fs::{FileHandle, Fs, RealFs};
use super::time::Utc;
use super::{Doing, EXTENSION, FORMAT, Meta, StoreError, line, safe_name};
use crate::deck::Deck;
use crate::lang::Bi;
use crate::session::{Event, Session, Settings};

/// A journal open for appending. It holds the file's exclusive lock, so a second window cannot
/// write to it.
#[derive(Debug)]
pub struct Journal {
    fs: Arc<dyn Fs>,
    path: PathBuf,
    file: Box<dyn FileHandle>,
    /// Why the journal takes no more lines (a write or sync failed), when it does not.
    closed: Option<Bi>,
    /// The files of journals this one replaced while the program runs: their locks stay held.
    retired: Vec<Box<dyn FileHandle>>,
    /// What the facilitator should be told (a journal replaced), in Dutch and English; taken by
    /// [`Journal::take_notices`].
    notices: Vec<Bi>,
}

/// The `n`th name for a journal with this stem: `stem.ext`, then `stem-2.ext`, `stem-3.ext`, ….
fn numbered(stem: &str, n: usize) -> String {
    if n == 1 {
        format!("{stem}.{EXTENSION}")
    } else {
        format!("{stem}-{n}.{EXTENSION}")
    }
}

/// Writes `text` to a new temporary file in `dir` (the first free `.name.part`) and syncs it;
/// on failure the temporary file is removed again.
fn write_part(
    fs: &dyn Fs,
    dir: &Path,
    stem: &str,
    text: &str,
) -> Result<(PathBuf, Box<dyn FileHandle>), StoreError> {
    let (tmp, mut file) = (1..=1000)
        .find_map(|n| {
            let tmp = dir.join(format!(".{}.part", numbered(stem, n)));
            match fs.create_new(&tmp) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
                other => Some(other.map(|f| (tmp, f))),
            }
        })
        .unwrap_or_else(|| Err(io::ErrorKind::AlreadyExists.into()))
        .map_err(|e| StoreError::io(dir, Doing::CreateNew, e))?;
    let written = write_all(&mut *file, text.as_bytes()).and_then(|()| file.sync());
    if let Err(e) = written {
        drop(file);
        let _ = fs.remove(&tmp);
        return Err(StoreError::io(&tmp, Doing::WriteNew, e));
    }
    Ok((tmp, file))
}

/// Gives the temporary file `tmp` the first of its names that is not taken; on failure the
/// temporary file is removed.
fn take_free_name(fs: &dyn Fs, dir: &Path, stem: &str, tmp: &Path) -> Result<PathBuf, StoreError> {
    for n in 1..=1000 {
        let candidate = dir.join(numbered(stem, n));
        match fs.rename_new(tmp, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                let _ = fs.remove(tmp);
                return Err(StoreError::io(&candidate, Doing::Name, e));
            }
        }
    }
    let _ = fs.remove(tmp);
    Err(StoreError::io(
        dir,
        Doing::Name,
        io::ErrorKind::AlreadyExists.into(),
    ))
}

fn write_all(file: &mut dyn FileHandle, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        match file.write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn header_line(
    settings: &Settings,
    deck: &Deck,
    created: Option<String>,
    replaces: Option<String>,
) -> String {
    let header = Meta::Journal {
        format: FORMAT,
        created,
        settings: Box::new(settings.clone()),
        deck: Some(Box::new(deck.clone())),
        replaces,
    };
    line::seal(&serde_json::to_string(&header).expect("headers serialise"))
}

fn event_line(ev: &Event) -> String {
    line::seal(&serde_json::to_string(ev).expect("events serialise"))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Journal {
    /// Creates a new journal in `dir` (created if missing) for `session`, with the events it already
    /// has, named after the moment and the deck: `2026-11-22_143501_klantcontact.jsonl`.
    pub fn create(dir: &Path, session: &Session) -> Result<Journal, StoreError> {
        Journal::create_in(Arc::new(RealFs), dir, session, None, None)
    }

    /// As [`Journal::create`], on the file system `fs`; `replaces` names the journal this one takes
    /// over from, and `extra` is one more event to write after the session's own.
    ///
    /// The file is written under a temporary name, synced, and only then given its name (never
    /// taking one that exists: a taken name gets `-2`, `-3`, …) and its folder synced: a journal is
    /// either there whole or not at all.
    pub fn create_in(
        fs: Arc<dyn Fs>,
        dir: &Path,
        session: &Session,
        replaces: Option<String>,
        extra: Option<&Event>,
    ) -> Result<Journal, StoreError> {
        super::make_dir(&*fs, dir)?;
        let now = Utc::now();
        let mut text = header_line(
            session.settings(),
            session.played_deck(),
            Some(now.rfc3339()),
            replaces,
        );
        for ev in session.events().iter().chain(extra) {
            text.push_str(&event_line(ev));
        }
        let stem = format!(
            "{}_{}",
            now.file_stamp(),
            safe_name(&session.settings().deck_id)
        );
        let (tmp, file) = write_part(&*fs, dir, &stem, &text)?;
        let path = take_free_name(&*fs, dir, &stem, &tmp)?;
        if let Err(e) = fs.sync_dir(dir) {
            // Not confirmed: take the name back, so that the folder does not offer it.
            drop(file);
            let _ = fs.remove(&path);
            return Err(StoreError::io(&path, Doing::ConfirmNew, e));
        }
        Ok(Journal {
            fs,
            path,
            file,
            closed: None,
            retired: Vec::new(),
            notices: Vec::new(),
        })
    }

    /// Creates a new journal at `path` (which must not exist) and writes its header (the settings
    /// and the deck as played), synced.
    pub fn create_at(
        path: &Path,
        settings: &Settings,
        deck: &Deck,
        created: Option<String>,
    ) -> Result<Journal, StoreError> {
        let fs: Arc<dyn Fs> = Arc::new(RealFs);
        let file = fs
            .create_new(path)
            .map_err(|e| StoreError::io(path, Doing::Create, e))?;
        let mut journal = Journal::with_file(fs, path, file);
        journal.write_line(&header_line(settings, deck, created, None))?;
        if let Some(dir) = path.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            journal
                .fs
                .sync_dir(dir)
                .map_err(|e| StoreError::io(path, Doing::ConfirmNew, e))?;
        }
        Ok(journal)
    }

    pub(super) fn with_file(fs: Arc<dyn Fs>, path: &Path, file: Box<dyn FileHandle>) -> Journal {
        Journal {
            fs,
            path: path.to_path_buf(),
            file,
            closed: None,
            retired: Vec::new(),
            notices: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the journal takes no more lines, when a write or a sync failed.
    pub fn closed(&self) -> Option<&Bi> {
        self.closed.as_ref()
    }

    pub(super) fn close(&mut self, why: Bi) {
        self.closed = Some(why);
    }

    /// What the facilitator should be told since the last call (a journal replaced), in Dutch.
    pub fn take_notices(&mut self) -> Vec<Bi> {
        std::mem::take(&mut self.notices)
    }

    /// Appends one event and syncs it to disk. When this returns `Ok`, the event survives a crash
    /// and a power cut. After an error the journal is closed for writing (see
    /// [`super::record`], which then goes on in a fresh journal).
    pub fn append(&mut self, ev: &Event) -> Result<(), StoreError> {
        self.write_line(&event_line(ev))
    }

    /// Records that the session now plays a new version of its deck (a trainer saved the file
    /// during the session): later replays use it.
    pub fn append_deck(&mut self, deck: &Deck) -> Result<(), StoreError> {
        let json = serde_json::to_string(&Meta::Deck {
            deck: Box::new(deck.clone()),
        })
        .expect("decks serialise");
        self.write_line(&line::seal(&json))
    }

    fn write_line(&mut self, line: &str) -> Result<(), StoreError> {
        if let Some(why) = &self.closed {
            return Err(StoreError::Closed {
                path: self.path.clone(),
                why: why.clone(),
            });
        }
        let written = write_all(&mut *self.file, line.as_bytes()).and_then(|()| self.file.sync());
        written.map_err(|e| {
            self.closed = Some(Bi::same(e.to_string()));
            StoreError::io(&self.path, Doing::Write, e)
        })
    }

    /// Goes on in a fresh journal beside this one, holding `session`'s events and `extra`: this
    /// journal is left as it is, never edited. On success `self` is the fresh journal and a notice
    /// says what happened; on failure nothing changed and the error says so.
    pub(super) fn fail_over(
        &mut self,
        session: &Session,
        extra: Option<&Event>,
    ) -> Result<(), StoreError> {
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let why = self.closed.clone().unwrap_or_default();
        let fresh = Journal::create_in(
            self.fs.clone(),
            &dir,
            session,
            Some(file_name(&self.path)),
            extra,
        )
        .map_err(|error| StoreError::FailOver {
            path: self.path.clone(),
            why: why.clone(),
            error: Box::new(error),
        })?;
        let old = std::mem::replace(self, fresh);
        self.retired = old.retired;
        self.retired.push(old.file);
        self.notices = old.notices;
        let (old_path, new_path) = (old.path.display(), self.path.display());
        self.notices.push(Bi {
            nl: format!(
                "Het journaal {old_path} kon niet verder worden geschreven ({}). Er is niets verloren: de sessie gaat verder in {new_path}; het oude bestand blijft ongewijzigd bewaard.",
                why.nl
            ),
            en: format!(
                "The journal {old_path} could not be written any further ({}). Nothing is lost: the session goes on in {new_path}; the old file is kept unchanged.",
                why.en
            ),
        });
        Ok(())
    }
}
