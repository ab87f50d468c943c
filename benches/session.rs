//! Journal benchmarks, printed (not asserted): the time per appended event with its sync to disk, and
//! reading and replaying a journal of 10,000 events.
//!
//! Run: `cargo bench --bench session --profile dev` (the release profile links Bevy and takes long to
//! build; the dev profile compiles dependencies at opt-level 2). Set `CBS_BENCH_DIR` to measure on
//! another disk than the temporary folder's.
//!
//! The deck is built here (16 scenarios, 4 values, 4 behaviours each), so the numbers do not move
//! when the decks in `levels/` are edited.

use std::path::Path;
use std::time::{Duration, Instant};

use cultuurbarbarenspel::deck::{Behaviour, Deck, Key, Language, Layer, Scenario, ValueDef};
use cultuurbarbarenspel::session::{Event, Phase, Session, Settings, TeamSpec, ValuesMode};
use cultuurbarbarenspel::store::{self, Journal, Recorder};

const VALUES: [&str; 4] = ["klant", "regels", "team", "tempo"];
const TEAMS: usize = 12;
const SCENARIOS: usize = 16;

fn bench_deck() -> Deck {
    let behaviour = |s: usize, b: usize| Behaviour {
        key: Key::ALL[b],
        text: format!("Gedrag {b} van scenario {s}"),
        // Two effects per behaviour, from −3 to +3, varying with scenario and key.
        effects: vec![
            (
                VALUES[(s + b) % 4].to_string(),
                ((s * 3 + b * 5) % 7) as i64 - 3,
            ),
            (
                VALUES[(s + b + 1) % 4].to_string(),
                ((s + b * 2) % 7) as i64 - 3,
            ),
        ],
        consequence: "Er gebeurt iets.".into(),
    };
    Deck {
        id: "bank".into(),
        title: "Benchmarkdeck".into(),
        language: Language::Nl,
        description: String::new(),
        checklist: Vec::new(),
        start: None,
        values: VALUES
            .iter()
            .map(|v| ValueDef {
                id: v.to_string(),
                name: v.to_uppercase(),
                meaning: String::new(),
            })
            .collect(),
        scenarios: (0..SCENARIOS)
            .map(|s| Scenario {
                id: format!("scenario-{s:02}"),
                title: format!("Scenario {s}"),
                layer: Layer::ALL[s % 4],
                setting: String::new(),
                situation: "Een situatie op het werk.".into(),
                behaviours: (0..4).map(|b| behaviour(s, b)).collect(),
                debrief: vec!["Wat zou jij doen?".into()],
                notes: String::new(),
                follow_up: None,
                image: None,
            })
            .collect(),
    }
}

/// A session with twelve teams and sixteen rounds, the group's values agreed (one event).
fn session() -> Session {
    let d = bench_deck();
    let mut st = Settings::for_deck(Path::new("bank.ron"), &d, store::deck_hash_of(&d));
    st.teams = TeamSpec::numbered(TEAMS);
    st.rounds = SCENARIOS as u32;
    st.values_mode = ValuesMode::Shared;
    let mut s = Session::new(st, d).expect("session");
    s.apply(Event::ValuesAgreed {
        team: None,
        values: vec![
            ("klant".into(), 3),
            ("regels".into(), 2),
            ("team".into(), 1),
        ],
    })
    .expect("values");
    s
}

/// `n` valid events after `s`: rounds of twelve teams choosing, changing their minds and undoing
/// (every seventh event), each round revealed after about 625 events.
fn events(s: &Session, n: usize) -> Vec<Event> {
    events_with(s, n, 625, 7)
}

/// As [`events`], with a round revealed after about `per_round` events and every `undo_every`th
/// event an undo (0: none).
fn events_with(s: &Session, n: usize, per_round: usize, undo_every: usize) -> Vec<Event> {
    let mut s = s.clone();
    let mut out = Vec::with_capacity(n);
    let mut i = 0usize;
    while out.len() < n {
        let ev = match s.phase() {
            Phase::ReadyForRound | Phase::Revealed { .. } => match s.next_round_event() {
                Some(ev) => ev,
                None => break,
            },
            Phase::RoundOpen { .. } => {
                i += 1;
                if i.is_multiple_of(per_round) && s.check(&Event::Revealed).is_ok() {
                    Event::Revealed
                } else if undo_every > 0 && i.is_multiple_of(undo_every) {
                    Event::Undone
                } else {
                    Event::chose(i % TEAMS, Key::ALL[(i / TEAMS) % 4])
                }
            }
            _ => break,
        };
        s.apply(ev.clone()).expect("valid event");
        out.push(ev);
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    // `cargo bench` passes `--bench`; a filter or other flags mean nothing here.
    let base = std::env::var_os("CBS_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::tempdir_in(&base).expect("temp dir");
    let start = session();

    // 1. Appends, each synced to disk before `apply` returns.
    let evs = events(&start, 500);
    assert_eq!(evs.len(), 500);
    let journal = Journal::create_at(
        &dir.path().join("append.jsonl"),
        start.settings(),
        start.deck(),
        None,
    )
    .expect("journal");
    let mut rec = Recorder::with_journal(start.clone(), journal).expect("recorder");
    let mut times = Vec::with_capacity(evs.len());
    for ev in evs {
        let t = Instant::now();
        rec.apply(ev).expect("apply");
        times.push(t.elapsed());
    }
    let total: Duration = times.iter().sum();
    times.sort();
    println!(
        "append + sync, {} events in {}: mean {:.1} µs, median {:.1} µs, p95 {:.1} µs, max {:.1} µs",
        times.len(),
        base.display(),
        micros(total) / times.len() as f64,
        micros(percentile(&times, 0.5)),
        micros(percentile(&times, 0.95)),
        micros(*times.last().expect("times")),
    );
    assert_eq!(
        store::read(rec.path()).expect("read").events.len(),
        501,
        "values + 500 events"
    );

    // 2. A journal of 10,000 events (written once, without a sync per event), read and replayed.
    let evs = events(&start, 10_000);
    assert_eq!(evs.len(), 10_000, "the deck allows 10,000 events");
    let path = dir.path().join("replay.jsonl");
    drop(Journal::create_at(&path, start.settings(), start.deck(), None).expect("journal"));
    let mut text = String::new();
    for ev in start.events().iter().chain(&evs) {
        text.push_str(&store::sealed_line(
            &serde_json::to_string(ev).expect("json"),
        ));
    }
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open");
        f.write_all(text.as_bytes()).expect("write");
    }
    let live = Session::replay(
        start.settings().clone(),
        start.deck().clone(),
        start.events().iter().chain(&evs).cloned(),
    )
    .expect("replay");

    let runs = 10;
    let (mut read_t, mut replay_t, mut both_t) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let deck = start.deck().clone();
        let t0 = Instant::now();
        let loaded = store::read(&path).expect("read");
        let t1 = Instant::now();
        let s = Session::replay(loaded.settings.clone(), deck, loaded.events).expect("replay");
        let t2 = Instant::now();
        read_t.push(t1 - t0);
        replay_t.push(t2 - t1);
        both_t.push(t2 - t0);
        assert_eq!(s.events().len(), 10_001);
        assert_eq!(s.state(), live.state(), "the replay gives the live state");
    }
    read_t.sort();
    replay_t.sort();
    both_t.sort();
    println!(
        "10,000 events ({} KiB, {} rounds revealed): read + parse median {:.1} ms, Session::replay \
         median {:.1} ms, together median {:.1} ms (min {:.1}, max {:.1}; {runs} runs)",
        text.len() / 1024,
        live.rounds_played(),
        millis(percentile(&read_t, 0.5)),
        millis(percentile(&replay_t, 0.5)),
        millis(percentile(&both_t, 0.5)),
        millis(both_t[0]),
        millis(both_t[runs - 1]),
    );

    // 3. Resume as the game does it: read, check the deck's hash, replay, reopen for appending.
    let mut resume_t = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let r = store::resume(&path, start.deck().clone()).expect("resume");
        resume_t.push(t.elapsed());
        assert!(r.warnings.is_empty());
    }
    resume_t.sort();
    println!(
        "store::resume of the same journal: median {:.1} ms ({runs} runs)",
        millis(percentile(&resume_t, 0.5)),
    );

    // 4. Replay alone, in time linear in the events, undos included. Before undo kept what each
    //    event changed, every undo folded the state again from the start: 100,000 events with 20 %
    //    undos took 3.7 s and 10,000 plain events about 32 ms (release build, issue figures).
    for (n, undo_every, label, before) in [
        (10_000, 0, "10,000 events, no undos", "about 32 ms"),
        (10_000, 5, "10,000 events, 20 % undos", "—"),
        (100_000, 0, "100,000 events, no undos", "—"),
        (100_000, 5, "100,000 events, 20 % undos", "3.7 s"),
    ] {
        let evs = events_with(&start, n, n / 12, undo_every);
        assert_eq!(evs.len(), n, "the deck allows {n} events");
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let s = Session::replay(
                start.settings().clone(),
                start.deck().clone(),
                start.events().iter().chain(&evs).cloned(),
            )
            .expect("replay");
            times.push(t.elapsed());
            assert_eq!(s.events().len(), n + 1);
        }
        times.sort();
        println!(
            "Session::replay, {label}: median {:.1} ms (min {:.1}; 5 runs; before: {before})",
            millis(percentile(&times, 0.5)),
            millis(times[0]),
        );
    }
}
