//! The teams' phones on loopback, printed (not asserted): how long 200 phones take to join (join
//! request plus the first state on their event stream), the time from sending a vote to its answer
//! (the answer comes after the `TeamChose` event is journaled and synced), one vote at a time and
//! all at once, and the CPU the process uses while the 200 phones hold their streams and nobody
//! votes.
//!
//! Run: `cargo bench --bench phones --profile dev`. The game's logic runs headless on the main
//! thread and sleeps until the server wakes it, as the reactive app does.

#[path = "../tests/app/phone_client.rs"]
mod phone_client;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::phones::{Phones, PhonesAction};
use cultuurbarbarenspel::app::{LogicPlugins, init_game};
use phone_client::{Events, new_id, post_json};

const PHONES: usize = 200;
const THREADS: usize = 20;

fn app(sessions: PathBuf) -> App {
    let deck = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-demo.ron");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .add_plugins(LogicPlugins);
    init_game(&mut app, Some(deck), Some(sessions));
    app.update();
    app.world_mut().resource_mut::<Phones>().exact = Some("127.0.0.1:0".parse().unwrap());
    let act = |app: &mut App, a: Action| {
        app.world_mut().write_message(a);
        app.update();
        app.update();
    };
    act(&mut app, Action::Phones(PhonesAction::Toggle));
    act(&mut app, Action::Next);
    act(&mut app, Action::Next);
    act(
        &mut app,
        Action::ToggleValue {
            set: 0,
            value: "klant".into(),
        },
    );
    act(&mut app, Action::Next); // the first scenario
    act(&mut app, Action::Next); // discuss: the phones may choose
    app
}

fn server_of(app: &App) -> (SocketAddr, String) {
    let s = app
        .world()
        .resource::<Phones>()
        .server
        .as_ref()
        .expect("server runs");
    (s.addr(), format!("/j/{}", s.token()))
}

/// Runs the app, woken by the server, until `done`.
fn drive(app: &mut App, done: &AtomicBool) {
    while !done.load(Ordering::SeqCst) {
        // Read the count before the update: a vote that arrives during it wakes the next one.
        let seen = pokes(app);
        app.update();
        let p = app.world().resource::<Phones>();
        p.server
            .as_ref()
            .unwrap()
            .wait_for_more_than(seen, Duration::from_millis(500));
    }
}

fn pokes(app: &App) -> u64 {
    app.world()
        .resource::<Phones>()
        .server
        .as_ref()
        .map_or(0, |s| s.pokes())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "{what:<44} n={:<4} p50 {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms",
        v.len(),
        percentile(&v, 0.5).as_secs_f64() * 1e3,
        percentile(&v, 0.99).as_secs_f64() * 1e3,
        v.last().unwrap().as_secs_f64() * 1e3
    );
}

/// This process's CPU time (user + system) from /proc (Linux), else zero.
fn cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<u64> = after
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name; ticks of 1/100 s.
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path().join("sessies"));
    let (addr, base) = server_of(&app);
    let done = AtomicBool::new(false);
    let teams = 3;
    let (joins, one_by_one, burst, idle_cpu) = std::thread::scope(|s| {
        let phones = s.spawn(|| {
            // Join: every phone at once (THREADS at a time).
            let barrier = std::sync::Barrier::new(THREADS);
            let joined: Vec<(Vec<Duration>, Vec<Events>)> = std::thread::scope(|s| {
                let ws: Vec<_> = (0..THREADS)
                    .map(|w| {
                        let (base, barrier) = (&base, &barrier);
                        s.spawn(move || {
                            barrier.wait();
                            let mut times = Vec::new();
                            let mut streams = Vec::new();
                            for p in (0..PHONES).filter(|p| p % THREADS == w) {
                                let dev = new_id(p as u64 + 1);
                                let t0 = Instant::now();
                                let r = post_json(addr, &format!("{base}/join"), &serde_json::json!({"device": dev, "team": p % teams}));
                                assert_eq!(r.status, 200, "{}", r.body);
                                let mut ev = Events::open(addr, &format!("{base}/events?device={dev}")).unwrap();
                                ev.next().unwrap();
                                times.push(t0.elapsed());
                                streams.push(ev);
                            }
                            (times, streams)
                        })
                    })
                    .collect();
                ws.into_iter().map(|w| w.join().unwrap()).collect()
            });
            let joins: Vec<Duration> = joined.iter().flat_map(|(d, _)| d.clone()).collect();
            // Idle: the streams stay open, nobody votes.
            let cpu0 = cpu_time();
            std::thread::sleep(Duration::from_secs(3));
            let idle_cpu = cpu_time().saturating_sub(cpu0);
            // One vote at a time, round robin over the phones.
            let mut one = Vec::new();
            for p in 0..PHONES {
                let dev = new_id(p as u64 + 1);
                let key = ["A", "B"][p % 2];
                let t0 = Instant::now();
                let r = post_json(addr, &format!("{base}/vote"), &serde_json::json!({"device": dev, "vote": new_id(10_000 + p as u64), "key": key, "round": 1}));
                one.push(t0.elapsed());
                assert_eq!(r.status, 200, "{}", r.body);
            }
            // All at once: every phone votes again.
            let barrier = std::sync::Barrier::new(THREADS);
            let burst: Vec<Duration> = std::thread::scope(|s| {
                let ws: Vec<_> = (0..THREADS)
                    .map(|w| {
                        let (base, barrier) = (&base, &barrier);
                        s.spawn(move || {
                            barrier.wait();
                            let mut times = Vec::new();
                            for p in (0..PHONES).filter(|p| p % THREADS == w) {
                                let dev = new_id(p as u64 + 1);
                                let key = ["B", "A"][p % 2];
                                let t0 = Instant::now();
                                let r = post_json(addr, &format!("{base}/vote"), &serde_json::json!({"device": dev, "vote": new_id(20_000 + p as u64), "key": key, "round": 1}));
                                times.push(t0.elapsed());
                                assert_eq!(r.status, 200, "{}", r.body);
                            }
                            times
                        })
                    })
                    .collect();
                ws.into_iter().flat_map(|w| w.join().unwrap()).collect()
            });
            drop(joined);
            done.store(true, Ordering::SeqCst);
            (joins, one, burst, idle_cpu)
        });
        drive(&mut app, &done);
        phones.join().unwrap()
    });
    println!(
        "phones on loopback: {PHONES} phones, {THREADS} client threads, {teams} teams (--profile dev)"
    );
    report("join (join request + first state)", joins);
    report("vote to applied, one at a time", one_by_one);
    report("vote to applied, 200 at once", burst);
    println!(
        "CPU used in 3 s with {PHONES} streams open and no votes: {} ms",
        idle_cpu.as_millis()
    );
}
