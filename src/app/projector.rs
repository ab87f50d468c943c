//! The projected view: only what the teams may see, large and calm.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, PrimaryEguiContext, egui};

use super::action::Action;
use super::facilitator;
use super::i18n::T;
use super::input::TextFocus;
use super::screens;
use super::screens::Screen;
use super::theme::{self, Sizes};
use super::ui::{self, Out, View, card, rich, wrap};
use super::windows::Layout;

fn projector_system(
    mut ctx: Query<&mut EguiContext, With<PrimaryEguiContext>>,
    view: View,
    layout: Res<Layout>,
    mut focus: ResMut<TextFocus>,
    mut out: Out,
) {
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    let mut root = ui::root_ui(&ctx, "projector");
    if layout.single_window {
        let mut shown = view.prefs.controls_open;
        egui::Panel::right("controls")
            .resizable(true)
            .default_size(460.0)
            .frame(card(theme::PANEL, 14.0))
            .show_collapsible(&mut root, &mut shown, |ui| {
                facilitator::controls(ui, &view, &mut actions)
            });
        if shown != view.prefs.controls_open {
            actions.push(Action::ToggleControls);
        }
    }
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(theme::BG)
                .inner_margin(egui::Margin::same(0)),
        )
        .show(&mut root, |ui| projected(ui, &view, &mut actions));
    if layout.single_window {
        ui::help_overlay(&ctx, &view, &mut actions);
        focus.0 = ctx.egui_wants_keyboard_input();
    }
    out.send_all(actions);
}

/// The projected view of the current screen.
pub fn projected(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let rect = ui.max_rect();
    let s = Sizes::for_height(rect.height(), view.prefs.text_scale());
    let margin = (s.body * 1.2).min(rect.width() * 0.05);
    egui::Frame::new()
        .inner_margin(egui::Margin::same(margin.clamp(4.0, 120.0) as i8))
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            // No banner here: warnings, errors and paths are for the facilitator's window (or its
            // panel) only.
            if view.prefs.rules_open {
                rules(ui, view, s);
                return;
            }
            if screens::photo_wall::showing(view) {
                screens::photo_wall::projector(ui, view, s);
                return;
            }
            match view.screen() {
                Screen::Title => screens::title::projector(ui, view, s, out),
                Screen::Setup => screens::setup::projector(ui, view, s),
                Screen::Review => screens::review::projector(ui, view, s),
                Screen::Values => screens::values::projector(ui, view, s),
                Screen::Round => screens::round::projector::projector(ui, view, s),
                Screen::Scoreboard => screens::scoreboard::projector(ui, view, s, false),
                Screen::Agreements => screens::agreements::projector(ui, view, s),
                Screen::Final => screens::scoreboard::projector(ui, view, s, true),
            }
        });
}

/// The rules for the participants, once at the start (R): how a choice scores, what the ranking
/// goes by, and what a barbarian move is.
fn rules(ui: &mut egui::Ui, view: &View, s: Sizes) {
    ui::header(ui, view, s, view.t(T::Rules));
    let per_team = !view.draft.shared_values;
    let lines = [
        T::RulesPoints,
        if per_team {
            T::RulesRankPerTeam
        } else {
            T::RulesRankShared
        },
        T::RulesBarbarian,
    ];
    let key = (
        s.body.to_bits(),
        per_team,
        view.lang.0 == super::i18n::Lang::En,
    );
    ui::fitted_scroll(ui, "rules", key, 0.6, |ui, scale| {
        for t in lines {
            card(theme::CARD, s.gap()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                wrap(ui, rich(view.t(t), s.body * scale));
            });
            ui.add_space(s.gap() * 0.6);
        }
    });
}

/// The texts the projected view draws for the current state, laid out at `size` points: what the
/// teams would see (for tests). A fresh egui context with the default fonts; nothing is sent.
pub fn drawn_texts(world: &mut World, size: egui::Vec2) -> Vec<String> {
    use bevy::ecs::system::RunSystemOnce;
    world
        .run_system_once(move |view: View| {
            let ctx = egui::Context::default();
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
                ..Default::default()
            };
            let mut actions = Vec::new();
            // A few frames, as on screen: a view that shrinks to fit settles in the later ones.
            let mut out = ctx.run_ui(input.clone(), |ui| projected(ui, &view, &mut actions));
            for _ in 0..3 {
                // Nothing draws these textures: egui insists they are taken.
                out.textures_delta.clear();
                out = ctx.run_ui(input.clone(), |ui| projected(ui, &view, &mut actions));
            }
            out.textures_delta.clear();
            let mut texts = Vec::new();
            for clipped in &out.shapes {
                collect_texts(&clipped.shape, &mut texts);
            }
            texts
        })
        .unwrap_or_default()
}

fn collect_texts(shape: &egui::Shape, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(t) => out.push(t.galley.text().to_string()),
        egui::Shape::Vec(v) => v.iter().for_each(|s| collect_texts(s, out)),
        _ => {}
    }
}

pub struct ProjectorPlugin;

impl Plugin for ProjectorPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(EguiPrimaryContextPass, projector_system);
    }
}
