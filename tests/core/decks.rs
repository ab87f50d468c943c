//! Deck loading and `check`.

use cultuurbarbarenspel::lang::Lang;
use std::path::{Path, PathBuf};

use cultuurbarbarenspel::commands::check::{self, CheckOptions};
use cultuurbarbarenspel::deck::{self, Severity, diag};
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `check` as the command line does and returns (exit status, stdout, stderr).
fn run_check(paths: &[PathBuf], json: bool, deny_warnings: bool) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = check::run(
        paths,
        &CheckOptions {
            json,
            deny_warnings,
        },
        &mut out,
        &mut err,
    );
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// `LINE:COL: severity: message` of every diagnostic of one file, in order.
fn headlines(path: &Path) -> Vec<String> {
    let mut files = vec![deck::check_file(path)];
    deck::check_across(&mut files);
    let prefix = format!("{}:", path.display());
    files[0]
        .located()
        .iter()
        .map(|d| {
            diag::headline(d, Lang::En)
                .strip_prefix(&prefix)
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_deck_in_levels_loads_and_checks_clean() {
    let files = check::ron_files_in(&root().join("levels")).unwrap();
    assert!(!files.is_empty(), "levels/ holds no decks");
    for f in &files {
        let checked = deck::check_file(f);
        let deck = checked
            .deck
            .as_ref()
            .unwrap_or_else(|| panic!("{} does not load", f.display()));
        assert!(!deck.scenarios.is_empty());
        let problems: Vec<String> = checked
            .located()
            .iter()
            .map(|d| diag::headline(d, Lang::En))
            .collect();
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            f.display(),
            problems.join("\n")
        );
    }
    let (code, out, _) = run_check(&[root().join("levels")], false, true);
    assert_eq!(code, 0, "check --deny-warnings levels/ failed:\n{out}");
}

#[test]
fn the_default_deck_is_a_real_dutch_deck() {
    let deck = deck::load_deck(&root().join("levels/klantcontact.nl.ron")).unwrap();
    assert_eq!(deck.language, deck::Language::Nl);
    assert!(
        deck.scenarios.len() >= 12,
        "{} scenarios",
        deck.scenarios.len()
    );
    for layer in deck::Layer::ALL {
        assert!(
            deck.scenarios.iter().any(|s| s.layer == layer),
            "no scenario on layer {layer:?}"
        );
    }
    for s in &deck.scenarios {
        assert!(!s.debrief.is_empty(), "{} has no debrief questions", s.id);
        for b in &s.behaviours {
            assert!(
                !b.effects.is_empty() && !b.consequence.trim().is_empty(),
                "{} {}",
                s.id,
                b.key
            );
        }
    }
    let undertaker = deck.scenarios.iter().any(|s| {
        s.situation.contains("uitvaartondernemer") || s.situation.contains("begrafenisondernemer")
    });
    assert!(
        undertaker,
        "the scenario of the death registration is missing"
    );
}

/// Each broken deck has one fault; every diagnostic of it is listed here with its exact place.
const CORPUS: &[(&str, &[&str])] = &[
    ("01-missing-comma", &["5:5: error: expected comma"]),
    (
        "02-unclosed-string",
        &["31:20: error: this string is not closed on its line"],
    ),
    (
        "03-unknown-field",
        &[
            "15:13: error: unexpected field named `titel` in `Scenario`, expected one of `id`, `title`, `layer`, `setting`, `situation`, `behaviours`, `debrief`, `notes`, `follow_up`, or `image` instead",
        ],
    ),
    (
        "04-missing-field",
        &["29:9: error: unexpected missing field named `situation` in `Scenario`"],
    ),
    (
        "05-unknown-layer",
        &[
            "32:20: error: unexpected variant named `Ritueel` in enum `Layer`, expected one of `Symbols`, `Heroes`, `Rituals`, or `Values` instead",
        ],
    ),
    (
        "06-key-out-of-range",
        &[
            "36:32: error: unexpected variant named `G` in enum `Key`, expected one of `A`, `B`, `C`, `D`, `E`, or `F` instead",
        ],
    ),
    (
        "07-unknown-value",
        &["22:86: error: effect on unknown value `regles`"],
    ),
    (
        "08-effect-range",
        &["23:81: error: effect 5 on `team` is outside -3…+3"],
    ),
    (
        "09-duplicate-scenario",
        &["29:17: error: scenario id `balie` is used twice in this deck"],
    ),
    (
        "10-duplicate-key",
        &["23:32: error: behaviour key B is used twice in scenario `balie`"],
    ),
    (
        "11-one-behaviour",
        &["34:13: error: scenario `telefoon` has 1 behaviour(s); a scenario needs 2 to 6"],
    ),
    (
        "12-empty-situation",
        &["33:24: error: scenario `telefoon` has an empty `situation`"],
    ),
    (
        "13-empty-behaviour-text",
        &["35:41: error: behaviour A of `telefoon` has an empty `text`"],
    ),
    (
        "14-unknown-follow-up",
        &["27:24: error: follow-up scenario `telefon` does not exist"],
    ),
    (
        "15-follow-up-cycle",
        &["27:24: error: follow-ups form a cycle: balie → telefoon → balie"],
    ),
    (
        "16-missing-image",
        &["27:20: error: image `images/bestaat-niet.png` does not exist"],
    ),
    ("17-no-values", &["7:5: error: the deck defines no values"]),
    (
        "18-duplicate-effect",
        &["35:74: error: value `klant` appears twice in the effects of behaviour A"],
    ),
    (
        "19-dominant-behaviour",
        &[
            "36:32: warning: behaviour B of `telefoon` scores at least as high as every other behaviour for every set of values and weights: the dilemma is trivial",
        ],
    ),
    (
        "20-no-effects",
        &["36:27: warning: behaviour B of `telefoon` has no effect on any value"],
    ),
    (
        "21-duplicate-value",
        &[
            "10:19: error: value id `regels` is defined twice",
            "23:73: error: effect on unknown value `team`",
            "35:32: warning: behaviour A of `telefoon` scores at least as high as every other behaviour for every set of values and weights: the dilemma is trivial",
            "35:74: error: effect on unknown value `team`",
            "36:65: error: effect on unknown value `team`",
        ],
    ),
    ("22-wrong-type", &["25:21: error: expected opening `[`"]),
    (
        "23-unknown-language",
        &[
            "5:15: error: unexpected variant named `de` in enum `Language`, expected either `nl` or `en` instead",
        ],
    ),
    (
        "24-not-utf8",
        &["6:21: error: the file is not valid UTF-8 text"],
    ),
];

#[test]
fn broken_decks_report_the_exact_place_and_message() {
    let dir = root().join("tests/fixtures/broken");
    let mut files = check::ron_files_in(&dir).unwrap();
    files.sort();
    assert!(files.len() >= 15);
    let mut mismatches = Vec::new();
    // Fixtures 30–49 are checked with their codes below (one per deck rule).
    files.retain(|f| !is_rule_fixture(f));
    for f in &files {
        let stem = f.file_stem().unwrap().to_str().unwrap();
        let got = headlines(f);
        match CORPUS
            .iter()
            .chain(CORPUS_FROM_50)
            .find(|(name, _)| *name == stem)
        {
            Some((_, want)) => {
                if got != *want {
                    mismatches.push(format!("{stem}:\n  want {want:?}\n  got  {got:?}"));
                }
            }
            None => mismatches.push(format!("{stem}: not in CORPUS; got {got:?}")),
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert_eq!(CORPUS.len() + CORPUS_FROM_50.len(), files.len());
}

// ---- Deck rules: one broken fixture each (tests/fixtures/broken/30–49), with place and code ----

/// The fixtures numbered 30–49.
fn is_rule_fixture(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    stem.get(..2)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| (30..=49).contains(&n))
}

/// Per fixture: whether it is checked next to `decks/mini.ron` (the rules across files; `MINI` in a
/// message stands for that file's path), and every diagnostic as `LINE:COL: severity: message [code]`.
const RULES: &[(&str, bool, &[&str])] = &[
    (
        "30-effect-four",
        false,
        &[
            "23:81: error: effect 4 on `team` is outside -3…+3 [effect-range]",
            "36:85: error: effect -4 on `klant` is outside -3…+3 [effect-range]",
        ],
    ),
    (
        "31-image-outside-assets",
        false,
        &["27:20: error: image `../geheim.png` must be a path inside `assets/` [image-path]"],
    ),
    (
        "32-image-absolute",
        false,
        &["27:20: error: image `/etc/passwd` must be a path inside `assets/` [image-path]"],
    ),
    (
        "33-no-scenarios",
        false,
        &["12:5: error: the deck has no scenarios [no-scenarios]"],
    ),
    (
        "34-unused-value",
        false,
        &["11:19: warning: no behaviour has an effect on value `snel` [unused-value]"],
    ),
    (
        "35-no-consequence",
        false,
        &["36:27: warning: behaviour B of `telefoon` has no `consequence` [no-consequence]"],
    ),
    (
        "36-seven-behaviours",
        false,
        &[
            "20:13: error: scenario `balie` has 7 behaviour(s); a scenario needs 2 to 6 [behaviour-count]",
            "27:32: error: behaviour key A is used twice in scenario `balie` [duplicate-key]",
        ],
    ),
    (
        "37-duplicate-deck",
        true,
        &["3:9: error: deck id `mini` in language `nl` is also defined in MINI [duplicate-deck]"],
    ),
    (
        "38-translation-values",
        true,
        &[
            "7:13: error: the values differ from MINI: [klant, team, regels] here, [klant, regels, team] there [translation-mismatch]",
        ],
    ),
    (
        "39-translation-scenario-count",
        true,
        &["12:16: error: 3 scenarios here, 2 in MINI [translation-mismatch]"],
    ),
    (
        "40-translation-scenario-order",
        true,
        &[
            "14:17: error: scenario number 1 is `telefoon` here and `balie` in MINI [translation-mismatch]",
            "24:17: error: scenario number 2 is `balie` here and `telefoon` in MINI [translation-mismatch]",
        ],
    ),
    (
        "41-translation-layer",
        true,
        &[
            "14:17: error: scenario `balie` differs in layer, follow_up or image [translation-mismatch]",
        ],
    ),
    (
        "42-translation-behaviour-count",
        true,
        &[
            "20:25: error: scenario `balie` has a different number of behaviours [translation-mismatch]",
        ],
    ),
    (
        "43-translation-key",
        true,
        &[
            "36:32: error: behaviour C of `telefoon` has other keys or effects than in MINI [translation-mismatch]",
        ],
    ),
];

/// `LINE:COL: severity: message [code]` of every diagnostic of `path`, checked alone or after mini.ron.
fn coded_headlines(path: &Path, with_mini: bool) -> Vec<String> {
    let mini = root().join("tests/fixtures/decks/mini.ron");
    let mut files = Vec::new();
    if with_mini {
        files.push(deck::check_file(&mini));
    }
    files.push(deck::check_file(path));
    deck::check_across(&mut files);
    let prefix = format!("{}:", path.display());
    files
        .last()
        .unwrap()
        .located()
        .iter()
        .map(|d| {
            let head = diag::headline(d, Lang::En);
            let head = head.strip_prefix(&prefix).unwrap_or(&head);
            format!("{} [{}]", head, d.code).replace(&mini.display().to_string(), "MINI")
        })
        .collect()
}

#[test]
fn every_deck_rule_has_a_fixture_with_its_exact_place_and_code() {
    let dir = root().join("tests/fixtures/broken");
    let files: Vec<PathBuf> = check::ron_files_in(&dir)
        .unwrap()
        .into_iter()
        .filter(|f| is_rule_fixture(f))
        .collect();
    let stems: Vec<&str> = files
        .iter()
        .map(|f| f.file_stem().unwrap().to_str().unwrap())
        .collect();
    let listed: Vec<&str> = RULES.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(stems, listed, "every fixture 30–49 is listed, in order");
    let mut mismatches = Vec::new();
    for (f, (stem, with_mini, want)) in files.iter().zip(RULES) {
        let got = coded_headlines(f, *with_mini);
        if got != *want {
            mismatches.push(format!("{stem}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_cross_file_fixtures_are_clean_on_their_own() {
    // The fault of 37–43 lies in the pair with mini.ron, not in the file.
    for (stem, with_mini, _) in RULES.iter().filter(|(_, m, _)| *m) {
        assert!(with_mini);
        let f = root().join(format!("tests/fixtures/broken/{stem}.ron"));
        assert_eq!(coded_headlines(&f, false), Vec::<String>::new(), "{stem}");
    }
}

#[test]
fn an_image_that_exists_under_assets_is_accepted() {
    let mini = std::fs::read_to_string(root().join("tests/fixtures/decks/mini.ron")).unwrap();
    let src = mini.replace(
        "            follow_up: \"telefoon\",",
        "            image: \"images/balie.png\",\n            follow_up: \"telefoon\",",
    );
    assert_ne!(src, mini);
    let assets = tempfile::tempdir().unwrap();
    let codes = |checked: &deck::CheckedFile| -> Vec<String> {
        checked
            .located()
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.code))
            .collect()
    };
    // Not there yet: missing.
    let checked = deck::check_source("beeld.ron", &src, Some(assets.path()));
    assert_eq!(codes(&checked), ["27:20 missing-image"]);
    // There: accepted, and the deck keeps the path.
    std::fs::create_dir(assets.path().join("images")).unwrap();
    std::fs::write(assets.path().join("images/balie.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let checked = deck::check_source("beeld.ron", &src, Some(assets.path()));
    assert_eq!(codes(&checked), Vec::<String>::new());
    let deck = checked.deck.unwrap();
    assert_eq!(deck.scenarios[0].image.as_deref(), Some("images/balie.png"));
}

// ---- end of the deck-rule fixtures ----

#[test]
fn text_output_shows_the_line_with_a_caret_and_a_hint() {
    let f = root().join("tests/fixtures/broken/07-unknown-value.ron");
    let (code, out, _) = run_check(std::slice::from_ref(&f), false, false);
    assert_eq!(code, 1);
    let want_head = format!(
        "{}:22:86: error: effect on unknown value `regles`",
        f.display()
    );
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some(want_head.as_str()));
    assert_eq!(lines.next(), Some("   |"));
    let src_line = lines.next().unwrap();
    assert!(
        src_line.starts_with("22 |") && src_line.contains("\"regles\": 2"),
        "{src_line}"
    );
    let caret = lines.next().unwrap();
    // Columns in characters: the cut line starts with `…`.
    let col = src_line[..src_line.find("\"regles\"").unwrap()]
        .chars()
        .count();
    assert_eq!(caret.find('^'), Some(col), "{caret}");
    assert_eq!(caret.trim_start_matches([' ', '|']).trim_end(), "^^^^^^^^");
    assert_eq!(lines.next(), Some("   = hint: did you mean `regels`?"));
    assert!(
        out.ends_with("1 file(s) checked: 1 error(s), 0 warning(s)\n"),
        "{out}"
    );
}

#[test]
fn json_output_has_one_object_per_diagnostic() {
    let f = root().join("tests/fixtures/broken/15-follow-up-cycle.ron");
    let (code, out, _) = run_check(&[f], true, false);
    assert_eq!(code, 1);
    let objs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objs.len(), 1);
    assert_eq!(objs[0]["severity"], "error");
    assert_eq!(objs[0]["code"], "follow-up-cycle");
    assert_eq!(objs[0]["line"], 27);
    assert!(objs[0]["hint"].is_string());
}

#[test]
fn exit_status_follows_errors_warnings_and_usage() {
    let fixtures = root().join("tests/fixtures");
    assert_eq!(
        run_check(&[fixtures.join("decks/mini.ron")], false, true).0,
        0
    );
    let warn = fixtures.join("broken/19-dominant-behaviour.ron");
    assert_eq!(run_check(std::slice::from_ref(&warn), false, false).0, 0);
    assert_eq!(run_check(&[warn], false, true).0, 1);
    assert_eq!(
        run_check(
            &[fixtures.join("broken/03-unknown-field.ron")],
            false,
            false
        )
        .0,
        1
    );
    let (code, out, err) = run_check(&[fixtures.join("does-not-exist.ron")], false, false);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("does-not-exist.ron does not exist"), "{err}");
}

#[test]
fn scenario_ids_are_unique_across_decks_and_translations_must_match() {
    let dir = tempfile::tempdir().unwrap();
    let mini = std::fs::read_to_string(root().join("tests/fixtures/decks/mini.ron")).unwrap();
    // Another deck that reuses scenario id `telefoon`.
    std::fs::write(dir.path().join("a.ron"), &mini).unwrap();
    std::fs::write(
        dir.path().join("b.ron"),
        mini.replace("id: \"mini\"", "id: \"ander\"")
            .replace("id: \"balie\"", "id: \"loket\"")
            .replace("follow_up: \"telefoon\",", ""),
    )
    .unwrap();
    // An English translation whose effect differs.
    std::fs::write(
        dir.path().join("c.ron"),
        mini.replace("language: nl", "language: en")
            .replace("\"regels\": 2}", "\"regels\": 3}"),
    )
    .unwrap();
    let (code, out, _) = run_check(&[dir.path().to_path_buf()], false, false);
    assert_eq!(code, 1);
    let heads: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(heads.len(), 2, "{out}");
    assert!(
        heads[0].contains("b.ron:")
            && heads[0].contains("scenario id `telefoon` is also used by deck `mini`"),
        "{out}"
    );
    assert!(
        heads[1].contains("c.ron:")
            && heads[1].contains("behaviour B of `balie` has other keys or effects"),
        "{out}"
    );
}

#[test]
fn a_two_thousand_character_situation_is_a_warning_not_a_failure() {
    let mini = std::fs::read_to_string(root().join("tests/fixtures/decks/mini.ron")).unwrap();
    let long = "Een burger vertelt een lang verhaal. ".repeat(60);
    let src = mini.replace("De telefoon gaat om vijf voor vijf.", &long);
    let checked = deck::check_source("long.ron", &src, None);
    assert!(checked.deck.is_some());
    let located = checked.located();
    assert_eq!(located.len(), 1);
    assert_eq!(located[0].code, "long-situation");
    assert_eq!(located[0].severity, Severity::Warning);
}

fn mutate(src: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    const TOKENS: &[u8] = b"()[]{}:,\"#r/*'\\-0123456789ABZaz \n\xc3\xa9";
    let mut v = src.to_vec();
    for &(pos, kind, tok) in edits {
        if v.is_empty() {
            break;
        }
        let p = pos % v.len();
        let t = TOKENS[tok as usize % TOKENS.len()];
        match kind % 3 {
            0 => v[p] = t,
            1 => {
                v.remove(p);
            }
            _ => v.insert(p, t),
        }
    }
    v
}

fn check_bytes(bytes: &[u8]) {
    let src = String::from_utf8_lossy(bytes);
    let checked = deck::check_source("fuzz.ron", &src, None);
    for d in checked.located() {
        let _ = diag::render_text(&d, &checked.source, Lang::En);
        let _ = diag::render_json(&d, Lang::En);
        assert!(d.line >= 1 && d.column >= 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_bytes(&bytes);
    }

    #[test]
    fn mutated_decks_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)) {
        let src = std::fs::read(root().join("tests/fixtures/decks/mini.ron")).unwrap();
        check_bytes(&mutate(&src, &edits));
    }
}

// ------------------------------------------------------------------------------------------
// Decks a trainer can trust (issue 14): byte-order marks, text after the deck, the id pattern,
// repeated scenarios across decks, translations with a missing sentence, and the template.
// Broken fixtures 50 and up.

/// The broken decks numbered 50 and up, as in [`CORPUS`].
const CORPUS_FROM_50: &[(&str, &[&str])] = &[
    (
        "50-byte-order-mark",
        &["1:25: error: the deck has an empty `title`"],
    ),
    (
        "51-text-after-deck",
        &["43:5: error: text after the end of the deck"],
    ),
    (
        "52-invalid-deck-id",
        &[
            "3:9: error: deck id `Mijn Team!` may only contain lowercase letters and digits, joined by dashes",
        ],
    ),
    (
        "53-invalid-scenario-id",
        &[
            "14:17: error: scenario id `Balie` may only contain lowercase letters and digits, joined by dashes",
        ],
    ),
];

fn mini() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/decks/mini.ron")).unwrap()
}

/// `LINE:COL: severity: message` of every diagnostic of `name` after checking the folder `dir`.
fn headlines_in(dir: &Path, name: &str) -> Vec<String> {
    let mut files: Vec<deck::CheckedFile> = check::ron_files_in(dir)
        .unwrap()
        .iter()
        .map(|p| deck::check_file(p))
        .collect();
    deck::check_across(&mut files);
    let f = files
        .iter()
        .find(|f| f.name.ends_with(name))
        .unwrap_or_else(|| panic!("{name} not checked"));
    let prefix = format!("{}:", f.name);
    f.located()
        .iter()
        .map(|d| {
            diag::headline(d, Lang::En)
                .strip_prefix(&prefix)
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_byte_order_mark_is_accepted_and_not_counted_as_a_column() {
    let bom = format!("\u{feff}{}", mini());
    let checked = deck::check_source("bom.ron", &bom, None);
    assert!(checked.deck.is_some(), "{:?}", checked.diagnostics);
    assert!(checked.located().is_empty());
    // And the game loads it the same way.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.ron");
    std::fs::write(&path, bom.as_bytes()).unwrap();
    assert_eq!(deck::load_deck(&path).unwrap().id, "mini");
}

#[test]
fn a_value_id_may_use_underscores_but_nothing_else() {
    let src = mini().replace("\"team\"", "\"Team!\"");
    let checked = deck::check_source("waarde.ron", &src, None);
    let located = checked.located();
    let heads: Vec<String> = located
        .iter()
        .map(|d| diag::headline(d, Lang::En))
        .collect();
    assert_eq!(
        heads,
        [
            "waarde.ron:10:19: error: value id `Team!` may only contain lowercase letters, digits, dashes and underscores"
        ]
    );
    assert_eq!(located[0].code, "invalid-id");
    assert_eq!(located[0].hint_in(Lang::En), Some("for example `team`"));
    let ok = deck::check_source(
        "ok.ron",
        &mini().replace("\"team\"", "\"samen_werken-2\""),
        None,
    );
    assert!(ok.located().is_empty());
    assert!(deck::validate::is_valid_id("mijn-team-2"));
    for bad in [
        "Mijn Team!",
        "mijn_team",
        "-mijn",
        "mijn--team",
        "mijn-",
        "café",
    ] {
        assert!(!deck::validate::is_valid_id(bad), "{bad}");
    }
}

#[test]
fn a_scenario_title_repeated_in_another_deck_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), mini()).unwrap();
    std::fs::write(
        dir.path().join("b.ron"),
        mini()
            .replace("id: \"mini\"", "id: \"ander\"")
            .replace("id: \"balie\"", "id: \"loket\"")
            .replace("id: \"telefoon\"", "id: \"bellen\"")
            .replace("follow_up: \"telefoon\"", "follow_up: \"bellen\"")
            .replace("title: \"De telefoon\"", "title: \"De telefoon gaat weer\""),
    )
    .unwrap();
    let a = dir.path().join("a.ron").display().to_string();
    assert_eq!(
        headlines_in(dir.path(), "b.ron"),
        [
            format!(
                "15:20: warning: the title of `loket` repeats `balie` (\"De balie\") of deck `mini` ({a})"
            ),
            format!(
                "31:20: warning: the title of `bellen` repeats `telefoon` (\"De telefoon\") of deck `mini` ({a})"
            ),
        ]
    );
    assert!(headlines_in(dir.path(), "a.ron").is_empty());
    // Another language is another audience: no warning.
    std::fs::write(
        dir.path().join("b.ron"),
        mini()
            .replace("id: \"mini\"", "id: \"ander\"")
            .replace("language: nl", "language: en")
            .replace("id: \"balie\"", "id: \"loket\"")
            .replace("id: \"telefoon\"", "id: \"bellen\"")
            .replace("follow_up: \"telefoon\"", "follow_up: \"bellen\""),
    )
    .unwrap();
    assert!(headlines_in(dir.path(), "b.ron").is_empty());
}

#[test]
fn a_translation_with_a_missing_sentence_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), mini()).unwrap();
    let en = mini().replace("language: nl", "language: en");
    std::fs::write(dir.path().join("b.ron"), &en).unwrap();
    assert!(headlines_in(dir.path(), "b.ron").is_empty());

    std::fs::write(
        dir.path().join("b.ron"),
        en.replace("aan de balie.\nHet is druk.", "aan de balie.")
            .replace("notes: \"Let op wie de regels noemt.\",", "")
            .replace(
                "debrief: [\"Wat doen wij naar de klant toe?\"],",
                "debrief: [\"Wat doen wij naar de klant toe?\", \"En wat betekent dit voor ons?\"],",
            ),
    )
    .unwrap();
    let a = dir.path().join("a.ron").display().to_string();
    assert_eq!(
        headlines_in(dir.path(), "b.ron"),
        [
            // A missing field is reported at its scenario.
            format!(
                "13:9: warning: the length of the notes of `balie` differs a lot from {a}: 0 characters and 0 sentence(s) here, 27 and 1 there"
            ),
            format!(
                "18:24: warning: the length of the situation of `balie` differs a lot from {a}: 46 characters and 1 sentence(s) here, 59 and 2 there"
            ),
            format!("24:22: warning: the debrief of `balie` has 2 question(s) here, 1 in {a}"),
        ]
    );
    assert!(deck::texts_differ("Een zin. En nog een zin.", ""));
    assert!(!deck::texts_differ(
        "Om 9.40 uur belt 12.000 keer iemand.",
        "At 9:40 someone calls 12,000 times."
    ));
}

#[test]
fn a_copy_of_the_template_checks_clean_and_simulate_says_how_many_rounds_it_can_play() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(root().join("levels/_sjabloon.ron")).unwrap();
    std::fs::write(dir.path().join("_sjabloon.ron"), &template).unwrap();
    // docs/authoring.md, steps 1 and 2: copy, and give the deck an id of its own.
    let copy = dir.path().join("mijn-team.nl.ron");
    std::fs::write(
        &copy,
        template.replace("id: \"sjabloon\"", "id: \"mijn-team\""),
    )
    .unwrap();
    let (code, out, _) = run_check(&[dir.path().to_path_buf()], false, true);
    assert_eq!(code, 0, "{out}");

    // Step 6: simulate plays one scenario per round.
    let sim = |rounds: usize| {
        let args = cultuurbarbarenspel::commands::simulate::SimulateArgs {
            deck: Some(copy.clone()),
            teams: 3,
            rounds,
            seed: 1,
            sessions: Some(dir.path().join("sessies")),
            choices: None,
            agreements: 0,
            plan: Vec::new(),
        };
        let mut out = Vec::new();
        cultuurbarbarenspel::commands::simulate::run(&args, Lang::Nl, &mut out).map(|()| out)
    };
    assert!(sim(1).is_ok());
    let err = sim(4).unwrap_err();
    assert!(
        err.contains("Het deck heeft 1 scenario's die nog niet gespeeld zijn: kies hoogstens 1 rondes, niet 4."),
        "{err}"
    );
}

#[test]
fn the_sample_diagnostic_in_the_docs_is_what_check_prints() {
    let docs = std::fs::read_to_string(root().join("docs/authoring.md")).unwrap();
    let start = docs.find("```text\n").unwrap() + "```text\n".len();
    let sample = &docs[start..start + docs[start..].find("```").unwrap()];
    let rel = "tests/fixtures/broken/07-unknown-value.ron";
    let (_, out, _) = run_check(&[root().join(rel)], false, false);
    let printed = out.replace(&format!("{}/", root().display()), "");
    assert!(
        printed.starts_with(sample),
        "docs:\n{sample}\ncheck:\n{printed}"
    );
}
