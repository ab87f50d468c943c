//! `poster JOURNAL --out DIR [--deck PATH]`: each team's poster, 1920×1080 and A4; `manners
//! JOURNAL --out DIR [--deck PATH]`: "Zo zijn onze manieren" on one A4 page (HTML, PNG and, when
//! Chromium is installed, PDF). See [`crate::report::poster`] and [`crate::report::manners`].

use std::io::Write;
use std::path::Path;

use super::report::{list, open};
use crate::lang::Lang;

/// Writes each team's posters; messages in `lang`.
pub fn run(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let o = open(journal, deck, lang, out)?;
    let (paths, _) = crate::report::poster::write_posters(
        &o.session,
        o.created.as_deref(),
        out_dir,
        1,
        Some(&o.album),
        &|_, _| {},
    )?;
    list(&paths, out)
}

/// Writes the A4 page of the group's agreements; messages in `lang`.
pub fn manners(
    journal: &Path,
    deck: Option<&Path>,
    out_dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let o = open(journal, deck, lang, out)?;
    let created = o.created.as_deref();
    let paths =
        crate::report::manners::write_with_photos(&o.session, created, out_dir, true, &o.album)?;
    list(&paths, out)
}
