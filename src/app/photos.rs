//! The photo assignment in the game: photos come in by dropping files (or a folder) onto either
//! window, or by copying them into the session's watched folder (`<journal>-fotos/nieuw/`); each is
//! read, turned upright and downscaled off the main thread (a progress line shows while a batch is
//! prepared), kept in the session's photo folder under its hash, and only then journaled
//! (`PhotoAdded`). The facilitator's window gives each photo its caption, value, subgroup and
//! agreement; the projector shows a photo wall grouped by value (W), and one photo full screen
//! (Enter; ← → to go through them, Esc to go back).
//!
//! This module owns the state, the actions and both views; its strings are here in both languages.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};
use bevy::window::FileDragAndDrop;
use bevy_egui::egui;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use super::GameSystems;
use super::action::Action;
pub use super::action::PhotoEdit;
use super::i18n::{Key, Lang};
use super::nav::Screen;
use super::session_link::Live;
use super::theme::{self, Sizes};
use super::ui::{View, muted, rich, wrap};
use crate::lang::Bi;
use crate::lang::photos::PhotoText;
use crate::photos::{self, Album, Picture};
use crate::session::{Event, MAX_CAPTION};

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
fn value_for(draft: &PhotoDraft, s: &crate::session::Session) -> String {
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
#[allow(clippy::too_many_arguments)]
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
    for action in actions.read() {
        match action.clone() {
            Action::ImportPhotos(paths) => {
                start_jobs(paths, false, photos, &live, proxy.as_deref());
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
            Action::SelectPhoto(i) => {
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
            Action::DraftPhoto(e) => match e {
                PhotoEdit::Caption(c) => {
                    photos.draft.caption = c.chars().take(MAX_CAPTION + 20).collect()
                }
                PhotoEdit::Value(v) => photos.draft.value = Some(v),
                PhotoEdit::By(b) => photos.draft.by = b.chars().take(60).collect(),
                PhotoEdit::Agreement(a) => photos.draft.agreement = a,
            },
            Action::DescribePhoto => {
                let Some(i) = photos.draft.photo else {
                    continue;
                };
                let Some(s) = live.session() else {
                    continue;
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
            Action::RemovePhoto(i) => {
                if let Err(e) = live.apply(Event::PhotoRemoved { photo: i }) {
                    photos.note(Bi::same(e));
                }
            }
            _ => {}
        }
    }
    finish_jobs(photos, &mut live);
    watch_inbox(photos, &live, wall_screen, proxy.as_deref());
    load_pictures(photos, &live, proxy.as_deref());
    let shown = live.session().map_or(0, |s| s.photos_shown().len());
    if shown == 0 {
        photos.selected = 0;
        photos.full_screen = false;
    } else if photos.selected >= shown {
        photos.selected = shown - 1;
    }
    if photos.generation != generation || photos.batch_done != done_before {
        // Something new to show: a photo, a picture, the progress line. (Each job wakes the app
        // when it finishes; nothing asks for frames while they run.)
        redraw.write(bevy::window::RequestRedraw);
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
            Err(e) => photos.note(Bi::same(e.to_string())),
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

/// Follows the session's watched folder and starts jobs for files that have settled.
fn watch_inbox(
    photos: &mut Photos,
    live: &Live,
    wall_screen: bool,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
    let inbox = photos.album().and_then(Album::inbox);
    // The folder is made when the photo assignment begins (the agreements or final screen), and
    // watched from then on while the session runs.
    let inbox = inbox.filter(|d| {
        live.session().is_some()
            && (d.is_dir() || (wall_screen && std::fs::create_dir_all(d).is_ok()))
    });
    if inbox != photos.watch.folder {
        photos.watch = Watch {
            folder: inbox.clone(),
            ..Watch::default()
        };
        let Some(folder) = inbox else { return };
        let changed = photos.watch.changed.clone();
        changed.store(true, Ordering::SeqCst);
        let proxy_in = proxy.map(|p| (**p).clone());
        let watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            if ev.is_ok_and(|e| !e.kind.is_access()) {
                changed.store(true, Ordering::SeqCst);
                if let Some(proxy) = &proxy_in {
                    let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
                }
            }
        });
        match watcher.and_then(|mut w| {
            use notify::Watcher;
            w.watch(&folder, notify::RecursiveMode::NonRecursive)
                .map(|()| w)
        }) {
            Ok(w) => photos.watch.watcher = Some(w),
            Err(e) => warn!("{}: kan de map niet volgen: {e}", folder.display()),
        }
    }
    let Some(folder) = photos.watch.folder.clone() else {
        return;
    };
    let changed = photos.watch.changed.swap(false, Ordering::SeqCst);
    if !changed && photos.watch.waiting.is_empty() {
        return;
    }
    let now = Instant::now();
    let mut ready = Vec::new();
    let entries: Vec<(PathBuf, u64, Option<SystemTime>)> = std::fs::read_dir(&folder)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| {
                    let p = e.path();
                    let m = e.metadata().ok()?;
                    (m.is_file() && photos::looks_like_photo(&p))
                        .then(|| (p, m.len(), m.modified().ok()))
                })
                .collect()
        })
        .unwrap_or_default();
    let w = &mut photos.watch;
    w.waiting
        .retain(|p, _| entries.iter().any(|(q, _, _)| q == p));
    for (path, len, modified) in entries {
        if w.taken.contains(&(path.clone(), len, modified)) {
            continue;
        }
        match w.waiting.get(&path) {
            Some((l, m, since)) if *l == len && *m == modified => {
                if now.duration_since(*since) >= SETTLE {
                    w.waiting.remove(&path);
                    w.taken.insert((path.clone(), len, modified));
                    ready.push(path);
                }
            }
            _ => {
                w.waiting.insert(path, (len, modified, now));
            }
        }
    }
    if !photos.watch.waiting.is_empty()
        && photos.watch.wake_at.is_none_or(|t| t <= now)
        && let Some(proxy) = proxy
    {
        // Look again once the files had time to settle (the app otherwise sleeps).
        photos.watch.wake_at = Some(now + SETTLE);
        let proxy = (**proxy).clone();
        std::thread::spawn(move || {
            std::thread::sleep(SETTLE);
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        });
    }
    if !ready.is_empty() {
        ready.sort();
        start_jobs(ready, true, photos, live, proxy);
    }
}

/// Loads the small pictures of the photos on the wall (after a resume, or a file that came back),
/// and the large picture of the one shown full screen.
fn load_pictures(
    photos: &mut Photos,
    live: &Live,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
    let Some(s) = live.session() else {
        return;
    };
    let Some(album) = photos.album().cloned() else {
        return;
    };
    let pool = AsyncComputeTaskPool::get();
    let wake = |proxy: &Option<bevy::winit::EventLoopProxy<bevy::winit::WinitUserEvent>>| {
        if let Some(p) = proxy {
            let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
        }
    };
    for (_, p) in s.photos_shown() {
        if photos.thumbs.contains_key(&p.hash)
            || photos.thumb_jobs.iter().any(|(h, _)| *h == p.hash)
        {
            continue;
        }
        let (album, hash) = (album.clone(), p.hash.clone());
        let proxy = proxy.map(|p| (**p).clone());
        let task = pool.spawn(async move {
            let r = album
                .load(&hash)
                .map(|pic| photos::fit_within(&pic, photos::THUMB_MAX, photos::THUMB_MAX));
            wake(&proxy);
            r
        });
        photos.thumb_jobs.push((p.hash.clone(), task));
    }
    let mut i = 0;
    while i < photos.thumb_jobs.len() {
        if let Some(r) = check_ready(&mut photos.thumb_jobs[i].1) {
            let (hash, _) = photos.thumb_jobs.remove(i);
            let thumb = match r {
                Ok(p) => Thumb::Ready(Arc::new(p)),
                Err(e) => Thumb::Missing(e),
            };
            photos.thumbs.insert(hash, thumb);
            photos.generation += 1;
        } else {
            i += 1;
        }
    }
    // The large picture: only while one is shown full screen.
    let wanted = photos
        .full_screen
        .then(|| {
            wall_order(s)
                .get(photos.selected)
                .map(|(_, p)| p.hash.clone())
        })
        .flatten();
    if let Some((hash, task)) = &mut photos.large_job
        && let Some(r) = check_ready(task)
    {
        let thumb = match r {
            Ok(p) => Thumb::Ready(Arc::new(p)),
            Err(e) => Thumb::Missing(e),
        };
        photos.large = Some((hash.clone(), thumb));
        photos.large_job = None;
        photos.generation += 1;
    }
    let have = photos.large.as_ref().map(|(h, _)| h.clone());
    let loading = photos.large_job.as_ref().map(|(h, _)| h.clone());
    if let Some(hash) = wanted
        && have.as_ref() != Some(&hash)
        && loading.as_ref() != Some(&hash)
    {
        let album = album.clone();
        let h = hash.clone();
        let proxy = proxy.map(|p| (**p).clone());
        let task = pool.spawn(async move {
            let r = album
                .load(&h)
                .map(|pic| photos::fit_within(&pic, 1920, 1920));
            wake(&proxy);
            r
        });
        photos.large_job = Some((hash, task));
    }
}

/// A texture for a picture in this egui context, made once per picture.
fn texture(ctx: &egui::Context, key: &str, pic: &Picture) -> egui::TextureHandle {
    let id = egui::Id::new(("photo-texture", key));
    if let Some(t) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return t;
    }
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [pic.width as usize, pic.height as usize],
        &pic.rgba(),
    );
    let t = ctx.load_texture(key, image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, t.clone()));
    t
}

/// A picture fitted into `size` without distortion, centred; a placeholder when it is missing.
fn picture(ui: &mut egui::Ui, key: &str, thumb: Option<&Thumb>, size: egui::Vec2, lang: Lang) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    match thumb {
        Some(Thumb::Ready(pic)) => {
            let tex = texture(ui.ctx(), key, pic);
            let k = (size.x / pic.width as f32).min(size.y / pic.height as f32);
            let fit = egui::vec2(pic.width as f32 * k, pic.height as f32 * k);
            let r = egui::Rect::from_center_size(rect.center(), fit);
            ui.painter().image(
                tex.id(),
                r,
                egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                egui::Color32::WHITE,
            );
        }
        other => {
            ui.painter().rect_filled(rect, 6.0, theme::CARD);
            let text = match other {
                Some(Thumb::Missing(_)) => PhotoText::Missing.tr(lang),
                _ => "…",
            };
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional((size.y * 0.1).clamp(10.0, 28.0)),
                theme::MUTED,
            );
        }
    }
}

/// The progress line while a batch is prepared.
fn progress(photos: &Photos, lang: Lang) -> Option<String> {
    let (done, total) = (photos.batch_done, photos.batch_total);
    (total > 0).then(|| {
        crate::bi!(
            "Foto's klaarzetten: {done} van {total}…",
            "Preparing photos: {done} of {total}…"
        )
        .text(lang)
        .to_owned()
    })
}

/// Whether the projector shows the photo wall now.
pub fn showing(view: &View) -> bool {
    view.photos.wall && matches!(view.screen(), Screen::Agreements | Screen::Final)
}

/// The projected photo wall (or one photo full screen).
pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let lang = view.lang.0;
    let Some(session) = view.live.session() else {
        return;
    };
    let ph = &view.photos;
    let order = wall_order(session);
    if ph.full_screen
        && let Some((_, photo)) = order.get(ph.selected)
    {
        let thumb = match &ph.large {
            Some((h, t)) if *h == photo.hash => Some(t),
            _ => ph.thumbs.get(&photo.hash),
        };
        let key = match &ph.large {
            Some((h, _)) if *h == photo.hash => format!("{}-large", photo.hash),
            _ => photo.hash.clone(),
        };
        let caption_h = s.body * 3.2;
        let size = egui::vec2(
            ui.available_width(),
            (ui.available_height() - caption_h).max(100.0),
        );
        picture(ui, &key, thumb, size, lang);
        ui.add_space(s.gap() * 0.5);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(session.deck().value_name(&photo.value))
                    .size(s.body)
                    .color(theme::ACCENT),
            );
            if !photo.caption.is_empty() {
                ui.label(rich(&photo.caption, s.body));
            }
            if !photo.by.is_empty() {
                ui.label(muted(format!("· {}", photo.by), s.small()));
            }
            ui.label(muted(
                format!("   {} / {}   ‹ ›  Esc", ph.selected + 1, order.len()),
                s.small(),
            ));
        });
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(PhotoText::OurPhotos.tr(lang))
                .size(s.title())
                .strong()
                .color(theme::ACCENT),
        );
        if let Some(p) = progress(ph, lang) {
            ui.add_space(s.gap());
            ui.label(muted(p, s.small()));
        }
    });
    ui.add_space(s.gap());
    if order.is_empty() {
        wrap(ui, muted(PhotoText::NoPhotosYet.tr(lang), s.body));
        return;
    }
    // A grid of tiles, as large as the wall allows: the picture, then the value and the caption.
    let area = ui.available_rect_before_wrap();
    let n = order.len();
    let gap = s.gap() * 0.6;
    let text = s.small() * 0.9;
    let caption_h = text * 1.3 * 3.0 + gap;
    let (mut cols, mut best) = (1usize, 0.0f32);
    for c in 1..=n {
        let r = n.div_ceil(c);
        let tw = (area.width() - gap * (c - 1) as f32) / c as f32;
        let th = (area.height() - gap * (r - 1) as f32) / r as f32 - caption_h;
        if tw <= 0.0 || th <= 0.0 {
            continue;
        }
        // The picture area a 4 : 3 photo gets in such a tile.
        let (w, h) = if tw / th > 4.0 / 3.0 {
            (th * 4.0 / 3.0, th)
        } else {
            (tw, tw * 0.75)
        };
        if w * h > best {
            (cols, best) = (c, w * h);
        }
    }
    let rows = n.div_ceil(cols);
    let tw = (area.width() - gap * (cols - 1) as f32) / cols as f32;
    // No taller than a 4 : 3 picture and its caption need; the grid is centred in the wall.
    let th = ((area.height() - gap * (rows - 1) as f32) / rows as f32)
        .min((tw - gap) * 0.75 + caption_h + gap)
        .max(caption_h + 20.0);
    let top =
        area.min.y + ((area.height() - rows as f32 * th - (rows - 1) as f32 * gap) / 2.0).max(0.0);
    for (k, (_, p)) in order.iter().enumerate() {
        let (row, col) = (k / cols, k % cols);
        let rect = egui::Rect::from_min_size(
            egui::pos2(
                area.min.x + col as f32 * (tw + gap),
                top + row as f32 * (th + gap),
            ),
            egui::vec2(tw, th),
        );
        let selected = k == ph.selected;
        ui.painter().rect_filled(rect, 8.0, theme::CARD);
        if selected {
            ui.painter().rect_stroke(
                rect,
                8.0,
                egui::Stroke::new(4.0, theme::ACCENT),
                egui::StrokeKind::Inside,
            );
        }
        let inner = rect.shrink(gap * 0.5);
        ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            picture(
                ui,
                &p.hash,
                ph.thumbs.get(&p.hash),
                egui::vec2(
                    inner.width(),
                    (inner.height() - caption_h + gap * 0.5).max(10.0),
                ),
                lang,
            );
            ui.add(
                egui::Label::new(
                    egui::RichText::new(session.deck().value_name(&p.value))
                        .size(text)
                        .color(theme::ACCENT),
                )
                .truncate(),
            );
            let caption = crate::report::model::photo_caption(p);
            if !caption.is_empty() {
                let mut job = egui::text::LayoutJob::single_section(
                    caption,
                    egui::TextFormat::simple(egui::FontId::proportional(text), theme::TEXT),
                );
                job.wrap = egui::text::TextWrapping {
                    max_rows: 2,
                    break_anywhere: false,
                    overflow_character: Some('…'),
                    max_width: inner.width(),
                };
                ui.label(job);
            }
        });
    }
    ui.allocate_rect(area, egui::Sense::hover());
}

/// The facilitator's side: how photos come in, the progress, the refusals, and per photo its
/// caption, value, subgroup and agreement.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let lang = view.lang.0;
    let Some(s) = view.live.session() else {
        return;
    };
    let ph = &view.photos;
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(PhotoText::Assignment.tr(lang))
                .size(20.0)
                .strong()
                .color(theme::ACCENT),
        );
        let label = if ph.wall {
            PhotoText::CloseWall.tr(lang)
        } else {
            PhotoText::ShowWall.tr(lang)
        };
        if ui.button(label).clicked() {
            out.push(Action::TogglePhotoWall);
        }
    });
    if s.state().finished {
        // A finished session takes no events: the wall can be shown, nothing changed.
        wrap(ui, muted(PhotoText::SessionFinished.tr(lang), 14.0));
        for m in &ph.messages {
            wrap(
                ui,
                egui::RichText::new(format!("⚠ {}", m.text(lang)))
                    .size(14.0)
                    .color(theme::BAD),
            );
        }
        return;
    }
    wrap(ui, muted(PhotoText::DropHint.tr(lang), 14.0));
    if let Some(inbox) = ph.inbox() {
        wrap(
            ui,
            muted(
                format!("{} {}", PhotoText::OrCopyInto.tr(lang), inbox.display()),
                14.0,
            ),
        );
    }
    if let Some(p) = progress(ph, lang) {
        ui.label(rich(p, 15.0));
        let frac = ph.batch_done as f32 / ph.batch_total.max(1) as f32;
        ui.add(egui::ProgressBar::new(frac).desired_width(280.0));
    }
    for m in &ph.messages {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {m}"))
                .size(14.0)
                .color(theme::BAD),
        );
    }
    let d = &ph.draft;
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(PhotoText::ValueLabel.tr(lang), 15.0));
        let current = value_for(d, s);
        for (id, _) in s.team_values(0) {
            if ui
                .selectable_label(current == *id, s.deck().value_name(id))
                .clicked()
            {
                out.push(Action::DraftPhoto(PhotoEdit::Value(id.clone())));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(PhotoText::SubgroupLabel.tr(lang), 15.0));
        let mut by = d.by.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut by).desired_width(180.0))
            .changed()
        {
            out.push(Action::DraftPhoto(PhotoEdit::By(by)));
        }
    });
    if let Some(i) = d.photo
        && s.photos().get(i).is_some_and(|p| !p.removed)
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(muted(
                format!("{} {}:", PhotoText::CaptionOf.tr(lang), i + 1),
                15.0,
            ));
            let mut caption = d.caption.clone();
            if ui
                .add(egui::TextEdit::singleline(&mut caption).desired_width(260.0))
                .changed()
            {
                out.push(Action::DraftPhoto(PhotoEdit::Caption(caption)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(muted(PhotoText::WithAgreement.tr(lang), 15.0));
            if ui
                .selectable_label(d.agreement.is_none(), PhotoText::NoAgreement.tr(lang))
                .clicked()
            {
                out.push(Action::DraftPhoto(PhotoEdit::Agreement(None)));
            }
            for (k, a) in s.agreements().iter().enumerate() {
                let text: String = a.text.chars().take(28).collect();
                if ui
                    .selectable_label(d.agreement == Some(k), format!("{}. {text}", k + 1))
                    .clicked()
                {
                    out.push(Action::DraftPhoto(PhotoEdit::Agreement(Some(k))));
                }
            }
        });
        if ui.button(PhotoText::SaveToPhoto.tr(lang)).clicked() {
            out.push(Action::DescribePhoto);
        }
    }
    ui.add_space(4.0);
    for (i, p) in s.photos_shown() {
        ui.horizontal(|ui| {
            picture(
                ui,
                &p.hash,
                ph.thumbs.get(&p.hash),
                egui::vec2(64.0, 48.0),
                lang,
            );
            ui.vertical(|ui| {
                let title = if p.caption.is_empty() {
                    PhotoText::NoCaption.tr(lang).to_string()
                } else {
                    p.caption.clone()
                };
                ui.add(egui::Label::new(rich(format!("{}. {title}", i + 1), 15.0)).truncate());
                ui.label(muted(
                    format!(
                        "{}{}",
                        s.deck().value_name(&p.value),
                        if p.by.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", p.by)
                        }
                    ),
                    13.0,
                ));
                ui.horizontal(|ui| {
                    if ui.small_button(PhotoText::Edit.tr(lang)).clicked() {
                        out.push(Action::SelectPhoto(i));
                    }
                    if ui.small_button(PhotoText::RemovePhoto.tr(lang)).clicked() {
                        out.push(Action::RemovePhoto(i));
                    }
                });
            });
        });
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
