//! The secrets: the token in every URL, the room code to type, and comparing them.

pub(super) const CODE_BURST: f64 = 20.0;
/// A room code: six letters and digits that cannot be mistaken for each other.
pub(super) const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

pub(super) fn random_token() -> String {
    let n: u128 = rand::random();
    format!("{n:032x}")
}

pub(super) fn random_room_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..6)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Compares without stopping at the first difference (the token is a secret).
pub(super) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
