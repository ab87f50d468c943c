//! The session's watched photo folder (`<journal>-fotos/nieuw/`) and the pictures loaded for the
//! wall, both off the main thread.

use crate::app::session_link::Live;
use crate::photos::{self, Album};
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, futures::check_ready};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Instant, SystemTime};

use super::*;

/// Follows the session's watched folder and starts jobs for files that have settled.
pub(super) fn watch_inbox(
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
        follow_folder(photos, inbox, proxy, live.lang);
    }
    let Some(folder) = photos.watch.folder.clone() else {
        return;
    };
    let changed = photos.watch.changed.swap(false, Ordering::SeqCst);
    if !changed && photos.watch.waiting.is_empty() {
        return;
    }
    let now = Instant::now();
    let entries = photo_files(&folder);
    let mut ready = settled(&mut photos.watch, entries, now);
    wake_after_settling(photos, now, proxy);
    if !ready.is_empty() {
        ready.sort();
        start_jobs(ready, true, photos, live, proxy);
    }
}

/// Starts watching `inbox` (or nothing), and looks at it once at the start.
fn follow_folder(
    photos: &mut Photos,
    inbox: Option<PathBuf>,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
    lang: crate::lang::Lang,
) {
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
        Err(e) => warn!("{}", crate::app::cannot_watch(&folder, &e).text(lang)),
    }
}

/// The photo files in `folder`, each with its length and time of change.
fn photo_files(folder: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    std::fs::read_dir(folder)
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
        .unwrap_or_default()
}

/// The files that have not changed for [`SETTLE`] and were not taken yet; the others wait.
fn settled(
    w: &mut Watch,
    entries: Vec<(PathBuf, u64, Option<SystemTime>)>,
    now: Instant,
) -> Vec<PathBuf> {
    let mut ready = Vec::new();
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
    ready
}

/// While files wait, wakes the app once they had time to settle (it otherwise sleeps).
fn wake_after_settling(
    photos: &mut Photos,
    now: Instant,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
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
}

/// Loads the small pictures of the photos on the wall (after a resume, or a file that came back),
/// and the large picture of the one shown full screen.
pub(super) fn load_pictures(
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
    start_thumbs(photos, s, &album, proxy);
    finish_thumbs(photos);
    load_large(photos, s, &album, proxy);
}

type Proxy = bevy::winit::EventLoopProxy<bevy::winit::WinitUserEvent>;

/// Wakes the app (when there is a window to wake).
fn wake(proxy: &Option<Proxy>) {
    if let Some(p) = proxy {
        let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
    }
}

/// A loaded picture, or why it could not be loaded.
fn thumb(r: Result<Picture, String>) -> Thumb {
    match r {
        Ok(p) => Thumb::Ready(Arc::new(p)),
        Err(e) => Thumb::Missing(e),
    }
}

/// Starts loading the small picture of each photo shown that has none and is not loading.
fn start_thumbs(
    photos: &mut Photos,
    s: &crate::session::Session,
    album: &Album,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
    let pool = AsyncComputeTaskPool::get();
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
                .map(|pic| photos::fit_within(&pic, photos::THUMB_MAX, photos::THUMB_MAX))
                .map_err(|e| e.to_string());
            wake(&proxy);
            r
        });
        photos.thumb_jobs.push((p.hash.clone(), task));
    }
}

/// Keeps the small pictures that have finished loading.
fn finish_thumbs(photos: &mut Photos) {
    let mut i = 0;
    while i < photos.thumb_jobs.len() {
        if let Some(r) = check_ready(&mut photos.thumb_jobs[i].1) {
            let (hash, _) = photos.thumb_jobs.remove(i);
            photos.thumbs.insert(hash, thumb(r));
            photos.generation += 1;
        } else {
            i += 1;
        }
    }
}

/// The large picture: only while one is shown full screen.
fn load_large(
    photos: &mut Photos,
    s: &crate::session::Session,
    album: &Album,
    proxy: Option<&bevy::winit::EventLoopProxyWrapper>,
) {
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
        photos.large = Some((hash.clone(), thumb(r)));
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
        let task = AsyncComputeTaskPool::get().spawn(async move {
            let r = album
                .load(&h)
                .map(|pic| photos::fit_within(&pic, 1920, 1920))
                .map_err(|e| e.to_string());
            wake(&proxy);
            r
        });
        photos.large_job = Some((hash, task));
    }
}
