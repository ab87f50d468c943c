//! The session journal on disk. No Bevy here.
//!
//! One file per session, JSON Lines (`.jsonl`), in a sessions folder (by default the platform's data
//! directory, see [`default_dir`]). Line 1 is the header with the [`Settings`]; every further line is
//! one [`Event`] as serialised by serde (`{"type":"TeamChose","team":0,"key":"B"}`). The format is
//! described in docs/sessions.md.
//!
//! Rules:
//! - [`Journal::append`] writes the line and syncs it to disk before it returns; [`Recorder::apply`]
//!   tells the caller an event happened only after that.
//! - A line counts only once its newline is on disk. A last line without one (the program died in the
//!   middle of a write) is dropped with a warning. When such a journal is resumed, the program writes a
//!   newline and a `Recovered` line naming the dropped line, so the file stays readable; it never
//!   rewrites or truncates a journal.
//! - Any other line that cannot be read is an error naming the line.

use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::deck::Deck;
use crate::session::{Event, ReplayError, Session, SessionError, Settings};

/// The journal format this program writes and reads.
pub const FORMAT: u32 = 1;
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
    },
    /// Written when a journal with a torn last line was resumed: that line (1-based) does not count.
    Recovered { dropped_line: usize },
}

/// What went wrong with a journal. The text names the file and, where it applies, the line.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {what}: {source}", .path.display())]
    Io {
        path: PathBuf,
        what: &'static str,
        source: io::Error,
    },
    #[error("{}: het journaal is leeg", .path.display())]
    Empty { path: PathBuf },
    #[error("{}:1: dit is geen sessiejournaal van CultuurBarbarenSpel ({detail})", .path.display())]
    NotAJournal { path: PathBuf, detail: String },
    #[error(
        "{}:1: dit journaal heeft formaat {found}; dit programma kent formaat {FORMAT}. Gebruik een nieuwere versie.",
        .path.display()
    )]
    Format { path: PathBuf, found: u32 },
    #[error(
        "{}:{line}: regel {line} is beschadigd ({detail}). Het journaal is niet gewijzigd; herstel of verwijder die regel met de hand.",
        .path.display()
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        detail: String,
    },
    #[error("{}:{line}: {source}", .path.display())]
    Replay {
        path: PathBuf,
        line: usize,
        source: ReplayError,
    },
    #[error(
        "{}: het deck is veranderd en mist scenario's die in deze sessie al gespeeld zijn: {}",
        .path.display(),
        .missing.join(", ")
    )]
    DeckLacksPlayed { path: PathBuf, missing: Vec<String> },
}

impl StoreError {
    fn io(path: &Path, what: &'static str, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            what,
            source,
        }
    }
}

/// A journal as read from disk: its settings and events, not yet replayed.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    /// When the session was created (UTC, `YYYY-MM-DDTHH:MM:SSZ`), when recorded.
    pub created: Option<String>,
    pub settings: Settings,
    pub events: Vec<Event>,
    /// Things the facilitator should know (a dropped torn line), in Dutch.
    pub warnings: Vec<String>,
    /// The 1-based number of a torn last line that was dropped.
    torn_line: Option<usize>,
    /// The 1-based file line of each event.
    line_of_event: Vec<usize>,
}

impl Loaded {
    /// Replays the events against `deck`. Where the deck's content changed since the journal was
    /// written, this goes on (with a warning) when every scenario already played still exists.
    pub fn replay(&self, deck: Deck) -> Result<(Session, Vec<String>), StoreError> {
        let mut warnings = Vec::new();
        let hash = deck_hash_of(&deck);
        if !self.settings.deck_hash.is_empty() && self.settings.deck_hash != hash {
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
            warnings.push(format!(
                "Het deck \"{}\" is veranderd sinds deze sessie begon; de gespeelde scenario's bestaan nog, dus de sessie gaat verder met het nieuwe deck.",
                deck.id
            ));
        }
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

/// Reads a journal. A torn last line is dropped with a warning; any other damage is an error naming
/// the line. The file is only read.
pub fn read(path: &Path) -> Result<Loaded, StoreError> {
    let bytes =
        std::fs::read(path).map_err(|e| StoreError::io(path, "kan het journaal niet lezen", e))?;
    parse(path, &bytes)
}

/// The tag every `Recovered` line carries.
const RECOVERED: &[u8] = b"\"Recovered\"";

fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StoreError::Empty {
            path: path.to_path_buf(),
        });
    }
    let complete = bytes.ends_with(b"\n");
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if complete {
        lines.pop(); // the empty piece after the last newline
    }
    let torn = if complete { None } else { lines.pop() };
    let torn_number = torn.map(|_| lines.len() + 1);
    let corrupt = |line: usize, detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        line,
        detail,
    };

    let Some(first) = lines.first() else {
        return Err(StoreError::NotAJournal {
            path: path.to_path_buf(),
            detail: "de eerste regel is niet compleet geschreven".into(),
        });
    };
    let (created, settings) = match serde_json::from_slice::<Meta>(first) {
        Ok(Meta::Journal {
            format,
            created,
            settings,
        }) => {
            if format > FORMAT {
                return Err(StoreError::Format {
                    path: path.to_path_buf(),
                    found: format,
                });
            }
            (created, *settings)
        }
        Ok(Meta::Recovered { .. }) => {
            return Err(StoreError::NotAJournal {
                path: path.to_path_buf(),
                detail: "de eerste regel is geen kop".into(),
            });
        }
        Err(e) => {
            return Err(StoreError::NotAJournal {
                path: path.to_path_buf(),
                detail: e.to_string(),
            });
        }
    };

    let mut events = Vec::new();
    let mut line_of_event = Vec::new();
    let mut warnings = Vec::new();
    let mut i = 1;
    while i < lines.len() {
        let number = i + 1;
        let line = lines[i];
        i += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // A torn line that a resume fenced off with a `Recovered` line: it does not count, even
        // when its bytes happen to form a whole event (only the newline was missing).
        // (The byte search keeps the parse off the ordinary lines.)
        let fenced = lines.get(i).is_some_and(|next| {
            next.windows(RECOVERED.len()).any(|w| w == RECOVERED)
                && matches!(
                    serde_json::from_slice::<Meta>(next),
                    Ok(Meta::Recovered { dropped_line }) if dropped_line == number
                )
        });
        if fenced {
            warnings.push(format!(
                "{}:{number}: een half geschreven regel van een eerdere onderbreking telt niet mee.",
                path.display()
            ));
            continue;
        }
        if let Ok(ev) = serde_json::from_slice::<Event>(line) {
            events.push(ev);
            line_of_event.push(number);
            continue;
        }
        match serde_json::from_slice::<Meta>(line) {
            Ok(Meta::Recovered { dropped_line }) => {
                // Only valid right after the line it names.
                if dropped_line + 1 != number {
                    return Err(corrupt(
                        number,
                        format!("hersteld-regel noemt regel {dropped_line}, niet de regel ervoor"),
                    ));
                }
            }
            Ok(Meta::Journal { .. }) => {
                return Err(corrupt(number, "een tweede kopregel".into()));
            }
            Err(e) => {
                let detail = match std::str::from_utf8(line) {
                    Err(_) => "geen geldige UTF-8".to_string(),
                    Ok(_) => e.to_string(),
                };
                return Err(corrupt(number, detail));
            }
        }
    }
    if let Some(n) = torn_number {
        warnings.push(format!(
            "{}:{n}: de laatste regel is niet helemaal geschreven (het programma stopte midden in het schrijven); die gebeurtenis telt niet mee, de rest is bewaard.",
            path.display()
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        created,
        settings,
        events,
        warnings,
        torn_line: torn_number,
        line_of_event,
    })
}

/// A journal open for appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

impl Journal {
    /// Creates a new journal in `dir` (created if missing), named after the moment and the deck:
    /// `2026-11-22_143501_klantcontact.jsonl`. Never overwrites: a taken name gets `-2`, `-3`, ….
    pub fn create(dir: &Path, settings: &Settings) -> Result<Journal, StoreError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::io(dir, "kan de sessiemap niet maken", e))?;
        let now = Utc::now();
        let stem = format!("{}_{}", now.file_stamp(), safe_name(&settings.deck_id));
        for n in 1.. {
            let name = if n == 1 {
                format!("{stem}.{EXTENSION}")
            } else {
                format!("{stem}-{n}.{EXTENSION}")
            };
            match Journal::create_at(&dir.join(name), settings, Some(now.rfc3339())) {
                Err(StoreError::Io { source, .. })
                    if source.kind() == io::ErrorKind::AlreadyExists && n < 1000 => {}
                other => return other,
            }
        }
        unreachable!("the loop returns")
    }

    /// Creates a new journal at `path` (which must not exist) and writes its header, synced.
    pub fn create_at(
        path: &Path,
        settings: &Settings,
        created: Option<String>,
    ) -> Result<Journal, StoreError> {
        let file = OpenOptions::new()
            .append(true)
            .create_new(true)
            .open(path)
            .map_err(|e| StoreError::io(path, "kan het journaal niet aanmaken", e))?;
        let mut journal = Journal {
            path: path.to_path_buf(),
            file,
        };
        let header = Meta::Journal {
            format: FORMAT,
            created,
            settings: Box::new(settings.clone()),
        };
        journal.write_line(&serde_json::to_string(&header).expect("settings serialise"))?;
        sync_parent(path);
        Ok(journal)
    }

    /// Opens a read journal for appending. A torn last line is fenced off first: a newline and a
    /// `Recovered` line naming it are appended (the torn bytes stay where they are).
    pub fn reopen(loaded: &Loaded) -> Result<Journal, StoreError> {
        let path = &loaded.path;
        let file = OpenOptions::new().append(true).open(path).map_err(|e| {
            StoreError::io(
                path,
                "kan het journaal niet openen om verder te schrijven",
                e,
            )
        })?;
        let mut journal = Journal {
            path: path.clone(),
            file,
        };
        if let Some(dropped_line) = loaded.torn_line {
            let meta = serde_json::to_string(&Meta::Recovered { dropped_line }).expect("serialise");
            journal.write_raw(format!("\n{meta}\n").as_bytes())?;
        }
        Ok(journal)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one event and syncs it to disk. When this returns `Ok`, the event survives a crash.
    pub fn append(&mut self, ev: &Event) -> Result<(), StoreError> {
        self.write_line(&serde_json::to_string(ev).expect("events serialise"))
    }

    fn write_line(&mut self, line: &str) -> Result<(), StoreError> {
        let mut bytes = Vec::with_capacity(line.len() + 1);
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        self.write_raw(&bytes)
    }

    fn write_raw(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        self.file
            .write_all(bytes)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| StoreError::io(&self.path, "kan niet naar het journaal schrijven", e))
    }
}

/// Makes a new directory entry durable (Unix); elsewhere a no-op.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent()
        && let Ok(d) = File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let _ = d.sync_all();
    }
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

/// Why [`Recorder::apply`] did not record an event.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The session refused the event; nothing was written.
    #[error("{0}")]
    Refused(#[from] SessionError),
    /// The event could not be written; the session did not change.
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// A live session with its journal: every event is checked, written and synced, and only then
/// applied.
#[derive(Debug)]
pub struct Recorder {
    session: Session,
    journal: Journal,
}

impl Recorder {
    /// Starts recording a new session (no events yet) in a new journal in `dir`.
    pub fn create(dir: &Path, session: Session) -> Result<Recorder, StoreError> {
        let journal = Journal::create(dir, session.settings())?;
        Recorder::with_journal(session, journal)
    }

    /// Records `session` (and the events it already has) in the fresh `journal`.
    pub fn with_journal(session: Session, mut journal: Journal) -> Result<Recorder, StoreError> {
        for ev in session.events() {
            journal.append(ev)?;
        }
        Ok(Recorder { session, journal })
    }

    /// Checks the event, appends it to the journal (synced) and applies it.
    pub fn apply(&mut self, ev: Event) -> Result<(), RecordError> {
        self.session.check(&ev)?;
        self.journal.append(&ev)?;
        self.session.apply(ev)?;
        Ok(())
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn path(&self) -> &Path {
        self.journal.path()
    }

    pub fn into_parts(self) -> (Session, Journal) {
        (self.session, self.journal)
    }
}

/// A resumed session: replayed from its journal and open for further events.
#[derive(Debug)]
pub struct Resumed {
    pub recorder: Recorder,
    /// In Dutch: dropped torn line, changed deck.
    pub warnings: Vec<String>,
}

/// Resume = replay: reads the journal at `path`, replays it against `deck` and opens it for appending.
pub fn resume(path: &Path, deck: Deck) -> Result<Resumed, StoreError> {
    let loaded = read(path)?;
    let (session, more) = loaded.replay(deck)?;
    let journal = Journal::reopen(&loaded)?;
    let mut warnings = loaded.warnings;
    warnings.extend(more);
    Ok(Resumed {
        recorder: Recorder { session, journal },
        warnings,
    })
}

/// The default sessions folder: the platform's data directory (e.g.
/// `~/.local/share/cultuurbarbarenspel/sessions`), else `./sessions`.
pub fn default_dir() -> PathBuf {
    directories::ProjectDirs::from("nl", "cultuurbarbaren", "cultuurbarbarenspel")
        .map(|d| d.data_dir().join("sessions"))
        .unwrap_or_else(|| PathBuf::from("sessions"))
}

/// One journal in a sessions folder, as the Title screen lists it.
#[derive(Debug, Clone)]
pub struct Summary {
    pub path: PathBuf,
    pub modified: std::time::SystemTime,
    pub created: Option<String>,
    pub deck_id: String,
    pub deck_path: String,
    pub teams: Vec<String>,
    pub rounds: u32,
    /// Rounds revealed (undone ones not counted).
    pub played: usize,
    pub finished: bool,
    /// Why the journal cannot be resumed as it is, if it cannot.
    pub problem: Option<String>,
}

/// The journals in `dir`, newest first. A missing folder is an empty list; a damaged journal is
/// listed with its problem.
pub fn list(dir: &Path) -> Vec<Summary> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Summary> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION) && p.is_file())
        .map(|path| summarise(&path))
        .collect();
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.path.cmp(&a.path)));
    out
}

fn summarise(path: &Path) -> Summary {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(std::time::UNIX_EPOCH);
    match read(path) {
        Ok(l) => {
            // Undo takes back the last event still in effect: a stack of effective events.
            let mut effective: Vec<&Event> = Vec::new();
            for ev in &l.events {
                if matches!(ev, Event::Undone) {
                    effective.pop();
                } else {
                    effective.push(ev);
                }
            }
            Summary {
                path: path.to_path_buf(),
                modified,
                created: l.created.clone(),
                deck_id: l.settings.deck_id.clone(),
                deck_path: l.settings.deck_path.clone(),
                teams: l.settings.teams.iter().map(|t| t.name.clone()).collect(),
                rounds: l.settings.rounds,
                played: effective
                    .iter()
                    .filter(|e| matches!(e, Event::Revealed))
                    .count(),
                finished: matches!(effective.last(), Some(Event::SessionFinished)),
                problem: None,
            }
        }
        Err(e) => Summary {
            path: path.to_path_buf(),
            modified,
            created: None,
            deck_id: String::new(),
            deck_path: String::new(),
            teams: Vec::new(),
            rounds: 0,
            played: 0,
            finished: false,
            problem: Some(e.to_string()),
        },
    }
}

/// A moment in UTC, enough for names and headers (no time zone database needed).
#[derive(Debug, Clone, Copy)]
struct Utc {
    secs: u64,
}

impl Utc {
    fn now() -> Utc {
        Utc {
            secs: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    /// (year, month, day, hour, minute, second), from the days since 1970 (Hinnant's algorithm).
    fn parts(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = (self.secs / 86_400) as i64;
        let rem = self.secs % 86_400;
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (
            y,
            m,
            d,
            (rem / 3600) as u32,
            (rem % 3600 / 60) as u32,
            (rem % 60) as u32,
        )
    }

    fn rfc3339(self) -> String {
        let (y, mo, d, h, mi, s) = self.parts();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }

    fn file_stamp(self) -> String {
        let (y, mo, d, h, mi, s) = self.parts();
        format!("{y:04}-{mo:02}-{d:02}_{h:02}{mi:02}{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates_follow_the_calendar() {
        assert_eq!(Utc { secs: 0 }.rfc3339(), "1970-01-01T00:00:00Z");
        // 2000-02-29 (a leap day in a century year) 12:34:56.
        assert_eq!(Utc { secs: 951_827_696 }.rfc3339(), "2000-02-29T12:34:56Z");
        assert_eq!(
            Utc {
                secs: 1_795_357_800
            }
            .file_stamp(),
            "2026-11-22_143000"
        );
    }

    #[test]
    fn names_are_safe_for_every_file_system() {
        assert_eq!(safe_name("klantcontact"), "klantcontact");
        assert_eq!(safe_name("a/b\\c:d é"), "a-b-c-d--");
        assert_eq!(safe_name(""), "sessie");
    }
}
