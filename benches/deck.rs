//! Loading and checking a generated deck of 10,000 scenarios, next to plain `ron`
//! deserialisation of the same text. Run with `cargo bench --bench deck`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use cultuurbarbarenspel::deck::{self, Deck};

fn generated_deck(scenarios: usize) -> String {
    let values = [
        "klant",
        "regels",
        "team",
        "eigenaarschap",
        "openheid",
        "tempo",
    ];
    let mut s = String::from(
        "Deck(\n    id: \"bench\",\n    title: \"Benchmark\",\n    language: nl,\n    values: [\n",
    );
    for v in values {
        let _ = writeln!(
            s,
            "        Value(id: \"{v}\", name: \"Waarde {v}\", meaning: \"Wat {v} betekent.\"),"
        );
    }
    s.push_str("    ],\n    scenarios: [\n");
    for i in 0..scenarios {
        let _ = write!(
            s,
            r###"        Scenario(
            id: "s{i}",
            title: "Scenario {i}",
            layer: Rituals,
            setting: "Publieksbalie, maandagochtend",
            situation: r#"Een burger staat aan de balie zonder afspraak. De medewerker twijfelt.
Wat doet het team?"#,
            behaviours: [
                Behaviour(key: A, text: "Direct helpen", effects: {{"klant": 2, "regels": -1}}, consequence: "De burger is geholpen."),
                Behaviour(key: B, text: "Afspraak maken", effects: {{"regels": 2, "klant": -1, "tempo": 1}}, consequence: "De burger komt terug."),
                Behaviour(key: C, text: "Collega vragen", effects: {{"team": 2, "eigenaarschap": -1, "openheid": 1}}, consequence: "Samen opgelost."),
            ],
            debrief: ["Wat doen wij naar de klant toe?", "Wat betekent dit voor onze samenwerking?"],
            notes: "Let op wie de regels noemt.",
            follow_up: "s{next}",
        ),
"###,
            next = (i + 1) % scenarios.max(1),
        );
    }
    s.push_str("    ],\n)\n");
    // The last follow-up would point back to s0 and close a cycle: drop it.
    s.replace(
        "follow_up: \"s0\",\n        ),\n    ],\n)",
        "\n        ),\n    ],\n)",
    )
}

fn time<F: FnMut()>(runs: u32, mut f: F) -> Duration {
    f(); // warm up
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

fn main() {
    let src = generated_deck(10_000);
    let runs = 5;
    let plain = time(runs, || {
        let d: Deck = deck::ron_options()
            .from_str(black_box(&src))
            .expect("the generated deck parses");
        black_box(d);
    });
    let checked = time(runs, || {
        let f = deck::check_source("bench.ron", black_box(&src), None);
        assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics.first());
        black_box(f);
    });
    println!(
        "deck of 10,000 scenarios, {} KiB, best of {runs}:",
        src.len() / 1024
    );
    println!(
        "  plain ron deserialisation : {:>8.1} ms",
        plain.as_secs_f64() * 1e3
    );
    println!(
        "  load + check              : {:>8.1} ms",
        checked.as_secs_f64() * 1e3
    );
    println!(
        "  ratio                     : {:>8.2}x (aim: at most 1.5x)",
        checked.as_secs_f64() / plain.as_secs_f64()
    );
}
