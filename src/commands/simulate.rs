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
use std::path::{Path, PathBuf};

use crate::deck::{Deck, Key, load_deck};
use crate::session::{
    AgreementKind, AgreementStatus, Event, Session, Settings, TeamSpec, ValuesMode,
};
use crate::store::{self, Journal, Recorder};

/// What `simulate` plays: the command line's options as they are (see `commands::cli` for their
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
    pub fn deck_path(&self) -> Result<PathBuf, String> {
        match &self.deck {
            Some(d) => Ok(d.clone()),
            None => crate::deck::builtin::default_deck(),
        }
    }
}

/// Choices read from a `--choices` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Script {
    /// The group's values with weights, when the file names them.
    pub values: Option<Vec<(String, u8)>>,
    /// Per round, (line number, one key per team).
    pub rounds: Vec<(usize, Vec<Key>)>,
}

/// Reads a choices file's text; `name` is used in messages (`name:line: …`).
pub fn parse_script(name: &str, text: &str) -> Result<Script, String> {
    let mut script = Script::default();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let lower = line.to_lowercase();
        if let Some(rest) = lower
            .strip_prefix("waarden:")
            .or_else(|| lower.strip_prefix("values:"))
        {
            if script.values.is_some() {
                return Err(format!("{name}:{number}: de waarden staan er al eerder in"));
            }
            let start = line.len() - rest.len();
            let mut values = Vec::new();
            for item in line[start..].split_whitespace() {
                let (id, w) = item.split_once('=').ok_or_else(|| {
                    format!("{name}:{number}: \"{item}\" moet de vorm waarde=gewicht hebben, bijvoorbeeld zorgvuldig=2")
                })?;
                let weight: u8 = w
                    .parse()
                    .ok()
                    .filter(|w| (1..=3).contains(w))
                    .ok_or_else(|| {
                        format!("{name}:{number}: het gewicht van \"{id}\" moet 1, 2 of 3 zijn, niet \"{w}\"")
                    })?;
                values.push((id.to_string(), weight));
            }
            if values.is_empty() {
                return Err(format!(
                    "{name}:{number}: na \"waarden:\" ontbreken de waarden"
                ));
            }
            script.values = Some(values);
            continue;
        }
        let mut keys = Vec::new();
        for item in line.split_whitespace() {
            let mut chars = item.chars();
            let key = match (chars.next(), chars.next()) {
                (Some(c), None) => Key::from_letter(c.to_ascii_uppercase()),
                _ => None,
            };
            keys.push(key.ok_or_else(|| {
                format!(
                    "{name}:{number}: \"{item}\" is geen gedrag; gebruik de letters A tot en met F"
                )
            })?);
        }
        script.rounds.push((number, keys));
    }
    Ok(script)
}

/// Runs the simulation and writes what it did to `out`.
pub fn run(args: &SimulateArgs, out: &mut dyn Write) -> Result<(), String> {
    let deck = load_deck(&args.deck_path()?)?;
    let script = match &args.choices {
        None => None,
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("{}: kan het keuzebestand niet lezen: {e}", p.display()))?;
            Some(parse_script(&p.display().to_string(), &text)?)
        }
    };
    let session = play(args, deck, script.as_ref())?;

    let dir = args.sessions.clone().unwrap_or_else(store::default_dir);
    let path = write_journal(&dir, args, &session)?;

    let text = scoreboard(&session, &path);
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(())
}

/// Plays the session in memory.
pub fn play(args: &SimulateArgs, deck: Deck, script: Option<&Script>) -> Result<Session, String> {
    let mut settings = Settings::for_deck(&args.deck_path()?, &deck, store::deck_hash_of(&deck));
    settings.teams = TeamSpec::numbered(args.teams);
    settings.rounds = u32::try_from(args.rounds).map_err(|_| "te veel rondes".to_string())?;
    settings.seed = args.seed;
    settings.values_mode = ValuesMode::Shared;
    let mut session = Session::new(settings, deck).map_err(|e| e.to_string())?;

    // A stream of its own, so that the choices do not shift the draw.
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed ^ 0x5349_4d55_4c41_5445);
    let values = match script.and_then(|s| s.values.clone()) {
        Some(v) => v,
        None => random_values(session.deck(), &mut rng),
    };
    session
        .apply(Event::ValuesAgreed { team: None, values })
        .map_err(|e| format!("de waarden: {e}"))?;
    if !args.plan.is_empty() {
        session
            .apply(Event::PlanSet {
                plan: args.plan.clone(),
            })
            .map_err(|e| format!("het plan: {e}"))?;
    }

    let choices_name = args
        .choices
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for round in 0..args.rounds {
        let start = session
            .next_round_event()
            .ok_or("het deck heeft geen scenario meer")?;
        session.apply(start).map_err(|e| e.to_string())?;
        let scenario = session
            .current_scenario()
            .ok_or("er is geen ronde open")?
            .clone();
        let keys: Vec<Key> = match script {
            Some(s) => {
                let (line, keys) = s.rounds.get(round).ok_or_else(|| {
                    format!(
                        "{choices_name}: er staan keuzes voor {} rondes in, er worden er {} gespeeld",
                        s.rounds.len(),
                        args.rounds
                    )
                })?;
                if keys.len() != args.teams {
                    return Err(format!(
                        "{choices_name}:{line}: {} keuzes, maar er zijn {} teams",
                        keys.len(),
                        args.teams
                    ));
                }
                if let Some(k) = keys.iter().find(|k| scenario.behaviour(**k).is_none()) {
                    return Err(format!(
                        "{choices_name}:{line}: ronde {} is \"{}\", en dat scenario heeft geen gedrag {k}",
                        round + 1,
                        scenario.id
                    ));
                }
                keys.clone()
            }
            None => (0..args.teams)
                .map(|_| {
                    let i = (rng.next_u64() % scenario.behaviours.len() as u64) as usize;
                    scenario.behaviours[i].key
                })
                .collect(),
        };
        for (team, key) in keys.into_iter().enumerate() {
            session
                .apply(Event::chose(team, key))
                .map_err(|e| e.to_string())?;
        }
        session.apply(Event::Revealed).map_err(|e| e.to_string())?;
    }
    if args.agreements > 0 {
        agree(&mut session, args.agreements)?;
    }
    session
        .apply(Event::SessionFinished)
        .map_err(|e| e.to_string())?;
    Ok(session)
}

/// Proposals as subgroups write them, in Dutch and English: (kind, text).
const PROPOSALS: [(AgreementKind, &str, &str); 8] = [
    (
        AgreementKind::Behaviour,
        "Bij ons belt wie een klacht aanneemt de burger binnen twee werkdagen zelf terug, ook als er nog geen oplossing is.",
        "Whoever takes a complaint calls the resident back personally within two working days, even without a solution yet.",
    ),
    (
        AgreementKind::Ritual,
        "Elke maandag om half negen tien minuten staan: wat ging vorige week goed bij een klant, en wat leren we ervan?",
        "Every Monday at half past eight, ten minutes standing up: what went well with a customer last week, and what do we learn from it?",
    ),
    (
        AgreementKind::Behaviour,
        "We zeggen nooit \"zo doen we het nu eenmaal\" zonder uit te leggen welke regel erachter zit.",
        "We never say \"that is how we do it\" without explaining which rule lies behind it.",
    ),
    (
        AgreementKind::Hero,
        "Wie een collega uit de brand helpt, noemen we bij naam in het teamoverleg.",
        "When someone gets a colleague out of a fix, we name them in the team meeting.",
    ),
    (
        AgreementKind::Symbol,
        "Op het whiteboard bij de balie hangt de vraag van de week van een burger, met ons antwoord.",
        "On the whiteboard by the desk hangs a resident's question of the week, with our answer.",
    ),
    (
        AgreementKind::Behaviour,
        "Twijfel je of een uitzondering mag, dan overleg je dezelfde dag met een collega in plaats van nee te zeggen.",
        "If you doubt whether an exception is allowed, you check with a colleague the same day instead of saying no.",
    ),
    (
        AgreementKind::Ritual,
        "Een nieuwe collega loopt de eerste week een dag mee aan de telefoon en een dag aan de balie.",
        "A new colleague spends a day on the phones and a day at the desk in their first week.",
    ),
    (
        AgreementKind::Behaviour,
        "Na een moeilijk gesprek vragen we de collega naast ons even hoe het gaat.",
        "After a difficult conversation we ask the colleague beside us how they are.",
    ),
];

/// The group's own output at the end of a simulated session: a note on each round's first debrief
/// question, then `n` proposals from three subgroups for the agreed values; all are adopted except
/// that the second is revised first and, from three on, the last is dropped.
fn agree(session: &mut Session, n: usize) -> Result<(), String> {
    let nl = session.settings().language == crate::deck::Language::Nl;
    let apply = |session: &mut Session, ev: Event| session.apply(ev).map_err(|e| e.to_string());
    let rounds: Vec<usize> = (0..session.state().rounds.len())
        .filter(|&i| {
            session
                .deck()
                .scenario(&session.state().rounds[i].scenario)
                .is_some_and(|s| !s.debrief.is_empty())
        })
        .collect();
    for r in rounds {
        let text = if nl {
            "De groep herkende dit van de eigen balie; afgesproken om het in het teamoverleg terug te laten komen."
        } else {
            "The group recognised this from its own desk; agreed to bring it back in the team meeting."
        };
        apply(
            session,
            Event::DebriefNoted {
                round: r,
                question: 0,
                text: text.into(),
            },
        )?;
    }
    let values: Vec<String> = session
        .team_values(0)
        .iter()
        .map(|(v, _)| v.clone())
        .collect();
    let questions = session.checklist().len();
    for i in 0..n {
        let (kind, dutch, english) = PROPOSALS[i % PROPOSALS.len()];
        let text = if nl { dutch } else { english };
        let text = if i < PROPOSALS.len() {
            text.to_string()
        } else {
            format!("{text} ({})", i / PROPOSALS.len() + 1)
        };
        apply(
            session,
            Event::AgreementProposed {
                text,
                value: values[i % values.len().max(1)].clone(),
                kind,
                by: format!("{} {}", if nl { "Subgroep" } else { "Subgroup" }, i % 3 + 1),
                meets: (0..questions).filter(|q| (q + i) % 2 == 0).collect(),
                team: None,
            },
        )?;
    }
    for i in 0..n {
        if i == 1 {
            let text = if nl {
                "Elke maandag om half negen tien minuten staan: welk klantgesprek ging goed, en wat nemen we mee?"
            } else {
                "Every Monday at half past eight, ten minutes standing up: which customer conversation went well, and what do we keep?"
            };
            apply(
                session,
                Event::AgreementRevised {
                    agreement: i,
                    text: text.into(),
                },
            )?;
        }
        let status = if n >= 3 && i == n - 1 {
            AgreementStatus::Dropped
        } else {
            AgreementStatus::Adopted
        };
        apply(
            session,
            Event::AgreementDecided {
                agreement: i,
                status,
            },
        )?;
    }
    Ok(())
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

/// The journal's name says what was simulated. It is written under a temporary name and then given
/// its name without ever replacing a file: when a journal of that name is already there with the
/// same bytes (the same arguments again), that one is kept and named; when it holds another session
/// (the same deck id in another language, say), this one gets the first free name with a suffix
/// (`…_s42_2.jsonl`).
fn write_journal(dir: &Path, args: &SimulateArgs, session: &Session) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: kan de sessiemap niet maken: {e}", dir.display()))?;
    let script = args
        .choices
        .as_deref()
        .and_then(Path::file_stem)
        .map(|s| format!("_{}", s.to_string_lossy()))
        .unwrap_or_default();
    let agreed = if args.agreements > 0 {
        format!("_a{}", args.agreements)
    } else {
        String::new()
    };
    let planned = if args.plan.is_empty() { "" } else { "_plan" };
    let stem = format!(
        "simulatie_{}_t{}_r{}_s{}{}{agreed}{planned}",
        session.settings().deck_id,
        args.teams,
        args.rounds,
        args.seed,
        script,
    );
    let tmp = dir.join(format!(".{stem}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = Journal::create_at(&tmp, session.settings(), session.played_deck(), None)
        .and_then(|j| Recorder::with_journal(session.clone(), j))
        .map_err(|e| e.to_string());
    // Closed (and unlocked) before it is named.
    if let Err(e) = written.map(drop) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let result = name_journal(dir, &stem, &tmp);
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Gives the written journal `tmp` the name `STEM.jsonl`, or `STEM_2.jsonl`, `STEM_3.jsonl`, … when
/// that is taken by another file; a file of that name with the same bytes is the same journal.
fn name_journal(dir: &Path, stem: &str, tmp: &Path) -> Result<PathBuf, String> {
    use store::Fs as _;
    let bytes = std::fs::read(tmp)
        .map_err(|e| format!("{}: kan het journaal niet teruglezen: {e}", tmp.display()))?;
    for n in 1..=1000 {
        let name = if n == 1 {
            format!("{stem}.{}", store::EXTENSION)
        } else {
            format!("{stem}_{n}.{}", store::EXTENSION)
        };
        let path = dir.join(name);
        match store::RealFs.rename_new(tmp, &path) {
            Ok(()) => {
                let _ = store::RealFs.sync_dir(dir);
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if std::fs::read(&path).is_ok_and(|there| there == bytes) {
                    return Ok(path);
                }
            }
            Err(e) => {
                return Err(format!(
                    "{}: kan het journaal niet wegschrijven: {e}",
                    path.display()
                ));
            }
        }
    }
    Err(format!(
        "{}: er staan al 1000 journalen met de naam {stem}; kies een andere map met --sessions",
        dir.display()
    ))
}

/// What `simulate` prints: the journal, each round's choices and the final ranking.
pub fn scoreboard(session: &Session, journal: &Path) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let settings = session.settings();
    let deck = session.deck();
    let _ = writeln!(s, "Journaal: {}", journal.display());
    let _ = writeln!(
        s,
        "Deck: {} ({}), {} teams, {} rondes, seed {}",
        deck.title,
        deck.id,
        settings.teams.len(),
        settings.rounds,
        settings.seed
    );
    let values: Vec<String> = session
        .team_values(0)
        .iter()
        .map(|(id, w)| {
            let name = deck.value(id).map_or(id.as_str(), |v| v.name.as_str());
            format!("{name} ×{w}")
        })
        .collect();
    let _ = writeln!(s, "Waarden: {}", values.join(", "));
    let _ = writeln!(s);
    for r in session.results() {
        let title = deck
            .scenario(&r.scenario)
            .map_or(r.scenario.as_str(), |sc| sc.title.as_str());
        let _ = writeln!(s, "Ronde {}: {}", r.number, title);
        for t in &r.teams {
            let barbarian = if t.barbarian.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = t
                    .barbarian
                    .iter()
                    .map(|id| deck.value(id).map_or(id.as_str(), |v| v.name.as_str()))
                    .collect();
                format!("  barbaars: {}", names.join(", "))
            };
            let _ = writeln!(
                s,
                "  {:<12} {}  {:>+4}  (beste {:+}){barbarian}",
                settings.team_name(t.team),
                t.key,
                t.score,
                t.best
            );
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Eindstand");
    for r in session.ranking() {
        let _ = writeln!(
            s,
            "  {:>2}. {:<12} {:>+5}",
            r.rank,
            settings.team_name(r.team),
            r.total
        );
    }
    s
}
