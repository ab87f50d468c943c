//! Sessions: scoring worked out by hand, rules, undo, replay, the seeded draw, `simulate`.
