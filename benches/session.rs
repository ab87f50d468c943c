//! Journal benchmarks: time per appended event with sync, and replay of 10,000 events.
fn main() {}
