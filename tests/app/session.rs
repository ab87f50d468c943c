//! A whole session driven from the keyboard, screen by screen.

use bevy::prelude::*;

use super::harness::{DIGITS, Harness};
use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::deck::Key;
use cultuurbarbarenspel::lang::Lang;

#[test]
fn starts_on_the_title_with_the_deck_loaded() {
    let h = Harness::new();
    assert_eq!(h.screen(), Screen::Title);
    assert_eq!(h.phase(), None);
    assert!(
        h.draft().deck.is_some(),
        "deck error: {:?}",
        h.draft().deck_error
    );
}

#[test]
fn values_must_be_agreed_before_the_rounds() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    h.press(KeyCode::Space);
    assert_eq!(
        h.screen(),
        Screen::Values,
        "no values agreed yet: the rounds must not start"
    );
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.click(Action::ToggleValue {
        set: 0,
        value: "no-such-value".into(),
    });
    assert_eq!(h.draft().values[0], vec![("klant".to_string(), 2)]);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Round);
}

#[test]
fn whole_session_by_keyboard() {
    let mut h = Harness::new();
    let rounds = h.draft().rounds;
    assert_eq!(h.draft().teams.len(), 3);
    h.play_to_first_round();
    for round in 0..rounds {
        assert_eq!(h.phase(), Some(Phase::Scenario), "round {round}");
        h.press(KeyCode::Space);
        assert_eq!(h.phase(), Some(Phase::Discuss));
        h.press(KeyCode::Space);
        assert_eq!(h.phase(), Some(Phase::Choose));
        // Space does not reveal before every team has chosen.
        h.press(KeyCode::Space);
        assert_eq!(h.phase(), Some(Phase::Choose));
        for (team, digit) in DIGITS.iter().enumerate() {
            h.press(*digit);
            assert_eq!(h.round().selected_team, Some(team));
            h.press(KeyCode::KeyA);
        }
        assert_eq!(h.live().fold().choices, vec![Some(Key::A); 3]);
        h.press(KeyCode::Space);
        assert_eq!(h.phase(), Some(Phase::Reveal));
        h.press(KeyCode::Space);
        assert_eq!(h.phase(), Some(Phase::Debrief));
        h.press(KeyCode::Space);
        if round + 1 < rounds {
            assert_eq!(h.screen(), Screen::Scoreboard);
            h.press(KeyCode::Space);
            assert_eq!(h.screen(), Screen::Round);
            assert_eq!(h.live().fold().round, round + 1);
        }
    }
    // After the last round the group makes its agreements; then the final screen.
    assert_eq!(h.screen(), Screen::Agreements);
    assert!(!h.live().fold().finished);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Final);
    assert!(h.live().fold().finished);
    // Space on the final screen does nothing.
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Final);

    // Every event is in the journal: replaying it gives exactly the live state.
    let live = h.live().session().expect("a session");
    let path = h.live().journal_path().expect("a journal").to_path_buf();
    let loaded = cultuurbarbarenspel::store::read(&path).expect("journal reads");
    assert_eq!(loaded.events, live.events());
    let (replayed, warnings) = loaded.replay(live.deck().clone()).expect("replays");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(replayed.state(), live.state());
    assert_eq!(replayed.totals(), live.totals());

    // P saves every team's posters next to the journal, made on another thread: the facilitator
    // sees the progress, then the posters. (A bounded wait for the pool's thread.)
    h.press(KeyCode::KeyP);
    let mut progress = Vec::new();
    for _ in 0..6000 {
        if !h.posters().previews.is_empty() {
            break;
        }
        if let Some(n) = h.notices().notice.clone()
            && progress.last() != Some(&n)
        {
            progress.push(n);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.update();
    }
    assert!(
        progress
            .first()
            .is_some_and(|n| n.starts_with("poster 1 van 6")),
        "{progress:?}"
    );
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let dir = path.with_file_name(format!("{stem}-posters"));
    let files = std::fs::read_dir(&dir).expect("a posters folder").count();
    assert_eq!(files, 6, "two posters for each of three teams");
    assert_eq!(h.posters().previews.len(), 3);
    assert!(
        h.notices()
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("6 posters"))
    );

    // "Zo zijn onze manieren" on one A4 page, next to the journal.
    h.click(Action::SaveManners);
    let manners = path.with_file_name(format!("{stem}-manieren"));
    assert!(manners.join("manieren.html").is_file());
    assert!(manners.join("manieren-a4.png").is_file());
    assert!(
        h.notices()
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("-manieren"))
    );

    // Ctrl+Z on the final screen re-opens the session at the last debrief.
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(
        (h.screen(), h.phase()),
        (Screen::Round, Some(Phase::Debrief))
    );
    assert!(!h.live().fold().finished);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Agreements);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Final);
}

#[test]
fn a_session_resumes_where_it_stood() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    let mut h = Harness::with_deck_and_sessions(super::harness::demo_deck(), dir.clone());
    assert_eq!(h.live().folder, dir);
    h.play_to_first_round();
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    for (t, d) in DIGITS.iter().enumerate() {
        h.press(*d);
        h.press(if t == 1 { KeyCode::KeyB } else { KeyCode::KeyA });
    }
    let path = h.live().journal_path().expect("a journal").to_path_buf();
    let state = h.live().session().unwrap().state().clone();
    drop(h);

    // A new game (the laptop was restarted) with the same journal folder lists the session.
    let mut again = Harness::with_deck_and_sessions(super::harness::demo_deck(), dir);
    let entries = again
        .app
        .world()
        .resource::<cultuurbarbarenspel::app::journal::SessionList>()
        .entries
        .clone();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].path, path);
    assert!(
        entries[0].label.nl.contains("Team 1, Team 2, Team 3"),
        "{}",
        entries[0].label
    );
    again.click(Action::ResumeSession(path.clone()));
    assert_eq!(again.screen(), Screen::Round);
    assert_eq!(again.phase(), Some(Phase::Choose));
    assert_eq!(again.live().session().unwrap().state(), &state);
    assert_eq!(
        again.live().fold().choices,
        vec![Some(Key::A), Some(Key::B), Some(Key::A)]
    );
    // Play goes on, into the same journal.
    again.press(KeyCode::Space);
    assert_eq!(again.phase(), Some(Phase::Reveal));
    let loaded = cultuurbarbarenspel::store::read(&path).unwrap();
    assert!(matches!(
        loaded.events.last(),
        Some(cultuurbarbarenspel::session::Event::Revealed)
    ));
}

#[test]
fn undo_takes_back_a_choice_and_a_reveal() {
    let mut h = Harness::new();
    h.play_to_first_round();
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Choose));
    h.press(KeyCode::Digit2);
    h.press(KeyCode::KeyB);
    assert_eq!(h.live().fold().choices[1], Some(Key::B));
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(h.live().fold().choices[1], None);
    for (t, d) in DIGITS.iter().enumerate() {
        h.press(*d);
        h.press(if t == 0 { KeyCode::KeyC } else { KeyCode::KeyB });
    }
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Reveal));
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(
        h.phase(),
        Some(Phase::Choose),
        "undoing the reveal goes back to choosing"
    );
    assert!(!h.live().fold().revealed);
    assert_eq!(
        h.live().fold().choices,
        vec![Some(Key::C), Some(Key::B), Some(Key::B)]
    );
}

#[test]
fn s_skips_a_scenario_without_counting_it_and_undo_brings_it_back() {
    let mut h = Harness::new();
    h.play_to_first_round();
    let first = h.current_scenario_id();
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Discuss));
    h.press(KeyCode::KeyS);
    assert_eq!(
        h.phase(),
        Some(Phase::Scenario),
        "the next scenario is shown"
    );
    let second = h.current_scenario_id();
    assert_ne!(second, first);
    let s = h.live().session().unwrap();
    assert_eq!(s.rounds_played(), 0, "a skipped round does not count");
    assert_eq!(h.live().fold().round, 0, "the screen still says round 1");
    let journal = std::fs::read_to_string(h.live().journal_path().unwrap()).unwrap();
    assert!(journal.contains("\"RoundSkipped\""), "{journal}");

    h.ctrl(KeyCode::KeyZ);
    assert_eq!(
        (h.screen(), h.phase()),
        (Screen::Round, Some(Phase::Scenario))
    );
    let s = h.live().session().unwrap();
    assert_eq!(
        s.current_scenario().unwrap().id,
        first,
        "one undo takes back the skip"
    );
    assert_eq!(s.state().rounds.len(), 1);

    // Not after the reveal: the round has scores by then.
    h.reveal_all_choosing(KeyCode::KeyA);
    h.press(KeyCode::KeyS);
    assert_eq!(h.phase(), Some(Phase::Reveal));
    assert_eq!(h.live().session().unwrap().rounds_played(), 1);
}

#[test]
fn skipping_the_last_scenario_of_the_deck_ends_the_session_and_undo_reopens_it() {
    let mut h = Harness::new();
    h.play_to_first_round();
    // The demo deck has three scenarios: skip them all.
    h.press(KeyCode::KeyS);
    h.press(KeyCode::KeyS);
    let last = h.current_scenario_id();
    h.press(KeyCode::KeyS);
    assert_eq!(
        h.screen(),
        Screen::Final,
        "no scenario left: the session ends"
    );
    let s = h.live().session().unwrap();
    assert!(s.state().finished);
    assert_eq!(s.rounds_played(), 0);

    h.ctrl(KeyCode::KeyZ);
    assert_eq!(
        (h.screen(), h.phase()),
        (Screen::Round, Some(Phase::Scenario))
    );
    assert_eq!(h.current_scenario_id(), last);
    assert!(!h.live().session().unwrap().state().finished);
}

#[test]
fn the_facilitator_adjusts_points_with_a_reason() {
    let mut h = Harness::new();
    h.play_to_first_round();
    h.reveal_all_choosing(KeyCode::KeyA);
    let before = h.live().session().unwrap().totals();

    // Without a reason the core refuses, and says why.
    h.click(Action::AdjustScore { team: 1, points: 1 });
    assert_eq!(h.live().session().unwrap().totals(), before);
    let banner = h.notices().banner.clone().unwrap_or_default();
    assert!(banner.contains("reden"), "{banner}");

    h.click(Action::SetAdjustReason(
        "Sterk onderbouwd in de nabespreking".into(),
    ));
    h.click(Action::AdjustScore { team: 1, points: 1 });
    h.click(Action::AdjustScore {
        team: 2,
        points: -1,
    });
    let after = h.live().session().unwrap().totals();
    assert_eq!(after[0], before[0]);
    assert_eq!(after[1], before[1] + 1);
    assert_eq!(after[2], before[2] - 1);
    assert_eq!(h.notices().banner, None);
    let journal = std::fs::read_to_string(h.live().journal_path().unwrap()).unwrap();
    assert!(journal.contains("Sterk onderbouwd in de nabespreking"));

    h.ctrl(KeyCode::KeyZ);
    assert_eq!(h.live().session().unwrap().totals()[2], before[2]);
    assert_eq!(
        h.phase(),
        Some(Phase::Reveal),
        "undoing an adjustment stays on the reveal"
    );
}

#[test]
fn a_letter_without_a_team_or_outside_choose_does_nothing() {
    let mut h = Harness::new();
    h.play_to_first_round();
    // Scenario phase: a team and a letter do not choose yet.
    h.press(KeyCode::Digit1);
    h.press(KeyCode::KeyA);
    assert_eq!(h.live().fold().choices, vec![None; 3]);
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.phase(), Some(Phase::Choose));
    // Choose phase: a choice ends the selection, so a second letter belongs to no team.
    h.press(KeyCode::Digit2);
    h.press(KeyCode::KeyB);
    assert_eq!(h.round().selected_team, None);
    h.press(KeyCode::KeyA);
    assert_eq!(h.live().fold().choices, vec![None, Some(Key::B), None]);
    assert_eq!(h.notices().banner, None);
}

#[test]
fn setup_keeps_between_two_and_twelve_teams() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    for _ in 0..20 {
        h.click(Action::AddTeam);
    }
    assert_eq!(h.draft().teams.len(), 12);
    for _ in 0..20 {
        h.click(Action::RemoveTeam(0));
    }
    assert_eq!(h.draft().teams.len(), 2);
    let long = "x".repeat(500);
    h.click(Action::RenameTeam(0, long));
    assert_eq!(
        h.draft().teams[0].name.chars().count(),
        cultuurbarbarenspel::session::MAX_TEAM_NAME
    );
}

#[test]
fn an_empty_or_repeated_team_name_is_named_and_keeps_the_setup_open() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    assert!(h.draft().setup_problems(Lang::Nl).is_empty());

    h.click(Action::RenameTeam(1, "   ".into()));
    assert_eq!(
        h.draft().setup_problems(Lang::Nl),
        ["Team 2 heeft geen naam."]
    );
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup, "Space waits for a name");

    h.click(Action::RenameTeam(1, "balie ".into()));
    h.click(Action::RenameTeam(2, "Balie".into()));
    assert_eq!(
        h.draft().setup_problems(Lang::Nl),
        ["Twee teams heten \"Balie\": geef elk team een eigen naam."]
    );
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    // Nothing typed so far is lost while the set-up is refused.
    assert_eq!(h.draft().teams[1].name, "balie ");

    h.click(Action::RenameTeam(2, "Backoffice".into()));
    assert!(h.draft().setup_problems(Lang::Nl).is_empty());
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    assert_eq!(
        h.draft().problems(Lang::Nl),
        ["Kies minstens één waarde voor de groep."]
    );
}

#[test]
fn per_team_values_need_every_team() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    h.click(Action::SetSharedValues(false));
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    assert_eq!(h.draft().values.len(), 3);
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.click(Action::ToggleValue {
        set: 1,
        value: "regels".into(),
    });
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values, "team 3 has no values yet");
    h.click(Action::ToggleValue {
        set: 2,
        value: "team".into(),
    });
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Round);
    let s = h.live().session().expect("session started");
    assert_eq!(s.team_values(1), &[("regels".to_string(), 2)]);
}

#[test]
fn the_deck_follows_the_language_before_the_session_starts() {
    use cultuurbarbarenspel::app::decks::DeckList;
    use cultuurbarbarenspel::app::i18n::Lang;
    use cultuurbarbarenspel::deck::Language;
    let levels = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("levels");
    let mut h = Harness::with_deck(levels.join("klantcontact.nl.ron"));
    let list = h.app.world().resource::<DeckList>().clone();
    let dutch: Vec<_> = list.for_language(Language::Nl);
    assert!(
        dutch
            .iter()
            .any(|e| e.path.ends_with("klantcontact.nl.ron"))
    );
    assert!(
        !dutch
            .iter()
            .any(|e| e.path.ends_with("klantcontact.en.ron"))
    );

    h.click(Action::SetLanguage(Lang::En));
    let deck = h.draft().deck.as_ref().expect("a deck");
    assert_eq!(deck.language, Language::En);
    assert_eq!(deck.id, "klantcontact");
    assert!(
        h.draft()
            .deck_path
            .as_ref()
            .unwrap()
            .ends_with("klantcontact.en.ron")
    );

    h.click(Action::SetLanguage(Lang::Nl));
    assert_eq!(h.draft().deck.as_ref().unwrap().language, Language::Nl);
}

#[test]
fn a_poll_proposes_the_values_and_the_group_can_change_them() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("peiling.csv");
    std::fs::write(
        &csv,
        "Tijdstempel;De klant centraal;Rechtmatig\n1;5;3\n2;5;4\n",
    )
    .unwrap();
    // Quotes from Windows' "Copy as path" are stripped.
    h.click(Action::SetPollPath(format!("\"{}\"", csv.display())));
    h.click(Action::ImportPoll);
    // Read, shown, not yet taken.
    assert!(h.draft().values[0].is_empty(), "{:?}", h.draft().values);
    let poll = h.poll().preview.clone().unwrap();
    // Means: klant 5 → weight 3; regels 3.5 → weight 2.
    assert_eq!(
        poll.weights,
        vec![("klant".to_string(), 3), ("regels".to_string(), 2)]
    );
    assert_eq!(
        poll.warnings,
        vec![r#"Niet geteld en niet bewaard (maken deelnemers herkenbaar): "Tijdstempel"."#]
    );
    h.click(Action::ApplyPoll(0));
    assert_eq!(
        h.draft().values[0],
        vec![("klant".to_string(), 3), ("regels".to_string(), 2)]
    );
    // The proposal is only a proposal.
    h.click(Action::SetWeight {
        set: 0,
        value: "regels".into(),
        weight: 1,
    });
    assert_eq!(h.draft().values[0][1], ("regels".to_string(), 1));

    // A broken file: a message for the facilitator, the old proposal gone, and the values stay.
    std::fs::write(&csv, "De klant centraal;Rechtmatig\n5;3\n4;1;2\n").unwrap();
    h.click(Action::ImportPoll);
    let error = h.poll().error.clone().unwrap_or_default();
    assert!(error.contains("rij 3 heeft 3 kolommen"), "{error}");
    assert!(h.poll().preview.is_none());
    assert_eq!(h.draft().values[0][1], ("regels".to_string(), 1));

    // "Now" and "desired": desired counts until the facilitator chooses now.
    std::fs::write(
        &csv,
        "De klant centraal – nu;De klant centraal – gewenst;Rechtmatig\n2;5;4\n3;5;4\n",
    )
    .unwrap();
    h.click(Action::ImportPoll);
    assert!(h.poll().error.is_none());
    let poll = h.poll().preview.clone().unwrap();
    assert!(poll.paired);
    assert_eq!(
        poll.weights,
        vec![("klant".to_string(), 3), ("regels".to_string(), 2)]
    );
    h.click(Action::SetPollMoment(
        cultuurbarbarenspel::poll::Moment::Now,
    ));
    // now: klant (2+3)/2 = 2.5 → 1; regels 4 → 2.
    assert_eq!(
        h.poll().preview.clone().unwrap().weights,
        vec![("regels".to_string(), 2), ("klant".to_string(), 1)]
    );
    h.click(Action::ApplyPoll(0));
    assert_eq!(
        h.draft().values[0],
        vec![("regels".to_string(), 2), ("klant".to_string(), 1)]
    );
}

#[test]
fn a_next_session_continues_the_trajectory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    let mut h = Harness::with_deck_and_sessions(super::harness::demo_deck(), dir.clone());
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Setup);
    h.click(Action::RenameTeam(0, "Balie".into()));
    h.press(KeyCode::Space);
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Round);
    let first = h.current_scenario_id();
    h.reveal_all_choosing(KeyCode::KeyA);
    let previous = h.live().journal_path().unwrap().to_path_buf();
    let values = h.draft().values.clone();
    drop(h);

    let mut next = Harness::with_deck_and_sessions(super::harness::demo_deck(), dir);
    next.click(Action::ContinueSession(previous.clone()));
    assert_eq!(next.screen(), Screen::Setup);
    assert_eq!(next.draft().teams[0].name, "Balie", "teams carry over");
    assert_eq!(next.draft().values, values, "agreed values carry over");
    // They can be revised before the rounds start.
    next.click(Action::RenameTeam(1, "Backoffice".into()));
    next.press(KeyCode::Space);
    assert_eq!(next.screen(), Screen::Values);
    next.press(KeyCode::Space);
    assert_eq!(next.screen(), Screen::Round);
    let s = next.live().session().unwrap();
    assert_eq!(
        s.settings().continues.as_deref(),
        Some(previous.display().to_string().as_str()),
        "the journal records the link"
    );
    assert_eq!(s.settings().played_before, vec![first.clone()]);
    assert_ne!(
        s.current_scenario().unwrap().id,
        first,
        "played scenarios are left out"
    );
    assert_eq!(s.settings().teams[1].name, "Backoffice");
    let header = cultuurbarbarenspel::store::read(next.live().journal_path().unwrap()).unwrap();
    assert_eq!(header.settings.played_before, vec![first]);
}

/// The `demo` command's script, played headless: every step reaches the screen it photographs.
#[test]
fn the_demo_script_reaches_every_screen_it_photographs() {
    use cultuurbarbarenspel::app::demo;
    let deck_path = super::harness::demo_deck();
    let deck = cultuurbarbarenspel::deck::load_deck(&deck_path).expect("demo deck");
    let dir = tempfile::tempdir().expect("temp dir");
    let poll = dir.path().join("peiling.csv");
    std::fs::write(&poll, demo::poll_csv(&deck)).expect("poll");
    demo::write_photos(&poll).expect("photos");
    let mut h = Harness::with_deck_and_sessions(deck_path, dir.path().join("sessies"));
    let steps = demo::script(&deck, &poll);
    assert_eq!(steps.len(), 28);
    // .ci/run expects these pictures from the demo and the poster it copies (MIN_PNGS=36), all
    // with distinct names.
    let mut names: Vec<&str> = steps
        .iter()
        .flat_map(|s| s.shots.iter().map(|(name, _)| *name))
        .collect();
    assert_eq!(names.len(), 35);
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 35, "{names:?}");
    let mut first = None;
    for (i, step) in steps.into_iter().enumerate() {
        // The first session ends where the trajectory goes on to the next one.
        if step.actions.contains(&Action::ContinueCurrent) {
            first = h.live().session().cloned();
        }
        for a in step.actions {
            h.app.world_mut().write_message(a);
        }
        h.app.update();
        h.app.update();
        assert_eq!(
            (h.screen(), h.phase()),
            step.expect,
            "step {} ({:?}); banner: {:?}",
            i + 1,
            step.shots,
            h.notices().banner
        );
    }
    let next = h.live().session().cloned().expect("the next session began");
    assert!(
        first.as_ref().is_some_and(|s| s.state().finished),
        "the demo plays the session to its end"
    );
    // The next session of the trajectory, on another deck, opens with the two agreements in force
    // and the group's own value; the review marks how they went.
    use cultuurbarbarenspel::session::Went;
    assert_eq!(next.sitting(), 2);
    assert_ne!(
        next.settings().deck_id,
        first.as_ref().unwrap().settings().deck_id
    );
    assert_eq!(next.agreements().len(), 2);
    assert_eq!(
        next.agreements().iter().map(|a| a.went).collect::<Vec<_>>(),
        vec![Some(Went::Done), Some(Went::Partly)]
    );
    assert!(
        next.own_value("eigen-1")
            .is_some_and(|g| g.name == "Menselijk")
    );
    let h_first = first.unwrap();
    assert!(
        h_first.team_values(0).iter().any(|(v, _)| v == "eigen-1"),
        "the own value was agreed"
    );
    // The group's own output: three proposals from three subgroups, two adopted (one of them
    // revised, its first wording kept), one dropped; and a note on the first debrief question.
    use cultuurbarbarenspel::session::{AgreementKind, AgreementStatus};
    let s = &h_first;
    let a = s.agreements();
    assert_eq!(a.len(), 3);
    assert_eq!(
        a.iter().map(|a| a.status).collect::<Vec<_>>(),
        vec![
            AgreementStatus::Adopted,
            AgreementStatus::Adopted,
            AgreementStatus::Dropped
        ]
    );
    assert_eq!(
        a.iter().map(|a| a.kind).collect::<Vec<_>>(),
        vec![
            AgreementKind::Behaviour,
            AgreementKind::Ritual,
            AgreementKind::Symbol
        ]
    );
    assert_eq!(a[1].history.len(), 1);
    assert!(a[1].text.contains("staan"), "{}", a[1].text);
    assert_eq!(a[0].by, "Subgroep 1");
    assert_eq!(a[0].meets, vec![0, 2]);
    assert!(s.note(0, 0).is_some_and(|n| n.starts_with("Herkenbaar")));
}

#[test]
fn a_sessions_folder_that_cannot_be_written_is_named_on_the_title_screen_and_another_chosen() {
    use cultuurbarbarenspel::app::journal::SessionList;
    let tmp = tempfile::tempdir().unwrap();
    // A file where the folder should be: nothing can be written there.
    let blocked = tmp.path().join("bezet");
    std::fs::write(&blocked, "x").unwrap();
    let mut h =
        Harness::with_deck_and_sessions(super::harness::demo_deck(), blocked.join("sessies"));
    let list = h.app.world().resource::<SessionList>().clone();
    let problem = list
        .problem
        .clone()
        .expect("the folder's problem is known at start");
    assert!(problem.nl.contains("bezet"), "{problem}");
    assert!(
        problem.nl.contains("kan de sessiemap niet maken"),
        "{problem}"
    );
    assert!(
        problem.en.contains("cannot make the sessions folder"),
        "{problem}"
    );
    // No session can start there: Space and the button stay on the Title screen.
    h.press(KeyCode::Space);
    h.click(Action::NewSession);
    assert_eq!(h.screen(), Screen::Title);

    // The facilitator types another folder (pasted with quotes, as "Copy as path" gives it).
    let good = tmp.path().join("goed");
    h.click(Action::SetSessionsPath(format!("\"{}\"", good.display())));
    h.click(Action::UseSessionsFolder);
    let list = h.app.world().resource::<SessionList>().clone();
    assert_eq!(list.problem, None);
    assert_eq!(list.folder, good);
    assert_eq!(h.live().folder, good);
    assert!(good.is_dir());

    // A folder that cannot be used keeps the current one and says why.
    h.click(Action::SetSessionsPath(
        blocked.join("x").display().to_string(),
    ));
    h.click(Action::UseSessionsFolder);
    let list = h.app.world().resource::<SessionList>().clone();
    assert!(
        list.refused
            .as_ref()
            .is_some_and(|p| p.nl.contains("bezet"))
    );
    assert_eq!(list.problem, None, "the current folder still works");
    assert_eq!(h.live().folder, good);

    // The session is recorded in the chosen folder.
    h.play_to_first_round();
    let journal = h.live().journal_path().expect("a journal").to_path_buf();
    assert_eq!(journal.parent(), Some(good.as_path()));
}

#[test]
fn a_resumed_journal_with_a_torn_tail_goes_on_in_a_fresh_one_and_only_the_facilitator_is_told() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessies");
    let mut h = Harness::with_deck_and_sessions(super::harness::demo_deck(), dir.clone());
    h.play_to_first_round();
    let path = h.live().journal_path().expect("a journal").to_path_buf();
    let events = h.live().session().unwrap().events().to_vec();
    drop(h);
    // The power went while a line was written.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut f, b"{\"type\":\"TeamChose\",\"te").unwrap();
    drop(f);
    let torn = std::fs::read(&path).unwrap();

    let mut again = Harness::with_deck_and_sessions(super::harness::demo_deck(), dir);
    again.click(Action::ResumeSession(path.clone()));
    assert_eq!(again.screen(), Screen::Round);
    assert_eq!(again.live().session().unwrap().events(), events.as_slice());
    let fresh = again.live().journal_path().unwrap().to_path_buf();
    assert_ne!(fresh, path);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        torn,
        "the old journal is never edited"
    );
    // The projector's banner stays clear; the facilitator's notice says what happened.
    assert_eq!(again.notices().banner, None);
    let notice = again.notices().notice.clone().unwrap_or_default();
    assert!(notice.contains("nooit bevestigd"), "{notice}");
    assert!(notice.contains("gaat verder in"), "{notice}");
    // Esc dismisses it.
    again.press(KeyCode::Escape);
    assert_eq!(again.notices().notice, None);
}
