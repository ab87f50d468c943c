//! `simulate`: plays a whole session headless, with seeded random choices or scripted ones, writes
//! its journal and prints the journal's path and the final scoreboard. The same arguments give the
//! same output and the same journal, byte for byte.
//!
//! A choices file (`--choices FILE`) is plain text, one line per round; `#` starts a comment:
//!
//! ```text
//! waarden: klant_centraal=3 zorgvuldig=2   # optional: the group's values and weights
//! A B C                                    # round 1: team 1 chose A, team 2 B, team 3 C
//! B B A                                    # round 2
//! ```
//!
//! Without a `waarden:` line (`values:` works too), the simulation agrees three of the deck's values
//! (fewer when the deck has fewer) with seeded random weights.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::Write;
use std::path::PathBuf;

mod agree;
mod journal;
mod scoreboard;
mod script;

pub use scoreboard::scoreboard;
pub use script::{Script, parse_script};

use crate::deck::{Deck, Key, load_deck};
use crate::lang::{Bi, Lang};
use crate::session::{Event, Session, Settings, TeamSpec, ValuesMode};
use crate::store;

/// What `simulate` plays: the command line's options as they are (see `cli` for their
/// descriptions).
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct SimulateArgs {
    /// The deck (default: [`crate::deck::builtin::default_deck`]).
    #[arg(long)]
    pub deck: Option<PathBuf>,
    #[arg(long, default_value_t = 3)]
    pub teams: usize,
    #[arg(long, default_value_t = crate::session::DEFAULT_ROUNDS as usize)]
    pub rounds: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long)]
    pub sessions: Option<PathBuf>,
    #[arg(long)]
    pub choices: Option<PathBuf>,
    /// Agreements the group proposes at the end (adopting, revising and dropping some), with a
    /// note on each round's first debrief question: for reports and posters of such sessions.
    #[arg(long, default_value_t = 0)]
    pub agreements: usize,
    /// The session plan (scenario ids in order, see [`crate::session::Event::PlanSet`]); empty for
    /// the seeded draw.
    #[arg(long, value_name = "ID,ID,…", value_delimiter = ',')]
    pub plan: Vec<String>,
}

impl SimulateArgs {
    /// The deck to play: `--deck`, else the default deck.
    pub fn deck_path(&self) -> Result<PathBuf, Bi> {
        match &self.deck {
            Some(d) => Ok(d.clone()),
            None => crate::deck::builtin::default_deck(),
        }
    }
}

/// A message of the store or the system (a path, an I/O error), the same in both languages.
fn core_err(e: impl std::fmt::Display) -> Bi {
    Bi::same(e.to_string())
}

/// Runs the simulation and writes what it did to `out`, in `lang`.
pub fn run(args: &SimulateArgs, lang: Lang, out: &mut dyn Write) -> Result<(), String> {
    simulate(args, lang, out).map_err(|e| e.text(lang).to_owned())
}

fn simulate(args: &SimulateArgs, lang: Lang, out: &mut dyn Write) -> Result<(), Bi> {
    let deck = load_deck(&args.deck_path()?).map_err(Bi::same)?;
    let script = match &args.choices {
        None => None,
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| {
                let p = p.display();
                crate::bi!(
                    "{p}: kan het keuzebestand niet lezen: {e}",
                    "{p}: cannot read the choices file: {e}"
                )
            })?;
            Some(parse_script(&p.display().to_string(), &text)?)
        }
    };
    let session = play(args, deck, script.as_ref())?;

    let dir = args.sessions.clone().unwrap_or_else(store::default_dir);
    let path = journal::write_journal(&dir, args, &session)?;

    let text = scoreboard(&session, &path, lang);
    out.write_all(text.as_bytes()).map_err(core_err)?;
    Ok(())
}

/// Plays the session in memory.
pub fn play(args: &SimulateArgs, deck: Deck, script: Option<&Script>) -> Result<Session, Bi> {
    let path = args.deck_path()?;
    let mut settings = Settings::for_deck(&path, &deck, store::deck_hash_of(&deck));
    settings.teams = TeamSpec::numbered(args.teams);
    settings.rounds =
        u32::try_from(args.rounds).map_err(|_| crate::bi!("te veel rondes", "too many rounds"))?;
    settings.seed = args.seed;
    settings.values_mode = ValuesMode::Shared;
    let mut session = Session::new(settings, deck).map_err(|e| e.message())?;

    // A stream of its own, so that the choices do not shift the draw.
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed ^ 0x5349_4d55_4c41_5445);
    let values = match script.and_then(|s| s.values.clone()) {
        Some(v) => v,
        None => random_values(session.deck(), &mut rng),
    };
    session
        .apply(Event::ValuesAgreed { team: None, values })
        .map_err(|e| {
            e.message()
                .map(|m, l| format!("{}: {m}", l.pick("de waarden", "the values")))
        })?;
    if !args.plan.is_empty() {
        let plan = args.plan.clone();
        session.apply(Event::PlanSet { plan }).map_err(|e| {
            e.message()
                .map(|m, l| format!("{}: {m}", l.pick("het plan", "the plan")))
        })?;
    }
    for round in 0..args.rounds {
        let start = session.next_round_event().ok_or_else(|| {
            crate::bi!(
                "het deck heeft geen scenario meer",
                "the deck has no scenario left"
            )
        })?;
        session.apply(start).map_err(|e| e.message())?;
        let keys = round_keys(args, &session, script, round, &mut rng)?;
        for (team, key) in keys.into_iter().enumerate() {
            session
                .apply(Event::chose(team, key))
                .map_err(|e| e.message())?;
        }
        session.apply(Event::Revealed).map_err(|e| e.message())?;
    }
    if args.agreements > 0 {
        agree::agree(&mut session, args.agreements)?;
    }
    session
        .apply(Event::SessionFinished)
        .map_err(|e| e.message())?;
    Ok(session)
}

/// The teams' choices in round `round` (0-based): the script's, or seeded random ones.
fn round_keys(
    args: &SimulateArgs,
    session: &Session,
    script: Option<&Script>,
    round: usize,
    rng: &mut ChaCha8Rng,
) -> Result<Vec<Key>, Bi> {
    let scenario = session
        .current_scenario()
        .ok_or_else(|| crate::bi!("er is geen ronde open", "no round is open"))?;
    let Some(s) = script else {
        return Ok((0..args.teams)
            .map(|_| {
                let i = (rng.next_u64() % scenario.behaviours.len() as u64) as usize;
                scenario.behaviours[i].key
            })
            .collect());
    };
    let name = args
        .choices
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let (written, wanted) = (s.rounds.len(), args.rounds);
    let (line, keys) = s.rounds.get(round).ok_or_else(|| {
        crate::bi!(
            "{name}: er staan keuzes voor {written} rondes in, er worden er {wanted} gespeeld",
            "{name}: it has choices for {written} rounds, {wanted} are played"
        )
    })?;
    let (n, teams) = (keys.len(), args.teams);
    if n != teams {
        return Err(crate::bi!(
            "{name}:{line}: {n} keuzes, maar er zijn {teams} teams",
            "{name}:{line}: {n} choices, but there are {teams} teams"
        ));
    }
    if let Some(k) = keys.iter().find(|k| scenario.behaviour(**k).is_none()) {
        let (number, id) = (round + 1, &scenario.id);
        return Err(crate::bi!(
            "{name}:{line}: ronde {number} is \"{id}\", en dat scenario heeft geen gedrag {k}",
            "{name}:{line}: round {number} is \"{id}\", and that scenario has no behaviour {k}"
        ));
    }
    Ok(keys.clone())
}

fn random_values(deck: &Deck, rng: &mut ChaCha8Rng) -> Vec<(String, u8)> {
    let mut ids: Vec<&str> = deck.values.iter().map(|v| v.id.as_str()).collect();
    let mut picked = Vec::new();
    while picked.len() < 3 && !ids.is_empty() {
        let i = (rng.next_u64() % ids.len() as u64) as usize;
        let id = ids.remove(i);
        let weight = 1 + (rng.next_u64() % 3) as u8;
        picked.push((id.to_string(), weight));
    }
    picked
}
