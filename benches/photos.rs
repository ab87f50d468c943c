//! Photo import benchmark, printed (not asserted): twenty 12-megapixel phone JPEGs (4000 × 3000,
//! EXIF orientation 6, made here) are read, turned upright, downscaled to 2048 pixels, kept in a
//! photo folder and journaled.
//!
//! 1. The core alone: one file after another on this thread, per file and in all.
//! 2. The game: the twenty files dropped onto a headless app (the logic plugins, no window), which
//!    prepares them on its async compute pool; the time until all twenty are journaled, and the
//!    longest update of the main thread meanwhile (without rendering: a window adds its drawing time
//!    to each frame, but the import itself must not block the update).
//!
//! 3. With `CBS_BENCH_WINDOW=1` and a display (`xvfb-run -a cargo bench …`): the game with its two
//!    windows, rendering every frame, and the longest frame between the drop and the last photo.
//!
//! Run: `cargo bench --bench photos --profile dev` (the release profile links Bevy and takes long to
//! build; the dev profile compiles dependencies at opt-level 2 and this crate at opt-level 1, so the
//! numbers are slower than a release build's). Set `CBS_BENCH_DIR` to measure on another disk than
//! the temporary folder's.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::photos::Photos;
use cultuurbarbarenspel::app::screens::Screen;
use cultuurbarbarenspel::app::session_link::Live;
use cultuurbarbarenspel::app::{LogicPlugins, init_game};
use cultuurbarbarenspel::photos::{self, Picture, jpeg_with_exif_orientation};
use cultuurbarbarenspel::session::Event;

const FILES: usize = 20;
const W: u32 = 4000;
const H: u32 = 3000;

/// A picture with gradients and some texture, so the JPEG is phone-sized (a few MB), not a flat one.
fn phone_picture(seed: u32) -> Picture {
    let mut rgb = Vec::with_capacity((W * H * 3) as usize);
    let mut noise = seed.wrapping_mul(2_654_435_761).max(1);
    for y in 0..H {
        for x in 0..W {
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            let n = (noise & 31) as u8;
            rgb.push(((x * 255 / W) as u8).wrapping_add(n));
            rgb.push(((y * 255 / H) as u8).wrapping_add(n / 2));
            rgb.push((((x + y + seed * 97) / 16) as u8).wrapping_add(n));
        }
    }
    Picture {
        width: W,
        height: H,
        rgb,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn make_files(dir: &Path) -> Vec<PathBuf> {
    let t = Instant::now();
    let files: Vec<PathBuf> = (0..FILES)
        .map(|i| {
            let path = dir.join(format!("IMG_{:04}.jpg", 1000 + i));
            let pic = phone_picture(i as u32);
            std::fs::write(&path, jpeg_with_exif_orientation(&pic, 85, 6))
                .expect("write a test picture");
            path
        })
        .collect();
    let bytes: u64 = files
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    println!(
        "made {FILES} JPEGs of {W} × {H} ({:.1} MB each on average) in {}",
        bytes as f64 / FILES as f64 / 1e6,
        ms(t.elapsed())
    );
    files
}

fn core(files: &[PathBuf], dir: &Path) {
    let album = dir.join("core-fotos");
    let t = Instant::now();
    let mut slowest = Duration::ZERO;
    for f in files {
        let one = Instant::now();
        let p = photos::prepare_file(f).expect("a good picture");
        photos::store(&p, &album).expect("kept");
        slowest = slowest.max(one.elapsed());
    }
    let all = t.elapsed();
    println!(
        "core, one thread: {FILES} files in {} ({} per file on average, slowest {})",
        ms(all),
        ms(all / FILES as u32),
        ms(slowest)
    );
}

fn game(files: &[PathBuf], dir: &Path) {
    let deck = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-demo.ron");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .add_plugins(LogicPlugins);
    init_game(&mut app, Some(deck), Some(dir.join("sessies")));
    app.update();
    let act = |app: &mut App, a: Action| {
        app.world_mut().write_message(a);
        app.update();
        app.update();
    };
    act(&mut app, Action::Next);
    act(&mut app, Action::Next);
    act(
        &mut app,
        Action::ToggleValue {
            set: 0,
            value: "klant".into(),
        },
    );
    act(&mut app, Action::Next);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Round
    );

    app.world_mut()
        .write_message(Action::ImportPhotos(files.to_vec()));
    let t = Instant::now();
    // The longest update that journaled a photo (with its sync to disk), and the longest other one.
    let (mut longest_journaling, mut longest_other) = (Duration::ZERO, Duration::ZERO);
    let mut updates = 0u32;
    let mut before = 0;
    loop {
        let u = Instant::now();
        app.update();
        let took = u.elapsed();
        updates += 1;
        let added = app.world().resource::<Live>().session().map_or(0, |s| {
            s.events()
                .iter()
                .filter(|e| matches!(e, Event::PhotoAdded { .. }))
                .count()
        });
        if added > before {
            longest_journaling = longest_journaling.max(took);
        } else {
            longest_other = longest_other.max(took);
        }
        before = added;
        if added == FILES || app.world().resource::<Photos>().busy() == 0 {
            assert_eq!(
                added,
                FILES,
                "{:?}",
                app.world().resource::<Photos>().messages
            );
            break;
        }
        // About 60 updates a second, as a window would have while the progress line moves.
        std::thread::sleep(Duration::from_millis(16));
    }
    println!(
        "game: {FILES} files dropped, all journaled after {} ({updates} updates); longest update {} \
         (one that journaled a photo: {}; any other: {})",
        ms(t.elapsed()),
        ms(longest_journaling.max(longest_other)),
        ms(longest_journaling),
        ms(longest_other)
    );
}

/// Frames after the drop, the time until all were journaled, frames before the drop.
type Measured = (Vec<Duration>, Duration, Vec<Duration>);

/// What the windowed run measured: the time of each frame after the drop, until all were journaled.
#[derive(Resource, Clone)]
struct Frames {
    files: Vec<PathBuf>,
    /// Frames after the drop, the time until all were journaled, and frames before the drop
    /// (the same screen, nothing being prepared).
    out: std::sync::Arc<std::sync::Mutex<Measured>>,
    frame: u32,
    dropped: Option<Instant>,
}

fn drive_window(
    mut f: ResMut<Frames>,
    time: Res<Time<Real>>,
    photos: Res<Photos>,
    live: Res<Live>,
    mut actions: MessageWriter<Action>,
    mut exit: MessageWriter<AppExit>,
) {
    f.frame += 1;
    match f.frame {
        10 | 20 | 40 => {
            actions.write(Action::Next);
        }
        30 => {
            actions.write(Action::ToggleValue {
                set: 0,
                value: "klant".into(),
            });
        }
        n if (45..60).contains(&n) => {
            let mut out = f
                .out
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            out.2.push(time.delta());
        }
        60 => {
            actions.write(Action::ImportPhotos(f.files.clone()));
            f.dropped = Some(Instant::now());
        }
        n if n > 60 => {
            let added = live.session().map_or(0, |s| s.photos().len());
            let mut out = f
                .out
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            out.0.push(time.delta());
            if added == f.files.len() || (photos.busy() == 0 && n > 70) || n > 100_000 {
                out.1 = f.dropped.map_or(Duration::ZERO, |d| d.elapsed());
                exit.write(AppExit::Success);
            }
        }
        _ => {}
    }
}

/// The game with its windows (under a display, e.g. Xvfb), rendering every frame: the longest
/// frame between the drop and the last photo journaled.
fn windowed(files: &[PathBuf], dir: &Path) {
    use cultuurbarbarenspel::app::game::GameSystems;
    use cultuurbarbarenspel::app::windows::WindowSizes;
    let deck = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-demo.ron");
    let mut app = cultuurbarbarenspel::app::windowed_app(WindowSizes::default(), false);
    init_game(&mut app, Some(deck), Some(dir.join("sessies-venster")));
    let out = std::sync::Arc::new(std::sync::Mutex::new((
        Vec::new(),
        Duration::ZERO,
        Vec::new(),
    )));
    app.insert_resource(cultuurbarbarenspel::app::render::KeepRendering)
        .insert_resource(Frames {
            files: files.to_vec(),
            out: out.clone(),
            frame: 0,
            dropped: None,
        })
        .add_systems(Update, drive_window.in_set(GameSystems::Input));
    app.run();
    let (frames, total, before) = out.lock().map(|g| g.clone()).unwrap_or_default();
    let mut calm = before.clone();
    calm.sort();
    println!(
        "window before the drop: {} frames, median {}, longest {}",
        calm.len(),
        ms(calm.get(calm.len() / 2).copied().unwrap_or_default()),
        ms(calm.last().copied().unwrap_or_default())
    );
    let mut sorted = frames.clone();
    sorted.sort();
    let longest = sorted.last().copied().unwrap_or_default();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    let over = frames
        .iter()
        .filter(|d| **d > Duration::from_millis(100))
        .count();
    println!(
        "window: {FILES} files dropped, all journaled after {}; {} frames, median {}, longest {}, {over} over 100 ms",
        ms(total),
        frames.len(),
        ms(median),
        ms(longest)
    );
}

fn main() {
    let base = std::env::var_os("CBS_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::tempdir_in(base).expect("a temporary folder");
    let files = make_files(dir.path());
    core(&files, dir.path());
    game(&files, dir.path());
    // With a display (CBS_BENCH_WINDOW=1, e.g. under xvfb-run): the real windows, rendering.
    if std::env::var_os("CBS_BENCH_WINDOW").is_some() {
        windowed(&files, dir.path());
    }
}
