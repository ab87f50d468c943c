//! The Values screen: the group (or each team) chooses and weighs its values, helped by the
//! pre-session poll; the group's own values are `own_values`. Space agrees the values and begins
//! the first round.

pub mod own_values;

use bevy::prelude::*;
use std::path::PathBuf;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::nav::{Nav, Phase, Screen};
use crate::app::session_link;

/// The pre-session poll on the Values screen: the file typed, what its import found (until the
/// facilitator takes it or reads another file), and which moment counts.
#[derive(Resource, Debug, Clone)]
pub struct PollState {
    pub path: String,
    pub preview: Option<PollPreview>,
    /// Why the last poll import failed: shown in the facilitator's window only (the path may
    /// name a person's home folder).
    pub error: Option<String>,
    pub moment: crate::poll::Moment,
    /// Whether the projector shows the poll's result (ranked bars).
    pub shown: bool,
}

impl Default for PollState {
    fn default() -> Self {
        PollState {
            path: String::new(),
            preview: None,
            error: None,
            moment: crate::poll::Moment::Desired,
            shown: false,
        }
    }
}

/// What a poll import proposes, shown to the facilitator (never on the projector) until taken.
#[derive(Debug, Clone, PartialEq)]
pub struct PollPreview {
    /// The file read, as resolved from what was typed.
    pub file: PathBuf,
    pub summary: String,
    pub warnings: Vec<String>,
    /// Answers to open questions: for the facilitator only.
    pub free_text: Vec<crate::poll::FreeText>,
    pub weights: Vec<(String, u8)>,
    /// Whether the poll asked "now" and "desired" (then the facilitator may choose).
    pub paired: bool,
    /// Every value's support, strongest first (the projector's bars), how many answered, and
    /// whether the support is an average rating (else a share of respondents naming the value).
    pub support: Vec<crate::poll::Support>,
    pub respondents: usize,
    pub ratings: bool,
}

/// The Values screen's actions (the own values' are `own_values::own_value_actions`).
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav, poll: &mut PollState) {
    let on_screen = nav.is(Screen::Values);
    match action {
        Action::ToggleValue { set, value } if on_screen => {
            let known = own_values::value_deck(&ctx.draft, &ctx.live)
                .is_some_and(|d| d.value(&value).is_some());
            if known && let Some(vs) = ctx.draft.values.get_mut(set) {
                if let Some(pos) = vs.iter().position(|(v, _)| *v == value) {
                    vs.remove(pos);
                } else {
                    vs.push((value, 2));
                }
            }
        }
        Action::SetWeight { set, value, weight } if on_screen => {
            if let Some(vs) = ctx.draft.values.get_mut(set)
                && let Some(v) = vs.iter_mut().find(|(v, _)| *v == value)
            {
                v.1 = weight.clamp(1, 3);
            }
        }
        Action::SetPollPath(p) => poll.path = p,
        Action::ImportPoll if on_screen => import_poll(ctx, poll),
        Action::SetPollMoment(m) => {
            poll.moment = m;
            if on_screen && poll.preview.is_some() {
                import_poll(ctx, poll);
            }
        }
        Action::ApplyPoll(set) if on_screen => apply_poll(ctx, poll, set),
        Action::ShowPoll(on) => poll.shown = on && poll.preview.is_some(),
        _ => {}
    }
}

/// Space: agree the values and begin the first round.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    let problems = ctx.draft.problems();
    if !problems.is_empty() {
        ctx.refuse(problems.join(" "));
        return;
    }
    let ctx = &mut *ctx;
    match session_link::start(&ctx.draft, &mut ctx.live) {
        Ok(()) => nav.round(Phase::Scenario),
        Err(e) => ctx.fail(e),
    }
}

/// The file a typed poll path means: quotes stripped, `~` expanded, and a relative path found
/// where the game was started or else in the Downloads, Desktop or Documents folder or home.
pub fn poll_file(typed: &str) -> PathBuf {
    let user = directories::UserDirs::new();
    let home = user.as_ref().map(|u| u.home_dir().to_path_buf());
    let path = crate::poll::clean_path(typed, home.as_deref());
    if path.is_absolute() || path.exists() {
        return path;
    }
    let bases = user.as_ref().map_or(Vec::new(), |u| {
        [u.download_dir(), u.desktop_dir(), u.document_dir()]
            .into_iter()
            .flatten()
            .map(PathBuf::from)
            .chain([u.home_dir().to_path_buf()])
            .collect()
    });
    bases
        .into_iter()
        .map(|b| b.join(&path))
        .find(|p| p.exists())
        .unwrap_or(path)
}

/// Reads the poll file and shows its proposal; a failed read clears the previous one.
fn import_poll(ctx: &Ctx, poll: &mut PollState) {
    let Some(deck) = ctx.draft.deck.as_ref() else {
        return;
    };
    poll.preview = None;
    poll.error = None;
    poll.shown = false;
    let path = poll_file(&poll.path);
    let opts = crate::poll::Options {
        moment: poll.moment,
    };
    let result = std::fs::read(&path)
        .map_err(|e| format!("{}: kan het bestand niet lezen: {e}", path.display()))
        .and_then(|bytes| {
            crate::poll::import_with(&path.display().to_string(), &bytes, deck, opts)
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(p) => {
            poll.preview = Some(PollPreview {
                file: path,
                summary: crate::poll::describe(&p, deck),
                warnings: p.warnings.clone(),
                free_text: p.free_text.clone(),
                weights: p.weights(),
                paired: !p.paired.is_empty(),
                support: p.support.clone(),
                respondents: p.respondents,
                ratings: matches!(
                    p.layout,
                    crate::poll::Layout::Ratings | crate::poll::Layout::PerAnswerRatings
                ),
            });
        }
        Err(e) => poll.error = Some(e),
    }
}

/// Takes the proposal shown for value set `set`.
fn apply_poll(ctx: &mut Ctx, poll: &mut PollState, set: usize) {
    let Some(weights) = poll.preview.as_ref().map(|p| p.weights.clone()) else {
        return;
    };
    if weights.is_empty() {
        poll.error =
            Some("De peiling stelt geen enkele waarde voor; kies de waarden met de hand.".into());
    } else if let Some(vs) = ctx.draft.values.get_mut(set) {
        *vs = weights;
    }
}
