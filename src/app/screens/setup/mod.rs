//! The Setup screen: teams, rounds, timer, seed, shared or per-team values, and the session plan
//! (`plan`). Space builds the session and opens its journal.

pub mod plan;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::draft::PALETTE;
use crate::app::nav::{Nav, Screen};
use crate::app::session_link;

/// The Setup screen's actions.
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav) {
    let on_screen = nav.is(Screen::Setup);
    let draft = &mut ctx.draft;
    match action {
        Action::AddTeam if on_screen => draft.add_team(),
        Action::RemoveTeam(i) if on_screen => draft.remove_team(i),
        Action::RenameTeam(i, name) if on_screen => {
            if let Some(t) = draft.teams.get_mut(i) {
                t.name = name
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(crate::session::MAX_TEAM_NAME)
                    .collect();
            }
        }
        Action::SetTeamColour(i, c) => {
            if let Some(t) = draft.teams.get_mut(i) {
                t.colour = c % PALETTE.len();
            }
        }
        Action::SetRounds(r) => {
            let max = draft.deck.as_ref().map_or(1, |d| draft.unplayed(d).max(1));
            draft.rounds = r.clamp(1, max);
        }
        Action::SetDiscussSeconds(s) => {
            draft.discuss_secs = s.min(crate::session::MAX_DISCUSSION_SECS)
        }
        Action::SetSeed(s) => draft.seed = s,
        Action::SetSharedValues(b) if on_screen => {
            draft.shared_values = b;
            draft.fit_value_sets();
        }
        Action::PlanToggle(_) | Action::PlanUp(_) | Action::PlanClear | Action::PlanLayer(_)
            if on_screen =>
        {
            plan::apply(draft, &action)
        }
        _ => {}
    }
}

/// Space: build the session and open its journal; a later session of a trajectory first looks
/// back at the agreements in force (Review), else on to the Values screen.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    let problems = ctx.draft.setup_problems();
    if !problems.is_empty() {
        ctx.refuse(problems.join(" "));
        return;
    }
    ctx.draft.fit_value_sets();
    let ctx = &mut *ctx;
    match session_link::begin(&mut ctx.draft, &mut ctx.live) {
        Ok(()) => {
            let looks_back = ctx
                .live
                .session()
                .is_some_and(|s| !s.agreements().is_empty());
            nav.go(if looks_back {
                Screen::Review
            } else {
                Screen::Values
            });
        }
        Err(e) => ctx.fail(e),
    }
}
