//! The Final screen: the ranking and each team's profile; the posters (P, made on another thread
//! by `poster_job`), the manners on one A4 page, and the next session of the trajectory.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::nav::{Nav, Screen};
use crate::app::session_link;

/// The Final screen's actions.
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav) {
    let on_screen = nav.is(Screen::Final);
    match action {
        Action::SavePosters if !on_screen => {
            ctx.refuse("P bewaart de posters op het eindscherm, niet nu.")
        }
        Action::SaveManners if on_screen => match session_link::save_manners(&ctx.live) {
            Ok(dir) => {
                ctx.notices.notice = Some(format!(
                    "Zo zijn onze manieren (A4, HTML en PNG) opgeslagen in {}",
                    dir.display()
                ))
            }
            Err(e) => ctx.fail(e),
        },
        Action::ContinueCurrent if on_screen => continue_current(ctx, nav),
        _ => {}
    }
}

/// Set up the next session of the trajectory from this one.
fn continue_current(ctx: &mut Ctx, nav: &mut Nav) {
    let Some(path) = ctx.live.journal_path().map(std::path::Path::to_path_buf) else {
        return;
    };
    match session_link::continue_from(&path, &mut ctx.draft) {
        Ok(notice) => {
            ctx.notices.notice = notice;
            ctx.notices.banner = None;
            // The finished session's journal is closed; the next one is written when its set-up
            // is done.
            ctx.live.close();
            nav.go(Screen::Setup);
        }
        Err(e) => ctx.fail(e),
    }
}

/// Space does nothing here: say what does.
pub fn next(ctx: &mut Ctx) {
    ctx.refuse("Dit is het eindscherm: P bewaart de posters, de knop ernaast de manieren op A4.");
}
