//! Shortcuts that are not about the session itself: help, timer, text size, typing.

use bevy::prelude::*;
use std::time::Duration;

use super::harness::Harness;
use cultuurbarbarenspel::app::input::TextFocus;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::app::timer::DiscussTimer;

#[test]
fn f1_toggles_the_help_and_escape_closes_it() {
    let mut h = Harness::new();
    assert!(!h.prefs().help_open);
    h.press(KeyCode::F1);
    assert!(h.prefs().help_open);
    h.press(KeyCode::F1);
    assert!(!h.prefs().help_open);
    h.press(KeyCode::F1);
    h.press(KeyCode::Escape);
    assert!(!h.prefs().help_open);
}

#[test]
fn t_pauses_and_m_adds_a_minute() {
    let mut h = Harness::new();
    h.play_to_first_round();
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Discuss));
    let secs = u64::from(h.draft().discuss_secs);
    {
        let t = h.app.world().resource::<DiscussTimer>();
        assert!(t.running);
        assert!(t.remaining <= Duration::from_secs(secs));
    }
    h.press(KeyCode::KeyT);
    let paused = h.app.world().resource::<DiscussTimer>().clone();
    assert!(!paused.running);
    h.app.update();
    assert_eq!(
        h.app.world().resource::<DiscussTimer>().remaining,
        paused.remaining,
        "a paused timer stands still"
    );
    h.press(KeyCode::KeyM);
    let t = h.app.world().resource::<DiscussTimer>();
    assert!(!t.running, "adding a minute keeps a paused timer paused");
    // Exactly a minute more.
    let plus = paused.remaining + Duration::from_secs(60);
    assert!(
        t.remaining == plus,
        "{:?} after a minute was added to {:?}",
        t.remaining,
        paused.remaining
    );
}

#[test]
fn typing_in_a_text_field_is_not_a_shortcut() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    h.app.world_mut().resource_mut::<TextFocus>().0 = true;
    h.press(KeyCode::Space);
    h.press(KeyCode::KeyT);
    assert_eq!(
        h.screen(),
        Screen::Setup,
        "space typed into a name must not go on"
    );
    h.app.world_mut().resource_mut::<TextFocus>().0 = false;
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
}

#[test]
fn plus_and_minus_change_the_text_size() {
    let mut h = Harness::new();
    assert_eq!((h.prefs().text_size, h.prefs().text_scale()), (0, 1.0));
    h.press(KeyCode::Equal);
    assert_eq!((h.prefs().text_size, h.prefs().text_scale()), (1, 1.1));
    h.press(KeyCode::Minus);
    h.press(KeyCode::Minus);
    assert_eq!((h.prefs().text_size, h.prefs().text_scale()), (-1, 0.9));
}
