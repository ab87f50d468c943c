//! CultuurBarbarenSpel: a workshop game about organisational culture.
//!
//! The core (`deck`, `session`, `store`, `poll`) knows nothing of Bevy; `app` is the thin Bevy shell.

pub mod app;
pub mod commands;
pub mod deck;
pub mod handout;
pub mod lang;
pub mod manners;
pub mod phones;
pub mod photos;
pub mod poll;
pub mod poster;
pub mod session;
pub mod store;
