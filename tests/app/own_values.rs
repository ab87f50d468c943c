//! The group's own values on the Values screen, the poll on the projector, and a later session of
//! the trajectory on another deck that looks back at the agreements in force.

use bevy::prelude::*;
use std::path::{Path, PathBuf};

use cultuurbarbarenspel::app::action::DraftEdit;
use cultuurbarbarenspel::app::action::ValueEdit;
use cultuurbarbarenspel::app::demo;
use cultuurbarbarenspel::app::game::Action;
use cultuurbarbarenspel::app::screens::{Phase, Screen};
use cultuurbarbarenspel::app::state::ValueDraft;
use cultuurbarbarenspel::deck;
use cultuurbarbarenspel::session::{
    AgreementKind, AgreementStatus, Event, Session, Settings, TeamSpec, Went,
};
use cultuurbarbarenspel::store::{self, Recorder};

use super::harness::{Harness, demo_deck};

fn draft(h: &Harness) -> ValueDraft {
    h.app.world().resource::<ValueDraft>().clone()
}

fn type_value(h: &mut Harness, name: &str, link: Option<&str>) {
    h.click(Action::DraftValue(ValueEdit::Name(name.into())));
    h.click(Action::DraftValue(ValueEdit::Meaning(
        "Zoals wij het zeggen.".into(),
    )));
    h.click(Action::DraftValue(ValueEdit::Link(link.map(Into::into))));
}

#[test]
fn own_values_are_added_linked_reworded_undone_and_the_poll_is_shown() {
    let mut h = Harness::new();
    h.press(KeyCode::Space);
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    assert!(
        h.live().journal_path().is_some(),
        "the journal opens when the set-up is done"
    );

    type_value(&mut h, "Menselijk", Some("klant"));
    h.click(Action::AddOwnValue);
    let s = h.live().session().unwrap();
    assert_eq!(s.deck().value_name("eigen-1"), "Menselijk");
    assert_eq!(s.scores_as("eigen-1"), Some("klant"));
    assert_eq!(
        draft(&h).name,
        "",
        "the form empties after a value is added"
    );

    // A name that is too long is refused; the typed text stays in the field.
    let long = "Een naam die veel te lang is voor een waarde op het scherm";
    type_value(&mut h, long, None);
    h.click(Action::AddOwnValue);
    let d = draft(&h);
    assert!(
        d.error.as_deref().is_some_and(|e| e.contains("hoogstens")),
        "{d:?}"
    );
    assert_eq!(d.name, long);
    assert_eq!(h.live().session().unwrap().group_values().len(), 1);
    h.click(Action::DraftValue(ValueEdit::Clear));

    // A deck value in the group's words, then undone.
    h.click(Action::EditValue("regels".into()));
    assert_eq!(draft(&h).name, "Rechtmatig");
    h.click(Action::DraftValue(ValueEdit::Name("Eerlijk".into())));
    h.click(Action::WordValue("regels".into()));
    let name = |h: &Harness| {
        h.live()
            .session()
            .unwrap()
            .deck()
            .value_name("regels")
            .to_string()
    };
    assert_eq!(name(&h), "Eerlijk");
    h.ctrl(KeyCode::KeyZ);
    assert_eq!(name(&h), "Rechtmatig");
    assert_eq!(h.screen(), Screen::Values);

    // The poll: read, shown on the projector as ranked bars, taken.
    let dir = tempfile::tempdir().unwrap();
    let poll = dir.path().join("peiling.csv");
    let d = deck::load_deck(&demo_deck()).unwrap();
    std::fs::write(&poll, demo::poll_csv(&d)).unwrap();
    h.click(Action::SetPollPath(poll.display().to_string()));
    h.click(Action::ImportPoll);
    h.click(Action::ShowPoll(true));
    let g = h.poll();
    assert!(g.shown);
    let p = g.preview.as_ref().expect("the poll was read");
    assert_eq!(p.respondents, 2);
    assert!(p.ratings);
    assert!(
        p.support.windows(2).all(|w| w[0].score >= w[1].score),
        "ranked, strongest first"
    );
    h.click(Action::ApplyPoll(0));

    // The own value and the deck value it scores as cannot both be agreed.
    h.click(Action::ToggleValue {
        set: 0,
        value: "eigen-1".into(),
    });
    if !h.draft().values[0].iter().any(|(v, _)| v == "klant") {
        h.click(Action::ToggleValue {
            set: 0,
            value: "klant".into(),
        });
    }
    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    assert!(
        h.notices()
            .banner
            .as_deref()
            .is_some_and(|b| b.contains("Menselijk")),
        "{:?}",
        h.notices().banner
    );
    h.click(Action::ToggleValue {
        set: 0,
        value: "klant".into(),
    });
    h.press(KeyCode::Space);
    assert_eq!(
        (h.screen(), h.phase()),
        (Screen::Round, Some(Phase::Scenario))
    );
    let s = h.live().session().unwrap();
    assert!(s.team_values(0).iter().any(|(v, _)| v == "eigen-1"));
    // Replaying the journal gives the same session.
    let path = h.live().journal_path().unwrap().to_path_buf();
    let (replayed, _) = store::read(&path).unwrap().replay(d).unwrap();
    assert_eq!(replayed.state(), s.state());
}

/// A finished first session on the demo deck: the own value "Menselijk" and two adopted agreements.
fn first_session(dir: &Path) -> PathBuf {
    let d = deck::load_deck(&demo_deck()).unwrap();
    let mut st = Settings::for_deck(&demo_deck(), &d, store::deck_hash_of(&d));
    st.teams = TeamSpec::numbered(3);
    st.rounds = 1;
    let mut rec = Recorder::create(dir, Session::new(st, d).unwrap()).unwrap();
    rec.apply(Event::ValueAdded {
        id: "eigen-1".into(),
        name: "Menselijk".into(),
        meaning: "Eerst de mens.".into(),
        link: Some("klant".into()),
    })
    .unwrap();
    rec.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("eigen-1".into(), 3), ("tempo".into(), 1)],
    })
    .unwrap();
    let first = rec.session().next_round_event().unwrap();
    let mut events = vec![
        first,
        Event::chose(0, deck::Key::A),
        Event::chose(1, deck::Key::A),
        Event::chose(2, deck::Key::B),
        Event::Revealed,
    ];
    for (i, (text, value)) in [
        ("Bij ons belt wie de klacht aanneemt zelf terug.", "eigen-1"),
        (
            "Bij ons staat niemand langer dan tien minuten in de rij.",
            "tempo",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        events.push(Event::AgreementProposed {
            text: text.into(),
            value: value.into(),
            kind: AgreementKind::Behaviour,
            by: format!("Subgroep {}", i + 1),
            meets: vec![0],
            team: None,
        });
        events.push(Event::AgreementDecided {
            agreement: i,
            status: AgreementStatus::Adopted,
        });
    }
    events.push(Event::SessionFinished);
    for ev in events {
        rec.apply(ev).unwrap();
    }
    rec.path().to_path_buf()
}

#[test]
fn a_later_session_on_another_deck_reviews_the_agreements_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let journal = first_session(dir.path());
    let mut h = Harness::new();
    h.click(Action::ContinueSession(journal));
    assert_eq!(h.screen(), Screen::Setup);
    // Another deck: "mini" shares klant, regels and team, but has no "tempo".
    let other = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/decks/mini.ron");
    h.click(Action::PickDeck(other));
    assert_eq!(h.draft().deck.as_ref().unwrap().id, "mini");
    h.press(KeyCode::Space);
    assert_eq!(
        h.screen(),
        Screen::Review,
        "banner: {:?}",
        h.notices().banner
    );
    let s = h.live().session().unwrap();
    assert_eq!(s.sitting(), 2);
    assert_eq!(s.agreements().len(), 2);
    // "tempo" is not in the new deck: it comes along as the group's own value, standing alone.
    let tempo = s.own_value("tempo").expect("carried as an own value");
    assert_eq!(
        (tempo.name.as_str(), tempo.link.as_deref()),
        ("Snel en efficiënt", None)
    );
    assert_eq!(s.scores_as("eigen-1"), Some("klant"));

    h.click(Action::ReviewAgreement(0, Went::Done));
    h.click(Action::ReviewAgreement(1, Went::Not));
    h.click(Action::DecideAgreement(1, AgreementStatus::Dropped));
    h.click(Action::DraftAgreement(DraftEdit::Text(
        "Bij ons belt wie de klacht aanneemt binnen twee dagen zelf terug.".into(),
    )));
    h.click(Action::ReviseAgreement(0));
    // Undo takes back the revision only.
    h.ctrl(KeyCode::KeyZ);
    let s = h.live().session().unwrap();
    assert_eq!(
        s.agreements()[0].text,
        "Bij ons belt wie de klacht aanneemt zelf terug."
    );
    assert_eq!(s.agreements()[1].status, AgreementStatus::Dropped);
    // The form emptied when the revision was made: an empty text is refused, the typed one taken.
    h.click(Action::ReviseAgreement(0));
    assert!(
        h.app
            .world()
            .resource::<cultuurbarbarenspel::app::state::AgreementDraft>()
            .error
            .is_some()
    );
    h.click(Action::DraftAgreement(DraftEdit::Text(
        "Bij ons belt wie de klacht aanneemt binnen twee dagen zelf terug.".into(),
    )));
    h.click(Action::ReviseAgreement(0));
    let s = h.live().session().unwrap();
    assert_eq!(
        s.agreements().iter().map(|a| a.went).collect::<Vec<_>>(),
        vec![Some(Went::Done), Some(Went::Not)]
    );
    assert_eq!(s.history_of(0).len(), 3, "{:?}", s.history_of(0));

    h.press(KeyCode::Space);
    assert_eq!(h.screen(), Screen::Values);
    // The values agreed before come along: Menselijk by its id, tempo as an own value.
    let agreed: Vec<&str> = h.draft().values[0]
        .iter()
        .map(|(v, _)| v.as_str())
        .collect();
    assert_eq!(agreed, vec!["eigen-1", "tempo"]);
}
