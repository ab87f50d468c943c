//! A headless app and helpers to press keys and read the state.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key as LogicalKey, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use std::path::PathBuf;

use cultuurbarbarenspel::app::draft::Draft;
use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::poster_job::Posters;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::app::session_link::Live;
use cultuurbarbarenspel::app::state::{Notices, Prefs, SetupDraft};
use cultuurbarbarenspel::app::state::{PollState, RoundInput};
use cultuurbarbarenspel::app::{LogicPlugins, init_game};

pub fn demo_deck() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-demo.ron")
}

pub struct Harness {
    pub app: App,
    _dir: Option<tempfile::TempDir>,
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with_deck(demo_deck())
    }

    pub fn with_deck(deck: PathBuf) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let sessions = dir.path().join("sessies");
        let mut h = Harness::build(deck, sessions);
        h._dir = Some(dir);
        h
    }

    /// A game whose journals go to `sessions` (kept after the harness is dropped).
    pub fn with_deck_and_sessions(deck: PathBuf, sessions: PathBuf) -> Harness {
        Harness::build(deck, sessions)
    }

    fn build(deck: PathBuf, sessions: PathBuf) -> Harness {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
            .add_plugins(LogicPlugins);
        init_game(&mut app, Some(deck), Some(sessions));
        app.update();
        Harness { app, _dir: None }
    }

    fn key_event(&mut self, code: KeyCode, state: ButtonState) {
        let logical = match code {
            KeyCode::Space => LogicalKey::Space,
            _ => LogicalKey::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        };
        self.app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: logical,
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
    }

    /// Press and release a key, letting the app run after each (the state change lands a frame
    /// after the action).
    pub fn press(&mut self, code: KeyCode) {
        self.key_event(code, ButtonState::Pressed);
        self.app.update();
        self.key_event(code, ButtonState::Released);
        self.app.update();
    }

    /// One more frame, without input.
    pub fn update(&mut self) {
        self.app.update();
    }

    /// Ctrl plus a key.
    pub fn ctrl(&mut self, code: KeyCode) {
        self.key_event(KeyCode::ControlLeft, ButtonState::Pressed);
        self.app.update();
        self.press(code);
        self.key_event(KeyCode::ControlLeft, ButtonState::Released);
        self.app.update();
    }

    /// What a mouse click in the views sends.
    pub fn click(&mut self, action: Action) {
        self.app.world_mut().write_message(action);
        self.app.update();
        self.app.update();
    }

    pub fn screen(&self) -> Screen {
        *self.app.world().resource::<State<Screen>>().get()
    }

    pub fn phase(&self) -> Option<Phase> {
        self.app
            .world()
            .get_resource::<State<Phase>>()
            .map(|p| *p.get())
    }

    /// The set-up draft.
    pub fn draft(&self) -> &Draft {
        self.app.world().resource::<SetupDraft>()
    }

    pub fn notices(&self) -> &Notices {
        self.app.world().resource::<Notices>()
    }

    pub fn prefs(&self) -> &Prefs {
        self.app.world().resource::<Prefs>()
    }

    pub fn round(&self) -> &RoundInput {
        self.app.world().resource::<RoundInput>()
    }

    pub fn poll(&self) -> &PollState {
        self.app.world().resource::<PollState>()
    }

    pub fn posters(&self) -> &Posters {
        self.app.world().resource::<Posters>()
    }

    pub fn live(&self) -> &Live {
        self.app.world().resource::<Live>()
    }

    /// The id of the scenario of the current round.
    pub fn current_scenario_id(&self) -> String {
        let s = self.live().session().expect("a session runs");
        s.current_scenario().expect("a round is open").id.clone()
    }

    /// From the title to the first scenario: set-up as given, the first two values agreed.
    pub fn play_to_first_round(&mut self) {
        self.press(KeyCode::Space);
        assert_eq!(self.screen(), Screen::Setup);
        self.press(KeyCode::Space);
        assert_eq!(self.screen(), Screen::Values);
        self.click(Action::ToggleValue {
            set: 0,
            value: "klant".into(),
        });
        self.click(Action::ToggleValue {
            set: 0,
            value: "team".into(),
        });
        self.click(Action::SetWeight {
            set: 0,
            value: "team".into(),
            weight: 3,
        });
        self.press(KeyCode::Space);
        assert_eq!(self.screen(), Screen::Round);
        assert_eq!(self.phase(), Some(Phase::Scenario));
    }
}

impl Harness {
    /// From a round's scenario to its reveal by keyboard: every team chooses the behaviour `key`.
    pub fn reveal_all_choosing(&mut self, key: KeyCode) {
        assert_eq!(self.phase(), Some(Phase::Scenario));
        self.press(KeyCode::Space);
        self.press(KeyCode::Space);
        for d in DIGITS {
            self.press(d);
            self.press(key);
        }
        self.press(KeyCode::Space);
        assert_eq!(self.phase(), Some(Phase::Reveal));
    }
}

pub const DIGITS: [KeyCode; 3] = [KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3];

impl Harness {
    /// Shift plus a key.
    pub fn shift(&mut self, code: KeyCode) {
        self.key_event(KeyCode::ShiftLeft, ButtonState::Pressed);
        self.app.update();
        self.press(code);
        self.key_event(KeyCode::ShiftLeft, ButtonState::Released);
        self.app.update();
    }

    /// Why the last key could do nothing, as the facilitator's window shows it.
    pub fn refused(&self) -> String {
        self.notices().refused.clone().unwrap_or_default()
    }
}

impl Harness {
    /// From the title to the first scenario on any deck: its first value agreed.
    pub fn play_to_first_round_on_any_deck(&mut self) {
        self.press(KeyCode::Space);
        assert_eq!(self.screen(), Screen::Setup);
        self.press(KeyCode::Space);
        assert_eq!(self.screen(), Screen::Values);
        let value = self.draft().deck.as_ref().expect("a deck").values[0]
            .id
            .clone();
        self.click(Action::ToggleValue { set: 0, value });
        self.press(KeyCode::Space);
        assert_eq!(self.screen(), Screen::Round);
    }
}
