//! The group's own values (added, reworded, linked or standing alone) and the register of
//! agreements across the sessions of a trajectory, with another deck in a later session.

use std::path::Path;

use cultuurbarbarenspel::deck::{Deck, Key};
use cultuurbarbarenspel::session::{
    AgreementKind, AgreementStatus, Change, Event, GroupValue, Session, SessionError, Settings,
    TeamSpec, Went,
};
use cultuurbarbarenspel::store::{self, Recorder};

use super::agreements::{MINI, mini};

fn settings(d: &Deck) -> Settings {
    let mut st = Settings::for_deck(Path::new(MINI), d, store::deck_hash_of(d));
    st.teams = vec![
        TeamSpec::new("Balie", "#E69F00"),
        TeamSpec::new("Backoffice", "#56B4E9"),
    ];
    st.rounds = 1;
    st
}

fn add(id: &str, name: &str, link: Option<&str>) -> Event {
    Event::ValueAdded {
        id: id.into(),
        name: name.into(),
        meaning: "Zoals wij het zeggen.".into(),
        link: link.map(Into::into),
    }
}

fn agree(values: &[(&str, u8)]) -> Event {
    Event::ValuesAgreed {
        team: None,
        values: values.iter().map(|(v, w)| (v.to_string(), *w)).collect(),
    }
}

fn play_balie(s: &mut Session, a: Key, b: Key) {
    for ev in [
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        Event::chose(0, a),
        Event::chose(1, b),
        Event::Revealed,
    ] {
        s.apply(ev).unwrap();
    }
}

#[test]
fn a_linked_own_value_scores_as_its_deck_value_and_a_lone_one_scores_nothing() {
    let d = mini();
    let mut s = Session::new(settings(&d), d).unwrap();
    assert_eq!(s.next_own_id(), "eigen-1");
    s.apply(add("eigen-1", "Menselijk", Some("klant"))).unwrap();
    s.apply(add("eigen-2", "Plezier", None)).unwrap();
    assert_eq!(s.next_own_id(), "eigen-3");
    assert_eq!(s.deck().value_name("eigen-1"), "Menselijk");
    assert_eq!(s.scores_as("eigen-1"), Some("klant"));
    assert_eq!(s.scores_as("eigen-2"), None);
    assert_eq!(s.scores_as("team"), Some("team"));
    // The deck as played is untouched: that is what the journal stores.
    assert!(s.played_deck().value("eigen-1").is_none());

    // Agreeing the own value and the value it is linked to would count "klant" twice.
    let err = s.apply(agree(&[("eigen-1", 3), ("klant", 1)])).unwrap_err();
    assert!(err.to_string().contains("Menselijk"), "{err}");

    s.apply(agree(&[("eigen-1", 3), ("eigen-2", 2)])).unwrap();
    // Balie A: klant +2 → Menselijk ×3 = 6; Plezier scores nothing. Backoffice C: klant +1 → 3.
    play_balie(&mut s, Key::A, Key::C);
    assert_eq!(s.totals(), vec![6, 3]);
    let r = s.team_result(0, 0).unwrap();
    let lone = r.per_value.iter().find(|c| c.value == "eigen-2").unwrap();
    assert_eq!((lone.effect, lone.points), (0, 0));

    // The link is fixed once a round began; the words are not.
    let relink = Event::ValueWorded {
        value: "eigen-1".into(),
        name: "Menselijk".into(),
        meaning: "Zoals wij het zeggen.".into(),
        link: Some("team".into()),
    };
    assert!(matches!(s.apply(relink), Err(SessionError::NotNow(_))));
    s.apply(Event::ValueWorded {
        value: "eigen-1".into(),
        name: "Mens voorop".into(),
        meaning: "Eerst de mens, dan het formulier.".into(),
        link: Some("klant".into()),
    })
    .unwrap();
    assert_eq!(s.deck().value_name("eigen-1"), "Mens voorop");
    assert_eq!(s.totals(), vec![6, 3], "rewording changes no score");
}

#[test]
fn rewording_a_deck_value_renames_it_everywhere_and_undo_takes_it_back() {
    let d = mini();
    let mut s = Session::new(settings(&d), d).unwrap();
    let word = |name: &str| Event::ValueWorded {
        value: "regels".into(),
        name: name.into(),
        meaning: "Bij ons: dezelfde regels voor iedereen, uitgelegd.".into(),
        link: None,
    };
    s.apply(word("Eerlijk")).unwrap();
    s.apply(word("Eerlijk en uitlegbaar")).unwrap();
    assert_eq!(s.deck().value_name("regels"), "Eerlijk en uitlegbaar");
    assert_eq!(s.group_values().len(), 1, "one entry per value");
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.deck().value_name("regels"), "Eerlijk");
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.deck().value_name("regels"), "Rechtmatig");
    assert!(s.group_values().is_empty());
    assert_eq!(s.state(), &s.fold_from_scratch());
    // A deck value cannot be linked; an empty name, a name in use and an unknown link are refused.
    let bad = [
        Event::ValueWorded {
            value: "regels".into(),
            name: "Eerlijk".into(),
            meaning: String::new(),
            link: Some("klant".into()),
        },
        add("eigen-1", "   ", None),
        add("eigen-1", "samenwerking", None),
        add("eigen-1", "Lef", Some("moed")),
        add("klant", "Lef", None),
        add("eigen-1", &"x".repeat(41), None),
    ];
    for ev in bad {
        assert!(s.apply(ev.clone()).is_err(), "{ev:?} was accepted");
    }
    assert!(s.events().len() == 4, "refused events are not recorded");
}

#[test]
fn own_values_survive_the_journal_and_replay() {
    let dir = tempfile::tempdir().unwrap();
    let d = mini();
    let mut rec =
        Recorder::create(dir.path(), Session::new(settings(&d), d.clone()).unwrap()).unwrap();
    rec.apply(add("eigen-1", "Menselijk", Some("klant")))
        .unwrap();
    rec.apply(agree(&[("eigen-1", 2)])).unwrap();
    let path = rec.path().to_path_buf();
    drop(rec);
    let loaded = store::read(&path).unwrap();
    let (s, _) = loaded.replay(d).unwrap();
    assert_eq!(s.deck().value_name("eigen-1"), "Menselijk");
    assert_eq!(s.team_values(0), &[("eigen-1".to_string(), 2)]);
    // The journal's header holds the deck as played, without the group's values.
    assert!(s.played_deck().value("eigen-1").is_none());
}

/// Session 1 on the mini deck: two agreements adopted, one dropped, own value "Menselijk".
fn first_session() -> Session {
    let d = mini();
    let mut s = Session::new(settings(&d), d).unwrap();
    s.apply(add("eigen-1", "Menselijk", Some("klant"))).unwrap();
    s.apply(agree(&[("eigen-1", 3), ("regels", 1)])).unwrap();
    play_balie(&mut s, Key::A, Key::B);
    for (text, value) in [
        ("Bij ons belt wie de klacht aanneemt zelf terug.", "eigen-1"),
        ("Bij ons leggen we een nee altijd uit.", "regels"),
        ("Bij ons eet het team op vrijdag samen.", "team"),
    ] {
        s.apply(Event::AgreementProposed {
            text: text.into(),
            value: value.into(),
            kind: AgreementKind::Behaviour,
            by: "Subgroep 1".into(),
            meets: vec![0, 4],
            team: None,
        })
        .unwrap();
    }
    for (i, status) in [
        (0, AgreementStatus::Adopted),
        (1, AgreementStatus::Adopted),
        (2, AgreementStatus::Dropped),
    ] {
        s.apply(Event::AgreementDecided {
            agreement: i,
            status,
        })
        .unwrap();
    }
    s.apply(Event::AgreementRevised {
        agreement: 1,
        text: "Bij ons leggen we een nee altijd uit, met de regel erbij.".into(),
    })
    .unwrap();
    s.apply(Event::SessionFinished).unwrap();
    s
}

/// A deck that shares "regels" with mini but not "klant" or "team", and has a checklist of two.
fn other_deck() -> Deck {
    let mut d = mini();
    d.id = "ander".into();
    d.title = "Een ander deck".into();
    d.values.retain(|v| v.id == "regels");
    d.values.push(cultuurbarbarenspel::deck::ValueDef {
        id: "moed".into(),
        name: "Moed".into(),
        meaning: "We zeggen het als het schuurt.".into(),
    });
    for b in d.scenarios.iter_mut().flat_map(|s| s.behaviours.iter_mut()) {
        b.effects.retain(|(v, _)| v == "regels");
        b.effects.push(("moed".into(), 1));
    }
    d.checklist = vec!["Zie je het?".into(), "Kan het morgen?".into()];
    d
}

#[test]
fn a_later_session_on_another_deck_opens_with_the_agreements_in_force_and_their_history() {
    let first = first_session();
    let next = other_deck();
    let carry = first.carry(&next);
    // "regels" is shared by id; "klant" (linked from Menselijk) is not in the next deck, so
    // Menselijk stands alone there; the dropped agreement is not carried.
    let menselijk = carry.values.iter().find(|g| g.id == "eigen-1").unwrap();
    assert_eq!((menselijk.own, menselijk.link.as_deref()), (true, None));
    assert_eq!(carry.register.len(), 2);
    assert_eq!(
        carry.register[0].meets,
        vec![0],
        "checklist question 5 is gone"
    );
    assert_eq!(
        carry.agreed,
        vec![vec![("eigen-1".to_string(), 3), ("regels".to_string(), 1)]]
    );

    let mut st = Settings::for_deck(Path::new("ander.ron"), &next, store::deck_hash_of(&next));
    st.teams = first.settings().teams.clone();
    st.rounds = 1;
    st.sitting = 2;
    st.group_values = carry.values.clone();
    st.register = carry.register.clone();
    let mut s = Session::new(st, next).unwrap();
    assert_eq!(s.agreements().len(), 2);
    assert!(s.is_carried(0) && s.is_carried(1));
    assert_eq!(s.deck().value_name("eigen-1"), "Menselijk");

    // Review: the first went well and is kept, the second partly and is revised; a third is new.
    s.apply(Event::AgreementReviewed {
        agreement: 0,
        went: Went::Done,
    })
    .unwrap();
    s.apply(Event::AgreementReviewed {
        agreement: 1,
        went: Went::Partly,
    })
    .unwrap();
    s.apply(Event::AgreementRevised {
        agreement: 1,
        text: "Bij ons legt wie nee zegt het uit en biedt een alternatief.".into(),
    })
    .unwrap();
    // Reviewing the same again, or a new proposal, is refused.
    assert!(
        s.apply(Event::AgreementReviewed {
            agreement: 0,
            went: Went::Done
        })
        .is_err()
    );
    s.apply(agree(&[("moed", 2)])).unwrap();
    s.apply(Event::AgreementProposed {
        text: "Bij ons zegt wie twijfelt het in het overleg.".into(),
        value: "moed".into(),
        kind: AgreementKind::Ritual,
        by: "Subgroep 2".into(),
        meets: vec![0],
        team: None,
    })
    .unwrap();
    assert!(
        s.apply(Event::AgreementReviewed {
            agreement: 2,
            went: Went::Not
        })
        .is_err(),
        "only carried agreements are reviewed"
    );

    let h = s.history_of(1);
    let changes: Vec<(u32, Change)> = h.into_iter().map(|m| (m.session, m.change)).collect();
    assert_eq!(
        changes,
        vec![
            (1, Change::Adopted),
            (
                1,
                Change::Revised {
                    from: "Bij ons leggen we een nee altijd uit.".into()
                }
            ),
            (2, Change::Reviewed { went: Went::Partly }),
            (
                2,
                Change::Revised {
                    from: "Bij ons leggen we een nee altijd uit, met de regel erbij.".into()
                }
            ),
        ]
    );
    // Undo takes back the proposal, the values and the revision; the review stays.
    for _ in 0..3 {
        s.apply(Event::Undone).unwrap();
    }
    assert_eq!(s.agreements()[1].went, Some(Went::Partly));
    assert_eq!(
        s.agreements()[1].text,
        "Bij ons leggen we een nee altijd uit, met de regel erbij."
    );
    assert_eq!(s.state(), &s.fold_from_scratch());
}

#[test]
fn a_carried_register_survives_the_journal_and_bad_carried_settings_are_refused() {
    let first = first_session();
    let d = mini();
    let carry = first.carry(&d);
    // On the same deck the link stays.
    assert_eq!(carry.values[0].link.as_deref(), Some("klant"));
    let mut st = settings(&d);
    st.sitting = 2;
    st.group_values = carry.values.clone();
    st.register = carry.register.clone();
    let dir = tempfile::tempdir().unwrap();
    let mut rec =
        Recorder::create(dir.path(), Session::new(st.clone(), d.clone()).unwrap()).unwrap();
    rec.apply(Event::AgreementReviewed {
        agreement: 0,
        went: Went::Not,
    })
    .unwrap();
    rec.apply(Event::AgreementDecided {
        agreement: 0,
        status: AgreementStatus::Dropped,
    })
    .unwrap();
    let path = rec.path().to_path_buf();
    drop(rec);
    let (s, _) = store::read(&path).unwrap().replay(d.clone()).unwrap();
    assert_eq!(s.sitting(), 2);
    let last = s.history_of(0).pop().unwrap();
    assert_eq!((last.session, last.change), (2, Change::Dropped));
    // The report shows each carried agreement's history, and the group's name for its value.
    let md = cultuurbarbarenspel::report::markdown::render(
        &cultuurbarbarenspel::report::Report::new(&s, None, &[]),
    );
    assert!(md.contains("aangenomen in sessie 1"), "{md}");
    assert!(md.contains("in sessie 2 besproken: niet"), "{md}");
    assert!(md.contains("herzien in sessie 1"), "{md}");
    assert!(md.contains("Menselijk"), "{md}");
    // A dropped agreement is not carried further.
    assert_eq!(s.carry(&d).register.len(), 1);

    // A register that names a value nobody knows, or a group value with a bad link, is refused.
    let mut bad = st.clone();
    bad.register[0].value = "nergens".into();
    assert!(Session::new(bad, d.clone()).is_err());
    let mut bad = st;
    bad.group_values = vec![GroupValue {
        id: "eigen-1".into(),
        name: "Menselijk".into(),
        meaning: String::new(),
        link: Some("nergens".into()),
        own: true,
    }];
    bad.register.clear();
    assert!(Session::new(bad, d).is_err());
}
