//! The barbarian move and the ranking by alignment, worked out by hand (see docs/sessions.md).
//!
//! A barbarian move: the team's choice harms (by 2 or more) one of its two heaviest agreed values,
//! another behaviour of the scenario would have served that value, and the choice was not the best
//! the team could do for its own values.

use std::path::Path;

use cultuurbarbarenspel_core::deck::{self, Deck, Key};
use cultuurbarbarenspel_core::session::{
    Event, PALETTE, RankBy, Session, Settings, TeamSpec, ValuesMode, score,
};

/// | scenario | key | effects |
/// | --- | --- | --- |
/// | loket   | A | tempo +3, klant −2 |
/// |         | B | klant +2, tempo −1 |
/// |         | C | regels +2, klant −3, team +1 |
/// |         | D | team +2, regels −2 |
/// |         | E | rust +3, klant −2, regels −2 |
/// | dilemma | A | klant −2, team +2 |
/// |         | B | klant −1, rust +1 |
const DECK: &str = r#"Deck(
    id: "zet",
    title: "Zettendeck",
    language: nl,
    values: [
        Value(id: "klant", name: "Klant", meaning: "."),
        Value(id: "regels", name: "Regels", meaning: "."),
        Value(id: "tempo", name: "Tempo", meaning: "."),
        Value(id: "team", name: "Team", meaning: "."),
        Value(id: "rust", name: "Rust", meaning: "."),
    ],
    scenarios: [
        Scenario(id: "loket", title: "Het loket", layer: Values, situation: "Een rij.",
            behaviours: [
                Behaviour(key: A, text: "Doorwerken", effects: {"tempo": 3, "klant": -2}, consequence: "."),
                Behaviour(key: B, text: "Uitleggen", effects: {"klant": 2, "tempo": -1}, consequence: "."),
                Behaviour(key: C, text: "Regel is regel", effects: {"regels": 2, "klant": -3, "team": 1}, consequence: "."),
                Behaviour(key: D, text: "Collega vragen", effects: {"team": 2, "regels": -2}, consequence: "."),
                Behaviour(key: E, text: "Pauze nemen", effects: {"rust": 3, "klant": -2, "regels": -2}, consequence: "."),
            ]),
        Scenario(id: "dilemma", title: "Het dilemma", layer: Rituals, situation: "Geen goede keus.",
            behaviours: [
                Behaviour(key: A, text: "Samen opvangen", effects: {"klant": -2, "team": 2}, consequence: "."),
                Behaviour(key: B, text: "Even wachten", effects: {"klant": -1, "rust": 1}, consequence: "."),
            ]),
    ],
)"#;

fn zet() -> Deck {
    let file = deck::check_source("zet.ron", DECK, None);
    assert!(!file.has_errors(), "{:?}", file.located());
    file.deck.expect("the test deck parses")
}

fn values(list: &[(&str, u8)]) -> Vec<(String, u8)> {
    list.iter().map(|(v, w)| (v.to_string(), *w)).collect()
}

/// One case: the team's values, the scenario and key chosen, the score, the best, the barbarian
/// moves and what the choice went for.
type Case = (
    &'static [(&'static str, u8)],
    &'static str,
    Key,
    i64,
    i64,
    &'static [&'static str],
    Option<&'static str>,
);

#[test]
fn the_rule_worked_out_by_hand() {
    let d = zet();
    #[rustfmt::skip]
    let cases: [Case; 9] = [
        // klant×3, regels×1 choose loket A: 3·(−2) = −6. Best: B 3·2 = 6 (C −9 + 2 = −7, D −2,
        // E −6 − 2 = −8). Heaviest: klant, regels. klant −2 and B serves it: "Tempo ging voor Klant".
        (&[("klant", 3), ("regels", 1)], "loket", Key::A, -6, 6, &["klant"], Some("tempo")),
        // The same team chooses C: −9 + 2 = −7 < 6; klant −3, served by B; regels +2 is served.
        (&[("klant", 3), ("regels", 1)], "loket", Key::C, -7, 6, &["klant"], Some("regels")),
        // klant×1, team×1, tempo×3 choose A: 1·(−2) + 3·3 = 7, the best (B 2 − 3 = −1, C −3 + 1
        // = −2, D 2, E −2). Heaviest: tempo, then klant (agreed before team). klant −2 and B
        // serves it, but A is the team's best: no barbarian move.
        (&[("klant", 1), ("team", 1), ("tempo", 3)], "loket", Key::A, 7, 7, &[], Some("tempo")),
        // klant×1, team×2, regels×2 choose A: −2. Best: C −3 + 4 + 2 = 3 (B 2, D 4 − 4 = 0,
        // E −2 − 4 = −6). A harms klant, but klant is not among the two heaviest (team, regels).
        (&[("klant", 1), ("team", 2), ("regels", 2)], "loket", Key::A, -2, 3, &[], Some("tempo")),
        // The same team chooses D: 4 − 4 = 0 < 3; regels −2 and C serves it: "Team ging voor Regels".
        (&[("klant", 1), ("team", 2), ("regels", 2)], "loket", Key::D, 0, 3, &["regels"], Some("team")),
        // klant×1, tempo×3 choose B: 2 − 3 = −1 < best A −2 + 9 = 7; tempo only −1: a small harm.
        (&[("klant", 1), ("tempo", 3)], "loket", Key::B, -1, 7, &[], Some("klant")),
        // klant×2, regels×2 choose E: −4 − 4 = −8 < best B 4. klant −2 (B serves it) and regels −2
        // (C serves it), both heavy: two moves, for rust, a value the team did not agree on.
        (&[("klant", 2), ("regels", 2)], "loket", Key::E, -8, 4, &["klant", "regels"], Some("rust")),
        // klant×3, team×1 in the dilemma choose A: −6 + 2 = −4 < best B −3; klant −2, but no other
        // behaviour serves klant: a dilemma, no barbarian move.
        (&[("klant", 3), ("team", 1)], "dilemma", Key::A, -4, -3, &[], Some("team")),
        // The same team chooses B: −3, the best; klant −1: nothing. B raises rust by 1.
        (&[("klant", 3), ("team", 1)], "dilemma", Key::B, -3, -3, &[], Some("rust")),
    ];
    for (set, scenario, key, score_now, best, moves, went_for) in cases {
        let at = format!("{set:?} {scenario} {key}");
        let sc = d.scenario(scenario).unwrap();
        let b = sc.behaviour(key).unwrap();
        let vs = values(set);
        assert_eq!(score::round_score(b, &vs), score_now, "{at}: score");
        assert_eq!(score::best(sc, &vs).0, best, "{at}: best");
        assert_eq!(score::barbarian_values(sc, b, &vs), moves, "{at}: moves");
        assert_eq!(score::went_for(b).as_deref(), went_for, "{at}: went for");
    }
}

/// A value set as written in a test: (value id, weight).
type Set = &'static [(&'static str, u8)];

#[test]
fn the_two_heaviest_values_first_agreed_first_among_equals() {
    #[rustfmt::skip]
    let table: [(Set, &[&str]); 5] = [
        (&[("a", 2), ("b", 3), ("c", 3), ("d", 1)], &["b", "c"]),
        (&[("a", 1), ("b", 1), ("c", 1)], &["a", "b"]),
        (&[("a", 1), ("b", 2)], &["b", "a"]),
        (&[("a", 3)], &["a"]),
        (&[], &[]),
    ];
    for (set, expected) in table {
        assert_eq!(score::heaviest(&values(set)), expected, "{set:?}");
    }
}

fn settings(d: &Deck, mode: ValuesMode) -> Settings {
    let mut s = Settings::for_deck(Path::new("zet.ron"), d, "");
    s.teams = vec![
        TeamSpec::new("Balie", PALETTE[0]),
        TeamSpec::new("Backoffice", PALETTE[1]),
        TeamSpec::new("Directie", PALETTE[2]),
    ];
    s.rounds = 2;
    s.values_mode = mode;
    s
}

/// Values per team: Balie klant×3, regels×3 (six points of weight), Backoffice tempo×1,
/// Directie team×1.
fn per_team() -> Session {
    let d = zet();
    let mut s = Session::new(settings(&d, ValuesMode::PerTeam), d).unwrap();
    for (team, set) in [
        (0, values(&[("klant", 3), ("regels", 3)])),
        (1, values(&[("tempo", 1)])),
        (2, values(&[("team", 1)])),
    ] {
        s.apply(Event::ValuesAgreed {
            team: Some(team),
            values: set,
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

#[test]
fn per_team_ranks_by_alignment_and_ties_share_a_rank() {
    let mut s = per_team();
    assert_eq!(s.rank_by(), RankBy::Alignment);
    // loket. Balie (klant×3, regels×3) chooses C: −9 + 6 = −3; best B 6 (A −6, D −6, E −12) →
    // −300 / 6 = −50 %. klant −3, B serves it, not the best: a barbarian move, for regels.
    // Backoffice (tempo×1) chooses A: 3, the best → 100 %. Directie (team×1) chooses D: 2, the
    // best → 100 %.
    play(&mut s, "loket", &[Key::C, Key::A, Key::D]);
    assert_eq!(s.totals(), vec![-3, 3, 2]);
    let ranking = |s: &Session| -> Vec<(usize, usize, i64, Option<i64>)> {
        s.ranking()
            .into_iter()
            .map(|r| (r.rank, r.team, r.total, r.percent))
            .collect()
    };
    // By points Backoffice (3) would lead Directie (2); by alignment both are at 100 %: they
    // share the first place, Balie third.
    assert_eq!(
        ranking(&s),
        vec![
            (1, 1, 3, Some(100)),
            (1, 2, 2, Some(100)),
            (3, 0, -3, Some(-50))
        ]
    );
    let moves: Vec<(usize, Key, String, Option<String>, i64)> = s
        .barbarian_moves(0)
        .into_iter()
        .map(|m| (m.number, m.key, m.value, m.went_for, m.points))
        .collect();
    // klant: 3·(−3) = −9 points.
    assert_eq!(
        moves,
        vec![(
            1,
            Key::C,
            "klant".to_string(),
            Some("regels".to_string()),
            -9
        )]
    );
    assert!(s.barbarian_moves(1).is_empty() && s.barbarian_moves(2).is_empty());

    // An adjustment counts in the percentage: Balie +9 → 6 of 6 = 100 %, all three first.
    s.apply(Event::ScoreAdjusted {
        team: 0,
        points: 9,
        reason: "Goed gesprek".into(),
    })
    .unwrap();
    assert_eq!(
        ranking(&s),
        vec![
            (1, 0, 6, Some(100)),
            (1, 1, 3, Some(100)),
            (1, 2, 2, Some(100))
        ]
    );
    // The alignment of the choices alone does not change.
    assert_eq!(s.alignment(0).percent(), Some(-50));

    // dilemma. Balie A: −6 (best B −3); Backoffice B: 0, best 0 → 100 %; Directie A: 2, best.
    // Σ: Balie 6 − 6 = 0 of 6 + (−3) = 3 → 0 %; Backoffice 3 of 3; Directie 4 of 4.
    play(&mut s, "dilemma", &[Key::A, Key::B, Key::A]);
    assert_eq!(
        ranking(&s),
        vec![
            (1, 1, 3, Some(100)),
            (1, 2, 4, Some(100)),
            (3, 0, 0, Some(0))
        ]
    );
}

#[test]
fn shared_values_keep_ranking_by_points() {
    let d = zet();
    let mut s = Session::new(settings(&d, ValuesMode::Shared), d).unwrap();
    s.apply(Event::ValuesAgreed {
        team: None,
        values: values(&[("klant", 2), ("tempo", 1)]),
    })
    .unwrap();
    assert_eq!(s.rank_by(), RankBy::Points);
    // klant×2, tempo×1 in loket: A −4 + 3 = −1, B 4 − 1 = 3 (best), E −4 → −1, 3, −4.
    play(&mut s, "loket", &[Key::A, Key::B, Key::E]);
    let ranking: Vec<(usize, usize, i64, Option<i64>)> = s
        .ranking()
        .into_iter()
        .map(|r| (r.rank, r.team, r.total, r.percent))
        .collect();
    // −100 / 3 = −33.3… → −34 (rounded down); 100 %; −400 / 3 = −133.3… → −134.
    assert_eq!(
        ranking,
        vec![
            (1, 1, 3, Some(100)),
            (2, 0, -1, Some(-34)),
            (3, 2, -4, Some(-134))
        ]
    );
    // A: klant −2, heaviest, served by B, not the best: a barbarian move for tempo. E: klant −2
    // too, for rust.
    let r = s.round_result(0).unwrap();
    assert_eq!(r.teams[0].barbarian, ["klant"]);
    assert_eq!(r.teams[0].went_for.as_deref(), Some("tempo"));
    assert!(r.teams[1].barbarian.is_empty());
    assert_eq!(r.teams[2].barbarian, ["klant"]);
    assert_eq!(r.teams[2].went_for.as_deref(), Some("rust"));
}

#[test]
fn rank_by_alignment_puts_a_team_without_a_percentage_last() {
    let got: Vec<(usize, usize)> = score::rank_by(
        RankBy::Alignment,
        &[5, -2, 1, 0],
        &[Some(50), None, Some(50), Some(80)],
    )
    .into_iter()
    .map(|r| (r.rank, r.team))
    .collect();
    // 80 first; the two 50s share second (team order kept); no percentage last.
    assert_eq!(got, vec![(1, 3), (2, 0), (2, 2), (4, 1)]);
}

/// The aim for the three decks: well under a third of the choices flagged (teams with 2, 3 or 4
/// values, every value set and weight, every behaviour). The figures are in docs/sessions.md and
/// `cargo bench --bench barbarian --profile dev` prints them.
#[test]
fn the_decks_flag_well_under_a_third_of_the_choices() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("levels");
    for name in [
        "klantcontact.nl.ron",
        "thuiswerken.nl.ron",
        "rituelen.nl.ron",
    ] {
        let source = std::fs::read_to_string(root.join(name)).unwrap();
        let d = deck::check_source(name, &source, None)
            .deck
            .expect("the deck loads");
        for count in [2, 3] {
            let (now, former) = score::barbarian_share(&d, count);
            assert!(
                now.percent() < 25,
                "{name} with {count} values: {} % flagged ({now:?})",
                now.percent()
            );
            assert!(now.flagged > 0, "{name}: the rule still flags something");
            assert!(now.flagged < former.flagged);
        }
    }
}
