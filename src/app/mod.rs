//! The Bevy shell. (Owned by the game work.)
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    pub deck: Option<PathBuf>,
    pub sessions: Option<PathBuf>,
    pub single_window: bool,
    pub continue_from: Option<PathBuf>,
}

pub fn run(_opts: PlayOptions) -> ExitCode {
    eprintln!("the game is not built yet");
    ExitCode::from(1)
}

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub screenshots: PathBuf,
    /// "WIDTHxHEIGHT"
    pub size: String,
}

pub fn demo(_opts: DemoOptions) -> ExitCode {
    eprintln!("demo is not built yet");
    ExitCode::from(1)
}
