//! The `report` command: report.md, scores.csv and session.json.

use cultuurbarbarenspel::commands::report;
use cultuurbarbarenspel::deck::{self, Key};
use cultuurbarbarenspel::lang::Lang;
use cultuurbarbarenspel::session::{Event, Settings, TeamSpec, ValuesMode};
use cultuurbarbarenspel::store::{self, Recorder};
use std::path::{Path, PathBuf};

const MINI: &str = "tests/fixtures/decks/mini.ron";

/// mini.ron with a third scenario, written into `dir`.
fn deck_with_three(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(MINI).unwrap();
    let extra = r#"        Scenario(
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
    let path = dir.join("mini3.ron");
    std::fs::write(&path, format!("{}{extra}\n", &text[..end])).unwrap();
    path
}

/// Three teams (one with a long name containing Markdown), per-team values, two played rounds with
/// a skipped one before them and an adjustment. Returns the journal and the live totals.
fn play(dir: &Path) -> (PathBuf, Vec<i64>) {
    let deck_path = deck_with_three(dir);
    let d = deck::load_deck(&deck_path).unwrap();
    let mut st = Settings::for_deck(&deck_path, &d, store::deck_hash_of(&d));
    st.teams = vec![
        TeamSpec::new("Balie", "#E69F00"),
        TeamSpec::new("De *snelle* | backoffice", "#56B4E9"),
        TeamSpec::new("KCC", "#009E73"),
    ];
    st.rounds = 2;
    st.values_mode = ValuesMode::PerTeam;
    let session = cultuurbarbarenspel::session::Session::new(st, d).unwrap();
    let mut rec = Recorder::create(dir, session).unwrap();
    let events = [
        Event::ValuesAgreed {
            team: Some(0),
            values: vec![("klant".into(), 3)],
        },
        Event::ValuesAgreed {
            team: Some(1),
            values: vec![("regels".into(), 2), ("team".into(), 1)],
        },
        Event::ValuesAgreed {
            team: Some(2),
            values: vec![("klant".into(), 1), ("team".into(), 2)],
        },
        Event::RoundStarted {
            scenario: "pauze".into(),
        },
        Event::RoundSkipped {
            reason: "Geen tijd".into(),
        },
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        // balie: A {klant 2, regels −1}, B {klant −1, regels 2}, C {team 2, klant 1, regels −2}
        Event::chose(0, Key::A), // 3·2 = 6
        Event::chose(1, Key::B), // 2·2 = 4 (team 0)
        Event::chose(2, Key::C), // 1·1 + 2·2 = 5
        Event::Revealed,
        Event::ScoreAdjusted {
            team: 1,
            points: 2,
            reason: "Mooi gesprek".into(),
        },
        Event::RoundStarted {
            scenario: "telefoon".into(),
        },
        // telefoon: A {klant 1, team −1}, B {team 1, klant −2}
        Event::chose(0, Key::B), // 3·(−2) = −6
        Event::chose(1, Key::A), // 1·(−1) = −1
        Event::chose(2, Key::A), // 1·1 + 2·(−1) = −1
        Event::Revealed,
        Event::SessionFinished,
    ];
    for ev in events {
        rec.apply(ev).unwrap();
    }
    // Totals: Balie 6 − 6 = 0; backoffice 4 + 2 − 1 = 5; KCC 5 − 1 = 4.
    let totals = rec.session().totals();
    assert_eq!(totals, vec![0, 5, 4]);
    (rec.path().to_path_buf(), totals)
}

fn run(journal: &Path, deck: Option<&Path>, out: &Path) -> Result<String, String> {
    let mut printed = Vec::new();
    report::run(journal, deck, out, Lang::Nl, &mut printed)?;
    Ok(String::from_utf8(printed).unwrap())
}

#[test]
fn writes_the_three_files_with_the_session_in_them() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, totals) = play(dir.path());
    let out = dir.path().join("verslag");
    let printed = run(&journal, None, &out).unwrap();
    for name in ["report.md", "scores.csv", "session.json", "report.html"] {
        assert!(printed.contains(name), "{printed}");
        assert!(out.join(name).is_file());
    }

    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.starts_with("# Verslag: Mini\n"), "{md}");
    assert!(md.contains("## Overgeslagen — De pauze: Geen tijd"));
    assert!(md.contains("## Ronde 1: De balie"));
    assert!(md.contains("## Ronde 2: De telefoon"));
    // Markdown in a team name is escaped, not interpreted.
    assert!(md.contains(r"De \*snelle\* \| backoffice"));
    assert!(md.contains("**Balie** kiest **A**: Toch helpen"));
    assert!(md.contains("+6 punten (beste mogelijk: +6)"));
    assert!(
        md.contains("barbaarse zet: De klant centraal"),
        "Balie in round 2"
    );
    assert!(md.contains("Aanpassing door de begeleider"));
    assert!(md.contains("(Mooi gesprek)"));
    // Ranking: backoffice 5, KCC 4, Balie 0.
    let ranking = md.split("## Eindstand").nth(1).unwrap();
    let lines: Vec<&str> = ranking
        .lines()
        .filter(|l| l.contains(" — "))
        .take(3)
        .collect();
    assert!(lines[0].starts_with("1. **De \\*snelle"), "{lines:?}");
    assert!(lines[1].starts_with("2. **KCC** — 4"), "{lines:?}");
    assert!(lines[2].starts_with("3. **Balie** — 0"), "{lines:?}");
    // The group adopted no agreements in this session: the report says so, and never presents the
    // game's behaviours as the group's manners.
    let manners = md.split("## Zo zijn onze manieren").nth(1).unwrap();
    assert!(
        manners
            .trim_start()
            .starts_with("*De groep heeft in deze sessie nog geen afspraken aangenomen.*"),
        "{manners}"
    );

    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains(r#"<html lang="nl">"#));
    // Self-contained: no scripts, no links or sources outside the file (the SVG namespace is a name).
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    assert_eq!(
        html.matches("http").count(),
        html.matches("http://www.w3.org/2000/svg").count()
    );
    assert_eq!(
        html.matches("<svg").count(),
        3,
        "one value profile per team"
    );
    assert!(html.contains("De *snelle* | backoffice"));
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("Mooi gesprek") && html.contains("barbaarse zet"));
    let summary = &html[html.find("Samenvatting").unwrap()..html.find("Ronde 1").unwrap()];
    let order: Vec<usize> = ["backoffice", "KCC", "Balie"]
        .iter()
        .map(|t| summary.find(t).unwrap())
        .collect();
    assert!(
        order[0] < order[1] && order[1] < order[2],
        "ranked in the summary"
    );

    // scores.csv: a byte order mark, `;` (a Dutch session), readable headers, adjustments.
    let bytes = std::fs::read(out.join("scores.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a UTF-8 byte order mark"
    );
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "Ronde",
            "Scenario",
            "Team",
            "Gedrag",
            "Rondescore",
            "Aanpassing",
            "Reden aanpassing",
            "Stand",
            "De klant centraal",
            "Rechtmatig",
            "Samenwerking",
        ]
    );
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6, "one row per team per played round");
    for (t, total) in totals.iter().enumerate() {
        let mine: Vec<&csv::StringRecord> = rows.iter().skip(t).step_by(3).collect();
        let mut running = 0i64;
        for r in &mine {
            let score: i64 = r[4].parse().unwrap();
            // The value columns add up to the round score.
            let parts: i64 = (8..11).map(|i| r[i].parse::<i64>().unwrap()).sum();
            assert_eq!(parts, score, "{r:?}");
            // Round scores plus adjustments give the running total.
            running += score + r[5].parse::<i64>().unwrap();
            assert_eq!(r[7].parse::<i64>().unwrap(), running, "{r:?}");
        }
        assert_eq!(running, *total, "the last running total is the final total");
    }
    // The whole file, worked out by hand from the comments in `play`.
    assert_eq!(
        std::str::from_utf8(&bytes).unwrap(),
        "\u{feff}Ronde;Scenario;Team;Gedrag;Rondescore;Aanpassing;Reden aanpassing;Stand;De klant centraal;Rechtmatig;Samenwerking\n\
         1;De balie;Balie;A;6;0;;6;6;0;0\n\
         1;De balie;De *snelle* | backoffice;B;4;2;Mooi gesprek;6;0;4;0\n\
         1;De balie;KCC;C;5;0;;5;1;0;4\n\
         2;De telefoon;Balie;B;-6;0;;0;-6;0;0\n\
         2;De telefoon;De *snelle* | backoffice;A;-1;0;;5;0;0;-1\n\
         2;De telefoon;KCC;A;-1;0;;4;1;0;-2\n"
    );

    let (sheets, sheet) = open_xlsx(&out.join("scores.xlsx"));
    assert_eq!(
        sheets,
        ["Per ronde", "Eindstand", "Waardenprofielen", "Aanpassingen"]
    );
    check_xlsx_sums(&sheet, &totals);
    let ranking = &sheet["Eindstand"];
    assert_eq!(ranking[1][1], cell("De *snelle* | backoffice"));
    assert_eq!(ranking[1][0], Cell::Number(1.0));
    let profiles = &sheet["Waardenprofielen"];
    assert_eq!(
        profiles[0],
        ["Team", "Waarde", "Gewicht", "Effect", "Punten"].map(cell)
    );
    // Only agreed values: Balie 1, backoffice 2, KCC 2. Balie: klant +2 (balie A), −2 (telefoon B).
    assert_eq!(profiles.len(), 1 + 5);
    assert_eq!(
        profiles[1],
        [
            cell("Balie"),
            cell("De klant centraal"),
            Cell::Number(3.0),
            Cell::Number(0.0),
            Cell::Number(0.0)
        ]
    );

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("session.json")).unwrap()).unwrap();
    let json_totals: Vec<i64> = json["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["total"].as_i64().unwrap())
        .collect();
    assert_eq!(json_totals, totals);
    assert_eq!(json["events"].as_array().unwrap().len(), 17);
    assert_eq!(json["ranking"][0]["team"], 1);
    assert_eq!(json["settings"]["deck_id"], "mini");
    assert_eq!(
        json["version"],
        cultuurbarbarenspel::report::json::SESSION_JSON_VERSION
    );
    assert_eq!(json["journal_format"], store::FORMAT);
    assert_eq!(
        json["teams"][1]["values"],
        serde_json::json!([{"value": "regels", "weight": 2}, {"value": "team", "weight": 1}])
    );
    assert_eq!(json["teams"][1]["adjusted"], 2);
    assert_eq!(
        json["state"]["value_sets"][2],
        serde_json::json!({"team": 2, "agreed": true, "values": [{"value": "klant", "weight": 1}, {"value": "team", "weight": 2}]})
    );
    assert_eq!(
        json["deck"]["values"][0],
        serde_json::json!({"id": "klant", "name": "De klant centraal"})
    );
}

/// A cell of scores.xlsx as read back: text, a number, or empty.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

fn cell(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// The sheet names of a workbook and each sheet's cells, row by row.
fn open_xlsx(
    path: &Path,
) -> (
    Vec<String>,
    std::collections::HashMap<String, Vec<Vec<Cell>>>,
) {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names();
    let mut sheets = std::collections::HashMap::new();
    for name in &names {
        let range = book.worksheet_range(name).unwrap();
        let rows = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::String(s) => Cell::Text(s.clone()),
                        Data::Float(f) => Cell::Number(*f),
                        Data::Int(i) => Cell::Number(*i as f64),
                        Data::Empty => Cell::Empty,
                        other => panic!("unexpected cell {other:?} in {name}"),
                    })
                    .collect()
            })
            .collect();
        sheets.insert(name.clone(), rows);
    }
    (names, sheets)
}

fn number(c: &Cell) -> i64 {
    match c {
        Cell::Number(f) => *f as i64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The first sheet's round scores plus the adjustments sheet's points equal each team's total in
/// the second sheet and `totals`; the first sheet's adjustments add up to the same.
fn check_xlsx_sums(sheets: &std::collections::HashMap<String, Vec<Vec<Cell>>>, totals: &[i64]) {
    let names: Vec<&String> = sheets.keys().collect();
    let find = |dutch: &str, english: &str| {
        sheets
            .get(dutch)
            .or_else(|| sheets.get(english))
            .unwrap_or_else(|| panic!("no sheet {dutch} or {english} in {names:?}"))
    };
    let rounds = find("Per ronde", "Per round");
    let ranking = find("Eindstand", "Ranking");
    let adjustments = find("Aanpassingen", "Adjustments");
    let column = |sheet: &Vec<Vec<Cell>>, dutch: &str, english: &str| {
        sheet[0]
            .iter()
            .position(|h| *h == cell(dutch) || *h == cell(english))
            .unwrap_or_else(|| panic!("no column {dutch} in {:?}", sheet[0]))
    };
    let (team, score, adjusted) = (
        column(rounds, "Team", "Team"),
        column(rounds, "Rondescore", "Round score"),
        column(rounds, "Aanpassing", "Adjustment"),
    );
    let (r_team, r_total) = (
        column(ranking, "Team", "Team"),
        column(ranking, "Totaal", "Total"),
    );
    let (a_team, a_points) = (
        column(adjustments, "Team", "Team"),
        column(adjustments, "Punten", "Points"),
    );
    assert_eq!(ranking.len(), 1 + totals.len());
    for row in &ranking[1..] {
        let name = &row[r_team];
        let rounds_sum: i64 = rounds[1..]
            .iter()
            .filter(|r| r[team] == *name)
            .map(|r| number(&r[score]))
            .sum();
        let adjusted_in_rounds: i64 = rounds[1..]
            .iter()
            .filter(|r| r[team] == *name)
            .map(|r| number(&r[adjusted]))
            .sum();
        let adjustments_sum: i64 = adjustments[1..]
            .iter()
            .filter(|r| r[a_team] == *name)
            .map(|r| number(&r[a_points]))
            .sum();
        let total = number(&row[r_total]);
        assert_eq!(rounds_sum + adjustments_sum, total, "{name:?}");
        if !rounds[1..].is_empty() {
            assert_eq!(adjusted_in_rounds, adjustments_sum, "{name:?}");
        }
        assert!(totals.contains(&total));
    }
    let mut read: Vec<i64> = ranking[1..].iter().map(|r| number(&r[r_total])).collect();
    let mut expected = totals.to_vec();
    read.sort_unstable();
    expected.sort_unstable();
    assert_eq!(read, expected);
}

#[test]
fn a_moved_deck_and_a_damaged_journal_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = play(dir.path());
    // Point the journal at a deck that is not there.
    let text = std::fs::read_to_string(&journal).unwrap();
    let moved = dir.path().join("verhuisd.jsonl");
    let recorded = dir.path().join("mini3.ron").display().to_string();
    assert!(text.contains(&recorded));
    // The journal keeps the deck as played: a deck file that moved away does not matter.
    let header = text.lines().next().unwrap();
    let json = format!("{}}}", &header[..header.len() - 18]).replace(&recorded, "decks/weg.ron");
    let resealed = text.replacen(header, store::sealed_line(&json).trim_end(), 1);
    std::fs::write(&moved, &resealed).unwrap();
    run(&moved, None, &dir.path().join("c")).unwrap();
    // A journal of format 1 has no deck of its own: a deck that moved is a clear error.
    let v1: String = resealed
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("crc");
            if o.remove("deck").is_some() {
                o.insert("format".into(), 1.into());
            }
            format!("{v}\n")
        })
        .collect();
    std::fs::write(&moved, v1).unwrap();
    let err = run(&moved, None, &dir.path().join("a")).unwrap_err();
    assert!(
        err.contains("decks/weg.ron") && err.contains("--deck"),
        "{err}"
    );
    // In an English run, in English.
    let err = report::run(
        &moved,
        None,
        &dir.path().join("a"),
        Lang::En,
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(
        err.contains("was not found") && err.contains("--deck PATH"),
        "{err}"
    );
    // --deck points to it.
    run(
        &moved,
        Some(&dir.path().join("mini3.ron")),
        &dir.path().join("a"),
    )
    .unwrap();

    let mut lines: Vec<&str> = text.lines().collect();
    lines[4] = "{kapot";
    let damaged = dir.path().join("kapot.jsonl");
    std::fs::write(&damaged, lines.join("\n") + "\n").unwrap();
    let err = run(&damaged, None, &dir.path().join("b")).unwrap_err();
    assert!(err.contains("kapot.jsonl:5:"), "{err}");
    assert!(
        !dir.path().join("b").exists(),
        "nothing written for a damaged journal"
    );
}

#[test]
fn an_english_session_gets_english_headings_and_long_texts_stay_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = deck::load_deck(Path::new("levels/klantcontact.en.ron")).unwrap();
    let mut st = Settings::for_deck(
        Path::new("levels/klantcontact.en.ron"),
        &d,
        store::deck_hash_of(&d),
    );
    st.teams = TeamSpec::numbered(2);
    st.rounds = 1;
    let long_reason = "lang ".repeat(96);
    let session = cultuurbarbarenspel::session::Session::new(st, d).unwrap();
    let mut rec = Recorder::create(dir.path(), session).unwrap();
    rec.apply(Event::ValuesAgreed {
        team: None,
        values: vec![("klant_centraal".into(), 2)],
    })
    .unwrap();
    let first = rec.session().next_round_event().unwrap();
    rec.apply(first).unwrap();
    rec.apply(Event::chose(0, Key::A)).unwrap();
    rec.apply(Event::chose(1, Key::B)).unwrap();
    rec.apply(Event::Revealed).unwrap();
    rec.apply(Event::ScoreAdjusted {
        team: 0,
        points: 1,
        reason: long_reason.clone(),
    })
    .unwrap();
    let out = dir.path().join("r");
    run(rec.path(), None, &out).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.starts_with("# Report: "));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(r#"<html lang="en">"#) && html.contains("<h2>Summary</h2>"));
    assert!(md.contains("## Round 1: "));
    assert!(md.contains("## Final ranking"));
    assert!(md.contains("*The session has not been closed yet.*"));
    assert!(
        md.contains(long_reason.trim()),
        "the long reason is kept whole"
    );
    // An English session's scores: `,` as separator, English headers and sheets.
    let csv = std::fs::read_to_string(out.join("scores.csv")).unwrap();
    assert!(
        csv.starts_with(
            "\u{feff}Round,Scenario,Team,Behaviour,Round score,Adjustment,Reason for adjustment,Running total,"
        ),
        "{csv}"
    );
    let (sheets, cells) = open_xlsx(&out.join("scores.xlsx"));
    assert_eq!(
        sheets,
        ["Per round", "Ranking", "Value profiles", "Adjustments"]
    );
    check_xlsx_sums(&cells, &rec.session().totals());
}

/// Names a spreadsheet would split or evaluate stay one cell, shown as written.
#[test]
fn scores_keep_odd_names_in_one_cell_and_never_as_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let d = deck::load_deck(Path::new(MINI)).unwrap();
    let mut st = Settings::for_deck(Path::new(MINI), &d, store::deck_hash_of(&d));
    st.teams = vec![
        TeamSpec::new("Ééntje; twee", "#E69F00"),
        TeamSpec::new("=SOM(1;2)", "#56B4E9"),
    ];
    st.rounds = 1;
    let session = cultuurbarbarenspel::session::Session::new(st, d).unwrap();
    let mut rec = Recorder::create(dir.path(), session).unwrap();
    for ev in [
        Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 2)],
        },
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        Event::chose(0, Key::A),
        Event::chose(1, Key::B),
        Event::Revealed,
        Event::ScoreAdjusted {
            team: 1,
            points: -1,
            reason: "+1 vergeten; gecorrigeerd".into(),
        },
    ] {
        rec.apply(ev).unwrap();
    }
    let out = dir.path().join("r");
    run(rec.path(), None, &out).unwrap();
    let bytes = std::fs::read(out.join("scores.csv")).unwrap();
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let rows: Vec<Vec<String>> = csv
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["1", "De balie", "Ééntje; twee", "A", "4", "0", "", "4", "4"],
            [
                "1",
                "De balie",
                "'=SOM(1;2)",
                "B",
                "-2",
                "-1",
                "'+1 vergeten; gecorrigeerd",
                "-3",
                "-2"
            ],
        ]
    );
    // In the workbook the cells are text as written (a string cell is never a formula).
    let (_, sheets) = open_xlsx(&out.join("scores.xlsx"));
    assert_eq!(sheets["Per ronde"][2][2], cell("=SOM(1;2)"));
    check_xlsx_sums(&sheets, &rec.session().totals());
}

#[test]
fn a_later_session_reports_the_trajectory() {
    let dir = tempfile::tempdir().unwrap();
    let deck_path = deck_with_three(dir.path());
    let d = deck::load_deck(&deck_path).unwrap();
    let session = |continues: Option<String>, played: Vec<String>| {
        let mut st = Settings::for_deck(&deck_path, &d, store::deck_hash_of(&d));
        st.teams = vec![
            TeamSpec::new("Balie", "#E69F00"),
            TeamSpec::new("KCC", "#56B4E9"),
        ];
        st.rounds = 1;
        st.continues = continues;
        st.played_before = played;
        cultuurbarbarenspel::session::Session::new(st, d.clone()).unwrap()
    };
    let play = |rec: &mut Recorder, scenario: &str, values: Vec<(String, u8)>| {
        rec.apply(Event::ValuesAgreed { team: None, values })
            .unwrap();
        rec.apply(Event::RoundStarted {
            scenario: scenario.into(),
        })
        .unwrap();
        rec.apply(Event::chose(0, Key::A)).unwrap();
        rec.apply(Event::chose(1, Key::B)).unwrap();
        rec.apply(Event::Revealed).unwrap();
        rec.apply(Event::SessionFinished).unwrap();
    };
    let sessions = dir.path().join("sessies");
    let mut first = Recorder::create(&sessions, session(None, vec![])).unwrap();
    // balie: A {klant 2, regels −1} → klant×3: 6; B {klant −1, regels 2} → −3.
    play(&mut first, "balie", vec![("klant".into(), 3)]);
    let first_path = first.path().to_path_buf();
    let mut second = Recorder::create(
        &sessions,
        session(Some(first_path.display().to_string()), vec!["balie".into()]),
    )
    .unwrap();
    // telefoon: A {klant 1, team −1} → klant×1 + team×2: −1; B {team 1, klant −2} → 0.
    play(
        &mut second,
        "telefoon",
        vec![("klant".into(), 1), ("team".into(), 2)],
    );
    let out = dir.path().join("r");
    run(second.path(), None, &out).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let part = md
        .split("## Het traject tot nu toe")
        .nth(1)
        .expect("a trajectory section");
    let part = part.split("## Eindstand").next().unwrap();
    assert!(part.contains("**Sessie 1"), "{part}");
    assert!(part.contains("**Sessie 2"), "{part}");
    assert!(
        part.contains("  - Balie: 6 punten (De klant centraal ×3)"),
        "{part}"
    );
    assert!(part.contains("  - KCC: −3 punten"), "{part}");
    assert!(
        part.contains("  - Balie: −1 punt (De klant centraal ×1, Samenwerking ×2)"),
        "{part}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<h2>Het traject tot nu toe</h2>"));
    // The game opens an earlier journal the same way: the session, its deck file, its trajectory.
    let opened = cultuurbarbarenspel::report::open(second.path(), None).unwrap();
    assert_eq!(opened.stages.len(), 2);
    let found = opened.deck_file.as_ref().map(|(p, _)| p.clone());
    assert_eq!(found, Some(deck_path.clone()));
    // A deck recorded relative to the project is found beside the sessions folder.
    let beside =
        cultuurbarbarenspel::report::open::find_deck(&sessions.join("x.jsonl"), "mini3.ron");
    assert_eq!(beside.ok(), Some(dir.path().join("mini3.ron")));

    // A first session has no trajectory section.
    run(&first_path, None, &dir.path().join("r1")).unwrap();
    let md = std::fs::read_to_string(dir.path().join("r1/report.md")).unwrap();
    assert!(!md.contains("traject"));
}

/// Two teams, shared values; points given before the first round, during a round that is then
/// skipped, and during a last round that is never revealed (one team already chose in it).
/// Returns the journal.
fn adjust_then_skip(dir: &Path) -> PathBuf {
    let deck_path = deck_with_three(dir);
    let d = deck::load_deck(&deck_path).unwrap();
    let mut st = Settings::for_deck(&deck_path, &d, store::deck_hash_of(&d));
    st.teams = vec![
        TeamSpec::new("Balie", "#E69F00"),
        TeamSpec::new("KCC", "#56B4E9"),
    ];
    st.rounds = 3;
    let session = cultuurbarbarenspel::session::Session::new(st, d).unwrap();
    let mut rec = Recorder::create(dir, session).unwrap();
    let adjust = |team: usize, points: i64, reason: &str| Event::ScoreAdjusted {
        team,
        points,
        reason: reason.into(),
    };
    let events = [
        Event::ValuesAgreed {
            team: None,
            values: vec![("klant".into(), 3), ("regels".into(), 1)],
        },
        adjust(1, 1, "Op tijd begonnen"),
        Event::RoundStarted {
            scenario: "balie".into(),
        },
        // balie: A {klant 2, regels −1} → 3·2 − 1 = 5; C {team 2, klant 1, regels −2} → 3 − 2 = 1
        Event::chose(0, Key::A),
        Event::chose(1, Key::C),
        Event::Revealed,
        Event::RoundStarted {
            scenario: "telefoon".into(),
        },
        adjust(0, 2, "Goed voorbeeld"),
        Event::RoundSkipped {
            reason: "Geen tijd".into(),
        },
        Event::RoundStarted {
            scenario: "pauze".into(),
        },
        Event::chose(0, Key::B),
        adjust(1, -3, "Telefoon tijdens de uitleg"),
    ];
    for ev in events {
        rec.apply(ev).unwrap();
    }
    // Balie 5 + 2 = 7; KCC 1 + 1 − 3 = −1.
    assert_eq!(rec.session().totals(), vec![7, -1]);
    rec.path().to_path_buf()
}

#[test]
fn points_given_in_a_skipped_or_unrevealed_round_are_listed_and_counted_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let journal = adjust_then_skip(dir.path());
    let out = dir.path().join("r");
    run(&journal, None, &out).unwrap();

    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    let rounds = md.split("\n## Zo zijn onze manieren").next().unwrap();
    let rounds = &rounds[rounds.find("\n## Voor de eerste ronde").expect(&md)..];
    assert_eq!(
        rounds,
        "\n## Voor de eerste ronde\n\n\
         - Aanpassing door de begeleider — KCC: +1 punt (Op tijd begonnen)\n\
         \n## Ronde 1: De balie\n\n*laag: Waarden* · `balie`\n\n\
         Stadhuis, publieksbalie\n\n\
         - **Balie** kiest **A**: Toch helpen\n  \
         - +5 punten (beste mogelijk: +5) · De klant centraal +6, Rechtmatig −1\n  \
         - *De burger is blij.*\n\
         - **KCC** kiest **C**: Een collega vragen\n  \
         - +1 punt (beste mogelijk: +5) · De klant centraal +3, Rechtmatig −2 · ⚠ barbaarse zet: Rechtmatig\n  \
         - *Samen lukt het.*\n\
         \n**Om over te praten**\n\n- Wat doen wij naar de klant toe?\n\
         \n## Overgeslagen — De telefoon: Geen tijd\n\n\
         - Aanpassing door de begeleider — Balie: +2 punten (Goed voorbeeld)\n\
         \n## Ronde 2: De pauze — nog niet onthuld\n\n\
         - Aanpassing door de begeleider — KCC: −3 punten (Telefoon tijdens de uitleg)\n"
    );
    let ranking = md.split("## Eindstand\n\n").nth(1).unwrap();
    assert!(
        ranking.starts_with(
            "*De sessie is nog niet afgesloten.*\n\n1. **Balie** — 7 punten\n2. **KCC** — −1 punt\n"
        ),
        "{ranking}"
    );

    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let adjust_lines: Vec<&str> = html
        .lines()
        .filter(|l| l.starts_with(r#"<p class="adjust">"#))
        .collect();
    assert_eq!(
        adjust_lines,
        [
            r#"<p class="adjust">Aanpassing door de begeleider — KCC: +1 punt (Op tijd begonnen)</p>"#,
            r#"<p class="adjust">Aanpassing door de begeleider — Balie: +2 punten (Goed voorbeeld)</p>"#,
            r#"<p class="adjust">Aanpassing door de begeleider — KCC: −3 punten (Telefoon tijdens de uitleg)</p>"#,
        ]
    );
    let headings: Vec<&str> = html
        .lines()
        .filter(|l| l.starts_with("<h2>"))
        .map(|l| &l[..l.find("</h2>").unwrap() + 5])
        .collect();
    assert_eq!(
        headings,
        [
            "<h2>Samenvatting</h2>",
            "<h2>Voor de eerste ronde</h2>",
            "<h2>Ronde 1: De balie</h2>",
            "<h2>Overgeslagen — De telefoon</h2>",
            "<h2>Ronde 2: De pauze — nog niet onthuld</h2>",
            "<h2>Waardenprofiel</h2>",
        ]
    );
    assert_eq!(html.matches(r#"<section class="round">"#).count(), 1);
    assert!(
        !html.contains("Alleen"),
        "the unrevealed choice is not shown"
    );
    assert!(html.contains(r#"</span>Balie</td><td class="num">7</td>"#));
    assert!(html.contains(r#"</span>KCC</td><td class="num">−1</td>"#));

    // Points given before the first round, in the skipped round and in the unrevealed one count
    // in the one revealed round, each with its reason (a `;` in a cell is quoted); nobody agreed
    // on Samenwerking, so it has no column.
    let csv = std::fs::read_to_string(out.join("scores.csv")).unwrap();
    assert_eq!(
        csv,
        "\u{feff}Ronde;Scenario;Team;Gedrag;Rondescore;Aanpassing;Reden aanpassing;Stand;De klant centraal;Rechtmatig\n\
         1;De balie;Balie;A;5;2;Goed voorbeeld;7;6;-1\n\
         1;De balie;KCC;C;1;-2;\"Op tijd begonnen (+1); Telefoon tijdens de uitleg (-3)\";-1;3;-2\n"
    );
    let (_, sheets) = open_xlsx(&out.join("scores.xlsx"));
    check_xlsx_sums(&sheets, &[7, -1]);
    assert_eq!(
        sheets["Aanpassingen"],
        [
            ["Team", "Wanneer", "Scenario", "Punten", "Reden aanpassing"].map(cell),
            [
                cell("KCC"),
                cell("voor de eerste ronde"),
                Cell::Empty,
                Cell::Number(1.0),
                cell("Op tijd begonnen")
            ],
            [
                cell("Balie"),
                cell("overgeslagen"),
                cell("De telefoon"),
                Cell::Number(2.0),
                cell("Goed voorbeeld")
            ],
            [
                cell("KCC"),
                cell("Ronde 2 (nog niet onthuld)"),
                cell("De pauze"),
                Cell::Number(-3.0),
                cell("Telefoon tijdens de uitleg")
            ],
        ]
    );

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("session.json")).unwrap()).unwrap();
    let totals: Vec<i64> = json["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["total"].as_i64().unwrap())
        .collect();
    assert_eq!(totals, [7, -1]);
    assert_eq!(
        json["state"]["adjustments"],
        serde_json::json!([
            {"team": 1, "points": 1, "reason": "Op tijd begonnen", "round": null},
            {"team": 0, "points": 2, "reason": "Goed voorbeeld", "round": 1},
            {"team": 1, "points": -3, "reason": "Telefoon tijdens de uitleg", "round": 2},
        ])
    );
    assert_eq!(json["rounds"].as_array().unwrap().len(), 1);
    assert_eq!(json["ranking"][0]["team"], 0);
    assert_eq!(json["ranking"][1]["total"], -1);
}
