//! The Values screen: the group (or each team) chooses and weighs its values, helped by the
//! pre-session poll; the group's own values are `own_values`. Space agrees the values and begins
//! the first round.

pub mod own_values;
pub mod poll;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::i18n::T;
use crate::app::nav::{Nav, Phase, Screen};
use crate::app::session_link;
use crate::app::state::PollState;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{
    self, View, big_button, card, header, muted, problem_list, rich, section, wrap,
};
use crate::deck::{Deck, ValueDef as Value};
use bevy_egui::egui;

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
        Action::ImportPoll if on_screen => poll::import(ctx, poll),
        Action::SetPollMoment(m) => {
            poll.moment = m;
            if on_screen && poll.preview.is_some() {
                poll::import(ctx, poll);
            }
        }
        Action::ApplyPoll(set) if on_screen => poll::apply(ctx, poll, set),
        Action::ShowPoll(on) => poll.shown = on && poll.preview.is_some(),
        _ => {}
    }
}

/// Space: agree the values and begin the first round.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    let problems = ctx.draft.problems(ctx.lang());
    if !problems.is_empty() {
        ctx.refuse(problems.join(" "));
        return;
    }
    let ctx = &mut *ctx;
    match session_link::start(&ctx.draft, &mut ctx.live, ctx.lang.0) {
        Ok(()) => nav.round(Phase::Scenario),
        Err(e) => ctx.fail(e),
    }
}

/// The Values screen on the projector: the deck's values (and the group's own) as cards, the
/// chosen ones lit with their weight; per team, each team's set; or the poll's result.
pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    header(ui, view, s, view.t(T::Values));
    let Some(deck) = own_values::value_deck(&view.draft, &view.live) else {
        return;
    };
    if own_values::showing_poll(view) {
        own_values::poll_card(ui, view, s);
        return;
    }
    wrap(ui, muted(view.t(T::ValuesIntro), s.small()));
    ui.add_space(s.gap());
    egui::ScrollArea::vertical()
        .id_salt("values")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if view.draft.shared_values {
                group_cards(ui, view, deck, s);
            } else {
                team_sets(ui, view, deck, s);
            }
        });
}

/// The group's values as cards in rows; three columns once the group's own values make the list
/// long, so it fits.
fn group_cards(ui: &mut egui::Ui, view: &View, deck: &Deck, s: Sizes) {
    let chosen = view.draft.values.first().cloned().unwrap_or_default();
    let cols = if deck.values.len() > 6 { 3 } else { 2 };
    let gap = s.gap();
    let w = (ui.available_width() - gap) / cols as f32;
    let inner = w - 2.0 * gap - 4.0;
    for row in deck.values.chunks(cols) {
        // Cards in a row are as tall as the tallest: measure the texts first.
        let height = row
            .iter()
            .map(|v| card_height(ui, v, inner, s))
            .fold(0.0f32, f32::max);
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for v in row {
                let weight = chosen.iter().find(|(id, _)| *id == v.id).map(|(_, w)| *w);
                let size = egui::vec2(inner, height);
                ui.allocate_ui_with_layout(
                    egui::vec2(w, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| value_card(ui, view, v, weight, size, s),
                );
            }
        });
        ui.add_space(gap);
    }
}

/// How tall a value's card text is at width `inner`: its name (with room for a weight) and its
/// meaning.
fn card_height(ui: &egui::Ui, v: &Value, inner: f32, s: Sizes) -> f32 {
    let measure = |t: egui::RichText| {
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
        egui::RichText::new(format!("{}  \u{00d7}3", v.name))
            .size(s.body)
            .strong(),
    );
    if v.meaning.is_empty() {
        name
    } else {
        name + ui.spacing().item_spacing.y + measure(muted(&v.meaning, s.small()))
    }
}

/// One value's card, `size` inside its margin: lit with its weight when chosen.
fn value_card(
    ui: &mut egui::Ui,
    view: &View,
    v: &Value,
    weight: Option<u8>,
    size: egui::Vec2,
    s: Sizes,
) {
    let (fill, edge, colour) = if weight.is_some() {
        (theme::CARD, theme::ACCENT, theme::TEXT)
    } else {
        (theme::BG, theme::CARD, theme::MUTED)
    };
    card(fill, s.gap())
        .stroke(egui::Stroke::new(2.0, edge))
        .show(ui, |ui| {
            ui.set_width(size.x);
            // From the top: egui adds a minimum height below the cursor.
            ui.set_min_height(size.y);
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
            own_values::projector_note(ui, view, &v.id, s);
        });
}

/// Values per team: each team with its chosen values and weights.
fn team_sets(ui: &mut egui::Ui, view: &View, deck: &Deck, s: Sizes) {
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

pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let Some(deck) = own_values::value_deck(&view.draft, &view.live) else {
        return;
    };
    wrap(ui, muted(view.t(T::ValuesIntro), 18.0));
    for set in 0..view.draft.value_sets() {
        let who = if view.draft.shared_values {
            view.t(T::Group).to_string()
        } else {
            view.draft.team_name(set)
        };
        section(ui, &who);
        let chosen = view.draft.values.get(set).cloned().unwrap_or_default();
        for v in &deck.values {
            let weight = chosen.iter().find(|(id, _)| *id == v.id).map(|(_, w)| *w);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .selectable_label(weight.is_some(), &v.name)
                    .on_hover_text(&v.meaning)
                    .clicked()
                {
                    out.push(Action::ToggleValue {
                        set,
                        value: v.id.clone(),
                    });
                }
                if let Some(w) = weight {
                    for k in 1..=3u8 {
                        if ui.selectable_label(w == k, k.to_string()).clicked() {
                            out.push(Action::SetWeight {
                                set,
                                value: v.id.clone(),
                                weight: k,
                            });
                        }
                    }
                }
                if set == 0 {
                    own_values::reword_button(ui, view, &v.id, out);
                }
                if let Some(note) = own_values::value_note(view, &v.id) {
                    ui.label(muted(note, 13.0));
                }
            });
        }
    }
    own_values::facilitator(ui, view, out);
    poll::facilitator(ui, view, out);
    ui.add_space(12.0);
    let problems = view.draft.problems(**view.lang);
    problem_list(ui, &problems);
    if big_button(
        ui,
        &format!("{}  ({})", view.t(T::StartRounds), view.t(T::SpaceKey)),
        problems.is_empty(),
    ) {
        out.push(Action::Next);
    }
}
