//! The pre-session poll on the Values screen: the file, its import, what it proposes.

use bevy::prelude::*;
use bevy_egui::egui;
use std::path::PathBuf;

use crate::app::ctx::Ctx;
use crate::app::state::{PollPreview, PollState};
use crate::lang::Key as _;
use crate::lang::messages::Msg;

use crate::app::action::Action;
use crate::app::i18n::T;
use crate::app::theme::{self};
use crate::app::ui::{self, View, card, muted, section, wrap};

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
pub(super) fn import(ctx: &Ctx, poll: &mut PollState) {
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
        .map_err(|e| {
            let file = path.display();
            ctx.text(crate::bi!(
                "{file}: kan het bestand niet lezen: {e}",
                "{file}: cannot read the file: {e}"
            ))
        })
        .and_then(|bytes| {
            crate::poll::import_with(&path.display().to_string(), &bytes, deck, opts)
                .map_err(|e| e.text(ctx.lang()))
        });
    match result {
        Ok(p) => {
            poll.preview = Some(PollPreview {
                file: path,
                summary: crate::poll::summary(&p, deck, ctx.lang()),
                warnings: p
                    .warnings
                    .iter()
                    .map(|w| w.text(ctx.lang()).to_owned())
                    .collect(),
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
pub(super) fn apply(ctx: &mut Ctx, poll: &mut PollState, set: usize) {
    let Some(weights) = poll.preview.as_ref().map(|p| p.weights.clone()) else {
        return;
    };
    if weights.is_empty() {
        poll.error = Some(Msg::PollProposesNothing.tr(ctx.lang()).into());
    } else if let Some(vs) = ctx.draft.values.get_mut(set) {
        *vs = weights;
    }
}

/// The pre-session poll: choose a file (dialog, drop or typed path), see what it proposes with its
/// warnings, and take it for a value set. Facilitator only: open answers stay folded away.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::Poll));
    wrap(ui, muted(view.t(T::PollHint), 15.0));
    file_row(ui, view, out);
    if let Some(e) = &view.poll.error {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {e}"))
                .size(17.0)
                .color(theme::BAD),
        );
    }
    if let Some(p) = &view.poll.preview {
        proposal(ui, view, p, out);
    }
}

/// The poll file: choose it in a dialog, or type its path and read it (Enter).
fn file_row(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let mut path = view.poll.path.clone();
    ui.horizontal(|ui| {
        if ui.button(view.t(T::PollChoose)).clicked() {
            out.push(Action::PickPollFile);
        }
        let field = ui.add(
            egui::TextEdit::singleline(&mut path)
                .hint_text(view.t(T::PollFileExample))
                .desired_width((ui.available_width() - 90.0).max(80.0)),
        );
        if field.changed() {
            out.push(Action::SetPollPath(path.clone()));
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(
                !view.poll.path.trim().is_empty(),
                egui::Button::new(view.t(T::PollRead)),
            )
            .clicked()
            || (enter && !path.trim().is_empty())
        {
            out.push(Action::ImportPoll);
        }
    });
}

/// What the poll read proposes: the file, the summary, the warnings, which moment counts, the
/// open answers (folded), and a button per value set to take it.
fn proposal(ui: &mut egui::Ui, view: &View, p: &PollPreview, out: &mut Vec<Action>) {
    wrap(ui, muted(p.file.display().to_string(), 14.0));
    crate::app::screens::values::own_values::poll_switch(ui, view, out);
    // The summary's lines on the values; the warnings follow, prominently.
    wrap(ui, ui::rich(p.summary.trim_end(), 16.0));
    if !p.warnings.is_empty() {
        card(theme::CARD, 10.0).show(ui, |ui| {
            wrap(
                ui,
                egui::RichText::new(view.t(T::PollWarnings))
                    .size(18.0)
                    .strong()
                    .color(theme::ACCENT),
            );
            for w in &p.warnings {
                wrap(
                    ui,
                    egui::RichText::new(format!("⚠ {w}"))
                        .size(17.0)
                        .color(theme::TEXT),
                );
            }
        });
    }
    if p.paired {
        ui.horizontal_wrapped(|ui| {
            ui.label(ui::rich(view.t(T::PollCounts), 16.0));
            for (m, key) in [
                (crate::poll::Moment::Desired, T::PollDesired),
                (crate::poll::Moment::Now, T::PollNow),
            ] {
                if ui
                    .selectable_label(view.poll.moment == m, view.t(key))
                    .clicked()
                {
                    out.push(Action::SetPollMoment(m));
                }
            }
        });
    }
    if !p.free_text.is_empty() {
        egui::CollapsingHeader::new(view.t(T::PollOpenAnswers))
            .default_open(false)
            .show(ui, |ui| {
                for f in &p.free_text {
                    wrap(ui, ui::rich(&f.header, 15.0).strong());
                    for a in &f.answers {
                        wrap(ui, muted(format!("– {a}"), 14.0));
                    }
                }
            });
    }
    ui.horizontal_wrapped(|ui| {
        for set in 0..view.draft.value_sets() {
            let who = if view.draft.shared_values {
                view.t(T::Group).to_string()
            } else {
                view.draft.team_name(set)
            };
            let label = format!("{} {who}", view.t(T::PollImportFor));
            if ui
                .add_enabled(!p.weights.is_empty(), egui::Button::new(label))
                .clicked()
            {
                out.push(Action::ApplyPoll(set));
            }
        }
    });
}
