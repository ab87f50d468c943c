//! The group's own output at the end of a simulated session: debrief notes and agreements.

use crate::lang::Bi;
use crate::session::{AgreementKind, AgreementStatus, Event, Session};

/// Proposals as subgroups write them, in Dutch and English: (kind, text).
const PROPOSALS: [(AgreementKind, &str, &str); 8] = [
    (
        AgreementKind::Behaviour,
        "Bij ons belt wie een klacht aanneemt de burger binnen twee werkdagen zelf terug, ook als er nog geen oplossing is.",
        "Whoever takes a complaint calls the resident back personally within two working days, even without a solution yet.",
    ),
    (
        AgreementKind::Ritual,
        "Elke maandag om half negen tien minuten staan: wat ging vorige week goed bij een klant, en wat leren we ervan?",
        "Every Monday at half past eight, ten minutes standing up: what went well with a customer last week, and what do we learn from it?",
    ),
    (
        AgreementKind::Behaviour,
        "We zeggen nooit \"zo doen we het nu eenmaal\" zonder uit te leggen welke regel erachter zit.",
        "We never say \"that is how we do it\" without explaining which rule lies behind it.",
    ),
    (
        AgreementKind::Hero,
        "Wie een collega uit de brand helpt, noemen we bij naam in het teamoverleg.",
        "When someone gets a colleague out of a fix, we name them in the team meeting.",
    ),
    (
        AgreementKind::Symbol,
        "Op het whiteboard bij de balie hangt de vraag van de week van een burger, met ons antwoord.",
        "On the whiteboard by the desk hangs a resident's question of the week, with our answer.",
    ),
    (
        AgreementKind::Behaviour,
        "Twijfel je of een uitzondering mag, dan overleg je dezelfde dag met een collega in plaats van nee te zeggen.",
        "If you doubt whether an exception is allowed, you check with a colleague the same day instead of saying no.",
    ),
    (
        AgreementKind::Ritual,
        "Een nieuwe collega loopt de eerste week een dag mee aan de telefoon en een dag aan de balie.",
        "A new colleague spends a day on the phones and a day at the desk in their first week.",
    ),
    (
        AgreementKind::Behaviour,
        "Na een moeilijk gesprek vragen we de collega naast ons even hoe het gaat.",
        "After a difficult conversation we ask the colleague beside us how they are.",
    ),
];

/// The group's own output at the end of a simulated session: a note on each round's first debrief
/// question, then `n` proposals from three subgroups for the agreed values; all are adopted except
/// that the second is revised first and, from three on, the last is dropped.
pub(super) fn agree(session: &mut Session, n: usize) -> Result<(), Bi> {
    let nl = session.settings().language == crate::deck::Language::Nl;
    note_debriefs(session, nl)?;
    propose(session, n, nl)?;
    decide(session, n, nl)
}

fn apply(session: &mut Session, ev: Event) -> Result<(), Bi> {
    session.apply(ev).map_err(|e| e.message())
}

/// A note on the first debrief question of each round whose scenario has one.
fn note_debriefs(session: &mut Session, nl: bool) -> Result<(), Bi> {
    let rounds: Vec<usize> = (0..session.state().rounds.len())
        .filter(|&i| {
            session
                .deck()
                .scenario(&session.state().rounds[i].scenario)
                .is_some_and(|s| !s.debrief.is_empty())
        })
        .collect();
    for r in rounds {
        let text = if nl {
            "De groep herkende dit van de eigen balie; afgesproken om het in het teamoverleg terug te laten komen."
        } else {
            "The group recognised this from its own desk; agreed to bring it back in the team meeting."
        };
        apply(
            session,
            Event::DebriefNoted {
                round: r,
                question: 0,
                text: text.into(),
            },
        )?;
    }
    Ok(())
}

/// `n` proposals from three subgroups, each for one of the first team's values in turn.
fn propose(session: &mut Session, n: usize, nl: bool) -> Result<(), Bi> {
    let values: Vec<String> = session
        .team_values(0)
        .iter()
        .map(|(v, _)| v.clone())
        .collect();
    let questions = session.checklist().len();
    for i in 0..n {
        let (kind, dutch, english) = PROPOSALS[i % PROPOSALS.len()];
        let text = if nl { dutch } else { english };
        let text = if i < PROPOSALS.len() {
            text.to_string()
        } else {
            format!("{text} ({})", i / PROPOSALS.len() + 1)
        };
        apply(
            session,
            Event::AgreementProposed {
                text,
                value: values[i % values.len().max(1)].clone(),
                kind,
                by: format!("{} {}", if nl { "Subgroep" } else { "Subgroup" }, i % 3 + 1),
                meets: (0..questions).filter(|q| (q + i) % 2 == 0).collect(),
                team: None,
            },
        )?;
    }
    Ok(())
}

/// The second proposal is revised first; all are adopted except, from three on, the last.
fn decide(session: &mut Session, n: usize, nl: bool) -> Result<(), Bi> {
    for i in 0..n {
        if i == 1 {
            let text = if nl {
                "Elke maandag om half negen tien minuten staan: welk klantgesprek ging goed, en wat nemen we mee?"
            } else {
                "Every Monday at half past eight, ten minutes standing up: which customer conversation went well, and what do we keep?"
            };
            apply(
                session,
                Event::AgreementRevised {
                    agreement: i,
                    text: text.into(),
                },
            )?;
        }
        let status = if n >= 3 && i == n - 1 {
            AgreementStatus::Dropped
        } else {
            AgreementStatus::Adopted
        };
        apply(
            session,
            Event::AgreementDecided {
                agreement: i,
                status,
            },
        )?;
    }
    Ok(())
}
