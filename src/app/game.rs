//! What follows from an [`Action`]: [`apply_actions`] hands each one to the screen that owns it
//! (`screens::*::handle`, and the current screen's `next` for Space) or to the shared handler
//! here (undo, overlays, text size), then moves the Bevy states to where the handlers left
//! [`Nav`]. The screens and features with systems of their own (agreements, own values, review,
//! sessions folder, phones, photos, posters) read the same messages in [`GameSystems::Own`].

use bevy::prelude::*;

pub use super::GameSystems;
pub use super::action::Action;
use super::ctx::Ctx;
use super::nav::{Nav, NavStates, Screen};
use super::screens;
use super::session_link;
use super::state::{AgreementDraft, PollState, RoundInput, ValueDraft};
use super::state::{Notices, Prefs, SetupDraft};
use crate::lang::messages::Msg;

/// Apply the actions of this frame, in order.
pub fn apply_actions(
    mut actions: MessageReader<Action>,
    mut ctx: Ctx,
    mut round: ResMut<RoundInput>,
    mut poll: ResMut<PollState>,
    mut states: NavStates,
) {
    let mut nav = states.now();
    for action in actions.read() {
        let before = nav;
        if !keeps_refusal(action) {
            ctx.notices.refused = None;
        }
        dispatch(action.clone(), &mut ctx, &mut nav, &mut round, &mut poll);
        screens::round::settle(&mut round, &nav);
        if states.follow(before, &mut nav) {
            let secs = ctx.draft.discuss_secs;
            ctx.timer.start(secs);
        }
    }
}

/// Typing and toggling the help leave the reason for the last refused key in place.
fn keeps_refusal(action: &Action) -> bool {
    matches!(
        action,
        Action::SetAdjustReason(_)
            | Action::SetPollPath(_)
            | Action::SetSessionsPath(_)
            | Action::DraftAgreement(_)
            | Action::ToggleHelp
    )
}

/// Who handles `action`: the screen that owns it, or the shared handler.
fn dispatch(
    action: Action,
    ctx: &mut Ctx,
    nav: &mut Nav,
    round: &mut RoundInput,
    poll: &mut PollState,
) {
    use Action as A;
    match action {
        A::Next => next(ctx, nav),
        A::NewSession
        | A::ResumeSession(_)
        | A::ContinueSession(_)
        | A::PickDeck(_)
        | A::SetLanguage(_)
        | A::OpenDeckFolder => screens::title::handle(action, ctx, nav),
        A::AddTeam
        | A::RemoveTeam(_)
        | A::RenameTeam(..)
        | A::SetTeamColour(..)
        | A::SetRounds(_)
        | A::SetDiscussSeconds(_)
        | A::SetSeed(_)
        | A::SetSharedValues(_)
        | A::PlanToggle(_)
        | A::PlanUp(_)
        | A::PlanClear
        | A::PlanLayer(_) => screens::setup::handle(action, ctx, nav),
        A::ToggleValue { .. }
        | A::SetWeight { .. }
        | A::SetPollPath(_)
        | A::ImportPoll
        | A::SetPollMoment(_)
        | A::ApplyPoll(_)
        | A::ShowPoll(_) => screens::values::handle(action, ctx, nav, poll),
        A::SelectTeam(_)
        | A::PickBehaviour(_)
        | A::Choose { .. }
        | A::SkipRound
        | A::AdjustScore { .. }
        | A::SetAdjustReason(_)
        | A::ToggleTimer
        | A::AddMinute
        | A::PlanNext(_)
        | A::ToggleAllConsequences => screens::round::handle(action, ctx, nav, round),
        A::OpenAgreements => screens::agreements::open(ctx, nav),
        A::SavePosters | A::SaveManners | A::ContinueCurrent => {
            screens::final_::handle(action, ctx, nav)
        }
        A::Undo => undo(ctx, nav),
        A::ToggleHelp | A::CloseOverlays | A::ToggleControls | A::TextSize(_) | A::ToggleRules => {
            preferences(action, &mut ctx.prefs, &mut ctx.notices)
        }
        // Handled by systems of their own in `GameSystems::Own` (or, for the full screen and the
        // file dialog, by the view plugins): agreements, own values, review, sessions folder,
        // photos, phones.
        A::DraftAgreement(_)
        | A::ProposeAgreement
        | A::DecideAgreement(..)
        | A::ReviseAgreement(_)
        | A::SaveNote { .. }
        | A::DraftValue(_)
        | A::AddOwnValue
        | A::WordValue(_)
        | A::EditValue(_)
        | A::ReviewAgreement(..)
        | A::SetSessionsPath(_)
        | A::UseSessionsFolder
        | A::ImportPhotos(_)
        | A::TogglePhotoWall
        | A::PhotoStep(_)
        | A::TogglePhotoFull
        | A::SelectPhoto(_)
        | A::DraftPhoto(_)
        | A::DescribePhoto
        | A::RemovePhoto(_)
        | A::Phones(_)
        | A::ToggleFullscreen
        | A::PickPollFile => {}
    }
}

/// Space: the next step of whatever screen is showing.
fn next(ctx: &mut Ctx, nav: &mut Nav) {
    match nav.screen {
        Screen::Title => screens::title::next(ctx, nav),
        Screen::Setup => screens::setup::next(ctx, nav),
        Screen::Review => screens::review::next(nav),
        Screen::Values => screens::values::next(ctx, nav),
        Screen::Round => screens::round::next(ctx, nav),
        Screen::Scoreboard => screens::scoreboard::next(ctx, nav),
        Screen::Agreements => screens::agreements::next(ctx, nav),
        Screen::Final => screens::final_::next(ctx),
    }
}

/// Ctrl+Z on any screen of a running session: the last event taken back, and the screen that
/// fits the state afterwards.
fn undo(ctx: &mut Ctx, nav: &mut Nav) {
    if matches!(nav.screen, Screen::Title | Screen::Setup) {
        ctx.refuse_with(Msg::NothingToUndoYet);
        return;
    }
    match session_link::undo(&mut ctx.live) {
        Ok(Some((screen, phase))) => {
            nav.screen = screen;
            nav.phase = phase.or(nav.phase);
        }
        Ok(None) => ctx.refuse_with(Msg::UndoStopsHere),
        Err(e) => ctx.fail(e),
    }
}

/// The interface's own actions: help, panels, text size, the rules card.
fn preferences(action: Action, prefs: &mut Prefs, notices: &mut Notices) {
    match action {
        Action::ToggleHelp => prefs.help_open = !prefs.help_open,
        Action::CloseOverlays => {
            // Esc closes the help first, then the facilitator's notice, then the warning.
            if prefs.help_open {
                prefs.help_open = false;
            } else if notices.notice.is_some() {
                notices.notice = None;
            } else {
                notices.banner = None;
            }
        }
        Action::ToggleControls => prefs.controls_open = !prefs.controls_open,
        Action::TextSize(d) => prefs.text_size = (prefs.text_size + d).clamp(-5, 15),
        Action::ToggleRules => prefs.rules_open = !prefs.rules_open,
        _ => {}
    }
}

/// What the journal says for the facilitator (a fresh journal after a failed write, a recovered
/// tail) goes to the facilitator's notice, never to the projector.
fn forward_journal_notices(mut live: ResMut<session_link::Live>, mut notices: ResMut<Notices>) {
    if live.notices.is_empty() {
        return;
    }
    let text = live.notices.drain(..).collect::<Vec<_>>().join(" ");
    notices.notice = Some(text);
}

pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.add_message::<Action>()
            .init_resource::<SetupDraft>()
            .init_resource::<Prefs>()
            .init_resource::<Notices>()
            .init_resource::<RoundInput>()
            .init_resource::<PollState>()
            .init_resource::<super::i18n::UiLang>()
            .init_resource::<AgreementDraft>()
            .init_resource::<ValueDraft>()
            .add_systems(
                Update,
                (apply_actions, forward_journal_notices)
                    .chain()
                    .in_set(GameSystems::Apply),
            )
            .add_systems(
                Update,
                (
                    super::journal::sessions_folder_actions,
                    screens::agreements::agreement_actions,
                    screens::values::own_values::own_value_actions,
                    screens::review::review_actions,
                )
                    .chain()
                    .in_set(GameSystems::Own),
            );
    }
}
