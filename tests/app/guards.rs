//! What the game refuses or keeps within bounds, and where a resumed session lands.

use bevy::prelude::*;

use super::harness::{Harness, demo_deck};
use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::deck::Key;
use cultuurbarbarenspel::session::{Event, Session, Settings, TeamSpec, ValuesMode};
use cultuurbarbarenspel::store::{self, Recorder};

fn values(list: &[(&str, u8)]) -> Vec<(String, u8)> {
    list.iter().map(|(v, w)| (v.to_string(), *w)).collect()
}

/// A journal in `dir` of a session on the demo deck with three teams, its events applied.
fn journal(dir: &std::path::Path, mode: ValuesMode, events: &[Event]) -> std::path::PathBuf {
    let path = demo_deck();
    let deck = cultuurbarbarenspel::deck::load_deck(&path).unwrap();
    let mut st = Settings::for_deck(&path, &deck, store::deck_hash_of(&deck));
    st.teams = TeamSpec::numbered(3);
    st.rounds = 2;
    st.values_mode = mode;
    let mut rec = Recorder::create(dir, Session::new(st, deck).unwrap()).unwrap();
    for ev in events {
        rec.apply(ev.clone()).unwrap();
    }
    rec.path().to_path_buf()
}

#[test]
fn resume_lands_on_the_screen_of_each_phase() {
    let agreed = Event::ValuesAgreed {
        team: None,
        values: values(&[("klant", 3), ("team", 1)]),
    };
    let deck = cultuurbarbarenspel::deck::load_deck(&demo_deck()).unwrap();
    let first = {
        let mut st = Settings::for_deck(&demo_deck(), &deck, "");
        st.teams = TeamSpec::numbered(3);
        let mut s = Session::new(st, deck.clone()).unwrap();
        s.apply(agreed.clone()).unwrap();
        s.next_round_event().unwrap()
    };
    let mut events: Vec<Event> = Vec::new();
    let mut cases = vec![(events.clone(), Screen::Values, None, vec![vec![]])];
    events.push(agreed);
    let group = vec![values(&[("klant", 3), ("team", 1)])];
    cases.push((events.clone(), Screen::Scoreboard, None, group.clone()));
    events.extend([first, Event::chose(0, Key::B)]);
    cases.push((
        events.clone(),
        Screen::Round,
        Some(Phase::Choose),
        group.clone(),
    ));
    events.extend([
        Event::chose(1, Key::A),
        Event::chose(2, Key::A),
        Event::Revealed,
    ]);
    cases.push((
        events.clone(),
        Screen::Round,
        Some(Phase::Reveal),
        group.clone(),
    ));
    events.push(Event::SessionFinished);
    cases.push((events.clone(), Screen::Final, None, group));

    for (events, screen, phase, agreed) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("sessies");
        let path = journal(&dir, ValuesMode::Shared, &events);
        let mut h = Harness::with_deck_and_sessions(demo_deck(), dir);
        h.click(Action::ResumeSession(path));
        let at = events.len();
        assert_eq!(
            (h.screen(), h.phase()),
            (screen, phase),
            "after {at} events"
        );
        assert_eq!(h.draft().values, agreed, "after {at} events");
        assert_eq!(h.notices().banner, None);
        assert_eq!(h.live().session().unwrap().events(), events);
    }
}

#[test]
fn undo_does_not_take_back_the_values_or_the_first_round() {
    let mut h = Harness::new();
    h.play_to_first_round();
    let first = h.current_scenario_id();
    let events = h.live().session().unwrap().events().to_vec();
    assert_eq!(events.len(), 2, "{events:?}");
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(
        (h.screen(), h.phase()),
        (Screen::Round, Some(Phase::Scenario))
    );
    assert_eq!(h.current_scenario_id(), first);
    assert_eq!(h.live().session().unwrap().events(), events);
    assert_eq!(h.notices().banner, None);
}

#[test]
fn points_are_adjusted_on_the_round_and_scoreboard_only() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    h.click(Action::SetRounds(1));
    h.press(KeyCode::Space);
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.click(Action::SetAdjustReason("Goed gesprek".into()));
    // Before the session: nothing to adjust, and nothing said.
    h.click(Action::AdjustScore { team: 0, points: 1 });
    assert_eq!(h.notices().banner, None);
    h.press(KeyCode::Space);
    h.reveal_all_choosing(KeyCode::KeyA);
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Agreements);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Final);
    let events = h.live().session().unwrap().events().len();
    let totals = h.live().session().unwrap().totals();
    // On the final screen the button is not there: the click is ignored, not refused by the core.
    h.click(Action::AdjustScore { team: 0, points: 1 });
    assert_eq!(h.notices().banner, None);
    let s = h.live().session().unwrap();
    assert_eq!((s.events().len(), s.totals()), (events, totals));
}

#[test]
fn the_values_mode_is_fixed_once_the_rounds_run() {
    let mut h = Harness::new();
    h.play_to_first_round();
    let agreed = h.draft().values.clone();
    assert_eq!(agreed, vec![values(&[("klant", 2), ("team", 3)])]);
    h.click(Action::SetSharedValues(false));
    assert!(h.draft().shared_values);
    assert_eq!(h.draft().values, agreed);
}

#[test]
fn weights_rounds_seconds_and_text_size_stay_in_range() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    let mut rounds = vec![];
    for r in [0, 1, 2, 3, 4, 99] {
        h.click(Action::SetRounds(r));
        rounds.push(h.draft().rounds);
    }
    assert_eq!(
        rounds,
        [1, 1, 2, 3, 3, 3],
        "the demo deck has three scenarios"
    );
    h.click(Action::SetDiscussSeconds(100_000));
    assert_eq!(h.draft().discuss_secs, 3600);
    h.click(Action::TextSize(100));
    assert_eq!(h.prefs().text_size, 15);
    h.click(Action::TextSize(-100));
    assert_eq!(h.prefs().text_size, -5);

    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    let mut weights = vec![];
    for w in [0, 1, 2, 3, 4, 255] {
        h.click(Action::SetWeight {
            set: 0,
            value: "klant".into(),
            weight: w,
        });
        weights.push(h.draft().values[0][0].1);
    }
    assert_eq!(weights, [1, 1, 2, 3, 3, 3]);
}

#[test]
fn removing_a_team_removes_its_own_values() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    let per_team = [
        Event::ValuesAgreed {
            team: Some(0),
            values: values(&[("klant", 3)]),
        },
        Event::ValuesAgreed {
            team: Some(1),
            values: values(&[("regels", 2)]),
        },
        Event::ValuesAgreed {
            team: Some(2),
            values: values(&[("team", 1), ("tempo", 2)]),
        },
    ];
    let path = journal(&dir, ValuesMode::PerTeam, &per_team);
    let mut h = Harness::with_deck_and_sessions(demo_deck(), dir);
    h.click(Action::ContinueSession(path));
    assert_eq!(h.screen(), Screen::Setup);
    assert!(!h.draft().shared_values);
    assert_eq!(h.draft().values.len(), 3);
    h.click(Action::RemoveTeam(1));
    let names: Vec<&str> = h.draft().teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Team 1", "Team 3"]);
    assert_eq!(
        h.draft().values,
        vec![
            values(&[("klant", 3)]),
            values(&[("team", 1), ("tempo", 2)])
        ]
    );
    // The last two teams stay.
    h.click(Action::RemoveTeam(0));
    assert_eq!(h.draft().teams.len(), 2);
    assert_eq!(h.draft().values.len(), 2);
}

#[test]
fn digit_zero_selects_the_tenth_team() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    for _ in 0..7 {
        h.click(Action::AddTeam);
    }
    assert_eq!(h.draft().teams.len(), 10);
    h.press(KeyCode::Space);
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Choose));
    h.press(KeyCode::Digit0);
    assert_eq!(h.round().selected_team, Some(9));
    h.press(KeyCode::KeyB);
    h.press(KeyCode::Digit9);
    assert_eq!(h.round().selected_team, Some(8));
    h.press(KeyCode::KeyA);
    let mut want = vec![None; 10];
    want[8] = Some(Key::A);
    want[9] = Some(Key::B);
    assert_eq!(h.live().fold().choices, want);
}
