//! A later session of a trajectory: the Review screen, where the group looks back at the
//! agreements in force (how did each go since: done, partly, not) and keeps, revises or drops it;
//! and, on the Setup screen of such a session, the choice of the deck it plays (values and
//! agreements carry over to any deck). The decisions and revisions are the Agreements screen's own
//! actions; the review marks are [`Action::ReviewAgreement`].

use bevy::prelude::*;
use bevy_egui::egui;

use crate::app::action::{Action, DraftEdit};
use crate::app::i18n::T;
use crate::app::nav::{Nav, Screen};
use crate::app::session_link::Live;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{View, card, muted, rich, title, wrap};
use crate::session::{AgreementStatus, Event, Went};

/// Handles the review marks (Review screen).
pub fn review_actions(
    mut actions: MessageReader<Action>,
    mut live: ResMut<Live>,
    mut draft: ResMut<crate::app::state::AgreementDraft>,
    screen: Res<State<Screen>>,
) {
    if *screen.get() != Screen::Review {
        return;
    }
    for action in actions.read() {
        if let Action::ReviewAgreement(agreement, went) = action {
            draft.error = live
                .apply(Event::AgreementReviewed {
                    agreement: *agreement,
                    went: *went,
                })
                .err();
        }
    }
}

/// Space: on to the Values screen.
pub fn next(nav: &mut Nav) {
    nav.go(Screen::Values);
}

fn went_label(view: &View, went: Went) -> &'static str {
    match went {
        Went::Done => view.t(T::WentDone),
        Went::Partly => view.t(T::WentPartly),
        Went::Not => view.t(T::WentNot),
    }
}

/// The facilitator's side: per agreement in force, how it went and what the group decides.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let Some(s) = view.live.session() else {
        return;
    };
    let lang = view.lang.0;
    wrap(ui, muted(view.t(T::ReviewIntro), 16.0));
    let mut text = view.agreements.text.clone();
    ui.label(muted(view.t(T::NewWording), 15.0));
    if ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .changed()
    {
        out.push(Action::DraftAgreement(DraftEdit::Text(text)));
    }
    if let Some(e) = &view.agreements.error {
        wrap(ui, egui::RichText::new(e).size(15.0).color(theme::BAD));
    }
    ui.separator();
    for (i, a) in s.agreements().iter().enumerate() {
        if !s.is_carried(i) {
            continue;
        }
        ui.label(muted(
            format!(
                "{}. {} {} · {}",
                i + 1,
                a.kind.mark(),
                a.kind.name(lang),
                s.deck().value_name(&a.value)
            ),
            14.0,
        ));
        wrap(ui, rich(&a.text, 17.0));
        if let Some(first) = a.log.first() {
            wrap(ui, muted(first.describe(lang), 13.0));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(muted(view.t(T::HowDidItGo), 14.0));
            for went in Went::ALL {
                if ui
                    .selectable_label(a.went == Some(went), went_label(view, went))
                    .clicked()
                    && a.went != Some(went)
                {
                    out.push(Action::ReviewAgreement(i, went));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            match a.status {
                AgreementStatus::Dropped => {
                    ui.label(muted(view.t(T::StatusDropped), 14.0));
                    if ui.small_button(view.t(T::KeepIt)).clicked() {
                        out.push(Action::DecideAgreement(i, AgreementStatus::Adopted));
                    }
                }
                _ => {
                    if ui.small_button(view.t(T::Drop)).clicked() {
                        out.push(Action::DecideAgreement(i, AgreementStatus::Dropped));
                    }
                }
            }
            if ui
                .add_enabled(
                    !view.agreements.text.trim().is_empty(),
                    egui::Button::new(view.t(T::ReviseWithText)).small(),
                )
                .clicked()
            {
                out.push(Action::ReviseAgreement(i));
            }
        });
        ui.add_space(6.0);
    }
}

/// The projected side: the agreements in force, large, each with how it went once marked.
pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let Some(session) = view.live.session() else {
        return;
    };
    let lang = view.lang.0;
    title(ui, view.t(T::Review), s);
    wrap(ui, muted(view.t(T::ReviewIntro), s.small()));
    ui.add_space(s.gap());
    egui::ScrollArea::vertical()
        .id_salt("review")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, a) in session.agreements().iter().enumerate() {
                if !session.is_carried(i) {
                    continue;
                }
                let dropped = a.status == AgreementStatus::Dropped;
                let fill = if dropped { theme::BG } else { theme::CARD };
                card(fill, s.gap()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            egui::RichText::new(session.deck().value_name(&a.value))
                                .size(s.small())
                                .color(theme::ACCENT),
                        );
                        if let Some(went) = a.went {
                            let colour = match went {
                                Went::Done => theme::GOOD,
                                Went::Partly => theme::ACCENT,
                                Went::Not => theme::BAD,
                            };
                            ui.label(
                                egui::RichText::new(format!("· {}", went_label(view, went)))
                                    .size(s.small())
                                    .strong()
                                    .color(colour),
                            );
                        }
                        if dropped {
                            ui.label(muted(format!("· {}", view.t(T::StatusDropped)), s.small()));
                        }
                    });
                    let text = egui::RichText::new(format!("{}  {}", a.kind.mark(), a.text))
                        .size(s.body)
                        .color(if dropped { theme::MUTED } else { theme::TEXT });
                    let text = if dropped { text.strikethrough() } else { text };
                    ui.add(egui::Label::new(text).wrap());
                    // What happened to it in the sessions before this one.
                    let before: Vec<String> = a.log.iter().map(|m| m.describe(lang)).collect();
                    if !before.is_empty() {
                        ui.add(
                            egui::Label::new(muted(before.join(" · "), s.small() * 0.85)).wrap(),
                        );
                    }
                });
                ui.add_space(s.gap() * 0.5);
            }
        });
}

/// On the Setup screen of a session that continues a trajectory: the deck it plays, with how many
/// of each deck's scenarios were not played yet.
pub fn deck_choice(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if view.draft.previous.is_none() {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(view.t(T::DeckForSession))
            .size(22.0)
            .strong()
            .color(theme::ACCENT),
    );
    for e in view.decks.for_language(view.lang.0) {
        if e.error.is_some() {
            continue;
        }
        let selected = view.draft.deck_path.as_deref() == Some(e.path.as_path());
        let fresh = e
            .scenario_ids
            .iter()
            .filter(|id| !view.draft.played_before.contains(id))
            .count();
        let label = format!("{} ({fresh} {})", e.title, view.t(T::NotPlayedYet));
        if ui
            .add_enabled(fresh > 0, egui::Button::selectable(selected, label))
            .clicked()
        {
            out.push(Action::PickDeck(e.path.clone()));
        }
    }
}
