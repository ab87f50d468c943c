//! The journal on a simulated disk that runs full, writes short, fails with EIO, fails a sync and
//! loses power: thousands of random sessions with random faults. Every event the recorder confirmed
//! survives, nothing is applied twice, and the folder always offers one journal that resumes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::session::{Event, Phase, Session, Settings, TeamSpec};
use cultuurbarbarenspel::store::{self, Faults, RecordError, Recorder, SimFs, StoreError};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Random fault schedules; each is a whole session on a fresh simulated disk.
const SCHEDULES: u64 = 10_000;

fn mini() -> Deck {
    deck::load_deck(Path::new("tests/fixtures/decks/mini.ron")).unwrap()
}

fn session(deck: &Deck) -> Session {
    let mut st = Settings::for_deck(
        Path::new("tests/fixtures/decks/mini.ron"),
        deck,
        store::deck_hash_of(deck),
    );
    st.teams = TeamSpec::numbered(2);
    st.rounds = 2;
    Session::new(st, deck.clone()).unwrap()
}

/// A random event the session accepts now.
fn random_event(s: &Session, rng: &mut ChaCha8Rng) -> Event {
    let keys = s
        .current_scenario()
        .map(|sc| sc.behaviours.iter().map(|b| b.key).collect::<Vec<Key>>())
        .unwrap_or_default();
    loop {
        let ev = match rng.random_range(0..10) {
            0 => Event::Undone,
            1 => Event::ScoreAdjusted {
                team: rng.random_range(0..2),
                points: rng.random_range(-3..=3),
                reason: "goed geluisterd".into(),
            },
            2 => Event::RoundSkipped {
                reason: String::new(),
            },
            3 => Event::SessionFinished,
            _ => match s.phase() {
                Phase::WaitingForValues => Event::ValuesAgreed {
                    team: None,
                    values: vec![
                        ("klant".into(), rng.random_range(1..=3)),
                        ("team".into(), 1),
                    ],
                },
                Phase::ReadyForRound => match s.next_round_event() {
                    Some(ev) => ev,
                    None => continue,
                },
                Phase::RoundOpen { .. } if rng.random_bool(0.2) => Event::Revealed,
                Phase::RoundOpen { .. } if !keys.is_empty() => Event::chose(
                    rng.random_range(0..2),
                    keys[rng.random_range(0..keys.len())],
                ),
                _ => continue,
            },
        };
        if s.check(&ev).is_ok() {
            return ev;
        }
    }
}

/// The one journal the folder offers to resume (as the Title screen lists them).
fn offered(fs: &SimFs, dir: &Path) -> PathBuf {
    let listed = store::list_in(fs, dir);
    let ok: Vec<&store::Summary> = listed.iter().filter(|s| s.problem.is_none()).collect();
    assert_eq!(ok.len(), 1, "one journal to resume: {listed:?}");
    assert_eq!(listed.len(), 1, "{listed:?}");
    ok[0].path.clone()
}

#[derive(Default, Debug)]
struct Seen {
    confirmed: usize,
    refused_by_disk: usize,
    fail_overs: usize,
    torn: usize,
    pending_survived: usize,
}

/// One schedule: a session with faults, a power cut, a resume, and more events after it.
fn schedule(seed: u64, deck: &Deck, seen: &mut Seen) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let fs = SimFs::new(seed, Faults::default());
    let dir = PathBuf::from("/sessies");
    let mut rec = Recorder::create_in(Arc::new(fs.clone()), &dir, session(deck)).unwrap();
    let per = |rng: &mut ChaCha8Rng| rng.random_range(0..60);
    fs.set_faults(Faults {
        full: per(&mut rng),
        short: per(&mut rng),
        eio: per(&mut rng),
        sync: per(&mut rng),
        create: rng.random_range(0..400),
    });
    let mut confirmed: Vec<Event> = Vec::new();
    // The event whose write to the journal failed and that no fresh journal took: it was never
    // confirmed, but its bytes may have reached the disk anyway.
    let mut pending: Option<Event> = None;
    for _ in 0..rng.random_range(1..30) {
        let ev = random_event(rec.session(), &mut rng);
        match rec.apply(ev.clone()) {
            Ok(()) => {
                confirmed.push(ev);
                pending = None;
                seen.confirmed += 1;
            }
            Err(RecordError::Store(e)) => {
                assert!(matches!(e, StoreError::FailOver { .. }), "{e:?}");
                assert!(e.to_string().contains("staat veilig in"), "{e}");
                // Only the first event after the last confirmed one reached the journal's file:
                // the journal is closed after that, and later ones only try fresh journals.
                pending.get_or_insert(ev);
                seen.refused_by_disk += 1;
            }
            Err(RecordError::Refused(e)) => panic!("seed {seed}: a valid event refused: {e}"),
        }
        seen.fail_overs += rec.take_notices().len();
        assert_eq!(rec.session().events(), confirmed.as_slice(), "seed {seed}");
    }
    drop(rec);
    seen.torn += usize::from(fs.power_cut());
    fs.set_faults(Faults::default());

    let path = offered(&fs, &dir);
    let resumed = store::resume_in(Arc::new(fs.clone()), &path, None)
        .unwrap_or_else(|e| panic!("seed {seed}: the offered journal resumes: {e}"));
    let events = resumed.recorder.session().events().to_vec();
    if events != confirmed {
        let with_pending: Vec<Event> = confirmed.iter().cloned().chain(pending.clone()).collect();
        assert!(
            pending.is_some() && events == with_pending,
            "seed {seed}: confirmed {confirmed:?}, resumed {events:?}"
        );
        seen.pending_survived += 1;
    }
    // The resumed session goes on, and resumes again with everything.
    let mut rec = resumed.recorder;
    let mut all = events;
    for _ in 0..3 {
        let ev = random_event(rec.session(), &mut rng);
        rec.apply(ev.clone()).unwrap();
        all.push(ev);
    }
    drop(rec);
    let path = offered(&fs, &dir);
    let again = store::resume_in(Arc::new(fs.clone()), &path, None).unwrap();
    assert_eq!(
        again.recorder.session().events(),
        all.as_slice(),
        "seed {seed}"
    );
}

#[test]
fn confirmed_events_survive_random_faults_and_power_cuts() {
    let deck = mini();
    let mut seen = Seen::default();
    for seed in 0..SCHEDULES {
        schedule(seed, &deck, &mut seen);
    }
    eprintln!("fault schedules: {SCHEDULES}, {seen:?}");
    // The faults must really happen, or the test shows nothing.
    assert!(seen.fail_overs > 1000, "{seen:?}");
    assert!(seen.refused_by_disk > 100, "{seen:?}");
    assert!(seen.torn > 1000, "{seen:?}");
    assert!(seen.confirmed > 50_000, "{seen:?}");
}

#[test]
fn a_failed_sync_goes_on_in_a_fresh_journal_and_applies_the_event_once() {
    let fs = SimFs::new(1, Faults::default());
    let dir = PathBuf::from("/sessies");
    let deck = mini();
    let mut rec = Recorder::create_in(Arc::new(fs.clone()), &dir, session(&deck)).unwrap();
    let first = rec.path().to_path_buf();
    rec.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("klant".into(), 3)],
    })
    .unwrap();
    rec.apply(Event::RoundStarted {
        scenario: "balie".into(),
    })
    .unwrap();
    rec.apply(Event::chose(0, Key::A)).unwrap();
    // Every sync of the old journal fails from now on; the line reaches the file all the same.
    fs.set_faults(Faults {
        sync: 1000,
        ..Faults::default()
    });
    let old_before = fs.contents(&first).unwrap();
    let adjust = Event::ScoreAdjusted {
        team: 1,
        points: 2,
        reason: "snel".into(),
    };
    let r = rec.apply(adjust.clone());
    // The fresh journal needs a sync too: with every sync failing nothing can be confirmed.
    assert!(
        matches!(r, Err(RecordError::Store(StoreError::FailOver { .. }))),
        "{r:?}"
    );
    assert_eq!(rec.session().events().len(), 3, "not applied");
    assert_eq!(rec.path(), first);
    // The disk recovers: the retry lands once, in a fresh journal.
    fs.set_faults(Faults::default());
    rec.apply(adjust.clone()).unwrap();
    assert_ne!(rec.path(), first);
    let notices = rec.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].nl.contains("niets verloren"), "{notices:?}");
    assert_eq!(rec.session().totals()[1], 2);
    let fresh = store::read_in(&fs, rec.path()).unwrap();
    assert_eq!(fresh.events.len(), 4);
    assert_eq!(
        fresh.events.iter().filter(|e| **e == adjust).count(),
        1,
        "the adjustment counts once"
    );
    // The old journal holds the line whose sync failed, and is never written again.
    let old = fs.contents(&first).unwrap();
    assert!(old.starts_with(&old_before) && old.len() > old_before.len());
    rec.apply(Event::chose(1, Key::B)).unwrap();
    assert_eq!(fs.contents(&first).unwrap(), old);
    // Only the fresh journal is offered.
    assert_eq!(offered(&fs, &dir), rec.path());
}

#[test]
fn a_full_disk_refuses_the_event_with_a_message_and_loses_nothing() {
    let fs = SimFs::new(2, Faults::default());
    let dir = PathBuf::from("/sessies");
    let deck = mini();
    let mut rec = Recorder::create_in(Arc::new(fs.clone()), &dir, session(&deck)).unwrap();
    rec.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("klant".into(), 3)],
    })
    .unwrap();
    fs.set_faults(Faults {
        full: 1000,
        create: 1000,
        ..Faults::default()
    });
    let start = Event::RoundStarted {
        scenario: "balie".into(),
    };
    for _ in 0..3 {
        let err = rec.apply(start.clone()).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("Niet opgeslagen, dus niet uitgevoerd"),
            "{msg}"
        );
        assert!(msg.contains("no space left"), "{msg}");
        assert!(msg.contains("Maak ruimte vrij"), "{msg}");
        assert_eq!(rec.session().events().len(), 1);
    }
    fs.set_faults(Faults::default());
    rec.apply(start).unwrap();
    assert_eq!(rec.session().events().len(), 2);
    drop(rec);
    fs.power_cut();
    let path = offered(&fs, &dir);
    let resumed = store::resume_in(Arc::new(fs.clone()), &path, None).unwrap();
    assert_eq!(resumed.recorder.session().events().len(), 2);
}
