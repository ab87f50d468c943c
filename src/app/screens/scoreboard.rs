//! The Scoreboard between rounds: the ranking so far; Space begins the next round.

use crate::app::ctx::Ctx;
use crate::app::nav::{Nav, Phase};
use crate::app::session_link;

/// Space: the next round.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    match session_link::next_round(&mut ctx.live) {
        Ok(()) => nav.round(Phase::Scenario),
        Err(e) => ctx.fail(e),
    }
}
