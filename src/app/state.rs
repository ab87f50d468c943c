//! The game's resources around the session, each of one kind: the set-up draft ([`SetupDraft`]),
//! the interface preferences ([`Prefs`]) and what the facilitator is told ([`Notices`]). The live
//! session itself is `session_link::Live`; each screen keeps its own input state in its
//! module (e.g. the Round screen's selected team, the Values screen's poll).

use bevy::prelude::*;

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
