//! The session plan on the Setup screen (facilitator only): which scenarios, in which order,
//! filtered by layer. The plan goes into the journal when the session starts
//! ([`crate::session::Event::PlanSet`]); during the session the facilitator's look-ahead changes it.

use bevy_egui::egui;

use crate::app::action::Action;
use crate::app::draft::Draft;
use crate::app::i18n::T;
use crate::app::theme;
use crate::app::ui::{View, muted, wrap};
use crate::deck::Layer;

/// What the plan actions do to the set-up draft.
pub fn apply(game: &mut Draft, action: &Action) {
    let Some(deck) = &game.deck else {
        return;
    };
    match action {
        Action::PlanToggle(id) => {
            if let Some(pos) = game.plan.iter().position(|p| p == id) {
                game.plan.remove(pos);
            } else if deck.scenario(id).is_some() && !game.played_before.contains(id) {
                game.plan.push(id.clone());
            }
        }
        Action::PlanUp(id) => {
            if let Some(pos) = game.plan.iter().position(|p| p == id)
                && pos > 0
            {
                game.plan.swap(pos, pos - 1);
            }
        }
        Action::PlanClear => game.plan.clear(),
        Action::PlanLayer(layer) => game.plan_layer = *layer,
        _ => {}
    }
}

/// The Setup screen's plan section in the facilitator's window.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let Some(deck) = &view.draft.deck else {
        return;
    };
    let lang = view.lang.0;
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(view.t(T::SessionPlan))
            .size(20.0)
            .strong()
            .color(theme::ACCENT),
    );
    wrap(ui, muted(view.t(T::PlanHint), 15.0));
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(view.draft.plan_layer.is_none(), view.t(T::AllLayers))
            .clicked()
        {
            out.push(Action::PlanLayer(None));
        }
        for l in Layer::ALL {
            if ui
                .selectable_label(view.draft.plan_layer == Some(l), l.name(lang))
                .clicked()
            {
                out.push(Action::PlanLayer(Some(l)));
            }
        }
        if !view.draft.plan.is_empty() && ui.button(view.t(T::UseDraw)).clicked() {
            out.push(Action::PlanClear);
        }
    });
    for sc in &deck.scenarios {
        if view.draft.played_before.contains(&sc.id)
            || view.draft.plan_layer.is_some_and(|l| l != sc.layer)
        {
            continue;
        }
        let place = view.draft.plan.iter().position(|p| *p == sc.id);
        ui.horizontal(|ui| {
            let mark = place.map_or("  ".to_string(), |p| format!("{}.", p + 1));
            if ui
                .selectable_label(place.is_some(), format!("{mark} {}", sc.title))
                .clicked()
            {
                out.push(Action::PlanToggle(sc.id.clone()));
            }
            if place.is_some_and(|p| p > 0) && ui.small_button("↑").clicked() {
                out.push(Action::PlanUp(sc.id.clone()));
            }
            ui.label(muted(sc.layer.name(lang), 13.0));
            if deck.start.as_deref() == Some(sc.id.as_str()) {
                ui.label(
                    egui::RichText::new(view.t(T::Recommended))
                        .size(13.0)
                        .color(theme::GOOD),
                );
            }
            let first = sc.situation.lines().next().unwrap_or_default();
            ui.add(egui::Label::new(muted(first, 13.0)).truncate());
        });
    }
}
