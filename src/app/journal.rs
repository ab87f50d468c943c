//! The journal folder: where sessions are written, and the list of earlier sessions to resume.

use bevy::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub label: String,
    pub modified: std::time::SystemTime,
}

/// Earlier sessions, newest first.
#[derive(Resource, Debug, Clone, Default)]
pub struct SessionList {
    pub folder: PathBuf,
    pub entries: Vec<SessionEntry>,
}

impl SessionList {
    pub fn scan(folder: &Path) -> SessionList {
        let mut entries: Vec<SessionEntry> = std::fs::read_dir(folder)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
                    .map(|e| {
                        let path = e.path();
                        let modified = e
                            .metadata()
                            .and_then(|m| m.modified())
                            .unwrap_or(std::time::UNIX_EPOCH);
                        let label = path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        SessionEntry {
                            path,
                            label,
                            modified,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        entries.sort_by_key(|e| std::cmp::Reverse(e.modified));
        SessionList {
            folder: folder.to_path_buf(),
            entries,
        }
    }
}

/// The default journal folder: the platform's data directory, else `./sessions`.
pub fn default_folder() -> PathBuf {
    directories::ProjectDirs::from("nl", "cultuurbarbaren", "cultuurbarbarenspel")
        .map(|d| d.data_dir().join("sessions"))
        .unwrap_or_else(|| PathBuf::from("sessions"))
}
