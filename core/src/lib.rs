//! The core of CultuurBarbarenSpel, without Bevy: decks, sessions and their journal, the poll, the
//! report with its formats, the photos, the one language type and catalogue, and the command-line
//! commands that use them. The game (`cultuurbarbarenspel`) re-exports every module, so
//! `cultuurbarbarenspel_core::session::Session` and `cultuurbarbarenspel_core::session::Session` are the
//! same type. Its tests (`tests/core/`) build and run without Bevy.

pub mod commands;
pub mod deck;
pub mod lang;
pub mod photos;
pub mod poll;
pub mod report;
pub mod session;
pub mod store;
