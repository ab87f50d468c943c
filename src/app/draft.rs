//! The set-up draft: what the facilitator fills in on the Title, Setup and Values screens before
//! the session core takes over (deck, teams, rounds, timer, seed, values, plan). A plain struct,
//! no Bevy: [`Draft::to_settings`] and [`Draft::problems`] are tested without an app.

use std::path::{Path, PathBuf};

use crate::deck::{Deck, Layer};
use crate::lang::messages::Msg;
use crate::lang::{Bi, Key as _, Lang};
use crate::session::{Session, Settings, TeamSpec, ValuesMode};

/// The team colours and the limits on the number of teams: the session's own.
pub use crate::session::{MAX_TEAMS, MIN_TEAMS, PALETTE_RGB as PALETTE};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamDraft {
    pub name: String,
    /// Index into [`PALETTE`].
    pub colour: usize,
}

/// The set-up as the facilitator has it so far.
#[derive(Debug, Clone)]
pub struct Draft {
    pub deck_path: Option<PathBuf>,
    pub deck: Option<Deck>,
    /// Why the chosen deck could not be loaded (first diagnostic, one line).
    pub deck_error: Option<Bi>,
    pub teams: Vec<TeamDraft>,
    pub rounds: usize,
    pub discuss_secs: u32,
    pub seed: u64,
    pub shared_values: bool,
    /// Value sets: index 0 is the group when values are shared, else one per team.
    /// Each is a list of (value id, weight 1..=3).
    pub values: Vec<Vec<(String, u8)>>,
    /// The journal of the previous session of the trajectory, when this session continues one, and
    /// the scenarios played in the trajectory so far (the draw leaves them out).
    pub continues: Option<PathBuf>,
    pub played_before: Vec<String>,
    /// That previous session as replayed: what carries into this one (the group's values and the
    /// agreements in force) is taken from it when the session begins, onto the deck chosen then.
    pub previous: Option<Box<Session>>,
    /// The session plan made on Setup (scenario ids in order; empty: the seeded draw) and the
    /// layer its list shows.
    pub plan: Vec<String>,
    pub plan_layer: Option<Layer>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            deck_path: None,
            deck: None,
            deck_error: None,
            teams: (0..3)
                .map(|i| TeamDraft {
                    name: format!("Team {}", i + 1),
                    colour: i,
                })
                .collect(),
            rounds: crate::session::DEFAULT_ROUNDS as usize,
            discuss_secs: 180,
            seed: 1,
            shared_values: true,
            values: vec![Vec::new()],
            continues: None,
            played_before: Vec::new(),
            previous: None,
            plan: Vec::new(),
            plan_layer: None,
        }
    }
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

impl Draft {
    /// Chooses the deck in `path` (loaded now; a deck that cannot be loaded keeps its error).
    pub fn set_deck(&mut self, path: PathBuf) {
        let loaded = crate::deck::load_deck_bi(&path);
        self.set_loaded_deck(path, loaded);
    }

    /// Chooses the deck in `path` as loaded (or why it could not be).
    pub fn set_loaded_deck(&mut self, path: PathBuf, loaded: Result<Deck, Bi>) {
        // A plan names the scenarios of one deck.
        self.plan.clear();
        match loaded {
            Ok(d) => {
                self.rounds = self.rounds.clamp(1, self.unplayed(&d).max(1));
                self.deck = Some(d);
                self.deck_error = None;
            }
            Err(e) => {
                self.deck = None;
                self.deck_error = Some(e);
            }
        }
        self.deck_path = Some(path);
        self.fit_value_sets();
    }

    /// How many of `deck`'s scenarios were not played yet in this trajectory.
    pub fn unplayed(&self, deck: &Deck) -> usize {
        deck.scenarios
            .iter()
            .filter(|s| !self.played_before.contains(&s.id))
            .count()
    }

    pub fn value_sets(&self) -> usize {
        if self.shared_values {
            1
        } else {
            self.teams.len()
        }
    }

    /// Keep one value set per team (or one for the group), keeping what was chosen.
    pub fn fit_value_sets(&mut self) {
        let n = self.value_sets();
        let first = self.values.first().cloned().unwrap_or_default();
        self.values.resize(n, first);
        self.values.truncate(n);
        if let Some(deck) = &self.deck {
            for set in &mut self.values {
                set.retain(|(id, _)| deck.value(id).is_some());
            }
        }
    }

    /// The value set a team plays with.
    pub fn values_of_team(&self, team: usize) -> &[(String, u8)] {
        let i = if self.shared_values { 0 } else { team };
        self.values.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn team_name(&self, i: usize) -> String {
        self.teams
            .get(i)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| format!("Team {}", i + 1))
    }

    fn next_colour(&self) -> usize {
        (0..PALETTE.len())
            .find(|c| !self.teams.iter().any(|t| t.colour == *c))
            .unwrap_or(self.teams.len() % PALETTE.len())
    }

    /// One more team ("Team n", the first colour not in use), up to [`MAX_TEAMS`].
    pub fn add_team(&mut self) {
        if self.teams.len() < MAX_TEAMS {
            let n = self.teams.len() + 1;
            let colour = self.next_colour();
            self.teams.push(TeamDraft {
                name: format!("Team {n}"),
                colour,
            });
            self.fit_value_sets();
        }
    }

    /// Team `i` leaves (with its value set, when values are per team), down to [`MIN_TEAMS`].
    pub fn remove_team(&mut self, i: usize) {
        if self.teams.len() > MIN_TEAMS && i < self.teams.len() {
            self.teams.remove(i);
            if !self.shared_values && i < self.values.len() {
                self.values.remove(i);
            }
            self.fit_value_sets();
        }
    }

    /// The session's settings as the draft has them (`None` before a deck is chosen), with the
    /// deck's hash as given (the views check the settings on every frame and need no hash).
    pub fn to_settings(&self, deck_hash: String) -> Option<Settings> {
        let deck = self.deck.as_ref()?;
        let path = self.deck_path.clone().unwrap_or_default();
        let mut settings = Settings::for_deck(&path, deck, deck_hash);
        settings.teams = self
            .teams
            .iter()
            .map(|t| TeamSpec::new(t.name.trim(), hex(PALETTE[t.colour % PALETTE.len()])))
            .collect();
        settings.rounds = self.rounds as u32;
        settings.discussion_secs = self.discuss_secs;
        settings.seed = self.seed;
        settings.values_mode = if self.shared_values {
            ValuesMode::Shared
        } else {
            ValuesMode::PerTeam
        };
        settings.continues = self.continues.as_ref().map(|p| p.display().to_string());
        settings.played_before = self.played_before.clone();
        Some(settings)
    }

    /// Takes a session's settings and value sets back into the draft (a resumed or continued
    /// session): teams (colours back to palette places), rounds, timer, seed and values.
    pub fn take_settings(
        &mut self,
        settings: &Settings,
        values: impl Fn(usize) -> Vec<(String, u8)>,
    ) {
        self.teams = settings
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| TeamDraft {
                name: t.name.clone(),
                colour: t
                    .rgb()
                    .and_then(|c| PALETTE.iter().position(|p| *p == c))
                    .unwrap_or(i % PALETTE.len()),
            })
            .collect();
        self.rounds = settings.rounds as usize;
        self.discuss_secs = settings.discussion_secs;
        self.seed = settings.seed;
        self.shared_values = settings.values_mode == ValuesMode::Shared;
        let shared = self.shared_values;
        self.values = (0..settings.value_sets())
            .map(|i| values(if shared { 0 } else { i }))
            .collect();
    }

    /// What keeps the set-up from going on to the values, in `lang`, one sentence each: a missing
    /// deck, the number of teams, empty, too long or twice-used team names (the session core's
    /// own rules, see [`crate::session::Settings::problems`]). Empty when all is well.
    pub fn setup_problems(&self, lang: Lang) -> Vec<String> {
        match self.to_settings(String::new()) {
            Some(settings) => {
                let deck = self.deck.as_ref().map_or(0, |d| self.unplayed(d));
                let all_played = (deck == 0).then(|| Msg::AllPlayed.tr(lang).to_string());
                settings
                    .problems()
                    .into_iter()
                    .map(|p| p.text(lang).to_owned())
                    .chain(all_played)
                    .collect()
            }
            None => vec![Msg::ChooseDeckFirst.tr(lang).to_string()],
        }
    }

    /// What keeps the rounds from starting: [`Draft::setup_problems`], and every value set that
    /// has no value chosen yet. Empty when the rounds can start.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        let mut out = self.setup_problems(lang);
        for set in 0..self.value_sets() {
            if self.values.get(set).is_none_or(Vec::is_empty) {
                let team = self.team_name(set);
                out.push(if self.shared_values {
                    Msg::GroupNeedsValue.tr(lang).to_string()
                } else {
                    crate::bi!(
                        "Kies minstens één waarde voor {team}.",
                        "Choose at least one value for {team}."
                    )
                    .text(lang)
                    .to_owned()
                });
            }
        }
        out
    }

    /// Can the rounds start: a deck, valid teams, and every value set non-empty.
    pub fn ready_to_play(&self) -> bool {
        self.problems(Lang::default()).is_empty()
    }

    /// The folder the deck lies in (`.` for a bare file name), when a deck is chosen.
    pub fn deck_folder(&self) -> Option<PathBuf> {
        self.deck_path.as_deref().map(|p| match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => Path::new(".").to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Draft {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-demo.ron");
        let mut d = Draft::default();
        d.set_deck(path);
        assert!(d.deck.is_some(), "{:?}", d.deck_error);
        d
    }

    #[test]
    fn settings_follow_the_draft() {
        let mut d = demo();
        assert!(
            Draft::default().to_settings(String::new()).is_none(),
            "no deck, no settings"
        );
        d.teams[1].name = "  Sales ".into();
        d.teams[1].colour = 4;
        d.shared_values = false;
        d.discuss_secs = 90;
        d.seed = 7;
        let s = d.to_settings("hash".into()).expect("a deck is chosen");
        assert_eq!(s.teams.len(), 3);
        assert_eq!(s.teams[1].name, "Sales");
        assert_eq!(s.teams[1].rgb(), Some(PALETTE[4]));
        assert_eq!(s.values_mode, ValuesMode::PerTeam);
        assert_eq!((s.discussion_secs, s.seed), (90, 7));
        assert_eq!(s.deck_hash, "hash");
        // And back: the same teams (names trimmed) and colours.
        let mut back = Draft::default();
        back.take_settings(&s, |_| Vec::new());
        assert_eq!(back.teams[1].name, "Sales");
        assert_eq!(back.teams[1].colour, 4);
        assert!(!back.shared_values);
        assert_eq!(back.values.len(), 3);
    }

    #[test]
    fn problems_name_what_keeps_the_session_from_starting() {
        assert_eq!(
            Draft::default().setup_problems(Lang::Nl),
            ["Kies eerst een deck."]
        );
        assert_eq!(Draft::default().setup_problems(Lang::En).len(), 1);
        let mut d = demo();
        assert!(d.setup_problems(Lang::Nl).is_empty());
        assert_eq!(
            d.problems(Lang::Nl),
            ["Kies minstens één waarde voor de groep."]
        );
        d.teams[2].name = "team 1".into();
        assert!(d.setup_problems(Lang::Nl)[0].contains("Twee teams heten"));
        d.teams[2].name = "Team 3".into();
        let value = d.deck.as_ref().unwrap().values[0].id.clone();
        d.values[0].push((value, 2));
        assert!(d.ready_to_play());
        // Per team: each team needs its own values.
        d.shared_values = false;
        d.fit_value_sets();
        d.values[1].clear();
        assert_eq!(
            d.problems(Lang::Nl),
            ["Kies minstens één waarde voor Team 2."]
        );
        // Teams stay between the bounds.
        d.remove_team(0);
        d.remove_team(0);
        assert_eq!(d.teams.len(), MIN_TEAMS);
        (0..20).for_each(|_| d.add_team());
        assert_eq!(d.teams.len(), MAX_TEAMS);
    }
}
