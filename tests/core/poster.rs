//! Posters: the layout keeps every line inside the image, also with very long texts; the files are
//! PNGs of the right size.

use cultuurbarbarenspel::deck::Language;
use cultuurbarbarenspel::lang::Lang;
use cultuurbarbarenspel::report::poster::{
    Format, PosterData, PosterValue, file_name, layout, png_bytes, render,
};
use cultuurbarbarenspel::session::AgreementKind;

fn value(name: &str, weight: u8, behaviours: usize, text: &str) -> PosterValue {
    PosterValue {
        name: name.into(),
        weight,
        meaning: "We zeggen wat we doen en waarom, ook als het antwoord nee is.".into(),
        // The group's own agreements come first on the card, in every kind.
        agreements: (0..behaviours.min(3))
            .map(|i| {
                (
                    AgreementKind::ALL[i % 4],
                    format!("Bij ons {text} [{}]", i + 1),
                )
            })
            .collect(),
        behaviours: (0..behaviours)
            .map(|i| (format!("{text} ({})", i + 1), format!("Scenario {}", i + 1)))
            .collect(),
    }
}

fn poster(values: Vec<PosterValue>, team: &str) -> PosterData {
    PosterData {
        team: team.into(),
        colour: [230, 159, 0],
        deck: "Klantcontact en dienstverlening".into(),
        date: Some("2026-11-22".into()),
        language: Language::Nl,
        values,
    }
}

fn assert_inside(data: &PosterData, format: Format) -> cultuurbarbarenspel::report::poster::Layout {
    let l = layout(data, format);
    let (w, h) = format.size();
    assert_eq!((l.width, l.height), (w as f32, h as f32));
    for line in &l.lines {
        assert!(
            line.x >= 0.0
                && line.y >= 0.0
                && line.x + line.width <= l.width
                && line.bottom() <= l.height,
            "{format:?}: line outside the image: {line:?}"
        );
    }
    l
}

#[test]
fn an_ordinary_poster_is_set_at_full_size_with_everything_on_it() {
    let data = poster(
        vec![
            value(
                "Eén gemeente",
                3,
                2,
                "Sanne belt binnen een uur terug en zoekt het zelf uit",
            ),
            value(
                "Zorgvuldig",
                2,
                1,
                "Fatima meldt de fout aan haar teamleider",
            ),
            value("Open en eerlijk", 1, 0, ""),
        ],
        "De Klantvrienden",
    );
    for format in [Format::Screen, Format::A4] {
        let l = assert_inside(&data, format);
        assert_eq!(l.scale, 1.0, "{format:?}");
        assert_eq!(l.left_out, 0);
        let text: Vec<&str> = l.lines.iter().map(|t| t.text.as_str()).collect();
        assert!(text.contains(&"De Klantvrienden"));
        assert!(text.contains(&"Zo zijn onze manieren"));
        assert!(
            text.contains(&"Eén gemeente"),
            "diacritics are kept: {text:?}"
        );
        assert!(text.iter().any(|t| t.contains("2026-11-22")));
        assert!(
            text.iter().any(|t| t.starts_with("Nog geen afspraak")),
            "a value without agreements says so"
        );
    }
}

#[test]
fn very_long_texts_shrink_then_shorten_but_never_overflow() {
    let long = "Mirjam organiseert een online afscheid voor iedereen, met videoboodschappen van collega's en bewoners. "
        .repeat(20); // about 2,000 characters
    let data = poster(
        (0..7)
            .map(|i| {
                value(
                    &format!("Waarde nummer {i} met een lange naam"),
                    3,
                    8,
                    &long,
                )
            })
            .collect(),
        "Het team met een naam van veertig tekens",
    );
    for format in [Format::Screen, Format::A4] {
        let l = assert_inside(&data, format);
        assert!(l.scale < 1.0, "{format:?} shrank");
        assert!(l.left_out > 0, "{format:?} left behaviours out");
        assert!(
            l.lines.iter().any(|t| t.text.contains("meer")),
            "{format:?} says how many were left out"
        );
    }
    // One word longer than a column is broken, not drawn past the edge.
    let data = poster(
        vec![value(&"x".repeat(400), 2, 1, &"y".repeat(600))],
        &"Z".repeat(40),
    );
    for format in [Format::Screen, Format::A4] {
        assert_inside(&data, format);
    }
}

#[test]
fn the_pngs_have_the_right_size_and_resolution() {
    let data = poster(
        vec![value("Zorgvuldig", 2, 1, "Fatima meldt de fout")],
        "Balie",
    );
    for (format, dims) in [(Format::Screen, (1920, 1080)), (Format::A4, (2480, 3508))] {
        let bytes = png_bytes(&render(&layout(&data, format)), format).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), dims);
        if format == Format::A4 {
            let d = info.pixel_dims.unwrap();
            assert_eq!(d.xppu, 11_811, "300 dpi");
        }
    }
    assert_eq!(
        file_name(1, "Het Één-team!", Format::A4),
        "poster-2-het-een-team-a4.png"
    );
}

#[test]
fn the_poster_command_writes_two_posters_per_team() {
    let dir = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    let args = cultuurbarbarenspel::commands::simulate::SimulateArgs {
        deck: Some(std::path::PathBuf::from("levels/klantcontact.nl.ron")),
        teams: 2,
        rounds: 2,
        seed: 4,
        sessions: Some(dir.path().to_path_buf()),
        choices: None,
        agreements: 0,
        plan: Vec::new(),
    };
    cultuurbarbarenspel::commands::simulate::run(&args, Lang::Nl, &mut out).unwrap();
    let journal = dir.path().join("simulatie_klantcontact_t2_r2_s4.jsonl");
    let mut out = Vec::new();
    cultuurbarbarenspel::commands::poster::run(
        &journal,
        None,
        &dir.path().join("p"),
        Lang::Nl,
        &mut out,
    )
    .unwrap();
    let printed = String::from_utf8(out).unwrap();
    assert_eq!(printed.lines().count(), 4, "{printed}");
    for line in printed.lines() {
        let bytes = std::fs::read(line).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    }
}

/// A real session on mini.ron with a third scenario: shared values regels ×3, team ×2, klant ×1;
/// two revealed rounds and a third that is open (Balie already chose in it).
fn played() -> cultuurbarbarenspel::session::Session {
    use cultuurbarbarenspel::deck::{self, Key};
    use cultuurbarbarenspel::session::{Event, Session, Settings, TeamSpec};
    let text = std::fs::read_to_string("tests/fixtures/decks/mini.ron").unwrap();
    let pauze = r#"        Scenario(
            id: "pauze",
            title: "De pauze",
            layer: Symbols,
            situation: "Wie neemt de pauze?",
            behaviours: [
                Behaviour(key: A, text: "Samen", effects: {"team": 1}, consequence: "."),
                Behaviour(key: B, text: "Alleen", effects: {"klant": 1}, consequence: "."),
            ],
        ),
    ],
)"#;
    let end = text.rfind("    ],").unwrap();
    let d = deck::check_source("mini3.ron", &format!("{}{pauze}\n", &text[..end]), None)
        .deck
        .unwrap();
    let mut st = Settings::for_deck(std::path::Path::new("mini3.ron"), &d, "");
    st.teams = vec![
        TeamSpec::new("Balie", "#E69F00"),
        TeamSpec::new("KCC", "#56B4E9"),
    ];
    st.rounds = 3;
    let mut s = Session::new(st, d).unwrap();
    let events = [
        Event::ValuesAgreed {
            team: None,
            values: vec![
                ("klant".into(), 1),
                ("regels".into(), 3),
                ("team".into(), 2),
            ],
        },
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        // C {team 2, klant 1, regels −2}; A {klant 2, regels −1}
        Event::chose(0, Key::C),
        Event::chose(1, Key::A),
        Event::Revealed,
        Event::RoundStarted {
            scenario: "telefoon".into(),
        },
        // A {klant 1, team −1}; B {team 1, klant −2}
        Event::chose(0, Key::A),
        Event::chose(1, Key::B),
        Event::Revealed,
        Event::RoundStarted {
            scenario: "pauze".into(),
        },
        // Not revealed: not on the poster.
        Event::chose(0, Key::A),
    ];
    for ev in events {
        s.apply(ev).unwrap();
    }
    s
}

#[test]
fn a_poster_shows_the_teams_values_strongest_first_with_only_the_behaviours_that_raised_them() {
    use cultuurbarbarenspel::report::poster::data_for;
    let s = played();
    let pv = |name: &str, weight: u8, meaning: &str, behaviours: &[(&str, &str)]| PosterValue {
        name: name.into(),
        weight,
        meaning: meaning.into(),
        agreements: Vec::new(),
        behaviours: behaviours
            .iter()
            .map(|(b, sc)| (b.to_string(), sc.to_string()))
            .collect(),
    };
    let regels = "Iedereen wordt volgens dezelfde regels geholpen.";
    let team = "We laten collega's niet alleen staan.";
    let klant = "We vertrekken vanuit de vraag van de burger.";
    assert_eq!(
        data_for(&s, 0, Some("2026-11-22T14:35:01Z")),
        PosterData {
            team: "Balie".into(),
            colour: [0xE6, 0x9F, 0x00],
            deck: "Mini".into(),
            date: Some("2026-11-22".into()),
            language: Language::Nl,
            values: vec![
                // C lowered regels (−2): not listed.
                pv("Rechtmatig", 3, regels, &[]),
                // Telefoon A lowered team (−1); pauze A is not revealed.
                pv(
                    "Samenwerking",
                    2,
                    team,
                    &[("Een collega vragen", "De balie")]
                ),
                pv(
                    "De klant centraal",
                    1,
                    klant,
                    &[
                        ("Een collega vragen", "De balie"),
                        ("Opnemen", "De telefoon")
                    ]
                ),
            ],
        }
    );
    assert_eq!(
        data_for(&s, 1, None),
        PosterData {
            team: "KCC".into(),
            colour: [0x56, 0xB4, 0xE9],
            deck: "Mini".into(),
            date: None,
            language: Language::Nl,
            values: vec![
                pv("Rechtmatig", 3, regels, &[]),
                pv("Samenwerking", 2, team, &[("Laten gaan", "De telefoon")]),
                pv(
                    "De klant centraal",
                    1,
                    klant,
                    &[("Toch helpen", "De balie")]
                ),
            ],
        }
    );
}

#[test]
fn a_rendered_poster_has_the_team_colour_and_ink_in_every_text_line() {
    use cultuurbarbarenspel::report::poster::data_for;
    let data = data_for(&played(), 1, Some("2026-11-22"));
    for format in [Format::Screen, Format::A4] {
        let l = layout(&data, format);
        let pix = render(&l);
        let (w, px) = (pix.width() as usize, pix.data());
        let at = |x: usize, y: usize| -> [u8; 4] {
            let i = (y * w + x) * 4;
            [px[i], px[i + 1], px[i + 2], px[i + 3]]
        };
        // The team colour (#56B4E9) is drawn: the band at the top and the edge of each value card.
        let team = px
            .chunks_exact(4)
            .filter(|p| *p == [0x56, 0xB4, 0xE9, 255])
            .count();
        let area = pix.width() as usize * pix.height() as usize;
        assert!(team * 200 >= area, "{format:?}: {team} of {area} pixels");
        // Every line of text left ink in its box: at least 2 % of it differs from the box's
        // commonest colour (its background).
        assert!(l.lines.len() >= 10, "{format:?}");
        for line in &l.lines {
            let (x0, y0) = (line.x.floor() as usize, line.y.floor() as usize);
            let (x1, y1) = (
                ((line.x + line.width).ceil() as usize).min(w),
                (line.bottom().ceil() as usize).min(pix.height() as usize),
            );
            let mut counts = std::collections::HashMap::new();
            for y in y0..y1 {
                for x in x0..x1 {
                    *counts.entry(at(x, y)).or_insert(0usize) += 1;
                }
            }
            let total: usize = counts.values().sum();
            let background = counts.values().copied().max().unwrap_or(0);
            assert!(
                (total - background) * 50 >= total,
                "{format:?}: line {:?} has {} inked pixels of {total}",
                line.text,
                total - background
            );
        }
    }
}
