//! `report`: report.md, scores.csv and session.json from a journal. (Owned by the session work.)
use std::io::Write;
use std::path::Path;

pub fn run(
    _journal: &Path,
    _deck: Option<&Path>,
    _out_dir: &Path,
    _out: &mut dyn Write,
) -> Result<(), String> {
    Err("report is not built yet".into())
}
