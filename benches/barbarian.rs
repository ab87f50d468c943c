//! How often a choice is a barbarian move, printed (not asserted here; `tests/core/barbarian.rs`
//! holds the aim): on each of the three decks in `levels/`, for teams with 2, 3 and 4 agreed values,
//! over every value set and weight (random value sets, all equally likely) and every behaviour of
//! every scenario (a random choice). The former rule (any agreed value below zero) for comparison.
//!
//! Run: `cargo bench --bench barbarian --profile dev`. The figures are in docs/sessions.md.

use std::path::Path;
use std::time::Instant;

use cultuurbarbarenspel::deck;
use cultuurbarbarenspel::session::score;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("levels");
    println!(
        "deck                 values  barbarian move (rule now)   former rule (any agreed value below zero)"
    );
    for name in [
        "klantcontact.nl.ron",
        "thuiswerken.nl.ron",
        "rituelen.nl.ron",
    ] {
        let path = root.join(name);
        let source = std::fs::read_to_string(&path).expect("the deck is in levels/");
        let file = deck::check_source(name, &source, None);
        let Some(d) = file.deck else {
            println!("{name}: does not load");
            continue;
        };
        for count in 2..=4 {
            let start = Instant::now();
            let (new, old) = score::barbarian_share(&d, count);
            println!(
                "{name:<22} {count}  {:>3} % ({} of {})   {:>3} % ({} of {})   [{:.0?}]",
                new.percent(),
                new.flagged,
                new.choices,
                old.percent(),
                old.flagged,
                old.choices,
                start.elapsed()
            );
        }
    }
}
