//! Render only when something changes. See docs/rendering.md for what was measured and why.
//!
//! * Bevy runs reactively (`WinitSettings::desktop_app()`): an update happens on input, on a
//!   `RequestRedraw`, or when the wait runs out.
//! * bevy_egui 0.42 pushes an `egui::Event::ModifiersChanged` into every context's input on every
//!   frame, changed or not (`write_egui_input_system`). egui treats any input event as a reason to
//!   repaint at once (`InputState::wants_repaint_after`), so `has_requested_repaint()` is true
//!   after every pass, bevy_egui writes `RequestRedraw`, and the next frame does the same: a loop
//!   that never idles. [`drop_unchanged_modifiers`] removes the event when the modifiers did not
//!   change, which ends the loop; egui keeps the previous modifiers when no such event arrives.
//! * The discussion timer wakes the app once a second while it runs (the wait is shortened to the
//!   next change of the shown second), instead of asking for continuous frames.

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiInput, EguiInputSet, EguiPreUpdateSet, egui};
use std::time::Duration;

use super::nav::Phase;
use super::timer::DiscussTimer;

/// How long the app sleeps on a static screen before it looks again.
pub const IDLE_WAIT: Duration = Duration::from_secs(5);
pub const IDLE_WAIT_UNFOCUSED: Duration = Duration::from_secs(30);

/// Remove `ModifiersChanged` events that repeat the modifiers egui already has.
pub fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        let prev = last.entry(entity).or_default();
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) => {
                if m == prev {
                    false
                } else {
                    *prev = *m;
                    true
                }
            }
            _ => true,
        });
    }
}

/// Present while every frame must render (the demo's screenshots).
#[derive(Resource, Debug, Clone, Copy)]
pub struct KeepRendering;

/// Wake up for the next second of a running timer; otherwise sleep long.
fn schedule_wakeups(
    timer: Res<DiscussTimer>,
    phase: Option<Res<State<Phase>>>,
    mut settings: ResMut<WinitSettings>,
    keep: Option<Res<KeepRendering>>,
) {
    if keep.is_some() {
        let c = WinitSettings::continuous();
        if settings.focused_mode != c.focused_mode || settings.unfocused_mode != c.unfocused_mode {
            *settings = c;
        }
        return;
    }
    let ticking = phase.is_some_and(|p| *p.get() == Phase::Discuss);
    let wait = if ticking {
        timer.until_next_tick()
    } else {
        None
    };
    let (focused, unfocused) = match wait {
        Some(w) => {
            let w = w.max(Duration::from_millis(5));
            (UpdateMode::reactive(w), UpdateMode::reactive_low_power(w))
        }
        None => (
            UpdateMode::reactive(IDLE_WAIT),
            UpdateMode::reactive_low_power(IDLE_WAIT_UNFOCUSED),
        ),
    };
    if settings.focused_mode != focused || settings.unfocused_mode != unfocused {
        settings.focused_mode = focused;
        settings.unfocused_mode = unfocused;
    }
}

pub struct RenderPolicyPlugin;

impl Plugin for RenderPolicyPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(WinitSettings::desktop_app())
            .add_systems(Last, schedule_wakeups);
        // For measuring the difference (docs/rendering.md): leave bevy_egui's loop in place.
        if std::env::var_os("CULTUURBARBAREN_KEEP_EGUI_LOOP").is_none() {
            app.add_systems(
                PreUpdate,
                drop_unchanged_modifiers
                    .after(EguiInputSet::WriteEguiEvents)
                    .before(EguiPreUpdateSet::BeginPass),
            );
        }
    }
}
