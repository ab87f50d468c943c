//! CultuurBarbarenSpel: a workshop game about organisational culture.
//!
//! The core (`deck`, `session`, `store`, `poll`, `report`, `lang`, `photos`, `commands`) is the crate
//! `cultuurbarbarenspel-core` in `core/`, without Bevy, re-exported here; `app` is the Bevy shell,
//! `phones` the teams' join server and `cli` the command line.

pub use cultuurbarbarenspel_core::{
    bi, catalogue, commands, deck, lang, photos, poll, report, session, store,
};

pub mod app;
pub mod cli;
pub mod phones;
