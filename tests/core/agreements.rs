//! The group's own output: proposals, decisions, revisions and debrief notes fold, undo, replay and
//! survive the journal; posters and reports show the adopted agreements, never a behaviour under a
//! value it harmed.

use cultuurbarbarenspel::lang::Lang;
use std::path::Path;

use cultuurbarbarenspel::commands::report;
use cultuurbarbarenspel::commands::simulate::{SimulateArgs, run};
use cultuurbarbarenspel::deck::{self, Deck, Key};
use cultuurbarbarenspel::report::poster::{self, Format};
use cultuurbarbarenspel::session::{
    AgreementKind, AgreementStatus, Event, MAX_AGREEMENT, Session, SessionError, Settings,
    TeamSpec, default_checklist,
};
use cultuurbarbarenspel::store::{self, Recorder};

/// The small deck the core tests share.
pub(super) const MINI: &str = "tests/fixtures/decks/mini.ron";

pub(super) fn mini() -> Deck {
    deck::load_deck(Path::new(MINI)).unwrap()
}

/// Two teams, one round of "balie" revealed (Balie A, Backoffice C), values klant×3, team×1.
pub(super) fn played() -> Session {
    let d = mini();
    let mut st = Settings::for_deck(Path::new(MINI), &d, store::deck_hash_of(&d));
    st.teams = vec![
        TeamSpec::new("Balie", "#E69F00"),
        TeamSpec::new("Backoffice", "#56B4E9"),
    ];
    st.rounds = 2;
    let mut s = Session::new(st, d).unwrap();
    for ev in [
        Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 3), ("team".into(), 1)],
        },
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        Event::chose(0, Key::A),
        Event::chose(1, Key::C),
        Event::Revealed,
    ] {
        s.apply(ev).unwrap();
    }
    s
}

fn propose(text: &str, value: &str, kind: AgreementKind, by: &str) -> Event {
    Event::AgreementProposed {
        text: text.into(),
        value: value.into(),
        kind,
        by: by.into(),
        meets: vec![0, 2],
        team: None,
    }
}

fn decide(agreement: usize, status: AgreementStatus) -> Event {
    Event::AgreementDecided { agreement, status }
}

#[test]
fn three_proposals_from_two_subgroups_adopted_revised_dropped_and_undone() {
    let mut s = played();
    s.apply(propose(
        "  Bij ons belt wie de klacht aanneemt zelf terug.  ",
        "klant",
        AgreementKind::Behaviour,
        "Subgroep 1",
    ))
    .unwrap();
    s.apply(propose(
        "Elke maandag tien minuten: wat ging goed?",
        "team",
        AgreementKind::Ritual,
        "Subgroep 2",
    ))
    .unwrap();
    s.apply(propose(
        "Een bordje bij de balie.",
        "klant",
        AgreementKind::Symbol,
        "Subgroep 1",
    ))
    .unwrap();
    s.apply(decide(0, AgreementStatus::Adopted)).unwrap();
    s.apply(Event::AgreementRevised {
        agreement: 1,
        text: "Elke maandag tien minuten staan: wat ging goed bij een klant?".into(),
    })
    .unwrap();
    s.apply(decide(1, AgreementStatus::Adopted)).unwrap();
    s.apply(decide(2, AgreementStatus::Dropped)).unwrap();

    let a = s.agreements();
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].text, "Bij ons belt wie de klacht aanneemt zelf terug.");
    assert_eq!(a[0].by, "Subgroep 1");
    assert_eq!(a[0].meets, vec![0, 2]);
    assert_eq!(
        a[1].history,
        vec!["Elke maandag tien minuten: wat ging goed?".to_string()]
    );
    assert_eq!(
        a.iter().map(|a| a.status).collect::<Vec<_>>(),
        vec![
            AgreementStatus::Adopted,
            AgreementStatus::Adopted,
            AgreementStatus::Dropped
        ]
    );
    assert_eq!(s.adopted_for(0).len(), 2);
    assert_eq!(s.state(), &s.fold_from_scratch());

    // Undo, one step at a time: the drop, the adoption, the revision (the old wording returns).
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.agreements()[2].status, AgreementStatus::Proposed);
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.agreements()[1].status, AgreementStatus::Proposed);
    s.apply(Event::Undone).unwrap();
    assert_eq!(
        s.agreements()[1].text,
        "Elke maandag tien minuten: wat ging goed?"
    );
    assert!(s.agreements()[1].history.is_empty());
    assert_eq!(s.state(), &s.fold_from_scratch());
    let replayed = Session::replay(
        s.settings().clone(),
        s.deck().clone(),
        s.events().iter().cloned(),
    )
    .unwrap();
    assert_eq!(replayed.state(), s.state());
}

#[test]
fn empty_long_or_unknown_proposals_are_refused_with_a_message() {
    let mut s = played();
    let refused = |s: &Session, ev: Event| s.check(&ev).unwrap_err().to_string();
    assert_eq!(
        refused(&s, propose("   ", "klant", AgreementKind::Behaviour, "")),
        "De afspraak is leeg."
    );
    let long = "x".repeat(MAX_AGREEMENT + 1);
    assert_eq!(
        refused(&s, propose(&long, "klant", AgreementKind::Behaviour, "")),
        format!(
            "De afspraak is {} tekens lang; hoogstens {MAX_AGREEMENT}.",
            MAX_AGREEMENT + 1
        )
    );
    assert_eq!(
        s.check(&propose("Bij ons", "onbekend", AgreementKind::Hero, "")),
        Err(SessionError::UnknownValue("onbekend".into()))
    );
    let mut too_far = propose("Bij ons", "klant", AgreementKind::Hero, "");
    if let Event::AgreementProposed { meets, .. } = &mut too_far {
        *meets = vec![5];
    }
    assert_eq!(
        refused(&s, too_far),
        "De checklist heeft 5 vragen; vraag 6 bestaat niet."
    );
    assert!(s.check(&decide(0, AgreementStatus::Adopted)).is_err());
    s.apply(propose("Bij ons", "klant", AgreementKind::Hero, ""))
        .unwrap();
    assert_eq!(
        refused(&s, decide(0, AgreementStatus::Proposed)),
        "Zo staat de afspraak er al bij."
    );
    assert_eq!(
        refused(
            &s,
            Event::AgreementRevised {
                agreement: 0,
                text: "Bij ons".into()
            }
        ),
        "De nieuwe tekst is dezelfde als de oude."
    );
    // After the session is closed nothing more is agreed.
    s.apply(Event::SessionFinished).unwrap();
    assert!(
        s.check(&propose("Bij ons", "klant", AgreementKind::Hero, ""))
            .is_err()
    );
}

#[test]
fn debrief_notes_belong_to_revealed_rounds_and_an_empty_one_removes_it() {
    let mut s = played();
    let note = |round, question, text: &str| Event::DebriefNoted {
        round,
        question,
        text: text.into(),
    };
    s.apply(note(0, 0, "Herkenbaar aan de telefoon.")).unwrap();
    assert_eq!(s.note(0, 0), Some("Herkenbaar aan de telefoon."));
    s.apply(note(0, 0, "Herkenbaar, vooral aan de telefoon."))
        .unwrap();
    assert_eq!(s.note(0, 0), Some("Herkenbaar, vooral aan de telefoon."));
    s.apply(Event::Undone).unwrap();
    assert_eq!(s.note(0, 0), Some("Herkenbaar aan de telefoon."));
    s.apply(note(0, 0, "")).unwrap();
    assert_eq!(s.note(0, 0), None);
    assert_eq!(s.state(), &s.fold_from_scratch());
    let questions = s.deck().scenario("balie").unwrap().debrief.len();
    assert!(s.check(&note(0, questions, "x")).is_err());
    assert!(s.check(&note(1, 0, "x")).is_err(), "no second round yet");
    s.apply(Event::RoundStarted {
        scenario: "telefoon".into(),
    })
    .unwrap();
    assert!(
        s.check(&note(1, 0, "x")).is_err(),
        "an open round has no debrief yet"
    );
}

#[test]
fn agreements_and_notes_survive_the_journal_and_a_journal_without_them_loads_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec = Recorder::create(dir.path(), played()).unwrap();
    rec.apply(propose(
        "Bij ons, \"quotes\"\nen een nieuwe regel — één",
        "klant",
        AgreementKind::Ritual,
        "Subgroep 1",
    ))
    .unwrap();
    rec.apply(decide(0, AgreementStatus::Adopted)).unwrap();
    rec.apply(Event::DebriefNoted {
        round: 0,
        question: 0,
        text: "Een notitie.".into(),
    })
    .unwrap();
    let path = rec.path().to_path_buf();
    let (live, journal) = rec.into_parts();
    drop(journal);
    let (replayed, _) = store::read(&path).unwrap().replay(None).unwrap();
    assert_eq!(replayed.state(), live.state());
    assert_eq!(replayed.agreements()[0].kind, AgreementKind::Ritual);

    let old = store::read(Path::new("tests/fixtures/journals/format-1.jsonl")).unwrap();
    let (s, _) = old.replay(mini()).unwrap();
    assert!(s.agreements().is_empty() && s.state().notes.is_empty());
}

#[test]
fn the_default_checklist_asks_what_the_trajectory_asks() {
    let nl = default_checklist(deck::Language::Nl);
    assert_eq!(nl.len(), 5);
    assert_eq!(nl[0], "Wat doen wij naar de klant toe?");
    assert_eq!(nl[1], "Wat betekent dit voor de onderlinge samenwerking?");
    let en = default_checklist(deck::Language::En);
    assert_eq!(en.len(), nl.len());
    assert_eq!(played().checklist(), nl, "the mini deck has no checklist");
}

/// `simulate --agreements 5` on the default deck, and its posters and report.
#[test]
fn simulated_agreements_reach_posters_and_report_and_no_behaviour_is_listed_under_a_value_it_harmed()
 {
    let dir = tempfile::tempdir().unwrap();
    let args = SimulateArgs {
        deck: Some(std::path::PathBuf::from("levels/klantcontact.nl.ron")),
        teams: 3,
        rounds: 4,
        seed: 11,
        sessions: Some(dir.path().to_path_buf()),
        choices: None,
        agreements: 5,
        plan: Vec::new(),
    };
    let mut out = Vec::new();
    run(&args, Lang::Nl, &mut out).unwrap();
    let journal = dir.path().join("simulatie_klantcontact_t3_r4_s11_a5.jsonl");
    let (s, _) = store::read(&journal).unwrap().replay(None).unwrap();
    let statuses: Vec<AgreementStatus> = s.agreements().iter().map(|a| a.status).collect();
    assert_eq!(
        statuses,
        vec![
            AgreementStatus::Adopted,
            AgreementStatus::Adopted,
            AgreementStatus::Adopted,
            AgreementStatus::Adopted,
            AgreementStatus::Dropped
        ]
    );
    assert_eq!(s.agreements()[1].history.len(), 1);
    assert_eq!(s.state().notes.len(), 4, "a note on every round");

    for team in 0..3 {
        let data = poster::data_for(&s, team, None);
        let adopted: usize = data.values.iter().map(|v| v.agreements.len()).sum();
        assert_eq!(adopted, 4, "every adopted agreement, under its value");
        for v in &data.values {
            let id = &s
                .deck()
                .values
                .iter()
                .find(|d| d.name == v.name)
                .unwrap()
                .id;
            for (text, _) in &v.behaviours {
                let b = s
                    .deck()
                    .scenarios
                    .iter()
                    .flat_map(|sc| &sc.behaviours)
                    .find(|b| &b.text == text)
                    .unwrap();
                assert!(
                    b.effect(id) > 0,
                    "\"{text}\" is listed under {id}, which it did not raise"
                );
            }
        }
        for format in [Format::Screen, Format::A4] {
            let l = poster::layout(&data, format);
            assert!(!l.overflow, "{format:?}");
            assert!(l.lines.iter().all(|t| t.x >= 0.0
                && t.x + t.width <= l.width
                && t.y >= 0.0
                && t.bottom() <= l.height));
        }
    }

    let rep = dir.path().join("verslag");
    report::run(&journal, None, &rep, Lang::Nl, &mut Vec::new()).unwrap();
    let md = std::fs::read_to_string(rep.join("report.md")).unwrap();
    let manners = md.split("## Zo zijn onze manieren").nth(1).unwrap();
    assert!(manners.contains("voorgesteld door Subgroep 1"), "{manners}");
    assert!(manners.contains("checklist: Wat doen wij naar de klant toe?"));
    assert!(manners.contains("(vervallen)"));
    assert!(md.contains("  > De groep herkende dit"));
    let html = std::fs::read_to_string(rep.join("report.html")).unwrap();
    assert!(html.contains(r#"<section class="manners">"#));
    assert!(html.contains(r#"<p class="note">"#));
}

#[test]
fn long_agreements_never_leave_the_poster() {
    let mut s = played();
    let long = "Bij ons nemen we altijd de tijd om de burger uit te leggen welke regel er achter ons antwoord zit, en wat die regel beschermt. ";
    for i in 0..12 {
        let text: String = long.repeat(2).chars().take(MAX_AGREEMENT).collect();
        s.apply(propose(
            &text,
            if i % 2 == 0 { "klant" } else { "team" },
            AgreementKind::ALL[i % 4],
            "Subgroep",
        ))
        .unwrap();
        s.apply(decide(i, AgreementStatus::Adopted)).unwrap();
    }
    for team in 0..2 {
        let data = poster::data_for(&s, team, Some("2026-11-25"));
        for format in [Format::Screen, Format::A4] {
            let l = poster::layout(&data, format);
            assert!(!l.overflow, "{format:?}");
            assert!(
                l.lines.iter().all(|t| t.x >= 0.0
                    && t.x + t.width <= l.width
                    && t.y >= 0.0
                    && t.bottom() <= l.height),
                "{format:?}"
            );
        }
    }
}

#[test]
fn the_one_page_manners_lists_the_adopted_agreements_by_value_and_fits_a4() {
    let mut s = played();
    s.apply(propose(
        "Bij ons belt wie de klacht aanneemt <zelf> terug.",
        "klant",
        AgreementKind::Behaviour,
        "Subgroep 1",
    ))
    .unwrap();
    s.apply(propose(
        "Elke maandag tien minuten.",
        "team",
        AgreementKind::Ritual,
        "Subgroep 2",
    ))
    .unwrap();
    s.apply(propose("Weg ermee.", "team", AgreementKind::Symbol, ""))
        .unwrap();
    s.apply(decide(0, AgreementStatus::Adopted)).unwrap();
    s.apply(decide(1, AgreementStatus::Adopted)).unwrap();
    s.apply(decide(2, AgreementStatus::Dropped)).unwrap();

    let model = cultuurbarbarenspel::report::manners::model(&s);
    let names: Vec<&str> = model.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(names, vec!["De klant centraal", "Samenwerking"]);
    assert_eq!(
        model[1].agreements,
        vec![(
            "ritueel".to_string(),
            "Elke maandag tien minuten.".to_string(),
            "Subgroep 2".to_string()
        )]
    );
    let html = cultuurbarbarenspel::report::manners::html(&s, Some("2026-11-25T10:00:00Z"));
    assert!(html.contains("<h1>Zo zijn onze manieren</h1>"));
    assert!(html.contains("&lt;zelf&gt;"), "escaped");
    assert!(
        !html.contains("Weg ermee"),
        "a dropped proposal is not a manner"
    );
    assert!(html.contains("@page { size: A4"));
    assert!(!html.contains("<script") && !html.contains("http"));

    let data = cultuurbarbarenspel::report::manners::poster_data(&s, None);
    assert_eq!(data.values.len(), 2);
    assert!(data.values.iter().all(|v| v.behaviours.is_empty()));
    let dir = tempfile::tempdir().unwrap();
    let written = cultuurbarbarenspel::report::manners::write(&s, None, dir.path(), false).unwrap();
    assert_eq!(written.len(), 2);
    let png = std::fs::read(dir.path().join("manieren-a4.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}
