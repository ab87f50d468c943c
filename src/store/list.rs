//! The journals in a sessions folder, as the Title screen lists them.

use std::path::{Path, PathBuf};

use super::{EXTENSION, Fs, Loaded, RealFs, StoreError, read_in};
use crate::lang::Bi;
use crate::session::Event;

/// One journal in a sessions folder, as the Title screen lists it.
#[derive(Debug, Clone)]
pub struct Summary {
    pub path: PathBuf,
    pub modified: std::time::SystemTime,
    pub created: Option<String>,
    pub deck_id: String,
    pub deck_path: String,
    pub teams: Vec<String>,
    pub rounds: u32,
    /// Rounds revealed (undone ones not counted).
    pub played: usize,
    pub finished: bool,
    /// Why the journal cannot be resumed as it is, if it cannot, in Dutch and English.
    pub problem: Option<Bi>,
}

/// The journals in `dir`, newest first. A missing folder is an empty list; a damaged journal is
/// listed with its problem.
pub fn list(dir: &Path) -> Vec<Summary> {
    list_in(&RealFs, dir)
}

/// As [`list`], on the file system `fs`. A journal another one took over from (after a failed
/// write) is left out: the one that replaced it holds all its events.
pub fn list_in(fs: &dyn Fs, dir: &Path) -> Vec<Summary> {
    let Ok(entries) = fs.list(dir) else {
        return Vec::new();
    };
    // (file name it replaces, its modification time, its path) of every journal that replaced one.
    let mut replacing: Vec<(String, std::time::SystemTime, PathBuf)> = Vec::new();
    let mut out: Vec<Summary> = entries
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
        .map(|path| {
            let modified = fs.modified(&path).unwrap_or(std::time::UNIX_EPOCH);
            let loaded = read_in(fs, &path);
            if let Ok(l) = &loaded
                && let Some(r) = &l.replaces
            {
                replacing.push((r.clone(), modified, path.clone()));
            }
            summarise(path, modified, loaded)
        })
        .collect();
    // Hidden: every journal another one replaced, and of two that replaced the same journal (a
    // fresh journal whose creation was not confirmed, then a second one) all but the newest.
    let mut hidden: Vec<PathBuf> = Vec::new();
    for (name, modified, path) in &replacing {
        hidden.push(dir.join(name));
        if replacing
            .iter()
            .any(|(n, m, p)| n == name && (m, p) > (modified, path))
        {
            hidden.push(path.clone());
        }
    }
    out.retain(|s| !hidden.contains(&s.path));
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.path.cmp(&a.path)));
    out
}

fn summarise(
    path: PathBuf,
    modified: std::time::SystemTime,
    loaded: Result<Loaded, StoreError>,
) -> Summary {
    let path = path.as_path();
    match loaded {
        Ok(l) => {
            // Undo takes back the last event still in effect: a stack of effective events.
            let mut effective: Vec<&Event> = Vec::new();
            for ev in &l.events {
                if matches!(ev, Event::Undone) {
                    effective.pop();
                } else {
                    effective.push(ev);
                }
            }
            Summary {
                path: path.to_path_buf(),
                modified,
                created: l.created.clone(),
                deck_id: l.settings.deck_id.clone(),
                deck_path: l.settings.deck_path.clone(),
                teams: l.settings.teams.iter().map(|t| t.name.clone()).collect(),
                rounds: l.settings.rounds,
                played: effective
                    .iter()
                    .filter(|e| matches!(e, Event::Revealed))
                    .count(),
                finished: matches!(effective.last(), Some(Event::SessionFinished)),
                problem: None,
            }
        }
        Err(e) => Summary {
            path: path.to_path_buf(),
            modified,
            created: None,
            deck_id: String::new(),
            deck_path: String::new(),
            teams: Vec::new(),
            rounds: 0,
            played: 0,
            finished: false,
            problem: Some(e.message()),
        },
    }
}
