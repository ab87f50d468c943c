//! One language per session, everywhere: every refusal and message of the core exists in Dutch and
//! English, and the two differ (apart from messages that are only a name).

use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::lang::{Bi, Lang};
use cultuurbarbarenspel::session::{
    Event, PALETTE, ReplayError, Session, SessionError, Settings, TeamSpec,
};
use std::path::Path;

const DECK: &str = r#"Deck(
    id: "taal",
    title: "Taaldeck",
    language: nl,
    values: [
        Value(id: "open", name: "Openheid", meaning: "We zeggen wat we zien."),
        Value(id: "zorg", name: "Zorgvuldig", meaning: "We doen het in een keer goed."),
    ],
    scenarios: [
        Scenario(id: "een", title: "Een", layer: Values, situation: "Het overleg loopt uit.",
            behaviours: [
                Behaviour(key: A, text: "Zeggen", effects: {"open": 2}, consequence: "."),
                Behaviour(key: B, text: "Nalopen", effects: {"zorg": 3}, consequence: "."),
            ]),
        Scenario(id: "twee", title: "Twee", layer: Rituals, situation: "Een boze mail.",
            behaviours: [
                Behaviour(key: A, text: "Antwoorden", effects: {"open": 1}, consequence: "."),
                Behaviour(key: B, text: "Wachten", effects: {"zorg": 1}, consequence: "."),
            ]),
    ],
)"#;

fn taal() -> Deck {
    let file = deck::check_source("taal.ron", DECK, None);
    assert!(!file.has_errors(), "{:?}", file.located());
    file.deck.expect("the test deck parses")
}

fn settings(lang: Lang) -> Settings {
    let mut s = Settings::for_deck(Path::new("taal.ron"), &taal(), "");
    s.teams = vec![
        TeamSpec::new("Balie", PALETTE[0]),
        TeamSpec::new("Backoffice", PALETTE[1]),
    ];
    s.rounds = 2;
    s.language = lang;
    s
}

/// Both texts are there and say different things.
fn assert_bilingual(m: &Bi) {
    assert!(!m.nl.trim().is_empty() && !m.en.trim().is_empty(), "{m:?}");
    assert_ne!(m.nl, m.en, "the same text in both languages: {m:?}");
}

/// A refusal for every kind of rule this test can break, in order.
fn refusals() -> Vec<SessionError> {
    let mut s = Session::new(settings(Lang::En), taal()).unwrap();
    let mut out = Vec::new();
    let mut refuse = |s: &mut Session, ev: Event| out.push(s.apply(ev).unwrap_err());
    refuse(
        &mut s,
        Event::RoundStarted {
            scenario: "een".into(),
        },
    );
    refuse(&mut s, Event::Undone);
    refuse(&mut s, Event::Revealed);
    refuse(
        &mut s,
        Event::ValuesAgreed {
            team: Some(0),
            values: vec![("open".into(), 2)],
        },
    );
    refuse(
        &mut s,
        Event::ValuesAgreed {
            team: None,
            values: vec![],
        },
    );
    refuse(
        &mut s,
        Event::ValuesAgreed {
            team: None,
            values: vec![("open".into(), 5)],
        },
    );
    refuse(
        &mut s,
        Event::ValuesAgreed {
            team: None,
            values: vec![("nee".into(), 1)],
        },
    );
    refuse(
        &mut s,
        Event::ScoreAdjusted {
            team: 0,
            points: 0,
            reason: "x".into(),
        },
    );
    refuse(
        &mut s,
        Event::ScoreAdjusted {
            team: 7,
            points: 1,
            reason: "x".into(),
        },
    );
    refuse(
        &mut s,
        Event::ScoreAdjusted {
            team: 0,
            points: 5000,
            reason: "x".into(),
        },
    );
    refuse(
        &mut s,
        Event::ScoreAdjusted {
            team: 0,
            points: 1,
            reason: " ".into(),
        },
    );
    refuse(
        &mut s,
        Event::RoundSkipped {
            reason: String::new(),
        },
    );
    refuse(
        &mut s,
        Event::PlanSet {
            plan: vec!["een".into(), "een".into()],
        },
    );
    refuse(
        &mut s,
        Event::PlanSet {
            plan: vec!["nergens".into()],
        },
    );
    refuse(&mut s, Event::PhotoRemoved { photo: 3 });
    s.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("open".into(), 2)],
    })
    .unwrap();
    s.apply(Event::RoundStarted {
        scenario: "een".into(),
    })
    .unwrap();
    refuse(&mut s, Event::chose(0, Key::D));
    refuse(&mut s, Event::Revealed);
    refuse(
        &mut s,
        Event::RoundStarted {
            scenario: "twee".into(),
        },
    );
    refuse(&mut s, Event::SessionFinished);
    out
}

#[test]
fn every_session_refusal_is_in_both_languages() {
    let all = refusals();
    assert!(all.len() >= 18, "{all:?}");
    for e in &all {
        assert_bilingual(&e.message());
        // `Display` keeps the Dutch text for logs.
        assert_eq!(e.to_string(), e.message().nl);
    }
    for e in [
        SessionError::Settings(settings(Lang::En).problems()),
        SessionError::WrongDeck {
            expected: "a".into(),
            found: "b".into(),
        },
        SessionError::UnknownScenario("x".into()),
        SessionError::NoSuchBehaviour {
            scenario: "een".into(),
            key: Key::C,
        },
    ] {
        assert_bilingual(&e.message());
    }
}

#[test]
fn an_english_refusal_reads_english_and_a_dutch_one_dutch() {
    let mut s = Session::new(settings(Lang::En), taal()).unwrap();
    let e = s.apply(Event::Undone).unwrap_err();
    assert_eq!(e.text(Lang::En), "There is nothing to undo.");
    assert_eq!(e.text(Lang::Nl), "Er is niets om ongedaan te maken.");
    let e = s
        .apply(Event::ScoreAdjusted {
            team: 2,
            points: 1,
            reason: "x".into(),
        })
        .unwrap_err();
    assert_eq!(
        e.text(Lang::En),
        "Team 3 does not exist: there are 2 teams."
    );
    assert_eq!(e.text(Lang::Nl), "Team 3 bestaat niet: er zijn 2 teams.");
}

#[test]
fn settings_problems_and_replay_errors_are_in_both_languages() {
    let mut bad = settings(Lang::En);
    bad.teams = vec![
        TeamSpec::new("", "rood"),
        TeamSpec::new("Zelfde", PALETTE[1]),
        TeamSpec::new("zelfde", PALETTE[2]),
    ];
    bad.rounds = 0;
    bad.discussion_secs = 99_999;
    let problems = bad.problems();
    assert_eq!(problems.len(), 5, "{problems:?}");
    problems.iter().for_each(assert_bilingual);
    let e = Session::new(bad, taal()).unwrap_err();
    assert!(
        e.text(Lang::En).starts_with("The settings are not right: "),
        "{e:?}"
    );
    assert!(
        e.text(Lang::Nl)
            .starts_with("De instellingen kloppen niet: "),
        "{e:?}"
    );

    let r: ReplayError =
        Session::replay(settings(Lang::En), taal(), [Event::Revealed]).unwrap_err();
    assert_bilingual(&r.message());
    assert!(
        r.message()
            .en
            .starts_with("event 1 (Revealed) does not fit: "),
        "{r:?}"
    );
}

#[test]
fn the_log_describes_every_event_in_both_languages() {
    let mut s = Session::new(settings(Lang::En), taal()).unwrap();
    s.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("open".into(), 2)],
    })
    .unwrap();
    s.apply(Event::RoundStarted {
        scenario: "een".into(),
    })
    .unwrap();
    s.apply(Event::chose(0, Key::A)).unwrap();
    s.apply(Event::chose(1, Key::B)).unwrap();
    s.apply(Event::Revealed).unwrap();
    s.apply(Event::Undone).unwrap();
    for ev in s.events() {
        assert_bilingual(&s.describe(ev));
    }
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_deck_diagnostic_and_hint_is_in_both_languages() {
    use cultuurbarbarenspel::commands::check;
    let dir = root().join("tests/fixtures/broken");
    let mut files: Vec<_> = check::ron_files_in(&dir)
        .unwrap()
        .iter()
        .map(|p| deck::check_file(p))
        .collect();
    deck::check_across(&mut files);
    let mut seen = 0;
    for f in &files {
        for d in f.located() {
            seen += 1;
            assert_bilingual(&d.message);
            if let Some(h) = &d.hint {
                assert_bilingual(h);
            }
        }
    }
    assert!(seen >= 40, "{seen} diagnostics");
}

#[test]
fn a_dutch_check_reads_dutch_with_the_same_codes() {
    use cultuurbarbarenspel::commands::check::{self, CheckOptions};
    let src = DECK.replace(r#"{"open": 2}"#, r#"{"opne": 2}"#);
    let file = deck::check_source("taal.ron", &src, None);
    let d = &file.located()[0];
    assert_eq!(d.code, "unknown-value");
    assert_eq!(d.message_in(Lang::Nl), "effect op onbekende waarde `opne`");
    assert_eq!(d.message_in(Lang::En), "effect on unknown value `opne`");
    assert_eq!(d.hint_in(Lang::Nl), Some("bedoel je `open`?"));
    assert_eq!(d.hint_in(Lang::En), Some("did you mean `open`?"));
    let head = deck::diag::headline(d, Lang::Nl);
    assert!(head.starts_with("taal.ron:"), "{head}");
    assert!(
        head.ends_with(": error: effect op onbekende waarde `opne`"),
        "{head}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taal.ron");
    std::fs::write(&path, &src).unwrap();
    let opts = CheckOptions::default();
    let run = |lang, json| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let opts = CheckOptions {
            json,
            ..opts.clone()
        };
        let code = check::run_in(std::slice::from_ref(&path), &opts, lang, &mut out, &mut err);
        (code, String::from_utf8(out).unwrap())
    };
    let (code, nl) = run(Lang::Nl, false);
    assert_eq!(code, 1);
    assert!(nl.contains("= tip: bedoel je `open`?"), "{nl}");
    assert!(nl.contains("1 bestand(en) nagekeken: 1 fout(en)"), "{nl}");
    let (_, en) = run(Lang::En, false);
    assert!(en.contains("= hint: did you mean `open`?"), "{en}");
    let (_, json) = run(Lang::Nl, true);
    assert!(json.contains(r#""code":"unknown-value""#), "{json}");
    assert!(json.contains("effect op onbekende waarde"), "{json}");
}

#[test]
fn every_journal_error_is_in_both_languages() {
    use cultuurbarbarenspel::lang::Key as _;
    use cultuurbarbarenspel::store::{Doing, RecordError, StoreError};
    use std::path::PathBuf;
    let path = || PathBuf::from("sessie.jsonl");
    let detail = || Bi {
        nl: "alleen nullen".into(),
        en: "only zeros".into(),
    };
    let replay = Session::replay(settings(Lang::En), taal(), [Event::Revealed]).unwrap_err();
    let mut all = vec![
        StoreError::Empty { path: path() },
        StoreError::NotAJournal {
            path: path(),
            detail: detail(),
        },
        StoreError::Format {
            path: path(),
            found: 9,
        },
        StoreError::Corrupt {
            path: path(),
            line: 3,
            detail: detail(),
        },
        StoreError::Replay {
            path: path(),
            line: 2,
            source: replay,
        },
        StoreError::DeckLacksPlayed {
            path: path(),
            missing: vec!["een".into()],
        },
        StoreError::Locked { path: path() },
        StoreError::Replaced {
            path: path(),
            by: PathBuf::from("b.jsonl"),
        },
        StoreError::Closed {
            path: path(),
            why: detail(),
        },
        StoreError::NoDeck { path: path() },
    ];
    for what in Doing::ALL {
        all.push(StoreError::Io {
            path: path(),
            what: *what,
            source: std::io::ErrorKind::NotFound.into(),
        });
    }
    all.push(StoreError::FailOver {
        path: path(),
        why: detail(),
        error: Box::new(StoreError::Locked { path: path() }),
    });
    for e in &all {
        assert_bilingual(&e.message());
        assert!(e.message().en.contains("sessie.jsonl"), "{e:?}");
        assert_eq!(e.to_string(), e.message().nl);
    }
    let refused = RecordError::from(SessionError::UnknownValue("x".into()));
    assert_eq!(
        refused.text(Lang::En),
        "The value \"x\" is not in the deck."
    );
}

#[test]
fn poll_refusals_warnings_and_summary_are_in_both_languages() {
    use cultuurbarbarenspel::poll;
    let d = deck::load_deck(&root().join("levels/klantcontact.en.ron")).unwrap();
    for bytes in [
        b"".as_slice(),
        b"PK\x03\x04xx",
        b"Zorgvuldig;Doelmatig\n",
        b"Question,Answer\nZorgvuldig,5\n",
        b"Iets,Anders\n1,2\n",
        b"Zorgvuldig (1-4)\n3\n",
    ] {
        let e = poll::import("p.csv", bytes, &d).unwrap_err();
        assert_bilingual(&e.message());
        assert!(e.text(Lang::En).starts_with("p.csv: "), "{e:?}");
    }
    let csv = std::fs::read(root().join("tests/fixtures/poll/msforms-en-csv-utf8.csv")).unwrap();
    let p = poll::import("p.csv", &csv, &d).unwrap();
    assert!(!p.warnings.is_empty());
    p.warnings.iter().for_each(assert_bilingual);
    let en = poll::describe(&p, &d, Lang::En);
    let nl = poll::describe(&p, &d, Lang::Nl);
    assert!(en.contains("participants") && en.contains("Note: "), "{en}");
    assert!(nl.contains("deelnemers") && nl.contains("Let op: "), "{nl}");
}

#[test]
fn photo_refusals_are_in_both_languages() {
    use cultuurbarbarenspel::photos::{self, PhotoError};
    let mut all: Vec<PhotoError> = [
        b"".as_slice(),
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF",
        b"....ftypheic....",
        b"GIF89a......",
        b"hello, this is text",
    ]
    .iter()
    .map(|b| photos::prepare("foto.jpg", b.to_vec()).unwrap_err())
    .collect();
    let dir = tempfile::tempdir().unwrap();
    all.push(photos::prepare_file(dir.path()).unwrap_err());
    all.push(photos::prepare_file(&dir.path().join("weg.jpg")).unwrap_err());
    all.push(PhotoError::TooLarge {
        name: "f.png".into(),
        width: 30_000,
        height: 2,
    });
    all.push(PhotoError::FileTooLarge {
        name: "f.png".into(),
        mb: 300,
    });
    all.push(PhotoError::Store {
        name: "f.png".into(),
        dir: "d".into(),
        detail: "vol".into(),
    });
    for e in &all {
        assert_bilingual(&e.message());
        assert_eq!(e.to_string(), e.message().nl);
    }
}
