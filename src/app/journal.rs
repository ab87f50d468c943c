//! The journal folder as the Title screen shows it: earlier sessions to resume, newest first.
//! Reading and writing journals is `crate::store`'s work.

use bevy::prelude::*;
use std::path::{Path, PathBuf};

use crate::lang::Bi;
use crate::{bi, store};

#[derive(Debug, Clone)]
pub struct SessionEntry {
    pub path: PathBuf,
    /// "2026-11-22 14:35 · klantcontact · Team 1, Team 2 · ronde 3 van 5".
    pub label: Bi,
    /// Why it cannot be resumed, when it cannot (a damaged journal), in both languages.
    pub problem: Option<Bi>,
}

/// Earlier sessions, newest first, and whether new journals can be written to their folder.
#[derive(Resource, Debug, Clone, Default)]
pub struct SessionList {
    pub folder: PathBuf,
    pub entries: Vec<SessionEntry>,
    /// Why journals cannot be written to `folder` (checked when the game starts and when the
    /// facilitator chooses another folder), when they cannot.
    pub problem: Option<crate::lang::Bi>,
    /// Why the folder typed last could not be used (the current one stays).
    pub refused: Option<crate::lang::Bi>,
    /// The folder the facilitator is typing on the Title screen.
    pub draft: String,
}

impl SessionList {
    /// Lists the journals in `folder` after checking that new ones can be written there.
    pub fn scan(folder: &Path) -> SessionList {
        let problem = store::check_dir(&store::RealFs, folder)
            .err()
            .map(|e| e.message());
        SessionList {
            problem,
            draft: folder.display().to_string(),
            ..SessionList::list(folder)
        }
    }

    fn list(folder: &Path) -> SessionList {
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
                    Bi::same(when)
                } else {
                    let (played, rounds) = (s.played, s.rounds);
                    let progress = if s.finished {
                        bi!(
                            "afgesloten na {played} rondes",
                            "finished after {played} rounds"
                        )
                    } else {
                        bi!("ronde {played} van {rounds}", "round {played} of {rounds}")
                    };
                    let (deck, teams) = (&s.deck_id, s.teams.join(", "));
                    progress.map(|p, _| format!("{when} · {deck} · {teams} · {p}"))
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
            problem: None,
            refused: None,
            draft: String::new(),
        }
    }
}

/// A folder as typed: quotes from "Copy as path" stripped, `~` expanded, made absolute.
pub fn typed_folder(text: &str) -> PathBuf {
    let t = text.trim().trim_matches(|c| c == '"' || c == '\'');
    let path = match t.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with(['/', '\\']) => std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .map(|h| PathBuf::from(h).join(rest.trim_start_matches(['/', '\\'])))
            .unwrap_or_else(|| PathBuf::from(t)),
        _ => PathBuf::from(t),
    };
    std::path::absolute(&path).unwrap_or(path)
}

/// The Title screen's sessions folder: typing another one and switching to it (only before a
/// session is set up; a folder that cannot be written keeps the current one and says why).
pub fn sessions_folder_actions(
    mut actions: MessageReader<super::action::Action>,
    mut list: ResMut<SessionList>,
    mut live: ResMut<super::session_link::Live>,
    screen: Res<State<super::nav::Screen>>,
) {
    use super::action::Action;
    for action in actions.read() {
        match action {
            Action::SetSessionsPath(text) => list.draft = text.clone(),
            Action::UseSessionsFolder if *screen.get() == super::nav::Screen::Title => {
                let folder = typed_folder(&list.draft);
                match store::check_dir(&store::RealFs, &folder) {
                    Ok(()) => {
                        *list = SessionList::scan(&folder);
                        live.folder = folder;
                    }
                    Err(e) => list.refused = Some(e.message()),
                }
            }
            _ => {}
        }
    }
}

/// The default journal folder: the platform's data directory, else `./sessions`.
pub fn default_folder() -> PathBuf {
    store::default_dir()
}
