//! Session core: events, state folded from them, scoring, seeded draw. No Bevy here.
