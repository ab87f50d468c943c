//! The Round screen on the projector: the scenario, the discussion with its timer, the choices
//! being made, the debrief questions. The reveal is `reveal`.

use bevy_egui::egui;

mod reveal;

use crate::app::i18n::T;
use crate::app::nav::Phase;
use crate::app::session_link;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{self, View, card, muted, rich, title, wrap};

pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let phase = view.phase().unwrap_or_default();
    round_header(ui, view, s, phase);
    let Some(sc) = session_link::current_scenario(&view.live) else {
        wrap(ui, muted(view.t(T::Waiting), s.body));
        return;
    };
    match phase {
        Phase::Scenario => scenario(ui, view, sc, s),
        Phase::Discuss | Phase::Choose => {
            // The situation and the behaviours stay readable while teams talk and choose; the
            // timer or the "has chosen" marks beside them.
            title(ui, &sc.title, s);
            ui.add_space(s.gap() * 0.5);
            beside(
                ui,
                s,
                |ui| readable(ui, view, sc, s),
                |ui| {
                    if phase == Phase::Discuss {
                        timer_panel(ui, view, s);
                    } else {
                        chosen_marks(ui, view, s);
                    }
                },
            );
        }
        Phase::Reveal => reveal::reveal(ui, view, sc, s),
        Phase::Debrief => debrief(ui, view, sc, s),
    }
}

fn round_header(ui: &mut egui::Ui, view: &View, s: Sizes, phase: Phase) {
    let f = view.live.fold();
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(
            format!(
                "{} {} {} {}",
                view.t(T::Round),
                f.round + 1,
                view.t(T::Of),
                view.live.rounds()
            ),
            s.small(),
        ));
        for p in Phase::ALL {
            let colour = if p == phase {
                theme::ACCENT
            } else {
                theme::MUTED
            };
            let text = egui::RichText::new(view.t(p.label()))
                .size(s.small())
                .color(colour);
            ui.label(if p == phase {
                text.strong().underline()
            } else {
                text
            });
        }
        if let Some(sc) = session_link::current_scenario(&view.live) {
            ui.label(muted(
                format!("· {}", sc.layer.name(view.lang.0)),
                s.small(),
            ));
        }
    });
    ui.add_space(s.gap() * 0.5);
}

fn behaviours(ui: &mut egui::Ui, view: &View, sc: &crate::deck::Scenario, s: Sizes) {
    ui.label(muted(view.t(T::Behaviours), s.small()));
    for b in &sc.behaviours {
        ui.add_space(s.gap() * 0.4);
        card(theme::CARD, s.gap() * 0.8).show(ui, |ui| {
            ui.set_width(ui.available_width());
            behaviour_line(ui, b, s, s.body);
        });
    }
}

/// A behaviour's key in the accent colour and its text (at `text_size`), wrapping beside it.
pub fn behaviour_line(ui: &mut egui::Ui, b: &crate::deck::Behaviour, s: Sizes, text_size: f32) {
    ui.horizontal_top(|ui| {
        behaviour_key(ui, b, s, theme::ACCENT);
        wrap(ui, rich(&b.text, text_size));
    });
}

/// A behaviour's key (A, B, …) in `colour`, and the space after it.
fn behaviour_key(ui: &mut egui::Ui, b: &crate::deck::Behaviour, s: Sizes, colour: egui::Color32) {
    ui.label(
        egui::RichText::new(b.key.to_string())
            .size(s.body)
            .strong()
            .color(colour),
    );
    ui.add_space(s.gap() * 0.5);
}

/// The situation and the behaviours, compact, for Discuss and Choose: shrinks (to half) before it
/// scrolls, so a long scenario stays readable next to the timer or the "has chosen" marks.
fn readable(ui: &mut egui::Ui, view: &View, sc: &crate::deck::Scenario, s: Sizes) {
    let key = (&sc.id, &sc.situation, s.body.to_bits(), view.phase());
    ui::fitted_scroll(ui, "readable", key, 0.5, |ui, scale| {
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            wrap(ui, rich(&sc.situation, s.body * 0.9 * scale));
            ui.add_space(s.gap() * 0.6 * scale);
            behaviours(ui, view, sc, s * (0.8 * scale));
        });
    });
}

/// `main` on the left, `side` in a column on the right (a quarter of the width) on a wide screen;
/// on a tall one `side` above `main`.
fn beside(
    ui: &mut egui::Ui,
    s: Sizes,
    main: impl FnOnce(&mut egui::Ui),
    side: impl FnOnce(&mut egui::Ui),
) {
    let avail = ui.available_size();
    if avail.x > avail.y * 1.2 {
        let side_w = (avail.x * 0.27).clamp(120.0, 560.0);
        let main_w = (avail.x - side_w - s.gap()).max(60.0);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = s.gap();
            ui.allocate_ui_with_layout(
                egui::vec2(main_w, avail.y),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_min_size(egui::vec2(main_w, avail.y));
                    main(ui);
                },
            );
            ui.allocate_ui_with_layout(
                egui::vec2(side_w, avail.y),
                egui::Layout::top_down(egui::Align::Center),
                |ui| {
                    ui.set_width(side_w);
                    side(ui);
                },
            );
        });
    } else {
        side(ui);
        ui.add_space(s.gap() * 0.5);
        main(ui);
    }
}

/// The discussion timer: the time left, a bar, and whether it runs.
fn timer_panel(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let colour = if view.timer.is_up() {
        theme::BAD
    } else if view.timer.running {
        theme::TEXT
    } else {
        theme::MUTED
    };
    ui.label(
        egui::RichText::new(view.timer.label())
            .size(s.huge())
            .strong()
            .color(colour),
    );
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width() * 0.9, s.body * 0.3),
        egui::Sense::hover(),
    );
    ui.painter().rect_filled(rect, 4.0, theme::CARD);
    let mut done = rect;
    done.set_width(rect.width() * view.timer.fraction_left());
    ui.painter().rect_filled(done, 4.0, theme::ACCENT);
    ui.add_space(s.gap() * 0.5);
    let note = if view.timer.is_up() {
        view.t(T::TimeUp)
    } else if !view.timer.running {
        view.t(T::Paused)
    } else {
        view.t(T::Discuss)
    };
    ui.label(muted(note, s.body));
}

/// Who has chosen: one line per team with a mark, in a column.
fn chosen_marks(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let f = view.live.fold();
    let n = view.draft.teams.len().max(1) as f32;
    // Twelve teams fit the column's height at 720 lines.
    let k = (s.body * 0.85)
        .min(ui.available_height() / (n * 1.9))
        .max(10.0);
    egui::ScrollArea::vertical()
        .id_salt("chosen")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                for (i, team) in view.draft.teams.iter().enumerate() {
                    let chosen = f.choices.get(i).copied().flatten().is_some();
                    ui.horizontal(|ui| {
                        ui::swatch(ui, theme::team_colour(team.colour), k * 0.8);
                        // The mark first, so the marks stand in one column.
                        let mark = if chosen {
                            egui::RichText::new("✔").size(k).color(theme::GOOD)
                        } else {
                            muted("…", k)
                        };
                        ui.add_sized([k * 1.3, k], egui::Label::new(mark));
                        ui.add(egui::Label::new(rich(&team.name, k).strong()).truncate());
                    });
                }
                ui.add_space(s.gap() * 0.5);
                let all = session_link::all_chosen(&view.live);
                ui.label(if all {
                    rich(view.t(T::AllChosen), k).color(theme::ACCENT)
                } else {
                    muted(
                        format!(
                            "{} / {} {}",
                            f.choices.iter().filter(|c| c.is_some()).count(),
                            view.draft.teams.len(),
                            view.t(T::Chosen)
                        ),
                        k,
                    )
                });
            });
        });
}

/// The scenario: its title, setting and situation, and the behaviours beside it (on a wide screen)
/// or under it.
fn scenario(ui: &mut egui::Ui, view: &View, sc: &crate::deck::Scenario, s: Sizes) {
    title(ui, &sc.title, s);
    if !sc.setting.is_empty() {
        wrap(ui, muted(&sc.setting, s.small()).italics());
    }
    ui.add_space(s.gap());
    // Side by side on a wide screen, so the behaviours stay in sight next to a long situation.
    if ui.available_width() > ui.available_height() * 1.3 {
        ui.columns(2, |cols| {
            // Shrink a long situation (down to two thirds) before it has to scroll.
            let key = (&sc.id, &sc.situation, s.body.to_bits());
            ui::fitted_scroll(&mut cols[0], "situation", key, 0.66, |ui, scale| {
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    wrap(ui, rich(&sc.situation, s.body * scale))
                });
            });
            egui::ScrollArea::vertical()
                .id_salt("behaviours")
                .auto_shrink([false, false])
                .show(&mut cols[1], |ui| {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        behaviours(ui, view, sc, s * 0.85)
                    });
                });
        });
    } else {
        egui::ScrollArea::vertical()
            .id_salt("situation")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                wrap(ui, rich(&sc.situation, s.body));
                ui.add_space(s.gap() * 1.5);
                behaviours(ui, view, sc, s);
            });
    }
}

/// The debrief: the scenario's questions, one card each.
fn debrief(ui: &mut egui::Ui, view: &View, sc: &crate::deck::Scenario, s: Sizes) {
    title(ui, &sc.title, s);
    ui.add_space(s.gap());
    ui.label(muted(view.t(T::Questions), s.small()));
    egui::ScrollArea::vertical()
        .id_salt("debrief")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for q in &sc.debrief {
                ui.add_space(s.gap());
                card(theme::CARD, s.gap()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    wrap(ui, rich(q, s.body));
                });
            }
        });
}
