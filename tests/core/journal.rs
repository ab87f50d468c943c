//! The journal on disk: round trips, torn last lines, damage in the middle, resume, listing.

use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::session::{Event, Session, Settings, TeamSpec};
use cultuurbarbarenspel::store::{self, Journal, RecordError, Recorder, StoreError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const MINI: &str = "tests/fixtures/decks/mini.ron";

fn mini() -> Deck {
    deck::load_deck(Path::new(MINI)).unwrap()
}

fn new_session() -> Session {
    let d = mini();
    let mut st = Settings::for_deck(Path::new(MINI), &d, store::deck_hash_of(&d));
    st.teams = vec![
        TeamSpec::new("Balie", "#E69F00"),
        TeamSpec::new("Backoffice", "#56B4E9"),
    ];
    st.rounds = 2;
    st.seed = 7;
    Session::new(st, d).unwrap()
}

/// Six valid events; with the header the journal has seven lines.
fn script() -> Vec<Event> {
    vec![
        // line 2
        Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 3), ("team".into(), 1)],
        },
        // line 3
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        // line 4
        Event::chose(0, Key::A),
        // line 5
        Event::chose(1, Key::C),
        // line 6
        Event::Revealed,
        // line 7: quotes, a newline and non-ASCII in the reason must survive.
        Event::ScoreAdjusted {
            team: 1,
            points: -1,
            reason: "Te laat, \"echt\" waar\nnieuwe regel — één".into(),
        },
    ]
}

/// The rest of the session after [`script`].
fn more() -> Vec<Event> {
    vec![
        Event::RoundStarted {
            scenario: "telefoon".into(),
        },
        Event::chose(0, Key::A),
        Event::chose(1, Key::B),
        Event::Revealed,
        Event::SessionFinished,
    ]
}

/// Records `events` in a new journal in `dir`; returns its path and the live session.
fn record(dir: &Path, events: Vec<Event>) -> (PathBuf, Session) {
    let mut rec = Recorder::create(dir, new_session()).unwrap();
    for ev in events {
        rec.apply(ev).unwrap();
    }
    let path = rec.path().to_path_buf();
    (path, rec.into_parts().0)
}

fn append_bytes(path: &Path, bytes: &[u8]) {
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(bytes).unwrap();
}

fn assert_same_session(a: &Session, b: &Session) {
    assert_eq!(a.settings(), b.settings());
    assert_eq!(a.events(), b.events());
    assert_eq!(a.state(), b.state());
    assert_eq!(a.results(), b.results());
    assert_eq!(a.totals(), b.totals());
    assert_eq!(a.phase(), b.phase());
}

#[test]
fn recorded_events_read_back_with_their_settings() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path(), script());
    assert_eq!(path.parent().unwrap(), dir.path());
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(name.ends_with("_mini.jsonl"), "{name}");

    let loaded = store::read(&path).unwrap();
    assert_eq!(&loaded.settings, live.settings());
    assert_eq!(loaded.events, script());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.path, path);
    // `created` is an RFC 3339 moment in UTC, e.g. 2026-11-22T14:35:01Z.
    let created = loaded.created.clone().expect("created");
    assert_eq!(created.len(), 20, "{created}");
    assert!(created.ends_with('Z') && created.as_bytes()[10] == b'T');
    // Each event's line: the header is line 1.
    assert_eq!(loaded.line_of(0), Some(2));
    assert_eq!(loaded.line_of(5), Some(7));
    assert_eq!(loaded.line_of(6), None);

    // The file: one header line and one JSON line per event, each ending in a newline.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines[0].starts_with(r#"{"type":"Journal","format":1"#),
        "{}",
        lines[0]
    );
    assert_eq!(lines[3], r#"{"type":"TeamChose","team":0,"key":"A"}"#);
    assert_eq!(lines[5], r#"{"type":"Revealed"}"#);
}

#[test]
fn resume_gives_the_live_session_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path(), script());
    let before = std::fs::read(&path).unwrap();
    let resumed = store::resume(&path, mini()).unwrap();
    assert!(resumed.warnings.is_empty(), "{:?}", resumed.warnings);
    assert_same_session(resumed.recorder.session(), &live);
    // Resuming a whole journal writes nothing.
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let mut rec = resumed.recorder;
    assert_eq!(rec.path(), path);
    for ev in more() {
        rec.apply(ev).unwrap();
    }
    let loaded = store::read(&path).unwrap();
    let all: Vec<Event> = script().into_iter().chain(more()).collect();
    assert_eq!(loaded.events, all);
    let again = store::resume(&path, mini()).unwrap();
    assert_same_session(again.recorder.session(), rec.session());
    // Balie: klant×3, team×1. balie A {klant+2, regels−1}: 3·2 = 6; telefoon A {klant+1, team−1}:
    // 3·1 + 1·(−1) = 2 → 8. Backoffice: balie C {team+2, klant+1, regels−2}: 1·2 + 3·1 = 5;
    // adjusted −1; telefoon B {team+1, klant−2}: 1·1 + 3·(−2) = −5 → 5 − 1 − 5 = −1.
    assert_eq!(again.recorder.session().totals(), vec![8, -1]);
    assert!(again.recorder.session().state().finished);
}

#[test]
fn a_refused_event_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec = Recorder::create(dir.path(), new_session()).unwrap();
    for ev in script() {
        rec.apply(ev).unwrap();
    }
    let before = std::fs::read(rec.path()).unwrap();
    let r = rec.apply(Event::chose(0, Key::B));
    assert!(matches!(r, Err(RecordError::Refused(_))), "{r:?}");
    assert!(r.unwrap_err().to_string().contains("al onthuld"));
    let r = rec.apply(Event::chose(5, Key::A));
    assert!(matches!(r, Err(RecordError::Refused(_))), "{r:?}");
    assert_eq!(std::fs::read(rec.path()).unwrap(), before);
    assert_eq!(rec.session().events(), script().as_slice());
}

#[test]
fn a_header_only_journal_reads_as_no_events() {
    let dir = tempfile::tempdir().unwrap();
    let rec = Recorder::create(dir.path(), new_session()).unwrap();
    let loaded = store::read(rec.path()).unwrap();
    assert!(loaded.events.is_empty());
    assert!(loaded.warnings.is_empty());
    let resumed = store::resume(rec.path(), mini()).unwrap();
    assert_eq!(resumed.recorder.session(), rec.session());
}

#[test]
fn with_journal_writes_the_events_a_session_already_has() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session();
    for ev in script() {
        s.apply(ev).unwrap();
    }
    let path = dir.path().join("eigen.jsonl");
    let journal = Journal::create_at(&path, s.settings(), None).unwrap();
    let rec = Recorder::with_journal(s.clone(), journal).unwrap();
    assert_eq!(rec.path(), path);
    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.events, script());
    assert_eq!(loaded.created, None);
    // create_at never overwrites.
    let r = Journal::create_at(&path, s.settings(), None);
    assert!(matches!(r, Err(StoreError::Io { .. })), "{r:?}");
    assert_eq!(store::read(&path).unwrap().events, script());
}

#[test]
fn two_journals_created_at_once_get_different_names() {
    let dir = tempfile::tempdir().unwrap();
    let s = new_session();
    let a = Journal::create(dir.path(), s.settings()).unwrap();
    let b = Journal::create(dir.path(), s.settings()).unwrap();
    assert_ne!(a.path(), b.path());
    assert!(store::read(a.path()).is_ok() && store::read(b.path()).is_ok());
}

#[test]
fn a_torn_last_line_is_dropped_and_fenced_off_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path(), script());
    // Half a line, no newline: the program died in the middle of writing line 8.
    append_bytes(&path, br#"{"type":"TeamCho"#);
    let torn = std::fs::read(&path).unwrap();

    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.events, script(), "the events before are kept");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let w = &loaded.warnings[0];
    assert!(w.contains(&format!("{}:8:", path.display())), "{w}");
    assert!(w.contains("niet helemaal geschreven"), "{w}");
    assert_eq!(std::fs::read(&path).unwrap(), torn, "read only reads");

    // Resume: the same session, the warning, and a newline plus a Recovered line appended.
    let resumed = store::resume(&path, mini()).unwrap();
    assert!(
        resumed.warnings.iter().any(|w| w.contains(":8:")),
        "{:?}",
        resumed.warnings
    );
    assert_same_session(resumed.recorder.session(), &live);
    let after = std::fs::read(&path).unwrap();
    assert!(
        after.starts_with(&torn),
        "the torn bytes stay where they are"
    );
    assert_eq!(
        &after[torn.len()..],
        b"\n{\"type\":\"Recovered\",\"dropped_line\":8}\n"
    );

    // Further events land after the Recovered line, and read back with all the others.
    let mut rec = resumed.recorder;
    for ev in more() {
        rec.apply(ev).unwrap();
    }
    let loaded = store::read(&path).unwrap();
    let all: Vec<Event> = script().into_iter().chain(more()).collect();
    assert_eq!(loaded.events, all);
    // Line 8 is the torn line, line 9 the Recovered line: the first new event is on line 10.
    assert_eq!(loaded.line_of(5), Some(7));
    assert_eq!(loaded.line_of(6), Some(10));
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].contains(":8:"), "{:?}", loaded.warnings);
    let full = std::fs::read(&path).unwrap();
    assert!(full.starts_with(&after), "never rewritten or truncated");

    // A second resume needs no recovery: nothing is written, the session is the same.
    let again = store::resume(&path, mini()).unwrap();
    assert_same_session(again.recorder.session(), rec.session());
    assert_eq!(std::fs::read(&path).unwrap(), full);
}

#[test]
fn a_torn_line_after_a_recovered_one_is_recovered_too() {
    // Two crashes in a row: each torn line gets its own Recovered line.
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script()[..4].to_vec());
    append_bytes(&path, b"{\"type\":\"Rev"); // line 6
    let mut rec = store::resume(&path, mini()).unwrap().recorder; // line 7: Recovered
    rec.apply(Event::Revealed).unwrap(); // line 8
    append_bytes(&path, b"{\"type\":\"Score"); // line 9
    let prefix = std::fs::read(&path).unwrap();
    let resumed = store::resume(&path, mini()).unwrap();
    assert_eq!(resumed.warnings.len(), 2, "{:?}", resumed.warnings);
    assert!(resumed.warnings[0].contains(":6:"));
    assert!(resumed.warnings[1].contains(":9:"));
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(&prefix));
    assert_eq!(
        &after[prefix.len()..],
        b"\n{\"type\":\"Recovered\",\"dropped_line\":9}\n"
    );
    assert_eq!(store::read(&path).unwrap().events, script()[..5].to_vec());
}

#[test]
fn a_torn_line_that_is_complete_json_stays_dropped_after_resume() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script()[..4].to_vec());
    // The whole event was written but not its newline: by the rules the line does not count.
    append_bytes(&path, br#"{"type":"Revealed"}"#);
    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.events, script()[..4].to_vec());
    assert_eq!(loaded.warnings.len(), 1);
    let mut rec = store::resume(&path, mini()).unwrap().recorder;
    assert_eq!(rec.session().events(), &script()[..4]);
    // After the resume the journal must still read as the resumed session.
    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.events, rec.session().events());
    // The facilitator reveals (again, as far as the session knows): the journal must stay resumable.
    rec.apply(Event::Revealed).unwrap();
    let resumed = store::resume(&path, mini()).expect("the journal resumes");
    assert_eq!(resumed.recorder.session().events(), rec.session().events());
}

#[test]
fn a_corrupt_middle_line_is_an_error_naming_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // Header and five events: six lines.
    let (path, _) = record(dir.path(), script()[..5].to_vec());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert_eq!(lines.len(), 6);
    lines[2] = "{\"type\":\"RoundStarted\",\"scen@@ garbage".into();
    let damaged = lines.join("\n") + "\n";
    std::fs::write(&path, &damaged).unwrap();

    let err = store::read(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { line: 3, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains(":3:"), "{msg}");
    assert!(msg.contains("regel 3 is beschadigd"), "{msg}");
    // Neither reading nor trying to resume changes the file.
    let r = store::resume(&path, mini());
    assert!(
        matches!(r, Err(StoreError::Corrupt { line: 3, .. })),
        "{r:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);
}

#[test]
fn a_well_formed_event_that_does_not_fit_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script()[..4].to_vec());
    // Line 6: a reveal is fine, line 7: a second reveal is not.
    append_bytes(&path, b"{\"type\":\"Revealed\"}\n{\"type\":\"Revealed\"}\n");
    let before = std::fs::read(&path).unwrap();
    assert_eq!(store::read(&path).unwrap().events.len(), 6);
    let err = store::resume(&path, mini()).unwrap_err();
    assert!(matches!(err, StoreError::Replay { line: 7, .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains(&format!("{}:7:", path.display())), "{msg}");
    assert!(msg.contains("gebeurtenis 6 (Revealed)"), "{msg}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn empty_and_foreign_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };

    for (name, bytes) in [("leeg.jsonl", &b""[..]), ("wit.jsonl", &b"\n \n\t"[..])] {
        let p = write(name, bytes);
        let err = store::read(&p).unwrap_err();
        assert!(matches!(err, StoreError::Empty { .. }), "{name}: {err:?}");
        let msg = err.to_string();
        assert!(msg.contains(&p.display().to_string()), "{msg}");
        assert!(msg.contains("het journaal is leeg"), "{msg}");
    }

    let deck_text = std::fs::read(MINI).unwrap();
    #[rustfmt::skip]
    let foreign: [(&str, &[u8]); 5] = [
        ("tekst.jsonl", b"hallo wereld\nnog een regel\n"),
        ("deck.jsonl", &deck_text),
        ("json.jsonl", b"{\"hallo\": 1}\n"),
        // An event where the header should be.
        ("geen-kop.jsonl", b"{\"type\":\"Revealed\"}\n"),
        // The header itself torn.
        ("halve-kop.jsonl", b"{\"type\":\"Journal\",\"form"),
    ];
    for (name, bytes) in foreign {
        let p = write(name, bytes);
        let err = store::read(&p).unwrap_err();
        assert!(
            matches!(err, StoreError::NotAJournal { .. }),
            "{name}: {err:?}"
        );
        let msg = err.to_string();
        assert!(msg.contains(&format!("{}:1:", p.display())), "{msg}");
        assert!(msg.contains("geen sessiejournaal"), "{msg}");
    }

    // A header from a newer program.
    let (path, _) = record(dir.path(), script()[..2].to_vec());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("\"format\":1", "\"format\":2", 1);
    let p = write("nieuw.jsonl", text.as_bytes());
    let err = store::read(&p).unwrap_err();
    assert!(
        matches!(err, StoreError::Format { found: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("formaat 2"), "{err}");

    // A file that does not exist.
    let err = store::read(&dir.path().join("weg.jsonl")).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("weg.jsonl"), "{err}");
}

#[test]
fn invalid_utf8_is_a_clear_error_and_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script()[..3].to_vec());
    let good = std::fs::read(&path).unwrap();

    // In the header.
    let p = dir.path().join("kop.jsonl");
    std::fs::write(&p, b"\xff\xfe{\"type\":\"Journal\"}\n").unwrap();
    let err = store::read(&p).unwrap_err();
    assert!(matches!(err, StoreError::NotAJournal { .. }), "{err:?}");

    // On line 3 of 4 (a whole line, with its newline).
    let text = String::from_utf8(good.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    let mut bytes = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 2 {
            bytes.extend_from_slice(b"{\"type\":\"Round\xc3\x28Started\"}");
        } else {
            bytes.extend_from_slice(l.as_bytes());
        }
        bytes.push(b'\n');
    }
    let p = dir.path().join("midden.jsonl");
    std::fs::write(&p, &bytes).unwrap();
    let err = store::read(&p).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { line: 3, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains(":3:") && msg.contains("UTF-8"), "{msg}");

    // As a torn last line: dropped like any torn line.
    let p = dir.path().join("staart.jsonl");
    let mut bytes = good.clone();
    bytes.extend_from_slice(b"{\"type\":\"\xe2\x82");
    std::fs::write(&p, &bytes).unwrap();
    let loaded = store::read(&p).unwrap();
    assert_eq!(loaded.events, script()[..3].to_vec());
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].contains(":5:"), "{:?}", loaded.warnings);
}

#[test]
fn a_changed_deck_that_still_has_the_played_scenarios_warns_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path(), script());
    let mut changed = mini();
    changed.title = "Mini, herzien".into();
    changed.scenarios[1].situation = "De telefoon gaat om tien voor vijf.".into();
    assert_ne!(store::deck_hash_of(&changed), live.settings().deck_hash);

    let resumed = store::resume(&path, changed.clone()).unwrap();
    assert_eq!(resumed.warnings.len(), 1, "{:?}", resumed.warnings);
    assert!(
        resumed.warnings[0].contains("is veranderd"),
        "{:?}",
        resumed.warnings
    );
    let mut rec = resumed.recorder;
    assert_eq!(rec.session().state(), live.state());
    assert_eq!(rec.session().totals(), live.totals());
    assert_eq!(rec.session().deck(), &changed);
    for ev in more() {
        rec.apply(ev).unwrap();
    }
    assert_eq!(store::read(&path).unwrap().events.len(), 11);
}

#[test]
fn a_deck_that_lost_a_played_scenario_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script());
    let before = std::fs::read(&path).unwrap();
    let mut smaller = mini();
    smaller.scenarios.retain(|s| s.id != "balie");
    let err = store::resume(&path, smaller).unwrap_err();
    match &err {
        StoreError::DeckLacksPlayed { path: p, missing } => {
            assert_eq!(p, &path);
            assert_eq!(missing, &vec!["balie".to_string()]);
        }
        other => panic!("expected DeckLacksPlayed, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(
        msg.contains(&path.display().to_string()) && msg.contains("balie"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the journal is untouched"
    );
}

#[test]
fn a_deck_that_lost_a_chosen_behaviour_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script());
    let mut changed = mini();
    // Backoffice chose balie C on line 5.
    changed.scenarios[0].behaviours.retain(|b| b.key != Key::C);
    let err = store::resume(&path, changed).unwrap_err();
    assert!(matches!(err, StoreError::Replay { line: 5, .. }), "{err:?}");
    assert!(err.to_string().contains(":5:"), "{err}");
}

fn set_modified(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

#[test]
fn list_shows_the_newest_first_and_damaged_ones_with_their_problem() {
    let dir = tempfile::tempdir().unwrap();
    // An older journal: one round of two revealed.
    let (older, _) = record(dir.path(), script());
    // A newer one: finished.
    let all: Vec<Event> = script().into_iter().chain(more()).collect();
    let (newer, _) = record(dir.path(), all);
    // A broken one, and a file that is not a journal at all by its name.
    let broken = dir.path().join("kapot.jsonl");
    std::fs::write(&broken, "dit is geen journaal\n").unwrap();
    std::fs::write(dir.path().join("notities.txt"), "los").unwrap();
    std::fs::create_dir(dir.path().join("map.jsonl")).unwrap();

    let now = SystemTime::now();
    set_modified(&older, now - Duration::from_secs(3600));
    set_modified(&broken, now - Duration::from_secs(60));
    set_modified(&newer, now);

    let list = store::list(dir.path());
    let paths: Vec<&Path> = list.iter().map(|s| s.path.as_path()).collect();
    assert_eq!(
        paths,
        vec![newer.as_path(), broken.as_path(), older.as_path()]
    );

    let (n, b, o) = (&list[0], &list[1], &list[2]);
    assert_eq!(n.problem, None);
    assert_eq!(n.deck_id, "mini");
    assert_eq!(n.deck_path, MINI);
    assert_eq!(n.teams, vec!["Balie".to_string(), "Backoffice".to_string()]);
    assert_eq!(n.rounds, 2);
    assert_eq!(n.played, 2);
    assert!(n.finished);
    assert!(n.created.is_some());

    let problem = b.problem.as_deref().expect("the broken one has a problem");
    assert!(problem.contains("kapot.jsonl"), "{problem}");
    assert!(problem.contains("geen sessiejournaal"), "{problem}");

    assert_eq!(o.problem, None);
    assert_eq!(o.played, 1);
    assert!(!o.finished);

    // Undone reveals and finishes do not count.
    let mut rec = store::resume(&newer, mini()).unwrap().recorder;
    rec.apply(Event::Undone).unwrap(); // the finish
    rec.apply(Event::Undone).unwrap(); // the second reveal
    let list = store::list(dir.path());
    let n = list.iter().find(|s| s.path == newer).unwrap();
    assert_eq!((n.played, n.finished), (1, false));

    // A folder that does not exist is an empty list.
    assert!(store::list(&dir.path().join("nergens")).is_empty());
}
