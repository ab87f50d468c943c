//! The decks found in `levels/` (with their diagnostics) and the deck being played.

use bevy::prelude::*;
use std::path::{Path, PathBuf};

use crate::deck::{self, Deck, Severity};

/// One deck file found on disk, checked.
#[derive(Debug, Clone)]
pub struct DeckEntry {
    pub path: PathBuf,
    /// The deck's id (a deck in two languages is two files with one id), when it could be read.
    pub id: Option<String>,
    pub language: Option<deck::Language>,
    pub title: String,
    pub scenarios: usize,
    /// First error as `path:line:col: error: message`, when the deck cannot be played.
    pub error: Option<String>,
}

/// The decks of the levels folder, read when the game starts.
#[derive(Resource, Debug, Clone, Default)]
pub struct DeckList {
    pub folder: PathBuf,
    pub entries: Vec<DeckEntry>,
}

impl DeckList {
    pub fn scan(folder: &Path) -> DeckList {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().is_some_and(|x| x == "ron")
                            && !p
                                .file_name()
                                .and_then(|n| n.to_str())
                                .is_some_and(|n| n.starts_with('_'))
                    })
                    .collect()
            })
            .unwrap_or_default();
        paths.sort();
        let entries = paths.into_iter().map(|p| entry_for(&p)).collect();
        DeckList {
            folder: folder.to_path_buf(),
            entries,
        }
    }
}

pub fn entry_for(path: &Path) -> DeckEntry {
    let file = deck::check_file(path);
    let error = file
        .located()
        .into_iter()
        .find(|d| d.severity == Severity::Error)
        .map(|d| deck::diag::headline(&d));
    let (title, scenarios) = file
        .deck
        .as_ref()
        .map(|d| (d.title.clone(), d.scenarios.len()))
        .unwrap_or_else(|| {
            (
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                0,
            )
        });
    DeckEntry {
        path: path.to_path_buf(),
        id: file.deck.as_ref().map(|d| d.id.clone()),
        language: file.deck.as_ref().map(|d| d.language),
        title,
        scenarios,
        error,
    }
}

impl DeckList {
    /// The entries to offer in `language`: each deck in that language, or in another when it has no
    /// version in this one (and every file that could not be read, with its error).
    pub fn for_language(&self, language: deck::Language) -> Vec<&DeckEntry> {
        self.entries
            .iter()
            .filter(|e| match (&e.id, e.language) {
                (Some(id), Some(l)) => {
                    l == language
                        || !self
                            .entries
                            .iter()
                            .any(|o| o.id.as_ref() == Some(id) && o.language == Some(language))
                }
                _ => true,
            })
            .collect()
    }

    /// The same deck as `path` in `language`, when there is a playable version in it.
    pub fn translation_of(&self, path: &Path, language: deck::Language) -> Option<&DeckEntry> {
        let id = self.entries.iter().find(|e| e.path == path)?.id.as_ref()?;
        self.entries.iter().find(|e| {
            e.id.as_ref() == Some(id) && e.language == Some(language) && e.error.is_none()
        })
    }
}

/// The default deck: `levels/klantcontact.nl.ron` if it exists, else the first playable deck.
pub fn default_deck(list: &DeckList) -> Option<PathBuf> {
    let preferred = list.folder.join("klantcontact.nl.ron");
    if list
        .entries
        .iter()
        .any(|e| e.path == preferred && e.error.is_none())
    {
        return Some(preferred);
    }
    list.entries
        .iter()
        .find(|e| e.error.is_none())
        .map(|e| e.path.clone())
}

/// Load a deck for play; the error is the first diagnostic as one line.
pub fn load(path: &Path) -> Result<Deck, String> {
    deck::load_deck(path)
}

/// Live authoring: when the deck file changes on disk, read it again. A deck that now has errors
/// shows its first diagnostic (`path:line:col`) in the banner and the game goes on with the last
/// good version. Before the rounds start the new version replaces the old one at once; once a
/// session runs, the session core takes it for the scenarios still to come
/// ([`crate::session::Session::update_deck`]) and the played rounds keep their version.
///
/// The check is a `stat` of one file, at most once a second and only when the app updates anyway
/// (input, the timer, or the idle wake-up), so it adds no frames of its own.
pub fn watch_deck(
    time: Res<Time<Real>>,
    mut game: ResMut<super::game::Game>,
    mut live: ResMut<super::session_link::Live>,
    screen: Res<State<super::screens::Screen>>,
    mut last: Local<Option<(PathBuf, std::time::SystemTime)>>,
    mut next_check: Local<std::time::Duration>,
) {
    use super::screens::Screen;
    if time.elapsed() < *next_check {
        return;
    }
    *next_check = time.elapsed() + std::time::Duration::from_secs(1);
    let Some(path) = game.deck_path.clone() else {
        return;
    };
    let Ok(modified) = std::fs::metadata(&path).and_then(|m| m.modified()) else {
        return;
    };
    match &*last {
        Some((p, t)) if *p == path && *t == modified => return,
        Some((p, _)) if *p == path => {}
        _ => {
            *last = Some((path, modified));
            return;
        }
    }
    *last = Some((path.clone(), modified));
    let before_rounds = matches!(screen.get(), Screen::Title | Screen::Setup | Screen::Values);
    match load(&path) {
        Err(e) => game.banner = Some(e),
        Ok(deck) => {
            if game
                .banner
                .as_deref()
                .is_some_and(|b| b.starts_with(&path.display().to_string()))
            {
                game.banner = None;
            }
            if before_rounds {
                game.deck = Some(deck);
                game.deck_error = None;
                game.fit_value_sets();
            } else if let Some(session) = live.session.as_mut() {
                match session.update_deck(deck.clone()) {
                    Ok(()) => {
                        game.deck = Some(deck);
                        game.deck_error = None;
                    }
                    Err(e) => {
                        game.banner = Some(format!(
                            "{}: de nieuwe versie past niet bij de lopende sessie ({e}); het spel gaat door met de vorige versie.",
                            path.display()
                        ))
                    }
                }
            }
        }
    }
}

pub struct DeckWatchPlugin;

impl Plugin for DeckWatchPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, watch_deck.after(super::game::GameSystems::Apply));
    }
}
