//! The command line; see `commands::cli` for its commands and options.

use std::process::ExitCode;

fn main() -> ExitCode {
    cultuurbarbarenspel::commands::cli::main(std::env::args_os().collect())
}
