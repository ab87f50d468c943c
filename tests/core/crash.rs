//! A child process appending events is killed with SIGKILL; resume keeps what was reported.
//!
//! The child is this test binary run again with only [`child_process`] selected and
//! [`CHILD_ENV`] naming the journal. It resumes the journal and appends the events of
//! [`event_at`], printing `written N` (the number of events in the journal) after each append
//! returned `Ok`. The parent kills it after a random delay and checks that every event reported
//! is on disk, in order, and that the only other event there can be is the one being written.
#![cfg(unix)]

use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::session::{Event, Session, Settings, TeamSpec};
use cultuurbarbarenspel::store::{self, Journal};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Names the journal the child appends to; without it [`child_process`] does nothing.
const CHILD_ENV: &str = "CBS_CRASH_CHILD";
/// Kills, each at a random moment.
const KILLS: usize = 200;
/// The child stops by itself after this many events (it is always killed long before).
const CHILD_LIMIT: usize = 200_000;

fn mini() -> Deck {
    deck::load_deck(Path::new("tests/fixtures/decks/mini.ron")).unwrap()
}

fn settings() -> Settings {
    let d = mini();
    let mut st = Settings::for_deck(
        Path::new("tests/fixtures/decks/mini.ron"),
        &d,
        store::deck_hash_of(&d),
    );
    st.teams = TeamSpec::numbered(2);
    st.rounds = 2;
    st
}

/// Event `i` of the child's endless, deterministic sequence: values, one round, then the two
/// teams changing their minds, with every fifth event an undo (never reaching the round start).
fn event_at(i: usize) -> Event {
    match i {
        0 => Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 3), ("team".into(), 1)],
        },
        1 => Event::RoundStarted {
            scenario: "balie".into(),
        },
        _ => {
            let j = i - 2;
            if j % 5 == 4 {
                Event::Undone
            } else {
                Event::chose(j % 2, [Key::A, Key::B, Key::C][(j / 2) % 3])
            }
        }
    }
}

/// The child: see the module's documentation.
#[test]
fn child_process() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let mut rec = store::resume(&path, mini())
        .expect("the child resumes")
        .recorder;
    let mut n = rec.session().events().len();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready {n}").unwrap();
    out.flush().unwrap();
    while n < CHILD_LIMIT {
        rec.apply(event_at(n))
            .expect("the child's events are valid");
        n += 1;
        // Only now is the event on disk: say so.
        writeln!(out, "written {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn the_child_sequence_is_valid() {
    let mut s = Session::new(settings(), mini()).unwrap();
    for i in 0..3000 {
        s.apply(event_at(i))
            .unwrap_or_else(|e| panic!("event {i}: {e}"));
    }
    assert!(s.state().rounds[0].choices.iter().all(Option::is_some));
}

/// A journal with its header and the first `before` events (written without a sync each: this is
/// only the starting point).
fn prepare(path: &Path, settings: &Settings, before: usize) {
    drop(Journal::create_at(path, settings, None).unwrap());
    let mut text = String::new();
    for i in 0..before {
        text.push_str(&serde_json::to_string(&event_at(i)).unwrap());
        text.push('\n');
    }
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

#[test]
fn killed_writers_keep_every_event_they_reported() {
    let started = Instant::now();
    let exe = std::env::current_exe().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let st = settings();
    let mut rng = ChaCha8Rng::seed_from_u64(0x00C0_FFEE);
    let (mut reported_total, mut with_writes, mut one_more, mut torn) = (0, 0, 0, 0);

    for kill in 0..KILLS {
        let path = dir.path().join(format!("crash-{kill:03}.jsonl"));
        let before: usize = rng.random_range(0..=400);
        let delay = Duration::from_micros(rng.random_range(0..=15_000));
        prepare(&path, &st, before);

        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash::child_process",
                "--nocapture",
                "--include-ignored",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // The harness may print before the test starts; wait for the child's own first line.
        let mut line = String::new();
        loop {
            line.clear();
            let n = out.read_line(&mut line).unwrap();
            if n == 0 {
                let status = child.wait().unwrap();
                panic!("kill {kill}: the child ended before it was ready ({status})");
            }
            if let Some(at) = line.find("ready ") {
                let resumed: usize = line[at + 6..].trim().parse().unwrap();
                assert_eq!(resumed, before, "kill {kill}: the child resumed all events");
                break;
            }
        }
        std::thread::sleep(delay);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "kill {kill}: the child must still be running when killed ({status})"
        );
        let mut rest = Vec::new();
        out.read_to_end(&mut rest).unwrap();
        let rest = String::from_utf8_lossy(&rest);

        // Only complete lines count: a line cut by the kill was not reported.
        let mut reported = before;
        for l in rest.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            if let Some(n) = l.strip_prefix("written ") {
                let n: usize = n.trim().parse().unwrap();
                assert_eq!(n, reported + 1, "kill {kill}: reports are consecutive");
                reported = n;
            }
        }

        let loaded = store::read(&path)
            .unwrap_or_else(|e| panic!("kill {kill}: the journal reads after the kill: {e}"));
        let n = loaded.events.len();
        assert!(
            n == reported || n == reported + 1,
            "kill {kill}: {reported} events reported, {n} in the journal"
        );
        let expected: Vec<Event> = (0..n).map(event_at).collect();
        assert!(
            loaded.events == expected,
            "kill {kill}: the journal holds other events than the child's, in its order"
        );
        assert!(loaded.warnings.len() <= 1, "{:?}", loaded.warnings);
        if !loaded.warnings.is_empty() {
            torn += 1;
            assert!(
                loaded.warnings[0].contains("niet helemaal geschreven"),
                "{:?}",
                loaded.warnings
            );
        }

        // And the session goes on from there.
        let resumed = store::resume(&path, mini())
            .unwrap_or_else(|e| panic!("kill {kill}: the journal resumes: {e}"));
        assert_eq!(resumed.recorder.session().events(), expected.as_slice());

        reported_total += reported - before;
        with_writes += usize::from(reported > before);
        one_more += usize::from(n == reported + 1);
    }
    eprintln!(
        "crash test: {KILLS} kills in {:.1} s; {reported_total} events reported, {with_writes} \
         kills after at least one write, {one_more} with the event being written already on \
         disk, {torn} with a torn last line",
        started.elapsed().as_secs_f64()
    );
    // The kills must fall while the child writes, not only before it starts.
    assert!(
        with_writes >= KILLS / 4,
        "only {with_writes} of {KILLS} kills came after a write"
    );
}
