//! A child process appending events is killed with SIGKILL; resume keeps what was reported.
//!
//! The child is this test binary run again with only [`child_process`] selected and
//! [`CHILD_ENV`] naming the journal. It resumes the journal and appends the events of
//! [`event_at`], printing `written N` (the number of events in the journal) after each append
//! returned `Ok`. The parent kills it after a random delay and checks that every event reported
//! is on disk, in order, and that the only other event there can be is the one being written.
//!
//! A third of the journals start with a torn tail (as a power cut leaves them), so the child's
//! resume must fence it off and go on in a fresh journal; some kills fall in that resume, before
//! the child is ready. SIGKILL leaves the operating system's cache intact, so this test cannot see
//! a missing sync: the simulated disk of `faults.rs` does.
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
/// only the starting point), and `tail` after them.
fn prepare(path: &Path, settings: &Settings, before: usize, tail: &[u8]) {
    drop(Journal::create_at(path, settings, &mini(), None).unwrap());
    let mut text = String::new();
    for i in 0..before {
        text.push_str(&store::sealed_line(
            &serde_json::to_string(&event_at(i)).unwrap(),
        ));
    }
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f.write_all(tail).unwrap();
}

/// What a power cut may leave after the last line: part of the next line, or zeros.
fn torn_tail(rng: &mut ChaCha8Rng, next: &Event) -> Vec<u8> {
    let line = store::sealed_line(&serde_json::to_string(next).unwrap());
    let cut = rng.random_range(1..line.len());
    if rng.random_bool(0.3) {
        vec![0; cut]
    } else {
        line.as_bytes()[..cut].to_vec()
    }
}

#[test]
fn killed_writers_keep_every_event_they_reported() {
    let started = Instant::now();
    let exe = std::env::current_exe().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let st = settings();
    let mut rng = ChaCha8Rng::seed_from_u64(0x00C0_FFEE);
    let (mut reported_total, mut with_writes, mut one_more, mut torn) = (0, 0, 0, 0);

    let (mut torn_starts, mut resume_kills) = (0, 0);
    for kill in 0..KILLS {
        let sub = dir.path().join(format!("kill-{kill:03}"));
        std::fs::create_dir(&sub).unwrap();
        let path = sub.join("crash.jsonl");
        let before: usize = rng.random_range(0..=400);
        let delay = Duration::from_micros(rng.random_range(0..=15_000));
        let tail = if kill % 3 == 0 {
            torn_starts += 1;
            torn_tail(&mut rng, &event_at(before))
        } else {
            Vec::new()
        };
        // Every fifth torn start is killed at once: in the middle of the resume.
        let during_resume = kill % 15 == 0;
        prepare(&path, &st, before, &tail);
        let original = std::fs::read(&path).unwrap();

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
        let mut ready = false;
        if during_resume {
            std::thread::sleep(Duration::from_micros(rng.random_range(0..=3_000)));
        } else {
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
                    ready = true;
                    break;
                }
            }
            std::thread::sleep(delay);
        }
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
            if l.contains("ready ") {
                ready = true;
            }
            if let Some(n) = l.strip_prefix("written ") {
                let n: usize = n.trim().parse().unwrap();
                assert_eq!(n, reported + 1, "kill {kill}: reports are consecutive");
                reported = n;
            }
        }
        resume_kills += usize::from(!ready);

        // A journal with a torn tail is never edited: the child went on in a fresh one.
        if !tail.is_empty() {
            assert_eq!(std::fs::read(&path).unwrap(), original, "kill {kill}");
        }
        // The folder offers exactly one journal to resume, and it holds what was reported.
        let listed = store::list(&sub);
        assert_eq!(listed.len(), 1, "kill {kill}: {listed:?}");
        assert_eq!(listed[0].problem, None, "kill {kill}");
        let current = listed[0].path.clone();
        let loaded = store::read(&current)
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
                loaded.warnings[0].nl.contains("nooit bevestigd"),
                "{:?}",
                loaded.warnings
            );
        }

        // And the session goes on from there.
        let resumed = store::resume(&current, mini())
            .unwrap_or_else(|e| panic!("kill {kill}: the journal resumes: {e}"));
        assert_eq!(resumed.recorder.session().events(), expected.as_slice());

        reported_total += reported - before;
        with_writes += usize::from(reported > before);
        one_more += usize::from(n == reported + 1);
    }
    eprintln!(
        "crash test: {KILLS} kills in {:.1} s; {reported_total} events reported, {with_writes} \
         kills after at least one write, {one_more} with the event being written already on \
         disk, {torn} with a torn last line left; {torn_starts} started from a torn tail, \
         {resume_kills} killed before the resume was done",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(torn_starts, KILLS.div_ceil(3));
    assert!(
        resume_kills >= 3,
        "only {resume_kills} kills fell before the child was ready"
    );
    // The kills must fall while the child writes, not only before it starts.
    assert!(
        with_writes >= KILLS / 4,
        "only {with_writes} of {KILLS} kills came after a write"
    );
}
