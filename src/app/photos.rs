//! The photo assignment in the game: photos come in by dropping files (or a folder) onto either
//! window, or by copying them into the session's watched folder (`<journal>-fotos/nieuw/`); each is
//! read, turned upright and downscaled off the main thread (a progress line shows while a batch is
//! prepared), kept in the session's photo folder under its hash, and only then journaled
//! (`PhotoAdded`). The facilitator's window gives each photo its caption, value, subgroup and
//! agreement; the projector shows a photo wall grouped by value (W), and one photo full screen
//! (Enter; ← → to go through them, Esc to go back).
//!
//! This module owns the state and the actions; `inbox` the watched folder and the loading of
//! pictures. It draws nothing: both views are `screens::photo_wall`. The strings are the catalogue `lang::photos::PhotoText`.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};
use bevy::window::FileDragAndDrop;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant, SystemTime};

use super::GameSystems;
use super::action::Action;
pub use super::action::PhotoEdit;
use super::nav::Screen;
use super::session_link::Live;
use crate::lang::Bi;
use crate::lang::photos::PhotoText;
use crate::photos::{self, Album, Picture};
use crate::session::{Event, MAX_CAPTION};

mod inbox;

use inbox::{load_pictures, watch_inbox};

/// The small picture of a photo, or why there is none.
#[derive(Debug, Clone)]
pub enum Thumb {
    Ready(Arc<Picture>),
    Missing(String),
}

/// What the facilitator is typing for the selected photo, and what new photos get.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoDraft {
    /// The photo the fields belong to.
    pub photo: Option<usize>,
    pub caption: String,
    /// The value (new photos get it too); the first agreed value when not chosen.
    pub value: Option<String>,
    /// The subgroup (new photos get it too).
    pub by: String,
    pub agreement: Option<usize>,
}

/// A file read and kept off the main thread.
struct Imported {
    hash: String,
    name: String,
    thumb: Picture,
}

struct Job {
    /// From the watched folder: a photo already in the session is passed over without a message.
    from_inbox: bool,
    task: Task<Result<Imported, photos::PhotoError>>,
}

/// The photo assignment's state in the game.
#[derive(Resource, Default)]
pub struct Photos {
    jobs: Vec<Job>,
    /// The current batch: files prepared and files in it (0 when no batch runs).
    pub batch_done: usize,
    pub batch_total: usize,
    /// Photos added and files refused in the last batch.
    pub added: usize,
    /// Why files were not taken (newest last), for the facilitator.
    pub messages: Vec<Bi>,
    /// The small pictures by hash; `generation` changes with every new one, so views refresh.
    pub thumbs: HashMap<String, Thumb>,
    pub generation: u64,
    thumb_jobs: Vec<(String, Task<Result<Picture, String>>)>,
    /// The large picture of the photo shown full screen.
    pub large: Option<(String, Thumb)>,
    large_job: Option<(String, Task<Result<Picture, String>>)>,
    /// The wall on the projector, the selected photo (index into the photos on the wall) and
    /// whether it is shown full screen.
    pub wall: bool,
    pub selected: usize,
    pub full_screen: bool,
    pub draft: PhotoDraft,
    /// The session's photo folders, for the journal they belong to.
    album: Option<(PathBuf, Album)>,
    watch: Watch,
}

/// The watched folder: the operating system reports changes; a file is taken once its size and
/// time have stayed the same for a second (a copy in progress is not read half).
#[derive(Default)]
struct Watch {
    folder: Option<PathBuf>,
    watcher: Option<notify::RecommendedWatcher>,
    changed: Arc<AtomicBool>,
    /// Files seen: (size, modified, first seen with these).
    waiting: HashMap<PathBuf, (u64, Option<SystemTime>, Instant)>,
    taken: HashSet<(PathBuf, u64, Option<SystemTime>)>,
    /// When the wake-up asked for waiting files comes (one at a time).
    wake_at: Option<Instant>,
}

/// How long a file in the watched folder must stay unchanged before it is read.
const SETTLE: Duration = Duration::from_millis(800);

impl Photos {
    /// The album of the live session (its journal's photo folders).
    pub fn album(&self) -> Option<&Album> {
        self.album.as_ref().map(|(_, a)| a)
    }

    /// Files still being prepared.
    pub fn busy(&self) -> usize {
        self.jobs.len()
    }

    /// Pictures being read for the wall or the full screen.
    pub fn loading(&self) -> usize {
        self.thumb_jobs.len() + usize::from(self.large_job.is_some())
    }

    /// The watched folder, while there is one.
    pub fn inbox(&self) -> Option<&Path> {
        self.watch.folder.as_deref()
    }

    fn note(&mut self, msg: Bi) {
        self.messages.push(msg);
        let n = self.messages.len();
        if n > 8 {
            self.messages.drain(..n - 8);
        }
    }
}

/// The photos in the order of the wall: grouped by value (deck order), each group in the order
/// added. The wall's selection and the full screen count in this order.
pub fn wall_order(s: &crate::session::Session) -> Vec<(usize, &crate::session::Photo)> {
    s.photos_by_value()
        .into_iter()
        .flat_map(|(_, list)| list)
        .collect()
}

/// The files a dropped path stands for: the file itself, or a folder's pictures sorted by name.
fn expand(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && photos::looks_like_photo(p))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

/// Keeps the album in step with the live session's journal.
fn follow_album(live: &Live, photos: &mut Photos) {
    let journal = live.journal_path().map(Path::to_path_buf);
    match (&journal, &photos.album) {
        (Some(j), Some((k, _))) if j == k => {}
        (Some(j), _) => {
            photos.album = Some((j.clone(), Album::beside(j)));
        }
        (None, _) => photos.album = None,
    }
}

/// Starts preparing `paths` off the main thread.
fn start_jobs(
    paths: Vec<PathBuf>,
    from_inbox: bool,
    photos: &mut Photos,
    live: &Live,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
    let Some(dir) = photos.album().and_then(|a| a.dir()).map(Path::to_path_buf) else {
        let msg = if live.session().is_some() {
            PhotoText::NoJournal
        } else {
            PhotoText::NoSession
        };
        photos.note(Bi::key(msg));
        return;
    };
    if photos.jobs.is_empty() {
        photos.batch_done = 0;
        photos.batch_total = 0;
        photos.added = 0;
    }
    let pool = AsyncComputeTaskPool::get();
    for p in paths.iter().flat_map(|p| expand(p)) {
        let dir = dir.clone();
        let proxy = proxy.map(|p| (**p).clone());
        let task = pool.spawn(async move {
            let done = photos::prepare_file(&p).and_then(|prepared| {
                photos::store(&prepared, &dir)?;
                Ok(Imported {
                    hash: prepared.hash,
                    name: prepared.name,
                    thumb: prepared.thumb,
                })
            });
            if let Some(proxy) = proxy {
                // Fails only when the app is closing.
                let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
            done
        });
        photos.batch_total += 1;
        photos.jobs.push(Job { from_inbox, task });
    }
}

/// The value a new photo shows: the form's, else the first agreed value.
pub fn value_for(draft: &PhotoDraft, s: &crate::session::Session) -> String {
    draft
        .value
        .clone()
        .filter(|v| s.deck().value(v).is_some())
        .or_else(|| s.team_values(0).first().map(|(v, _)| v.clone()))
        .or_else(|| s.deck().values.first().map(|v| v.id.clone()))
        .unwrap_or_default()
}

/// Files dropped onto a window become [`Action::ImportPhotos`].
fn file_drops(mut drops: MessageReader<FileDragAndDrop>, mut out: MessageWriter<Action>) {
    let paths: Vec<PathBuf> = drops
        .read()
        .filter_map(|d| match d {
            FileDragAndDrop::DroppedFile { path_buf, .. } => Some(path_buf.clone()),
            _ => None,
        })
        .collect();
    if !paths.is_empty() {
        out.write(Action::ImportPhotos(paths));
    }
}

/// The photo actions, the finished jobs, and the watched folder.
fn photo_actions(
    mut actions: MessageReader<Action>,
    mut photos: ResMut<Photos>,
    mut live: ResMut<Live>,
    screen: Res<State<Screen>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let photos = &mut *photos;
    let (generation, done_before) = (photos.generation, photos.batch_done);
    follow_album(&live, photos);
    let wall_screen = matches!(screen.get(), Screen::Agreements | Screen::Final);
    if !wall_screen {
        photos.wall = false;
        photos.full_screen = false;
    }
    let shown = live.session().map_or(0, |s| s.photos_shown().len());
    let view = WallView { wall_screen, shown };
    for action in actions.read() {
        apply_action(action.clone(), photos, &mut live, view, proxy.as_deref());
    }
    finish_jobs(photos, &mut live);
    watch_inbox(photos, &live, wall_screen, proxy.as_deref());
    load_pictures(photos, &live, proxy.as_deref());
    keep_selection_in_range(photos, &live);
    if photos.generation != generation || photos.batch_done != done_before {
        // Something new to show: a photo, a picture, the progress line. (Each job wakes the app
        // when it finishes; nothing asks for frames while they run.)
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// Whether the screen may show the photo wall, and how many photos it shows.
#[derive(Clone, Copy)]
struct WallView {
    wall_screen: bool,
    shown: usize,
}

/// One action on the photos: import, the wall and its navigation, the draft, describe, remove.
fn apply_action(
    action: Action,
    photos: &mut Photos,
    live: &mut Live,
    view: WallView,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
    let WallView { wall_screen, shown } = view;
    match action {
        Action::ImportPhotos(paths) => {
            start_jobs(paths, false, photos, live, proxy);
        }
        Action::TogglePhotoWall if wall_screen => {
            photos.wall = !photos.wall;
            photos.full_screen = false;
        }
        Action::PhotoStep(d) if photos.wall && shown > 0 => {
            let n = shown as i64;
            photos.selected = (photos.selected as i64 + i64::from(d)).rem_euclid(n) as usize;
        }
        Action::TogglePhotoFull if photos.wall && shown > 0 => {
            photos.full_screen = !photos.full_screen;
        }
        Action::CloseOverlays => {
            if photos.full_screen {
                photos.full_screen = false;
            } else {
                photos.wall = false;
            }
        }
        Action::SelectPhoto(i) => select_photo(photos, live, i),
        Action::DraftPhoto(e) => edit_draft(&mut photos.draft, e),
        Action::DescribePhoto => describe_photo(photos, live),
        Action::RemovePhoto(i) => {
            if let Err(e) = live.apply(Event::PhotoRemoved { photo: i }) {
                photos.note(Bi::same(e));
            }
        }
        _ => {}
    }
}

/// Takes photo `i` into the draft and selects it on the wall.
fn select_photo(photos: &mut Photos, live: &Live, i: usize) {
    if let Some(s) = live.session()
        && let Some(p) = s.photos().get(i)
    {
        photos.draft = PhotoDraft {
            photo: Some(i),
            caption: p.caption.clone(),
            value: Some(p.value.clone()),
            by: p.by.clone(),
            agreement: p.agreement,
        };
        if let Some(pos) = wall_order(s).iter().position(|(k, _)| *k == i) {
            photos.selected = pos;
        }
    }
}

/// One edit of the draft description.
fn edit_draft(draft: &mut PhotoDraft, edit: PhotoEdit) {
    match edit {
        PhotoEdit::Caption(c) => draft.caption = c.chars().take(MAX_CAPTION + 20).collect(),
        PhotoEdit::Value(v) => draft.value = Some(v),
        PhotoEdit::By(b) => draft.by = b.chars().take(60).collect(),
        PhotoEdit::Agreement(a) => draft.agreement = a,
    }
}

/// Journals the draft description of its photo.
fn describe_photo(photos: &mut Photos, live: &mut Live) {
    let Some(i) = photos.draft.photo else {
        return;
    };
    let Some(s) = live.session() else {
        return;
    };
    let d = &photos.draft;
    let ev = Event::PhotoDescribed {
        photo: i,
        caption: d.caption.trim().to_string(),
        value: value_for(d, s),
        by: d.by.trim().to_string(),
        agreement: d.agreement,
    };
    if let Err(e) = live.apply(ev) {
        photos.note(Bi::same(e));
    }
}

/// Keeps the selected photo among those shown (and leaves full screen when there are none).
fn keep_selection_in_range(photos: &mut Photos, live: &Live) {
    let shown = live.session().map_or(0, |s| s.photos_shown().len());
    if shown == 0 {
        photos.selected = 0;
        photos.full_screen = false;
    } else if photos.selected >= shown {
        photos.selected = shown - 1;
    }
}

/// Journals the photos whose files are kept, in the order they were dropped.
fn finish_jobs(photos: &mut Photos, live: &mut Live) {
    // Later files wait for earlier ones, so the photos keep the order they came in.
    while let Some(first) = photos.jobs.first_mut() {
        let Some(result) = check_ready(&mut first.task) else {
            break;
        };
        let job = photos.jobs.remove(0);
        photos.batch_done += 1;
        match result {
            Err(e) => photos.note(e.message()),
            Ok(imported) => {
                let Some(s) = live.session() else {
                    continue;
                };
                if job.from_inbox && s.photo_seen(&imported.hash) {
                    continue;
                }
                let ev = Event::PhotoAdded {
                    hash: imported.hash.clone(),
                    caption: String::new(),
                    value: value_for(&photos.draft, s),
                    by: photos.draft.by.trim().to_string(),
                    team: None,
                    agreement: None,
                };
                match live.apply(ev) {
                    Ok(()) => {
                        photos.added += 1;
                        photos
                            .thumbs
                            .insert(imported.hash, Thumb::Ready(Arc::new(imported.thumb)));
                        photos.generation += 1;
                    }
                    Err(e) => photos.note(Bi::same(format!("{}: {e}", imported.name))),
                }
            }
        }
    }
    if photos.jobs.is_empty() && photos.batch_total > 0 && photos.batch_done >= photos.batch_total {
        photos.batch_total = 0;
        photos.batch_done = 0;
    }
}

pub struct PhotosPlugin;

impl Plugin for PhotosPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Photos>()
            .add_message::<FileDragAndDrop>()
            .add_message::<bevy::window::RequestRedraw>()
            .add_systems(
                Update,
                (
                    file_drops.in_set(GameSystems::Input),
                    photo_actions.in_set(GameSystems::Own),
                ),
            );
    }
}
