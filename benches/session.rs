//! Journal benchmarks, printed (not asserted): the time per appended event with its sync to disk, and
//! reading and replaying a journal of 10,000 events.
//!
//! Run: `cargo bench --bench session --profile dev` (the release profile links Bevy and takes long to
//! build; the dev profile compiles dependencies at opt-level 2). Set `CBS_BENCH_DIR` to measure on
//! another disk than the temporary folder's.

use std::path::Path;
use std::time::{Duration, Instant};

use cultuurbarbarenspel::deck::{self, Key};
use cultuurbarbarenspel::session::{Event, Session, Settings, TeamSpec};
use cultuurbarbarenspel::store::{self, Journal, Recorder};

fn session() -> Session {
    let d = deck::load_deck(Path::new("levels/klantcontact.nl.ron")).expect("deck");
    let mut st = Settings::for_deck(
        Path::new("levels/klantcontact.nl.ron"),
        &d,
        store::deck_hash_of(&d),
    );
    st.teams = TeamSpec::numbered(12);
    st.rounds = 16;
    let mut s = Session::new(st, d).expect("session");
    s.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("klant_centraal".into(), 3), ("zorgvuldig".into(), 2)],
    })
    .expect("values");
    s
}

/// `n` valid events: rounds of twelve teams choosing, changing their minds and undoing, revealed.
fn events(s: &Session, n: usize) -> Vec<Event> {
    let mut s = s.clone();
    let mut out = Vec::with_capacity(n);
    let keys = [Key::A, Key::B, Key::C];
    let mut i = 0usize;
    while out.len() < n {
        let ev = match s.phase() {
            cultuurbarbarenspel::session::Phase::ReadyForRound
            | cultuurbarbarenspel::session::Phase::Revealed { .. } => match s.next_round_event() {
                Some(ev) => ev,
                None => break,
            },
            cultuurbarbarenspel::session::Phase::RoundOpen { .. } => {
                i += 1;
                if i.is_multiple_of(625) && s.check(&Event::Revealed).is_ok() {
                    Event::Revealed
                } else if i.is_multiple_of(7) {
                    Event::Undone
                } else {
                    Event::chose(i % 12, keys[(i / 12) % 3])
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

fn main() {
    let base = std::env::var_os("CBS_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::tempdir_in(&base).expect("temp dir");
    let start = session();

    // Appends with sync.
    let evs = events(&start, 500);
    let journal = Journal::create_at(&dir.path().join("append.jsonl"), start.settings(), None)
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
        "append + sync, {} events in {}: mean {:.1} µs, median {:.1} µs, p95 {:.1} µs",
        times.len(),
        base.display(),
        total.as_secs_f64() * 1e6 / times.len() as f64,
        percentile(&times, 0.5).as_secs_f64() * 1e6,
        percentile(&times, 0.95).as_secs_f64() * 1e6,
    );

    // Replay of 10,000 events: written once (without a sync per event), then read and replayed.
    let evs = events(&start, 10_000);
    assert_eq!(evs.len(), 10_000, "the deck allows 10,000 events");
    let path = dir.path().join("replay.jsonl");
    {
        use std::io::Write;
        let header = Journal::create_at(&path, start.settings(), None).expect("journal");
        drop(header);
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open");
        let mut text = String::new();
        for ev in &std::iter::once(start.events()[0].clone())
            .chain(evs.iter().cloned())
            .collect::<Vec<_>>()
        {
            text.push_str(&serde_json::to_string(ev).expect("json"));
            text.push('\n');
        }
        f.write_all(text.as_bytes()).expect("write");
    }
    let runs = 10;
    let mut read_times = Vec::new();
    let mut replay_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let loaded = store::read(&path).expect("read");
        let read = t.elapsed();
        let deck = start.deck().clone();
        let t = Instant::now();
        let (s, _) = loaded.replay(deck).expect("replay");
        replay_times.push(t.elapsed());
        read_times.push(read);
        assert_eq!(s.events().len(), 10_001);
    }
    read_times.sort();
    replay_times.sort();
    println!(
        "10,000 events: read + parse median {:.1} ms, replay median {:.1} ms ({runs} runs)",
        percentile(&read_times, 0.5).as_secs_f64() * 1e3,
        percentile(&replay_times, 0.5).as_secs_f64() * 1e3,
    );
}
