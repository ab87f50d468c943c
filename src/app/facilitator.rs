//! The facilitator's controls: a window of its own (presenter view) or a side panel that can be
//! hidden (`--single-window`). Everything teams must not see lives here: the next scenario, the
//! notes, the sealed choices, the event log.

use bevy::prelude::*;
use bevy_egui::{EguiContext, PrimaryEguiContext, egui};

use super::action::Action;
use super::i18n::T;
use super::input::TextFocus;
use super::screens;
use super::screens::Screen;
use super::theme;
use super::ui::{self, Out, View, card, muted};
use super::windows::{FacilitatorPass, Layout};

fn facilitator_system(
    mut ctx: Query<&mut EguiContext, Without<PrimaryEguiContext>>,
    view: View,
    mut focus: ResMut<TextFocus>,
    mut out: Out,
) {
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    let mut root = ui::root_ui(&ctx, "facilitator");
    egui::CentralPanel::default()
        .frame(card(theme::PANEL, 16.0))
        .show(&mut root, |ui| controls(ui, &view, &mut actions));
    ui::help_overlay(&ctx, &view, &mut actions);
    focus.0 = ctx.egui_wants_keyboard_input();
    out.send_all(actions);
}

/// The texts the facilitator's window draws for the current state, laid out at `size` points: the
/// controls, the help and the phones window (for tests; see [`ui::drawn_texts`]).
pub fn drawn_texts(world: &mut World, size: egui::Vec2) -> Vec<String> {
    use bevy::ecs::system::RunSystemOnce;
    world
        .run_system_once(move |view: View, phones: Res<super::phones::Phones>| {
            let mut actions = Vec::new();
            ui::drawn_texts(size, |ui| {
                egui::CentralPanel::default()
                    .frame(card(theme::PANEL, 16.0))
                    .show(ui, |ui| controls(ui, &view, &mut actions));
                ui::help_overlay(ui.ctx(), &view, &mut actions);
                super::phones::phones_window(
                    ui.ctx(),
                    &phones,
                    &view.draft,
                    &view.live,
                    view.lang.0,
                    &mut actions,
                );
            })
        })
        .unwrap_or_default()
}

/// Where the game stands, for the controls' title: the screen, or the round and its phase.
fn place(view: &View) -> String {
    match (view.screen(), view.phase()) {
        (Screen::Round, Some(p)) => format!(
            "{} {} · {}",
            view.t(T::Round),
            view.live.fold().round + 1,
            view.t(p.label())
        ),
        (s, _) => view
            .t(match s {
                Screen::Title => T::GameTitle,
                Screen::Setup => T::Setup,
                Screen::Review => T::Review,
                Screen::Values => T::Values,
                Screen::Round => T::Round,
                Screen::Scoreboard => T::Scoreboard,
                Screen::Agreements => T::Agreements,
                Screen::Final => T::Final,
            })
            .to_string(),
    }
}

/// The controls for the current screen.
pub fn controls(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let screen = view.screen();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(view.t(T::Controls))
                .size(26.0)
                .strong()
                .color(theme::ACCENT),
        );
        ui.label(muted(place(view), 18.0));
    });
    ui.horizontal_wrapped(|ui| {
        if ui::big_button(
            ui,
            &format!("{}  ({})", view.t(T::Next), view.t(T::SpaceKey)),
            screen != Screen::Final,
        ) {
            out.push(Action::Next);
        }
        if ui.button(format!("{}  Ctrl+Z", view.t(T::Undo))).clicked() {
            out.push(Action::Undo);
        }
        if ui.button("F1 ?").on_hover_text(view.t(T::Help)).clicked() {
            out.push(Action::ToggleHelp);
        }
        ui.label(muted(view.t(T::TextSize), 16.0));
        if ui.button("−").clicked() {
            out.push(Action::TextSize(-1));
        }
        ui.label(format!("{} %", (view.prefs.text_scale() * 100.0).round()));
        if ui.button("+").clicked() {
            out.push(Action::TextSize(1));
        }
    });
    ui::banner(ui, view, 16.0, out);
    // Why the last key could do nothing now (cleared by the next action).
    if let Some(why) = &view.notices.refused {
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("» {why}"))
                    .size(15.0)
                    .color(theme::ACCENT),
            )
            .wrap(),
        );
    }
    // What the facilitator alone must know (a journal replaced after a failed write, a recovered
    // tail): here, never on the projector, until dismissed. The Final screen shows it with its
    // posters.
    if screen != Screen::Final
        && let Some(n) = &view.notices.notice
    {
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::Label::new(egui::RichText::new(n).size(15.0).color(theme::ACCENT)).wrap());
            if ui.small_button("×  Esc").clicked() {
                out.push(Action::CloseOverlays);
            }
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("controls-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| screen_controls(ui, view, out));
}

/// The current screen's own controls (each screen's `facilitator`).
fn screen_controls(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    match view.screen() {
        Screen::Title => screens::title::facilitator(ui, view, out),
        Screen::Setup => screens::setup::facilitator(ui, view, out),
        Screen::Review => {
            screens::review::facilitator(ui, view, out);
            ui::event_log(ui, view, out);
        }
        Screen::Values => screens::values::facilitator(ui, view, out),
        Screen::Round => screens::round::facilitator::facilitator(ui, view, out),
        Screen::Scoreboard => screens::scoreboard::facilitator(ui, view, out),
        Screen::Agreements => {
            // While the photo wall is up, its controls come first.
            if view.photos.wall {
                screens::photo_wall::facilitator(ui, view, out);
                screens::agreements::facilitator(ui, view, out);
            } else {
                screens::agreements::facilitator(ui, view, out);
                screens::photo_wall::facilitator(ui, view, out);
            }
            ui::event_log(ui, view, out);
        }
        Screen::Final => screens::final_::facilitator(ui, view, out),
    }
}

pub struct FacilitatorPlugin;

impl Plugin for FacilitatorPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Layout>()
            .add_systems(FacilitatorPass, facilitator_system);
    }
}
