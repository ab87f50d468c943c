//! The decks built into the binary: started from an empty folder (a desktop shortcut, after
//! `cargo install`), the game and its commands still find the default deck.

use std::process::Command;

/// The binary run in `here`, with its data folder (where the built-in decks are written, and the
/// journals go) and home inside `tmp`, in a Dutch environment (the command line speaks `LANG`).
fn binary(here: &std::path::Path, tmp: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cultuurbarbarenspel"));
    c.current_dir(here)
        .env("XDG_DATA_HOME", tmp.join("data"))
        .env("HOME", tmp.join("home"))
        .env("LANG", "nl_NL.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// The binary with its working directory set to an empty folder inside a temporary folder.
fn in_empty_folder(args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let tmp = tempfile::tempdir().unwrap();
    let here = tmp.path().join("leeg");
    std::fs::create_dir_all(&here).unwrap();
    let out = binary(&here, tmp.path())
        .args(args)
        .output()
        .expect("the binary runs");
    (tmp, out)
}

#[test]
fn simulate_from_an_empty_folder_plays_the_built_in_default_deck() {
    let (tmp, out) = in_empty_folder(&["simulate", "--teams", "3", "--rounds", "2", "--seed", "1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("Eindstand"), "{stdout}");
    assert!(stdout.contains("Ronde 2"), "{stdout}");
    // Nothing was written where it was started.
    assert_eq!(
        std::fs::read_dir(tmp.path().join("leeg")).unwrap().count(),
        0
    );
    // The built-in decks went to the user's data folder, the template too, unchanged.
    let levels = tmp.path().join("data/cultuurbarbarenspel/levels");
    for (name, text) in cultuurbarbarenspel::deck::builtin::FILES {
        assert_eq!(
            std::fs::read_to_string(levels.join(name)).unwrap(),
            text,
            "{name}"
        );
    }
}

#[test]
fn a_deck_edited_in_the_users_folder_is_kept_and_used() {
    let tmp = tempfile::tempdir().unwrap();
    let levels = tmp.path().join("data/cultuurbarbarenspel/levels");
    std::fs::create_dir_all(&levels).unwrap();
    let default = cultuurbarbarenspel::deck::builtin::FILES[0].1;
    let edited = default.replacen("title: \"", "title: \"Eigen ", 1);
    std::fs::write(levels.join("klantcontact.nl.ron"), &edited).unwrap();
    let here = tmp.path().join("leeg");
    std::fs::create_dir_all(&here).unwrap();
    let out = binary(&here, tmp.path())
        .args(["simulate", "--teams", "2", "--rounds", "1", "--seed", "3"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Eigen "),
        "the edited deck is played: {stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(levels.join("klantcontact.nl.ron")).unwrap(),
        edited,
        "never overwritten"
    );
}

#[test]
fn without_a_display_the_game_and_the_demo_say_so_in_a_sentence() {
    for args in [&[][..], &["demo", "--screenshots", "beelden"][..]] {
        let tmp = tempfile::tempdir().unwrap();
        let out = binary(tmp.path(), tmp.path())
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr.contains("geen beeldscherm"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("backtrace"), "{args:?}: {stderr}");
    }
}

/// The binary run with `args` in an empty folder, with `LANG` set to `lang`: its exit status,
/// stdout and stderr.
fn run_with_lang(lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = binary(tmp.path(), tmp.path())
        .env("LANG", lang)
        .args(args)
        .output()
        .expect("the binary runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn usage_errors_speak_the_language_of_the_run_and_exit_with_2() {
    let clap_english = [
        "error:",
        "unexpected argument",
        "For more information",
        "Usage:",
        "[OPTIONS]",
    ];
    for args in [
        &["check", "--bogus"][..],
        &["simulate", "--teams", "x"],
        &["frobnicate"],
        &["report"],
    ] {
        let (code, stdout, nl) = run_with_lang("nl_NL.UTF-8", args);
        assert_eq!(code, Some(2), "{args:?}: {nl}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        for phrase in clap_english {
            assert!(
                !nl.contains(phrase),
                "{args:?}: Dutch says {phrase:?}:\n{nl}"
            );
        }
        assert!(nl.starts_with("fout: "), "{args:?}: {nl}");
        assert!(
            nl.contains("Gebruik: cultuurbarbarenspel"),
            "{args:?}: {nl}"
        );
        assert!(nl.contains("Meer informatie: '--help'."), "{args:?}: {nl}");
        for (lang, line) in [("nl_NL.UTF-8", &["--lang", "en"][..]), ("en_GB.UTF-8", &[])] {
            let line: Vec<&str> = line.iter().chain(args).copied().collect();
            let (code, _, en) = run_with_lang(lang, &line);
            assert_eq!(code, Some(2), "{line:?}: {en}");
            assert!(en.starts_with("error: "), "{line:?}: {en}");
            assert!(
                en.contains("For more information, try '--help'."),
                "{line:?}: {en}"
            );
            assert!(
                !en.contains("fout") && !en.contains("Gebruik"),
                "{line:?}: {en}"
            );
        }
    }
    let (_, _, nl) = run_with_lang("nl_NL.UTF-8", &["check", "--bogus"]);
    assert!(
        nl.contains("'--bogus'") && nl.contains("'-- --bogus'"),
        "{nl}"
    );
    let (_, _, nl) = run_with_lang("nl_NL.UTF-8", &["check", "--deny-warning"]);
    assert!(nl.contains("bedoel je '--deny-warnings'?"), "{nl}");
    let (_, _, en) = run_with_lang("en_GB.UTF-8", &["check", "--deny-warning"]);
    assert!(en.contains("did you mean '--deny-warnings'?"), "{en}");
}

#[test]
fn help_is_printed_in_the_language_of_the_run_with_status_0() {
    let (code, nl, stderr) = run_with_lang("nl_NL.UTF-8", &["--help"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel [OPTIES] [OPDRACHT]"),
        "{nl}"
    );
    assert!(
        nl.contains("Opdrachten:") && nl.contains("Toon deze hulp"),
        "{nl}"
    );
    let (code, en, _) = run_with_lang("nl_NL.UTF-8", &["--lang", "en", "check", "--help"]);
    assert_eq!(code, Some(0));
    assert!(
        en.contains("Usage: cultuurbarbarenspel check [OPTIONS] [PATHS]..."),
        "{en}"
    );
}
