//! The screens of the game as Bevy states, the sub-phases of a round, and [`Nav`]: where the
//! game stands while the actions of one frame are handled.

use bevy::ecs::system::SystemParam;
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

    pub fn label(self) -> crate::lang::T {
        use crate::lang::T;
        match self {
            Phase::Scenario => T::Scenario,
            Phase::Discuss => T::Discuss,
            Phase::Choose => T::Choose,
            Phase::Reveal => T::Reveal,
            Phase::Debrief => T::Debrief,
        }
    }
}

/// Where the game stands while one frame's actions are handled: a state change only takes effect
/// at the next transition, so the handlers track it here and two actions in one frame see each
/// other's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nav {
    pub screen: Screen,
    /// The round's phase; `None` off the Round screen.
    pub phase: Option<Phase>,
}

impl Nav {
    /// To another screen (no phase).
    pub fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.phase = None;
    }

    /// To the Round screen, in `phase`.
    pub fn round(&mut self, phase: Phase) {
        self.screen = Screen::Round;
        self.phase = Some(phase);
    }

    pub fn is(&self, screen: Screen) -> bool {
        self.screen == screen
    }
}

/// The screen and phase states, read at the start of a frame's actions and set after each.
#[derive(SystemParam)]
pub struct NavStates<'w> {
    screen: Res<'w, State<Screen>>,
    phase: Option<Res<'w, State<Phase>>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    next_phase: ResMut<'w, NextState<Phase>>,
}

impl NavStates<'_> {
    /// Where the game stands as the frame begins.
    pub fn now(&self) -> Nav {
        Nav {
            screen: *self.screen.get(),
            phase: self.phase.as_ref().map(|p| *p.get()),
        }
    }

    /// Moves the states from `before` to where `nav` is now (off the Round screen without a
    /// phase). True when this enters the discussion, whose timer then starts.
    pub fn follow(&mut self, before: Nav, nav: &mut Nav) -> bool {
        if *nav == before {
            return false;
        }
        if nav.screen != before.screen {
            self.next_screen.set(nav.screen);
        }
        match (nav.screen, nav.phase) {
            (Screen::Round, Some(p)) => {
                self.next_phase.set(p);
                p == Phase::Discuss && before.phase != Some(Phase::Discuss)
            }
            _ => {
                nav.phase = None;
                false
            }
        }
    }
}

pub struct ScreensPlugin;

impl Plugin for ScreensPlugin {
    fn build(&self, app: &mut App) {
        app.init_state::<Screen>().add_sub_state::<Phase>();
    }
}
