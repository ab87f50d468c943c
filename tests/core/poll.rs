//! The pre-session poll import: a corpus of exports as the form tools write them
//! (tests/fixtures/poll/), each with the weights it must give or the error it must show; the
//! layouts, encodings, separators, scales and words; the command; any bytes never panic.

use cultuurbarbarenspel::deck::{self, Deck};
use cultuurbarbarenspel::lang::{Bi, Lang};
use cultuurbarbarenspel::poll::{
    Encoding, Layout, Moment, Options, Scale, clean_path, fold, import, import_with,
};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// The Dutch texts of a list of messages.
fn dutch(list: &[Bi]) -> Vec<String> {
    list.iter().map(|b| b.nl.clone()).collect()
}

fn nl() -> Deck {
    deck::load_deck(Path::new("levels/klantcontact.nl.ron")).unwrap()
}

fn en() -> Deck {
    deck::load_deck(Path::new("levels/klantcontact.en.ron")).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new("tests/fixtures/poll").join(name)).unwrap()
}

/// Identifying columns, as the warning lists them.
fn ident(headers: &str) -> String {
    format!("Niet geteld en niet bewaard (maken deelnemers herkenbaar): {headers}.")
}

fn open_questions(headers: &str) -> String {
    format!("Open vragen, niet geteld (de antwoorden ziet alleen de begeleider): {headers}.")
}

struct Case {
    file: &'static str,
    english: bool,
    layout: Layout,
    respondents: usize,
    weights: &'static [(&'static str, u8)],
    warnings: Vec<String>,
}

#[test]
fn every_export_in_the_corpus_gives_its_weights_and_warnings() {
    let cases = [
        Case {
            // Google Forms, "Hoe belangrijk … [waarde]" grid, every field quoted; e-mail collected.
            file: "google-forms-grid.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 4,
            // klant (5+5+4+5)/4 = 4.75; zorgvuldig 17/4 = 4.25; rechtmatig 12/4 = 3;
            // samenwerking 8/4 = 2 is not proposed.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2), ("rechtmatig", 1)],
            warnings: vec![
                ident(r#""Tijdstempel", "E-mailadres""#),
                open_questions(r#""Wat wil je nog kwijt?""#),
            ],
        },
        Case {
            // Google Forms checkboxes: the answers joined with ", "; an "Anders:" answer.
            file: "google-forms-top3.csv",
            english: false,
            layout: Layout::TopThree,
            respondents: 5,
            // Of 5: klant 4, zorgvuldig 3 (≥ 50 %); samenwerking, eigenaarschap, openheid 2
            // (≥ 25 %); doelmatig 1 (≥ 10 %).
            weights: &[
                ("klant_centraal", 3),
                ("zorgvuldig", 3),
                ("samenwerking", 2),
                ("eigenaarschap", 2),
                ("openheid", 2),
                ("doelmatig", 1),
            ],
            warnings: vec![
                ident(r#""Tijdstempel""#),
                r#"Antwoorden zonder waarde uit dit deck: "Snelheid"."#.to_string(),
                open_questions(r#""Waarom deze drie?""#),
            ],
        },
        Case {
            // Microsoft Forms (English) → Excel → "CSV UTF-8": BOM, CRLF, the identifying columns.
            file: "msforms-en-csv-utf8.csv",
            english: true,
            layout: Layout::Ratings,
            respondents: 3,
            // customer 14/3, careful 13/3, ownership 10/3, efficient 7/3.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2), ("eigenaarschap", 1)],
            warnings: vec![ident(
                r#""ID", "Start time", "Completion time", "Email", "Name", "Last modified time""#,
            )],
        },
        Case {
            // Dutch Excel "CSV (lijstscheidingsteken)": Windows-1252, ";", questions with more
            // commas than the header has semicolons.
            file: "excel-nl-lijstscheidingsteken.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 4,
            // samenwerking 18/4 = 4.5; openheid 16/4 = 4; rechtmatig 10/4 = 2.5.
            weights: &[("samenwerking", 3), ("openheid", 2), ("rechtmatig", 1)],
            warnings: vec![ident(
                r#""Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam""#,
            )],
        },
        Case {
            // Microsoft Forms multiple choice: "a;b;c;" inside a quoted cell of a ";" file.
            file: "msforms-top3-puntkomma.csv",
            english: false,
            layout: Layout::TopThree,
            respondents: 4,
            weights: &[
                ("zorgvuldig", 3),
                ("klant_centraal", 3),
                ("rechtmatig", 2),
                ("samenwerking", 2),
                ("eigenaarschap", 2),
                ("openheid", 2),
                ("doelmatig", 2),
            ],
            warnings: vec![ident(
                r#""Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam""#,
            )],
        },
        Case {
            // Excel "Unicode-tekst": UTF-16LE with BOM, tabs; a 1–10 scale stated in the headers.
            file: "excel-unicode-tekst.txt",
            english: false,
            layout: Layout::Ratings,
            respondents: 4,
            // Means 9, 7.5, 7 and 4 of 10 → 4.56, 3.89, 3.67 and 2.33 on 1–5.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2), ("eigenaarschap", 2)],
            warnings: vec![ident(r#""Naam""#)],
        },
        Case {
            // Excel leaves out the separators of empty trailing cells.
            file: "excel-rafelige-rijen.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 4,
            // klant 18/4 = 4.5; zorgvuldig 13/3; doelmatig 7/2 = 3.5.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2), ("doelmatig", 2)],
            warnings: vec![
                "3 rijen missen de lege cellen aan het eind (Excel laat ze weg); die zijn als leeg gelezen.".to_string(),
                ident(r#""Tijdstempel""#),
                open_questions(r#""Opmerkingen""#),
            ],
        },
        Case {
            // Dutch Likert words.
            file: "likert-nl.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 3,
            // klant 5,5,4; zorgvuldig 4,5,4; doelmatig 3,2,3; openheid 1,3,2.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2), ("doelmatig", 1)],
            warnings: vec![
                ident(r#""Tijdstempel""#),
                r#"Antwoorden in woorden als cijfer (1–5) geteld: "Helemaal niet belangrijk" = 1, "Niet belangrijk" = 2, "Neutraal" = 3, "Belangrijk" = 4, "Zeer belangrijk" = 5."#.to_string(),
            ],
        },
        Case {
            // English Likert words; with "Extremely important" on the scale, "Very" is 4.
            file: "likert-en.csv",
            english: true,
            layout: Layout::Ratings,
            respondents: 3,
            // customer 5,4,5; ownership 3,5,4; careful 4,4,3; efficient 2,1,2.
            weights: &[("klant_centraal", 3), ("eigenaarschap", 2), ("zorgvuldig", 2)],
            warnings: vec![
                ident(r#""Timestamp", "Email Address""#),
                r#"Antwoorden in woorden als cijfer (1–5) geteld: "Not at all important" = 1, "Slightly important" = 2, "Moderately important" = 3, "Very important" = 4, "Extremely important" = 5."#.to_string(),
            ],
        },
        Case {
            // A 1–10 scale nobody wrote down: read from the answers, and said so.
            file: "schaal-1-10-uit-antwoorden.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 3,
            // klant 8,9,10 → 4.56; zorgvuldig 6,7,5 → 3.22; doelmatig 2,3,1 → 1.44.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 1)],
            warnings: vec![
                ident(r#""Naam""#),
                r#"De schaal staat in geen kop; uit de antwoorden afgeleid: 1–10, omgerekend naar 1–5. Klopt dat niet, zet de schaal in de kop, bijvoorbeeld "(1-10)"."#.to_string(),
            ],
        },
        Case {
            // 0–10 stated as "0 = onbelangrijk, 10 = heel belangrijk"; a 0 is an answer.
            file: "schaal-0-10.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 4,
            // zorgvuldig 30/40 → 4.0; klant 27/40 → 3.7.
            weights: &[("zorgvuldig", 2), ("klant_centraal", 2)],
            warnings: vec![ident(r#""Respondent ID", "Start time""#)],
        },
        Case {
            // An open question naming a value, with answers that start with a digit.
            file: "open-vraag-met-cijfers.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 4,
            weights: &[("zorgvuldig", 3), ("eigenaarschap", 3)],
            warnings: vec![
                ident(r#""Tijdstempel""#),
                open_questions(r#""Hoe geef jij nu Samen één gemeente vorm in je team?""#),
            ],
        },
        Case {
            // "Now" and "desired" of the same value: desired counts unless chosen otherwise.
            file: "nu-en-gewenst.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 3,
            // desired: klant 5,5,4; zorgvuldig 4,5,4; doelmatig (asked once) 3,4,2.
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2), ("doelmatig", 1)],
            warnings: vec![
                ident(r#""Id", "Naam""#),
                r#"Gevraagd naar nu én gewenst ("De klant centraal", "Zorgvuldig"): geteld is de gewenste situatie; kies de huidige om die te tellen."#.to_string(),
            ],
        },
        Case {
            // One row per answer with a respondent column: counted per respondent.
            file: "per-antwoord.csv",
            english: false,
            layout: Layout::PerAnswerRatings,
            respondents: 3,
            weights: &[("klant_centraal", 3), ("zorgvuldig", 2)],
            warnings: vec![
                r#"Eén rij per antwoord: per deelnemer geteld (kolom "Respondent ID"), 9 rijen van 3 deelnemers."#.to_string(),
                ident(r#""Respondent ID", "Submitted at""#),
            ],
        },
        Case {
            // One row per chosen value, several per participant.
            file: "per-antwoord-keuzes.csv",
            english: false,
            layout: Layout::PerAnswerChoices,
            respondents: 4,
            weights: &[
                ("klant_centraal", 3),
                ("zorgvuldig", 3),
                ("eigenaarschap", 3),
                ("samenwerking", 2),
                ("openheid", 2),
                ("doelmatig", 2),
            ],
            warnings: vec![
                r#"Eén rij per antwoord: per deelnemer geteld (kolom "Participant"), 12 rijen van 4 deelnemers."#.to_string(),
                ident(r#""Participant""#),
            ],
        },
        Case {
            // Excel's "sep=;" first line.
            file: "excel-sep-regel.csv",
            english: false,
            layout: Layout::Ratings,
            respondents: 2,
            weights: &[("klant_centraal", 3), ("doelmatig", 2)],
            warnings: vec![],
        },
    ];
    let (nl, en) = (nl(), en());
    for case in cases {
        let deck = if case.english { &en } else { &nl };
        let p = import(case.file, &fixture(case.file), deck)
            .unwrap_or_else(|e| panic!("{}: {e}", case.file));
        let weights: Vec<(String, u8)> = case
            .weights
            .iter()
            .map(|(id, w)| (id.to_string(), *w))
            .collect();
        assert_eq!(p.layout, case.layout, "{}", case.file);
        assert_eq!(p.respondents, case.respondents, "{}", case.file);
        assert_eq!(p.weights(), weights, "{}", case.file);
        assert_eq!(dutch(&p.warnings), case.warnings, "{}", case.file);
    }
}

#[test]
fn unusable_exports_are_refused_with_what_to_do() {
    let cases = [
        (
            "mentimeter-samenvatting.csv",
            r#"mentimeter-samenvatting.csv: dit is een samenvatting (één rij per vraag of stelling, met een kolom "Average"), geen antwoorden per deelnemer: daaruit is niet af te lezen hoeveel deelnemers wat vonden. Exporteer de losse antwoorden: één rij per deelnemer, of één rij per antwoord met een kolom voor de deelnemer. Kan het programma dat niet, kies de gewichten dan met de hand."#,
        ),
        (
            "per-antwoord-zonder-deelnemer.csv",
            r#"per-antwoord-zonder-deelnemer.csv: dit bestand heeft één rij per antwoord (kolommen "Question" en "Answer") maar geen kolom die zegt van welke deelnemer elk antwoord is, dus er valt niet per deelnemer te tellen. Exporteer de antwoorden met één rij per deelnemer, of met een kolom voor de deelnemer (ID, e-mail of naam)."#,
        ),
        (
            "werkmap.xlsx",
            r#"werkmap.xlsx: dit is een Excel-werkmap, geen CSV. Open het in Excel en kies Opslaan als → "CSV UTF-8 (door komma's gescheiden)"."#,
        ),
        (
            "schaal-1-4.csv",
            "schaal-1-4.csv: de kop noemt een schaal van 1 tot 4; het spel kent de schalen 1–5, 1–7, 1–10 en 0–10. Vraag de cijfers op een van die schalen, of zet ze om.",
        ),
    ];
    let d = nl();
    for (file, expected) in cases {
        let e = import(file, &fixture(file), &d).unwrap_err();
        assert_eq!(e.to_string(), expected, "{file}");
    }
}

#[test]
fn the_file_itself_is_described() {
    let d = nl();
    let p = import(
        "excel-unicode-tekst.txt",
        &fixture("excel-unicode-tekst.txt"),
        &d,
    )
    .unwrap();
    assert_eq!((p.encoding, p.delimiter), (Encoding::Utf16Le, '\t'));
    assert_eq!(
        p.scale,
        Some(Scale {
            low: 1,
            high: 10,
            stated: true
        })
    );
    let p = import(
        "excel-nl-lijstscheidingsteken.csv",
        &fixture("excel-nl-lijstscheidingsteken.csv"),
        &d,
    )
    .unwrap();
    assert_eq!((p.encoding, p.delimiter), (Encoding::Windows1252, ';'));
    let p = import(
        "msforms-en-csv-utf8.csv",
        &fixture("msforms-en-csv-utf8.csv"),
        &en(),
    )
    .unwrap();
    assert_eq!((p.encoding, p.delimiter), (Encoding::Utf8, ','));
    // UTF-16 big-endian with its BOM, too.
    let text = "Zorgvuldig\tDoelmatig\n5\t3\n";
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let p = import("be.txt", &be, &d).unwrap();
    assert_eq!(p.encoding, Encoding::Utf16Be);
    assert_eq!(
        p.weights(),
        vec![("zorgvuldig".to_string(), 3), ("doelmatig".to_string(), 1)]
    );
}

#[test]
fn now_can_be_counted_instead_of_desired() {
    let p = import_with(
        "nu-en-gewenst.csv",
        &fixture("nu-en-gewenst.csv"),
        &nl(),
        Options {
            moment: Moment::Now,
        },
    )
    .unwrap();
    assert_eq!(p.paired, vec!["klant_centraal", "zorgvuldig"]);
    // now: klant 2,3,2 → 2.33 (not proposed); zorgvuldig 3,4,3 → 3.33; doelmatig 3,4,2 → 3.
    assert_eq!(
        p.weights(),
        vec![("zorgvuldig".to_string(), 1), ("doelmatig".to_string(), 1)]
    );
    assert!(
        p.warnings[1]
            .nl
            .ends_with("geteld is de huidige situatie; kies de gewenste om die te tellen."),
        "{:?}",
        p.warnings
    );
}

#[test]
fn identifying_data_and_open_answers_stay_out_of_the_summary_and_the_json() {
    let d = nl();
    let p = import(
        "google-forms-grid.csv",
        &fixture("google-forms-grid.csv"),
        &d,
    )
    .unwrap();
    assert_eq!(p.identifying, vec!["Tijdstempel", "E-mailadres"]);
    assert_eq!(p.free_text.len(), 1);
    assert_eq!(
        p.free_text[0].answers,
        vec!["Fijn dat we dit doen", "Meer tijd voor overleg, graag"]
    );
    let summary = cultuurbarbarenspel::poll::describe(&p, &d, Lang::Nl);
    let json = cultuurbarbarenspel::commands::poll::json(&p, Lang::Nl).to_string();
    for text in [&summary, &json] {
        for private in ["@voorbeeld.nl", "2026/11/02", "Fijn dat we"] {
            assert!(!text.contains(private), "{private} in {text}");
        }
    }
}

#[test]
fn scales_from_headers_and_answers() {
    let d = nl();
    // 1–7 stated: 7 → 5, 5 → 3.67, 4 → 3.
    let p = import(
        "s.csv",
        b"Zorgvuldig (1-7);Doelmatig (1-7);Eigenaarschap (1-7)\n7;5;4\n".as_slice(),
        &d,
    )
    .unwrap();
    assert_eq!(
        p.weights(),
        vec![
            ("zorgvuldig".to_string(), 3),
            ("doelmatig".to_string(), 2),
            ("eigenaarschap".to_string(), 1)
        ]
    );
    // Stated 1–10 (for all columns), so a 5 is low and an 11 is no answer.
    let p = import(
        "s.csv",
        b"Zorgvuldig (schaal 1 tot 10);Doelmatig\n5;9\n11;10\n".as_slice(),
        &d,
    )
    .unwrap();
    // doelmatig 9, 10 → 4.78; zorgvuldig 5 → 2.78.
    assert_eq!(
        p.weights(),
        vec![("doelmatig".to_string(), 3), ("zorgvuldig".to_string(), 1)]
    );
    assert_eq!(
        dutch(&p.ignored),
        vec![r#"rij 3, Zorgvuldig (schaal 1 tot 10): "11""#]
    );
    let errors: [(&[u8], &str); 2] = [
        (
            b"Zorgvuldig;Doelmatig\n50;80\n100;20\n",
            "s.csv: er zijn antwoorden tot 100; het spel kent de schalen 1–5, 1–7, 1–10 en 0–10. Zet de antwoorden om naar een van die schalen, of noem de schaal in de kop van de kolommen, bijvoorbeeld \"(1-10)\".",
        ),
        (
            b"Zorgvuldig (1-5);Doelmatig (1-10)\n5;9\n",
            "s.csv: de kolommen noemen verschillende schalen (1–5, 1–10); gebruik één schaal voor alle waarden.",
        ),
    ];
    for (bytes, expected) in errors {
        assert_eq!(
            import("s.csv", bytes, &d).unwrap_err().to_string(),
            expected
        );
    }
}

#[test]
fn ratings_per_value_with_accents_case_and_question_text() {
    // Headers name values by name (in any case, with or without accents, inside a question) or by
    // id; the timestamp and name columns are identifying and never counted.
    let csv = "Tijdstempel;Naam;Hoe belangrijk is DE KLANT CENTRAAL?;Zorgvúldig;samenwerking;Open en eerlijk\n\
               2026-11-01 09:00;An;5;4;3;2\n\
               2026-11-01 09:05;Bo;4;4;3;1\n\
               2026-11-01 09:07;Cas;5;5 - heel belangrijk;2;\n";
    let p = import("peiling.csv", csv.as_bytes(), &nl()).unwrap();
    assert_eq!(p.layout, Layout::Ratings);
    assert_eq!(p.delimiter, ';');
    assert_eq!(p.respondents, 3);
    assert!(p.unmatched.is_empty());
    assert_eq!(p.identifying, vec!["Tijdstempel", "Naam"]);
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
fn bad_files_get_clear_messages() {
    let d = nl();
    let cases: [(&str, &[u8], &str); 5] = [
        ("leeg.csv", b"", "leeg.csv: het bestand is leeg."),
        (
            "spaties.csv",
            b"  \n \n",
            "spaties.csv: het bestand is leeg.",
        ),
        (
            "kop.csv",
            b"Zorgvuldig;Doelmatig\n",
            "kop.csv: er staan geen antwoorden in (alleen een kopregel).",
        ),
        (
            "rafelig.csv",
            b"Zorgvuldig;Doelmatig\n4;5\n3;2;1\n",
            "rafelig.csv: rij 3 heeft 3 kolommen, de kopregel 2. Staat er ergens een scheidingsteken (';') te veel?",
        ),
        (
            "utf16-zonder-bom.txt",
            b"Z\0o\0r\0g\0v\0u\0l\0d\0i\0g\0\n\x005\0\n\0",
            "utf16-zonder-bom.txt: dit is geen tekstbestand. Exporteer de antwoorden als CSV (\"CSV UTF-8\" in Excel).",
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(import(name, bytes, &d).unwrap_err().to_string(), expected);
    }
    let e = import("vreemd.csv", b"Naam,Kleur\nAn,rood\nBo,blauw\n", &d)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("vreemd.csv: geen kolom noemt een waarde van dit deck.")
            && e.ends_with("Kolommen in het bestand: Kleur."),
        "{e}"
    );
    // Cells that are not a rating on the stated scale are reported, the rest is used.
    let p = import(
        "x.csv",
        b"Zorgvuldig (1-5);Doelmatig (1-5)\n4;heel erg\n5;9\n4;5\n".as_slice(),
        &d,
    )
    .unwrap();
    assert_eq!(
        dutch(&p.ignored),
        vec![
            r#"rij 2, Doelmatig (1-5): "heel erg""#,
            r#"rij 3, Doelmatig (1-5): "9""#
        ]
    );
    assert_eq!(
        p.weights(),
        vec![("doelmatig".to_string(), 3), ("zorgvuldig".to_string(), 2)]
    );
    assert_eq!(
        dutch(&p.warnings),
        vec![
            r#"2 cellen zijn geen cijfer van 1–5 of antwoord als "belangrijk" en tellen niet mee: rij 2, Doelmatig (1-5): "heel erg"; rij 3, Doelmatig (1-5): "9"."#
        ]
    );
    assert!(
        p.warnings[0]
            .en
            .starts_with("2 cells are no rating from 1–5"),
        "{:?}",
        p.warnings
    );
}

#[test]
fn a_sniffed_separator_survives_commas_in_questions_and_answers() {
    // Semicolons; every header and an unquoted answer contain commas.
    let csv = "Naam;Zorgvuldig, vind je;Doelmatig, vind je;Toelichting\n\
               An;5;4;ja, zeker, altijd\n\
               Bo;4;4;nee\n";
    let p = import("s.csv", csv.as_bytes(), &nl()).unwrap();
    assert_eq!(p.delimiter, ';');
    assert_eq!(
        p.weights(),
        vec![("zorgvuldig".to_string(), 3), ("doelmatig".to_string(), 2)]
    );
}

#[test]
fn typed_paths_are_cleaned() {
    let home = Path::new("/home/an");
    let cases = [
        (
            r#""C:\Users\an\Downloads\peiling.csv""#,
            r"C:\Users\an\Downloads\peiling.csv",
        ),
        ("  '/tmp/peiling export.csv'  ", "/tmp/peiling export.csv"),
        ("~/Downloads/peiling.csv", "/home/an/Downloads/peiling.csv"),
        ("~", "/home/an"),
        ("file:///tmp/p.csv", "/tmp/p.csv"),
        ("peiling.csv", "peiling.csv"),
        ("~an/p.csv", "~an/p.csv"),
    ];
    for (typed, expected) in cases {
        assert_eq!(
            clean_path(typed, Some(home)),
            PathBuf::from(expected),
            "{typed}"
        );
    }
    assert_eq!(clean_path("~/p.csv", None), PathBuf::from("~/p.csv"));
}

#[test]
fn folding_ignores_case_accents_and_punctuation() {
    assert_eq!(fold("  Één  gemeente! "), "een gemeente");
    assert_eq!(fold("klant_centraal"), "klant centraal");
    assert_eq!(fold("Zorgvúldig?"), "zorgvuldig");
}

#[test]
fn the_command_prints_the_proposal_as_text_or_json() {
    use cultuurbarbarenspel::commands::poll::{PollArgs, run};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.csv");
    std::fs::write(
        &file,
        "De klant centraal;Doelmatig;Waarom?\n5;3;Omdat het kan\n5;4;\n",
    )
    .unwrap();
    let mut out = Vec::new();
    run(&file, None, PollArgs::default(), Lang::Nl, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("2 deelnemers"), "{out}");
    assert!(
        out.contains("De klant centraal: gemiddeld 5,0, gewicht 3"),
        "{out}"
    );
    assert!(out.contains("Doelmatig: gemiddeld 3,5, gewicht 2"), "{out}");
    assert!(
        out.contains("Open vraag \"Waarom?\":\n  - Omdat het kan\n"),
        "{out}"
    );

    let mut out = Vec::new();
    let json = PollArgs {
        json: true,
        ..PollArgs::default()
    };
    run(&file, None, json, Lang::Nl, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "respondents": 2,
            "layout": "ratings",
            "weights": {"klant_centraal": 3, "doelmatig": 2},
            "unmatched": [],
            "warnings": [
                "Open vragen, niet geteld (de antwoorden ziet alleen de begeleider): \"Waarom?\"."
            ],
        })
    );
    let e = run(
        &dir.path().join("mist.csv"),
        None,
        PollArgs::default(),
        Lang::Nl,
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(e.contains("mist.csv: kan het bestand niet lezen"), "{e}");

    // --lang en: the command's own words in English.
    let mut out = Vec::new();
    run(&file, None, PollArgs::default(), Lang::En, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Open question \"Waarom?\""), "{out}");
    assert!(!out.contains("Open vraag"), "{out}");
    let e = run(
        &dir.path().join("mist.csv"),
        None,
        PollArgs::default(),
        Lang::En,
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(e.contains("mist.csv: cannot read the file"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bytes give a proposal or an error, never a panic; a proposal's weights are 1–3.
    #[test]
    fn any_bytes_give_a_proposal_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let d = nl();
        if let Ok(p) = import("x.csv", &bytes, &d) {
            prop_assert!(p.weights().iter().all(|(_, w)| (1..=3).contains(w)));
        }
    }

    /// Text shaped like an export (separators, quotes, line breaks, digits, value names) too.
    #[test]
    fn export_like_text_never_panics(
        cells in proptest::collection::vec(
            prop_oneof![
                Just("Zorgvuldig".to_string()),
                Just("De klant centraal (1-10)".to_string()),
                Just("Zeer belangrijk".to_string()),
                Just("Question".to_string()),
                Just("Answer".to_string()),
                Just("Respondent ID".to_string()),
                Just("Average".to_string()),
                Just("\"".to_string()),
                Just("sep=;".to_string()),
                "[0-9]{1,3}",
                "[ ,;\t\n\r\"a-z0-9éç~-]{0,12}",
            ],
            0..40,
        ),
        seps in proptest::collection::vec(prop_oneof![Just(";"), Just(","), Just("\t"), Just("\n"), Just("\r\n")], 40),
    ) {
        let d = nl();
        let mut text = String::new();
        for (c, s) in cells.iter().zip(&seps) {
            text.push_str(c);
            text.push_str(s);
        }
        let _ = import("x.csv", text.as_bytes(), &d);
        let _ = import_with("x.csv", text.as_bytes(), &d, Options { moment: Moment::Now });
    }
}

#[test]
fn the_summary_names_the_file_the_scale_every_value_and_the_warnings() {
    let d = nl();
    let p = import(
        "excel-unicode-tekst.txt",
        &fixture("excel-unicode-tekst.txt"),
        &d,
    )
    .unwrap();
    assert_eq!(
        cultuurbarbarenspel::poll::describe(&p, &d, Lang::Nl),
        "4 deelnemers, een cijfer per waarde (cijfers van 1 tot 10, omgerekend naar 1–5).\n\
         Bestand: UTF-16LE, gescheiden door tab.\n  \
         De klant centraal: gemiddeld 4,6, gewicht 3\n  \
         Zorgvuldig: gemiddeld 3,9, gewicht 2\n  \
         Eigenaarschap: gemiddeld 3,7, gewicht 2\n  \
         Doelmatig: gemiddeld 2,3, niet voorgesteld\n  \
         Gelijk en rechtmatig: geen antwoorden, niet voorgesteld\n  \
         Samen één gemeente: geen antwoorden, niet voorgesteld\n  \
         Open en eerlijk: geen antwoorden, niet voorgesteld\n\
         Let op: Niet geteld en niet bewaard (maken deelnemers herkenbaar): \"Naam\".\n"
    );
}

#[test]
fn choices_split_on_line_breaks_and_slashes_and_sentences_do_not_count() {
    // Line breaks inside a quoted cell (as a spreadsheet writes a multi-line cell), a slash, and
    // an explanation after a value; a sentence that merely mentions a value names none.
    let csv = "Welke waarden tellen voor jou?\n\
               \"De klant centraal\nZorgvuldig (liever goed dan snel)\"\n\
               \"Eigenaarschap / De klant centraal\"\n\
               \"Ik vind zorgvuldig werken belangrijk\"\n\
               \"Doelmatig\"\n";
    let p = import("keuzes.csv", csv.as_bytes(), &nl()).unwrap();
    assert_eq!(p.layout, Layout::TopThree);
    assert_eq!(p.respondents, 4);
    // Of 4: klant 2 (50 %); zorgvuldig, eigenaarschap, doelmatig 1 (25 %).
    assert_eq!(
        p.weights(),
        vec![
            ("klant_centraal".to_string(), 3),
            ("zorgvuldig".to_string(), 2),
            ("eigenaarschap".to_string(), 2),
            ("doelmatig".to_string(), 2),
        ]
    );
    assert_eq!(p.unmatched, vec!["Ik vind zorgvuldig werken belangrijk"]);
}
