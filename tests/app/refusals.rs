//! No silent keys: a key that cannot act now says why in the facilitator's window; teams 11 and 12
//! have keys; M keeps a paused timer paused; twelve teams, twelve colours.

use bevy::prelude::*;

use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::app::timer::DiscussTimer;
use cultuurbarbarenspel::deck::Key;

use super::harness::Harness;

fn to_choose(h: &mut Harness) {
    h.play_to_first_round();
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Choose));
}

#[test]
fn space_while_a_team_is_still_choosing_says_who() {
    let mut h = Harness::new();
    to_choose(&mut h);
    h.press(KeyCode::Digit1);
    h.press(KeyCode::KeyA);
    h.press(KeyCode::Digit3);
    h.press(KeyCode::KeyB);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Choose), "no reveal yet");
    let why = h.refused();
    assert!(
        why.contains("Nog niet alle teams hebben gekozen") && why.contains("Team 2"),
        "{why}"
    );
    assert!(!why.contains("Team 1") && !why.contains("Team 3"), "{why}");
    // Once the last team chose, Space reveals and the reason is gone.
    h.press(KeyCode::Digit2);
    h.press(KeyCode::KeyC);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Reveal));
    assert_eq!(h.notices().refused, None);
}

#[test]
fn a_team_key_without_a_team_and_a_letter_without_a_team_say_why() {
    let mut h = Harness::new();
    to_choose(&mut h);
    h.press(KeyCode::Digit0);
    assert_eq!(h.round().selected_team, None);
    let why = h.refused();
    assert!(
        why.contains("geen team 10") && why.contains("3 teams"),
        "{why}"
    );
    h.press(KeyCode::KeyA);
    let why = h.refused();
    assert!(why.contains("Kies eerst het team (1–3), dan A"), "{why}");
    assert_eq!(h.live().fold().choices, vec![None; 3]);
}

#[test]
fn keys_outside_their_moment_say_why() {
    let mut h = Harness::new();
    h.play_to_first_round();
    // Scenario phase: a letter, the timer, a minute.
    h.press(KeyCode::Digit1);
    h.press(KeyCode::KeyA);
    assert!(h.refused().contains("eerst spatie"), "{}", h.refused());
    h.press(KeyCode::KeyT);
    assert!(h.refused().contains("timer"), "{}", h.refused());
    h.press(KeyCode::KeyM);
    assert!(h.refused().contains("minuut"), "{}", h.refused());
    h.press(KeyCode::KeyP);
    assert!(h.refused().contains("eindscherm"), "{}", h.refused());
    // Undo with nothing to take back (the first round is fixed).
    h.ctrl(KeyCode::KeyZ);
    assert!(h.refused().contains("niets om ongedaan"), "{}", h.refused());
    // A key that acts clears the reason.
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Discuss));
    assert_eq!(h.notices().refused, None);
}

#[test]
fn m_while_paused_adds_a_minute_and_stays_paused() {
    let mut h = Harness::new();
    h.play_to_first_round();
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Discuss));
    assert!(h.app.world().resource::<DiscussTimer>().running);
    h.press(KeyCode::KeyT);
    let before = h.app.world().resource::<DiscussTimer>().remaining;
    assert!(!h.app.world().resource::<DiscussTimer>().running);
    h.press(KeyCode::KeyM);
    let t = h.app.world().resource::<DiscussTimer>();
    assert!(!t.running, "still paused");
    assert_eq!(t.remaining, before + std::time::Duration::from_secs(60));
    assert!(h.refused().contains("blijft gepauzeerd"), "{}", h.refused());
    h.press(KeyCode::KeyT);
    assert!(h.app.world().resource::<DiscussTimer>().running);
}

#[test]
fn twelve_teams_have_twelve_colours_and_keys() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    for _ in 0..9 {
        h.click(Action::AddTeam);
    }
    assert_eq!(h.draft().teams.len(), 12);
    let mut colours: Vec<usize> = h.draft().teams.iter().map(|t| t.colour).collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), 12, "no colour twice");
    h.press(KeyCode::Space);
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Choose));
    h.shift(KeyCode::Digit1);
    assert_eq!(h.round().selected_team, Some(10));
    h.press(KeyCode::KeyB);
    h.shift(KeyCode::Digit2);
    assert_eq!(h.round().selected_team, Some(11));
    h.press(KeyCode::KeyA);
    let choices = h.live().fold().choices.clone();
    assert_eq!(choices[10], Some(Key::B));
    assert_eq!(choices[11], Some(Key::A));
    // Shift+3 would be team 13: there is none, and the reason says so.
    h.shift(KeyCode::Digit3);
    assert!(h.refused().contains("geen team 13"), "{}", h.refused());
}

#[test]
fn the_core_and_the_game_default_to_the_same_number_of_rounds() {
    let h = Harness::new();
    assert_eq!(
        h.draft().rounds,
        cultuurbarbarenspel::session::DEFAULT_ROUNDS as usize
    );
    let colours = cultuurbarbarenspel::session::PALETTE;
    let mut unique = colours.to_vec();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 12);
}

#[test]
fn w_shows_the_consequences_nobody_chose_at_the_reveal_only() {
    use bevy_egui::egui;
    use cultuurbarbarenspel::app::projector::drawn_texts;
    let mut h = Harness::new();
    h.play_to_first_round();
    h.press(KeyCode::KeyW);
    assert!(!h.round().all_consequences);
    assert!(h.refused().contains("onthulling"), "{}", h.refused());
    h.reveal_all_choosing(KeyCode::KeyA);
    let drawn = |h: &mut Harness| drawn_texts(h.app.world_mut(), egui::vec2(1920.0, 1080.0));
    let scenario = h
        .live()
        .session()
        .unwrap()
        .current_scenario()
        .unwrap()
        .clone();
    let b = scenario.behaviour(Key::B).unwrap();
    let before = drawn(&mut h);
    assert!(!before.iter().any(|t| t.contains("niet gekozen")));
    assert!(!before.iter().any(|t| t.contains(&b.consequence)));
    h.press(KeyCode::KeyW);
    assert!(h.round().all_consequences);
    let after = drawn(&mut h);
    // B, C, … nobody chose: each shown, marked as not chosen, with its consequence.
    let marks = after
        .iter()
        .filter(|t| t.as_str() == "niet gekozen")
        .count();
    assert_eq!(marks, scenario.behaviours.len() - 1, "{after:?}");
    assert!(
        after.iter().any(|t| t.contains(&b.consequence)),
        "{after:?}"
    );
    // The next step (and every later reveal) starts with the chosen behaviours only.
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Debrief));
    assert!(!h.round().all_consequences);
}

#[test]
fn the_facilitator_changes_the_next_scenario_mid_session_and_undoes_it() {
    use cultuurbarbarenspel::app::session_link;
    let mut h = Harness::new();
    h.play_to_first_round();
    let first = h.current_scenario_id();
    let coming: Vec<String> = session_link::upcoming(h.live(), 6)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert!(coming.len() >= 2, "{coming:?}");
    assert!(!coming.contains(&first));
    // Play the second in the look-ahead next instead of the first.
    let chosen = coming[1].clone();
    h.click(Action::PlanNext(chosen.clone()));
    assert_eq!(h.notices().refused, None);
    let now: Vec<String> = session_link::upcoming(h.live(), 6)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(now[0], chosen);
    assert_eq!(now[1], coming[0], "the rest keeps its order");
    // Ctrl+Z takes the change back (the round on the screen stays).
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(h.current_scenario_id(), first);
    let back: Vec<String> = session_link::upcoming(h.live(), 6)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(back, coming);
    // Again, and this time play on: the round after the first is the chosen one.
    h.click(Action::PlanNext(chosen.clone()));
    h.reveal_all_choosing(KeyCode::KeyA);
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Scoreboard);
    h.press(KeyCode::Space);
    assert_eq!(h.current_scenario_id(), chosen);
    // Skip it and undo the skip: it is on the screen again.
    h.press(KeyCode::KeyS);
    assert_ne!(h.current_scenario_id(), chosen);
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(h.current_scenario_id(), chosen);
}

#[test]
fn a_plan_made_on_setup_is_played_and_the_recommended_start_comes_first_without_one() {
    use cultuurbarbarenspel::session::Event;
    let levels = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("levels");
    // Without a plan: the deck's recommended start.
    let mut h = Harness::with_deck(levels.join("klantcontact.nl.ron"));
    h.play_to_first_round_on_any_deck();
    assert_eq!(h.current_scenario_id(), "kcc-aangifte-overlijden");

    // With a plan: its first scenario, and the plan is in the journal.
    let mut h = Harness::with_deck(levels.join("klantcontact.nl.ron"));
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    let deck = h.draft().deck.clone().unwrap();
    let last = deck.scenarios.last().unwrap().id.clone();
    let other = deck.scenarios[3].id.clone();
    h.click(Action::PlanToggle(other.clone()));
    h.click(Action::PlanToggle(last.clone()));
    h.click(Action::PlanUp(last.clone()));
    assert_eq!(h.draft().plan, vec![last.clone(), other.clone()]);
    // Toggling again takes one out; the layer filter only changes the list.
    h.click(Action::PlanToggle(other.clone()));
    h.click(Action::PlanToggle(other.clone()));
    h.click(Action::PlanLayer(Some(
        cultuurbarbarenspel::deck::Layer::Values,
    )));
    assert_eq!(h.draft().plan, vec![last.clone(), other.clone()]);
    h.press(KeyCode::Space);
    h.click(Action::ToggleValue {
        set: 0,
        value: deck.values[0].id.clone(),
    });
    h.press(KeyCode::Space);
    assert_eq!(h.current_scenario_id(), last);
    let s = h.live().session().unwrap();
    assert!(
        s.events().iter().any(
            |e| matches!(e, Event::PlanSet { plan } if *plan == [last.clone(), other.clone()])
        )
    );
    assert_eq!(s.upcoming(1), [other]);
}
