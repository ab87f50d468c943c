//! `report JOURNAL --out DIR [--deck PATH]`: what a session leaves behind, from its journal:
//! `report.md`, `report.html`, `scores.xlsx`, `scores.csv` and `session.json` (see
//! [`crate::report`]). Warnings and the files written are printed.

use std::io::Write;
use std::path::Path;

use crate::lang::Lang;
use crate::report::{self, OpenError, Opened};

/// Opens the journal with its deck (`deck`, else the one the journal names) and prints the
/// warnings; messages in `lang`.
pub fn open(
    journal: &Path,
    deck: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Opened, String> {
    let opened = report::open(journal, deck).map_err(|e| match e {
        OpenError::NoDeck(why) => format!(
            "{}; {}",
            why.text(lang),
            lang.pick("geef het aan met --deck PAD", "name it with --deck PATH")
        ),
        OpenError::Journal(why) => why.text(lang).to_owned(),
    })?;
    let word = lang.pick("waarschuwing", "warning");
    for w in &opened.warnings {
        writeln!(out, "{word}: {w}").map_err(|e| e.to_string())?;
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

/// Reads the journal, replays it and writes the report files into `out_dir`.
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
