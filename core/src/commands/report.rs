//! `report JOURNAL --out DIR [--deck PATH]`: what a session leaves behind, from its journal:
//! `report.md`, `report.html`, `scores.xlsx`, `scores.csv` and `session.json` (see
//! [`crate::report`]). Warnings and the files written are printed.

use std::io::Write;
use std::path::Path;

use crate::lang::{Key as _, Lang, R};
use crate::report::{self, OpenError, Opened};

/// Opens the journal with its deck (`deck`, else the one the journal names) and prints the
/// warnings; a failure is told in `lang`, the language of the run.
pub fn open(
    journal: &Path,
    deck: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Opened, String> {
    let opened = report::open(journal, deck).map_err(|e| match &e {
        OpenError::NoDeck(_) => format!("{}; {}", e.text(lang), R::NameTheDeck.tr(lang)),
        OpenError::Journal(_) => e.text(lang).to_string(),
    })?;
    for w in &opened.warnings {
        writeln!(out, "{}: {}", R::Warning.tr(lang), w.text(lang)).map_err(|e| e.to_string())?;
    }
    Ok(opened)
}

/// Prints each file written, one per line.
pub fn list(paths: &[std::path::PathBuf], out: &mut dyn Write) -> Result<(), String> {
    for path in paths {
        writeln!(out, "{}", path.display()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Reads the journal, replays it and writes the report files into `out_dir`; the files are in the
/// session's language, the messages in `lang`.
pub fn run(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let opened = open(journal, deck, lang, out)?;
    list(&report::write(&opened, out_dir)?, out)
}
