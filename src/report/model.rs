//! The report of a session, worked out once from its journal: what every format shows (teams,
//! rounds with their choices grouped, scores, agreements with their history, the group's own
//! values by their names, photos, notes, the trajectory, the profiles). The renderers
//! ([`super::markdown`], [`super::html`]) only write it down.

use super::agreements::{Adopted, Proposal, agreements};
use super::date::local_time;
use super::open::Stage;
use crate::deck::{Key, Scenario};
use crate::lang::{Key as _, Lang, R};
use crate::session::{RankBy, RoundStatus, Session, TeamResult};

/// A value by its name as shown, with its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighted {
    pub name: String,
    pub weight: u8,
}

/// A team: its name and its colour (`#RRGGBB`; grey when the journal holds something else).
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub name: String,
    pub colour: String,
}

/// Points the facilitator gave or took.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub team: usize,
    pub points: i64,
    pub reason: String,
}

/// A round as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The round's number as shown (skipped rounds are not numbered).
    pub number: usize,
    pub title: String,
    pub kind: RoundKind,
    /// The points given while the round was on.
    pub adjustments: Vec<Adjustment>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RoundKind {
    Skipped {
        reason: String,
    },
    /// Begun, not revealed: no choices are shown.
    Open,
    Revealed(Box<Revealed>),
}

/// A revealed round: the scenario, every team's choice and the debrief with its notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Revealed {
    pub scenario_id: String,
    pub layer: String,
    pub setting: String,
    pub situation: String,
    /// One per team, in team order.
    pub choices: Vec<Choice>,
    /// Teams that chose the same behaviour with the same result share a group: (index into
    /// `choices` of the first, the teams), by key and then first team.
    pub groups: Vec<(usize, Vec<usize>)>,
    /// Each debrief question with the note made on it.
    pub debrief: Vec<(String, Option<String>)>,
}

/// A team's choice in a revealed round.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub team: usize,
    pub key: Key,
    pub text: String,
    pub consequence: String,
    /// (value name, points) per value the behaviour changed for the team.
    pub changes: Vec<(String, i64)>,
    /// The names of the values it was a barbarian move against.
    pub barbarian: Vec<String>,
    pub score: i64,
    pub best: i64,
}

/// A photo: its caption line and the hash its file is named by.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub caption: String,
    pub hash: String,
}

/// A ranked team.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub rank: usize,
    pub team: usize,
    pub total: i64,
    pub percent: Option<i64>,
    pub values: Vec<Weighted>,
}

/// A value in a team's profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileValue {
    pub name: String,
    /// `None` for a value the team did not agree on.
    pub weight: Option<u8>,
    pub points: i64,
    pub effect: i64,
}

/// A barbarian move: (round number, scenario title, value name, points).
pub type Move = (usize, String, String, i64);

/// A team's profile: its values, its barbarian moves and what it chose that served its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub values: Vec<ProfileValue>,
    pub moves: Vec<Move>,
    /// Per agreed value (strongest first), the behaviours chosen that raised it ([`served`]).
    pub served: Vec<(String, Vec<String>)>,
}

/// A session of the trajectory, with the values by their names.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    pub label: String,
    /// (team name, total, values).
    pub teams: Vec<(String, i64, Vec<Weighted>)>,
}

/// Everything the report shows.
pub struct Report<'a> {
    pub session: &'a Session,
    /// When the session was created (RFC 3339, UTC), as the journal says.
    pub created: Option<&'a str>,
    pub lang: Lang,
    pub title: String,
    pub deck_id: String,
    /// When the session was played, in local time.
    pub played: Option<String>,
    pub teams: Vec<Team>,
    /// The agreed value sets: (the team, `None` for the whole group; the values).
    pub value_sets: Vec<(Option<usize>, Vec<Weighted>)>,
    /// Points given before the first round began.
    pub before_rounds: Vec<Adjustment>,
    pub rounds: Vec<Round>,
    /// The adopted agreements by value (deck order), and the other proposals.
    pub adopted: Vec<(String, Vec<Adopted>)>,
    pub proposals: Vec<Proposal>,
    /// The photos by value.
    pub photos: Vec<(String, Vec<Photo>)>,
    /// The trajectory; empty for a first session.
    pub stages: Vec<StageRow>,
    pub finished: bool,
    pub by_alignment: bool,
    pub ranking: Vec<Ranked>,
    pub profiles: Vec<Profile>,
    /// The most points any team has on one of its agreed values (at least 1): the profiles'
    /// common scale.
    pub scale: i64,
}

impl<'a> Report<'a> {
    /// Works out the report of `s`, created at `created`, with its trajectory `stages`.
    pub fn new(s: &'a Session, created: Option<&'a str>, stages: &[Stage]) -> Report<'a> {
        let settings = s.settings();
        let deck = s.deck();
        let lang = settings.language;
        let weighted = |values: &[(String, u8)]| weighted(s, values);
        let shared = settings.values_mode == crate::session::ValuesMode::Shared;
        let sets = settings.value_sets();
        let profiles: Vec<Profile> = (0..s.team_count()).map(|t| profile(s, t)).collect();
        let scale = profiles
            .iter()
            .flat_map(|p| &p.values)
            .filter(|v| v.weight.is_some())
            .map(|v| v.points.abs())
            .max()
            .unwrap_or(0)
            .max(1);
        let (adopted, proposals) = agreements(s);
        Report {
            session: s,
            created,
            lang,
            title: deck.title.clone(),
            deck_id: deck.id.clone(),
            played: created.map(local_time),
            teams: (0..s.team_count())
                .map(|t| Team {
                    name: settings.team_name(t),
                    colour: team_colour(s, t),
                })
                .collect(),
            value_sets: (0..sets)
                .map(|set| {
                    let holder = (!shared).then_some(set);
                    (
                        holder,
                        weighted(s.team_values(if sets == 1 { 0 } else { set })),
                    )
                })
                .collect(),
            before_rounds: adjustments(s, None),
            rounds: rounds(s),
            adopted,
            proposals,
            photos: photos(s),
            stages: stage_rows(s, stages),
            finished: s.state().finished,
            by_alignment: s.rank_by() == RankBy::Alignment,
            ranking: s
                .ranking()
                .into_iter()
                .map(|r| Ranked {
                    rank: r.rank,
                    team: r.team,
                    total: r.total,
                    percent: r.percent,
                    values: weighted(s.team_values(r.team)),
                })
                .collect(),
            profiles,
            scale,
        }
    }

    /// A fixed text in the session's language.
    pub fn tr(&self, key: R) -> &'static str {
        key.tr(self.lang)
    }
}

/// Values with their names as shown.
fn weighted(s: &Session, values: &[(String, u8)]) -> Vec<Weighted> {
    values
        .iter()
        .map(|(v, w)| Weighted {
            name: s.deck().value_name(v).to_string(),
            weight: *w,
        })
        .collect()
}

/// A team's `#RRGGBB` colour, or grey when the journal holds something else.
fn team_colour(s: &Session, t: usize) -> String {
    let c = s.settings().teams.get(t).map_or("", |x| x.colour.as_str());
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit());
    if ok { c } else { "#888888" }.to_string()
}

/// The trajectory's sessions with the values by their names; none for a first session.
fn stage_rows(s: &Session, stages: &[Stage]) -> Vec<StageRow> {
    if stages.len() < 2 {
        return Vec::new();
    }
    stages
        .iter()
        .map(|st| StageRow {
            label: st.label.clone(),
            teams: st
                .teams
                .iter()
                .map(|(n, total, v)| (n.clone(), *total, weighted(s, v)))
                .collect(),
        })
        .collect()
}

fn adjustments(s: &Session, round: Option<usize>) -> Vec<Adjustment> {
    s.state()
        .adjustments
        .iter()
        .filter(|a| a.round == round)
        .map(|a| Adjustment {
            team: a.team,
            points: a.points,
            reason: a.reason.clone(),
        })
        .collect()
}

/// The rounds begun, with a scenario the deck has.
fn rounds(s: &Session) -> Vec<Round> {
    let deck = s.deck();
    let mut out = Vec::new();
    for (index, round) in s.state().rounds.iter().enumerate() {
        let Some(sc) = deck.scenario(&round.scenario) else {
            continue;
        };
        let (number, kind) = match &round.status {
            RoundStatus::Skipped { reason } => (
                s.number_of(index),
                RoundKind::Skipped {
                    reason: reason.clone(),
                },
            ),
            RoundStatus::Open => (s.number_of(index), RoundKind::Open),
            RoundStatus::Revealed => {
                let Some(result) = s.round_result(index) else {
                    continue;
                };
                let revealed = revealed(s, index, sc, &result.teams);
                (result.number, RoundKind::Revealed(Box::new(revealed)))
            }
        };
        out.push(Round {
            number,
            title: sc.title.clone(),
            kind,
            adjustments: adjustments(s, Some(index)),
        });
    }
    out
}

fn revealed(s: &Session, index: usize, sc: &Scenario, teams: &[TeamResult]) -> Revealed {
    let deck = s.deck();
    let name = |v: &str| deck.value_name(v).to_string();
    let mut choices = Vec::new();
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut firsts: Vec<&TeamResult> = Vec::new();
    for t in teams {
        let Some(b) = sc.behaviour(t.key) else {
            continue;
        };
        // Teams that chose the same behaviour with the same result share one group.
        let same = |f: &&TeamResult| {
            f.key == t.key
                && f.score == t.score
                && f.best == t.best
                && f.per_value == t.per_value
                && f.barbarian == t.barbarian
        };
        match firsts.iter().position(same) {
            Some(g) => groups[g].1.push(t.team),
            None => {
                firsts.push(t);
                groups.push((choices.len(), vec![t.team]));
            }
        }
        choices.push(Choice {
            team: t.team,
            key: t.key,
            text: b.text.clone(),
            consequence: b.consequence.clone(),
            changes: t
                .per_value
                .iter()
                .map(|c| (name(&c.value), c.points))
                .collect(),
            barbarian: t.barbarian.iter().map(|v| name(v)).collect(),
            score: t.score,
            best: t.best,
        });
    }
    groups.sort_by_key(|(c, teams)| (choices[*c].key, teams[0]));
    Revealed {
        scenario_id: sc.id.clone(),
        layer: sc.layer.name(s.settings().language).to_string(),
        setting: sc.setting.clone(),
        situation: sc.situation.clone(),
        choices,
        groups,
        debrief: sc
            .debrief
            .iter()
            .enumerate()
            .map(|(qi, q)| (q.clone(), s.note(index, qi).map(str::to_string)))
            .collect(),
    }
}

/// The photos by value, each with its caption line.
fn photos(s: &Session) -> Vec<(String, Vec<Photo>)> {
    let lang = s.settings().language;
    s.photos_by_value()
        .into_iter()
        .map(|(value, list)| {
            let list = list
                .into_iter()
                .map(|(_, p)| {
                    let mut parts = Vec::new();
                    let main = photo_caption(p);
                    if !main.is_empty() {
                        parts.push(main);
                    }
                    if let Some(a) = p.agreement.and_then(|a| s.agreements().get(a)) {
                        let text: String = a.text.chars().take(80).collect();
                        parts.push(format!("{} “{text}”", R::WithAgreement.tr(lang)));
                    }
                    Photo {
                        caption: parts.join(" — "),
                        hash: p.hash.clone(),
                    }
                })
                .collect();
            (value.name.clone(), list)
        })
        .collect()
}

/// A photo's caption with the subgroup that made it.
pub fn photo_caption(p: &crate::session::Photo) -> String {
    match (p.caption.is_empty(), p.by.is_empty()) {
        (false, false) => format!("{} · {}", p.caption, p.by),
        (false, true) => p.caption.clone(),
        (true, false) => p.by.clone(),
        (true, true) => String::new(),
    }
}

fn profile(s: &Session, t: usize) -> Profile {
    let deck = s.deck();
    Profile {
        values: s
            .value_totals(t)
            .into_iter()
            .map(|v| ProfileValue {
                name: deck.value_name(&v.value).to_string(),
                weight: v.weight,
                points: v.points,
                effect: v.effect,
            })
            .collect(),
        moves: s
            .barbarian_moves(t)
            .into_iter()
            .map(|m| {
                let title = deck
                    .scenario(&m.scenario)
                    .map_or(m.scenario.clone(), |x| x.title.clone());
                (
                    m.number,
                    title,
                    deck.value_name(&m.value).to_string(),
                    m.points,
                )
            })
            .collect(),
        served: served(s, t)
            .into_iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(v, list)| {
                let name = deck.value_name(&v).to_string();
                (name, list.into_iter().map(|(b, _)| b).collect())
            })
            .collect(),
    }
}

/// The values of `team` strongest first (in agreed order where equal): (id, weight).
pub fn strongest_first(s: &Session, team: usize) -> Vec<(String, u8)> {
    let mut values: Vec<(String, u8)> = s.team_values(team).to_vec();
    values.sort_by_key(|v| std::cmp::Reverse(v.1));
    values
}

/// Behaviours that served a value: per agreed value of `team` (strongest first, by id), the
/// behaviours it chose that raised that value, in round order: (behaviour text, scenario title).
/// A behaviour is listed only under a value it served, never under one it harmed. The posters and
/// the report both list these.
pub fn served(s: &Session, team: usize) -> Vec<(String, Vec<(String, String)>)> {
    let deck = s.deck();
    let results = s.results();
    strongest_first(s, team)
        .into_iter()
        .map(|(id, _)| {
            let list = results
                .iter()
                .filter_map(|r| {
                    let t = r.teams.get(team)?;
                    let sc = deck.scenario(&r.scenario)?;
                    let b = sc.behaviour(t.key)?;
                    (b.effect(&id) > 0).then(|| (b.text.clone(), sc.title.clone()))
                })
                .collect();
            (id, list)
        })
        .collect()
}
