//! The projected view: only what the teams may see, large and calm.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, PrimaryEguiContext, egui};

use super::action::Action;
use super::facilitator::{self, Layout};
use super::i18n::T;
use super::input::TextFocus;
use super::screens::{Phase, Screen};
use super::session_link;
use super::theme::{self, Sizes};
use super::ui::{self, Out, View, card, muted, rich, signed, signed_colour, wrap};

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
            if super::photos::showing(view) {
                super::photos::projector(ui, view, s);
                return;
            }
            match view.screen() {
                Screen::Title => title(ui, view, s, out),
                Screen::Setup => setup(ui, view, s),
                Screen::Review => crate::app::screens::review::projector(ui, view, s),
                Screen::Values => values(ui, view, s),
                Screen::Round => round(ui, view, s),
                Screen::Scoreboard => scoreboard(ui, view, s, false),
                Screen::Agreements => crate::app::screens::agreements::projector(ui, view, s),
                Screen::Final => scoreboard(ui, view, s, true),
            }
        });
}

fn header(ui: &mut egui::Ui, view: &View, s: Sizes, title: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(title)
                .size(s.title())
                .strong()
                .color(theme::ACCENT),
        );
        if let Some(deck) = &view.draft.deck {
            ui.add_space(s.gap());
            ui.label(muted(&deck.title, s.small()));
        }
    });
    ui.add_space(s.gap());
}

fn title(ui: &mut egui::Ui, view: &View, s: Sizes, out: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.22);
        ui.label(
            egui::RichText::new(view.t(T::GameTitle))
                .size(s.huge() * 0.8)
                .strong()
                .color(theme::ACCENT),
        );
        ui.add_space(s.gap());
        wrap(ui, rich(view.t(T::Tagline), s.title()));
        ui.add_space(s.gap() * 3.0);
        if let Some(deck) = &view.draft.deck {
            wrap(ui, muted(&deck.title, s.body));
            if !deck.description.is_empty() {
                wrap(ui, muted(&deck.description, s.small()));
            }
            ui.add_space(s.gap() * 2.0);
            let b = egui::Button::new(rich(
                format!("{}  ({})", view.t(T::NewSession), view.t(T::SpaceKey)),
                s.body,
            ))
            .fill(theme::CARD);
            if ui.add(b).clicked() {
                out.push(Action::NewSession);
            }
        } else {
            wrap(ui, muted(view.t(T::NoDecks), s.body));
        }
    });
}

fn setup(ui: &mut egui::Ui, view: &View, s: Sizes) {
    header(ui, view, s, view.t(T::Setup));
    ui.label(muted(
        format!(
            "{}: {}   ·   {}: {}:{:02}",
            view.t(T::Rounds),
            view.draft.rounds,
            view.t(T::Discuss),
            view.draft.discuss_secs / 60,
            view.draft.discuss_secs % 60
        ),
        s.small(),
    ));
    ui.add_space(s.gap());
    team_grid(ui, view, s, |ui, _i| {
        ui.add_space(0.0);
    });
}

/// The teams as a grid of cards, `extra` adds a line under each name.
fn team_grid(
    ui: &mut egui::Ui,
    view: &View,
    s: Sizes,
    mut extra: impl FnMut(&mut egui::Ui, usize),
) {
    let n = view.draft.teams.len().max(1);
    let cols = if n <= 3 {
        n
    } else if n <= 8 {
        n.div_ceil(2)
    } else {
        n.div_ceil(3)
    };
    let gap = s.gap();
    let w = ((ui.available_width() - gap * (cols as f32 - 1.0)) / cols as f32).max(60.0);
    egui::ScrollArea::vertical()
        .id_salt("teams")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for row in view.draft.teams.chunks(cols).enumerate() {
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    for (j, team) in row.1.iter().enumerate() {
                        let i = row.0 * cols + j;
                        ui.allocate_ui_with_layout(
                            egui::vec2(w, 0.0),
                            egui::Layout::top_down(egui::Align::Min),
                            |ui| {
                                card(theme::CARD, gap).show(ui, |ui| {
                                    ui.set_width(w - 2.0 * gap);
                                    ui.horizontal(|ui| {
                                        ui::swatch(
                                            ui,
                                            theme::team_colour(team.colour),
                                            s.body * 0.8,
                                        );
                                        ui.label(muted(format!("{}", i + 1), s.small()));
                                    });
                                    wrap(ui, rich(&team.name, s.body).strong());
                                    extra(ui, i);
                                });
                            },
                        );
                    }
                });
                ui.add_space(gap);
            }
        });
}

fn values(ui: &mut egui::Ui, view: &View, s: Sizes) {
    header(ui, view, s, view.t(T::Values));
    let Some(deck) = crate::app::screens::values::own_values::value_deck(&view.draft, &view.live)
    else {
        return;
    };
    if crate::app::screens::values::own_values::showing_poll(view) {
        crate::app::screens::values::own_values::poll_card(ui, view, s);
        return;
    }
    wrap(ui, muted(view.t(T::ValuesIntro), s.small()));
    ui.add_space(s.gap());
    egui::ScrollArea::vertical()
        .id_salt("values")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if view.draft.shared_values {
                let chosen = view.draft.values.first().cloned().unwrap_or_default();
                // Three columns once the group's own values make the list long, so it fits.
                let cols = if deck.values.len() > 6 { 3 } else { 2 };
                let gap = s.gap();
                let w = (ui.available_width() - gap) / cols as f32;
                for row in deck.values.chunks(cols) {
                    // Cards in a row are as tall as the tallest: measure the texts first.
                    let inner = w - 2.0 * gap - 4.0;
                    let row_height = row
                        .iter()
                        .map(|v| {
                            let spacing = ui.spacing().item_spacing.y;
                            let measure = |ui: &egui::Ui, t: egui::RichText| {
                                egui::WidgetText::from(t)
                                    .into_galley(
                                        ui,
                                        Some(egui::TextWrapMode::Wrap),
                                        inner,
                                        egui::TextStyle::Body,
                                    )
                                    .size()
                                    .y
                            };
                            let name = measure(
                                ui,
                                egui::RichText::new(format!("{}  \u{00d7}3", v.name))
                                    .size(s.body)
                                    .strong(),
                            );
                            let meaning = if v.meaning.is_empty() {
                                0.0
                            } else {
                                spacing + measure(ui, muted(&v.meaning, s.small()))
                            };
                            name + meaning
                        })
                        .fold(0.0f32, f32::max);
                    ui.horizontal_top(|ui| {
                        ui.spacing_mut().item_spacing.x = gap;
                        for v in row {
                            let weight = chosen.iter().find(|(id, _)| *id == v.id).map(|(_, w)| *w);
                            ui.allocate_ui_with_layout(
                                egui::vec2(w, 0.0),
                                egui::Layout::top_down(egui::Align::Min),
                                |ui| {
                                    let fill = if weight.is_some() {
                                        theme::CARD
                                    } else {
                                        theme::BG
                                    };
                                    card(fill, gap)
                                        .stroke(egui::Stroke::new(
                                            2.0,
                                            if weight.is_some() {
                                                theme::ACCENT
                                            } else {
                                                theme::CARD
                                            },
                                        ))
                                        .show(ui, |ui| {
                                            ui.set_width(inner);
                                            // From the top: egui adds a minimum height below
                                            // the cursor.
                                            ui.set_min_height(row_height);
                                            let colour = if weight.is_some() {
                                                theme::TEXT
                                            } else {
                                                theme::MUTED
                                            };
                                            ui.horizontal_wrapped(|ui| {
                                                ui.label(
                                                    egui::RichText::new(&v.name)
                                                        .size(s.body)
                                                        .strong()
                                                        .color(colour),
                                                );
                                                if let Some(w) = weight {
                                                    ui.label(
                                                        egui::RichText::new(format!("\u{00d7}{w}"))
                                                            .size(s.body)
                                                            .color(theme::ACCENT),
                                                    );
                                                }
                                            });
                                            if !v.meaning.is_empty() {
                                                wrap(ui, muted(&v.meaning, s.small()));
                                            }
                                            crate::app::screens::values::own_values::projector_note(
                                                ui, view, &v.id, s,
                                            );
                                        });
                                },
                            );
                        }
                    });
                    ui.add_space(gap);
                }
            } else {
                for (i, team) in view.draft.teams.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        ui::swatch(ui, theme::team_colour(team.colour), s.body * 0.7);
                        ui.label(rich(&team.name, s.body).strong());
                    });
                    let set = view.draft.values_of_team(i);
                    if set.is_empty() {
                        ui.label(muted("—", s.small()));
                    }
                    ui.horizontal_wrapped(|ui| {
                        for (id, w) in set {
                            let name = deck.value_name(id);
                            card(theme::CARD, s.gap() * 0.6).show(ui, |ui| {
                                ui.label(rich(format!("{name} \u{00d7}{w}"), s.small()));
                            });
                        }
                    });
                    ui.add_space(s.gap());
                }
            }
        });
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

fn round(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let phase = view.phase().unwrap_or_default();
    round_header(ui, view, s, phase);
    let Some(sc) = session_link::current_scenario(&view.live) else {
        wrap(ui, muted(view.t(T::Waiting), s.body));
        return;
    };
    match phase {
        Phase::Scenario => {
            ui.label(
                egui::RichText::new(&sc.title)
                    .size(s.title())
                    .strong()
                    .color(theme::ACCENT),
            );
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
        Phase::Discuss | Phase::Choose => {
            // The situation and the behaviours stay readable while teams talk and choose; the
            // timer or the "has chosen" marks beside them.
            ui.label(
                egui::RichText::new(&sc.title)
                    .size(s.title())
                    .strong()
                    .color(theme::ACCENT),
            );
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
        Phase::Reveal => reveal(ui, view, sc, s),
        Phase::Debrief => {
            ui.label(
                egui::RichText::new(&sc.title)
                    .size(s.title())
                    .strong()
                    .color(theme::ACCENT),
            );
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
    }
}

impl std::ops::Mul<f32> for Sizes {
    type Output = Sizes;
    fn mul(self, k: f32) -> Sizes {
        Sizes {
            body: self.body * k,
        }
    }
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
fn behaviour_line(ui: &mut egui::Ui, b: &crate::deck::Behaviour, s: Sizes, text_size: f32) {
    ui.horizontal_top(|ui| {
        ui.label(
            egui::RichText::new(b.key.to_string())
                .size(s.body)
                .strong()
                .color(theme::ACCENT),
        );
        ui.add_space(s.gap() * 0.5);
        wrap(ui, rich(&b.text, text_size));
    });
}

fn reveal(ui: &mut egui::Ui, view: &View, sc: &crate::deck::Scenario, s: Sizes) {
    ui.label(
        egui::RichText::new(&sc.title)
            .size(s.title())
            .strong()
            .color(theme::ACCENT),
    );
    ui.add_space(s.gap() * 0.5);
    let f = view.live.fold();
    let deck = crate::app::screens::values::own_values::value_deck(&view.draft, &view.live);
    let ctx = ui.ctx().clone();
    let by_alignment = session_link::rank_by(&view.live) == crate::session::RankBy::Alignment;
    // One card per behaviour that was chosen, with the teams that chose it and what it did to
    // each team's own values (the scores come from the session core).
    let key = (
        &sc.id,
        f.round,
        &f.choices,
        s.body.to_bits(),
        view.round.all_consequences,
    );
    ui::fitted_scroll(ui, "reveal", key, 0.6, |ui, scale| {
        let s = s * scale;
        for b in &sc.behaviours {
            let teams: Vec<usize> = (0..view.draft.teams.len())
                .filter(|&i| f.choices.get(i).copied().flatten() == Some(b.key))
                .collect();
            if teams.is_empty() {
                if view.round.all_consequences {
                    not_chosen(ui, view, b, s);
                    ui.add_space(s.gap() * 0.4);
                }
                continue;
            }
            card(theme::CARD, s.gap() * 0.8).show(ui, |ui| {
                ui.set_width(ui.available_width());
                behaviour_line(ui, b, s, s.body * 0.9);
                if !b.consequence.is_empty() {
                    wrap(ui, muted(&b.consequence, s.small()).italics());
                }
                for &i in &teams {
                    let team = &view.draft.teams[i];
                    let result = session_link::team_round(&view.live, i);
                    ui.horizontal_wrapped(|ui| {
                        ui::swatch(ui, theme::team_colour(team.colour), s.small() * 0.8);
                        ui.label(rich(&team.name, s.small()).strong());
                        if let Some(score) = result.score {
                            // Count up to the score: an egui animation asks for frames only while it runs.
                            let id = egui::Id::new(("score", i, f.round));
                            let shown = ui::count_up(&ctx, id, score as f32, 0.8);
                            ui.label(
                                egui::RichText::new(signed(shown.round() as i64))
                                    .size(s.body)
                                    .strong()
                                    .color(signed_colour(score)),
                            );
                        }
                        if by_alignment && let Some(p) = result.percent {
                            ui.label(muted(format!("{p} %"), s.small()));
                        }
                        for (id, d) in &result.per_value {
                            let name = deck
                                .and_then(|d| d.value(id))
                                .map_or(id.as_str(), |v| v.name.as_str());
                            // Each value counts up (or down) to its change, like the score.
                            let anim = egui::Id::new(("value", i, f.round, id));
                            let shown = ui::count_up(&ctx, anim, *d as f32, 0.8);
                            let mut rt = egui::RichText::new(format!(
                                "{name} {}",
                                signed(shown.round() as i64)
                            ))
                            .size(s.small() * 0.85)
                            .color(signed_colour(*d));
                            if result.barbarian.contains(id) {
                                rt = rt.strong().underline();
                            }
                            ui.label(rt);
                        }
                    });
                    // One short line that says why: "Barbaarse zet: X ging voor Y".
                    if let Some(line) = deck.and_then(|d| {
                        session_link::barbarian_line(
                            view.lang.0,
                            d,
                            result.went_for.as_deref(),
                            &result.barbarian,
                        )
                    }) {
                        wrap(
                            ui,
                            egui::RichText::new(line)
                                .size(s.small())
                                .strong()
                                .color(theme::BAD),
                        );
                    }
                }
            });
            ui.add_space(s.gap() * 0.4);
        }
    });
}

/// The rules for the participants, once at the start (R): how a choice scores, what the ranking
/// goes by, and what a barbarian move is.
fn rules(ui: &mut egui::Ui, view: &View, s: Sizes) {
    header(ui, view, s, view.t(T::Rules));
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

/// A behaviour no team chose, at the reveal on request: its consequence, marked as not chosen, on
/// a quieter card.
fn not_chosen(ui: &mut egui::Ui, view: &View, b: &crate::deck::Behaviour, s: Sizes) {
    card(theme::BG, s.gap() * 0.8)
        .stroke(egui::Stroke::new(1.5, theme::CARD))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                ui.label(
                    egui::RichText::new(b.key.to_string())
                        .size(s.body)
                        .strong()
                        .color(theme::MUTED),
                );
                ui.add_space(s.gap() * 0.5);
                ui.vertical(|ui| {
                    wrap(ui, muted(&b.text, s.body * 0.9));
                    ui.label(
                        egui::RichText::new(view.t(T::NotChosen))
                            .size(s.small() * 0.9)
                            .strong()
                            .color(theme::MUTED),
                    );
                });
            });
            if !b.consequence.is_empty() {
                wrap(ui, muted(&b.consequence, s.small()).italics());
            }
        });
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

fn scoreboard(ui: &mut egui::Ui, view: &View, s: Sizes, final_: bool) {
    header(
        ui,
        view,
        s,
        view.t(if final_ { T::Final } else { T::Scoreboard }),
    );
    let by = session_link::rank_by(&view.live);
    ui.label(muted(
        view.t(match by {
            crate::session::RankBy::Points => T::RankByPoints,
            crate::session::RankBy::Alignment => T::RankByAlignment,
        }),
        s.small(),
    ));
    ui.add_space(s.gap() * 0.5);
    let ranking = session_link::ranking(&view.live);
    // The core's order; teams it does not know yet (no session) in team order, without a score.
    let order: Vec<(Option<&crate::session::Ranked>, usize)> = if ranking.is_empty() {
        (0..view.draft.teams.len()).map(|i| (None, i)).collect()
    } else {
        ranking.iter().map(|r| (Some(r), r.team)).collect()
    };
    egui::ScrollArea::vertical()
        .id_salt("scores")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (pos, &(ranked, i)) in order.iter().enumerate() {
                let Some(team) = view.draft.teams.get(i) else {
                    continue;
                };
                card(theme::CARD, s.gap()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(muted(
                            format!("{}.", ranked.map_or(pos + 1, |r| r.rank)),
                            s.body,
                        ));
                        ui::swatch(ui, theme::team_colour(team.colour), s.body * 0.7);
                        ui.label(rich(&team.name, s.body).strong());
                        let points = |t: i64| {
                            egui::RichText::new(format!("{t} {}", view.t(T::Points))).size(s.body)
                        };
                        match (ranked, by) {
                            (None, _) => {
                                ui.label(muted(view.t(T::NoScoreYet), s.small()));
                            }
                            (Some(r), crate::session::RankBy::Points) => {
                                ui.label(points(r.total).strong().color(theme::ACCENT));
                            }
                            (Some(r), crate::session::RankBy::Alignment) => {
                                ui.label(
                                    egui::RichText::new(
                                        r.percent.map_or("– %".to_string(), |p| format!("{p} %")),
                                    )
                                    .size(s.body)
                                    .strong()
                                    .color(theme::ACCENT),
                                );
                                ui.label(muted(
                                    format!("· {} {}", r.total, view.t(T::Points)),
                                    s.small(),
                                ));
                            }
                        }
                    });
                    if final_ {
                        final_details(ui, view, s, i);
                    }
                });
                ui.add_space(s.gap() * 0.6);
            }
        });
}

/// Final screen, per team: value profile as bars, barbarian moments, the chosen behaviours.
fn final_details(ui: &mut egui::Ui, view: &View, s: Sizes, team: usize) {
    let k = s.small() * 0.85;
    let profile = session_link::value_profile(&view.live, team);
    let max = profile
        .iter()
        .map(|(_, p)| p.abs())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let top_down = egui::Layout::top_down(egui::Align::Min);
    ui.columns(2, |cols| {
        let (left, right) = cols.split_at_mut(1);
        left[0].with_layout(top_down, |ui| {
            ui.label(muted(view.t(T::ValueProfile), k));
            for (name, points) in &profile {
                ui.horizontal(|ui| {
                    let label_w = ui.available_width() * 0.45;
                    ui.add_sized([label_w, k], egui::Label::new(rich(name, k)).truncate());
                    let full = (ui.available_width() - k * 3.0).max(10.0);
                    let w = (full * (*points as f32).abs() / max).max(2.0);
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(w, k * 0.6), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 3.0, signed_colour(*points));
                    ui.label(
                        egui::RichText::new(signed(*points))
                            .size(k)
                            .color(signed_colour(*points)),
                    );
                });
            }
            let moves = session_link::barbarian_moves(&view.live, team);
            ui.label(muted(view.t(T::BarbarianMoments), k));
            if moves.is_empty() {
                ui.label(muted(view.t(T::NoBarbarianMoments), k));
            }
            for (n, went_for, value) in moves {
                let x = went_for.unwrap_or_else(|| view.t(T::TheHabit).to_string());
                wrap(
                    ui,
                    egui::RichText::new(format!(
                        "{} {n}: {x} {} {value}",
                        view.t(T::Round),
                        view.t(T::WentFor)
                    ))
                    .size(k)
                    .color(theme::BAD),
                );
            }
        });
        right[0].with_layout(top_down, |ui| {
            ui.label(muted(view.t(T::OurWays), k));
            for (_, text) in session_link::chosen_behaviours(&view.live, team) {
                ui.horizontal_top(|ui| {
                    ui.label(egui::RichText::new("\u{2022}").size(k).color(theme::ACCENT));
                    wrap(ui, rich(text, k));
                });
            }
        });
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
