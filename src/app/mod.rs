//! The Bevy shell: screens, the projected and facilitator views, keyboard play, reactive rendering.
//!
//! The logic plugins ([`LogicPlugins`]) need no window, so the tests in `tests/app/` drive them
//! headless; the view plugins ([`ViewPlugins`]) add egui, the windows and the render policy.

pub mod action;
pub mod ctx;
pub mod decks;
pub mod demo;
pub mod draft;
pub mod facilitator;
pub mod game;
pub mod i18n;
pub mod input;
pub mod journal;
pub mod nav;
pub mod phones;
pub mod photos;
pub mod poll_file;
pub mod poster_job;
pub mod probe;
pub mod projector;
pub mod render;
pub mod screens;
pub mod session_link;
pub mod state;
pub mod theme;
pub mod timer;
pub mod ui;
pub mod windows;

use bevy::app::PluginGroupBuilder;
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::lang::cli::CliText;
use crate::lang::{Key as _, Lang};

#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    pub deck: Option<PathBuf>,
    pub sessions: Option<PathBuf>,
    pub single_window: bool,
    pub continue_from: Option<PathBuf>,
    /// Start the join server for the teams' phones (off when `None`).
    pub phones: Option<phones::Bind>,
    /// The session's language (`--lang`); else the language of `deck`, else the Title screen's
    /// choice.
    pub lang: Option<crate::lang::Lang>,
}

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub screenshots: PathBuf,
    /// "WIDTHxHEIGHT"
    pub size: String,
    /// The deck to play (default: [`crate::deck::builtin::default_deck`], in `lang` when
    /// given).
    pub deck: Option<PathBuf>,
    /// The demo's language (`--lang`); else the language of its deck.
    pub lang: Option<crate::lang::Lang>,
}

/// The order of the game's systems in a frame, declared here and nowhere else: input becomes
/// actions, the screens handle them, the screens and features with systems of their own handle
/// theirs, then what follows the new state (deck watch, posters, phones' pages, file dialog).
/// The views draw after all of this, in the egui pass.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum GameSystems {
    /// Keys, phones, dropped files, the demo's script: they write [`action::Action`]s.
    Input,
    /// [`game::apply_actions`]: each action to the screen that owns it.
    Apply,
    /// The agreements, own values, review, sessions folder, photos and phones read the actions
    /// too, for what they own.
    Own,
    /// What follows the new state.
    Follow,
}

/// Declares the order of [`GameSystems`].
struct OrderPlugin;

impl Plugin for OrderPlugin {
    fn build(&self, app: &mut App) {
        use GameSystems::*;
        app.configure_sets(Update, (Input, Apply, Own, Follow).chain());
    }
}

/// The game's logic: states, actions, keyboard, timer, session link. No window needed.
pub struct LogicPlugins;

impl PluginGroup for LogicPlugins {
    fn build(self) -> PluginGroupBuilder {
        PluginGroupBuilder::start::<Self>()
            .add(OrderPlugin)
            .add(nav::ScreensPlugin)
            .add(session_link::SessionLinkPlugin)
            .add(game::GamePlugin)
            .add(input::KeyboardPlugin)
            .add(timer::TimerPlugin)
            .add(decks::DeckWatchPlugin)
            .add(phones::PhonesPlugin)
            .add(photos::PhotosPlugin)
            .add(poster_job::PosterJobPlugin)
    }
}

/// What is drawn: egui views, windows, theme, render policy.
pub struct ViewPlugins;

impl PluginGroup for ViewPlugins {
    fn build(self) -> PluginGroupBuilder {
        PluginGroupBuilder::start::<Self>()
            .add(theme::ThemePlugin)
            .add(render::RenderPolicyPlugin)
            .add(windows::WindowsPlugin)
            .add(projector::ProjectorPlugin)
            .add(facilitator::FacilitatorPlugin)
            .add(poll_file::PollFilePlugin)
            .add(phones::PhonesViewPlugin)
    }
}

/// The folder decks are listed from: the deck's own folder when one is given, else `levels/`.
fn levels_folder(deck: Option<&Path>) -> PathBuf {
    deck.and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("levels"))
}

/// The set-up shared by `play`, `demo` and the tests: deck list, chosen deck, journal folder.
pub fn init_game(app: &mut App, deck: Option<PathBuf>, sessions: Option<PathBuf>) {
    // A deck given: its own folder. Else levels/ here and in the user's data folder (the built-in
    // decks are written there when neither has one).
    let list = match deck.as_deref() {
        Some(d) => decks::DeckList::scan(&levels_folder(Some(d))),
        None => decks::DeckList::scan_all(&crate::deck::builtin::deck_folders()),
    };
    let chosen = deck.or_else(|| decks::default_deck(&list));
    let mut draft = state::SetupDraft::default();
    if let Some(path) = chosen {
        draft.set_deck(path);
    }
    let folder = sessions.unwrap_or_else(journal::default_folder);
    app.insert_resource(list)
        .insert_resource(journal::SessionList::scan(&folder))
        .insert_resource(session_link::Live {
            folder,
            ..Default::default()
        })
        .insert_resource(draft);
}

/// The game's language, once [`init_game`] has chosen the deck: `lang` when given, else the
/// language of the deck when one was given (`deck_given`), else the Title screen's choice (Dutch
/// until then). Before the session starts the deck follows the language, as on the Title screen:
/// the same deck in that language when there is one.
pub fn init_lang(app: &mut App, lang: Option<crate::lang::Lang>, deck_given: bool) {
    let deck_lang = deck_given
        .then(|| {
            app.world()
                .get_resource::<state::SetupDraft>()
                .and_then(|d| d.deck.as_ref())
                .map(|d| d.language)
        })
        .flatten();
    if let Some(l) = lang.or(deck_lang) {
        app.insert_resource(i18n::UiLang(l));
        app.world_mut()
            .write_message(action::Action::SetLanguage(l));
    }
}

/// The log line when a folder cannot be followed (a deck's, the photos' inbox); without a watcher
/// the game still sees changes when it looks again.
pub(crate) fn cannot_watch(folder: &Path, e: &dyn std::fmt::Display) -> crate::lang::Bi {
    let f = folder.display();
    crate::bi!(
        "{f}: kan de map niet volgen: {e}",
        "{f}: cannot follow the folder: {e}"
    )
}

fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// A windowed app with everything but the session options.
pub fn windowed_app(sizes: windows::WindowSizes, single_window: bool) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(windows::projector_window(&sizes)),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "warn,wgpu=error,naga=error,cultuurbarbarenspel=info".into(),
                ..default()
            }),
    )
    .add_plugins(bevy_egui::EguiPlugin::default())
    .insert_resource(sizes)
    .insert_resource(windows::Layout { single_window })
    .add_plugins(LogicPlugins)
    .add_plugins(ViewPlugins)
    .add_plugins(probe::FirstFrameProbePlugin);
    app
}

/// Why no window can be opened, in a plain sentence: on Linux and the BSDs neither an X11 nor a
/// Wayland display is named in the environment. `None` when a display may be there.
pub fn display_problem(lang: Lang) -> Option<String> {
    if cfg!(any(
        target_os = "windows",
        target_os = "macos",
        target_os = "ios"
    )) {
        return None;
    }
    let named = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
    if named("DISPLAY") || named("WAYLAND_DISPLAY") {
        return None;
    }
    let error = CliText::Error.tr(lang);
    let why = crate::bi!(
        "{error}: er is geen beeldscherm om het spel op te tonen (DISPLAY en WAYLAND_DISPLAY zijn niet gezet). \
         Start het spel op een computer met een bureaublad, of voor schermafbeeldingen zonder scherm \
         met xvfb-run; de opdrachten check, simulate, report, poster en poll hebben geen scherm nodig.",
        "{error}: there is no display to show the game on (DISPLAY and WAYLAND_DISPLAY are not set). \
         Start the game on a computer with a desktop, or for screenshots without a screen with \
         xvfb-run; the commands check, simulate, report, poster and poll need no screen."
    );
    Some(why.text(lang).to_owned())
}

/// [`windowed_app`], or a plain sentence when no window can be opened (no display named, or the
/// display named cannot be reached) instead of a panic with a backtrace.
pub fn open_windowed_app(
    sizes: windows::WindowSizes,
    single_window: bool,
    lang: Lang,
) -> Result<App, String> {
    if let Some(why) = display_problem(lang) {
        return Err(why);
    }
    // Building the window plugin connects to the display; it panics when it cannot. Catch that
    // one panic quietly and say what it means.
    let hook = std::panic::take_hook();
    let said = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let keep = said.clone();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut s) = keep.lock() {
            *s = info.to_string();
        }
    }));
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        windowed_app(sizes, single_window)
    }));
    std::panic::set_hook(hook);
    built.map_err(|_| {
        let detail = said.lock().map(|s| s.clone()).unwrap_or_default();
        let detail = detail.lines().next().unwrap_or_default().to_string();
        let error = CliText::Error.tr(lang);
        crate::bi!(
            "{error}: het spel kan geen venster openen: er is geen beeldscherm te bereiken ({detail}). \
             Start het op een computer met een bureaublad, of zonder scherm met xvfb-run.",
            "{error}: the game cannot open a window: no display can be reached ({detail}). \
             Start it on a computer with a desktop, or without a screen with xvfb-run."
        )
        .text(lang)
        .to_owned()
    })
}

pub fn run(opts: PlayOptions) -> ExitCode {
    // The terminal's messages: `--lang`, else the environment's language.
    let lang = opts.lang.unwrap_or_else(Lang::from_env);
    if let Some(deck) = &opts.deck
        && !deck.is_file()
    {
        let (error, deck) = (CliText::Error.tr(lang), deck.display());
        let why = crate::bi!(
            "{error}: {deck}: geen deckbestand gevonden",
            "{error}: {deck}: no deck file found"
        );
        eprintln!("{}", why.text(lang));
        return ExitCode::from(2);
    }
    let sizes = windows::WindowSizes::default();
    let mut app = match open_windowed_app(sizes, opts.single_window, lang) {
        Ok(app) => app,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::from(1);
        }
    };
    let deck_given = opts.deck.is_some();
    init_game(&mut app, opts.deck, opts.sessions);
    init_lang(&mut app, opts.lang, deck_given);
    app.insert_resource(phones::PhonesConfig {
        start: opts.phones,
        ..Default::default()
    });
    if let Some(journal) = opts.continue_from {
        app.world_mut()
            .write_message(action::Action::ContinueSession(journal));
    }
    exit_code(app.run())
}

pub fn demo(opts: DemoOptions) -> ExitCode {
    demo::run(opts)
}
