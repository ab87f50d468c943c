//! `poster JOURNAL --out DIR [--deck PATH]`: each team's poster, 1920×1080 and A4 (see
//! `crate::poster`).

use std::io::Write;
use std::path::Path;

pub fn run(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let (session, created) = super::report::open(journal, deck, out)?;
    list(
        crate::poster::write_all(&session, created.as_deref(), out_dir)?,
        out,
    )
}

/// Prints each file written, one per line.
fn list(paths: Vec<std::path::PathBuf>, out: &mut dyn Write) -> Result<(), String> {
    for path in paths {
        writeln!(out, "{}", path.display()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `manners JOURNAL --out DIR [--deck PATH]`: "Zo zijn onze manieren" on one A4 page (see
/// `crate::manners`): HTML, PNG and, when Chromium is installed, PDF.
pub fn manners(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let (session, created) = super::report::open(journal, deck, out)?;
    list(
        crate::manners::write(&session, created.as_deref(), out_dir, true)?,
        out,
    )
}
