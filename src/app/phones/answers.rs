//! The phones' votes and proposals: each becomes the event the keyboard or the facilitator's form
//! makes, checked by the session core, and is answered (once; a repeat gets the same answer).

use crate::app::draft::Draft;
use crate::app::i18n::{Key, Lang, UiLang};
use crate::app::nav::{Phase, Screen};
use crate::app::session_link::{self, Live};
use crate::app::state::{Notices, SetupDraft};
use crate::lang::phones::PhoneText;
use crate::phones::{Answer, Proposal, Vote};
use crate::session;
use bevy::prelude::*;

use super::*;

/// Applies the votes that arrived: each is the keyboard's `TeamChose` event for the phone's team,
/// checked the same way, and answered.
pub(super) fn apply_votes(
    mut phones: ResMut<Phones>,
    mut live: ResMut<Live>,
    mut notices: ResMut<Notices>,
    phase: Option<Res<State<Phase>>>,
    lang: Res<UiLang>,
) {
    let Some(server) = &phones.server else { return };
    let votes = server.take_votes();
    if votes.is_empty() {
        return;
    }
    let phase = phase.map(|p| *p.get());
    for v in votes {
        let answer = answer_vote(&mut phones, &mut live, &mut notices, phase, lang.0, &v);
        v.answer(answer);
    }
}

/// Records the subgroups' proposals from their phones: the same `AgreementProposed` event as the
/// facilitator's form makes, by the team's name, checked by the session core.
pub(super) fn apply_proposals(
    mut phones: ResMut<Phones>,
    mut live: ResMut<Live>,
    draft: Res<SetupDraft>,
    screen: Res<State<Screen>>,
    lang: Res<UiLang>,
) {
    let Some(server) = &phones.server else { return };
    let proposals = server.take_proposals();
    for p in proposals {
        let answer = answer_proposal(&mut phones, &mut live, &draft, *screen.get(), lang.0, &p);
        p.answer(answer);
    }
}

pub(super) fn answer_proposal(
    phones: &mut Phones,
    live: &mut Live,
    draft: &Draft,
    screen: Screen,
    lang: Lang,
    p: &Proposal,
) -> Answer {
    if let Some(a) = phones.proposed.get(&p.id) {
        return Answer {
            repeat: true,
            ..a.clone()
        };
    }
    if screen != Screen::Agreements {
        return Answer::refused(409, PhoneText::NoProposalsNow.tr(lang));
    }
    let Some(s) = live.session() else {
        return Answer::refused(409, PhoneText::NoProposalsNow.tr(lang));
    };
    let kind =
        serde_json::from_value::<session::AgreementKind>(serde_json::Value::String(p.kind.clone()));
    let Ok(kind) = kind else {
        return Answer::refused(422, PhoneText::NoSuchKind.tr(lang));
    };
    let mut meets = p.meets.clone();
    meets.sort_unstable();
    meets.dedup();
    let per_team = s.settings().values_mode == session::ValuesMode::PerTeam;
    let ev = session::Event::AgreementProposed {
        text: p.text.trim().to_string(),
        value: p.value.clone(),
        kind,
        by: draft
            .team_name(p.team)
            .chars()
            .take(session::MAX_SUBGROUP)
            .collect(),
        meets,
        team: per_team.then_some(p.team),
    };
    match live.apply(ev) {
        Ok(()) => {
            let a = Answer::ok(
                PhoneText::Proposed.tr(lang),
                true,
                live.session().map_or(0, |s| s.events().len()),
            );
            phones.proposed.insert(p.id.clone(), a.clone());
            a
        }
        Err(e) => Answer::refused(422, e),
    }
}

pub(super) fn answer_vote(
    phones: &mut Phones,
    live: &mut Live,
    notices: &mut Notices,
    phase: Option<Phase>,
    lang: Lang,
    v: &Vote,
) -> Answer {
    let refuse = |status: u16, t: PhoneText| Answer::refused(status, t.tr(lang));
    let Some(s) = live.session() else {
        return refuse(409, PhoneText::RoundNotOpen);
    };
    let Some((index, round)) = s.current_round() else {
        return refuse(409, PhoneText::RoundNotOpen);
    };
    let number = s.number_of(index);
    // A new round forgets the answers of the last one (their votes name the old round).
    let here = (index, number);
    if phones.answered_round != Some(here) {
        phones.answered.clear();
        phones.answered_round = Some(here);
    }
    if let Some(a) = phones.answered.get(&v.id) {
        return Answer {
            repeat: true,
            ..a.clone()
        };
    }
    match round.status {
        session::RoundStatus::Open => {}
        session::RoundStatus::Revealed => return refuse(409, PhoneText::TooLate),
        _ => return refuse(409, PhoneText::RoundNotOpen),
    }
    if v.round < number {
        return refuse(409, PhoneText::TooLate);
    }
    if v.round > number {
        return refuse(409, PhoneText::RoundNotOpen);
    }
    // As the keyboard: choices while the teams discuss or choose, not while the scenario is read.
    if !matches!(phase, Some(Phase::Discuss | Phase::Choose)) {
        return refuse(409, PhoneText::NotYetOpen);
    }
    if v.team >= s.team_count() {
        return refuse(422, PhoneText::NoSuchTeam);
    }
    if s.current_scenario()
        .and_then(|sc| sc.behaviour(v.key))
        .is_none()
    {
        return refuse(422, PhoneText::NoSuchBehaviour);
    }
    let answer = if round.choices.get(v.team).copied().flatten() == Some(v.key) {
        Answer::ok(PhoneText::Unchanged.tr(lang), false, s.events().len())
    } else {
        match session_link::choose(live, v.team, v.key) {
            Ok(()) => Answer::ok(
                PhoneText::Chosen.tr(lang),
                true,
                live.session().map_or(0, |s| s.events().len()),
            ),
            Err(e) => {
                notices.banner = Some(e.clone());
                return Answer::refused(503, e);
            }
        }
    };
    phones.answered.insert(v.id.clone(), answer.clone());
    answer
}
