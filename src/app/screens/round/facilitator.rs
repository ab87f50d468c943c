//! The Round screen in the facilitator's window: the timer, the sealed choices, the notes, the
//! debrief notes, score adjustments, and the look-ahead at what comes next.

use bevy_egui::egui;

use crate::app::action::Action;
use crate::app::i18n::T;
use crate::app::nav::Phase;
use crate::app::session_link;
use crate::app::theme::{self};
use crate::app::ui::{self, View, event_log, muted, section, signed, wrap};
use crate::deck::Key;

pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let phase = view.phase().unwrap_or_default();
    let sc = session_link::current_scenario(&view.live);
    if let Some(sc) = sc {
        ui.label(egui::RichText::new(&sc.title).size(22.0).strong());
    }
    if phase == Phase::Discuss {
        timer_controls(ui, view, out);
    }
    if matches!(phase, Phase::Scenario | Phase::Discuss | Phase::Choose)
        && ui
            .button(format!("{}  S", view.t(T::SkipScenario)))
            .on_hover_text(view.t(T::KeySkip))
            .clicked()
    {
        out.push(Action::SkipRound);
    }
    if matches!(phase, Phase::Discuss | Phase::Choose) {
        sealed_choices(ui, view, sc, out);
    }
    if let Some(sc) = sc {
        if !sc.notes.is_empty() {
            section(ui, view.t(T::FacilitatorNotes));
            wrap(ui, egui::RichText::new(&sc.notes).size(18.0));
        }
        if phase == Phase::Reveal {
            let all = view.round.all_consequences;
            if ui
                .selectable_label(all, format!("{}  W", view.t(T::AllConsequences)))
                .on_hover_text(view.t(T::KeyAllConsequences))
                .clicked()
            {
                out.push(Action::ToggleAllConsequences);
            }
            section(ui, view.t(T::Questions));
            for q in &sc.debrief {
                wrap(ui, egui::RichText::new(format!("• {q}")).size(18.0));
            }
        }
    }
    if phase == Phase::Debrief {
        // The questions with a field each for what the group said.
        crate::app::screens::agreements::notes(ui, view, out);
        if ui.button(view.t(T::OpenAgreements)).clicked() {
            out.push(Action::OpenAgreements);
        }
    }
    if phase == Phase::Reveal || phase == Phase::Debrief {
        adjustments(ui, view, out);
    }
    next_scenario(ui, view, out);
    event_log(ui, view, out);
}

/// Points given or taken by the facilitator (a team argued well, a rule was broken), each with
/// a reason for the report: one reason field, and −1 / +1 per team.
pub fn adjustments(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::AdjustPoints));
    let mut reason = view.round.adjust_reason.clone();
    if ui
        .add(
            egui::TextEdit::singleline(&mut reason)
                .hint_text(view.t(T::AdjustReason))
                .desired_width(ui.available_width()),
        )
        .changed()
    {
        out.push(Action::SetAdjustReason(reason));
    }
    let has_reason = !view.round.adjust_reason.trim().is_empty();
    let totals = session_link::totals(&view.live);
    for (i, team) in view.draft.teams.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui::swatch(ui, theme::team_colour(team.colour), 16.0);
            ui.label(&team.name);
            if let Some(total) = totals.get(i).copied().flatten() {
                ui.label(muted(signed(total), 16.0));
            }
            for points in [-1, 1] {
                if ui
                    .add_enabled(has_reason, egui::Button::new(signed(points)))
                    .clicked()
                {
                    out.push(Action::AdjustScore { team: i, points });
                }
            }
        });
    }
}

pub fn next_scenario(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if let Some(next) = session_link::next_scenario(&view.live) {
        section(ui, view.t(T::NextScenario));
        ui.label(egui::RichText::new(&next.title).size(18.0).strong());
        wrap(ui, muted(&next.situation, 16.0));
        // Look ahead and change what comes next (journaled; Ctrl+Z takes it back).
        let coming = session_link::upcoming(&view.live, 6);
        if coming.len() > 1 {
            section(ui, view.t(T::ComingUp));
            let lang = view.lang.0;
            for (i, sc) in coming.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(muted(format!("{}.", i + 1), 15.0));
                    ui.label(egui::RichText::new(&sc.title).size(15.0));
                    ui.label(muted(sc.layer.name(lang), 13.0));
                    if i > 0 && ui.small_button(view.t(T::PlayNext)).clicked() {
                        out.push(Action::PlanNext(sc.id.clone()));
                    }
                });
            }
        }
    }
}

/// The discussion's clock: pause or resume (T), a minute more (M).
fn timer_controls(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(view.timer.label()).size(30.0).strong());
        let pause = if view.timer.running {
            view.t(T::PauseTimer)
        } else {
            view.t(T::ResumeTimer)
        };
        if ui.button(format!("{pause}  T")).clicked() {
            out.push(Action::ToggleTimer);
        }
        if ui.button(format!("{}  M", view.t(T::AddMinute))).clicked() {
            out.push(Action::AddMinute);
        }
    });
}

/// Who chose what so far (sealed: the facilitator's window only), and the team the next letter
/// key chooses for.
fn sealed_choices(
    ui: &mut egui::Ui,
    view: &View,
    sc: Option<&crate::deck::Scenario>,
    out: &mut Vec<Action>,
) {
    section(ui, view.t(T::SealedChoices));
    let f = view.live.fold();
    let keys: Vec<Key> = sc
        .map(|s| s.behaviours.iter().map(|b| b.key).collect())
        .unwrap_or_default();
    for (i, team) in view.draft.teams.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let selected = view.round.selected_team == Some(i);
            ui::swatch(ui, theme::team_colour(team.colour), 16.0);
            let name = format!("{} {}", crate::app::input::team_key(i), team.name);
            if ui.selectable_label(selected, name).clicked() {
                out.push(Action::SelectTeam(i));
            }
            let current = f.choices.get(i).copied().flatten();
            for k in &keys {
                if ui
                    .selectable_label(current == Some(*k), k.to_string())
                    .clicked()
                {
                    out.push(Action::Choose { team: i, key: *k });
                }
            }
        });
    }
    let sel = view
        .round
        .selected_team
        .map(|i| view.draft.team_name(i))
        .unwrap_or_else(|| view.t(T::NotSelected).into());
    ui.label(muted(format!("{}: {sel}", view.t(T::SelectedTeam)), 16.0));
}
