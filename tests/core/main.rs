//! Integration tests of the core (no Bevy used): decks, sessions, the journal and the commands.
//! One test binary, one module per area.

mod agreements;
mod barbarian;
mod builtin_decks;
mod crash;
mod decks;
mod faults;
mod images;
mod journal;
mod languages;
mod own_values;
mod photos;
mod plan;
mod poll;
mod poster;
mod report;
mod sessions;
mod simulate;
