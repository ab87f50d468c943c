//! The Round screen: scenario, discussion (with the timer), the teams' choices, the reveal and the
//! debrief. This module handles the round's actions; `projector` and `facilitator` draw it.

pub mod facilitator;
pub mod projector;

use bevy::prelude::*;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::nav::{Nav, Phase, Screen};
use crate::app::session_link;
use crate::app::state::RoundInput;
use crate::bi;
use crate::deck::Key;
use crate::lang::messages::Msg;

/// The Round screen's actions (a score adjustment also on the scoreboard).
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav, input: &mut RoundInput) {
    match action {
        Action::SelectTeam(i) => select_team(ctx, input, i),
        Action::PickBehaviour(key) => pick_behaviour(ctx, nav, input, key),
        Action::Choose { team, key } => choose(ctx, nav.phase, input, team, key),
        Action::SkipRound => skip_round(ctx, nav),
        Action::AdjustScore { team, points }
            if matches!(nav.screen, Screen::Round | Screen::Scoreboard) =>
        {
            let reason = input.adjust_reason.clone();
            ctx.notices.banner =
                session_link::adjust_score(&mut ctx.live, team, points, &reason).err();
        }
        Action::SetAdjustReason(r) => {
            input.adjust_reason = r.chars().take(crate::session::MAX_REASON).collect();
        }
        Action::ToggleTimer => toggle_timer(ctx, nav),
        Action::AddMinute => add_minute(ctx, nav),
        Action::PlanNext(id) => {
            if let Err(e) = session_link::plan_next(&mut ctx.live, &id, ctx.lang.0) {
                ctx.refuse(e);
            }
        }
        Action::ToggleAllConsequences => {
            if nav.phase == Some(Phase::Reveal) {
                input.all_consequences = !input.all_consequences;
            } else {
                ctx.refuse_with(Msg::AllConsequencesWhen);
            }
        }
        _ => {}
    }
}

/// After every action: each reveal starts with the chosen behaviours only.
pub fn settle(input: &mut RoundInput, nav: &Nav) {
    if nav.phase != Some(Phase::Reveal) || nav.screen != Screen::Round {
        input.all_consequences = false;
    }
}

/// Space: scenario → discussion → choice → reveal (once every team chose) → debrief → the
/// scoreboard, or after the last round the agreements.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    match nav.phase.unwrap_or_default() {
        Phase::Scenario => nav.round(Phase::Discuss),
        Phase::Discuss => {
            ctx.timer.running = false;
            nav.round(Phase::Choose);
        }
        Phase::Choose => {
            if session_link::all_chosen(&ctx.live) {
                match session_link::reveal(&mut ctx.live) {
                    Ok(()) => nav.round(Phase::Reveal),
                    Err(e) => ctx.fail(e),
                }
            } else {
                // Who is still choosing, in the core's words.
                let why = session_link::why_not_reveal(&ctx.live, ctx.lang());
                ctx.refuse(why);
            }
        }
        Phase::Reveal => nav.round(Phase::Debrief),
        Phase::Debrief => {
            // After the last round the group makes its agreements before the final screen.
            nav.go(if session_link::rounds_left(&ctx.live) > 0 {
                Screen::Scoreboard
            } else {
                Screen::Agreements
            });
        }
    }
}

fn select_team(ctx: &mut Ctx, input: &mut RoundInput, i: usize) {
    let teams = ctx.draft.teams.len();
    if i < teams {
        input.selected_team = Some(i);
    } else {
        let (n, key) = (i + 1, crate::app::input::team_key(i));
        let why = ctx.text(bi!(
            "Er is geen team {n} ({key}): er spelen {teams} teams.",
            "There is no team {n} ({key}): {teams} teams are playing."
        ));
        ctx.refuse(why);
    }
}

fn pick_behaviour(ctx: &mut Ctx, nav: &Nav, input: &mut RoundInput, key: Key) {
    if let Some(team) = input.selected_team {
        choose(ctx, nav.phase, input, team, key);
    } else if matches!(nav.phase, Some(Phase::Choose | Phase::Discuss)) {
        let teams = team_keys_hint(ctx.draft.teams.len());
        let why = ctx.text(bi!(
            "Kies eerst het team ({teams}), dan {key}.",
            "Pick the team first ({teams}), then {key}."
        ));
        ctx.refuse(why);
    } else {
        refuse_choice_now(ctx, nav.screen, nav.phase);
    }
}

/// The team keys there are for `teams` teams, for a refusal: "1–3", "1–9, 0", "1–9, 0, Shift+1".
fn team_keys_hint(teams: usize) -> String {
    let keys: Vec<String> = (0..teams).map(crate::app::input::team_key).collect();
    match keys.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, .., last] if teams <= 9 => format!("{first}–{last}"),
        _ => {
            let mut out = "1–9".to_string();
            for k in &keys[9..] {
                out.push_str(", ");
                out.push_str(k);
            }
            out
        }
    }
}

/// Why a behaviour cannot be chosen on this screen or in this phase.
fn refuse_choice_now(ctx: &mut Ctx, screen: Screen, phase: Option<Phase>) {
    ctx.refuse_with(match (screen, phase) {
        (Screen::Round, Some(Phase::Scenario)) => Msg::ChooseInDiscussion,
        (Screen::Round, _) => Msg::ChoicesRevealed,
        _ => Msg::ChooseInRound,
    });
}

fn choose(ctx: &mut Ctx, phase: Option<Phase>, input: &mut RoundInput, team: usize, key: Key) {
    if !matches!(phase, Some(Phase::Choose) | Some(Phase::Discuss)) {
        refuse_choice_now(ctx, Screen::Round, phase);
        return;
    }
    match session_link::choose(&mut ctx.live, team, key) {
        Ok(()) => input.selected_team = None,
        Err(e) => ctx.refuse(e),
    }
}

/// S: close the open round without scores and show the next scenario.
fn skip_round(ctx: &mut Ctx, nav: &mut Nav) {
    let open = matches!(
        nav.phase,
        Some(Phase::Scenario | Phase::Discuss | Phase::Choose)
    );
    if !nav.is(Screen::Round) || !open {
        ctx.refuse_with(Msg::SkipWhen);
        return;
    }
    ctx.timer.running = false;
    match session_link::skip_round(&mut ctx.live) {
        Ok(true) => nav.round(Phase::Scenario),
        Ok(false) => nav.go(Screen::Final),
        Err(e) => ctx.fail(e),
    }
}

fn toggle_timer(ctx: &mut Ctx, nav: &Nav) {
    if nav.phase == Some(Phase::Discuss) && !ctx.timer.is_up() {
        ctx.timer.toggle();
    } else if nav.phase == Some(Phase::Discuss) {
        ctx.refuse_with(Msg::TimeIsUp);
    } else {
        ctx.refuse_with(Msg::TimerWhen);
    }
}

fn add_minute(ctx: &mut Ctx, nav: &Nav) {
    if nav.phase != Some(Phase::Discuss) {
        ctx.refuse_with(Msg::MinuteWhen);
        return;
    }
    // A paused timer stays paused; when the time was up, the minute runs.
    let was_up = ctx.timer.is_up();
    ctx.timer.add_minute();
    if was_up {
        ctx.timer.running = true;
    } else if !ctx.timer.running {
        ctx.refuse_with(Msg::MinutePaused);
    }
}
