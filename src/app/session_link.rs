//! The link between the game and the session core (`crate::session`): the live [`Session`] as a
//! resource, the events the game sends it, and read helpers the screens draw from. Every score
//! shown comes from the core; the game computes none.

use super::i18n::{Key as _, Lang, UiLang};
use crate::lang::messages::Msg;
use bevy::prelude::*;
use std::path::{Path, PathBuf};

use super::draft::Draft;
use super::nav::{Phase, Screen};
use crate::deck::{Key, Scenario};
use crate::session::{self, Carry, Event, Session, Settings};
use crate::store::{self, Recorder};

mod read;
pub use read::*;

/// The live session, once the set-up is done, with its journal on disk: no session without a
/// journal. Every event is checked, written and synced, and only then applied
/// ([`Recorder::apply`]).
#[derive(Resource, Debug, Default)]
pub struct Live {
    pub recorder: Option<Recorder>,
    /// The folder new journals are written to.
    pub folder: PathBuf,
    /// What the facilitator must be told about the journal (it was replaced after a failed write).
    pub notices: Vec<String>,
    /// The language refusals and notices are told in: the interface's ([`UiLang`]), which
    /// [`follow_language`] keeps it in step with (the session's deck may be in another).
    pub lang: Lang,
}

/// What the screens need of the current round, read from the core's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// 0-based number of the current round as shown (skipped rounds not counted).
    pub round: usize,
    pub choices: Vec<Option<Key>>,
    pub revealed: bool,
    pub finished: bool,
}

impl Live {
    /// The session, when one runs.
    pub fn session(&self) -> Option<&Session> {
        self.recorder.as_ref().map(Recorder::session)
    }

    pub fn fold(&self) -> Folded {
        let Some(s) = self.session() else {
            return Folded::default();
        };
        let st = s.state();
        match s.current_round() {
            Some((index, round)) => Folded {
                round: s.number_of(index).saturating_sub(1),
                choices: round.choices.clone(),
                revealed: round.status == session::RoundStatus::Revealed,
                finished: st.finished,
            },
            None => Folded {
                choices: vec![None; s.team_count()],
                finished: st.finished,
                ..Default::default()
            },
        }
    }

    /// Rounds to be played in all.
    pub fn rounds(&self) -> usize {
        self.session().map_or(0, |s| s.settings().rounds as usize)
    }

    /// Checks, journals (synced) and applies `ev` through [`Recorder::apply`]: exactly once, and
    /// in a fresh journal when the current one can no longer be written.
    pub fn apply(&mut self, ev: Event) -> Result<(), String> {
        let lang = self.lang;
        let r = self.recorder.as_mut().ok_or(Msg::NoSession.tr(lang))?;
        let done = r.apply(ev).map_err(|e| e.text(lang));
        self.notices
            .extend(r.take_notices().iter().map(|n| n.text(lang).to_owned()));
        done
    }

    /// The journal's path, when a session runs.
    pub fn journal_path(&self) -> Option<&Path> {
        self.recorder.as_ref().map(Recorder::path)
    }

    /// Closes the session and its journal (the next one is written when its set-up is done).
    pub fn close(&mut self) {
        self.recorder = None;
    }
}

/// Build the session from the set-up and open its journal (leaving the Setup screen): from here
/// on, what the group makes of its values and agreements is journaled. In a session that continues
/// a trajectory, the values agreed before are carried onto this deck for the Values screen.
pub fn begin(draft: &mut Draft, live: &mut Live, lang: Lang) -> Result<(), String> {
    let no_deck = || Msg::ChooseDeckFirst.tr(lang).to_string();
    let deck = draft.deck.clone().ok_or_else(no_deck)?;
    let mut settings = draft
        .to_settings(store::deck_hash_of(&deck))
        .ok_or_else(no_deck)?;
    // What the previous session of the trajectory hands on, mapped onto this deck.
    let carry = draft.previous.as_ref().map(|previous| {
        settings.sitting = previous.sitting() + 1;
        previous.carry(&deck)
    });
    if let Some(carry) = &carry {
        settings.group_values = carry.values.clone();
        // A team's own agreement whose team is gone holds for the whole group.
        let teams = settings.teams.len();
        settings.register = carry
            .register
            .iter()
            .cloned()
            .map(|mut a| {
                a.team = a.team.filter(|&t| t < teams);
                a
            })
            .collect();
    }
    let s = Session::new(settings, deck).map_err(|e| e.text(lang))?;
    // Nothing is played without a journal: a session that cannot be saved does not start.
    let recorder = Recorder::create(&live.folder, s).map_err(|e| e.text(lang))?;
    if let Some(Carry { agreed, .. }) = carry {
        for (i, set) in draft.values.iter_mut().enumerate() {
            if let Some(carried) = agreed.get(i).or(agreed.first()) {
                *set = carried.clone();
            }
            set.retain(|(id, _)| recorder.session().deck().value(id).is_some());
        }
    }
    live.recorder = Some(recorder);
    Ok(())
}

/// Agree the values chosen on the Values screen and begin the first round.
pub fn start(draft: &Draft, live: &mut Live, lang: Lang) -> Result<(), String> {
    if live.recorder.is_none() {
        return Err(Msg::NoSession.tr(lang).into());
    }
    for (i, set) in draft.values.iter().enumerate() {
        let team = if draft.shared_values { None } else { Some(i) };
        live.apply(Event::ValuesAgreed {
            team,
            values: set.clone(),
        })?;
    }
    // The plan made on Setup (without one the draw decides, the deck's recommended start first).
    if !draft.plan.is_empty() {
        live.apply(Event::PlanSet {
            plan: draft.plan.clone(),
        })?;
    }
    let first = live
        .session()
        .and_then(Session::next_round_event)
        .ok_or(Msg::NoScenarioLeft.tr(lang))?;
    live.apply(first)
}

/// The deck a journal was played with: the draft's own when it is the same file, else read again.
fn deck_of(
    draft: &Draft,
    settings: &Settings,
    deck_path: &Path,
    lang: Lang,
) -> Result<crate::deck::Deck, String> {
    match (&draft.deck, &draft.deck_path) {
        (Some(d), Some(p)) if d.id == settings.deck_id && p == deck_path => Ok(d.clone()),
        _ => crate::deck::load_deck_bi(deck_path).map_err(|e| {
            let e = e.text(lang);
            crate::bi!(
                "Het deck van deze sessie is niet te laden: {e}",
                "The deck of this session cannot be loaded: {e}"
            )
            .text(lang)
            .to_owned()
        }),
    }
}

/// Prepares a new session that continues the one in `path` (a trajectory of sessions): its deck,
/// teams, rounds, timer and agreed values carry over and can be revised on the Setup and Values
/// screens; the scenarios played so far in the trajectory are left out of the draw; the new
/// journal records the link. Returns what the facilitator must be told, if anything, in `lang`.
pub fn continue_from(path: &Path, draft: &mut Draft, lang: Lang) -> Result<Option<String>, String> {
    // Opened as the report opens it: the deck file found for the journal (`report::open`).
    let opened = crate::report::open(path, None).map_err(|e| e.text(lang).to_string())?;
    let previous = opened.session;
    // The next session plays the deck file as it is now (a trainer may have improved it), else the
    // deck as it was played.
    let recorded = || PathBuf::from(&previous.settings().deck_path);
    let (deck_path, deck) = opened
        .deck_file
        .unwrap_or_else(|| (recorded(), previous.played_deck().clone()));
    let settings = previous.settings();
    let mut played = settings.played_before.clone();
    // A skipped scenario was not played: it is back in the pool for the next session.
    for r in &previous.state().rounds {
        if !matches!(r.status, session::RoundStatus::Skipped { .. })
            && !played.contains(&r.scenario)
        {
            played.push(r.scenario.clone());
        }
    }
    let left = deck
        .scenarios
        .iter()
        .filter(|s| !played.contains(&s.id))
        .count();
    draft.set_deck(deck_path);
    // Every scenario of this deck was played: the Setup screen offers the other decks (values and
    // agreements carry over to any deck).
    let title = &deck.title;
    let notice = (left == 0).then(|| {
        crate::bi!(
            "Alle scenario's van \"{title}\" zijn in dit traject al gespeeld: kies hieronder een ander deck voor deze sessie.",
            "Every scenario of \"{title}\" was already played in this trajectory: choose another deck for this session below."
        )
        .text(lang)
        .to_owned()
    });
    draft.take_settings(settings, |set| previous.team_values(set).to_vec());
    draft.rounds = (settings.rounds as usize).min(left.max(1));
    draft.seed = settings.seed.wrapping_add(1);
    draft.continues = Some(path.to_path_buf());
    draft.played_before = played;
    draft.previous = Some(Box::new(previous));
    Ok(notice)
}

/// Resume = replay: reads the journal, replays it against its deck (the one the draft has loaded
/// when that is the same deck, else the file named in the journal) and continues writing to it.
/// Returns the screen and phase where the session stood; the warnings go to [`Live::notices`].
pub fn resume(
    path: &Path,
    draft: &mut Draft,
    live: &mut Live,
) -> Result<(Screen, Option<Phase>), String> {
    let lang = live.lang;
    let loaded = store::read(path).map_err(|e| e.text(lang))?;
    // The deck file is found the way the report finds it (`report::open::find_deck`).
    let recorded = &loaded.settings.deck_path;
    let deck_path =
        crate::report::open::find_deck(path, recorded).unwrap_or_else(|_| recorded.into());
    let on_disk = deck_of(draft, &loaded.settings, &deck_path, lang);
    let fs: std::sync::Arc<dyn store::Fs> = std::sync::Arc::new(store::RealFs);
    let resumed =
        store::resume_in(fs, path, on_disk.clone().ok()).map_err(|e| match (e, on_disk) {
            (store::StoreError::NoDeck { .. }, Err(why)) => why,
            (e, _) => e.text(lang),
        })?;
    let recorder = resumed.recorder;
    let session = recorder.session();
    // The session plays on with its deck as played (stored in the journal).
    draft.deck = Some(session.played_deck().clone());
    draft.deck_path = Some(deck_path);
    draft.deck_error = None;
    draft.take_settings(session.settings(), |set| session.team_values(set).to_vec());
    live.notices
        .extend(resumed.warnings.iter().map(|w| w.text(lang).to_owned()));

    use session::Phase as P;
    let place = match session.phase() {
        P::WaitingForValues => (Screen::Values, None),
        P::ReadyForRound => (Screen::Scoreboard, None),
        P::RoundOpen { .. } => (Screen::Round, Some(Phase::Choose)),
        P::Revealed { .. } => (Screen::Round, Some(Phase::Reveal)),
        P::Finished => (Screen::Final, None),
    };
    live.recorder = Some(recorder);
    Ok(place)
}

/// A folder for what a session hands out, next to its journal (`<journal>-<what>/`; `<what>/` in
/// the sessions folder for a session without one), and when the session was created.
pub(crate) fn beside_journal(live: &Live, what: &str) -> (PathBuf, Option<String>) {
    match live.journal_path() {
        Some(j) => {
            let stem = j
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "sessie".into());
            let created = store::read(j).ok().and_then(|l| l.created);
            (j.with_file_name(format!("{stem}-{what}")), created)
        }
        None => (live.folder.join(what), None),
    }
}

/// Writes "Zo zijn onze manieren" on one A4 page (HTML and PNG) into a folder next to the journal
/// (`<journal>-manieren/`); returns the folder.
pub fn save_manners(live: &Live, lang: Lang) -> Result<PathBuf, String> {
    let s = live.session().ok_or(Msg::NoSession.tr(lang))?;
    let (dir, created) = beside_journal(live, "manieren");
    let album = live
        .journal_path()
        .map_or_else(crate::photos::Album::none, crate::photos::Album::beside);
    crate::report::manners::write_with_photos(s, created.as_deref(), &dir, false, &album)?;
    Ok(dir)
}

pub fn choose(live: &mut Live, team: usize, key: Key) -> Result<(), String> {
    live.apply(Event::chose(team, key))
}

pub fn all_chosen(live: &Live) -> bool {
    let f = live.fold();
    !f.choices.is_empty() && f.choices.iter().all(Option::is_some)
}

/// The scenarios to come after the current round, as the plan and the draw give them (at most
/// `n`, also beyond the rounds left: the facilitator may choose among them), for the look-ahead.
pub fn upcoming(live: &Live, n: usize) -> Vec<&Scenario> {
    let Some(s) = live.session() else {
        return Vec::new();
    };
    s.upcoming(n)
        .iter()
        .filter_map(|id| s.deck().scenario(id))
        .collect()
}

/// Puts scenario `id` next in the session plan, the rest of what was to come after it (a
/// [`session::Event::PlanSet`], journaled; Ctrl+Z takes it back).
pub fn plan_next(live: &mut Live, id: &str, lang: Lang) -> Result<(), String> {
    let s = live.session().ok_or(Msg::NoSession.tr(lang))?;
    let mut plan = vec![id.to_string()];
    plan.extend(
        s.upcoming(s.deck().scenarios.len())
            .into_iter()
            .filter(|u| u != id),
    );
    live.apply(Event::PlanSet { plan })
}

/// Why the choices cannot be revealed now (who is still choosing), in the core's words.
pub fn why_not_reveal(live: &Live, lang: Lang) -> String {
    match live.session() {
        Some(s) => match s.check(&Event::Revealed) {
            Err(e) => e.text(lang),
            Ok(()) => String::new(),
        },
        None => Msg::NoSession.tr(lang).to_string(),
    }
}

pub fn reveal(live: &mut Live) -> Result<(), String> {
    live.apply(Event::Revealed)
}

pub fn rounds_left(live: &Live) -> usize {
    live.session().map_or(0, Session::rounds_left)
}

pub fn next_round(live: &mut Live) -> Result<(), String> {
    let lang = live.lang;
    let ev = live
        .session()
        .and_then(Session::next_round_event)
        .ok_or(Msg::NoNewRound.tr(lang))?;
    live.apply(ev)
}

pub fn finish(live: &mut Live) -> Result<(), String> {
    live.apply(Event::SessionFinished)
}

/// Close the open round without scores (it does not count) and begin the next one. `Ok(false)`
/// when the deck has no scenario left: the session is then finished.
pub fn skip_round(live: &mut Live) -> Result<bool, String> {
    live.apply(Event::RoundSkipped {
        reason: String::new(),
    })?;
    match live.session().and_then(Session::next_round_event) {
        Some(ev) => live.apply(ev).map(|()| true),
        None => finish(live).map(|()| false),
    }
}

/// The facilitator gives (or takes) points, with a reason that goes into the report.
pub fn adjust_score(live: &mut Live, team: usize, points: i64, reason: &str) -> Result<(), String> {
    live.apply(Event::ScoreAdjusted {
        team,
        points,
        reason: reason.trim().to_string(),
    })
}

/// Undo the last event; returns the screen and phase that fit the state afterwards, if they change.
/// The agreed values are not undone from a round (they belong to the set-up).
pub fn undo(live: &mut Live) -> Result<Option<(Screen, Option<Phase>)>, String> {
    let Some(s) = live.session() else {
        return Ok(None);
    };
    match s.undoable() {
        None | Some(Event::ValuesAgreed { .. }) => return Ok(None),
        Some(Event::RoundStarted { .. }) if s.state().rounds.len() <= 1 => return Ok(None),
        _ => {}
    }
    let before = s.phase();
    live.apply(Event::Undone)?;
    use session::Phase as P;
    // A skip and the round (or finish) after it are one step for the facilitator: undo both, and
    // the skipped scenario is on the screen again.
    let skipped_last = live.session().is_some_and(|s| {
        s.phase() == P::ReadyForRound
            && s.state()
                .rounds
                .last()
                .is_some_and(|r| matches!(r.status, session::RoundStatus::Skipped { .. }))
    });
    if skipped_last {
        live.apply(Event::Undone)?;
        return Ok(Some((Screen::Round, Some(Phase::Scenario))));
    }
    let after = live.session().map(Session::phase);
    Ok(match (before, after) {
        (P::Revealed { .. }, Some(P::RoundOpen { .. })) => {
            Some((Screen::Round, Some(Phase::Choose)))
        }
        (P::RoundOpen { .. } | P::Finished, Some(P::Revealed { .. })) => {
            Some((Screen::Round, Some(Phase::Debrief)))
        }
        _ => None,
    })
}

/// Keeps [`Live::lang`] the interface's language.
fn follow_language(lang: Res<UiLang>, mut live: ResMut<Live>) {
    if live.lang != lang.0 {
        live.lang = lang.0;
    }
}

pub struct SessionLinkPlugin;

impl Plugin for SessionLinkPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Live>()
            .add_systems(Update, follow_language.in_set(super::GameSystems::Input));
    }
}
