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
    let (session, created, album) = open_with_photos(journal, deck, out)?;
    let (paths, _) = crate::poster::write_posters(
        &session,
        created.as_deref(),
        out_dir,
        1,
        Some(&album),
        &|_, _| {},
    )?;
    list(paths, out)
}

/// The journal's session, when it was created, and its photos, with a warning for each missing one.
pub(super) fn open_with_photos(
    journal: &Path,
    deck: Option<&Path>,
    out: &mut dyn Write,
) -> Result<
    (
        crate::session::Session,
        Option<String>,
        crate::photos::Album,
    ),
    String,
> {
    let (session, created) = super::report::open(journal, deck, out)?;
    let album = crate::photos::Album::beside(journal);
    missing_photos(&session, &album, out)?;
    Ok((session, created, album))
}

/// A warning for every photo on the wall whose file is not in the session's photo folder (the
/// posters and pages show a placeholder for it).
fn missing_photos(
    s: &crate::session::Session,
    album: &crate::photos::Album,
    out: &mut dyn Write,
) -> Result<(), String> {
    for (_, p) in s.photos_shown() {
        if album.find(&p.hash).is_none()
            && let Err(why) = album.load(&p.hash)
        {
            writeln!(out, "waarschuwing: {why}").map_err(|e| e.to_string())?;
        }
    }
    Ok(())
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
    let (session, created, album) = open_with_photos(journal, deck, out)?;
    list(
        crate::manners::write_with_photos(&session, created.as_deref(), out_dir, true, &album)?,
        out,
    )
}
