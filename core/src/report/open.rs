//! Opening a finished or earlier session: its journal, replayed against its deck, with its photos
//! and the sessions of its trajectory. The one way the report, the posters, the A4 page and the
//! game's "continue" read a journal.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::deck::{Deck, load_deck_bi};
use crate::lang::{Bi, Lang};
use crate::photos::Album;
use crate::session::Session;
use crate::store;

/// A journal opened with everything the outputs need.
pub struct Opened {
    pub session: Session,
    /// When the session was created (UTC, RFC 3339), when the journal says.
    pub created: Option<String>,
    /// The deck file found for the journal and the deck as it is in that file now, when it could be
    /// read (see [`find_deck`]).
    pub deck_file: Option<(PathBuf, Deck)>,
    /// Things to know (in Dutch): a fenced-off tail, a changed deck, a missing photo.
    pub warnings: Vec<Bi>,
    /// The session's photos.
    pub album: Album,
    /// The sessions of its trajectory, earliest first, this one last (see [`trajectory`]).
    pub stages: Vec<Stage>,
}

/// Why a journal could not be opened, in Dutch and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// A journal of format 1 (without its deck) whose deck file is not found or not read: where it
    /// was looked for, or why it could not be read.
    NoDeck(Bi),
    /// The journal cannot be read or replayed.
    Journal(Bi),
}

impl OpenError {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match self {
            OpenError::NoDeck(m) | OpenError::Journal(m) => m.text(lang),
        }
    }
}

/// Dutch, as the journal's own messages.
impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(Lang::Nl))
    }
}

fn journal_error(e: store::StoreError) -> OpenError {
    OpenError::Journal(e.message())
}

/// Reads the journal and replays it against the deck as played (stored in the journal); `deck`, or
/// else the file [`find_deck`] finds, is the deck as it is now (a warning says when it changed
/// since) and the deck of a journal of format 1. Adds the album beside the journal (a warning for
/// each missing photo) and the trajectory.
pub fn open(journal: &Path, deck: Option<&Path>) -> Result<Opened, OpenError> {
    let loaded = store::read(journal).map_err(journal_error)?;
    let (session, deck_file, more) = replay(&loaded, journal, deck, None)?;
    let mut warnings: Vec<Bi> = loaded.warnings.clone();
    warnings.extend(more);
    let album = Album::beside(journal);
    for (_, p) in session.photos_shown() {
        if album.find(&p.hash).is_none()
            && let Err(why) = album.load(&p.hash)
        {
            warnings.push(why);
        }
    }
    let stages = trajectory(journal, &session, loaded.created.as_deref());
    Ok(Opened {
        session,
        created: loaded.created,
        deck_file,
        warnings,
        album,
        stages,
    })
}

/// A replayed journal: the session, the deck file found and read, the warnings.
type Replayed = (Session, Option<(PathBuf, Deck)>, Vec<Bi>);

/// Replays `loaded` (read from `journal`) against its deck: the file `deck`, else the one
/// [`find_deck`] finds, else `fallback` for a journal without a deck of its own.
fn replay(
    loaded: &store::Loaded,
    journal: &Path,
    deck: Option<&Path>,
    fallback: Option<&Deck>,
) -> Result<Replayed, OpenError> {
    let path = match deck {
        Some(p) => Ok(p.to_path_buf()),
        None => find_deck(journal, &loaded.settings.deck_path),
    };
    let on_disk = path.and_then(|p| load_deck_bi(&p).map(|d| (p, d)));
    let deck = match (&on_disk, fallback) {
        (Ok((_, d)), _) => Some(d.clone()),
        (Err(_), Some(d)) => Some(d.clone()),
        (Err(why), None) if loaded.deck.is_none() => return Err(OpenError::NoDeck(why.clone())),
        (Err(_), None) => None,
    };
    let (session, warnings) = loaded.replay(deck).map_err(journal_error)?;
    Ok((session, on_disk.ok(), warnings))
}

/// The deck named in the journal: as written, else next to the journal's folder's parent (a
/// sessions folder inside the project), else a deck of the same file name in `levels/` here or in
/// the user's folder (a built-in deck); else a message that says where it was looked for.
pub fn find_deck(journal: &Path, recorded: &str) -> Result<PathBuf, Bi> {
    let recorded_path = PathBuf::from(recorded);
    let mut tried = vec![recorded_path.clone()];
    if recorded_path.is_file() {
        return Ok(recorded_path);
    }
    if recorded_path.is_relative()
        && let Some(parent) = journal.parent().and_then(Path::parent)
    {
        let candidate = parent.join(&recorded_path);
        if candidate.is_file() {
            return Ok(candidate);
        }
        tried.push(candidate);
    }
    if let Some(name) = recorded_path.file_name() {
        for folder in crate::deck::builtin::deck_folders() {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
            tried.push(candidate);
        }
    }
    let tried: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
    let tried = tried.join(", ");
    Err(crate::bi!(
        "het deck van deze sessie is niet gevonden (gezocht: {tried})",
        "the deck of this session was not found (looked for: {tried})"
    ))
}

/// One session of a trajectory: its label and, per team (by name), the total and the agreed
/// values.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub label: String,
    pub teams: Vec<StageTeam>,
}

/// A team in a [`Stage`]: its name, its total and its agreed values (id, weight).
pub type StageTeam = (String, i64, Vec<(String, u8)>);

fn stage(s: &Session, number: usize, created: Option<&str>) -> Stage {
    use crate::lang::{Key, R};
    let date = created
        .map(|c| format!(" ({})", super::date::day(c)))
        .unwrap_or_default();
    Stage {
        label: format!("{} {number}{date}", R::Session.tr(s.settings().language)),
        teams: (0..s.team_count())
            .map(|t| {
                (
                    s.settings().team_name(t),
                    s.totals()[t],
                    s.team_values(t).to_vec(),
                )
            })
            .collect(),
    }
}

/// The sessions this one continues (following each journal's `continues` link back, at most 20),
/// earliest first, and this session last. A link that cannot be read ends the chain.
pub fn trajectory(journal: &Path, s: &Session, created: Option<&str>) -> Vec<Stage> {
    let mut chain: Vec<(Session, Option<String>)> = Vec::new();
    let mut seen = vec![journal.to_path_buf()];
    let mut link = s.settings().continues.clone();
    let mut base = journal.parent().map(Path::to_path_buf).unwrap_or_default();
    while let Some(next) = link.take() {
        if chain.len() >= 20 {
            break;
        }
        let mut path = PathBuf::from(&next);
        if !path.is_file() && path.is_relative() {
            path = base.join(&path);
        }
        if seen.contains(&path) {
            break;
        }
        let Ok(loaded) = store::read(&path) else {
            break;
        };
        // An earlier journal of format 1 on the same deck, whose file is gone, replays on this one.
        let same = (loaded.settings.deck_id == s.deck().id).then(|| s.deck());
        let Ok((previous, _, _)) = replay(&loaded, &path, None, same) else {
            break;
        };
        link = previous.settings().continues.clone();
        base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        seen.push(path);
        chain.push((previous, loaded.created));
    }
    chain.reverse();
    let mut stages: Vec<Stage> = chain
        .iter()
        .enumerate()
        .map(|(i, (p, c))| stage(p, i + 1, c.as_deref()))
        .collect();
    stages.push(stage(s, stages.len() + 1, created));
    stages
}
