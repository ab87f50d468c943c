//! The pre-session poll import: both layouts, accents, BOM, delimiters, ragged and empty files.

use cultuurbarbarenspel::deck::{self, Deck};
use cultuurbarbarenspel::poll::{Layout, fold, import};
use std::path::Path;

fn deck() -> Deck {
    deck::load_deck(Path::new("levels/klantcontact.nl.ron")).unwrap()
}

#[test]
fn ratings_per_value_with_accents_case_and_question_text() {
    // Headers name values by name (in any case, with or without accents, inside a question) or by id;
    // the timestamp and name columns match nothing and are listed.
    let csv = "Tijdstempel;Naam;Hoe belangrijk is DE KLANT CENTRAAL?;Zorgvúldig;samenwerking;Open en eerlijk\n\
               2026-11-01 09:00;An;5;4;3;2\n\
               2026-11-01 09:05;Bo;4;4;3;1\n\
               2026-11-01 09:07;Cas;5;5 - heel belangrijk;2;\n";
    let p = import("peiling.csv", csv.as_bytes(), &deck()).unwrap();
    assert_eq!(p.layout, Layout::Ratings);
    assert_eq!(p.delimiter, ';');
    assert_eq!(p.respondents, 3);
    assert_eq!(p.unmatched, vec!["Tijdstempel", "Naam"]);
    // Means: klant (5+4+5)/3 = 4.67 → 3; zorgvuldig (4+4+5)/3 = 4.33 → 2;
    // samenwerking (3+3+2)/3 = 2.67 → 1; openheid (2+1)/2 = 1.5 (one blank) → not proposed.
    assert_eq!(
        p.weights(),
        vec![
            ("klant_centraal".to_string(), 3),
            ("zorgvuldig".to_string(), 2),
            ("samenwerking".to_string(), 1),
        ]
    );
    let open = p.support.iter().find(|s| s.value == "openheid").unwrap();
    assert_eq!(open.answers, 2);
    assert!((open.score - 1.5).abs() < 1e-9);
    assert!(p.ignored.is_empty());
}

#[test]
fn top_three_in_one_column_with_a_bom_and_quotes() {
    let csv = "\u{feff}Timestamp,Welke drie waarden vind jij het belangrijkst?\n\
               1,\"De klant centraal, Zorgvuldig, Eigenaarschap\"\n\
               2,\"de klant centraal; open en eerlijk; Snelheid\"\n\
               3,\"Eigenaarschap, DE KLANT CENTRAAL, zorgvuldig\"\n\
               4,\"Doelmatig\"\n";
    let p = import("top3.csv", csv.as_bytes(), &deck()).unwrap();
    assert_eq!(p.layout, Layout::TopThree);
    assert_eq!(p.delimiter, ',');
    assert_eq!(p.respondents, 4);
    // Shares of 4: klant 3 (75 %) → 3; zorgvuldig 2 and eigenaarschap 2 (50 %) → 3;
    // openheid 1 and doelmatig 1 (25 %) → 2.
    let weights = p.weights();
    assert_eq!(weights[0], ("klant_centraal".to_string(), 3));
    assert!(weights.contains(&("zorgvuldig".to_string(), 3)));
    assert!(weights.contains(&("eigenaarschap".to_string(), 3)));
    assert!(weights.contains(&("openheid".to_string(), 2)));
    assert!(weights.contains(&("doelmatig".to_string(), 2)));
    assert_eq!(
        p.unmatched,
        vec!["Snelheid"],
        "an answer that is no value is listed"
    );
}

#[test]
fn tabs_are_recognised_and_ids_work_as_headers() {
    let csv = "klant_centraal\trechtmatig\n5\t1\n4\t2\n";
    let p = import("tab.tsv", csv.as_bytes(), &deck()).unwrap();
    assert_eq!(p.delimiter, '\t');
    assert_eq!(p.weights(), vec![("klant_centraal".to_string(), 3)]);
}

#[test]
fn bad_files_get_clear_messages() {
    let d = deck();
    let cases: [(&str, &[u8], &str); 6] = [
        ("leeg.csv", b"", "leeg"),
        ("kop.csv", b"Zorgvuldig;Doelmatig\n", "geen antwoorden"),
        (
            "rafelig.csv",
            b"Zorgvuldig;Doelmatig\n4;5\n3;2;1\n",
            "rij 3 heeft 3 kolommen",
        ),
        ("latin1.csv", b"Zorgvuldig;Doelmatig\n4;\xe9\n", "UTF-8"),
        (
            "vreemd.csv",
            b"Naam,Kleur\nAn,rood\nBo,blauw\n",
            "geen kolom noemt een waarde",
        ),
        ("spaties.csv", b"  \n \n", "leeg"),
    ];
    for (name, bytes, expected) in cases {
        let e = import(name, bytes, &d).unwrap_err().to_string();
        assert!(e.starts_with(name) && e.contains(expected), "{name}: {e}");
    }
    // Cells that are not a rating are reported, the rest is used.
    let p = import(
        "x.csv",
        b"Zorgvuldig;Doelmatig\n4;heel erg\n5;9\n".as_slice(),
        &d,
    )
    .unwrap();
    assert_eq!(p.ignored.len(), 2, "{:?}", p.ignored);
    assert_eq!(p.weights(), vec![("zorgvuldig".to_string(), 3)]);
}

#[test]
fn folding_ignores_case_accents_and_punctuation() {
    assert_eq!(fold("  Één  gemeente! "), "een gemeente");
    assert_eq!(fold("klant_centraal"), "klant centraal");
    assert_eq!(fold("Zorgvúldig?"), "zorgvuldig");
}

#[test]
fn the_command_prints_the_proposal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.csv");
    std::fs::write(&file, "De klant centraal;Doelmatig\n5;3\n5;4\n").unwrap();
    let mut out = Vec::new();
    cultuurbarbarenspel::commands::poll::run(&file, None, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("2 deelnemers"), "{out}");
    assert!(
        out.contains("De klant centraal: gemiddeld 5,0, gewicht 3"),
        "{out}"
    );
    assert!(out.contains("Doelmatig: gemiddeld 3,5, gewicht 2"), "{out}");
}
