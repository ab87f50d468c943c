//! Every usage error our command line can make, and the kinds it cannot make yet, in Dutch and in
//! English: the words of the run's language, the offending argument, the suggestion, the usage
//! line, where to read more, and clap's exit status.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

use super::{CliError, custom, in_own_words, localized};
use crate::cli::{command, parse};
use crate::lang::Lang;

/// What clap writes in English; a Dutch error has none of it.
const CLAP_ENGLISH: [&str; 17] = [
    "error:",
    "unexpected argument",
    "found",
    "For more information",
    "Usage:",
    "[OPTIONS]",
    "[COMMAND]",
    "a similar",
    "possible values",
    "invalid value",
    "to pass",
    "required",
    "cannot be used",
    "unrecognized",
    "provided",
    "<PATHS>",
    "<JOURNAL>",
];

/// What only the Dutch errors say.
const DUTCH: [&str; 12] = [
    "fout:",
    "Gebruik",
    "Meer informatie",
    "[OPTIES]",
    "OPDRACHT",
    "bedoel je",
    "ongeldige",
    "onverwacht",
    "onbekende",
    "ontbreken",
    "<PADEN>",
    "<JOURNAAL>",
];

fn args(line: &str) -> Vec<OsString> {
    std::iter::once("cultuurbarbarenspel")
        .chain(line.split_whitespace())
        .map(OsString::from)
        .collect()
}

fn error_of(args: &[OsString], lang: Lang) -> CliError {
    match parse(args, lang) {
        Ok(cli) => panic!("{args:?} parses: {cli:?}"),
        Err(e) => e,
    }
}

/// The error of `args` as written in Dutch and in English, after checking that it is a usage
/// error of `kind` (exit status 2) in the words of each language, with its usage line and where
/// to read more.
fn both_of(args: &[OsString], kind: ErrorKind) -> (String, String) {
    let [nl, en] = Lang::ALL.map(|lang| {
        let e = error_of(args, lang);
        assert_eq!(e.kind(), kind, "{args:?}: {e}");
        assert_eq!(e.exit_code(), 2, "{args:?}");
        e.to_string()
    });
    in_its_language(&nl, &en);
    (nl, en)
}

fn both(line: &str, kind: ErrorKind) -> (String, String) {
    both_of(&args(line), kind)
}

/// `nl` and `en` are the same error written in Dutch and in English.
fn in_its_language(nl: &str, en: &str) {
    for phrase in CLAP_ENGLISH {
        assert!(!nl.contains(phrase), "Dutch says {phrase:?}:\n{nl}");
    }
    for phrase in DUTCH {
        assert!(!en.contains(phrase), "English says {phrase:?}:\n{en}");
    }
    assert!(nl.starts_with("fout: "), "{nl}");
    assert!(nl.contains("\nGebruik: cultuurbarbarenspel"), "{nl}");
    assert!(
        nl.trim_end().ends_with("Meer informatie: '--help'."),
        "{nl}"
    );
    assert!(en.starts_with("error: "), "{en}");
    assert!(en.contains("\nUsage: cultuurbarbarenspel"), "{en}");
    assert!(
        en.trim_end()
            .ends_with("For more information, try '--help'.")
    );
}

#[test]
fn an_unknown_argument_is_named_with_how_to_pass_it_as_a_value() {
    let (nl, en) = both("check --bogus", ErrorKind::UnknownArgument);
    assert!(nl.contains("onverwacht argument '--bogus'"), "{nl}");
    assert!(
        nl.contains("als waarde") && nl.contains("'-- --bogus'"),
        "{nl}"
    );
    assert!(nl.contains("Gebruik: cultuurbarbarenspel check [OPTIES] [PADEN]..."));
    assert!(en.contains("unexpected argument '--bogus'"), "{en}");
    assert!(en.contains("'-- --bogus'"), "{en}");
    assert!(en.contains("Usage: cultuurbarbarenspel check [OPTIONS] [PATHS]..."));
}

#[test]
fn a_mistyped_argument_gets_the_one_meant() {
    let (nl, en) = both("check --deny-warning", ErrorKind::UnknownArgument);
    assert!(nl.contains("'--deny-warning'"), "{nl}");
    assert!(nl.contains("bedoel je '--deny-warnings'?"), "{nl}");
    assert!(en.contains("did you mean '--deny-warnings'?"), "{en}");

    let (nl, en) = both("-- check", ErrorKind::UnknownArgument);
    assert!(
        nl.contains("de opdracht 'check' bestaat") && nl.contains("'--'"),
        "{nl}"
    );
    assert!(en.contains("the subcommand 'check' exists"), "{en}");
}

#[test]
fn an_unknown_command_is_named_with_the_commands_meant() {
    let (nl, en) = both("frobnicate", ErrorKind::InvalidSubcommand);
    assert!(nl.contains("onbekende opdracht 'frobnicate'"), "{nl}");
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel [OPTIES] [OPDRACHT]"),
        "{nl}"
    );
    assert!(en.contains("'frobnicate'"), "{en}");
    assert!(
        en.contains("Usage: cultuurbarbarenspel [OPTIONS] [COMMAND]"),
        "{en}"
    );

    let (nl, en) = both("chek", ErrorKind::InvalidSubcommand);
    assert!(nl.contains("bedoel je") && nl.contains("'check'?"), "{nl}");
    assert!(
        en.contains("did you mean") && en.contains("'check'?"),
        "{en}"
    );
}

#[test]
fn a_value_not_among_the_possible_ones_lists_them() {
    let (nl, en) = both("check --format jsno", ErrorKind::InvalidValue);
    assert!(
        nl.contains("ongeldige waarde 'jsno' voor '--format"),
        "{nl}"
    );
    assert!(nl.contains("[mogelijke waarden: text, json]"), "{nl}");
    assert!(nl.contains("bedoel je 'json'?"), "{nl}");
    assert!(en.contains("invalid value 'jsno'"), "{en}");
    assert!(en.contains("[possible values: text, json]"), "{en}");
    assert!(en.contains("did you mean 'json'?"), "{en}");

    let (nl, en) = both("simulate --teams", ErrorKind::InvalidValue);
    assert!(
        nl.contains("'--teams <TEAMS>' heeft een waarde nodig"),
        "{nl}"
    );
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel simulate [OPTIES]"),
        "{nl}"
    );
    assert!(
        en.contains("a value is required for '--teams <TEAMS>'"),
        "{en}"
    );
}

#[test]
fn a_refused_value_says_why_in_the_language_of_the_run() {
    let (nl, en) = both("simulate --teams x", ErrorKind::ValueValidation);
    assert!(
        nl.contains("ongeldige waarde 'x' voor '--teams <TEAMS>'"),
        "{nl}"
    );
    assert!(nl.contains("geen geheel getal"), "{nl}");
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel simulate [OPTIES]"),
        "{nl}"
    );
    assert!(
        en.contains("invalid value 'x' for '--teams <TEAMS>'"),
        "{en}"
    );
    assert!(en.contains("not a whole number"), "{en}");

    let (nl, en) = both(
        "simulate --seed 99999999999999999999999",
        ErrorKind::ValueValidation,
    );
    assert!(
        nl.contains("'--seed <ZAAD>'") && nl.contains("te groot"),
        "{nl}"
    );
    assert!(
        en.contains("'--seed <SEED>'") && en.contains("too large"),
        "{en}"
    );

    let (nl, en) = both("--phones-bind nergens", ErrorKind::ValueValidation);
    assert!(
        nl.contains("'nergens'") && nl.contains("geen adres met poort"),
        "{nl}"
    );
    assert!(en.contains("not an address with a port"), "{en}");
}

#[test]
fn our_own_value_parsers_keep_their_words() {
    let (nl, en) = both("--lang de", ErrorKind::ValueValidation);
    assert!(nl.contains("'--lang <nl|en>': 'de': nl | en"), "{nl}");
    assert!(en.contains("'--lang <nl|en>': 'de': nl | en"), "{en}");
}

#[test]
fn the_usage_line_is_of_the_command_on_the_line() {
    // "simulate" is the value of --deck here: the error is the top level's.
    let (nl, _) = both(
        "--deck simulate --phones-bind x",
        ErrorKind::ValueValidation,
    );
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel [OPTIES] [OPDRACHT]"),
        "{nl}"
    );
    let (nl, _) = both("--lang=en poll p.csv --count nu", ErrorKind::InvalidValue);
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel poll [OPTIES] <BESTAND>"),
        "{nl}"
    );
}

#[test]
fn a_flag_given_a_value_or_twice_is_refused() {
    let (nl, en) = both("--single-window=ja", ErrorKind::TooManyValues);
    assert!(
        nl.contains("'ja'") && nl.contains("'--single-window'"),
        "{nl}"
    );
    assert!(en.contains("unexpected value 'ja'"), "{en}");

    let (nl, en) = both("simulate --teams 3 --teams 4", ErrorKind::ArgumentConflict);
    assert!(nl.contains("'--teams <TEAMS>' mag maar één keer"), "{nl}");
    assert!(en.contains("cannot be used multiple times"), "{en}");
}

#[test]
fn the_options_of_playing_before_a_command_are_refused_in_our_words() {
    let (nl, en) = both("--single-window check", ErrorKind::ArgumentConflict);
    assert!(nl.contains("horen niet bij 'check'"), "{nl}");
    assert!(en.contains("do not go with 'check'"), "{en}");
}

#[test]
fn missing_arguments_are_named_by_their_names_in_the_language() {
    let (nl, en) = both("report", ErrorKind::MissingRequiredArgument);
    assert!(
        nl.contains("ontbreken:\n  --out <MAP>\n  <JOURNAAL>"),
        "{nl}"
    );
    assert!(nl.contains("Gebruik: cultuurbarbarenspel report [OPTIES] --out <MAP> <JOURNAAL>"));
    assert!(en.contains("--out <OUT>\n  <JOURNAL>"), "{en}");
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_no_text_is_refused() {
    use std::os::unix::ffi::OsStringExt;
    let mut line = args("demo --screenshots beelden --size");
    line.push(OsString::from_vec(vec![b'1', 0xff]));
    let (nl, en) = both_of(&line, ErrorKind::InvalidUtf8);
    assert!(nl.contains("UTF-8"), "{nl}");
    assert!(en.contains("UTF-8"), "{en}");
}

#[test]
fn help_and_version_go_to_stdout_with_status_0() {
    for (line, kind) in [
        ("--help", ErrorKind::DisplayHelp),
        ("check --help", ErrorKind::DisplayHelp),
        ("--version", ErrorKind::DisplayVersion),
    ] {
        for lang in Lang::ALL {
            let e = error_of(&args(line), lang);
            assert_eq!(e.kind(), kind, "{line}");
            assert_eq!(e.exit_code(), 0, "{line}");
        }
    }
    let nl = error_of(&args("--help"), Lang::Nl).to_string();
    assert!(
        nl.contains("Gebruik: cultuurbarbarenspel [OPTIES] [OPDRACHT]\n"),
        "{nl}"
    );
    assert!(nl.contains("Opties:") && nl.contains("Opdrachten:"), "{nl}");
    assert!(!nl.contains("Usage:") && !nl.contains("[OPTIONS]"), "{nl}");
    let en = error_of(&args("check --help"), Lang::En).to_string();
    assert!(
        en.contains("Usage: cultuurbarbarenspel check [OPTIONS] [PATHS]..."),
        "{en}"
    );
}

/// An error of `kind` with `context` for our command line, as written in Dutch and English.
fn made(kind: ErrorKind, context: Vec<(ContextKind, ContextValue)>) -> (String, String) {
    let [nl, en] = Lang::ALL.map(|lang| {
        let mut cmd = command(lang);
        let mut e = clap::Error::new(kind).with_cmd(&cmd);
        for (k, v) in context.clone() {
            e.insert(k, v);
        }
        let e = localized(e, &mut cmd, &args(""), lang);
        assert_eq!(e.exit_code(), 2, "{kind:?}");
        e.to_string()
    });
    in_its_language(&nl, &en);
    (nl, en)
}

fn s(text: &str) -> ContextValue {
    ContextValue::String(text.to_owned())
}

fn n(number: isize) -> ContextValue {
    ContextValue::Number(number)
}

#[test]
fn the_kinds_our_line_cannot_make_yet_are_written_too() {
    use ContextKind::*;
    let (nl, _) = made(ErrorKind::NoEquals, vec![(InvalidArg, s("--x"))]);
    assert!(nl.contains("'--x'") && nl.contains("isgelijkteken"), "{nl}");
    let few = vec![
        (InvalidArg, s("--x")),
        (MinValues, n(2)),
        (ActualNumValues, n(1)),
    ];
    let (nl, en) = made(ErrorKind::TooFewValues, few);
    assert!(
        nl.contains("minstens 2 waarden") && nl.contains("kreeg er 1"),
        "{nl}"
    );
    assert!(en.contains("only 1 was provided"), "{en}");
    let wrong = vec![
        (InvalidArg, s("--x")),
        (ExpectedNumValues, n(3)),
        (ActualNumValues, n(2)),
    ];
    let (nl, en) = made(ErrorKind::WrongNumberOfValues, wrong);
    assert!(
        nl.contains("'--x' heeft 3 waarden nodig, maar kreeg er 2"),
        "{nl}"
    );
    assert!(en.contains("but 2 were provided"), "{en}");
    let sub = vec![
        (InvalidSubcommand, s("poll")),
        (
            ValidSubcommand,
            ContextValue::Strings(vec!["a".into(), "b".into()]),
        ),
    ];
    let (nl, _) = made(ErrorKind::MissingSubcommand, sub);
    assert!(
        nl.contains("'poll' heeft een opdracht nodig") && nl.contains(": a, b]"),
        "{nl}"
    );
    let (nl, _) = made(ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand, vec![]);
    assert!(
        nl.contains("ontbreekt een opdracht of een argument"),
        "{nl}"
    );
    let (nl, en) = made(ErrorKind::Io, vec![]);
    assert!(nl.contains("de opdrachtregel klopt niet"), "{nl}");
    assert!(en.contains("the command line is not valid"), "{en}");
}

#[test]
fn conflicts_name_both_sides() {
    use ContextKind::*;
    let (nl, en) = made(
        ErrorKind::ArgumentConflict,
        vec![(InvalidArg, s("--a")), (PriorArg, s("--b"))],
    );
    assert!(nl.contains("'--a' gaat niet samen met '--b'"), "{nl}");
    assert!(
        en.contains("the argument '--a' cannot be used with '--b'"),
        "{en}"
    );
    let several = ContextValue::Strings(vec!["--b".into(), "--c".into()]);
    let (nl, _) = made(
        ErrorKind::ArgumentConflict,
        vec![(InvalidSubcommand, s("check")), (PriorArg, several)],
    );
    assert!(nl.contains("de opdracht 'check' gaat niet samen met:\n  --b\n  --c"));
    let (nl, _) = made(ErrorKind::ArgumentConflict, vec![(InvalidArg, s("--a"))]);
    assert!(nl.contains("andere argumenten"), "{nl}");
}

#[test]
fn an_error_with_only_clap_s_message_keeps_it_in_our_frame() {
    let mut cmd = command(Lang::Nl);
    let e = clap::Error::raw(ErrorKind::MissingRequiredArgument, "deck ontbreekt\n");
    let e = localized(in_own_words(e, &cmd), &mut cmd, &args("check"), Lang::Nl);
    let text = e.to_string();
    assert!(text.starts_with("fout: deck ontbreekt\n"), "{text}");
    assert!(
        text.contains("Gebruik: cultuurbarbarenspel check"),
        "{text}"
    );
    assert_eq!(e.exit_code(), 2);
    let e = custom(&cmd, ErrorKind::ArgumentConflict, "eigen woorden");
    let text = localized(e, &mut cmd, &args(""), Lang::En).to_string();
    assert!(text.starts_with("error: eigen woorden\n"), "{text}");
}
