//! The Scoreboard between rounds: the ranking so far; Space begins the next round.

use bevy_egui::egui;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::i18n::T;
use crate::app::nav::{Nav, Phase};
use crate::app::session_link;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{self, View, card, header, muted, rich, signed, signed_colour, wrap};

/// Space: the next round.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    match session_link::next_round(&mut ctx.live) {
        Ok(()) => nav.round(Phase::Scenario),
        Err(e) => ctx.fail(e),
    }
}

pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes, final_: bool) {
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

/// The facilitator's controls between rounds: open the agreements, adjust a score, look ahead.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if ui.button(view.t(T::OpenAgreements)).clicked() {
        out.push(Action::OpenAgreements);
    }
    super::round::facilitator::adjustments(ui, view, out);
    super::round::facilitator::next_scenario(ui, view, out);
    ui::event_log(ui, view, out);
}
