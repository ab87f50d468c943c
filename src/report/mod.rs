//! What a session leaves behind, from its journal: one model of the report, worked out once
//! ([`model::Report`]), and one file per output format that writes it down, the way ripgrep's
//! printer keeps one file per output format.
//!
//! - [`open`]: the journal with its deck, photos and trajectory (also how the game continues one).
//! - [`markdown`] (`report.md`), [`html`] (`report.html`, with [`svg`] profiles), [`json`]
//!   (`session.json`), [`csv`] and [`xlsx`] (`scores.csv`, `scores.xlsx`, from [`scores`]).
//! - [`poster`] (each team's poster, 1920×1080 and A4), [`manners`] (the A4 page "Zo zijn onze
//!   manieren"), [`handout`] (the scenarios for the teams).
//! - The rules they share: [`text`] (escaping, numbers), [`date`], [`palette`] (the colours).
//!
//! The fixed texts are the catalogues in `crate::lang::report`. No Bevy here.

pub mod agreements;
pub mod csv;
pub mod date;
pub mod handout;
pub mod html;
pub mod json;
pub mod manners;
pub mod markdown;
pub mod model;
pub mod open;
pub mod palette;
pub mod poster;
pub mod scores;
pub mod svg;
pub mod text;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::lang::{Key as _, Lang, R};

pub use model::Report;
pub use open::{OpenError, Opened, Stage, open};

/// The report files of an opened journal, written into `out_dir` (created if missing):
/// `report.md`, `scores.csv`, `scores.xlsx`, `session.json` and `report.html`. Returns the paths
/// written.
pub fn write(opened: &Opened, out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let s = &opened.session;
    let created = opened.created.as_deref();
    let report = Report::new(s, created, &opened.stages);
    let lang = s.settings().language;
    make_dir(out_dir, lang)?;
    let files: [(&str, Vec<u8>); 5] = [
        ("report.md", markdown::render(&report).into()),
        ("scores.csv", csv::render(&report)?),
        ("scores.xlsx", xlsx::render(&report)?),
        ("session.json", json::render(&report)?.into()),
        (
            "report.html",
            html::render(&report, Some(&opened.album)).into(),
        ),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = out_dir.join(name);
        write_file(&path, bytes, lang)?;
        written.push(path);
    }
    Ok(written)
}

/// Creates the folder `dir` (and those above it); a failure says which and why, in `lang`.
pub(crate) fn make_dir(dir: &Path, lang: Lang) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: {}: {e}", dir.display(), R::CannotMakeFolder.tr(lang)))
}

/// Writes `bytes` to `path`; a failure says which and why, in `lang`.
pub(crate) fn write_file(path: &Path, bytes: impl AsRef<[u8]>, lang: Lang) -> Result<(), String> {
    std::fs::write(path, bytes)
        .map_err(|e| format!("{}: {}: {e}", path.display(), R::CannotWrite.tr(lang)))
}
