use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

use cultuurbarbarenspel::commands;

/// CultuurBarbarenSpel: kernwaarden omzetten in concreet teamgedrag.
#[derive(Parser, Debug)]
#[command(name = "cultuurbarbarenspel", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    play: PlayArgs,
}

#[derive(clap::Args, Debug, Clone, Default)]
struct PlayArgs {
    /// Deck to start with (default: levels/klantcontact.nl.ron here or in the user's data folder,
    /// else the built-in one).
    #[arg(long, global = true)]
    deck: Option<PathBuf>,
    /// Folder with session journals (default: the platform's data directory).
    #[arg(long, global = true)]
    sessions: Option<PathBuf>,
    /// One window: facilitator controls in a panel that can be hidden.
    #[arg(long)]
    single_window: bool,
    /// Continue a previous session of a trajectory (teams and values carry over).
    #[arg(long = "continue", value_name = "JOURNAL")]
    continue_from: Option<PathBuf>,
    /// Let the teams choose on their own phones: start the join server on this computer's first
    /// suitable network address (never on all interfaces); the join URL is printed.
    #[arg(long)]
    phones: bool,
    /// Start the join server on exactly this address (e.g. 192.168.1.20:8427, or 127.0.0.1:0).
    #[arg(long, value_name = "ADDR:PORT")]
    phones_bind: Option<std::net::SocketAddr>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Play the game (the default when no command is given).
    Play,
    /// Check deck files: every `*.ron` under levels/, or the files and folders given.
    Check {
        paths: Vec<PathBuf>,
        /// Output format: human-readable text or JSON lines for editors.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Treat warnings as errors (exit status 1).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Play a whole session headless with seeded random (or scripted) choices.
    Simulate {
        /// The deck (default: levels/klantcontact.nl.ron, or the built-in one).
        #[arg(long)]
        deck: Option<PathBuf>,
        #[arg(long, default_value_t = 3)]
        teams: usize,
        #[arg(long, default_value_t = cultuurbarbarenspel::session::DEFAULT_ROUNDS as usize)]
        rounds: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Scripted choices instead of random ones (see docs/sessions.md).
        #[arg(long)]
        choices: Option<PathBuf>,
        /// Add N agreements of the group (and notes on the debrief questions) at the end.
        #[arg(long, default_value_t = 0)]
        agreements: usize,
        /// The session plan: scenario ids in the order to play them (`--plan a,b,c`); the seeded
        /// draw fills the rounds after it.
        #[arg(long, value_name = "ID,ID,…")]
        plan: Vec<String>,
    },
    /// Play a short scripted session through every screen and save one PNG per screen (on the
    /// default deck, or the one given with --deck).
    Demo {
        #[arg(long)]
        screenshots: PathBuf,
        /// Window size, e.g. 1920x1080.
        #[arg(long, default_value = "1920x1080")]
        size: String,
    },
    /// Write each team's poster (1920×1080 and A4 at 300 dpi) for a session journal.
    Poster {
        journal: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write "Zo zijn onze manieren", the group's adopted agreements, on one A4 page: HTML, PNG and
    /// (when Chromium is installed) PDF.
    Manners {
        journal: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Read a pre-session poll (CSV from a form tool) and propose value weights for a deck.
    Poll {
        /// The export: CSV or tab-separated text, UTF-8, UTF-16 or Windows-1252.
        file: PathBuf,
        /// Output format: text for a person, or one JSON object.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// When a value is rated both "now" and "desired": which counts.
        #[arg(long, value_enum, default_value_t = PollCount::Desired)]
        count: PollCount,
    },
    /// Write report.md, scores.csv and session.json for a session journal (`--deck` when the
    /// deck has moved since the session).
    Report {
        journal: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// (For CI.) Check that every PNG in DIR is a real, distinct picture, not a blank frame.
    #[command(hide = true)]
    CheckImages {
        dir: PathBuf,
        /// The least number of PNG files expected in DIR.
        #[arg(long, default_value_t = 1)]
        min: usize,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum PollCount {
    Desired,
    Now,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None | Some(Command::Play) => {
            // The Bevy game; see src/app.
            let opts = cultuurbarbarenspel::app::PlayOptions {
                deck: cli.play.deck,
                sessions: cli.play.sessions,
                single_window: cli.play.single_window,
                continue_from: cli.play.continue_from,
                phones: match (cli.play.phones_bind, cli.play.phones) {
                    (Some(addr), _) => Some(cultuurbarbarenspel::app::phones::Bind::Exact(addr)),
                    (None, true) => Some(cultuurbarbarenspel::app::phones::Bind::Auto),
                    (None, false) => None,
                },
                lang: None,
            };
            cultuurbarbarenspel::app::run(opts)
        }
        Some(Command::Check {
            paths,
            format,
            deny_warnings,
        }) => {
            let opts = commands::check::CheckOptions {
                json: format == Format::Json,
                deny_warnings,
            };
            let code = commands::check::run(
                &paths,
                &opts,
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
            ExitCode::from(code)
        }
        Some(Command::Simulate {
            deck,
            teams,
            rounds,
            seed,
            choices,
            agreements,
            plan,
        }) => {
            let deck = match deck.or(cli.play.deck) {
                Some(d) => d,
                None => match cultuurbarbarenspel::deck::builtin::default_deck() {
                    Ok(d) => d,
                    Err(e) => return report_result(Err(e)),
                },
            };
            let args = commands::simulate::SimulateArgs {
                deck,
                teams,
                rounds,
                seed,
                sessions: cli.play.sessions,
                choices,
                agreements,
                plan: plan
                    .iter()
                    .flat_map(|p| p.split(','))
                    .map(|id| id.trim().to_string())
                    .filter(|id| !id.is_empty())
                    .collect(),
            };
            report_result(commands::simulate::run(&args, &mut std::io::stdout()))
        }
        Some(Command::Demo { screenshots, size }) => {
            cultuurbarbarenspel::app::demo(cultuurbarbarenspel::app::DemoOptions {
                screenshots,
                size,
                deck: cli.play.deck,
                lang: None,
            })
        }
        Some(Command::Poster { journal, out }) => report_result(commands::poster::run(
            &journal,
            cli.play.deck.as_deref(),
            &out,
            &mut std::io::stdout(),
        )),
        Some(Command::Manners { journal, out }) => report_result(commands::poster::manners(
            &journal,
            cli.play.deck.as_deref(),
            &out,
            &mut std::io::stdout(),
        )),
        Some(Command::Poll {
            file,
            format,
            count,
        }) => report_result(commands::poll::run(
            &file,
            cli.play.deck.as_deref(),
            commands::poll::PollArgs {
                json: format == Format::Json,
                moment: match count {
                    PollCount::Desired => cultuurbarbarenspel::poll::Moment::Desired,
                    PollCount::Now => cultuurbarbarenspel::poll::Moment::Now,
                },
            },
            &mut std::io::stdout(),
        )),
        Some(Command::Report { journal, out }) => report_result(commands::report::run(
            &journal,
            cli.play.deck.as_deref(),
            &out,
            &mut std::io::stdout(),
        )),
        Some(Command::CheckImages { dir, min }) => {
            report_result(commands::images::run(&dir, min, &mut std::io::stdout()))
        }
    }
}

fn report_result(r: Result<(), String>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("fout: {msg}");
            ExitCode::from(1)
        }
    }
}
