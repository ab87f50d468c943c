//! The command line: its commands and options, described in one language (`--lang`, else the
//! environment's `LANG`, else Dutch), and what each command runs.
//!
//! The options are declared here once, without their descriptions; the descriptions are the
//! catalogue [`CliText`], hung on the definition by [`command`] in the language of the run. The
//! usage lines and the names of values are put in that language by [`usage`], clap's usage errors
//! by [`errors`].

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::lang::cli::CliText;
use crate::lang::{Key, Lang};

mod errors;
mod usage;

pub use errors::CliError;

/// The whole command line. Without a command the game starts, with the options of `play`.
#[derive(Parser, Debug)]
#[command(name = "cultuurbarbarenspel", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "nl|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub play: PlayArgs,
}

/// The options of playing: the same with or without the `play` command.
#[derive(Args, Debug, Clone, Default, PartialEq)]
pub struct PlayArgs {
    #[arg(long)]
    pub deck: Option<PathBuf>,
    #[arg(long)]
    pub sessions: Option<PathBuf>,
    #[arg(long)]
    pub single_window: bool,
    #[arg(long = "continue", value_name = "JOURNAL")]
    pub continue_from: Option<PathBuf>,
    #[arg(long)]
    pub phones: bool,
    #[arg(long, value_name = "ADDR:PORT")]
    pub phones_bind: Option<std::net::SocketAddr>,
}

/// A session journal, where to write, and its deck when it has moved.
#[derive(Args, Debug, Clone, PartialEq)]
pub struct JournalArgs {
    pub journal: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long)]
    pub deck: Option<PathBuf>,
}

#[derive(Subcommand, Debug, Clone, PartialEq)]
pub enum Command {
    Play(PlayArgs),
    Check {
        paths: Vec<PathBuf>,
        #[command(flatten)]
        options: crate::commands::check::CheckOptions,
    },
    Simulate(crate::commands::simulate::SimulateArgs),
    Demo {
        #[arg(long)]
        screenshots: PathBuf,
        #[arg(long, default_value = "1920x1080")]
        size: String,
        #[arg(long)]
        deck: Option<PathBuf>,
    },
    Poster(JournalArgs),
    Manners(JournalArgs),
    Poll {
        file: PathBuf,
        #[arg(long)]
        deck: Option<PathBuf>,
        #[command(flatten)]
        options: crate::commands::poll::PollArgs,
    },
    Report(JournalArgs),
    #[command(hide = true)]
    CheckImages {
        dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        min: usize,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("'{s}': nl | en"))
}

/// Which text describes what: (command, argument id or `None` for the command itself, text). The
/// command is "" for the top level, where the options of playing also live.
const TEXTS: &[(&str, Option<&str>, CliText)] = &[
    ("", None, CliText::About),
    ("", Some("lang"), CliText::Lang),
    ("play", None, CliText::PlayAbout),
    ("check", None, CliText::CheckAbout),
    ("check", Some("paths"), CliText::CheckPaths),
    ("check", Some("json"), CliText::CheckFormat),
    ("check", Some("deny_warnings"), CliText::DenyWarnings),
    ("simulate", None, CliText::SimulateAbout),
    ("simulate", Some("deck"), CliText::SimulateDeck),
    ("simulate", Some("sessions"), CliText::SimulateSessions),
    ("simulate", Some("teams"), CliText::Teams),
    ("simulate", Some("rounds"), CliText::Rounds),
    ("simulate", Some("seed"), CliText::Seed),
    ("simulate", Some("choices"), CliText::Choices),
    ("simulate", Some("agreements"), CliText::Agreements),
    ("simulate", Some("plan"), CliText::Plan),
    ("demo", None, CliText::DemoAbout),
    ("demo", Some("screenshots"), CliText::Screenshots),
    ("demo", Some("size"), CliText::Size),
    ("demo", Some("deck"), CliText::DemoDeck),
    ("poster", None, CliText::PosterAbout),
    ("manners", None, CliText::MannersAbout),
    ("report", None, CliText::ReportAbout),
    ("poll", None, CliText::PollAbout),
    ("poll", Some("file"), CliText::PollFile),
    ("poll", Some("deck"), CliText::PollDeck),
    ("poll", Some("json"), CliText::PollFormat),
    ("poll", Some("moment"), CliText::PollCount),
    ("check-images", None, CliText::CheckImagesAbout),
    ("check-images", Some("dir"), CliText::ImagesDir),
    ("check-images", Some("min"), CliText::ImagesMin),
];

/// The texts of the options of playing ([`PlayArgs`]), at the top level and under `play`.
const PLAY_TEXTS: [(&str, CliText); 6] = [
    ("deck", CliText::PlayDeck),
    ("sessions", CliText::Sessions),
    ("single_window", CliText::SingleWindow),
    ("continue_from", CliText::Continue),
    ("phones", CliText::Phones),
    ("phones_bind", CliText::PhonesBind),
];

/// The texts of the commands that take a journal ([`JournalArgs`]).
const JOURNAL_TEXTS: [(&str, CliText); 3] = [
    ("journal", CliText::Journal),
    ("out", CliText::Out),
    ("deck", CliText::JournalDeck),
];

/// The command-line definition with every description in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let tr = |k: CliText| k.tr(lang);
    let mut cmd = localize(Cli::command(), "", lang);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &name, lang));
    }
    let cmd = cmd
        .subcommand_help_heading(tr(CliText::Commands))
        .disable_help_subcommand(true);
    usage::localized(cmd, lang)
}

/// One command's texts, headings and help flag in `lang`.
fn localize(mut cmd: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let tr = |k: CliText| k.tr(lang);
    for (_, arg, key) in TEXTS.iter().filter(|(c, _, _)| *c == name) {
        match arg {
            None => cmd = cmd.about(tr(*key)),
            Some(id) => cmd = cmd.mut_arg(*id, |a| described(a, tr(*key), lang)),
        }
    }
    let shared: &[(&str, CliText)] = match name {
        "" | "play" => &PLAY_TEXTS,
        "poster" | "manners" | "report" => &JOURNAL_TEXTS,
        _ => &[],
    };
    for (id, key) in shared {
        cmd = cmd.mut_arg(*id, |a| described(a, tr(*key), lang));
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = tr(if positional {
            CliText::Arguments
        } else {
            CliText::Options
        });
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    let mut cmd = cmd
        .disable_help_flag(true)
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}\n",
            tr(CliText::Usage)
        ))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr(CliText::Help))
                .help_heading(tr(CliText::Options)),
        );
    if name.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr(CliText::Version))
                .help_heading(tr(CliText::Options)),
        );
    }
    cmd
}

/// `arg` described by `text`, with its default in `lang` ("[standaard: 3]"); clap's own English
/// notes of the default and the possible values are hidden (the texts name the values).
fn described(arg: Arg, text: &str, lang: Lang) -> Arg {
    if !arg.get_action().takes_values() {
        return arg.help(text.to_owned());
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let help = if defaults.is_empty() {
        text.to_owned()
    } else {
        let word = CliText::Default.tr(lang);
        format!("{text} [{word}: {}]", defaults.join(", "))
    };
    arg.hide_default_value(true)
        .hide_possible_values(true)
        .help(help)
}

/// The language of a run: `--lang` when the arguments have a valid one, else the environment's.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            return lang;
        }
    }
    Lang::from_env()
}

/// Parses the command line in `lang`; a usage error, `--help` or `--version` comes back as a
/// [`CliError`] in `lang`, which prints itself and knows its exit status.
pub fn parse(args: &[OsString], lang: Lang) -> Result<Cli, CliError> {
    let mut cmd = command(lang);
    let mut matches = cmd
        .try_get_matches_from_mut(args)
        .map_err(|e| errors::localized(e, &mut cmd, args, lang))?;
    let sub = matches.subcommand_name().map(str::to_owned);
    let cli = Cli::from_arg_matches_mut(&mut matches).map_err(|e| {
        let e = errors::in_own_words(e, &cmd);
        errors::localized(e, &mut cmd, args, lang)
    })?;
    // The options of playing before another command would be silently ignored.
    if let Some(sub) = sub
        && cli.play != PlayArgs::default()
    {
        let msg = crate::bi!(
            "de opties om te spelen horen niet bij '{sub}'; zet opties van '{sub}' na '{sub}'",
            "the options of playing do not go with '{sub}'; put options of '{sub}' after '{sub}'"
        );
        let e = errors::custom(
            &cmd,
            clap::error::ErrorKind::ArgumentConflict,
            msg.text(lang),
        );
        return Err(errors::localized(e, &mut cmd, args, lang));
    }
    Ok(cli)
}

/// Runs the command line.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let lang = lang_of(&args);
    let cli = match parse(&args, lang) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let lang = cli.lang.unwrap_or(lang);
    run(cli, lang)
}

fn run(cli: Cli, lang: Lang) -> ExitCode {
    use crate::commands::{check, images, poll, poster, report, simulate};
    let mut out = std::io::stdout();
    let command = cli.command.unwrap_or(Command::Play(cli.play));
    let result = match command {
        Command::Play(play) => return crate::app::run(play_options(play, cli.lang)),
        Command::Check { paths, options } => {
            let mut err = std::io::stderr();
            return ExitCode::from(check::run_in(&paths, &options, lang, &mut out, &mut err));
        }
        Command::Simulate(args) => simulate::run(&args, lang, &mut out),
        Command::Demo {
            screenshots,
            size,
            deck,
        } => {
            return crate::app::demo(crate::app::DemoOptions {
                screenshots,
                size,
                deck,
                lang: cli.lang,
            });
        }
        Command::Poster(j) => poster::run(&j.journal, j.deck.as_deref(), &j.out, lang, &mut out),
        Command::Manners(j) => {
            poster::manners(&j.journal, j.deck.as_deref(), &j.out, lang, &mut out)
        }
        Command::Poll {
            file,
            deck,
            options,
        } => poll::run(&file, deck.as_deref(), options, lang, &mut out),
        Command::Report(j) => report::run(&j.journal, j.deck.as_deref(), &j.out, lang, &mut out),
        Command::CheckImages { dir, min } => images::run(&dir, min, &mut out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{}: {msg}", CliText::Error.tr(lang));
            ExitCode::from(1)
        }
    }
}

/// What the game starts with.
fn play_options(play: PlayArgs, lang: Option<Lang>) -> crate::app::PlayOptions {
    crate::app::PlayOptions {
        lang,
        deck: play.deck,
        sessions: play.sessions,
        single_window: play.single_window,
        continue_from: play.continue_from,
        phones: match (play.phones_bind, play.phones) {
            (Some(addr), _) => Some(crate::app::phones::Bind::Exact(addr)),
            (None, true) => Some(crate::app::phones::Bind::Auto),
            (None, false) => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        std::iter::once("cultuurbarbarenspel")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect()
    }

    fn parsed(line: &str) -> Cli {
        parse(&args(line), Lang::Nl).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    #[test]
    fn both_definitions_are_sound() {
        for lang in Lang::ALL {
            command(lang).debug_assert();
        }
    }

    #[test]
    fn play_takes_every_option_of_the_bare_command() {
        let line = "--deck d.ron --sessions s --single-window --continue j.jsonl --phones-bind 127.0.0.1:0";
        let bare = parsed(line);
        let play = parsed(&format!("play {line}"));
        let Some(Command::Play(with_play)) = play.command else {
            panic!("play parses as play");
        };
        assert_eq!(with_play, bare.play);
        assert!(with_play.single_window);
        assert_eq!(with_play.continue_from, Some(PathBuf::from("j.jsonl")));
    }

    #[test]
    fn options_of_playing_do_not_mix_with_another_command() {
        assert!(parse(&args("--single-window check"), Lang::Nl).is_err());
        let report = parsed("report j.jsonl --out o --deck d.ron");
        let Some(Command::Report(j)) = report.command else {
            panic!("report parses as report");
        };
        assert_eq!(j.deck, Some(PathBuf::from("d.ron")));
    }

    #[test]
    fn the_language_comes_from_lang_anywhere_on_the_line() {
        assert_eq!(lang_of(&args("--lang en check")), Lang::En);
        assert_eq!(lang_of(&args("check --lang=en x.ron")), Lang::En);
        assert_eq!(lang_of(&args("report j --lang nl --out o")), Lang::Nl);
        assert_eq!(parsed("--lang en check").lang, Some(Lang::En));
        assert_eq!(parsed("check x.ron --lang en").lang, Some(Lang::En));
        assert!(parse(&args("--lang de"), Lang::Nl).is_err());
    }

    #[test]
    fn simulate_reads_its_plan_as_a_list() {
        let Some(Command::Simulate(s)) = parsed("simulate --teams 4 --plan a,b --plan c").command
        else {
            panic!("simulate parses as simulate");
        };
        assert_eq!(s.teams, 4);
        assert_eq!(s.plan, ["a", "b", "c"]);
    }

    /// The help of every command, in `lang`.
    fn helps(lang: Lang) -> Vec<String> {
        let mut cmd = command(lang);
        cmd.build();
        let mut out = vec![cmd.render_long_help().to_string()];
        for sub in cmd.get_subcommands_mut() {
            out.push(sub.render_long_help().to_string());
        }
        out
    }

    #[test]
    fn every_option_is_described_in_the_language_of_the_run() {
        let mut cmd = command(Lang::Nl);
        cmd.build();
        let mut undescribed = Vec::new();
        let mut walk = vec![&cmd];
        while let Some(c) = walk.pop() {
            for a in c.get_arguments() {
                if a.get_help().is_none() {
                    undescribed.push(format!("{} {}", c.get_name(), a.get_id()));
                }
            }
            if c.get_about().is_none() {
                undescribed.push(c.get_name().to_owned());
            }
            walk.extend(c.get_subcommands());
        }
        assert!(undescribed.is_empty(), "no description: {undescribed:?}");

        let nl = helps(Lang::Nl).join("\n");
        let en = helps(Lang::En).join("\n");
        for english in [
            "Options:",
            "Usage:",
            "Print help",
            "Commands:",
            "Deck to start with",
        ] {
            assert!(!nl.contains(english), "Dutch help has {english:?}");
        }
        for dutch in [
            "Opties",
            "Gebruik",
            "Toon",
            "Opdrachten",
            "Deck om mee te beginnen",
        ] {
            assert!(!en.contains(dutch), "English help has {dutch:?}");
            assert!(nl.contains(dutch), "Dutch help lacks {dutch:?}");
        }
    }

    #[test]
    fn the_deck_option_says_what_it_is_for_each_command() {
        let help = |sub: &str| {
            let mut cmd = command(Lang::En);
            cmd.build();
            let c = cmd.find_subcommand_mut(sub).expect(sub);
            c.render_long_help().to_string()
        };
        assert!(help("play").contains("Deck to start with"));
        assert!(help("report").contains("has moved since the session"));
        assert!(help("poll").contains("whose values the poll rates"));
        assert!(!help("report").contains("Deck to start with"));
        assert!(!help("check").contains("--deck"));
    }
}
