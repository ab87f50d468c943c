//! The decks found in `levels/` (with their diagnostics) and the deck being played.

use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use super::state::{Notices, SetupDraft};
use crate::deck::{self, Deck, Severity};
use crate::store::DeckUpdateError;

/// One deck file found on disk, checked.
#[derive(Debug, Clone)]
pub struct DeckEntry {
    pub path: PathBuf,
    /// The deck's id (a deck in two languages is two files with one id), when it could be read.
    pub id: Option<String>,
    pub language: Option<deck::Language>,
    pub title: String,
    pub scenarios: usize,
    /// The scenarios' ids (a later session of a trajectory counts those not played yet).
    pub scenario_ids: Vec<String>,
    /// First error as `path:line:col: error: message`, in both languages, when the deck cannot be
    /// played.
    pub error: Option<crate::lang::Bi>,
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
        .map(|d| deck::diag::headline_bi(&d));
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
        scenario_ids: file.deck.as_ref().map_or(Vec::new(), |d| {
            d.scenarios.iter().map(|s| s.id.clone()).collect()
        }),
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

impl DeckList {
    /// The decks of several folders, in order; `folder` is the first (an empty list when none).
    pub fn scan_all(folders: &[PathBuf]) -> DeckList {
        let mut out = DeckList {
            folder: folders
                .first()
                .cloned()
                .unwrap_or_else(|| PathBuf::from("levels")),
            entries: Vec::new(),
        };
        for f in folders {
            out.entries.extend(DeckList::scan(f).entries);
        }
        out
    }
}

/// The default deck: `klantcontact.nl.ron` in the first folder that has it, else the first
/// playable deck.
pub fn default_deck(list: &DeckList) -> Option<PathBuf> {
    if let Some(e) = list.entries.iter().find(|e| {
        e.error.is_none()
            && e.path
                .file_name()
                .is_some_and(|n| n == crate::deck::builtin::DEFAULT)
    }) {
        return Some(e.path.clone());
    }
    list.entries
        .iter()
        .find(|e| e.error.is_none())
        .map(|e| e.path.clone())
}

/// Load a deck for play; the error is the first diagnostic as one line, in both languages.
pub fn load(path: &Path) -> Result<Deck, crate::lang::Bi> {
    deck::load_deck_bi(path)
}

/// What [`watch_deck`] last saw: the deck file and its modification time, and when it looks again.
#[derive(Default)]
pub struct Seen {
    last: Option<(PathBuf, SystemTime)>,
    next_check: std::time::Duration,
}

/// Live authoring: when the deck file changes on disk, read it again. A deck that now has errors
/// shows its first diagnostic (`path:line:col`) in the banner and the game goes on with the last
/// good version. Before the rounds start the new version replaces the old one at once; once a
/// session runs, the session core takes it for the scenarios still to come
/// ([`crate::session::Session::update_deck`]) and the played rounds keep their version.
///
/// The check is a `stat` of one file, at most once a second when the app updates anyway (input,
/// the timer, the idle wake-up), and at once when [`DeckWatcher`] saw the deck's folder change: a
/// trainer who saves in an editor sees the change while the game sits in the background, and a
/// game nobody edits adds no frames of its own.
#[allow(clippy::too_many_arguments)]
pub fn watch_deck(
    time: Res<Time<Real>>,
    (mut draft, mut notices): (ResMut<SetupDraft>, ResMut<Notices>),
    mut live: ResMut<super::session_link::Live>,
    screen: Res<State<super::nav::Screen>>,
    watcher: Res<DeckWatcher>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
    mut seen: Local<Seen>,
    lang: Res<super::i18n::UiLang>,
) {
    use super::nav::Screen;
    let Seen { last, next_check } = &mut *seen;
    let told = watcher.changed.swap(false, Ordering::SeqCst);
    if !told && time.elapsed() < *next_check {
        return;
    }
    *next_check = time.elapsed() + std::time::Duration::from_secs(1);
    let Some(path) = draft.deck_path.clone() else {
        return;
    };
    let Ok(modified) = std::fs::metadata(&path).and_then(|m| m.modified()) else {
        return;
    };
    if !changed(last, &path, modified) {
        return;
    }
    redraw.write(bevy::window::RequestRedraw);
    let before_rounds = matches!(screen.get(), Screen::Title | Screen::Setup | Screen::Values);
    match load(&path) {
        Err(e) => {
            let e = e.text(lang.0).to_owned();
            warn!("{e}");
            notices.banner = Some(e);
        }
        Ok(deck) => {
            let p = path.display();
            info!(
                "{}",
                crate::bi!("{p}: nieuwe versie ingelezen", "{p}: new version read").text(lang.0)
            );
            if notices
                .banner
                .as_deref()
                .is_some_and(|b| b.starts_with(&path.display().to_string()))
            {
                notices.banner = None;
            }
            if before_rounds {
                draft.deck = Some(deck);
                draft.deck_error = None;
                draft.fit_value_sets();
            } else if let Some(recorder) = live.recorder.as_mut() {
                // The journal keeps the deck as played, so a replay scores the same.
                let taken = recorder.update_deck(deck.clone());
                let told = recorder.take_notices();
                match taken {
                    Err(DeckUpdateError::Unfit(e)) => {
                        let path = path.display();
                        notices.banner = Some(crate::bi!(
                            "{path}: de nieuwe versie past niet bij de lopende sessie ({e}); het spel gaat door met de vorige versie.",
                            "{path}: the new version does not fit the running session ({e}); the game goes on with the previous version."
                        ).text(lang.0).to_owned());
                        return;
                    }
                    Err(DeckUpdateError::Store(e)) => live.notices.push(e.text(lang.0)),
                    Ok(()) => {}
                }
                live.notices
                    .extend(told.iter().map(|n| n.text(lang.0).to_owned()));
                draft.deck = Some(deck);
                draft.deck_error = None;
            }
        }
    }
}

/// Whether the deck file at `path` changed since it was last looked at (the first look at a file
/// only notes its time).
fn changed(last: &mut Option<(PathBuf, SystemTime)>, path: &Path, modified: SystemTime) -> bool {
    let was = last.replace((path.to_path_buf(), modified));
    matches!(was, Some((p, t)) if p == path && t != modified)
}

/// Watches the folder of the deck being played (the operating system tells, no polling) and, when
/// anything in it changes, marks it for [`watch_deck`] and wakes the app, which otherwise sleeps
/// until input or a timer.
#[derive(Resource, Default)]
pub struct DeckWatcher {
    folder: Option<PathBuf>,
    watcher: Option<notify::RecommendedWatcher>,
    changed: Arc<AtomicBool>,
    signals: Arc<Signals>,
}

/// How many changes the operating system reported, and a way to wait for the next one.
#[derive(Default)]
struct Signals {
    count: Mutex<u64>,
    more: Condvar,
}

impl DeckWatcher {
    /// How many changes in the deck's folder the operating system reported so far.
    pub fn signals(&self) -> u64 {
        *self
            .signals
            .count
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Blocks until more than `seen` changes were reported or `timeout` passed, and returns the
    /// count (what a test waits on instead of guessing how long the operating system takes).
    pub fn wait_for_more_than(&self, seen: u64, timeout: Duration) -> u64 {
        let count = self
            .signals
            .count
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (count, _) = self
            .signals
            .more
            .wait_timeout_while(count, timeout, |n| *n <= seen)
            .unwrap_or_else(PoisonError::into_inner);
        *count
    }
}

/// Follows the deck's folder as the deck changes (Title screen, language, a resumed session).
fn follow_deck_folder(
    draft: Res<SetupDraft>,
    mut watch: ResMut<DeckWatcher>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    lang: Res<super::i18n::UiLang>,
) {
    let folder = draft.deck_folder();
    if folder == watch.folder {
        return;
    }
    watch.folder = folder.clone();
    watch.watcher = None;
    let Some(folder) = folder else { return };
    let changed = watch.changed.clone();
    let signals = watch.signals.clone();
    let proxy = proxy.map(|p| (**p).clone());
    let watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        if ev.is_ok_and(|e| !e.kind.is_access()) {
            // `changed` first: whoever sees the count go up finds the mark already set.
            changed.store(true, Ordering::SeqCst);
            *signals.count.lock().unwrap_or_else(PoisonError::into_inner) += 1;
            signals.more.notify_all();
            if let Some(proxy) = &proxy {
                // Fails only when the app is closing.
                let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        }
    });
    match watcher.and_then(|mut w| {
        use notify::Watcher;
        w.watch(&folder, notify::RecursiveMode::NonRecursive)
            .map(|()| w)
    }) {
        Ok(w) => watch.watcher = Some(w),
        // Without a watcher the once-a-second check on every update still sees the change.
        Err(e) => warn!("{}", super::cannot_watch(&folder, &e).text(lang.0)),
    }
}

pub struct DeckWatchPlugin;

impl Plugin for DeckWatchPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<DeckWatcher>().add_systems(
            Update,
            (follow_deck_folder, watch_deck)
                .chain()
                .in_set(super::GameSystems::Follow),
        );
    }
}
