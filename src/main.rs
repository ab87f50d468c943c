//! The command line; see `cli` for its commands and options.

use std::process::ExitCode;

fn main() -> ExitCode {
    cultuurbarbarenspel::cli::main(std::env::args_os().collect())
}
