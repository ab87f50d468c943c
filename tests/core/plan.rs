//! The session plan: the facilitator orders the scenarios, changes what comes next and undoes it;
//! follow-ups come right after their scenario unless left out; a skipped scenario is not used up.

use cultuurbarbarenspel::lang::Lang;
use std::path::{Path, PathBuf};

use cultuurbarbarenspel::commands::simulate::{self, SimulateArgs};
use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::session::{Event, Session, SessionError, Settings, ValuesMode};

/// Four scenarios; "twee" is followed up by "drie".
const DECK: &str = r#"Deck(
    id: "plan",
    title: "Plandeck",
    language: nl,
    values: [
        Value(id: "klant", name: "Klant", meaning: "."),
        Value(id: "team", name: "Team", meaning: "."),
    ],
    scenarios: [
        Scenario(id: "een", title: "Een", layer: Values, situation: ".",
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"klant": 1, "team": -1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"team": 1, "klant": -1}, consequence: "."),
            ]),
        Scenario(id: "twee", title: "Twee", layer: Rituals, situation: ".", follow_up: Some("drie"),
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"klant": 1, "team": -1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"team": 1, "klant": -1}, consequence: "."),
            ]),
        Scenario(id: "drie", title: "Drie", layer: Heroes, situation: ".",
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"klant": 1, "team": -1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"team": 1, "klant": -1}, consequence: "."),
            ]),
        Scenario(id: "vier", title: "Vier", layer: Symbols, situation: ".",
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"klant": 1, "team": -1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"team": 1, "klant": -1}, consequence: "."),
            ]),
    ],
)"#;

fn plan_deck() -> Deck {
    let file = deck::check_source("plan.ron", DECK, None);
    assert!(!file.has_errors(), "{:?}", file.located());
    file.deck.expect("the test deck parses")
}

fn session(played_before: &[&str]) -> Session {
    let d = plan_deck();
    let mut st = Settings::for_deck(Path::new("plan.ron"), &d, "");
    st.rounds = 4 - played_before.len() as u32;
    st.values_mode = ValuesMode::Shared;
    st.played_before = played_before.iter().map(|s| s.to_string()).collect();
    let mut s = Session::new(st, d).unwrap();
    s.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("klant".into(), 2)],
    })
    .unwrap();
    s
}

fn plan(s: &mut Session, ids: &[&str]) -> Result<(), SessionError> {
    s.apply(Event::PlanSet {
        plan: ids.iter().map(|i| i.to_string()).collect(),
    })
}

fn next(s: &Session) -> String {
    s.next_scenario().expect("a scenario comes next").id.clone()
}

/// Plays the next scenario to its reveal (every team A) and returns its id.
fn play_next(s: &mut Session) -> String {
    let ev = s.next_round_event().expect("a round may begin");
    s.apply(ev).unwrap();
    for t in 0..s.team_count() {
        s.apply(Event::chose(t, Key::A)).unwrap();
    }
    s.apply(Event::Revealed).unwrap();
    s.current_scenario().unwrap().id.clone()
}

#[test]
fn a_plan_is_followed_changed_and_undone() {
    let mut s = session(&[]);
    // "drie", twee's follow-up, left out of the plan: it does not come after twee.
    plan(&mut s, &["vier", "twee", "een"]).unwrap();
    assert_eq!(s.upcoming(4), ["vier", "twee", "een", "drie"]);
    assert_eq!(play_next(&mut s), "vier");
    assert_eq!(play_next(&mut s), "twee");
    assert_eq!(next(&s), "een");
    // The facilitator changes what comes next: with drie in the plan, the follow-up comes first.
    plan(&mut s, &["een", "drie"]).unwrap();
    assert_eq!(next(&s), "drie");
    assert_eq!(s.upcoming(2), ["drie", "een"]);
    // Undo: the earlier plan again.
    s.apply(Event::Undone).unwrap();
    assert_eq!(next(&s), "een");
    assert_eq!(s.state().plan.as_deref().map(<[String]>::len), Some(3));
    // The events replay to the same state (the journal's path).
    let again =
        Session::replay(s.settings().clone(), s.deck().clone(), s.events().to_vec()).unwrap();
    assert_eq!(again.state(), s.state());
    assert_eq!(next(&again), "een");
    // An empty plan gives the seeded draw back.
    plan(&mut s, &[]).unwrap();
    assert_eq!(s.state().plan, None);
    assert_eq!(
        s.describe(s.events().last().unwrap()).nl,
        "Plan losgelaten: de trekking beslist"
    );
}

#[test]
fn a_follow_up_in_the_plan_comes_right_after_its_scenario() {
    let mut s = session(&[]);
    plan(&mut s, &["twee", "een", "drie"]).unwrap();
    assert_eq!(s.upcoming(3), ["twee", "drie", "een"]);
    assert_eq!(play_next(&mut s), "twee");
    assert_eq!(play_next(&mut s), "drie");
    assert_eq!(play_next(&mut s), "een");
    // The plan is used up: the draw gives the rest.
    assert_eq!(next(&s), "vier");
    assert!(
        s.describe(&s.events()[1])
            .nl
            .starts_with("Plan: Twee → Een → Drie"),
        "{}",
        s.describe(&s.events()[1])
    );
}

#[test]
fn a_plan_with_an_unknown_a_double_or_a_played_scenario_is_refused() {
    let mut s = session(&["een"]);
    assert!(matches!(
        plan(&mut s, &["vijf"]),
        Err(SessionError::UnknownScenario(id)) if id == "vijf"
    ));
    let e = plan(&mut s, &["twee", "twee"]).unwrap_err().to_string();
    assert!(e.contains("twee keer"), "{e}");
    // Played before, in the trajectory.
    let e = plan(&mut s, &["een"]).unwrap_err().to_string();
    assert!(e.contains("al gespeeld"), "{e}");
    assert_eq!(s.state().plan, None, "nothing refused was applied");
    // Planned after that: played once, it cannot be planned again.
    plan(&mut s, &["twee"]).unwrap();
    assert_eq!(play_next(&mut s), "twee");
    let e = plan(&mut s, &["twee", "vier"]).unwrap_err().to_string();
    assert!(e.contains("al gespeeld"), "{e}");
}

#[test]
fn a_skipped_scenario_is_not_used_up() {
    let mut s = session(&[]);
    plan(&mut s, &["vier", "een"]).unwrap();
    s.apply(Event::RoundStarted {
        scenario: "vier".into(),
    })
    .unwrap();
    s.apply(Event::RoundSkipped {
        reason: "Geen tijd".into(),
    })
    .unwrap();
    // Not offered again in this session …
    assert_eq!(next(&s), "een");
    assert!(!s.upcoming(4).contains(&"vier".to_string()));
    // … but it may be started, and planned, again: it was not played.
    plan(&mut s, &["vier"]).unwrap();
    s.apply(Event::RoundStarted {
        scenario: "vier".into(),
    })
    .unwrap();
    assert_eq!(s.current_scenario().unwrap().id, "vier");
}

#[test]
fn simulate_follows_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let args = SimulateArgs {
        deck: Some(PathBuf::from("tests/fixtures/decks/mini.ron")),
        teams: 2,
        rounds: 2,
        seed: 7,
        sessions: Some(dir.path().to_path_buf()),
        choices: None,
        agreements: 0,
        plan: vec!["telefoon".into(), "balie".into()],
    };
    let mut out = Vec::new();
    simulate::run(&args, Lang::Nl, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let rounds: Vec<&str> = out.lines().filter(|l| l.starts_with("Ronde ")).collect();
    assert_eq!(
        rounds,
        ["Ronde 1: De telefoon", "Ronde 2: De balie"],
        "{out}"
    );
    let loaded =
        cultuurbarbarenspel::store::read(&dir.path().join("simulatie_mini_t2_r2_s7_plan.jsonl"))
            .unwrap();
    assert!(
        loaded
            .events
            .iter()
            .any(|e| matches!(e, Event::PlanSet { plan } if plan == &["telefoon", "balie"]))
    );
    // A plan naming a scenario the deck does not have is a clear error.
    let bad = SimulateArgs {
        plan: vec!["kantine".into()],
        ..args
    };
    let e = simulate::run(&bad, Lang::Nl, &mut Vec::new()).unwrap_err();
    assert!(e.contains("het plan") && e.contains("kantine"), "{e}");
}

#[test]
fn a_decks_recommended_start_comes_first_and_is_checked() {
    let with_start = DECK.replace(
        "    language: nl,\n",
        "    language: nl,\n    start: \"drie\",\n",
    );
    let d = deck::check_source("plan.ron", &with_start, None)
        .deck
        .expect("parses");
    assert_eq!(d.start.as_deref(), Some("drie"));
    for seed in 0..20 {
        let ids = cultuurbarbarenspel::session::shuffled_ids(&d, seed);
        assert_eq!(ids[0], "drie", "seed {seed}");
        assert_eq!(ids.len(), 4);
    }
    // A start that names no scenario: an error at the field, with a suggestion.
    let wrong = DECK.replace(
        "    language: nl,\n",
        "    language: nl,\n    start: \"dire\",\n",
    );
    let file = deck::check_source("plan.ron", &wrong, None);
    let errors: Vec<_> = file
        .located()
        .into_iter()
        .filter(|l| l.code == "unknown-start")
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", file.located());
    assert_eq!(errors[0].line, 5);
    assert!(errors[0].hint_in(Lang::En).unwrap_or("").contains("drie"));
    // The three decks name theirs (the one their description recommends), in both languages.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("levels");
    for (name, start) in [
        ("klantcontact", "kcc-aangifte-overlijden"),
        ("thuiswerken", "thuis-camera-uit"),
        ("rituelen", "eerste-werkdag-online"),
    ] {
        for lang in ["nl", "en"] {
            let d = deck::load_deck(&root.join(format!("{name}.{lang}.ron"))).unwrap();
            assert_eq!(d.start.as_deref(), Some(start), "{name}.{lang}");
            let mut st = Settings::for_deck(Path::new("x.ron"), &d, "");
            st.seed = 99;
            let s = Session::new(st, d).unwrap();
            assert_eq!(s.draw_order()[0], start);
        }
    }
}

#[test]
fn the_look_ahead_counts_an_open_round_as_played() {
    let mut s = session(&[]);
    plan(&mut s, &["twee", "een", "drie"]).unwrap();
    s.apply(Event::RoundStarted {
        scenario: "twee".into(),
    })
    .unwrap();
    // Twee is open: its follow-up drie comes right after it, then een, then the draw (vier).
    assert_eq!(s.upcoming(5), ["drie", "een", "vier"]);
}
