//! The scripted session the demo plays: its steps, the poll it reads, the own value it adds.

use std::path::PathBuf;

use super::super::action::Action;
use super::super::screens::{Phase, Screen};
use crate::deck::Key;

use super::photos::{photo_captions, photo_files};

/// The demo's deck when no default deck can be found or written.
pub const FALLBACK_DECK: &str = "tests/fixtures/app-demo.ron";
/// The scripted session plays this many rounds, so the deck needs at least as many scenarios.
pub const ROUNDS: usize = 2;

/// Which window a step photographs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shot {
    Projector,
    Facilitator,
}

/// One step of the script: actions, then pictures of the screen they must lead to.
#[derive(Debug, Clone)]
pub struct Step {
    pub actions: Vec<Action>,
    /// The screen (and round phase) the actions lead to; the demo fails when it is not showing.
    pub expect: (Screen, Option<Phase>),
    pub shots: Vec<(&'static str, Shot)>,
    /// Switch to one window with the controls in a side panel (as `--single-window`).
    pub single_window: bool,
}

fn step(
    actions: Vec<Action>,
    expect: (Screen, Option<Phase>),
    shots: &[(&'static str, Shot)],
) -> Step {
    Step {
        actions,
        expect,
        shots: shots.to_vec(),
        single_window: false,
    }
}

/// A pre-session poll for `deck`: its first three values rated 5, 4 and 3 by two respondents, so
/// the proposal is weights 3, 2 and 1 (the same values the script would pick by hand), plus a
/// timestamp column that matches no value.
pub fn poll_csv(deck: &crate::deck::Deck) -> String {
    let names: Vec<&str> = deck
        .values
        .iter()
        .take(3)
        .map(|v| v.name.as_str())
        .collect();
    let stamp = deck.language.pick("Tijdstempel", "Timestamp");
    let mut csv = format!("{stamp};{}\n", names.join(";"));
    for (i, minute) in ["09:01", "09:04"].iter().enumerate() {
        let ratings: Vec<String> = (0..names.len()).map(|v| (5 - v).to_string()).collect();
        csv.push_str(&format!("2026-11-22 {minute}:0{i};{}\n", ratings.join(";")));
    }
    csv
}

/// The scripted session: two rounds with four teams, one of them with a 40-character name. The
/// values come from the poll at `poll` (see [`poll_csv`]).
pub fn script(deck: &crate::deck::Deck, poll: &std::path::Path) -> Vec<Step> {
    use crate::app::action::DraftEdit;
    use crate::app::photos::PhotoEdit;
    let nl_deck = deck.language == crate::deck::Language::Nl;
    let subgroup = |i: usize| {
        if nl_deck {
            format!("Subgroep {i}")
        } else {
            format!("Subgroup {i}")
        }
    };
    use crate::session::{AgreementKind, AgreementStatus, Went};
    use Action::*;
    use Shot::*;
    // The draw decides which scenarios come, so the script chooses among the keys that every
    // scenario of the deck has; the choices cycle through them, so the reveal shows several.
    let keys: Vec<Key> = Key::ALL
        .into_iter()
        .filter(|k| {
            deck.scenarios
                .iter()
                .all(|s| s.behaviours.iter().any(|b| b.key == *k))
        })
        .collect();
    // The last two teams choose alike, so one behaviour stays unchosen: the reveal can show its
    // consequence on request (W).
    let plan: Vec<String> = deck
        .start
        .iter()
        .cloned()
        .chain(deck.scenarios.last().map(|s| s.id.clone()))
        .fold(Vec::new(), |mut v, id| {
            if !v.contains(&id) {
                v.push(id);
            }
            v
        });
    let choose_all = |round: usize, teams: usize| -> Vec<Action> {
        (0..teams)
            .filter(|_| !keys.is_empty())
            .map(|t| Choose {
                team: t,
                key: keys[(t.min(teams.saturating_sub(2)) + round) % keys.len()],
            })
            .collect()
    };
    let nl = deck.language == crate::deck::Language::Nl;
    let note = if nl {
        "Herkenbaar: bij ons gebeurt dit aan de telefoon vaker dan aan de balie."
    } else {
        "Familiar: with us this happens more often on the phone than at the desk."
    };
    let proposals: [(AgreementKind, &str, &str); 3] = if nl {
        [
            (
                AgreementKind::Behaviour,
                "Subgroep 1",
                "Bij ons belt wie een klacht aanneemt de burger binnen twee werkdagen zelf terug.",
            ),
            (
                AgreementKind::Ritual,
                "Subgroep 2",
                "Elke maandag tien minuten: welk klantgesprek ging goed, en waarom?",
            ),
            (
                AgreementKind::Symbol,
                "Subgroep 3",
                "Een bordje bij de balie: \"Vraag het ons gewoon.\"",
            ),
        ]
    } else {
        [
            (
                AgreementKind::Behaviour,
                "Subgroup 1",
                "Whoever takes a complaint calls the resident back personally within two working days.",
            ),
            (
                AgreementKind::Ritual,
                "Subgroup 2",
                "Every Monday, ten minutes: which customer conversation went well, and why?",
            ),
            (
                AgreementKind::Symbol,
                "Subgroup 3",
                "A sign at the desk: \"Just ask us.\"",
            ),
        ]
    };
    // The second name has 40 characters.
    let team_names = if nl {
        [
            "De Klantvrienden",
            "Het team met een naam van veertig tekens",
            "Backoffice",
            "Balie",
        ]
    } else {
        [
            "The Customer Friends",
            "The team whose name has forty characters",
            "Back Office",
            "Front Desk",
        ]
    };
    let revised = if nl {
        "Elke maandag tien minuten staan: welk klantgesprek ging goed, en wat nemen we mee?"
    } else {
        "Every Monday, ten minutes standing: which customer conversation went well, and what do we keep?"
    };
    vec![
        step(
            vec![],
            (Screen::Title, None),
            &[
                ("01-title", Projector),
                ("01-title-facilitator", Facilitator),
            ],
        ),
        step(
            vec![
                Next,
                AddTeam,
                RenameTeam(0, team_names[0].into()),
                RenameTeam(1, team_names[1].into()),
                RenameTeam(2, team_names[2].into()),
                RenameTeam(3, team_names[3].into()),
                SetRounds(ROUNDS),
                SetDiscussSeconds(150),
            ],
            (Screen::Setup, None),
            &[
                ("02-setup", Projector),
                ("02-setup-facilitator", Facilitator),
            ],
        ),
        // The rules for the participants, once at the start.
        step(
            vec![ToggleRules],
            (Screen::Setup, None),
            &[("02a-rules", Projector)],
        ),
        // The session plan: the deck's recommended start, then the last scenario of the deck.
        step(
            std::iter::once(ToggleRules)
                .chain(plan.iter().map(|id| PlanToggle(id.clone())))
                .collect(),
            (Screen::Setup, None),
            &[("02b-plan-facilitator", Facilitator)],
        ),
        step(
            vec![
                Next,
                SetPollPath(poll.display().to_string()),
                ImportPoll,
                ShowPoll(true),
            ],
            (Screen::Values, None),
            &[("03a-poll", Projector)],
        ),
        step(
            [vec![ShowPoll(false), ApplyPoll(0)], own_value(deck)].concat(),
            (Screen::Values, None),
            &[
                ("03-values", Projector),
                ("03-values-facilitator", Facilitator),
            ],
        ),
        step(
            vec![
                // The group's own value (added in the step before) is agreed too.
                ToggleValue {
                    set: 0,
                    value: "eigen-1".into(),
                },
                Next,
            ],
            (Screen::Round, Some(Phase::Scenario)),
            &[
                ("04-scenario", Projector),
                ("04-scenario-facilitator", Facilitator),
            ],
        ),
        // The teams' phones: the QR code on the projector, the phones window for the facilitator
        // (on loopback: the demo opens nothing to the network), then off again.
        step(
            vec![Phones(crate::app::phones::PhonesAction::StartOn(
                std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            ))],
            (Screen::Round, Some(Phase::Scenario)),
            &[
                ("04b-phones", Projector),
                ("04b-phones-facilitator", Facilitator),
            ],
        ),
        step(
            vec![Phones(crate::app::phones::PhonesAction::Toggle)],
            (Screen::Round, Some(Phase::Scenario)),
            &[],
        ),
        step(
            vec![Next],
            (Screen::Round, Some(Phase::Discuss)),
            &[("05-discuss", Projector)],
        ),
        step(
            [vec![Next], choose_all(0, 4).into_iter().take(2).collect()].concat(),
            (Screen::Round, Some(Phase::Choose)),
            &[
                ("06-choose", Projector),
                ("06-choose-facilitator", Facilitator),
            ],
        ),
        step(
            [choose_all(0, 4), vec![Next]].concat(),
            (Screen::Round, Some(Phase::Reveal)),
            &[
                ("07-reveal", Projector),
                ("07-reveal-facilitator", Facilitator),
            ],
        ),
        step(
            vec![ToggleAllConsequences],
            (Screen::Round, Some(Phase::Reveal)),
            &[("07b-reveal-all-consequences", Projector)],
        ),
        step(
            vec![
                Next,
                DraftAgreement(DraftEdit::Note {
                    round: 0,
                    question: 0,
                    text: note.into(),
                }),
                SaveNote {
                    round: 0,
                    question: 0,
                },
            ],
            (Screen::Round, Some(Phase::Debrief)),
            &[
                ("08-debrief", Projector),
                ("08-debrief-facilitator", Facilitator),
            ],
        ),
        step(
            vec![Next],
            (Screen::Scoreboard, None),
            &[("09-scoreboard", Projector)],
        ),
        step(
            [
                vec![Next, Next, Next],
                choose_all(1, 4),
                vec![Next, Next, Next],
            ]
            .concat(),
            (Screen::Agreements, None),
            &[("10a-checklist", Projector)],
        ),
        step(
            proposals
                .iter()
                .enumerate()
                .flat_map(|(i, (kind, by, text))| {
                    // The values the poll put first, one per proposal.
                    let value = deck.values[i % deck.values.len()].id.clone();
                    [
                        DraftAgreement(DraftEdit::Value(value)),
                        DraftAgreement(DraftEdit::Text((*text).into())),
                        DraftAgreement(DraftEdit::Kind(*kind)),
                        DraftAgreement(DraftEdit::By((*by).into())),
                        DraftAgreement(DraftEdit::Meets(0, true)),
                        DraftAgreement(DraftEdit::Meets(2, true)),
                        ProposeAgreement,
                    ]
                })
                .collect(),
            (Screen::Agreements, None),
            &[
                ("10b-proposals", Projector),
                ("10b-proposals-facilitator", Facilitator),
            ],
        ),
        step(
            vec![
                DecideAgreement(0, AgreementStatus::Adopted),
                DraftAgreement(DraftEdit::Text(revised.into())),
                ReviseAgreement(1),
                DecideAgreement(1, AgreementStatus::Adopted),
                DecideAgreement(2, AgreementStatus::Dropped),
            ],
            (Screen::Agreements, None),
            &[("10c-adopted", Projector)],
        ),
        // The photo assignment: four generated pictures dropped in, captioned per value, the wall
        // and one photo full screen.
        step(
            vec![
                DraftPhoto(PhotoEdit::By(subgroup(1))),
                ImportPhotos(photo_files(poll)),
            ],
            (Screen::Agreements, None),
            &[],
        ),
        step(
            photo_captions(deck)
                .into_iter()
                .enumerate()
                .flat_map(|(i, (value, caption, by))| {
                    [
                        SelectPhoto(i),
                        DraftPhoto(PhotoEdit::Caption(caption)),
                        DraftPhoto(PhotoEdit::Value(value)),
                        DraftPhoto(PhotoEdit::By(by)),
                        DescribePhoto,
                    ]
                })
                .chain([TogglePhotoWall])
                .collect(),
            (Screen::Agreements, None),
            &[
                ("10d-photo-wall", Projector),
                ("10d-photo-wall-facilitator", Facilitator),
            ],
        ),
        step(
            vec![PhotoStep(1), TogglePhotoFull],
            (Screen::Agreements, None),
            &[("10e-photo-full", Projector)],
        ),
        step(
            vec![TogglePhotoFull, TogglePhotoWall],
            (Screen::Agreements, None),
            &[],
        ),
        step(
            vec![Next],
            (Screen::Final, None),
            &[("10-final", Projector)],
        ),
        step(
            vec![SavePosters],
            (Screen::Final, None),
            &[("10-final-facilitator", Facilitator)],
        ),
        step(
            vec![ToggleHelp],
            (Screen::Final, None),
            &[("11-help-facilitator", Facilitator)],
        ),
        Step {
            single_window: true,
            ..step(
                vec![ToggleHelp],
                (Screen::Final, None),
                &[("12-single-window", Projector)],
            )
        },
        // The next session of the trajectory, on another deck: it opens with a look back at the
        // agreements in force.
        step(
            [vec![ContinueCurrent], other_deck(deck)].concat(),
            (Screen::Setup, None),
            &[("13-continue", Projector)],
        ),
        step(
            vec![
                Next,
                ReviewAgreement(0, Went::Done),
                ReviewAgreement(1, Went::Partly),
            ],
            (Screen::Review, None),
            &[("14-review", Projector)],
        ),
    ]
}

/// The group's own value in the demo: in its own words, linked to the deck's fourth value.
fn own_value(deck: &crate::deck::Deck) -> Vec<Action> {
    use crate::app::action::ValueEdit;
    let nl = deck.language == crate::deck::Language::Nl;
    let (name, meaning) = if nl {
        (
            "Menselijk",
            "We zien eerst de mens en dan pas het formulier.",
        )
    } else {
        ("Human", "We see the person first, and the form second.")
    };
    vec![
        Action::DraftValue(ValueEdit::Name(name.into())),
        Action::DraftValue(ValueEdit::Meaning(meaning.into())),
        Action::DraftValue(ValueEdit::Link(
            deck.values
                .get(3)
                .or(deck.values.last())
                .map(|v| v.id.clone()),
        )),
        Action::AddOwnValue,
    ]
}

/// Another deck of the demo deck's folder in its language, when there is one (the trajectory's
/// next session plays it); else the session continues on the same deck.
fn other_deck(deck: &crate::deck::Deck) -> Vec<Action> {
    let code = match deck.language {
        crate::deck::Language::Nl => "nl",
        crate::deck::Language::En => "en",
    };
    let other = PathBuf::from(format!("levels/rituelen.{code}.ron"));
    if deck.id != "rituelen" && other.exists() {
        vec![Action::PickDeck(other)]
    } else {
        Vec::new()
    }
}
