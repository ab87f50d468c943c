//! The `simulate` command: deterministic, scripted choices, clear errors.

use cultuurbarbarenspel::commands::simulate::{self, SimulateArgs, parse_script};
use cultuurbarbarenspel::deck::Key;
use cultuurbarbarenspel::lang::Lang;
use cultuurbarbarenspel::store;
use std::path::{Path, PathBuf};

const DECK: &str = "levels/klantcontact.nl.ron";

fn args(dir: &Path, seed: u64) -> SimulateArgs {
    SimulateArgs {
        deck: Some(PathBuf::from(DECK)),
        teams: 4,
        rounds: 6,
        seed,
        sessions: Some(dir.to_path_buf()),
        choices: None,
        agreements: 0,
        plan: Vec::new(),
    }
}

fn run(a: &SimulateArgs) -> Result<String, String> {
    let mut out = Vec::new();
    simulate::run(a, Lang::Nl, &mut out)?;
    Ok(String::from_utf8(out).expect("utf-8 output"))
}

#[test]
fn same_arguments_give_the_same_output_and_journal_byte_for_byte() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let first = run(&args(one.path(), 42)).unwrap();
    let journal = std::fs::read(one.path().join("simulatie_klantcontact_t4_r6_s42.jsonl")).unwrap();

    // Again in the same folder: the output and the file are the same.
    assert_eq!(run(&args(one.path(), 42)).unwrap(), first);
    let again = std::fs::read(one.path().join("simulatie_klantcontact_t4_r6_s42.jsonl")).unwrap();
    assert_eq!(again, journal);

    // In another folder only the printed path differs.
    let other = run(&args(two.path(), 42)).unwrap();
    let strip = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(strip(&other), strip(&first));
    assert_eq!(
        std::fs::read(two.path().join("simulatie_klantcontact_t4_r6_s42.jsonl")).unwrap(),
        journal
    );
    // Only the journal is left behind (no temporary files).
    assert_eq!(std::fs::read_dir(one.path()).unwrap().count(), 1);

    // Another seed plays another session.
    let different = run(&args(one.path(), 43)).unwrap();
    assert_ne!(strip(&different), strip(&first));
}

/// One `simulate` journal pinned by its SHA-256, on the test deck (the decks in levels/ change with
/// their content): the same arguments give the same bytes in every build. See docs/sessions.md
/// ("Pinned values") for what may legitimately change it.
#[test]
fn a_simulated_journal_is_pinned_by_its_sha256_and_its_output_in_full() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    let a = SimulateArgs {
        deck: Some(PathBuf::from("tests/fixtures/decks/mini.ron")),
        teams: 3,
        rounds: 2,
        seed: 7,
        sessions: Some(dir.path().to_path_buf()),
        choices: None,
        agreements: 0,
        plan: Vec::new(),
    };
    let out = run(&a).unwrap();
    let bytes = std::fs::read(dir.path().join("simulatie_mini_t3_r2_s7.jsonl")).unwrap();
    let hex: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hex,
        "b9e2683264098c575a2c47dd4c3d71974ad51d127da95af489c3e7c65b3e9fbf",
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    // What it prints after the journal's path, worked out by hand: values regels 1, klant 1, team 3;
    // balie B = −1 + 2, A = 2 − 1, best C = 3·2 + 1 − 2; telefoon A = 1 − 3, best B = 3 − 2.
    // No barbarian move: the two heaviest values are team and regels; B raises regels, A lowers it
    // by only 1, telefoon A lowers team by only 1.
    let printed: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(
        printed,
        [
            "Deck: Mini (mini), 3 teams, 2 rondes, seed 7",
            "Waarden: Rechtmatig ×1, De klant centraal ×1, Samenwerking ×3",
            "",
            "Ronde 1: De balie",
            "  Team 1       B    +1  (beste +5)",
            "  Team 2       A    +1  (beste +5)",
            "  Team 3       A    +1  (beste +5)",
            "Ronde 2: De telefoon",
            "  Team 1       A    -2  (beste +1)",
            "  Team 2       A    -2  (beste +1)",
            "  Team 3       A    -2  (beste +1)",
            "",
            "Eindstand",
            "   1. Team 1          -1",
            "   1. Team 2          -1",
            "   1. Team 3          -1",
        ]
    );
}

#[test]
fn the_printed_scoreboard_matches_the_journal_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&args(dir.path(), 5)).unwrap();
    let path = dir.path().join("simulatie_klantcontact_t4_r6_s5.jsonl");
    assert!(out.starts_with(&format!("Journaal: {}\n", path.display())));
    let loaded = store::read(&path).unwrap();
    assert!(loaded.warnings.is_empty());
    let deck = cultuurbarbarenspel::deck::load_deck(Path::new(DECK)).unwrap();
    let (session, _) = loaded.replay(deck).unwrap();
    assert!(session.state().finished);
    assert_eq!(session.results().len(), 6);
    for r in session.ranking() {
        let line = format!("{}. Team {}", r.rank, r.team + 1);
        let row = out
            .lines()
            .find(|l| l.contains(&line))
            .unwrap_or_else(|| panic!("no line {line:?} in\n{out}"));
        assert!(row.trim_end().ends_with(&format!("{:+}", r.total)), "{row}");
    }
}

#[test]
fn scripted_choices_are_played_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("keuzes.txt");
    std::fs::write(
        &script,
        "# twee rondes\nwaarden: klant_centraal=3 zorgvuldig=1\nA B\nb a # kleine letters mogen\n",
    )
    .unwrap();
    let mut a = args(dir.path(), 9);
    a.teams = 2;
    a.rounds = 2;
    a.choices = Some(script.clone());
    run(&a).unwrap();
    let loaded = store::read(
        &dir.path()
            .join("simulatie_klantcontact_t2_r2_s9_keuzes.jsonl"),
    )
    .unwrap();
    let deck = cultuurbarbarenspel::deck::load_deck(Path::new(DECK)).unwrap();
    let (session, _) = loaded.replay(deck).unwrap();
    assert_eq!(
        session.team_values(0),
        &[
            ("klant_centraal".to_string(), 3),
            ("zorgvuldig".to_string(), 1)
        ]
    );
    let keys: Vec<Vec<Key>> = session
        .results()
        .iter()
        .map(|r| r.teams.iter().map(|t| t.key).collect())
        .collect();
    assert_eq!(keys, vec![vec![Key::A, Key::B], vec![Key::B, Key::A]]);
}

#[test]
fn bad_scripts_and_arguments_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = parse_script("k.txt", "A B\nA Q\n").unwrap_err();
    assert!(err.en.starts_with("k.txt:2:") && err.en.contains("not a behaviour"));
    let err = err.nl;
    assert!(
        err.starts_with("k.txt:2:") && err.contains("\"Q\""),
        "{err}"
    );
    let err = parse_script("k.txt", "waarden: zorgvuldig=5\n")
        .unwrap_err()
        .nl;
    assert!(
        err.contains("k.txt:1:") && err.contains("1, 2 of 3"),
        "{err}"
    );

    let script = dir.path().join("kort.txt");
    std::fs::write(&script, "A B C\n").unwrap();
    let mut a = args(dir.path(), 1);
    a.teams = 2;
    a.rounds = 1;
    a.choices = Some(script);
    let err = run(&a).unwrap_err();
    assert!(
        err.contains("kort.txt:1:") && err.contains("3 keuzes"),
        "{err}"
    );

    let mut a = args(dir.path(), 1);
    a.teams = 1;
    let err = run(&a).unwrap_err();
    assert!(err.contains("2 tot 12 teams"), "{err}");

    let mut a = args(dir.path(), 1);
    a.rounds = 99;
    let err = run(&a).unwrap_err();
    assert!(err.contains("hoogstens 16 rondes"), "{err}");

    let mut a = args(dir.path(), 1);
    a.deck = Some(PathBuf::from("levels/bestaat-niet.ron"));
    assert!(run(&a).unwrap_err().contains("bestaat-niet.ron"));
    // Nothing was written for the failed runs.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The Dutch and the English deck share their id: with the same seed both runs would take the same
/// name. The second gets a suffix and the first is kept, byte for byte; a third run of either is
/// the same journal again and adds nothing.
#[test]
fn two_simulations_that_would_share_a_name_both_keep_their_journal() {
    let dir = tempfile::tempdir().unwrap();
    let dutch = args(dir.path(), 42);
    let mut english = args(dir.path(), 42);
    english.deck = Some(PathBuf::from("levels/klantcontact.en.ron"));

    let first = run(&dutch).unwrap();
    let first_path = dir.path().join("simulatie_klantcontact_t4_r6_s42.jsonl");
    assert!(first.starts_with(&format!("Journaal: {}\n", first_path.display())));
    let first_bytes = std::fs::read(&first_path).unwrap();

    let second = run(&english).unwrap();
    let second_path = dir.path().join("simulatie_klantcontact_t4_r6_s42_2.jsonl");
    assert!(
        second.starts_with(&format!("Journaal: {}\n", second_path.display())),
        "{second}"
    );
    assert_eq!(std::fs::read(&first_path).unwrap(), first_bytes, "kept");
    let english_loaded = store::read(&second_path).unwrap();
    assert_eq!(
        english_loaded.settings.language,
        cultuurbarbarenspel::deck::Language::En
    );

    // Again: each finds its own journal, nothing new is written.
    assert_eq!(run(&dutch).unwrap(), first);
    assert_eq!(run(&english).unwrap(), second);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "simulatie_klantcontact_t4_r6_s42.jsonl",
            "simulatie_klantcontact_t4_r6_s42_2.jsonl"
        ]
    );

    // A file that is not a journal of this session is never replaced either.
    let other = dir.path().join("simulatie_klantcontact_t4_r6_s43.jsonl");
    std::fs::write(&other, "mijn aantekeningen\n").unwrap();
    let out = run(&args(dir.path(), 43)).unwrap();
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "mijn aantekeningen\n"
    );
    assert!(
        out.contains("simulatie_klantcontact_t4_r6_s43_2.jsonl"),
        "{out}"
    );
}

/// `--lang en`: the scoreboard and the errors speak English, the journal is the same session.
#[test]
fn an_english_run_prints_english_and_writes_the_same_journal() {
    let (nl_dir, en_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let dutch = run(&args(nl_dir.path(), 5)).unwrap();
    let mut out = Vec::new();
    simulate::run(&args(en_dir.path(), 5), Lang::En, &mut out).unwrap();
    let english = String::from_utf8(out).unwrap();
    for (nl, en) in [
        ("Eindstand", "Final ranking"),
        ("Ronde 1:", "Round 1:"),
        ("Waarden:", "Values:"),
    ] {
        assert!(dutch.contains(nl) && !dutch.contains(en), "{dutch}");
        assert!(english.contains(en) && !english.contains(nl), "{english}");
    }
    let name = "simulatie_klantcontact_t4_r6_s5.jsonl";
    assert_eq!(
        std::fs::read(nl_dir.path().join(name)).unwrap(),
        std::fs::read(en_dir.path().join(name)).unwrap()
    );

    let mut bad = args(en_dir.path(), 5);
    bad.teams = 2;
    bad.choices = Some(en_dir.path().join("missing.txt"));
    let err = simulate::run(&bad, Lang::En, &mut Vec::new()).unwrap_err();
    assert!(err.contains("cannot read the choices file"), "{err}");
}
