//! The reveal on the projector: each team's choice, its score per value, the barbarian moves,
//! and (W) the consequences of the behaviours no team chose.

use bevy_egui::egui;

use crate::app::i18n::T;
use crate::app::session_link;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{self, View, card, muted, rich, signed, signed_colour, title, wrap};

pub fn reveal(ui: &mut egui::Ui, view: &View, sc: &crate::deck::Scenario, s: Sizes) {
    title(ui, &sc.title, s);
    ui.add_space(s.gap() * 0.5);
    let f = view.live.fold();
    let deck = crate::app::screens::values::own_values::value_deck(&view.draft, &view.live);
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
                super::behaviour_line(ui, b, s, s.body * 0.9);
                if !b.consequence.is_empty() {
                    wrap(ui, muted(&b.consequence, s.small()).italics());
                }
                for &i in &teams {
                    team_result(ui, view, deck, i, f.round, by_alignment, s);
                }
            });
            ui.add_space(s.gap() * 0.4);
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
                super::behaviour_key(ui, b, s, theme::MUTED);
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

/// A team's line at the reveal: its score counting up, its alignment (values per team), the
/// points per value, and the barbarian move in one short line.
fn team_result(
    ui: &mut egui::Ui,
    view: &View,
    deck: Option<&crate::deck::Deck>,
    i: usize,
    round: usize,
    by_alignment: bool,
    s: Sizes,
) {
    let team = &view.draft.teams[i];
    let result = session_link::team_round(&view.live, i);
    ui.horizontal_wrapped(|ui| {
        ui::swatch(ui, theme::team_colour(team.colour), s.small() * 0.8);
        ui.label(rich(&team.name, s.small()).strong());
        if let Some(score) = result.score {
            // Count up to the score: an egui animation asks for frames only while it runs.
            let id = egui::Id::new(("score", i, round));
            let shown = ui::count_up(ui.ctx(), id, score as f32, 0.8);
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
            let name = deck.map_or(id.as_str(), |d| d.value_name(id));
            // Each value counts up (or down) to its change, like the score.
            let anim = egui::Id::new(("value", i, round, id));
            let shown = ui::count_up(ui.ctx(), anim, *d as f32, 0.8);
            let mut rt = egui::RichText::new(format!("{name} {}", signed(shown.round() as i64)))
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
