//! The command line (`cli`: its definition in the language of the run) and its commands, each in its
//! own file.

pub mod check;
pub mod cli;
pub mod images;
pub mod poll;
pub mod poster;
pub mod report;
pub mod simulate;
