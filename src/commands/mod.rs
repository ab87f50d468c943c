//! The command line's subcommands, each in its own file. `main.rs` only parses arguments.

pub mod check;
pub mod images;
pub mod poll;
pub mod poster;
pub mod report;
pub mod simulate;
