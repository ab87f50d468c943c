//! The Agreements screen ("Zo zijn onze manieren"): subgroups propose concrete behaviour, rituals,
//! heroes and symbols for the agreed values, checked against the checklist; the group adopts,
//! revises or drops each proposal. The projector shows the checklist, the open proposals large
//! enough to discuss from the back of the room, and the adopted list grouped by value; the
//! facilitator's window holds the form and the decisions. The notes on the debrief questions are
//! typed here too (see [`notes`]). This module owns the draft, the actions and both views.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::app::action::{Action, DraftEdit};
use crate::app::ctx::Ctx;
use crate::app::nav::{Nav, Phase, Screen};
use crate::app::session_link::{self, Live};
use crate::app::state::AgreementDraft;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{View, card, muted, rich, title, wrap};
use crate::session::{AgreementKind, AgreementStatus, Event, MAX_AGREEMENT, MAX_NOTE, Session};

impl AgreementDraft {
    fn edit(&mut self, e: DraftEdit) {
        match e {
            DraftEdit::Text(t) => self.text = t.chars().take(MAX_AGREEMENT + 40).collect(),
            DraftEdit::Value(v) => self.value = Some(v),
            DraftEdit::Kind(k) => self.kind = k,
            DraftEdit::By(b) => self.by = b.chars().take(60).collect(),
            DraftEdit::Meets(q, on) => {
                self.meets.retain(|&m| m != q);
                if on {
                    self.meets.push(q);
                    self.meets.sort_unstable();
                }
            }
            DraftEdit::Note {
                round,
                question,
                text,
            } => {
                let text: String = text.chars().take(MAX_NOTE + 40).collect();
                match self
                    .notes
                    .iter_mut()
                    .find(|(r, q, _)| *r == round && *q == question)
                {
                    Some(n) => n.2 = text,
                    None => self.notes.push((round, question, text)),
                }
            }
        }
    }

    /// The note being typed for a question, else the one recorded.
    pub fn note<'a>(&'a self, s: &'a Session, round: usize, question: usize) -> &'a str {
        self.notes
            .iter()
            .find(|(r, q, _)| *r == round && *q == question)
            .map(|n| n.2.as_str())
            .or_else(|| s.note(round, question))
            .unwrap_or("")
    }

    /// The value a new proposal serves.
    pub fn value_for(&self, s: &Session) -> Option<String> {
        self.value
            .clone()
            .or_else(|| s.team_values(0).first().map(|(v, _)| v.clone()))
    }
}

/// G: to the Agreements screen, from the scoreboard or a debrief.
pub fn open(ctx: &mut Ctx, nav: &mut Nav) {
    let from_debrief = nav.is(Screen::Round) && nav.phase == Some(Phase::Debrief);
    if nav.is(Screen::Scoreboard) || from_debrief {
        nav.go(Screen::Agreements);
    } else if !nav.is(Screen::Agreements) {
        ctx.refuse_with(crate::lang::messages::Msg::AgreementsWhen);
    }
}

/// Space: back to the scoreboard while rounds are left, else the session is finished.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    if session_link::rounds_left(&ctx.live) > 0 {
        nav.go(Screen::Scoreboard);
        return;
    }
    match session_link::finish(&mut ctx.live) {
        Ok(()) => nav.go(Screen::Final),
        Err(e) => ctx.fail(e),
    }
}

/// Handles the screen's own actions (proposals, decisions, revisions, notes).
pub fn agreement_actions(
    mut actions: MessageReader<Action>,
    mut draft: ResMut<AgreementDraft>,
    mut live: ResMut<Live>,
    screen: Res<State<Screen>>,
) {
    // The Review screen decides and rewords the agreements carried from an earlier session.
    let on_screen = matches!(*screen.get(), Screen::Agreements | Screen::Review);
    for action in actions.read() {
        let done = match action.clone() {
            Action::DraftAgreement(e) => {
                draft.edit(e);
                continue;
            }
            Action::ProposeAgreement if on_screen => {
                let Some(s) = live.session() else {
                    continue;
                };
                let ev = Event::AgreementProposed {
                    text: draft.text.trim().to_string(),
                    value: draft.value_for(s).unwrap_or_default(),
                    kind: draft.kind,
                    by: draft.by.trim().to_string(),
                    meets: draft.meets.clone(),
                    team: None,
                };
                let r = live.apply(ev);
                if r.is_ok() {
                    draft.text.clear();
                    draft.meets.clear();
                }
                r
            }
            Action::DecideAgreement(i, status) if on_screen => {
                live.apply(Event::AgreementDecided {
                    agreement: i,
                    status,
                })
            }
            Action::ReviseAgreement(i) if on_screen => {
                let r = live.apply(Event::AgreementRevised {
                    agreement: i,
                    text: draft.text.trim().to_string(),
                });
                if r.is_ok() {
                    draft.text.clear();
                }
                r
            }
            // The core takes notes on revealed rounds only.
            Action::SaveNote { round, question } => {
                let text = live
                    .session()
                    .map(|s| draft.note(s, round, question).trim().to_string())
                    .unwrap_or_default();
                let r = live.apply(Event::DebriefNoted {
                    round,
                    question,
                    text,
                });
                if r.is_ok() {
                    draft
                        .notes
                        .retain(|(r, q, _)| !(*r == round && *q == question));
                }
                r
            }
            _ => continue,
        };
        draft.error = done.err();
    }
}

fn kind_label(view: &View, kind: AgreementKind) -> String {
    format!("{} {}", kind.mark(), kind.name(view.lang.0))
}

/// The facilitator's side: the form for a proposal, then each proposal with its decisions.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let Some(s) = view.live.session() else {
        return;
    };
    proposal_form(ui, view, s, out);
    ui.separator();
    agreement_list(ui, view, s, out);
}

/// The proposal being typed: its text, the value it serves, its kind, the subgroup, the
/// checklist, and the button that records it.
fn proposal_form(ui: &mut egui::Ui, view: &View, s: &Session, out: &mut Vec<Action>) {
    use crate::app::i18n::T;
    let d = &view.agreements;
    ui.label(
        egui::RichText::new(view.t(T::NewProposal))
            .size(20.0)
            .strong()
            .color(theme::ACCENT),
    );
    let mut text = d.text.clone();
    if ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(view.t(T::ProposalHint)),
        )
        .changed()
    {
        out.push(Action::DraftAgreement(DraftEdit::Text(text)));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(view.t(T::ServesValue), 15.0));
        let current = d.value_for(s);
        // The agreed values first, then the group's own values that were not agreed.
        let own = s
            .group_values()
            .iter()
            .filter(|g| g.own && !s.team_values(0).iter().any(|(v, _)| *v == g.id))
            .map(|g| &g.id);
        for id in s.team_values(0).iter().map(|(v, _)| v).chain(own) {
            if ui
                .selectable_label(current.as_deref() == Some(id), s.deck().value_name(id))
                .clicked()
            {
                out.push(Action::DraftAgreement(DraftEdit::Value(id.clone())));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for k in AgreementKind::ALL {
            if ui
                .selectable_label(d.kind == k, kind_label(view, k))
                .clicked()
            {
                out.push(Action::DraftAgreement(DraftEdit::Kind(k)));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(view.t(T::Subgroup), 15.0));
        let mut by = d.by.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut by).desired_width(200.0))
            .changed()
        {
            out.push(Action::DraftAgreement(DraftEdit::By(by)));
        }
    });
    for (q, question) in s.checklist().iter().enumerate() {
        let mut on = d.meets.contains(&q);
        if ui.checkbox(&mut on, question.as_str()).changed() {
            out.push(Action::DraftAgreement(DraftEdit::Meets(q, on)));
        }
    }
    if ui
        .add_enabled(
            !d.text.trim().is_empty(),
            egui::Button::new(rich(view.t(T::Propose), 18.0)),
        )
        .clicked()
    {
        out.push(Action::ProposeAgreement);
    }
    if let Some(e) = &d.error {
        wrap(ui, egui::RichText::new(e).size(15.0).color(theme::BAD));
    }
}

/// Every agreement so far with its status, and the buttons to adopt, drop, reopen or reword it.
fn agreement_list(ui: &mut egui::Ui, view: &View, s: &Session, out: &mut Vec<Action>) {
    use crate::app::i18n::T;
    for (i, a) in s.agreements().iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let status = match a.status {
                AgreementStatus::Proposed => view.t(T::StatusProposed),
                AgreementStatus::Adopted => view.t(T::StatusAdopted),
                AgreementStatus::Dropped => view.t(T::StatusDropped),
            };
            ui.label(muted(format!("{}. {status}", i + 1), 14.0));
            ui.label(muted(
                format!(
                    "{} · {}",
                    kind_label(view, a.kind),
                    s.deck().value_name(&a.value)
                ),
                14.0,
            ));
        });
        wrap(ui, rich(&a.text, 16.0));
        ui.horizontal_wrapped(|ui| decide_buttons(ui, view, i, a.status, out));
        ui.add_space(6.0);
    }
}

/// Adopt, drop or reopen agreement `i`, or reword it with the typed text.
fn decide_buttons(
    ui: &mut egui::Ui,
    view: &View,
    i: usize,
    now: AgreementStatus,
    out: &mut Vec<Action>,
) {
    use crate::app::i18n::T;
    let d = &view.agreements;
    for (status, key) in [
        (AgreementStatus::Adopted, T::Adopt),
        (AgreementStatus::Dropped, T::Drop),
        (AgreementStatus::Proposed, T::BackToProposal),
    ] {
        if now != status && ui.small_button(view.t(key)).clicked() {
            out.push(Action::DecideAgreement(i, status));
        }
    }
    if ui
        .add_enabled(
            !d.text.trim().is_empty(),
            egui::Button::new(view.t(T::ReviseWithText)).small(),
        )
        .clicked()
    {
        out.push(Action::ReviseAgreement(i));
    }
}

/// The facilitator's notes on the debrief questions of the current round.
pub fn notes(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    use crate::app::i18n::T;
    let Some(s) = view.live.session() else {
        return;
    };
    let Some((round, _)) = s.current_round() else {
        return;
    };
    let Some(sc) = s.current_scenario() else {
        return;
    };
    ui.label(
        egui::RichText::new(view.t(T::DebriefNotes))
            .size(20.0)
            .strong()
            .color(theme::ACCENT),
    );
    for (q, question) in sc.debrief.iter().enumerate() {
        wrap(ui, muted(question, 15.0));
        let mut text = view.agreements.note(s, round, q).to_string();
        if ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .changed()
        {
            out.push(Action::DraftAgreement(DraftEdit::Note {
                round,
                question: q,
                text: text.clone(),
            }));
        }
        // Saved notes go into the journal and the report; the button shows what is not saved yet.
        if s.note(round, q).unwrap_or("") != text.trim() && ui.button(view.t(T::SaveNote)).clicked()
        {
            out.push(Action::SaveNote { round, question: q });
        }
    }
    if let Some(e) = &view.agreements.error {
        wrap(ui, egui::RichText::new(e).size(15.0).color(theme::BAD));
    }
}

/// An open proposal on the projector: its kind, value and subgroup, and its text large.
fn proposal_card(
    ui: &mut egui::Ui,
    view: &View,
    session: &Session,
    a: &crate::session::Agreement,
    s: Sizes,
) {
    card(theme::CARD, s.gap()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.add(
            egui::Label::new(muted(
                format!(
                    "{} · {}{}",
                    kind_label(view, a.kind),
                    session.deck().value_name(&a.value),
                    if a.by.is_empty() {
                        String::new()
                    } else {
                        format!(" · {}", a.by)
                    }
                ),
                s.small(),
            ))
            .wrap(),
        );
        ui.add(egui::Label::new(rich(&a.text, s.body)).wrap());
    });
}

/// The projected side: the checklist, the open proposals large, and the adopted list.
pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    use crate::app::i18n::T;
    let Some(session) = view.live.session() else {
        return;
    };
    title(ui, view.t(T::Manners), s);
    ui.add_space(s.gap());
    let open: Vec<_> = session
        .agreements()
        .iter()
        .filter(|a| a.status == AgreementStatus::Proposed)
        .collect();
    // Every value with an adopted agreement (the agreed ones, the group's own, and those served by
    // agreements carried from an earlier session), in the deck's order.
    let adopted_values: Vec<(&str, Vec<_>)> = session
        .adopted_by_value()
        .into_iter()
        .map(|(v, list)| (v.id.as_str(), list))
        .collect();
    let width = ui.available_width();
    let left = (width * 0.34).max(200.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(left);
            ui.label(rich(view.t(T::Checklist), s.body).strong());
            for (i, q) in session.checklist().iter().enumerate() {
                ui.add(egui::Label::new(muted(format!("{}. {q}", i + 1), s.small())).wrap());
            }
        });
        ui.add_space(s.gap());
        ui.vertical(|ui| {
            egui::ScrollArea::vertical()
                .id_salt("manners")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if !open.is_empty() {
                        ui.label(rich(view.t(T::Proposals), s.body).strong());
                        for a in &open {
                            proposal_card(ui, view, session, a, s);
                            ui.add_space(s.gap() * 0.5);
                        }
                        ui.add_space(s.gap());
                    }
                    ui.label(rich(view.t(T::Adopted), s.body).strong());
                    if adopted_values.iter().all(|(_, l)| l.is_empty()) {
                        ui.label(muted(view.t(T::NothingAdopted), s.small()));
                    }
                    for (value, list) in adopted_values.iter().filter(|(_, l)| !l.is_empty()) {
                        ui.label(
                            egui::RichText::new(session.deck().value_name(value))
                                .size(s.body)
                                .color(theme::ACCENT),
                        );
                        for a in list {
                            ui.add(
                                egui::Label::new(rich(
                                    format!("{}  {}", a.kind.mark(), a.text),
                                    s.small() * 1.1,
                                ))
                                .wrap(),
                            );
                        }
                        ui.add_space(s.gap() * 0.5);
                    }
                });
        });
    });
}
