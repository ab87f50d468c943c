//! The group's own values on the Values screen: a value added in the group's own words (linked to
//! a deck value, so that it scores as that value, or standing alone), and the group's words for a
//! deck value. Each is a journal event with undo (see [`crate::session::GroupValue`]). Also the
//! poll's result as ranked bars, which the facilitator can show on the projector before the group
//! agrees. This module owns the draft, the actions and what both windows draw of them.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::app::action::{Action, ValueEdit};
use crate::app::draft::Draft;
use crate::app::i18n::T;
use crate::app::nav::Screen;
use crate::app::session_link::Live;
use crate::app::state::{SetupDraft, ValueDraft};
use crate::app::theme::{self, Sizes};
use crate::app::ui::{View, card, muted, rich, wrap};
use crate::deck::Deck;
use crate::session::{Event, MAX_VALUE_MEANING, MAX_VALUE_NAME};

impl ValueDraft {
    fn edit(&mut self, e: ValueEdit) {
        match e {
            ValueEdit::Name(n) => self.name = n.chars().take(MAX_VALUE_NAME + 20).collect(),
            ValueEdit::Meaning(m) => {
                self.meaning = m
                    .chars()
                    .filter(|c| *c != '\n')
                    .take(MAX_VALUE_MEANING + 40)
                    .collect()
            }
            ValueEdit::Link(l) => self.link = l,
            ValueEdit::Clear => *self = ValueDraft::default(),
        }
    }
}

/// The values as the group sees them: the live session's deck (with the group's own values and
/// words), else the deck chosen for the set-up.
pub fn value_deck<'a>(draft: &'a Draft, live: &'a Live) -> Option<&'a Deck> {
    live.session().map(|s| s.deck()).or(draft.deck.as_ref())
}

/// Handles the own values' and the poll's actions on the Values screen.
pub fn own_value_actions(
    mut actions: MessageReader<Action>,
    mut draft: ResMut<ValueDraft>,
    mut live: ResMut<Live>,
    setup: Res<SetupDraft>,
    screen: Res<State<Screen>>,
) {
    let on_screen = *screen.get() == Screen::Values;
    for action in actions.read() {
        let done = match action.clone() {
            Action::DraftValue(e) => {
                draft.edit(e);
                continue;
            }
            Action::EditValue(id) if on_screen => {
                let Some(v) = value_deck(&setup, &live).and_then(|d| d.value(&id)) else {
                    continue;
                };
                let link = live
                    .session()
                    .and_then(|s| s.own_value(&id))
                    .and_then(|g| g.link.clone());
                *draft = ValueDraft {
                    name: v.name.clone(),
                    meaning: v.meaning.clone(),
                    link,
                    editing: Some(id),
                    error: None,
                };
                continue;
            }
            Action::AddOwnValue if on_screen => {
                let Some(s) = live.session() else {
                    continue;
                };
                let ev = Event::ValueAdded {
                    id: s.next_own_id(),
                    name: draft.name.trim().to_string(),
                    meaning: draft.meaning.trim().to_string(),
                    link: draft.link.clone(),
                };
                live.apply(ev)
            }
            Action::WordValue(id) if on_screen => live.apply(Event::ValueWorded {
                value: id,
                name: draft.name.trim().to_string(),
                meaning: draft.meaning.trim().to_string(),
                link: draft.link.clone(),
            }),
            _ => continue,
        };
        match done {
            Ok(()) => *draft = ValueDraft::default(),
            Err(e) => draft.error = Some(e),
        }
    }
}

/// The facilitator's form: add a value of the group's own, or put a value in the group's words.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let Some(s) = view.live.session() else {
        return;
    };
    let d = &view.values;
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(view.t(T::OwnValues))
            .size(22.0)
            .strong()
            .color(theme::ACCENT),
    );
    wrap(ui, muted(view.t(T::OwnValuesHint), 15.0));
    if let Some(id) = &d.editing {
        wrap(
            ui,
            rich(
                format!(
                    "{}: {}",
                    view.t(T::Rewording),
                    s.played_deck().value_name(id)
                ),
                16.0,
            )
            .strong(),
        );
    }
    let mut name = d.name.clone();
    ui.horizontal(|ui| {
        ui.label(muted(view.t(T::ValueName), 15.0));
        if ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .desired_width(ui.available_width())
                    .hint_text(view.t(T::OwnValueExample)),
            )
            .changed()
        {
            out.push(Action::DraftValue(ValueEdit::Name(name.clone())));
        }
    });
    let mut meaning = d.meaning.clone();
    ui.horizontal(|ui| {
        ui.label(muted(view.t(T::ValueMeaning), 15.0));
        if ui
            .add(egui::TextEdit::singleline(&mut meaning).desired_width(ui.available_width()))
            .changed()
        {
            out.push(Action::DraftValue(ValueEdit::Meaning(meaning.clone())));
        }
    });
    // A deck value is reworded without a link; the group's own values choose one.
    let own = d
        .editing
        .as_ref()
        .is_none_or(|id| s.own_value(id).is_some());
    if own {
        link_choice(ui, view, s, out);
    }
    ui.horizontal_wrapped(|ui| save_row(ui, view, out));
    if let Some(e) = &d.error {
        wrap(ui, egui::RichText::new(e).size(15.0).color(theme::BAD));
    }
}

/// Add the typed value (or save the words of the one being reworded), or cancel.
fn save_row(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let d = &view.values;
    let ready = !d.name.trim().is_empty();
    match &d.editing {
        Some(id) => {
            if ui
                .add_enabled(ready, egui::Button::new(rich(view.t(T::SaveWords), 17.0)))
                .clicked()
            {
                out.push(Action::WordValue(id.clone()));
            }
        }
        None => {
            if ui
                .add_enabled(ready, egui::Button::new(rich(view.t(T::AddValue), 17.0)))
                .clicked()
            {
                out.push(Action::AddOwnValue);
            }
        }
    }
    if (d.editing.is_some() || ready) && ui.button(view.t(T::Cancel)).clicked() {
        out.push(Action::DraftValue(ValueEdit::Clear));
    }
}

/// Which deck value the group's own value scores as, or none (it stands alone).
fn link_choice(ui: &mut egui::Ui, view: &View, s: &crate::session::Session, out: &mut Vec<Action>) {
    let d = &view.values;
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(view.t(T::ScoresAs), 15.0));
        if ui
            .selectable_label(d.link.is_none(), view.t(T::StandsAlone))
            .clicked()
        {
            out.push(Action::DraftValue(ValueEdit::Link(None)));
        }
        for v in &s.played_deck().values {
            if ui
                .selectable_label(d.link.as_deref() == Some(v.id.as_str()), &v.name)
                .clicked()
            {
                out.push(Action::DraftValue(ValueEdit::Link(Some(v.id.clone()))));
            }
        }
    });
    if d.link.is_none() {
        wrap(ui, muted(view.t(T::StandsAloneHint), 14.0));
    }
}

/// What a value is for the group, in a few words: "telt als X" for a linked own value, "telt niet
/// mee" for one standing alone, nothing for a deck value.
pub fn value_note(view: &View, id: &str) -> Option<String> {
    let s = view.live.session()?;
    let g = s.own_value(id)?;
    Some(match &g.link {
        Some(l) => format!(
            "{} {} {}",
            view.t(T::OwnValue),
            view.t(T::CountsAs),
            s.played_deck().value_name(l)
        ),
        None => format!("{} · {}", view.t(T::OwnValue), view.t(T::ScoresNothing)),
    })
}

/// The "in our words" button beside a value on the facilitator's Values screen.
pub fn reword_button(ui: &mut egui::Ui, view: &View, id: &str, out: &mut Vec<Action>) {
    if view.live.session().is_some() && ui.small_button(view.t(T::InOurWords)).clicked() {
        out.push(Action::EditValue(id.to_string()));
    }
}

/// The facilitator's switch for the poll on the projector.
pub fn poll_switch(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if view.poll.preview.is_none() {
        return;
    }
    let (label, on) = if view.poll.shown {
        (view.t(T::HidePoll), false)
    } else {
        (view.t(T::ShowPoll), true)
    };
    if ui.button(rich(label, 17.0)).clicked() {
        out.push(Action::ShowPoll(on));
    }
}

/// The poll's result on the projector: the values ranked by support, as bars. Ratings show the
/// average (1–5), a top-three poll how many respondents named the value. Open answers are never
/// shown here.
pub fn poll_bars(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let Some(p) = &view.poll.preview else { return };
    let Some(deck) = value_deck(&view.draft, &view.live) else {
        return;
    };
    let nl = view.lang.0 == crate::app::i18n::Lang::Nl;
    ui.label(
        egui::RichText::new(view.t(T::PollResult))
            .size(s.body * 1.2)
            .strong()
            .color(theme::ACCENT),
    );
    wrap(
        ui,
        muted(
            format!("{} {}", p.respondents, view.t(T::Respondents)),
            s.small(),
        ),
    );
    ui.add_space(s.gap() * 0.5);
    let max = if p.ratings { 5.0 } else { 1.0 };
    let width = ui.available_width();
    let label_w = (width * 0.32).max(120.0);
    let bar_w = (width - label_w - s.body * 7.0).max(60.0);
    for sup in &p.support {
        let text = if sup.answers == 0 {
            "—".to_string()
        } else if p.ratings {
            let mean = format!("{:.1}", sup.score);
            let mean = if nl { mean.replace('.', ",") } else { mean };
            format!("{mean} / 5")
        } else {
            format!(
                "{} {} {}",
                sup.answers,
                view.t(T::Of),
                p.respondents.max(sup.answers)
            )
        };
        ui.horizontal(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(label_w, s.body * 1.4),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    // Every bar starts at the same place.
                    ui.set_min_width(label_w);
                    ui.add(egui::Label::new(rich(deck.value_name(&sup.value), s.body)).truncate());
                },
            );
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(bar_w, s.body * 0.9), egui::Sense::hover());
            ui.painter().rect_filled(rect, 4.0, theme::CARD);
            let frac = (sup.score / max).clamp(0.0, 1.0) as f32;
            let mut filled = rect;
            filled.set_width(rect.width() * frac);
            let colour = if sup.weight.is_some() {
                theme::ACCENT
            } else {
                theme::MUTED
            };
            ui.painter().rect_filled(filled, 4.0, colour);
            ui.label(muted(text, s.small()));
        });
    }
}

/// The projected value card's extra line for the group's own values.
pub fn projector_note(ui: &mut egui::Ui, view: &View, id: &str, s: Sizes) {
    if let Some(note) = value_note(view, id) {
        wrap(
            ui,
            egui::RichText::new(note)
                .size(s.small())
                .italics()
                .color(theme::ACCENT),
        );
    }
}

/// Draws the poll instead of the value cards while the facilitator shows it.
pub fn showing_poll(view: &View) -> bool {
    view.poll.shown && view.poll.preview.is_some()
}

/// A card around the poll's bars on the projector.
pub fn poll_card(ui: &mut egui::Ui, view: &View, s: Sizes) {
    card(theme::PANEL, s.gap()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        poll_bars(ui, view, s);
    });
}
