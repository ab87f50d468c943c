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

/// [`store::resume`], waiting a moment when the journal is still locked: another test of this
/// binary may be starting a child process (`crash.rs`), and between its fork and its exec the child
/// holds a copy of every open file, with its lock. The game starts no processes.
fn resume(path: &Path, deck: Deck) -> Result<store::Resumed, StoreError> {
    for _ in 0..200 {
        match store::resume(path, deck.clone()) {
            Err(StoreError::Locked { .. }) => std::thread::sleep(Duration::from_millis(10)),
            other => return other,
        }
    }
    store::resume(path, deck)
}

/// A format 1 journal (before checksums and the stored deck), written as that version wrote it:
/// the header and one JSON line per event.
fn v1_journal(dir: &Path, name: &str, events: &[Event]) -> PathBuf {
    let s = new_session();
    let header = serde_json::json!({
        "type": "Journal",
        "format": 1,
        "created": "2026-11-20T09:30:00Z",
        "settings": s.settings(),
    });
    let mut text = format!("{header}\n");
    for ev in events {
        text.push_str(&serde_json::to_string(ev).unwrap());
        text.push('\n');
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The journal files in `dir`, by name.
fn journals(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    v.sort();
    v
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
    // The deck as played is kept in the journal.
    assert_eq!(loaded.format, 2);
    assert_eq!(loaded.deck.as_ref(), Some(&mini()));

    // The file: one header line and one JSON line per event, each sealed with the CRC-32 of the
    // line without its seal, each ending in a newline.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines[0].starts_with(r#"{"type":"Journal","format":2"#),
        "{}",
        lines[0]
    );
    let crc = |json: &str| format!("{:08x}", crc32fast::hash(json.as_bytes()));
    let chose = r#"{"type":"TeamChose","team":0,"key":"A"}"#;
    assert_eq!(
        lines[3],
        format!(
            r#"{{"type":"TeamChose","team":0,"key":"A","crc":"{}"}}"#,
            crc(chose)
        )
    );
    assert_eq!(
        lines[5],
        format!(
            r#"{{"type":"Revealed","crc":"{}"}}"#,
            crc(r#"{"type":"Revealed"}"#)
        )
    );
    assert_eq!(store::sealed_line(chose), format!("{}\n", lines[3]));
}

#[test]
fn resume_gives_the_live_session_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path(), script());
    let before = std::fs::read(&path).unwrap();
    let resumed = resume(&path, mini()).unwrap();
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
    let (live, journal) = rec.into_parts();
    drop(journal); // the window closes: the journal's lock goes with it
    let again = resume(&path, mini()).unwrap();
    assert_same_session(again.recorder.session(), &live);
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
    let path = rec.path().to_path_buf();
    let (live, journal) = rec.into_parts();
    drop(journal);
    let resumed = resume(&path, mini()).unwrap();
    assert_eq!(resumed.recorder.session(), &live);
}

#[test]
fn with_journal_writes_the_events_a_session_already_has() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = new_session();
    for ev in script() {
        s.apply(ev).unwrap();
    }
    let path = dir.path().join("eigen.jsonl");
    let journal = Journal::create_at(&path, s.settings(), s.deck(), None).unwrap();
    let rec = Recorder::with_journal(s.clone(), journal).unwrap();
    assert_eq!(rec.path(), path);
    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.events, script());
    assert_eq!(loaded.created, None);
    // create_at never overwrites.
    let r = Journal::create_at(&path, s.settings(), s.deck(), None);
    assert!(matches!(r, Err(StoreError::Io { .. })), "{r:?}");
    assert_eq!(store::read(&path).unwrap().events, script());
}

#[test]
fn two_journals_created_at_once_get_different_names() {
    let dir = tempfile::tempdir().unwrap();
    let s = new_session();
    let a = Journal::create(dir.path(), &s).unwrap();
    let b = Journal::create(dir.path(), &s).unwrap();
    assert_ne!(a.path(), b.path());
    assert!(store::read(a.path()).is_ok() && store::read(b.path()).is_ok());
}

#[test]
fn an_unconfirmed_tail_is_fenced_off_and_the_session_goes_on_in_a_fresh_journal() {
    // What a power cut or a full disk leaves after the last confirmed line: half a line, a line of
    // zeros with its newline (exFAT, NTFS, XFS), a half line whose newline reached the disk, a whole
    // line without its newline, and a mix.
    let whole = store::sealed_line(r#"{"type":"ScoreAdjusted","team":0,"points":1,"reason":"x"}"#);
    let tails: [(&str, Vec<u8>); 6] = [
        ("half", br#"{"type":"TeamCho"#.to_vec()),
        ("zeros", [vec![0u8; 57], b"\n".to_vec()].concat()),
        (
            "half-with-newline",
            b"{\"type\":\"TeamChose\",\"team\":1,\"ke\n".to_vec(),
        ),
        ("no-newline", whole.trim_end().as_bytes().to_vec()),
        (
            "zeros-then-half",
            [vec![0u8; 20], b"\n{\"type\"".to_vec()].concat(),
        ),
        ("bad-sum", whole.replace("\"x\"", "\"y\"").into_bytes()),
    ];
    for (name, tail) in tails {
        let dir = tempfile::tempdir().unwrap();
        let (path, live) = record(dir.path(), script());
        append_bytes(&path, &tail);
        let torn = std::fs::read(&path).unwrap();

        let loaded = store::read(&path).unwrap();
        assert_eq!(
            loaded.events,
            script(),
            "{name}: the confirmed events are kept"
        );
        assert!(loaded.unclean, "{name}");
        assert_eq!(loaded.warnings.len(), 1, "{name}: {:?}", loaded.warnings);
        let w = &loaded.warnings[0];
        assert!(
            w.nl.contains(&format!("{}:8:", path.display())),
            "{name}: {w}"
        );
        assert!(
            w.nl.contains(&format!("laatste {} bytes", tail.len())),
            "{name}: {w}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            torn,
            "{name}: read only reads"
        );

        // Resume: the same session, in a fresh journal that names the old one; the old file is
        // kept exactly as it was.
        let resumed = resume(&path, mini()).unwrap();
        assert_same_session(resumed.recorder.session(), &live);
        let mut rec = resumed.recorder;
        assert_ne!(rec.path(), path, "{name}");
        assert!(
            resumed
                .warnings
                .iter()
                .any(|w| w.nl.contains("gaat verder in")),
            "{name}: {:?}",
            resumed.warnings
        );
        assert_eq!(std::fs::read(&path).unwrap(), torn, "{name}: never edited");
        for ev in more() {
            rec.apply(ev).unwrap();
        }
        let fresh = store::read(rec.path()).unwrap();
        let all: Vec<Event> = script().into_iter().chain(more()).collect();
        assert_eq!(fresh.events, all, "{name}");
        assert!(fresh.warnings.is_empty(), "{name}: {:?}", fresh.warnings);
        let old_name = path.file_name().unwrap().to_str().unwrap();
        assert_eq!(fresh.replaces.as_deref(), Some(old_name), "{name}");
        // The Title screen lists the fresh journal only; the old one cannot be resumed by mistake.
        let listed: Vec<PathBuf> = store::list(dir.path())
            .into_iter()
            .map(|s| s.path)
            .collect();
        assert_eq!(listed, vec![rec.path().to_path_buf()], "{name}");
        let r = resume(&path, mini());
        assert!(
            matches!(r, Err(StoreError::Replaced { .. })),
            "{name}: {r:?}"
        );
        assert_eq!(journals(dir.path()).len(), 2, "{name}");
    }
}

#[test]
fn format_1_torn_and_recovered_lines_still_read_as_before() {
    let dir = tempfile::tempdir().unwrap();
    // Line 6 torn and fenced by a Recovered line (written by a resume of that version), line 8 a
    // reveal, line 9 torn again at the end.
    let path = v1_journal(dir.path(), "oud.jsonl", &script()[..4]);
    append_bytes(
        &path,
        b"{\"type\":\"Rev\n{\"type\":\"Recovered\",\"dropped_line\":6}\n{\"type\":\"Revealed\"}\n{\"type\":\"Score",
    );
    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.format, 1);
    assert_eq!(loaded.deck, None);
    assert_eq!(loaded.events, script()[..5].to_vec());
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0].nl.contains(":6:"),
        "{:?}",
        loaded.warnings
    );
    assert!(
        loaded.warnings[1].nl.contains(":9:"),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(loaded.line_of(4), Some(8));

    // A torn line whose bytes form a whole event stays dropped once fenced.
    let path = v1_journal(dir.path(), "heel.jsonl", &script()[..4]);
    append_bytes(
        &path,
        b"{\"type\":\"Revealed\"}\n{\"type\":\"Recovered\",\"dropped_line\":6}\n",
    );
    assert_eq!(store::read(&path).unwrap().events, script()[..4].to_vec());

    // A Recovered line that names another line than the one before it is damage.
    let path = v1_journal(dir.path(), "fout.jsonl", &script()[..4]);
    append_bytes(&path, b"{\"type\":\"Recovered\",\"dropped_line\":3}\n");
    let err = store::read(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { line: 6, .. }),
        "{err:?}"
    );
}

#[test]
fn a_format_1_journal_is_resumed_into_a_fresh_journal_and_never_edited() {
    let dir = tempfile::tempdir().unwrap();
    let path = v1_journal(dir.path(), "oud.jsonl", &script());
    append_bytes(&path, br#"{"type":"RoundSta"#);
    let before = std::fs::read(&path).unwrap();
    let mut rec = resume(&path, mini()).unwrap().recorder;
    assert_eq!(rec.session().events(), script().as_slice());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    rec.apply(more()[0].clone()).unwrap();
    let fresh = store::read(rec.path()).unwrap();
    assert_eq!(fresh.format, 2);
    assert_eq!(
        fresh.deck.as_ref(),
        Some(&mini()),
        "the deck is stored from now on"
    );
    assert_eq!(fresh.events.len(), 7);
    assert_eq!(fresh.replaces.as_deref(), Some("oud.jsonl"));
}

#[test]
fn the_old_format_fixture_loads_and_scores_as_before() {
    // A journal written by the version before checksums (format 1), kept as a file.
    let path = Path::new("tests/fixtures/journals/format-1.jsonl");
    let loaded = store::read(path).unwrap();
    assert_eq!(loaded.format, 1);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let all: Vec<Event> = script().into_iter().chain(more()).collect();
    assert_eq!(loaded.events, all);
    let (s, warnings) = loaded.replay(mini()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(s.totals(), vec![8, -1]);
    assert!(s.state().finished);
}

#[test]
fn a_second_window_on_the_same_journal_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec = Recorder::create(dir.path(), new_session()).unwrap();
    for ev in script() {
        rec.apply(ev).unwrap();
    }
    let before = std::fs::read(rec.path()).unwrap();
    let err = store::resume(rec.path(), mini()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains(&rec.path().display().to_string()), "{msg}");
    assert!(msg.contains("ander venster"), "{msg}");
    assert_eq!(std::fs::read(rec.path()).unwrap(), before);
    // A resumed journal is locked as well.
    let path = rec.path().to_path_buf();
    drop(rec);
    let first = resume(&path, mini()).unwrap();
    assert!(matches!(
        store::resume(&path, mini()),
        Err(StoreError::Locked { .. })
    ));
    drop(first);
    assert!(resume(&path, mini()).is_ok());
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
    assert!(msg.contains("verwijder geen regels"), "{msg}");
    // Neither reading nor trying to resume changes the file.
    let r = resume(&path, mini());
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
    let reveal = store::sealed_line(r#"{"type":"Revealed"}"#);
    append_bytes(&path, format!("{reveal}{reveal}").as_bytes());
    let before = std::fs::read(&path).unwrap();
    assert_eq!(store::read(&path).unwrap().events.len(), 6);
    let err = resume(&path, mini()).unwrap_err();
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
    let text = std::fs::read_to_string(&path).unwrap();
    let header = text.lines().next().unwrap();
    let json =
        format!("{}}}", &header[..header.len() - 18]).replacen("\"format\":2", "\"format\":3", 1);
    let newer = text.replacen(header, store::sealed_line(&json).trim_end(), 1);
    let p = write("nieuw.jsonl", newer.as_bytes());
    let err = store::read(&p).unwrap_err();
    assert!(
        matches!(err, StoreError::Format { found: 3, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("formaat 3"), "{err}");

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
    assert!(
        loaded.warnings[0].nl.contains(":5:"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn a_changed_byte_in_a_middle_line_is_found_by_its_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = record(dir.path(), script());
    // Line 4: team 0 chose A. The same JSON with B is a valid event, but not what was confirmed.
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen(r#""team":0,"key":"A""#, r#""team":0,"key":"B""#, 1);
    assert_ne!(changed, text);
    std::fs::write(&path, &changed).unwrap();
    let err = store::read(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { line: 4, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("controlesom"), "{err}");
}

#[test]
fn a_deck_edited_after_the_session_does_not_change_its_scores() {
    let dir = tempfile::tempdir().unwrap();
    let (path, live) = record(dir.path(), script());
    // The trainer edits the deck file: the effects of a played behaviour, a value's id, a text.
    let mut changed = mini();
    changed.title = "Mini, herzien".into();
    for b in &mut changed.scenarios[0].behaviours {
        for (_, e) in &mut b.effects {
            *e = -*e;
        }
    }
    changed.scenarios[1].situation = "De telefoon gaat om tien voor vijf.".into();
    let mut renamed = mini();
    renamed.values[0].id = "burger".into();
    let mut smaller = mini();
    smaller.scenarios.retain(|s| s.id != "balie");

    for deck in [changed, renamed, smaller] {
        assert_ne!(store::deck_hash_of(&deck), live.settings().deck_hash);
        let (session, warnings) = store::read(&path).unwrap().replay(deck.clone()).unwrap();
        assert_eq!(session.totals(), live.totals());
        assert_eq!(session.results(), live.results());
        assert_eq!(session.deck(), &mini(), "the deck as played");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].nl.contains("is veranderd"), "{warnings:?}");

        let resumed = resume(&path, deck).unwrap();
        assert_eq!(resumed.recorder.session().totals(), live.totals());
        assert!(
            resumed
                .warnings
                .iter()
                .any(|w| w.nl.contains("is veranderd"))
        );
    }
    // No deck file at all: the journal alone is enough.
    let (session, warnings) = store::read(&path).unwrap().replay(None).unwrap();
    assert_eq!(session.totals(), live.totals());
    assert!(warnings.is_empty());
}

#[test]
fn a_deck_saved_during_the_session_is_kept_for_the_rounds_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec = Recorder::create(dir.path(), new_session()).unwrap();
    for ev in script() {
        rec.apply(ev).unwrap();
    }
    let (mut session, mut journal) = rec.into_parts();
    // The trainer saves a new version: the round still to come ("telefoon") scores differently.
    let mut v2 = mini();
    for b in &mut v2.scenarios[1].behaviours {
        for (_, e) in &mut b.effects {
            *e = -*e;
        }
    }
    session.update_deck(v2.clone()).unwrap();
    store::record_deck(&mut journal, &session).unwrap();
    for ev in more() {
        store::record(&mut journal, &mut session, ev).unwrap();
    }
    let path = journal.path().to_path_buf();
    drop(journal);
    let loaded = store::read(&path).unwrap();
    assert_eq!(loaded.deck_changes, 1);
    let (replayed, _) = loaded.replay(mini()).unwrap();
    assert_eq!(replayed.totals(), session.totals());
    // telefoon with its effects turned round: Balie A {klant−1, team+1}: −3 + 1 = −2 → 6 − 2 = 4;
    // Backoffice B {team−1, klant+2}: −1 + 6 = 5 → 5 − 1 + 5 = 9.
    assert_eq!(replayed.totals(), vec![4, 9]);
}

#[test]
fn a_format_1_journal_replays_against_the_deck_file_with_the_old_rules() {
    let dir = tempfile::tempdir().unwrap();
    let path = v1_journal(dir.path(), "oud.jsonl", &script());
    let before = std::fs::read(&path).unwrap();
    // A deck that lost a played scenario is refused, naming it.
    let mut smaller = mini();
    smaller.scenarios.retain(|s| s.id != "balie");
    let err = resume(&path, smaller).unwrap_err();
    match &err {
        StoreError::DeckLacksPlayed { path: p, missing } => {
            assert_eq!(p, &path);
            assert_eq!(missing, &vec!["balie".to_string()]);
        }
        other => panic!("expected DeckLacksPlayed, got {other:?}"),
    }
    // A deck that lost a chosen behaviour names the line (Backoffice chose balie C on line 5).
    let mut changed = mini();
    changed.scenarios[0].behaviours.retain(|b| b.key != Key::C);
    let err = resume(&path, changed).unwrap_err();
    assert!(matches!(err, StoreError::Replay { line: 5, .. }), "{err:?}");
    assert!(err.to_string().contains(":5:"), "{err}");
    // A changed deck that still has what was played warns and goes on.
    let mut texts = mini();
    texts.title = "Mini, herzien".into();
    let (s, warnings) = store::read(&path).unwrap().replay(texts).unwrap();
    assert_eq!(s.events(), script().as_slice());
    assert!(warnings[0].nl.contains("is veranderd"), "{warnings:?}");
    // Without a deck a format 1 journal cannot be replayed: a clear error.
    let err = store::read(&path).unwrap().replay(None).unwrap_err();
    assert!(matches!(err, StoreError::NoDeck { .. }), "{err:?}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the journal is untouched"
    );
}

#[test]
fn a_folder_that_cannot_hold_journals_is_found_at_once() {
    let dir = tempfile::tempdir().unwrap();
    assert!(store::check_dir(&store::RealFs, &dir.path().join("nieuw/sessies")).is_ok());
    assert!(dir.path().join("nieuw/sessies").is_dir());
    assert_eq!(
        std::fs::read_dir(dir.path().join("nieuw/sessies"))
            .unwrap()
            .count(),
        0
    );
    // A file where the folder should be.
    let file = dir.path().join("bestand");
    std::fs::write(&file, "x").unwrap();
    let err = store::check_dir(&store::RealFs, &file.join("sessies")).unwrap_err();
    assert!(err.to_string().contains("bestand"), "{err}");
    assert!(store::default_dir().is_absolute());
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

    let problem = b.problem.as_ref().expect("the broken one has a problem");
    assert!(
        problem
            .en
            .contains("not a CultuurBarbarenSpel session journal"),
        "{problem}"
    );
    let problem = &problem.nl;
    assert!(problem.contains("kapot.jsonl"), "{problem}");
    assert!(problem.contains("geen sessiejournaal"), "{problem}");

    assert_eq!(o.problem, None);
    assert_eq!(o.played, 1);
    assert!(!o.finished);

    // Undone reveals and finishes do not count.
    let mut rec = resume(&newer, mini()).unwrap().recorder;
    rec.apply(Event::Undone).unwrap(); // the finish
    rec.apply(Event::Undone).unwrap(); // the second reveal
    let list = store::list(dir.path());
    let n = list.iter().find(|s| s.path == newer).unwrap();
    assert_eq!((n.played, n.finished), (1, false));

    // A folder that does not exist is an empty list.
    assert!(store::list(&dir.path().join("nergens")).is_empty());
}
