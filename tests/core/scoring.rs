//! The session core: scoring worked out by hand, the rules, undo, the seeded draw, and replay.

use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::session::{
    Event, Phase, Session, SessionError, Settings, TeamSpec, ValuesMode, shuffled_ids,
};
use proptest::prelude::*;
use std::path::Path;

/// Four values; two scenarios whose effects make the arithmetic below easy to follow.
const DECK: &str = r#"Deck(
    id: "reken",
    title: "Rekendeck",
    language: nl,
    values: [
        Value(id: "a", name: "Aandacht", meaning: "a"),
        Value(id: "b", name: "Betrouwbaar", meaning: "b"),
        Value(id: "c", name: "Collegiaal", meaning: "c"),
        Value(id: "d", name: "Doelmatig", meaning: "d"),
    ],
    scenarios: [
        Scenario(id: "s1", title: "Een", layer: Values, situation: "Een.",
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"a": 2, "b": -1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"c": 3}, consequence: "."),
                Behaviour(key: C, text: "c", effects: {"d": 1, "a": -3}, consequence: "."),
                Behaviour(key: D, text: "d", effects: {"b": 1, "d": -2}, consequence: "."),
            ]),
        Scenario(id: "s2", title: "Twee", layer: Rituals, situation: "Twee.",
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"a": 1, "b": 1, "c": 1, "d": 1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"a": -1, "c": 2}, consequence: "."),
            ]),
        Scenario(id: "s3", title: "Drie", layer: Heroes, situation: "Drie.",
            behaviours: [
                Behaviour(key: A, text: "a", effects: {"a": 1}, consequence: "."),
                Behaviour(key: B, text: "b", effects: {"b": 1}, consequence: "."),
            ]),
    ],
)"#;

fn deck() -> Deck {
    let file = deck::check_source("reken.ron", DECK, None);
    assert!(!file.has_errors(), "{:?}", file.located());
    file.deck.expect("deck")
}

fn settings(teams: usize, mode: ValuesMode) -> Settings {
    let d = deck();
    let mut s = Settings::for_deck(Path::new("reken.ron"), &d, "");
    s.teams = TeamSpec::numbered(teams);
    s.rounds = 3;
    s.values_mode = mode;
    s
}

fn agreed(values: &[(&str, u8)]) -> Vec<(String, u8)> {
    values.iter().map(|(v, w)| (v.to_string(), *w)).collect()
}

/// Three teams with their own values:
/// team 1: a×3, b×1 · team 2: b×2, c×1 · team 3: c×2, d×3.
fn per_team_session() -> Session {
    let mut s = Session::new(settings(3, ValuesMode::PerTeam), deck()).unwrap();
    for (team, values) in [
        (0, agreed(&[("a", 3), ("b", 1)])),
        (1, agreed(&[("b", 2), ("c", 1)])),
        (2, agreed(&[("c", 2), ("d", 3)])),
    ] {
        s.apply(Event::ValuesAgreed {
            team: Some(team),
            values,
        })
        .unwrap();
    }
    s
}

fn play(s: &mut Session, scenario: &str, keys: &[Key]) {
    s.apply(Event::RoundStarted {
        scenario: scenario.into(),
    })
    .unwrap();
    for (t, k) in keys.iter().enumerate() {
        s.apply(Event::chose(t, *k)).unwrap();
    }
    s.apply(Event::Revealed).unwrap();
}

struct Row {
    team: usize,
    key: Key,
    score: i64,
    best: i64,
    best_keys: &'static [Key],
    barbarian: &'static [&'static str],
    percent: Option<i64>,
}

#[test]
fn round_scores_worked_out_by_hand() {
    let mut s = per_team_session();
    play(&mut s, "s1", &[Key::A, Key::B, Key::A]);
    play(&mut s, "s2", &[Key::B, Key::A, Key::B]);

    let table: [(usize, &[Row]); 2] = [
        (
            0,
            &[
                // team 1 (a×3, b×1) picks s1/A {a:+2, b:−1}: 3·2 + 1·(−1) = 5.
                // Best: A 5, B 0 (c not agreed), C 3·(−3) = −9, D 1·1 = 1 → 5 by A. b fell: barbarian.
                Row {
                    team: 0,
                    key: Key::A,
                    score: 5,
                    best: 5,
                    best_keys: &[Key::A],
                    barbarian: &["b"],
                    percent: Some(100),
                },
                // team 2 (b×2, c×1) picks s1/B {c:+3}: 1·3 = 3.
                // Best: A 2·(−1) = −2, B 3, C 0, D 2·1 = 2 → 3 by B.
                Row {
                    team: 1,
                    key: Key::B,
                    score: 3,
                    best: 3,
                    best_keys: &[Key::B],
                    barbarian: &[],
                    percent: Some(100),
                },
                // team 3 (c×2, d×3) picks s1/A {a:+2, b:−1}: no effect on its values → 0, and b
                // falling is no barbarian move for a team that did not agree on b.
                // Best: A 0, B 2·3 = 6, C 3·1 = 3, D 3·(−2) = −6 → 6 by B; 0 ÷ 6 = 0 %.
                Row {
                    team: 2,
                    key: Key::A,
                    score: 0,
                    best: 6,
                    best_keys: &[Key::B],
                    barbarian: &[],
                    percent: Some(0),
                },
            ],
        ),
        (
            1,
            &[
                // team 1 picks s2/B {a:−1, c:+2}: 3·(−1) = −3 (c not agreed); best A 3+1 = 4.
                // −3 ÷ 4 → −75 %.
                Row {
                    team: 0,
                    key: Key::B,
                    score: -3,
                    best: 4,
                    best_keys: &[Key::A],
                    barbarian: &["a"],
                    percent: Some(-75),
                },
                // team 2 picks s2/A {a,b,c,d:+1}: 2·1 + 1·1 = 3; best A 3 (B: 1·2 = 2).
                Row {
                    team: 1,
                    key: Key::A,
                    score: 3,
                    best: 3,
                    best_keys: &[Key::A],
                    barbarian: &[],
                    percent: Some(100),
                },
                // team 3 picks s2/B: 2·2 = 4; best A 2·1 + 3·1 = 5. 4 ÷ 5 = 80 %.
                Row {
                    team: 2,
                    key: Key::B,
                    score: 4,
                    best: 5,
                    best_keys: &[Key::A],
                    barbarian: &[],
                    percent: Some(80),
                },
            ],
        ),
    ];
    for (index, rows) in table {
        let result = s.round_result(index).expect("revealed");
        for row in rows {
            let t = &result.teams[row.team];
            let at = format!("round {} team {}", index + 1, row.team + 1);
            assert_eq!(t.key, row.key, "{at}");
            assert_eq!(t.score, row.score, "{at}: score");
            assert_eq!(t.best, row.best, "{at}: best");
            assert_eq!(t.best_keys, row.best_keys, "{at}: best keys");
            assert_eq!(t.barbarian, row.barbarian, "{at}: barbarian");
            assert_eq!(t.alignment().percent(), row.percent, "{at}: alignment");
        }
    }

    // Totals: team 1 5 − 3 = 2, team 2 3 + 3 = 6, team 3 0 + 4 = 4.
    assert_eq!(s.totals(), vec![2, 6, 4]);
    let ranks: Vec<(usize, usize)> = s.ranking().iter().map(|r| (r.team, r.rank)).collect();
    assert_eq!(ranks, vec![(1, 1), (2, 2), (0, 3)]);

    // Alignment over both rounds: team 3 (0 + 4) ÷ (6 + 5) = 36 %.
    assert_eq!(s.alignment(2).score, 4);
    assert_eq!(s.alignment(2).best, 11);
    assert_eq!(s.alignment(2).percent(), Some(36));

    // Team 1's value profile: a: effects 2 − 1 = 1, ×3 = 3; b: −1 + 0 = −1, ×1 = −1;
    // c: 0 + 2 = 2 but not agreed → 0 points; d: 0.
    let profile: Vec<(String, Option<u8>, i64, i64)> = s
        .value_totals(0)
        .into_iter()
        .map(|v| (v.value, v.weight, v.effect, v.points))
        .collect();
    assert_eq!(
        profile,
        vec![
            ("a".into(), Some(3), 1, 3),
            ("b".into(), Some(1), -1, -1),
            ("c".into(), None, 2, 0),
            ("d".into(), None, 0, 0),
        ]
    );
    // The profile's points add up to the total.
    assert_eq!(s.value_totals(0).iter().map(|v| v.points).sum::<i64>(), 2);

    // Barbarian moves of team 1: round 1 b (1·−1), round 2 a (3·−1).
    let moves: Vec<(usize, String, i64)> = s
        .barbarian_moves(0)
        .into_iter()
        .map(|m| (m.number, m.value, m.points))
        .collect();
    assert_eq!(moves, vec![(1, "b".into(), -1), (2, "a".into(), -3)]);
}

#[test]
fn ties_share_a_rank_and_adjustments_count() {
    let mut s = per_team_session();
    play(&mut s, "s1", &[Key::A, Key::B, Key::A]);
    play(&mut s, "s2", &[Key::B, Key::A, Key::B]);
    // 2, 6, 4 as above; the facilitator gives team 1 two points: 4, 6, 4.
    s.apply(Event::ScoreAdjusted {
        team: 0,
        points: 2,
        reason: "Goed doorgevraagd".into(),
    })
    .unwrap();
    assert_eq!(s.totals(), vec![4, 6, 4]);
    let ranks: Vec<(usize, usize, i64)> = s
        .ranking()
        .iter()
        .map(|r| (r.team, r.rank, r.total))
        .collect();
    assert_eq!(ranks, vec![(1, 1, 6), (0, 2, 4), (2, 2, 4)]);
    // The adjustment belongs to round 2 (the last one begun) in the round results.
    let r2 = s.round_result(1).unwrap();
    assert_eq!(r2.teams[0].adjusted, 2);
    assert_eq!(r2.teams[0].total, 4);

    // Three teams on equal totals all share rank 1.
    assert!(
        cultuurbarbarenspel::session::score::rank(&[10, 10, 10])
            .iter()
            .all(|r| r.rank == 1)
    );
    let ranks: Vec<usize> = cultuurbarbarenspel::session::score::rank(&[7, 10, 10, -2])
        .iter()
        .map(|r| r.rank)
        .collect();
    assert_eq!(ranks, vec![1, 1, 3, 4]);
}

#[test]
fn shared_values_score_every_team_against_the_group_set() {
    let mut s = Session::new(settings(2, ValuesMode::Shared), deck()).unwrap();
    s.apply(Event::ValuesAgreed {
        team: None,
        values: agreed(&[("c", 2), ("a", 1)]),
    })
    .unwrap();
    play(&mut s, "s1", &[Key::B, Key::C]);
    // Team 1: s1/B {c:+3} → 2·3 = 6. Team 2: s1/C {d:+1, a:−3} → 1·(−3) = −3 (d not agreed).
    assert_eq!(s.totals(), vec![6, -3]);
    let r = s.round_result(0).unwrap();
    assert_eq!(r.teams[1].barbarian, vec!["a".to_string()]);
    // Per value in the order agreed: c first.
    let changes: Vec<(String, i64)> = r.teams[0]
        .per_value
        .iter()
        .map(|c| (c.value.clone(), c.points))
        .collect();
    assert_eq!(changes, vec![("c".into(), 6), ("a".into(), 0)]);
}

fn err_text(r: Result<(), SessionError>) -> String {
    r.expect_err("the event must be refused").to_string()
}

#[test]
fn broken_rules_are_errors_a_facilitator_understands() {
    let mut s = Session::new(settings(3, ValuesMode::PerTeam), deck()).unwrap();
    // No round before every team has its values.
    let e = err_text(s.apply(Event::RoundStarted {
        scenario: "s1".into(),
    }));
    assert!(e.contains("waarden"), "{e}");

    let mut s = per_team_session();
    assert!(err_text(s.apply(Event::chose(0, Key::A))).contains("ronde"));
    let e = err_text(s.apply(Event::RoundStarted {
        scenario: "bestaat-niet".into(),
    }));
    assert!(e.contains("bestaat-niet"), "{e}");
    s.apply(Event::RoundStarted {
        scenario: "s2".into(),
    })
    .unwrap();
    // s2 has no behaviour C.
    let e = err_text(s.apply(Event::chose(0, Key::C)));
    assert!(e.contains("geen gedrag C"), "{e}");
    // There is no team 4 (index 3).
    let e = err_text(s.apply(Event::chose(3, Key::A)));
    assert!(e.contains("Team 4 bestaat niet"), "{e}");
    s.apply(Event::chose(0, Key::A)).unwrap();
    // Revealing before every team chose names the teams still thinking.
    let e = err_text(s.apply(Event::Revealed));
    assert!(e.contains("Team 2") && e.contains("Team 3"), "{e}");
    s.apply(Event::chose(1, Key::A)).unwrap();
    s.apply(Event::chose(2, Key::B)).unwrap();
    // A second round cannot start while this one is open.
    let e = err_text(s.apply(Event::RoundStarted {
        scenario: "s1".into(),
    }));
    assert!(e.contains("nog bezig"), "{e}");
    s.apply(Event::Revealed).unwrap();
    // After the reveal, choices are closed; the same scenario cannot be played twice.
    assert!(s.apply(Event::chose(0, Key::B)).is_err());
    let e = err_text(s.apply(Event::RoundStarted {
        scenario: "s2".into(),
    }));
    assert!(e.contains("al gespeeld"), "{e}");
    // A weight of 5 is refused.
    let e = err_text(s.apply(Event::ValuesAgreed {
        team: Some(0),
        values: agreed(&[("a", 5)]),
    }));
    assert!(!e.is_empty());
    s.apply(Event::SessionFinished).unwrap();
    let e = err_text(s.apply(Event::RoundStarted {
        scenario: "s1".into(),
    }));
    assert!(e.contains("afgesloten"), "{e}");
    // A refused event changes nothing.
    assert_eq!(s.state(), &s.fold_from_scratch());
}

#[test]
fn undo_takes_back_choices_reveals_and_the_finish() {
    let mut s = per_team_session();
    s.apply(Event::RoundStarted {
        scenario: "s1".into(),
    })
    .unwrap();
    s.apply(Event::chose(0, Key::A)).unwrap();
    s.apply(Event::chose(0, Key::C)).unwrap(); // changed her mind
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.current_round().unwrap().1.choices[0], Some(Key::A));
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.current_round().unwrap().1.choices[0], None);

    for (t, k) in [Key::A, Key::B, Key::A].into_iter().enumerate() {
        s.apply(Event::chose(t, k)).unwrap();
    }
    s.apply(Event::Revealed).unwrap();
    assert_eq!(s.totals(), vec![5, 3, 0]);
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.totals(), vec![0, 0, 0], "the reveal is taken back");
    assert!(matches!(s.phase(), Phase::RoundOpen { .. }));
    s.apply(Event::Revealed).unwrap();

    s.apply(Event::SessionFinished).unwrap();
    assert!(s.state().finished);
    s.apply(Event::Undone).unwrap();
    assert!(!s.state().finished, "undo re-opens a finished session");
    // The undo events stay in the list (the journal keeps everything).
    assert_eq!(
        s.events()
            .iter()
            .filter(|e| matches!(e, Event::Undone))
            .count(),
        4
    );
    assert_eq!(s.state(), &s.fold_from_scratch());
}

#[test]
fn the_draw_is_fixed_by_the_seed_and_follow_ups_come_next() {
    let klant = deck::load_deck(Path::new("levels/klantcontact.nl.ron")).unwrap();
    let a = shuffled_ids(&klant, 7);
    assert_eq!(a, shuffled_ids(&klant, 7));
    assert_ne!(a, shuffled_ids(&klant, 8));
    let mut sorted = a.clone();
    sorted.sort();
    let mut ids: Vec<String> = klant.scenarios.iter().map(|s| s.id.clone()).collect();
    ids.sort();
    assert_eq!(sorted, ids, "a permutation of the deck");
    // Pinned: ChaCha8 and the shuffle are portable, so this order is the same everywhere.
    assert_eq!(shuffled_ids(&deck(), 1), ["s1", "s3", "s2"]);
    assert_eq!(
        a[..4],
        [
            "held-collega-van-de-maand",
            "bordje-alleen-op-afspraak",
            "woz-brief-verkeerde-datum",
            "held-ria-aan-de-balie"
        ]
    );

    // mini.ron: "balie" names "telefoon" as its follow-up.
    let mini = deck::load_deck(Path::new("tests/fixtures/decks/mini.ron")).unwrap();
    for seed in 0..20 {
        let mut st = Settings::for_deck(Path::new("mini.ron"), &mini, "");
        st.teams = TeamSpec::numbered(2);
        st.rounds = 2;
        st.seed = seed;
        let mut s = Session::new(st, mini.clone()).unwrap();
        s.apply(Event::ValuesAgreed {
            team: None,
            values: agreed(&[("klant", 2)]),
        })
        .unwrap();
        // The sequel waits for the scenario it follows.
        assert_eq!(s.next_scenario().unwrap().id, "balie", "seed {seed}");
        let first = s.next_round_event().unwrap();
        s.apply(first).unwrap();
        s.apply(Event::chose(0, Key::A)).unwrap();
        s.apply(Event::chose(1, Key::B)).unwrap();
        s.apply(Event::Revealed).unwrap();
        assert_eq!(s.next_scenario().unwrap().id, "telefoon", "seed {seed}");
    }
}

/// Random events, many of them refused: the live session and its replay must agree.
fn any_event() -> impl Strategy<Value = Event> {
    let key = prop::sample::select(vec![Key::A, Key::B, Key::C, Key::D, Key::E]);
    prop_oneof![
        3 => (0usize..4, key.clone()).prop_map(|(t, k)| Event::chose(t, k)),
        2 => prop::sample::select(vec!["s1", "s2", "s3", "zz"])
            .prop_map(|s| Event::RoundStarted { scenario: s.into() }),
        2 => Just(Event::Revealed),
        2 => Just(Event::Undone),
        1 => (0usize..4, -5i64..5).prop_map(|(team, points)| Event::ScoreAdjusted {
            team,
            points,
            reason: "r".into(),
        }),
        1 => Just(Event::RoundSkipped { reason: String::new() }),
        1 => Just(Event::SessionFinished),
        1 => (prop::option::of(0usize..3), prop::collection::vec(
                (prop::sample::select(vec!["a", "b", "c", "x"]), 0u8..5), 0..4))
            .prop_map(|(team, v)| Event::ValuesAgreed {
                team,
                values: v.into_iter().map(|(id, w)| (id.to_string(), w)).collect(),
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn replaying_the_events_gives_the_live_state(
        shared in any::<bool>(),
        events in prop::collection::vec(any_event(), 0..60),
    ) {
        let mode = if shared { ValuesMode::Shared } else { ValuesMode::PerTeam };
        let mut live = Session::new(settings(3, mode), deck()).unwrap();
        for ev in events {
            let before = live.state().clone();
            if live.apply(ev).is_err() {
                prop_assert_eq!(live.state(), &before, "a refused event changed the state");
            }
        }
        let replayed = Session::replay(live.settings().clone(), deck(), live.events().iter().cloned())
            .expect("the accepted events replay");
        prop_assert_eq!(replayed.state(), live.state());
        prop_assert_eq!(replayed.totals(), live.totals());
        prop_assert_eq!(replayed.results(), live.results());
        prop_assert_eq!(live.state(), &live.fold_from_scratch());
    }
}
