//! The Final screen's posters (P, or the button), made on Bevy's async compute pool so the windows
//! stay responsive while every team's two images are drawn and written. The facilitator's window
//! shows the progress ("poster 5 van 24") and, when done, the previews; a failure names the file
//! and why.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, TaskPool, block_on, poll_once};
use bevy::window::RequestRedraw;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::GameSystems;
use super::action::Action;
use super::nav::Screen;
use super::session_link::{Live, beside_journal};
use super::state::Notices;
use crate::deck::Language;

/// What a finished job hands back: the folder and a preview per team (name, width, height, RGBA).
type Made = Result<(PathBuf, Vec<(String, u32, u32, Vec<u8>)>), String>;

/// Posters being made.
pub struct Job {
    task: Task<Made>,
    written: Arc<AtomicUsize>,
    total: usize,
    shown: usize,
    language: Language,
}

/// The posters being made, if any (one job at a time: P again meanwhile does nothing).
#[derive(Resource, Default)]
pub struct PosterJob(Option<Job>);

impl PosterJob {
    /// (images written, images in all) while a job runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.0
            .as_ref()
            .map(|j| (j.written.load(Ordering::Relaxed), j.total))
    }
}

/// Previews of the posters last saved: (team name, width, height, RGBA), and a counter that
/// changes with every save so views can refresh their textures.
#[derive(Resource, Debug, Clone, Default)]
pub struct Posters {
    pub previews: Vec<(String, u32, u32, Vec<u8>)>,
    pub saved: u64,
}

fn progress_text(language: Language, written: usize, total: usize) -> String {
    let n = (written + 1).min(total);
    crate::bi!(
        "poster {n} van {total} wordt gemaakt …",
        "making poster {n} of {total} …"
    )
    .text(language)
    .to_owned()
}

/// Starts the posters on P on the Final screen.
pub fn poster_actions(
    mut actions: MessageReader<Action>,
    mut job: ResMut<PosterJob>,
    mut notices: ResMut<Notices>,
    live: Res<Live>,
    screen: Res<State<Screen>>,
) {
    for action in actions.read() {
        if !matches!(action, Action::SavePosters)
            || *screen.get() != Screen::Final
            || job.0.is_some()
        {
            continue;
        }
        let Some(session) = live.session().cloned() else {
            continue;
        };
        let (dir, created) = beside_journal(&live, "posters");
        // The group's photos stand on the posters next to their values.
        let album = live.journal_path().map(crate::photos::Album::beside);
        let total = session.team_count() * 2;
        let language = live.lang;
        let written = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&written);
        let task = AsyncComputeTaskPool::get_or_init(TaskPool::default).spawn(async move {
            let (_, previews) = crate::report::poster::write_posters(
                &session,
                created.as_deref(),
                &dir,
                480,
                album.as_ref(),
                &|n, _| counter.store(n, Ordering::Relaxed),
            )?;
            let named = previews
                .into_iter()
                .enumerate()
                .map(|(t, (w, h, rgba))| (session.settings().team_name(t), w, h, rgba))
                .collect();
            Ok((dir, named))
        });
        notices.notice = Some(progress_text(language, 0, total));
        job.0 = Some(Job {
            task,
            written,
            total,
            shown: 0,
            language,
        });
    }
}

/// Follows the running job: the progress line while it runs (asking for frames, since the app
/// otherwise only draws on input), the previews or the error when it ends.
pub fn follow_posters(
    mut job: ResMut<PosterJob>,
    mut notices: ResMut<Notices>,
    mut posters: ResMut<Posters>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let Some(j) = job.0.as_mut() else {
        return;
    };
    redraw.write(RequestRedraw);
    if let Some(made) = block_on(poll_once(&mut j.task)) {
        let language = j.language;
        job.0 = None;
        match made {
            Ok((dir, previews)) => {
                let (n, dir) = (previews.len() * 2, dir.display());
                notices.notice = Some(
                    crate::bi!(
                        "{n} posters opgeslagen in {dir}",
                        "{n} posters saved in {dir}"
                    )
                    .text(language)
                    .to_owned(),
                );
                posters.previews = previews;
                posters.saved += 1;
            }
            Err(e) => {
                notices.notice = None;
                notices.banner = Some(e);
            }
        }
        return;
    }
    let written = j.written.load(Ordering::Relaxed);
    if written != j.shown {
        j.shown = written;
        notices.notice = Some(progress_text(j.language, written, j.total));
    }
}

pub struct PosterJobPlugin;

impl Plugin for PosterJobPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<PosterJob>()
            .init_resource::<Posters>()
            .add_message::<RequestRedraw>()
            .add_systems(
                Update,
                (poster_actions, follow_posters)
                    .chain()
                    .in_set(GameSystems::Follow),
            );
    }
}
