//! The render policy: repeated modifier events no longer keep egui repainting.

use bevy::prelude::*;
use bevy_egui::{EguiInput, egui};

use cultuurbarbarenspel::app::render::drop_unchanged_modifiers;

fn set_events(app: &mut App, e: Entity, events: Vec<egui::Event>) {
    if let Some(mut i) = app.world_mut().get_mut::<EguiInput>(e) {
        i.0.events = events;
    }
}

#[test]
fn unchanged_modifiers_are_dropped_and_changes_kept() {
    let mut app = App::new();
    app.add_systems(Update, drop_unchanged_modifiers);
    let mut input = EguiInput::default();
    input.0.events = vec![
        egui::Event::ModifiersChanged(egui::Modifiers::default()),
        egui::Event::PointerGone,
    ];
    let e = app.world_mut().spawn(input).id();
    app.update();
    assert_eq!(
        app.world().get::<EguiInput>(e).map(|i| i.0.events.clone()),
        Some(vec![egui::Event::PointerGone])
    );

    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    set_events(&mut app, e, vec![egui::Event::ModifiersChanged(ctrl)]);
    app.update();
    assert_eq!(
        app.world().get::<EguiInput>(e).map(|i| i.0.events.clone()),
        Some(vec![egui::Event::ModifiersChanged(ctrl)]),
        "a real change reaches egui"
    );
    // The same modifiers again: dropped.
    set_events(&mut app, e, vec![egui::Event::ModifiersChanged(ctrl)]);
    app.update();
    assert_eq!(
        app.world().get::<EguiInput>(e).map(|i| i.0.events.len()),
        Some(0)
    );
}

#[test]
fn timer_wakes_for_the_next_second_only() {
    use cultuurbarbarenspel::app::timer::DiscussTimer;
    use std::time::Duration;
    let mut t = DiscussTimer::default();
    t.start(10);
    assert_eq!(t.until_next_tick(), Some(Duration::from_secs(1)));
    t.remaining = Duration::from_millis(9_250);
    assert_eq!(t.until_next_tick(), Some(Duration::from_millis(250)));
    t.toggle();
    assert_eq!(t.until_next_tick(), None, "a paused timer needs no frames");
}
