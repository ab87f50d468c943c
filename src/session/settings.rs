//! What a session is set up with: the deck, the teams, the rounds, the seed. Written once, as the
//! journal's header.

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::SessionError;
use crate::bi;
use crate::deck::{Deck, Language};
use crate::lang::Bi;

/// The fewest teams a session can have.
pub const MIN_TEAMS: usize = 2;
/// The most teams a session can have.
pub const MAX_TEAMS: usize = 12;
/// The longest team name, in characters (after trimming).
pub const MAX_TEAM_NAME: usize = 40;
/// The longest discussion, in seconds (one hour).
pub const MAX_DISCUSSION_SECS: u32 = 3600;

/// Team colours: the eight of Okabe–Ito (they stay apart with the common colour-vision
/// deficiencies) and four more so that twelve teams never share one (rose, olive, lavender, ochre).
pub const PALETTE: [&str; 12] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#DCDCDC",
    "#CC6677", "#999933", "#8E7CC3", "#A6761D",
];

/// [`PALETTE`] as red, green and blue, for the screens that draw with numbers.
pub const PALETTE_RGB: [[u8; 3]; 12] = {
    const fn digit(b: u8) -> u8 {
        match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => panic!("PALETTE holds #RRGGBB colours"),
        }
    }
    let mut out = [[0u8; 3]; 12];
    let mut i = 0;
    while i < PALETTE.len() {
        let b = PALETTE[i].as_bytes();
        let mut c = 0;
        while c < 3 {
            out[i][c] = digit(b[1 + 2 * c]) * 16 + digit(b[2 + 2 * c]);
            c += 1;
        }
        i += 1;
    }
    out
};

/// The number of rounds a new session plays unless the facilitator (or `simulate --rounds`) says
/// otherwise; fewer when the deck has fewer scenarios.
pub const DEFAULT_ROUNDS: u32 = 3;

/// One team: its name as shown on the projector and its colour as `#RRGGBB`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSpec {
    pub name: String,
    pub colour: String,
}

impl TeamSpec {
    pub fn new(name: impl Into<String>, colour: impl Into<String>) -> Self {
        TeamSpec {
            name: name.into(),
            colour: colour.into(),
        }
    }

    /// `n` teams called "Team 1", "Team 2", … with the colours of [`PALETTE`] in turn.
    pub fn numbered(n: usize) -> Vec<TeamSpec> {
        (0..n)
            .map(|i| TeamSpec::new(format!("Team {}", i + 1), PALETTE[i % PALETTE.len()]))
            .collect()
    }

    /// The colour as RGB bytes, when it is a valid `#RRGGBB`.
    pub fn rgb(&self) -> Option<[u8; 3]> {
        parse_colour(&self.colour)
    }
}

/// How values are agreed: one set for the whole group, or one set per team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValuesMode {
    /// One set of values (with weights) for the whole group; every team scores against it.
    #[default]
    Shared,
    /// Each team agrees its own set of values.
    PerTeam,
}

/// Everything a session is set up with. Stored as the journal's first line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The deck file as given (relative to the folder the game was started in, or absolute).
    pub deck_path: String,
    /// The deck's `id`.
    pub deck_id: String,
    /// SHA-256 of the deck's content, lower-case hex (see [`crate::store::deck_hash_of`]): comments
    /// and layout do not change it.
    pub deck_hash: String,
    pub teams: Vec<TeamSpec>,
    /// How many rounds are played (skipped rounds do not count).
    pub rounds: u32,
    /// Seconds of discussion per round (0 = no timer).
    pub discussion_secs: u32,
    /// Seed of the scenario draw.
    pub seed: u64,
    pub values_mode: ValuesMode,
    /// The language the session is played in.
    #[serde(default)]
    pub language: Language,
    /// Path of the journal of the previous session of a trajectory, if this one continues it.
    #[serde(default)]
    pub continues: Option<String>,
    /// Scenario ids played in earlier sessions of the trajectory: the draw leaves them out.
    #[serde(default)]
    pub played_before: Vec<String>,
    /// This session's number in its trajectory (1 for a first session).
    #[serde(default = "first_sitting", skip_serializing_if = "is_first_sitting")]
    pub sitting: u32,
    /// The group's values carried from the earlier sessions (see [`super::GroupValue`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_values: Vec<super::GroupValue>,
    /// The agreements in force from the earlier sessions, each with its history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub register: Vec<super::Agreement>,
}

fn first_sitting() -> u32 {
    1
}

fn is_first_sitting(n: &u32) -> bool {
    *n <= 1
}

impl Settings {
    /// Settings for `deck` with sensible defaults: three numbered teams, [`DEFAULT_ROUNDS`] rounds
    /// (or fewer when the deck is smaller), three minutes of discussion, seed 1, shared values.
    pub fn for_deck(deck_path: &Path, deck: &Deck, deck_hash: impl Into<String>) -> Settings {
        Settings {
            deck_path: deck_path.to_string_lossy().into_owned(),
            deck_id: deck.id.clone(),
            deck_hash: deck_hash.into(),
            teams: TeamSpec::numbered(3),
            rounds: deck.scenarios.len().clamp(1, DEFAULT_ROUNDS as usize) as u32,
            discussion_secs: 180,
            seed: 1,
            values_mode: ValuesMode::Shared,
            language: deck.language,
            continues: None,
            played_before: Vec::new(),
            sitting: 1,
            group_values: Vec::new(),
            register: Vec::new(),
        }
    }

    /// Every problem with these settings, in Dutch and English, one sentence each (empty when all
    /// is well). Team names are compared trimmed and without regard to case.
    pub fn problems(&self) -> Vec<Bi> {
        let mut out = Vec::new();
        let n = self.teams.len();
        if !(MIN_TEAMS..=MAX_TEAMS).contains(&n) {
            out.push(bi!(
                "Er moeten {MIN_TEAMS} tot {MAX_TEAMS} teams zijn, nu zijn het er {n}.",
                "There must be {MIN_TEAMS} to {MAX_TEAMS} teams; now there are {n}."
            ));
        }
        let mut seen: Vec<String> = Vec::new();
        for (i, t) in self.teams.iter().enumerate() {
            out.extend(team_problems(i, t, &seen));
            seen.push(t.name.trim().to_lowercase());
        }
        if self.rounds == 0 {
            out.push(bi!(
                "Er moet minstens één ronde zijn.",
                "There must be at least one round."
            ));
        }
        if self.discussion_secs > MAX_DISCUSSION_SECS {
            let secs = self.discussion_secs;
            out.push(bi!(
                "De discussietijd is hoogstens {MAX_DISCUSSION_SECS} seconden (een uur), niet {secs}.",
                "The discussion time is at most {MAX_DISCUSSION_SECS} seconds (an hour), not {secs}."
            ));
        }
        if self.deck_id.trim().is_empty() {
            out.push(bi!("Er is geen deck gekozen.", "No deck has been chosen."));
        }
        out
    }

    /// `Ok` when [`Settings::problems`] finds none.
    pub fn validate(&self) -> Result<(), SessionError> {
        let p = self.problems();
        if p.is_empty() {
            Ok(())
        } else {
            Err(SessionError::Settings(p))
        }
    }

    /// The number of value sets: 1 when shared, else one per team.
    pub fn value_sets(&self) -> usize {
        match self.values_mode {
            ValuesMode::Shared => 1,
            ValuesMode::PerTeam => self.teams.len(),
        }
    }

    /// The value set a team plays with.
    pub fn value_set_of(&self, team: usize) -> usize {
        match self.values_mode {
            ValuesMode::Shared => 0,
            ValuesMode::PerTeam => team,
        }
    }

    /// A team's name, or "team N" (1-based) for an index out of range.
    pub fn team_name(&self, team: usize) -> String {
        match self.teams.get(team) {
            Some(t) => t.name.trim().to_string(),
            None => format!("team {}", team + 1),
        }
    }
}

/// The problems of team `i` (0-based), given the names (trimmed, lower case) of the teams before it.
fn team_problems(i: usize, t: &TeamSpec, seen: &[String]) -> Vec<Bi> {
    let mut out = Vec::new();
    let (n, name) = (i + 1, t.name.trim());
    if name.is_empty() {
        out.push(bi!("Team {n} heeft geen naam.", "Team {n} has no name."));
    } else if name.chars().count() > MAX_TEAM_NAME {
        out.push(bi!(
            "De naam van team {n} is langer dan {MAX_TEAM_NAME} tekens.",
            "The name of team {n} is longer than {MAX_TEAM_NAME} characters."
        ));
    } else if name.chars().any(char::is_control) {
        out.push(bi!(
            "De naam van team {n} bevat een onzichtbaar teken.",
            "The name of team {n} contains an invisible character."
        ));
    }
    if !name.is_empty() && seen.contains(&name.to_lowercase()) {
        out.push(bi!(
            "Twee teams heten \"{name}\": geef elk team een eigen naam.",
            "Two teams are called \"{name}\": give each team a name of its own."
        ));
    }
    if parse_colour(&t.colour).is_none() {
        let colour = &t.colour;
        out.push(bi!(
            "De kleur van team {n} (\"{colour}\") is geen kleur als #RRGGBB.",
            "The colour of team {n} (\"{colour}\") is not a colour like #RRGGBB."
        ));
    }
    out
}

/// `#RRGGBB` (either case) as bytes.
pub fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}
