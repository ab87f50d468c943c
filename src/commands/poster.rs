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
    for path in crate::poster::write_all(&session, created.as_deref(), out_dir)? {
        writeln!(out, "{}", path.display()).map_err(|e| e.to_string())?;
    }
    Ok(())
}
