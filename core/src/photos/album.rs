//! Where a session's photos are kept (`<journal>-fotos/`, originals beside the display copies)
//! and the album that reads them back.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{PhotoError, Picture, Prepared, decode, display_name};
use crate::lang::Bi;
use crate::session::is_photo_hash;

/// The folder a journal's photos are kept in: `<journal>-fotos/` beside it.
pub fn dir_for_journal(journal: &Path) -> PathBuf {
    let stem = journal
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".into());
    journal.with_file_name(format!("{stem}-fotos"))
}

/// The folder inside a photo folder that is watched for new pictures during the session.
pub const INBOX: &str = "nieuw";

/// Writes `bytes` to `path` under a temporary name, syncs it, then gives it its name and syncs the
/// folder: the file is there whole or not at all.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.part",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Syncing a folder is not possible on every platform; the file itself is synced.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Keeps a prepared photo in `dir`: the display copy as `<hash>.jpg` and the original as
/// `originelen/<hash>.<ext>`, each synced. A photo already kept is left as it is (same hash, same
/// bytes).
pub fn store(p: &Prepared, dir: &Path) -> Result<PathBuf, PhotoError> {
    let fail = |e: std::io::Error| PhotoError::Store {
        name: p.name.clone(),
        dir: dir.display().to_string(),
        detail: e.to_string(),
    };
    let originals = dir.join("originelen");
    std::fs::create_dir_all(&originals).map_err(fail)?;
    let original = originals.join(format!("{}.{}", p.hash, p.format.extension()));
    if !original.is_file() {
        write_synced(&original, &p.original).map_err(fail)?;
    }
    let display = dir.join(format!("{}.jpg", p.hash));
    if !display.is_file() {
        write_synced(&display, &p.display_jpeg).map_err(fail)?;
    }
    Ok(display)
}

/// Where a session's photos are: the folder new photos go to, and the folders of the journals it
/// took over from (after a failed write the session goes on in a fresh journal, with a folder of its
/// own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Album {
    dirs: Vec<PathBuf>,
}

impl Album {
    /// No folder: every photo is missing (what a report without its journal's folder shows).
    pub fn none() -> Album {
        Album::default()
    }

    /// Photos in `dir` only.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Album {
        Album {
            dirs: vec![dir.into()],
        }
    }

    /// The photos of the session in `journal`: its own folder, then those of the journals it
    /// replaced (up to 50 back).
    pub fn beside(journal: &Path) -> Album {
        let mut dirs = vec![dir_for_journal(journal)];
        let mut current = journal.to_path_buf();
        for _ in 0..50 {
            let Some(prev) = crate::store::read(&current).ok().and_then(|l| l.replaces) else {
                break;
            };
            let prev = current.with_file_name(prev);
            if prev == current {
                break;
            }
            dirs.push(dir_for_journal(&prev));
            current = prev;
        }
        Album { dirs }
    }

    /// The folder new photos are kept in.
    pub fn dir(&self) -> Option<&Path> {
        self.dirs.first().map(PathBuf::as_path)
    }

    /// The folder watched for new pictures.
    pub fn inbox(&self) -> Option<PathBuf> {
        self.dir().map(|d| d.join(INBOX))
    }

    /// The display copy of photo `hash`, where it exists.
    pub fn find(&self, hash: &str) -> Option<PathBuf> {
        if !is_photo_hash(hash) {
            return None;
        }
        self.dirs
            .iter()
            .map(|d| d.join(format!("{hash}.jpg")))
            .find(|p| p.is_file())
    }

    /// Reads the display copy of photo `hash`. A missing or unreadable file is an `Err` with a
    /// sentence for the report or the screen, in both languages.
    pub fn load(&self, hash: &str) -> Result<Picture, Bi> {
        let short: String = hash.chars().take(12).collect();
        let Some(path) = self.find(hash) else {
            return Err(match self.dir() {
                Some(d) => {
                    let d = d.display();
                    crate::bi!(
                        "Foto {short}… ontbreekt: het bestand {short}….jpg staat niet in {d}.",
                        "Photo {short}… is missing: the file {short}….jpg is not in {d}."
                    )
                }
                None => crate::bi!(
                    "Foto {short}… ontbreekt: de fotomap van de sessie is niet gevonden.",
                    "Photo {short}… is missing: the session's photo folder was not found."
                ),
            });
        };
        let bytes =
            std::fs::read(&path).map_err(|e| Bi::same(format!("{}: {e}", path.display())))?;
        decode(&display_name(&path), &bytes)
            .map(|(p, _, _)| p)
            .map_err(|e| e.message())
    }
}
