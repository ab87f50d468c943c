//! What the phones may see now, one JSON text per team, sent when it changes.

use crate::app::draft::{Draft, PALETTE};
use crate::app::i18n::{Lang, UiLang};
use crate::app::nav::{Phase, Screen};
use crate::app::session_link::{self, Live};
use crate::app::state::SetupDraft;
use crate::deck::{Key, Scenario};
use crate::phones::Published;
use crate::session;
use bevy::prelude::*;
use serde::Serialize;

use super::*;

/// What every phone may see: the same for all but `team`, `choice` and `result`.
#[derive(Serialize)]
pub(super) struct PhoneView<'a> {
    lang: &'static str,
    stage: &'static str,
    round: usize,
    rounds: usize,
    locked: bool,
    teams: &'a [TeamView],
    scenario: Option<&'a ScenarioView>,
    team: Option<usize>,
    choice: Option<String>,
    result: Option<ResultView>,
    /// On the agreements screen: what the proposal form offers.
    agreements: Option<&'a FormView>,
}

#[derive(Serialize)]
pub(super) struct FormView {
    /// The values the group agreed (id, name), the ones a proposal may serve.
    values: Vec<(String, String)>,
    /// The kinds (id, name).
    kinds: Vec<(String, String)>,
    checklist: Vec<String>,
    max: usize,
}

#[derive(Serialize)]
pub(super) struct TeamView {
    name: String,
    colour: String,
    chosen: bool,
}

#[derive(Serialize)]
pub(super) struct ScenarioView {
    title: String,
    setting: String,
    situation: String,
    behaviours: Vec<BehaviourView>,
}

#[derive(Serialize)]
pub(super) struct BehaviourView {
    key: String,
    text: String,
}

#[derive(Serialize)]
pub(super) struct ResultView {
    key: String,
    text: String,
    consequence: String,
    score: Option<i64>,
    best: Option<i64>,
    total: Option<i64>,
}

pub(super) fn stage(screen: Screen, phase: Option<Phase>, finished: bool) -> &'static str {
    match (screen, phase) {
        _ if finished => "over",
        (Screen::Round, Some(Phase::Scenario)) => "scenario",
        (Screen::Round, Some(Phase::Discuss)) => "discuss",
        (Screen::Round, Some(Phase::Choose)) => "choose",
        (Screen::Round, Some(Phase::Reveal)) => "reveal",
        (Screen::Round, Some(Phase::Debrief)) => "debrief",
        (Screen::Agreements, _) => "agreements",
        (Screen::Scoreboard | Screen::Round, _) => "between",
        (Screen::Final, _) => "over",
        _ => "wait",
    }
}

/// What the phones may see now, one JSON text per team.
pub fn published(
    draft: &Draft,
    live: &Live,
    lang: Lang,
    screen: Screen,
    phase: Option<Phase>,
    locked: bool,
) -> Published {
    let folded = live.fold();
    let stage = stage(screen, phase, folded.finished);
    let in_round = screen == Screen::Round;
    let teams = team_views(draft, &folded.choices, in_round);
    let sc = live
        .session()
        .and_then(session::Session::current_scenario)
        .filter(|_| in_round);
    let scenario = sc.map(scenario_view);
    let round = if live.session().is_some() && matches!(screen, Screen::Round) {
        folded.round + 1
    } else {
        0
    };
    let form = live
        .session()
        .filter(|_| screen == Screen::Agreements)
        .map(|s| agreement_form(s, lang));
    let view = |team: Option<usize>| {
        let choice = team
            .filter(|_| in_round)
            .and_then(|t| folded.choices.get(t).copied().flatten());
        let result = match (team, choice, sc) {
            (Some(t), Some(k), Some(sc)) if folded.revealed => result_view(live, t, k, sc),
            _ => None,
        };
        let v = PhoneView {
            lang: lang.code(),
            stage,
            round,
            rounds: live.rounds(),
            locked,
            teams: &teams,
            scenario: scenario.as_ref(),
            team,
            choice: choice.map(|k| k.to_string()),
            result,
            agreements: form.as_ref(),
        };
        serde_json::to_string(&v).unwrap_or_default()
    };
    Published {
        teams: (0..teams.len()).map(|t| view(Some(t))).collect(),
        nobody: view(None),
    }
}

/// The teams with their colours and, in a round, whether each has chosen.
fn team_views(draft: &Draft, choices: &[Option<Key>], in_round: bool) -> Vec<TeamView> {
    draft
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let [r, g, b] = PALETTE[t.colour % PALETTE.len()];
            TeamView {
                name: t.name.clone(),
                colour: format!("#{r:02x}{g:02x}{b:02x}"),
                chosen: in_round && choices.get(i).is_some_and(Option::is_some),
            }
        })
        .collect()
}

/// The scenario of the round with its behaviours.
fn scenario_view(sc: &Scenario) -> ScenarioView {
    ScenarioView {
        title: sc.title.clone(),
        setting: sc.setting.clone(),
        situation: sc.situation.clone(),
        behaviours: sc
            .behaviours
            .iter()
            .map(|b| BehaviourView {
                key: b.key.to_string(),
                text: b.text.clone(),
            })
            .collect(),
    }
}

/// What the proposal form offers: the agreed values (each once), the kinds and the checklist.
fn agreement_form(s: &session::Session, lang: Lang) -> FormView {
    FormView {
        values: (0..s.settings().value_sets())
            .flat_map(|set| s.team_values(set).iter())
            .map(|(id, _)| id.clone())
            .fold(Vec::<String>::new(), |mut acc, id| {
                if !acc.contains(&id) {
                    acc.push(id);
                }
                acc
            })
            .into_iter()
            .map(|id| {
                let name = s.deck().value_name(&id).to_string();
                (id, name)
            })
            .collect(),
        kinds: session::AgreementKind::ALL
            .into_iter()
            .map(|k| {
                let id = serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                (id, k.name(lang).to_string())
            })
            .collect(),
        checklist: s.checklist(),
        max: session::MAX_AGREEMENT,
    }
}

/// A team's result once the choices are revealed: its behaviour, consequence and score.
fn result_view(live: &Live, team: usize, key: Key, sc: &Scenario) -> Option<ResultView> {
    let r = session_link::team_round(live, team);
    sc.behaviour(key).map(|b| ResultView {
        key: key.to_string(),
        text: b.text.clone(),
        consequence: b.consequence.clone(),
        score: r.score,
        best: r.best,
        total: r.total,
    })
}

/// Sends the phones what they may see (when it changed), and closes the server when the session
/// is finished.
pub(super) fn publish(
    mut phones: ResMut<Phones>,
    draft: Res<SetupDraft>,
    live: Res<Live>,
    lang: Res<UiLang>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
) {
    if phones.server.is_none() {
        return;
    }
    // Finishing the session closes the socket.
    if live.session().is_some_and(|s| s.state().finished) {
        phones.stop();
        return;
    }
    let Some(server) = &phones.server else { return };
    let p = published(
        &draft,
        &live,
        lang.0,
        *screen.get(),
        phase.map(|p| *p.get()),
        server.locked(),
    );
    server.publish(p, lang.0);
    let any = !server.devices().is_empty();
    if any && !phones.seen_phone {
        phones.seen_phone = true;
    }
}
