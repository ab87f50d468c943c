//! The keyboard: every action of a round has a shortcut (listed in the F1 help overlay).

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::GameSystems;
use super::action::Action;
use crate::deck::Key;

/// The keys of a shortcut as the help shows them: the same in both languages, or named.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    Fixed(&'static str),
    Named(super::i18n::T),
}

/// The shortcuts, for the help overlay: (keys, what they do).
pub const SHORTCUTS: [(Keys, super::i18n::T); 19] = {
    use super::i18n::T;
    [
        (Keys::Fixed("1 … 9, 0"), T::KeyDigits),
        (Keys::Fixed("A … F"), T::KeyLetters),
        (Keys::Named(T::SpaceBar), T::KeySpace),
        (Keys::Fixed("Ctrl+Z"), T::KeyUndo),
        (Keys::Fixed("T"), T::KeyTimer),
        (Keys::Fixed("M"), T::KeyMinute),
        (Keys::Fixed("S"), T::KeySkip),
        (Keys::Fixed("G"), T::KeyAgreements),
        (Keys::Fixed("P"), T::KeyPosters),
        (Keys::Fixed("F1"), T::KeyHelp),
        (Keys::Fixed("F2"), T::KeyControls),
        (Keys::Fixed("F11"), T::KeyFullscreen),
        (Keys::Fixed("+ / −"), T::KeyTextSize),
        (Keys::Fixed("W · ‹ › · Enter"), T::KeyPhotos),
        (Keys::Fixed("Shift+1, Shift+2"), T::KeyTeams11),
        (Keys::Fixed("Esc"), T::KeyEsc),
        (Keys::Fixed("W"), T::KeyAllConsequences),
        (Keys::Fixed("Q"), T::KeyPhones),
        (Keys::Fixed("R"), T::KeyRules),
    ]
};

/// The key that selects team `i` (0-based): 1–9, 0 for the tenth, Shift+1 and Shift+2 for the
/// eleventh and twelfth.
pub fn team_key(i: usize) -> String {
    match i {
        0..=8 => (i + 1).to_string(),
        9 => "0".to_string(),
        _ => format!("Shift+{}", (i - 9) % 10),
    }
}

const DIGITS: [KeyCode; 10] = [
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::Digit0,
];

const NUMPAD: [KeyCode; 10] = [
    KeyCode::Numpad1,
    KeyCode::Numpad2,
    KeyCode::Numpad3,
    KeyCode::Numpad4,
    KeyCode::Numpad5,
    KeyCode::Numpad6,
    KeyCode::Numpad7,
    KeyCode::Numpad8,
    KeyCode::Numpad9,
    KeyCode::Numpad0,
];

const LETTERS: [(KeyCode, Key); 6] = [
    (KeyCode::KeyA, Key::A),
    (KeyCode::KeyB, Key::B),
    (KeyCode::KeyC, Key::C),
    (KeyCode::KeyD, Key::D),
    (KeyCode::KeyE, Key::E),
    (KeyCode::KeyF, Key::F),
];

/// Whether a text field has the keyboard (then letters are typed, not shortcuts).
#[derive(Resource, Default, Debug, Clone, Copy)]
pub struct TextFocus(pub bool);

/// The keys that do one thing each (no Ctrl, no text field); `wall`: W is the photo wall.
fn plain_keys(wall: bool) -> [(&'static [KeyCode], Action); 13] {
    [
        (&[KeyCode::Space], Action::Next),
        (&[KeyCode::KeyT], Action::ToggleTimer),
        (&[KeyCode::KeyM], Action::AddMinute),
        (&[KeyCode::KeyS], Action::SkipRound),
        (&[KeyCode::KeyG], Action::OpenAgreements),
        (&[KeyCode::KeyP], Action::SavePosters),
        (
            &[KeyCode::KeyW],
            if wall {
                Action::TogglePhotoWall
            } else {
                Action::ToggleAllConsequences
            },
        ),
        (&[KeyCode::KeyR], Action::ToggleRules),
        (&[KeyCode::Equal, KeyCode::NumpadAdd], Action::TextSize(1)),
        (
            &[KeyCode::Minus, KeyCode::NumpadSubtract],
            Action::TextSize(-1),
        ),
        (&[KeyCode::ArrowLeft], Action::PhotoStep(-1)),
        (&[KeyCode::ArrowRight], Action::PhotoStep(1)),
        (
            &[KeyCode::Enter, KeyCode::NumpadEnter],
            Action::TogglePhotoFull,
        ),
    ]
}

pub fn keyboard_actions(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<TextFocus>,
    screen: Option<Res<State<super::nav::Screen>>>,
    mut out: MessageWriter<Action>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let ctrl = keys.any_pressed([
        KeyCode::ControlLeft,
        KeyCode::ControlRight,
        KeyCode::SuperLeft,
        KeyCode::SuperRight,
    ]);
    let mut any = false;
    let mut send = |a: Action| {
        out.write(a);
        any = true;
    };
    // Function keys work even while typing.
    if keys.just_pressed(KeyCode::F1) {
        send(Action::ToggleHelp);
    }
    if keys.just_pressed(KeyCode::F2) {
        send(Action::ToggleControls);
    }
    if keys.just_pressed(KeyCode::F11) {
        send(Action::ToggleFullscreen);
    }
    if !focus.0 {
        if ctrl && keys.just_pressed(KeyCode::KeyZ) {
            send(Action::Undo);
        }
        if !ctrl {
            // Shift+1 and Shift+2 are the eleventh and twelfth team (Shift+0 the twentieth).
            let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
            for (i, k) in DIGITS.iter().enumerate() {
                if keys.just_pressed(*k) || keys.just_pressed(NUMPAD[i]) {
                    send(Action::SelectTeam(if shift { i + 10 } else { i }));
                }
            }
            for (code, key) in LETTERS {
                if keys.just_pressed(code) {
                    send(Action::PickBehaviour(key));
                }
            }
            // W: the photo wall on the agreements and final screens, else (at the reveal) the
            // consequences of every behaviour.
            let wall = screen.as_ref().is_some_and(|s| {
                matches!(
                    *s.get(),
                    super::nav::Screen::Agreements | super::nav::Screen::Final
                )
            });
            for (codes, action) in plain_keys(wall) {
                if keys.any_just_pressed(codes.iter().copied()) {
                    send(action);
                }
            }
        }
        if keys.just_pressed(KeyCode::Escape) {
            send(Action::CloseOverlays);
        }
    }
    if any {
        redraw.write(RequestRedraw);
    }
}

pub struct KeyboardPlugin;

impl Plugin for KeyboardPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<TextFocus>()
            .add_message::<RequestRedraw>()
            .add_systems(Update, keyboard_actions.in_set(GameSystems::Input));
    }
}
