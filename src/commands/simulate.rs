//! `simulate`: a whole session headless. (Owned by the session work.)
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct SimulateArgs {
    pub deck: PathBuf,
    pub teams: usize,
    pub rounds: usize,
    pub seed: u64,
    pub sessions: Option<PathBuf>,
    pub choices: Option<PathBuf>,
}

pub fn run(_args: &SimulateArgs, _out: &mut dyn Write) -> Result<(), String> {
    Err("simulate is not built yet".into())
}
