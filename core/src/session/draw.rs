//! The seeded draw of scenarios. The order comes from ChaCha8 (a named, portable generator whose
//! stream is fixed by its specification) seeded with the session's seed, through a Fisher–Yates
//! shuffle written here, so the same seed and deck give the same order on every platform and with
//! every version of `rand`.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::deck::Deck;

/// The deck's scenario ids, shuffled by `seed`.
pub fn shuffled_ids(deck: &Deck, seed: u64) -> Vec<String> {
    let mut ids: Vec<String> = deck.scenarios.iter().map(|s| s.id.clone()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for i in (1..ids.len()).rev() {
        // The modulo bias is below 2^-50 for any deck size: irrelevant here, and portable.
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        ids.swap(i, j);
    }
    // The deck's recommended start comes first; the rest keeps the seeded order.
    if let Some(start) = &deck.start
        && let Some(pos) = ids.iter().position(|id| id == start)
    {
        let first = ids.remove(pos);
        ids.insert(0, first);
    }
    ids
}

/// The scenario that comes next.
///
/// 1. When the last round was played (revealed) and its scenario names a `follow_up` that exists
///    and has not been played, that follow-up.
/// 2. Else the first scenario in `order` that is not used and is nobody's follow-up (sequels wait
///    for the scenario they follow).
/// 3. Else the first scenario in `order` that is not used at all.
///
/// `used` holds the scenarios of this session's rounds (skipped ones included) and those played
/// before in the trajectory.
pub fn next_id<'a>(
    deck: &Deck,
    order: &'a [String],
    used: &[&str],
    last_revealed: Option<&str>,
) -> Option<&'a str> {
    let is_used = |id: &str| used.contains(&id);
    if let Some(last) = last_revealed
        && let Some(next) = deck.scenario(last).and_then(|s| s.follow_up.as_deref())
        && !is_used(next)
        && let Some(found) = order.iter().find(|id| id.as_str() == next)
    {
        return Some(found.as_str());
    }
    let is_sequel = |id: &str| {
        deck.scenarios
            .iter()
            .any(|s| s.follow_up.as_deref() == Some(id) && s.id != id)
    };
    order
        .iter()
        .find(|id| !is_used(id) && !is_sequel(id))
        .or_else(|| order.iter().find(|id| !is_used(id)))
        .map(String::as_str)
}
