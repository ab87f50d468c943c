//! The screens of the game as Bevy states, and the sub-phases of a round.

use bevy::prelude::*;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Setup,
    /// A later session of a trajectory: how the agreements in force went, kept, revised or dropped.
    Review,
    Values,
    Round,
    Scoreboard,
    /// The group's own agreements: proposals, decisions and the adopted list.
    Agreements,
    Final,
}

/// The steps of one round; exists only while [`Screen::Round`] is active.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Round)]
pub enum Phase {
    #[default]
    Scenario,
    Discuss,
    Choose,
    Reveal,
    Debrief,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Scenario,
        Phase::Discuss,
        Phase::Choose,
        Phase::Reveal,
        Phase::Debrief,
    ];

    pub fn label(self) -> super::i18n::T {
        use super::i18n::T;
        match self {
            Phase::Scenario => T::Scenario,
            Phase::Discuss => T::Discuss,
            Phase::Choose => T::Choose,
            Phase::Reveal => T::Reveal,
            Phase::Debrief => T::Debrief,
        }
    }
}

pub struct ScreensPlugin;

impl Plugin for ScreensPlugin {
    fn build(&self, app: &mut App) {
        app.init_state::<Screen>().add_sub_state::<Phase>();
    }
}
