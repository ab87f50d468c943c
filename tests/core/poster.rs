//! Posters: the layout keeps every line inside the image, also with very long texts; the files are
//! PNGs of the right size.

use cultuurbarbarenspel::deck::Language;
use cultuurbarbarenspel::poster::{
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

fn assert_inside(data: &PosterData, format: Format) -> cultuurbarbarenspel::poster::Layout {
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
        deck: "levels/klantcontact.nl.ron".into(),
        teams: 2,
        rounds: 2,
        seed: 4,
        sessions: Some(dir.path().to_path_buf()),
        choices: None,
        agreements: 0,
    };
    cultuurbarbarenspel::commands::simulate::run(&args, &mut out).unwrap();
    let journal = dir.path().join("simulatie_klantcontact_t2_r2_s4.jsonl");
    let mut out = Vec::new();
    cultuurbarbarenspel::commands::poster::run(&journal, None, &dir.path().join("p"), &mut out)
        .unwrap();
    let printed = String::from_utf8(out).unwrap();
    assert_eq!(printed.lines().count(), 4, "{printed}");
    for line in printed.lines() {
        let bytes = std::fs::read(line).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    }
}
