//! The decks built into the binary, so that the game plays wherever it is started (a desktop
//! shortcut, `cargo install`): the three decks in both languages and the template.
//!
//! Decks are looked for in `levels/` of the current folder and in `levels/` of the user's data
//! folder (on Linux `~/.local/share/cultuurbarbarenspel/levels`). When neither holds a deck, the
//! built-in ones are written to the user's data folder (a file already there is never
//! overwritten, so a trainer may edit them), or, when that cannot be written, to a folder in the
//! temporary directory. A deck given with `--deck` always wins.

use std::path::{Path, PathBuf};

/// The built-in files: (file name, text).
pub const FILES: [(&str, &str); 7] = [
    (
        "klantcontact.nl.ron",
        include_str!("../../../levels/klantcontact.nl.ron"),
    ),
    (
        "klantcontact.en.ron",
        include_str!("../../../levels/klantcontact.en.ron"),
    ),
    (
        "thuiswerken.nl.ron",
        include_str!("../../../levels/thuiswerken.nl.ron"),
    ),
    (
        "thuiswerken.en.ron",
        include_str!("../../../levels/thuiswerken.en.ron"),
    ),
    (
        "rituelen.nl.ron",
        include_str!("../../../levels/rituelen.nl.ron"),
    ),
    (
        "rituelen.en.ron",
        include_str!("../../../levels/rituelen.en.ron"),
    ),
    (
        "_sjabloon.ron",
        include_str!("../../../levels/_sjabloon.ron"),
    ),
];

/// The file name of the default deck.
pub const DEFAULT: &str = "klantcontact.nl.ron";

/// `levels/` in the user's data folder, when the platform has one.
pub fn user_folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "cultuurbarbaren", "cultuurbarbarenspel")
        .map(|d| d.data_dir().join("levels"))
}

/// Whether `folder` holds a deck file (`*.ron` not starting with `_`).
pub fn has_decks(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|rd| {
        rd.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".ron") && !name.starts_with('_')
        })
    })
}

/// Writes the built-in files missing from `folder` (creating it); files already there are kept.
pub fn install(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for (name, text) in FILES {
        let path = folder.join(name);
        if !path.exists() {
            std::fs::write(&path, text)?;
        }
    }
    Ok(())
}

/// The folders to list decks from, in order: `levels/` of the current folder and the user's
/// `levels/`, those that hold a deck. When none does, the built-in decks are installed (see the
/// module) and that folder is the one.
pub fn deck_folders() -> Vec<PathBuf> {
    let here = std::path::absolute("levels").unwrap_or_else(|_| PathBuf::from("levels"));
    let user = user_folder();
    let found: Vec<PathBuf> = std::iter::once(here)
        .chain(user.clone())
        .filter(|f| has_decks(f))
        .collect();
    if !found.is_empty() {
        return found;
    }
    let temp = std::env::temp_dir().join("cultuurbarbarenspel-levels");
    user.into_iter()
        .chain([temp])
        .find(|f| install(f).is_ok() && has_decks(f))
        .into_iter()
        .collect()
}

/// The deck a command uses without `--deck`: the default deck ([`DEFAULT`]) in the first of
/// [`deck_folders`] that has it, else the first deck there.
pub fn default_deck() -> Result<PathBuf, crate::lang::Bi> {
    let folders = deck_folders();
    if let Some(p) = folders
        .iter()
        .map(|f| f.join(DEFAULT))
        .find(|p| p.is_file())
    {
        return Ok(p);
    }
    for f in &folders {
        let mut decks: Vec<PathBuf> = std::fs::read_dir(f)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().is_some_and(|x| x == "ron")
                            && !p
                                .file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with('_'))
                    })
                    .collect()
            })
            .unwrap_or_default();
        decks.sort();
        if let Some(p) = decks.into_iter().next() {
            return Ok(p);
        }
    }
    Err(crate::bi!(
        "geen deck gevonden: niet in levels/, niet in de gebruikersmap, en de ingebouwde decks konden niet worden weggeschreven; geef er een met --deck PAD",
        "no deck found: none in levels/, none in the user's folder, and the built-in decks could not be written; give one with --deck PATH"
    ))
}
