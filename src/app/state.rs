//! The game's resources around the session, each of one kind: the set-up draft ([`SetupDraft`]),
//! the interface preferences ([`Prefs`]), what the facilitator is told ([`Notices`]) and what the
//! facilitator has in hand on a screen ([`RoundInput`], [`PollState`], [`ValueDraft`],
//! [`AgreementDraft`]). The live session itself is `session_link::Live`. Only data lives here: the
//! screens (`screens::*`) handle and draw it.

use bevy::prelude::*;
use std::path::PathBuf;

use crate::session::AgreementKind;

use super::draft::Draft;

/// The set-up draft as a resource (see [`Draft`]).
#[derive(Resource, Debug, Clone, Default, Deref, DerefMut)]
pub struct SetupDraft(pub Draft);

/// How the facilitator wants the interface: overlays, panels, text size.
#[derive(Resource, Debug, Clone)]
pub struct Prefs {
    pub help_open: bool,
    pub controls_open: bool,
    /// Text size in steps of 10 % around 100 %.
    pub text_size: i32,
    /// The rules card is on the projector.
    pub rules_open: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            help_open: false,
            controls_open: true,
            text_size: 0,
            rules_open: false,
        }
    }
}

impl Prefs {
    pub fn text_scale(&self) -> f32 {
        (1.0 + self.text_size as f32 * 0.1).clamp(0.5, 2.5)
    }
}

/// What the facilitator is told, in the facilitator's window only (never on the projector).
#[derive(Resource, Debug, Clone, Default)]
pub struct Notices {
    /// The last error to show in a banner (session core, journal, deck).
    pub banner: Option<String>,
    /// A message that is not an error, e.g. where the posters were saved.
    pub notice: Option<String>,
    /// Why the last key (or click) could do nothing now; the next action clears it.
    pub refused: Option<String>,
}

impl Notices {
    /// The outcome of something the facilitator asked: an error goes to the banner.
    pub fn on_err(&mut self, done: Result<(), String>) {
        if let Err(e) = done {
            self.banner = Some(e);
        }
    }
}

// What the facilitator has in hand on a screen. Each screen module handles and draws its own
// (`screens::round`, `screens::values`, `screens::agreements`); the data lives here so that the
// views' `ui::View` can read it without knowing the screens.

/// What the facilitator has in hand during a round.
#[derive(Resource, Debug, Clone, Default)]
pub struct RoundInput {
    /// The team whose behaviour the next letter key chooses.
    pub selected_team: Option<usize>,
    /// The reason for a score adjustment, as typed in the facilitator's controls.
    pub adjust_reason: String,
    /// At the reveal: the consequences of every behaviour, also those no team chose.
    pub all_consequences: bool,
}

/// The pre-session poll on the Values screen: the file typed, what its import found (until the
/// facilitator takes it or reads another file), and which moment counts.
#[derive(Resource, Debug, Clone)]
pub struct PollState {
    pub path: String,
    pub preview: Option<PollPreview>,
    /// Why the last poll import failed: shown in the facilitator's window only (the path may
    /// name a person's home folder).
    pub error: Option<String>,
    pub moment: crate::poll::Moment,
    /// Whether the projector shows the poll's result (ranked bars).
    pub shown: bool,
}

impl Default for PollState {
    fn default() -> Self {
        PollState {
            path: String::new(),
            preview: None,
            error: None,
            moment: crate::poll::Moment::Desired,
            shown: false,
        }
    }
}

/// What a poll import proposes, shown to the facilitator (never on the projector) until taken.
#[derive(Debug, Clone, PartialEq)]
pub struct PollPreview {
    /// The file read, as resolved from what was typed.
    pub file: PathBuf,
    pub summary: String,
    pub warnings: Vec<String>,
    /// Answers to open questions: for the facilitator only.
    pub free_text: Vec<crate::poll::FreeText>,
    pub weights: Vec<(String, u8)>,
    /// Whether the poll asked "now" and "desired" (then the facilitator may choose).
    pub paired: bool,
    /// Every value's support, strongest first (the projector's bars), how many answered, and
    /// whether the support is an average rating (else a share of respondents naming the value).
    pub support: Vec<crate::poll::Support>,
    pub respondents: usize,
    pub ratings: bool,
}

/// What the facilitator is typing: the next proposal, and notes per debrief question.
#[derive(Resource, Debug, Clone, Default)]
pub struct AgreementDraft {
    pub text: String,
    /// The value it serves (a deck value id); the first agreed value when not chosen.
    pub value: Option<String>,
    pub kind: AgreementKind,
    /// The subgroup that proposes it.
    pub by: String,
    /// Checklist questions it meets.
    pub meets: Vec<usize>,
    /// Why the last proposal, decision or note was refused (the typed text stays).
    pub error: Option<String>,
    /// Notes being typed: (round index, question, text).
    pub notes: Vec<(usize, usize, String)>,
}

/// The value being typed on the Values screen.
#[derive(Resource, Debug, Clone, Default)]
pub struct ValueDraft {
    pub name: String,
    pub meaning: String,
    /// The deck value it scores as; `None` stands alone.
    pub link: Option<String>,
    /// The value being reworded (a deck value or the group's own); `None` adds a new one.
    pub editing: Option<String>,
    /// Why the last change was refused (the typed text stays).
    pub error: Option<String>,
}
