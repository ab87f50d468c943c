//! The journal on disk: round trips, torn last lines, damage in the middle, a changed deck, the
//! listing, and a crash test with SIGKILL.

use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::session::{Event, Session, Settings, TeamSpec};
use cultuurbarbarenspel::store::{self, Journal, Recorder, StoreError};
use std::io::Write;
use std::path::{Path, PathBuf};

fn mini() -> Deck {
    deck::load_deck(Path::new("tests/fixtures/decks/mini.ron")).unwrap()
}

fn new_session(teams: usize) -> Session {
    let d = mini();
    let mut st = Settings::for_deck(
        Path::new("tests/fixtures/decks/mini.ron"),
        &d,
        store::deck_hash_of(&d),
    );
    st.teams = TeamSpec::numbered(teams);
    st.rounds = 2;
    Session::new(st, d).unwrap()
}

/// The events of a short session, all valid in order.
fn script() -> Vec<Event> {
    vec![
        Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 3), ("team".into(), 1)],
        },
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        Event::chose(0, Key::A),
        Event::chose(1, Key::C),
        Event::Revealed,
        Event::ScoreAdjusted {
            team: 1,
            points: -1,
            reason: "Te laat, \"echt\" waar\nnieuwe regel".into(),
        },
    ]
}

fn record(dir: &Path) -> (PathBuf, Session) {
    let mut rec = Recorder::create(dir, new_session(2)).unwrap();
    for ev in script() {
        rec.apply(ev).unwrap();
    }
    let path = rec.path().to_path_buf();
    let (session, _) = rec.into_parts();
    (path, session)
}

#[test]
fn a_recorded_session_reads_back_and_resumes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path());
    assert_eq!(path.extension().unwrap(), "jsonl");
    assert!(
        path.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .ends_with("_mini.jsonl")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.lines().count(),
        1 + script().len(),
        "a header and one line per event"
    );
    assert!(
        text.lines()
            .nth(3)
            .unwrap()
            .contains(r#""type":"TeamChose""#)
    );

    let loaded = store::read(&path).unwrap();
    assert_eq!(&loaded.settings, live.settings());
    assert_eq!(loaded.events, script());
    assert!(loaded.warnings.is_empty());
    assert!(loaded.created.as_deref().is_some_and(|c| c.ends_with('Z')));

    let mut resumed = store::resume(&path, mini()).unwrap();
    assert!(resumed.warnings.is_empty());
    assert_eq!(resumed.recorder.session().state(), live.state());
    assert_eq!(resumed.recorder.session().totals(), live.totals());
    // It goes on writing to the same file.
    resumed
        .recorder
        .apply(Event::RoundStarted {
            scenario: "telefoon".into(),
        })
        .unwrap();
    assert_eq!(store::read(&path).unwrap().events.len(), script().len() + 1);
    // A refused event is not written.
    assert!(resumed.recorder.apply(Event::Revealed).is_err());
    assert_eq!(store::read(&path).unwrap().events.len(), script().len() + 1);
}

#[test]
fn a_torn_last_line_is_dropped_and_fenced_off_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path());
    // The program died in the middle of writing the next event.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    f.write_all(br#"{"type":"TeamCho"#).unwrap();
    drop(f);
    let before = std::fs::read(&path).unwrap();

    let loaded = store::read(&path).unwrap();
    assert_eq!(
        loaded.events,
        script(),
        "everything before the torn line is kept"
    );
    assert_eq!(loaded.warnings.len(), 1);
    let line = script().len() + 2;
    assert!(
        loaded.warnings[0].contains(&format!(":{line}:")),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "reading changes nothing"
    );

    let mut resumed = store::resume(&path, mini()).unwrap();
    assert_eq!(resumed.recorder.session().state(), live.state());
    assert_eq!(resumed.warnings.len(), 1);
    resumed
        .recorder
        .apply(Event::RoundStarted {
            scenario: "telefoon".into(),
        })
        .unwrap();
    resumed.recorder.apply(Event::chose(0, Key::B)).unwrap();

    let after = std::fs::read(&path).unwrap();
    assert_eq!(
        &after[..before.len()],
        &before[..],
        "the journal is only appended to, never rewritten"
    );
    let again = store::read(&path).unwrap();
    assert_eq!(again.events.len(), script().len() + 2);
    assert_eq!(again.events.last(), Some(&Event::chose(0, Key::B)));
    assert_eq!(again.warnings.len(), 1, "{:?}", again.warnings);
    // And it resumes again, with the same state as the live one.
    let third = store::resume(&path, mini()).unwrap();
    assert_eq!(
        third.recorder.session().state(),
        resumed.recorder.session().state()
    );
}

#[test]
fn damage_in_the_middle_is_an_error_naming_the_line_and_nothing_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[2] = r#"{"type":"RoundStarted","scenario":"#; // line 3
    let damaged = lines.join("\n") + "\n";
    std::fs::write(&path, &damaged).unwrap();

    let err = store::read(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { line: 3, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains(&format!("{}:3:", path.display())), "{msg}");
    assert!(store::resume(&path, mini()).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);

    // An event that does not fit the session names its line too.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[3] = r#"{"type":"TeamChose","team":7,"key":"A"}"#.into(); // line 4
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let err = store::resume(&path, mini()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains(":4:") && msg.contains("Team 8 bestaat niet"),
        "{msg}"
    );
}

#[test]
fn files_that_are_no_journal_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        ("leeg.jsonl", b"", "leeg"),
        ("spaties.jsonl", b"  \n\n", "leeg"),
        ("tekst.jsonl", b"hallo\n", "geen sessiejournaal"),
        (
            "binair.jsonl",
            &[0xff, 0xfe, 0x00, b'\n'],
            "geen sessiejournaal",
        ),
        (
            "toekomst.jsonl",
            br#"{"type":"Journal","format":99,"settings":{}}
"#,
            "geen sessiejournaal",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let msg = store::read(&path).unwrap_err().to_string();
        assert!(
            msg.contains(name) && msg.contains(expected),
            "{name}: {msg}"
        );
    }
    let missing = store::read(&dir.path().join("weg.jsonl")).unwrap_err();
    assert!(missing.to_string().contains("weg.jsonl"));

    // A newer format with valid settings says so.
    let (path, _) = record(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let newer = text.replacen(r#""format":1"#, r#""format":2"#, 1);
    let future = dir.path().join("nieuwer.jsonl");
    std::fs::write(&future, newer).unwrap();
    let msg = store::read(&future).unwrap_err().to_string();
    assert!(msg.contains("formaat 2"), "{msg}");
}

#[test]
fn a_changed_deck_warns_when_the_played_scenarios_remain_and_stops_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path());

    let mut edited = mini();
    edited.scenarios[1].title = "De telefoon (herschreven)".into();
    let resumed = store::resume(&path, edited).unwrap();
    assert_eq!(resumed.warnings.len(), 1);
    assert!(resumed.warnings[0].contains("veranderd"));
    assert_eq!(resumed.recorder.session().state(), live.state());

    let mut without = mini();
    without.scenarios.retain(|s| s.id != "balie");
    let err = store::resume(&path, without).unwrap_err();
    assert!(matches!(err, StoreError::DeckLacksPlayed { .. }));
    assert!(err.to_string().contains("balie"));
}

#[test]
fn the_listing_is_newest_first_and_shows_damaged_journals() {
    let dir = tempfile::tempdir().unwrap();
    assert!(store::list(&dir.path().join("bestaat-niet")).is_empty());
    let (first, _) = record(dir.path());
    // A second session, finished.
    let mut rec = Recorder::create(dir.path(), new_session(3)).unwrap();
    rec.apply(script()[0].clone()).unwrap();
    rec.apply(Event::SessionFinished).unwrap();
    let second = rec.path().to_path_buf();
    assert_ne!(first, second, "two sessions in one second get two files");
    std::fs::write(dir.path().join("kapot.jsonl"), "{\n").unwrap();
    std::fs::write(dir.path().join("notities.txt"), "geen journaal").unwrap();
    // Make the modification times distinct and ordered: first oldest, then second, then kapot.
    let t = std::time::SystemTime::now();
    for (p, age) in [
        (&first, 30),
        (&second, 20),
        (&dir.path().join("kapot.jsonl"), 10),
    ] {
        let f = std::fs::File::options().append(true).open(p).unwrap();
        f.set_modified(t - std::time::Duration::from_secs(age))
            .unwrap();
    }

    let list = store::list(dir.path());
    assert_eq!(list.len(), 3);
    assert!(list[0].path.ends_with("kapot.jsonl"));
    assert!(list[0].problem.is_some());
    assert_eq!(list[1].path, second);
    assert!(list[1].finished);
    assert_eq!(list[1].teams, vec!["Team 1", "Team 2", "Team 3"]);
    assert_eq!(list[2].path, first);
    assert_eq!(list[2].deck_id, "mini");
    assert_eq!(list[2].played, 1);
    assert!(!list[2].finished);
}

#[test]
fn appends_after_create_at_go_to_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vast.jsonl");
    let s = new_session(2);
    let mut j = Journal::create_at(&path, s.settings(), None).unwrap();
    j.append(&script()[0]).unwrap();
    assert!(
        Journal::create_at(&path, s.settings(), None).is_err(),
        "an existing journal is never overwritten"
    );
    assert_eq!(
        store::read(&path).unwrap().events,
        vec![script()[0].clone()]
    );
}

// ---------------------------------------------------------------------------------------------
// Crash test: a child process records events and says so after each; the parent kills it with
// SIGKILL at random moments and checks that the journal holds every event reported as written, in
// order, and nothing but the event that was being written at the kill.

const CHILD_ENV: &str = "CBS_CRASH_CHILD_JOURNAL";

/// The child's events, in order: values, a round, then choices that keep changing (always valid
/// while the round is open).
fn child_events(n: usize) -> Vec<Event> {
    let mut v = vec![
        Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 2), ("regels".into(), 1)],
        },
        Event::RoundStarted {
            scenario: "balie".into(),
        },
    ];
    let keys = [Key::A, Key::B, Key::C];
    let mut i = 0;
    while v.len() < n {
        v.push(Event::chose(i % 2, keys[(i / 2) % 3]));
        i += 1;
    }
    v
}

/// Runs only as the child of `killed_at_random_moments_nothing_reported_is_lost`.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let journal = Journal::create_at(&path, new_session(2).settings(), None).unwrap();
    let mut rec = Recorder::with_journal(new_session(2), journal).unwrap();
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "written 0").unwrap();
    out.flush().unwrap();
    for (i, ev) in child_events(100_000).into_iter().enumerate() {
        rec.apply(ev).unwrap();
        writeln!(out, "written {}", i + 1).unwrap();
        out.flush().unwrap();
    }
}

#[cfg(unix)]
#[test]
fn killed_at_random_moments_nothing_reported_is_lost() {
    use rand::{Rng, SeedableRng};
    use std::io::Read;
    use std::process::{Command, Stdio};

    let exe = std::env::current_exe().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let expected = child_events(100_000);
    let kills = 200;
    let mut torn = 0;
    let mut mid_session = 0;
    // Kills between the write and the report: the journal holds one more event than was reported.
    let mut in_flight = 0;
    for run in 0..kills {
        let path = dir.path().join(format!("crash-{run}.jsonl"));
        let mut child = Command::new(&exe)
            .args([
                "store::crash_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the child to start writing, then a random moment more.
        let mut stdout = child.stdout.take().unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 64];
        while !String::from_utf8_lossy(&seen).contains("written 0") {
            let n = stdout.read(&mut buf).unwrap();
            assert!(n > 0, "the child stopped before writing");
            seen.extend_from_slice(&buf[..n]);
        }
        std::thread::sleep(std::time::Duration::from_micros(
            rng.random_range(0..40_000),
        ));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        stdout.read_to_end(&mut seen).unwrap();
        let reported = String::from_utf8_lossy(&seen)
            .lines()
            // libtest may print "test store::crash_child ... " on the same line first.
            .filter_map(|l| l.split("written ").nth(1))
            .filter_map(|n| n.trim().parse::<usize>().ok())
            .max()
            .unwrap();

        let loaded = store::read(&path).unwrap_or_else(|e| panic!("run {run}: {e}"));
        let got = loaded.events.len();
        assert!(
            got >= reported,
            "run {run}: {reported} events reported, only {got} in the journal"
        );
        assert!(
            got <= reported + 1,
            "run {run}: {got} events in the journal, {reported} reported"
        );
        assert_eq!(loaded.events[..], expected[..got], "run {run}");
        torn += usize::from(!loaded.warnings.is_empty());
        in_flight += usize::from(got == reported + 1);
        mid_session += usize::from(reported > 2);
        // Resume works on every one of them.
        store::resume(&path, mini()).unwrap_or_else(|e| panic!("run {run}: {e}"));
    }
    // The random moments did land in the middle of writing, not all before it.
    assert!(
        mid_session > kills / 2,
        "{mid_session} of {kills} kills mid-session"
    );
    // A write of one short line is one system call, so a killed process leaves whole lines; torn
    // lines (power loss, a full disk) are covered by the torn-line test above.
    eprintln!(
        "{kills} kills, {mid_session} mid-session, {in_flight} between write and report, {torn} torn last lines"
    );
}
