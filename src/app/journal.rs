//! The journal folder as the Title screen shows it: earlier sessions to resume, newest first.
//! Reading and writing journals is `crate::store`'s work.

use bevy::prelude::*;
use std::path::{Path, PathBuf};

use crate::store;

#[derive(Debug, Clone)]
pub struct SessionEntry {
    pub path: PathBuf,
    /// "2026-11-22 14:35 · klantcontact · Team 1, Team 2 · ronde 3 van 5".
    pub label: String,
    /// Why it cannot be resumed, when it cannot (a damaged journal).
    pub problem: Option<String>,
}

/// Earlier sessions, newest first.
#[derive(Resource, Debug, Clone, Default)]
pub struct SessionList {
    pub folder: PathBuf,
    pub entries: Vec<SessionEntry>,
}

impl SessionList {
    pub fn scan(folder: &Path) -> SessionList {
        let entries = store::list(folder)
            .into_iter()
            .map(|s| {
                let when = s
                    .created
                    .as_deref()
                    .map(|c| c.replace('T', " ").chars().take(16).collect::<String>())
                    .unwrap_or_else(|| {
                        s.path
                            .file_stem()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    });
                let label = if s.problem.is_some() {
                    when
                } else {
                    let progress = if s.finished {
                        format!("afgesloten na {} rondes", s.played)
                    } else {
                        format!("ronde {} van {}", s.played, s.rounds)
                    };
                    format!(
                        "{when} · {} · {} · {progress}",
                        s.deck_id,
                        s.teams.join(", ")
                    )
                };
                SessionEntry {
                    path: s.path,
                    label,
                    problem: s.problem,
                }
            })
            .collect();
        SessionList {
            folder: folder.to_path_buf(),
            entries,
        }
    }
}

/// The default journal folder: the platform's data directory, else `./sessions`.
pub fn default_folder() -> PathBuf {
    store::default_dir()
}
