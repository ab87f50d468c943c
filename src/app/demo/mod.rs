//! `demo --screenshots DIR`: a short scripted session through every screen, one PNG per screen.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::DemoOptions;
use super::GameSystems;
use super::action::Action;
use super::screens::{Phase, Screen};
use super::windows::FacilitatorWindow;
use crate::bi;
use crate::deck::Deck;
use crate::lang::cli::CliText;
use crate::lang::{Bi, Key as _, Lang};

mod photos;
mod script;

pub use photos::{photo_files, write_photos};
pub use script::{FALLBACK_DECK, ROUNDS, Shot, Step, poll_csv, script};

/// Copies the first team's 1920×1080 poster (saved on the final screen) into the screenshots
/// folder, so the demo shows a poster with its photos.
fn copy_poster(sessions: &Path, screenshots: &Path) -> Result<PathBuf, String> {
    let poster = std::fs::read_dir(sessions)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.to_string_lossy().ends_with("-posters"))
        .flat_map(|d| {
            std::fs::read_dir(d)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
        })
        .map(|e| e.path())
        .find(|p| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            n.starts_with("poster-1-") && n.ends_with("-1920x1080.png")
        })
        .ok_or("no poster-1-…-1920x1080.png")?;
    let to = screenshots.join("13-poster-photos.png");
    std::fs::copy(&poster, &to).map_err(|e| e.to_string())?;
    Ok(to)
}

#[derive(Resource)]
struct DemoState {
    dir: PathBuf,
    steps: Vec<Step>,
    index: usize,
    /// When the current step's actions were sent.
    since: Option<Duration>,
    frames: u32,
    pending: usize,
    total_frames: u32,
}

#[derive(Resource, Default, Clone)]
struct Saved(std::sync::Arc<std::sync::atomic::AtomicUsize>);

/// Frames and time to let a step settle (state change, layout, animations) before the picture.
const SETTLE_FRAMES: u32 = 6;
const SETTLE_TIME: Duration = Duration::from_millis(1200);
const MAX_FRAMES: u32 = 5000;

/// What the demo looks at before a picture: the screen shown, and work still running.
#[derive(bevy::ecs::system::SystemParam)]
struct Shown<'w> {
    screen: Res<'w, State<Screen>>,
    phase: Option<Res<'w, State<Phase>>>,
    photos: Res<'w, super::photos::Photos>,
    posters: Res<'w, super::poster_job::PosterJob>,
    lang: Res<'w, super::i18n::UiLang>,
}

impl Shown<'_> {
    fn now(&self) -> (Screen, Option<Phase>) {
        (*self.screen.get(), self.phase.as_ref().map(|p| *p.get()))
    }

    /// Photos being prepared or read: the pictures show what was dropped.
    fn photos_busy(&self) -> bool {
        self.photos.busy() + self.photos.loading() > 0
    }
}

impl DemoState {
    fn next_step(&mut self) {
        self.pending = 0;
        self.index += 1;
        self.since = None;
    }
}

/// Plays the script: each step's actions, then (once the screen has settled) its pictures; the
/// next step when they are saved. Exits with an error when a step shows another screen than the
/// script expects, or when the demo takes too long.
#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    mut state: ResMut<DemoState>,
    saved: Res<Saved>,
    time: Res<Time<Real>>,
    mut actions: MessageWriter<Action>,
    facilitator: Query<Entity, (With<Window>, With<FacilitatorWindow>)>,
    mut exit: MessageWriter<AppExit>,
    mut layout: ResMut<super::windows::Layout>,
    shown: Shown,
) {
    state.total_frames += 1;
    let n = state.index + 1;
    if state.total_frames > MAX_FRAMES {
        let why = bi!(
            "demo: opgegeven na {MAX_FRAMES} beelden, bij stap {n}",
            "demo: gave up after {MAX_FRAMES} frames at step {n}"
        );
        error!("{}", why.text(shown.lang.0));
        exit.write(AppExit::error());
        return;
    }
    let now = time.elapsed();
    let done = saved.0.load(std::sync::atomic::Ordering::SeqCst);
    if state.pending > 0 {
        if done >= state.pending {
            state.next_step();
        }
        return;
    }
    let Some(step) = state.steps.get(state.index).cloned() else {
        exit.write(AppExit::Success);
        return;
    };
    let Some(since) = state.since else {
        actions.write_batch(step.actions);
        if step.single_window {
            layout.single_window = true;
        }
        state.since = Some(now);
        state.frames = 0;
        return;
    };
    state.frames += 1;
    // Posters being made on another thread: the picture waits for them, and settles after.
    if shown.posters.progress().is_some() {
        state.since = Some(now);
        return;
    }
    if state.frames < SETTLE_FRAMES || now - since < SETTLE_TIME || shown.photos_busy() {
        return;
    }
    let (expect, showing) = (step.expect, shown.now());
    if showing != expect {
        let why = bi!(
            "demo: stap {n} hoort {expect:?} te tonen, maar toont {showing:?}",
            "demo: step {n} should show {expect:?} but shows {showing:?}"
        );
        error!("{}", why.text(shown.lang.0));
        exit.write(AppExit::error());
        return;
    }
    let expected = done + take_shots(&mut commands, &state.dir, &step, &saved, &facilitator);
    state.pending = expected.max(1);
    if expected == done {
        state.next_step();
    }
}

/// Asks for the step's pictures; each is counted in `saved` once on disk. Returns how many.
fn take_shots(
    commands: &mut Commands,
    dir: &Path,
    step: &Step,
    saved: &Saved,
    facilitator: &Query<Entity, (With<Window>, With<FacilitatorWindow>)>,
) -> usize {
    let mut asked = 0;
    for (name, which) in &step.shots {
        let path = dir.join(format!("{name}.png"));
        let shot = match which {
            Shot::Projector => Screenshot::primary_window(),
            Shot::Facilitator => match facilitator.single() {
                Ok(w) => Screenshot::window(w),
                Err(_) => continue,
            },
        };
        let counter = saved.0.clone();
        let mut save = save_to_disk(path);
        commands.spawn(shot).observe(
            move |ev: On<bevy::render::view::screenshot::ScreenshotCaptured>| {
                save(ev);
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            },
        );
        asked += 1;
    }
    asked
}

fn parse_size(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once(['x', 'X'])?;
    let (w, h) = (w.trim().parse().ok()?, h.trim().parse().ok()?);
    ((320..=8192).contains(&w) && (240..=8192).contains(&h)).then_some((w, h))
}

pub fn demo_deck() -> PathBuf {
    if let Ok(deck) = crate::deck::builtin::default_deck() {
        deck
    } else {
        PathBuf::from(FALLBACK_DECK)
    }
}

/// The demo's window size, deck file and deck.
type Prepared = ((u32, u32), PathBuf, Deck);

/// The demo's size, deck file and deck, or the exit status and why not.
fn prepare(opts: &DemoOptions) -> Result<Prepared, (u8, Bi)> {
    let Some(size) = parse_size(&opts.size) else {
        let size = &opts.size;
        return Err((
            2,
            bi!(
                "--size moet BREEDTExHOOGTE zijn, bijvoorbeeld 1920x1080 (niet {size:?})",
                "--size must be WIDTHxHEIGHT, for example 1920x1080 (not {size:?})"
            ),
        ));
    };
    if let Err(e) = std::fs::create_dir_all(&opts.screenshots) {
        return Err((1, Bi::same(format!("{}: {e}", opts.screenshots.display()))));
    }
    let mut deck_path = opts.deck.clone().unwrap_or_else(demo_deck);
    // In another language than the deck's: the same deck in that language, when there is one.
    if let Some(lang) = opts.lang
        && let Some(other) = super::decks::DeckList::scan(&super::levels_folder(Some(&deck_path)))
            .translation_of(&deck_path, lang)
    {
        deck_path = other.path.clone();
    }
    let deck = super::decks::load(&deck_path).map_err(|e| (1, e))?;
    if deck.scenarios.len() < ROUNDS {
        let (path, n) = (deck_path.display(), deck.scenarios.len());
        return Err((
            1,
            bi!(
                "de demo speelt {ROUNDS} rondes en heeft een deck met minstens {ROUNDS} scenario's nodig; {path} heeft er {n}",
                "the demo plays {ROUNDS} rounds and needs a deck with at least {ROUNDS} scenarios; {path} has {n}"
            ),
        ));
    }
    Ok((size, deck_path, deck))
}

pub fn run(opts: DemoOptions) -> ExitCode {
    // The terminal's messages: `--lang`, else the environment's language.
    let lang = opts.lang.unwrap_or_else(Lang::from_env);
    let error = CliText::Error.tr(lang);
    let (size, deck_path, deck) = match prepare(&opts) {
        Ok(ready) => ready,
        Err((code, why)) => {
            eprintln!("{error}: {}", why.text(lang));
            return ExitCode::from(code);
        }
    };
    let sizes = super::windows::WindowSizes {
        projector: size,
        facilitator: (1000, 900),
        exact: true,
    };
    let mut app = match super::open_windowed_app(sizes, false, lang) {
        Ok(app) => app,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(1);
        }
    };
    let sessions =
        std::env::temp_dir().join(format!("cultuurbarbarenspel-demo-{}", std::process::id()));
    let poll = sessions.join(deck.language.pick("peiling.csv", "poll.csv"));
    if let Err(e) = std::fs::create_dir_all(&sessions)
        .and_then(|()| std::fs::write(&poll, poll_csv(&deck)))
        .and_then(|()| write_photos(&poll))
    {
        eprintln!("{error}: {}: {e}", poll.display());
        return ExitCode::from(1);
    }
    super::init_game(&mut app, Some(deck_path), Some(sessions.clone()));
    super::init_lang(&mut app, opts.lang, true);
    // The render policy would put the demo to sleep between steps; keep it rendering.
    app.insert_resource(super::render::KeepRendering)
        .insert_resource(Saved::default())
        .insert_resource(DemoState {
            dir: opts.screenshots.clone(),
            steps: script(&deck, &poll),
            index: 0,
            since: None,
            frames: 0,
            pending: 0,
            total_frames: 0,
        })
        .add_systems(Update, drive.in_set(GameSystems::Input));
    let code = super::exit_code(app.run());
    if code == ExitCode::SUCCESS {
        if let Err(e) = copy_poster(&sessions, &opts.screenshots) {
            let why = bi!("de poster met foto's: {e}", "the poster with photos: {e}");
            eprintln!("{error}: {}", why.text(lang));
            return ExitCode::from(1);
        }
        println!("{}", opts.screenshots.display());
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1920x1080"), Some((1920, 1080)));
        assert_eq!(parse_size("1280X720"), Some((1280, 720)));
        assert_eq!(parse_size("big"), None);
        assert_eq!(parse_size("0x0"), None);
    }
}
