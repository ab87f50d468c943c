//! CultuurBarbarenSpel: a workshop game about organisational culture.
//!
//! The core (`deck`, `session`, `store`, `poll`, `report`, `lang`) knows nothing of Bevy; `app` is
//! the thin Bevy shell.

pub mod app;
pub mod commands;
pub mod deck;
pub mod lang;
pub mod phones;
pub mod photos;
pub mod poll;
pub mod report;
pub mod session;
pub mod store;
