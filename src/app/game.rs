//! What the facilitator does (an [`Action`], from a key or a click) and what follows from it: the
//! set-up draft, the screen and phase changes, and the events sent to the session core.

use bevy::prelude::*;
use std::path::PathBuf;

use super::i18n::{Key as _, Lang, UiLang};
use super::screens::{Phase, Screen};
use super::session_link::{self, Live};
use super::timer::DiscussTimer;
use crate::bi;
use crate::deck::{Deck, Key};
use crate::lang::messages::Msg;

/// The team colours and the limits on the number of teams: the session's own.
pub use crate::session::{MAX_TEAMS, MIN_TEAMS, PALETTE_RGB as PALETTE};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamDraft {
    pub name: String,
    /// Index into [`PALETTE`].
    pub colour: usize,
}

/// Everything the facilitator can do, from the keyboard or the mouse.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum Action {
    /// Space: the next step of whatever screen is showing.
    Next,
    NewSession,
    ResumeSession(PathBuf),
    /// Start a new session that continues this one (trajectory): teams and values carry over.
    ContinueSession(PathBuf),
    PickDeck(PathBuf),
    AddTeam,
    RemoveTeam(usize),
    RenameTeam(usize, String),
    SetTeamColour(usize, usize),
    SetRounds(usize),
    SetDiscussSeconds(u32),
    SetSeed(u64),
    SetSharedValues(bool),
    SetLanguage(Lang),
    /// Toggle value `id` for a value set (0 = the group, or team index when values are per team).
    ToggleValue {
        set: usize,
        value: String,
    },
    SetWeight {
        set: usize,
        value: String,
        weight: u8,
    },
    /// P on the Final screen: write every team's posters next to the journal.
    SavePosters,
    /// Final screen: write "Zo zijn onze manieren" on one A4 page next to the journal.
    SaveManners,
    /// The path of the pre-session poll export as typed (Values screen).
    SetPollPath(String),
    /// Go to the Agreements screen (from the scoreboard or a debrief).
    OpenAgreements,
    /// Change the proposal or note being typed.
    DraftAgreement(super::agreements::DraftEdit),
    /// Record the typed proposal.
    ProposeAgreement,
    /// Adopt, drop or reopen agreement `usize`.
    DecideAgreement(usize, crate::session::AgreementStatus),
    /// Reword agreement `usize` with the typed text.
    ReviseAgreement(usize),
    /// Record the typed note on a debrief question (round index, question).
    SaveNote {
        round: usize,
        question: usize,
    },
    /// The sessions folder as typed on the Title screen.
    SetSessionsPath(String),
    /// Switch to the typed sessions folder (Title screen).
    UseSessionsFolder,
    /// Read the poll at the path and show what it proposes; nothing changes until
    /// [`Action::ApplyPoll`].
    ImportPoll,
    /// Open the system's file dialog to choose the poll (the chosen file is imported).
    PickPollFile,
    /// Which of a "now" and a "desired" rating counts; the poll shown is read again.
    SetPollMoment(crate::poll::Moment),
    /// Take the proposal shown for value set `usize`.
    ApplyPoll(usize),
    SelectTeam(usize),
    /// A behaviour for the selected team.
    PickBehaviour(Key),
    Choose {
        team: usize,
        key: Key,
    },
    Undo,
    /// S: close the open round without scores and show the next scenario.
    SkipRound,
    /// The facilitator gives (or takes) points, with the reason typed in the controls.
    AdjustScore {
        team: usize,
        points: i64,
    },
    SetAdjustReason(String),
    ToggleTimer,
    AddMinute,
    ToggleHelp,
    /// Escape: close the help overlay.
    CloseOverlays,
    ToggleFullscreen,
    ToggleControls,
    TextSize(i32),
    /// Change the value being typed (Values screen).
    DraftValue(super::own_values::ValueEdit),
    /// Add the typed value as one of the group's own.
    AddOwnValue,
    /// Save the typed name and meaning (and link) for value `String`.
    WordValue(String),
    /// Put value `String`'s words into the form, to reword it.
    EditValue(String),
    /// Show (or hide) the poll's result on the projector (Values screen).
    ShowPoll(bool),
    /// How agreement `usize` went since the session that adopted it (Review screen).
    ReviewAgreement(usize, crate::session::Went),
    /// Final screen: set up the next session of the trajectory from this one.
    ContinueCurrent,
    /// The teams' phones: on/off, interface, lock, remove a device (see `phones`).
    Phones(super::phones::PhonesAction),
    /// Files (or folders of photos) dropped onto a window: prepared off the main thread, kept in
    /// the session's photo folder, then journaled (see `photos`).
    ImportPhotos(Vec<PathBuf>),
    /// W on the agreements or final screen: the photo wall on the projector, or back.
    TogglePhotoWall,
    /// ← / →: the previous or next photo on the wall.
    PhotoStep(i32),
    /// Enter: the selected photo full screen, or back to the wall.
    TogglePhotoFull,
    /// Edit photo `usize` in the facilitator's form.
    SelectPhoto(usize),
    /// Change the photo form.
    DraftPhoto(super::photos::PhotoEdit),
    /// Save the form onto the photo being edited.
    DescribePhoto,
    /// Take photo `usize` off the wall.
    RemovePhoto(usize),
    /// W at the reveal: show (or hide) the consequences of the behaviours no team chose too.
    ToggleAllConsequences,
    /// The facilitator's look-ahead: this scenario (id) comes next, the rest of the plan after it.
    PlanNext(String),
    /// Setup: add the scenario (id) at the end of the session plan, or take it out.
    PlanToggle(String),
    /// Setup: move the scenario one place up in the plan.
    PlanUp(String),
    /// Setup: no plan; the seeded draw decides.
    PlanClear,
    /// Setup: show the scenarios of one layer of the onion (or all).
    PlanLayer(Option<crate::deck::Layer>),
    /// R: the rules for the participants on the projector (scoring, the ranking, the barbarian
    /// move), or back.
    ToggleRules,
    /// Title screen: open the user's deck folder (made, with the built-in decks, when missing) in
    /// the system's file manager.
    OpenDeckFolder,
}

/// The set-up draft and the interface state around the session.
#[derive(Resource, Debug, Clone)]
pub struct Game {
    pub deck_path: Option<PathBuf>,
    pub deck: Option<Deck>,
    pub deck_error: Option<crate::lang::Bi>,
    pub teams: Vec<TeamDraft>,
    pub rounds: usize,
    pub discuss_secs: u32,
    pub seed: u64,
    pub shared_values: bool,
    /// Value sets: index 0 is the group when values are shared, else one per team.
    /// Each is a list of (value id, weight 1..=3).
    pub values: Vec<Vec<(String, u8)>>,
    pub selected_team: Option<usize>,
    pub help_open: bool,
    pub controls_open: bool,
    /// Text size in steps of 10 % around 100 %.
    pub text_size: i32,
    /// The last error to show in a banner (session core, journal, deck).
    pub banner: Option<String>,
    /// The pre-session poll file typed on the Values screen, what its import found (until the
    /// facilitator takes it or reads another file), and which moment counts.
    pub poll_path: String,
    pub poll: Option<PollPreview>,
    /// Why the last poll import failed: shown in the facilitator's window only (the path may
    /// name a person's home folder).
    pub poll_error: Option<String>,
    pub poll_moment: crate::poll::Moment,
    /// Whether the projector shows the poll's result (ranked bars) on the Values screen.
    pub show_poll: bool,
    /// A message for the facilitator only (not an error), e.g. where the posters were saved.
    pub notice: Option<String>,
    /// Previews of the posters last saved: (team name, width, height, RGBA), and a counter that
    /// changes with every save so views can refresh their textures.
    pub posters: Vec<(String, u32, u32, Vec<u8>)>,
    pub posters_saved: u64,
    /// The journal of the previous session of the trajectory, when this session continues one, and
    /// the scenarios played in the trajectory so far (the draw leaves them out).
    pub continues: Option<PathBuf>,
    pub played_before: Vec<String>,
    /// That previous session as replayed: what carries into this one (the group's values and the
    /// agreements in force) is taken from it when the session begins, onto the deck chosen then.
    pub previous: Option<Box<crate::session::Session>>,
    /// The reason for a score adjustment, as typed in the facilitator's controls.
    pub adjust_reason: String,
    /// Why the last key (or click) could do nothing now, for the facilitator's window only; the
    /// next action clears it.
    pub refused: Option<String>,
    /// At the reveal: the consequences of every behaviour, also those no team chose.
    pub all_consequences: bool,
    /// The session plan made on Setup (scenario ids in order; empty: the seeded draw) and the
    /// layer its list shows.
    pub plan: Vec<String>,
    pub plan_layer: Option<crate::deck::Layer>,
    /// The rules card is on the projector.
    pub rules_open: bool,
}

impl Default for Game {
    fn default() -> Self {
        Game {
            deck_path: None,
            deck: None,
            deck_error: None,
            teams: vec![
                TeamDraft {
                    name: "Team 1".into(),
                    colour: 0,
                },
                TeamDraft {
                    name: "Team 2".into(),
                    colour: 1,
                },
                TeamDraft {
                    name: "Team 3".into(),
                    colour: 2,
                },
            ],
            rounds: crate::session::DEFAULT_ROUNDS as usize,
            discuss_secs: 180,
            seed: 1,
            shared_values: true,
            values: vec![Vec::new()],
            selected_team: None,
            help_open: false,
            controls_open: true,
            text_size: 0,
            banner: None,
            poll_path: String::new(),
            poll: None,
            poll_error: None,
            poll_moment: crate::poll::Moment::Desired,
            show_poll: false,
            notice: None,
            posters: Vec::new(),
            posters_saved: 0,
            continues: None,
            played_before: Vec::new(),
            previous: None,
            adjust_reason: String::new(),
            refused: None,
            all_consequences: false,
            plan: Vec::new(),
            plan_layer: None,
            rules_open: false,
        }
    }
}

impl Game {
    pub fn set_deck(&mut self, path: PathBuf) {
        // A plan names the scenarios of one deck.
        self.plan.clear();
        match super::decks::load(&path) {
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

    pub fn text_scale(&self) -> f32 {
        (1.0 + self.text_size as f32 * 0.1).clamp(0.5, 2.5)
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

    /// What keeps the set-up from going on to the values, in `lang`, one sentence each: a missing
    /// deck, the number of teams, empty, too long or twice-used team names (the session core's
    /// own rules, see [`crate::session::Settings::problems`]). Empty when all is well.
    pub fn setup_problems(&self, lang: Lang) -> Vec<String> {
        match session_link::settings(self, String::new()) {
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

    /// What keeps the rounds from starting: [`Game::setup_problems`], and every value set that
    /// has no value chosen yet. Empty when the rounds can start.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        let mut out = self.setup_problems(lang);
        for set in 0..self.value_sets() {
            if self.values.get(set).is_none_or(Vec::is_empty) {
                let team = self.team_name(set);
                out.push(if self.shared_values {
                    Msg::GroupNeedsValue.tr(lang).to_string()
                } else {
                    bi!(
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
}

/// What a poll import proposes, shown to the facilitator (never on the projector) until taken.
#[derive(Debug, Clone, PartialEq)]
pub struct PollPreview {
    /// The file read, as resolved from what was typed.
    pub file: PathBuf,
    pub summary: String,
    pub warnings: Vec<String>,
    /// Answers to open questions: for the facilitator only.
    pub free_text: Vec<crate::poll::FreeText>,
    pub weights: Vec<(String, u8)>,
    /// Whether the poll asked "now" and "desired" (then the facilitator may choose).
    pub paired: bool,
    /// Every value's support, strongest first (the projector's bars), how many answered, and
    /// whether the support is an average rating (else a share of respondents naming the value).
    pub support: Vec<crate::poll::Support>,
    pub respondents: usize,
    pub ratings: bool,
}

/// The file a typed poll path means: quotes stripped, `~` expanded, and a relative path found
/// where the game was started or else in the Downloads, Desktop or Documents folder or home.
pub fn poll_file(typed: &str) -> PathBuf {
    let user = directories::UserDirs::new();
    let home = user.as_ref().map(|u| u.home_dir().to_path_buf());
    let path = crate::poll::clean_path(typed, home.as_deref());
    if path.is_absolute() || path.exists() {
        return path;
    }
    let bases = user.as_ref().map_or(Vec::new(), |u| {
        [u.download_dir(), u.desktop_dir(), u.document_dir()]
            .into_iter()
            .flatten()
            .map(PathBuf::from)
            .chain([u.home_dir().to_path_buf()])
            .collect()
    });
    bases
        .into_iter()
        .map(|b| b.join(&path))
        .find(|p| p.exists())
        .unwrap_or(path)
}

/// Reads the poll file on the Values screen and shows its proposal; a failed read clears the
/// previous one.
fn import_poll(game: &mut Game, lang: Lang) {
    let Some(deck) = game.deck.clone() else {
        return;
    };
    game.poll = None;
    game.poll_error = None;
    game.show_poll = false;
    let path = poll_file(&game.poll_path);
    let opts = crate::poll::Options {
        moment: game.poll_moment,
    };
    let result = std::fs::read(&path)
        .map_err(|e| {
            let file = path.display();
            bi!(
                "{file}: kan het bestand niet lezen: {e}",
                "{file}: cannot read the file: {e}"
            )
            .text(lang)
            .to_owned()
        })
        .and_then(|bytes| {
            crate::poll::import_with(&path.display().to_string(), &bytes, &deck, opts)
                .map_err(|e| e.text(lang))
        });
    match result {
        Ok(p) => {
            game.poll = Some(PollPreview {
                file: path,
                summary: crate::poll::summary(&p, &deck, lang),
                warnings: p.warnings.iter().map(|w| w.text(lang).to_owned()).collect(),
                free_text: p.free_text.clone(),
                weights: p.weights(),
                paired: !p.paired.is_empty(),
                support: p.support.clone(),
                respondents: p.respondents,
                ratings: matches!(
                    p.layout,
                    crate::poll::Layout::Ratings | crate::poll::Layout::PerAnswerRatings
                ),
            });
        }
        Err(e) => game.poll_error = Some(e),
    }
}

/// Takes the proposal shown for value set `set`.
fn apply_poll(game: &mut Game, set: usize, lang: Lang) {
    let Some(weights) = game.poll.as_ref().map(|p| p.weights.clone()) else {
        return;
    };
    if weights.is_empty() {
        game.poll_error = Some(Msg::PollProposesNothing.tr(lang).into());
    } else if let Some(vs) = game.values.get_mut(set) {
        *vs = weights;
    }
}

/// Opens the user's deck folder in the system's file manager (making it, with the built-in decks,
/// when it is missing); says where it is, and why it could not be opened.
fn open_deck_folder(lang: Lang) -> String {
    let Some(folder) = crate::deck::builtin::user_folder() else {
        return Msg::NoUserFolder.tr(lang).into();
    };
    let shown = folder.display();
    if let Err(e) = crate::deck::builtin::install(&folder) {
        return bi!(
            "De deckmap {shown} kan niet gemaakt worden: {e}",
            "The deck folder {shown} cannot be made: {e}"
        )
        .text(lang)
        .to_owned();
    }
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    match std::process::Command::new(opener)
        .arg(&folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(_) => bi!(
            "Deckmap geopend: {shown}. Nieuwe of bewerkte decks staan na een herstart in de lijst.",
            "Deck folder opened: {shown}. New or edited decks are in the list after a restart."
        ),
        Err(e) => bi!(
            "De deckmap is {shown}; openen lukte niet ({opener}: {e}).",
            "The deck folder is {shown}; it could not be opened ({opener}: {e})."
        ),
    }
    .text(lang)
    .to_owned()
}

/// Apply the actions of this frame, in order.
#[allow(clippy::too_many_arguments)]
pub fn apply_actions(
    mut actions: MessageReader<Action>,
    mut game: ResMut<Game>,
    mut lang: ResMut<UiLang>,
    mut live: ResMut<Live>,
    decks: Res<super::decks::DeckList>,
    mut timer: ResMut<DiscussTimer>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: ResMut<NextState<Phase>>,
    sessions: Res<super::journal::SessionList>,
) {
    // State changes only take effect at the next transition; track them here so that two actions
    // in one frame see each other's result.
    let mut cur_screen = *screen.get();
    let mut cur_phase = phase.map(|p| *p.get());
    for action in actions.read() {
        let before = (cur_screen, cur_phase);
        // Typing and toggling the help leave the reason for the last refused key in place.
        if !matches!(
            action,
            Action::SetAdjustReason(_)
                | Action::SetPollPath(_)
                | Action::SetSessionsPath(_)
                | Action::DraftAgreement(_)
                | Action::ToggleHelp
        ) {
            game.refused = None;
        }
        match action.clone() {
            // No new session while journals cannot be written: the Title screen says why.
            Action::Next | Action::NewSession
                if cur_screen == Screen::Title && sessions.problem.is_some() =>
            {
                game.refused = Some(Msg::SessionsFolderBlocked.tr(**lang).into());
            }
            Action::Next => next(
                &mut game,
                &mut live,
                &mut timer,
                (&mut cur_screen, &mut cur_phase),
                **lang,
            ),
            Action::NewSession => {
                if cur_screen == Screen::Title && game.deck.is_some() {
                    cur_screen = Screen::Setup;
                }
            }
            Action::ContinueSession(path) => {
                if cur_screen == Screen::Title {
                    match session_link::continue_from(&path, &mut game, **lang) {
                        Ok(()) => cur_screen = Screen::Setup,
                        Err(e) => game.banner = Some(e),
                    }
                }
            }
            Action::ContinueCurrent => {
                if cur_screen == Screen::Final
                    && let Some(path) = live.journal_path().map(std::path::Path::to_path_buf)
                {
                    match session_link::continue_from(&path, &mut game, **lang) {
                        Ok(()) => {
                            // The finished session's journal is closed; the next one is written
                            // when its set-up is done.
                            live.session = None;
                            live.journal = None;
                            cur_screen = Screen::Setup;
                        }
                        Err(e) => game.banner = Some(e),
                    }
                }
            }
            Action::ResumeSession(path) => {
                if cur_screen == Screen::Title {
                    match session_link::resume(&path, &mut game, &mut live) {
                        Ok((s, p)) => {
                            cur_screen = s;
                            cur_phase = p;
                        }
                        Err(e) => game.banner = Some(e),
                    }
                }
            }
            Action::PickDeck(path) => {
                if matches!(cur_screen, Screen::Title | Screen::Setup) {
                    game.set_deck(path);
                }
            }
            Action::AddTeam => {
                if cur_screen == Screen::Setup && game.teams.len() < MAX_TEAMS {
                    let n = game.teams.len() + 1;
                    let colour = game.next_colour();
                    game.teams.push(TeamDraft {
                        name: format!("Team {n}"),
                        colour,
                    });
                    game.fit_value_sets();
                }
            }
            Action::RemoveTeam(i) => {
                if cur_screen == Screen::Setup
                    && game.teams.len() > MIN_TEAMS
                    && i < game.teams.len()
                {
                    game.teams.remove(i);
                    if !game.shared_values && i < game.values.len() {
                        game.values.remove(i);
                    }
                    game.fit_value_sets();
                }
            }
            Action::SetPollPath(p) => game.poll_path = p,
            // The Title screen's sessions folder: see `journal::sessions_folder_actions`.
            Action::SetSessionsPath(_) | Action::UseSessionsFolder => {}
            // The Agreements screen's own actions: see `agreements::agreement_actions`.
            Action::DraftAgreement(_)
            | Action::ProposeAgreement
            | Action::DecideAgreement(..)
            | Action::ReviseAgreement(_)
            | Action::SaveNote { .. } => {}
            Action::OpenAgreements => {
                if cur_screen == Screen::Scoreboard
                    || (cur_screen == Screen::Round && cur_phase == Some(Phase::Debrief))
                {
                    cur_screen = Screen::Agreements;
                    cur_phase = None;
                } else if cur_screen != Screen::Agreements {
                    game.refused = Some(Msg::AgreementsWhen.tr(**lang).into());
                }
            }
            // Made on another thread: see `poster_job::poster_actions`.
            Action::SavePosters => {
                if cur_screen != Screen::Final {
                    game.refused = Some(Msg::PostersWhen.tr(**lang).into());
                }
            }
            Action::SaveManners => {
                if cur_screen == Screen::Final {
                    match session_link::save_manners(&live, **lang) {
                        Ok(dir) => {
                            let dir = dir.display();
                            game.notice = Some(
                                bi!(
                                    "Zo zijn onze manieren (A4, HTML en PNG) opgeslagen in {dir}",
                                    "This is how we do things (A4, HTML and PNG) saved in {dir}"
                                )
                                .text(**lang)
                                .to_owned(),
                            )
                        }
                        Err(e) => game.banner = Some(e),
                    }
                }
            }
            Action::ImportPoll => {
                if cur_screen == Screen::Values {
                    import_poll(&mut game, **lang);
                }
            }
            Action::SetPollMoment(m) => {
                game.poll_moment = m;
                if cur_screen == Screen::Values && game.poll.is_some() {
                    import_poll(&mut game, **lang);
                }
            }
            Action::ApplyPoll(set) => {
                if cur_screen == Screen::Values {
                    apply_poll(&mut game, set, **lang);
                }
            }
            // Opened by the poll plugin (src/app/poll.rs), which reads the same message.
            Action::PickPollFile => {}
            // Handled by the own values' and the review's systems (src/app/own_values.rs, review.rs).
            Action::DraftValue(_)
            | Action::AddOwnValue
            | Action::WordValue(_)
            | Action::EditValue(_)
            | Action::ShowPoll(_)
            | Action::ReviewAgreement(..) => {}
            Action::RenameTeam(i, name) => {
                if cur_screen == Screen::Setup
                    && let Some(t) = game.teams.get_mut(i)
                {
                    t.name = name
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(crate::session::MAX_TEAM_NAME)
                        .collect();
                }
            }
            Action::SetTeamColour(i, c) => {
                if let Some(t) = game.teams.get_mut(i) {
                    t.colour = c % PALETTE.len();
                }
            }
            Action::SetRounds(r) => {
                let max = game.deck.as_ref().map_or(1, |d| game.unplayed(d).max(1));
                game.rounds = r.clamp(1, max);
            }
            Action::SetDiscussSeconds(s) => {
                game.discuss_secs = s.min(crate::session::MAX_DISCUSSION_SECS)
            }
            Action::SetSeed(s) => game.seed = s,
            Action::SetSharedValues(b) => {
                if cur_screen == Screen::Setup {
                    game.shared_values = b;
                    game.fit_value_sets();
                }
            }
            Action::SetLanguage(l) => {
                **lang = l;
                // Before the session starts, the deck follows: the same deck in that language.
                if matches!(cur_screen, Screen::Title | Screen::Setup)
                    && let Some(path) = game.deck_path.clone()
                    && let Some(other) = decks.translation_of(&path, l)
                    && other.path != path
                {
                    let other = other.path.clone();
                    game.set_deck(other);
                }
            }
            Action::ToggleValue { set, value } => {
                if cur_screen == Screen::Values
                    && super::own_values::value_deck(&game, &live)
                        .is_some_and(|d| d.value(&value).is_some())
                    && let Some(vs) = game.values.get_mut(set)
                {
                    if let Some(pos) = vs.iter().position(|(v, _)| *v == value) {
                        vs.remove(pos);
                    } else {
                        vs.push((value, 2));
                    }
                }
            }
            Action::SetWeight { set, value, weight } => {
                if cur_screen == Screen::Values
                    && let Some(vs) = game.values.get_mut(set)
                    && let Some(v) = vs.iter_mut().find(|(v, _)| *v == value)
                {
                    v.1 = weight.clamp(1, 3);
                }
            }
            Action::SelectTeam(i) => {
                if i < game.teams.len() {
                    game.selected_team = Some(i);
                } else {
                    let (n, key, teams) = (i + 1, super::input::team_key(i), game.teams.len());
                    game.refused = Some(
                        bi!(
                            "Er is geen team {n} ({key}): er spelen {teams} teams.",
                            "There is no team {n} ({key}): {teams} teams are playing."
                        )
                        .text(**lang)
                        .to_owned(),
                    );
                }
            }
            Action::PickBehaviour(key) => {
                if let Some(team) = game.selected_team {
                    choose(&mut game, &mut live, cur_phase, team, key, **lang);
                } else if matches!(cur_phase, Some(Phase::Choose | Phase::Discuss)) {
                    let teams = team_keys_hint(game.teams.len());
                    game.refused = Some(
                        bi!(
                            "Kies eerst het team ({teams}), dan {key}.",
                            "Pick the team first ({teams}), then {key}."
                        )
                        .text(**lang)
                        .to_owned(),
                    );
                } else {
                    refuse_choice_now(&mut game, cur_screen, cur_phase, **lang);
                }
            }
            Action::Choose { team, key } => {
                choose(&mut game, &mut live, cur_phase, team, key, **lang)
            }
            Action::Undo => {
                if matches!(
                    cur_screen,
                    Screen::Review
                        | Screen::Values
                        | Screen::Round
                        | Screen::Scoreboard
                        | Screen::Agreements
                        | Screen::Final
                ) {
                    match session_link::undo(&mut live) {
                        Ok(Some((s, p))) => {
                            cur_screen = s;
                            cur_phase = p.or(cur_phase);
                        }
                        Ok(None) => game.refused = Some(Msg::UndoStopsHere.tr(**lang).into()),
                        Err(e) => game.banner = Some(e),
                    }
                } else {
                    game.refused = Some(Msg::NothingToUndoYet.tr(**lang).into());
                }
            }
            Action::SkipRound => {
                if cur_screen == Screen::Round
                    && matches!(
                        cur_phase,
                        Some(Phase::Scenario | Phase::Discuss | Phase::Choose)
                    )
                {
                    timer.running = false;
                    match session_link::skip_round(&mut live) {
                        Ok(true) => cur_phase = Some(Phase::Scenario),
                        Ok(false) => cur_screen = Screen::Final,
                        Err(e) => game.banner = Some(e),
                    }
                } else {
                    game.refused = Some(Msg::SkipWhen.tr(**lang).into());
                }
            }
            Action::AdjustScore { team, points } => {
                if matches!(cur_screen, Screen::Round | Screen::Scoreboard) {
                    let reason = game.adjust_reason.clone();
                    match session_link::adjust_score(&mut live, team, points, &reason) {
                        Ok(()) => game.banner = None,
                        Err(e) => game.banner = Some(e),
                    }
                }
            }
            Action::SetAdjustReason(r) => {
                game.adjust_reason = r.chars().take(crate::session::MAX_REASON).collect();
            }
            Action::ToggleTimer => {
                if cur_phase == Some(Phase::Discuss) && !timer.is_up() {
                    timer.toggle();
                } else if cur_phase == Some(Phase::Discuss) {
                    game.refused = Some(Msg::TimeIsUp.tr(**lang).into());
                } else {
                    game.refused = Some(Msg::TimerWhen.tr(**lang).into());
                }
            }
            Action::AddMinute => {
                if cur_phase == Some(Phase::Discuss) {
                    // A paused timer stays paused; when the time was up, the minute runs.
                    let was_up = timer.is_up();
                    timer.add_minute();
                    if was_up {
                        timer.running = true;
                    } else if !timer.running {
                        game.refused = Some(Msg::MinutePaused.tr(**lang).into());
                    }
                } else {
                    game.refused = Some(Msg::MinuteWhen.tr(**lang).into());
                }
            }
            Action::ToggleHelp => game.help_open = !game.help_open,
            Action::CloseOverlays => {
                // Esc closes the help first, then the facilitator's notice, then the warning.
                if game.help_open {
                    game.help_open = false;
                } else if game.notice.is_some() {
                    game.notice = None;
                } else {
                    game.banner = None;
                }
            }
            Action::ToggleControls => game.controls_open = !game.controls_open,
            // The photo assignment's own actions: see `photos::photo_actions`.
            Action::ImportPhotos(_)
            | Action::TogglePhotoWall
            | Action::PhotoStep(_)
            | Action::TogglePhotoFull
            | Action::SelectPhoto(_)
            | Action::DraftPhoto(_)
            | Action::DescribePhoto
            | Action::RemovePhoto(_) => {}
            Action::ToggleFullscreen => {} // handled by the windows plugin
            Action::TextSize(d) => game.text_size = (game.text_size + d).clamp(-5, 15),
            // The phones' own actions: see `phones::phone_actions`.
            Action::Phones(_) => {}
            Action::PlanToggle(_)
            | Action::PlanUp(_)
            | Action::PlanClear
            | Action::PlanLayer(_) => {
                if cur_screen == Screen::Setup {
                    super::plan::apply(&mut game, action);
                }
            }
            Action::ToggleRules => game.rules_open = !game.rules_open,
            Action::OpenDeckFolder => game.notice = Some(open_deck_folder(**lang)),
            Action::PlanNext(id) => {
                if let Err(e) = session_link::plan_next(&mut live, &id, **lang) {
                    game.refused = Some(e);
                }
            }
            Action::ToggleAllConsequences => {
                if cur_phase == Some(Phase::Reveal) {
                    game.all_consequences = !game.all_consequences;
                } else {
                    game.refused = Some(Msg::AllConsequencesWhen.tr(**lang).into());
                }
            }
        }
        // Every reveal starts with the chosen behaviours only.
        if cur_phase != Some(Phase::Reveal) || cur_screen != Screen::Round {
            game.all_consequences = false;
        }
        if (cur_screen, cur_phase) != before {
            if cur_screen != before.0 {
                next_screen.set(cur_screen);
            }
            if cur_screen == Screen::Round
                && let Some(p) = cur_phase
            {
                if p == Phase::Discuss && before.1 != Some(Phase::Discuss) {
                    timer.start(game.discuss_secs);
                }
                next_phase.set(p);
            }
            if cur_screen != Screen::Round {
                cur_phase = None;
            }
        }
    }
}

/// The team keys there are for `teams` teams, for a refusal: "1–3", "1–9, 0", "1–9, 0, Shift+1".
fn team_keys_hint(teams: usize) -> String {
    let keys: Vec<String> = (0..teams).map(super::input::team_key).collect();
    match keys.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, .., last] if teams <= 9 => format!("{first}–{last}"),
        _ => {
            let mut out = "1–9".to_string();
            for k in &keys[9..] {
                out.push_str(", ");
                out.push_str(k);
            }
            out
        }
    }
}

/// Why a behaviour cannot be chosen on this screen or in this phase.
fn refuse_choice_now(game: &mut Game, screen: Screen, phase: Option<Phase>, lang: Lang) {
    let why = match (screen, phase) {
        (Screen::Round, Some(Phase::Scenario)) => Msg::ChooseInDiscussion,
        (Screen::Round, _) => Msg::ChoicesRevealed,
        _ => Msg::ChooseInRound,
    };
    game.refused = Some(why.tr(lang).into());
}

fn choose(
    game: &mut Game,
    live: &mut Live,
    phase: Option<Phase>,
    team: usize,
    key: Key,
    lang: Lang,
) {
    if !matches!(phase, Some(Phase::Choose) | Some(Phase::Discuss)) {
        refuse_choice_now(game, Screen::Round, phase, lang);
        return;
    }
    if let Err(e) = session_link::choose(live, team, key) {
        game.refused = Some(e);
    } else {
        game.selected_team = None;
    }
}

fn next(
    game: &mut Game,
    live: &mut Live,
    timer: &mut DiscussTimer,
    (screen, phase): (&mut Screen, &mut Option<Phase>),
    lang: Lang,
) {
    match *screen {
        Screen::Title => {
            if game.deck.is_some() {
                *screen = Screen::Setup;
            } else {
                game.refused = Some(Msg::NoDeckLoaded.tr(lang).into());
            }
        }
        Screen::Setup => {
            let problems = game.setup_problems(lang);
            if problems.is_empty() {
                game.fit_value_sets();
                match session_link::begin(game, live, lang) {
                    // A later session of a trajectory first looks back at the agreements in force.
                    Ok(())
                        if live
                            .session
                            .as_ref()
                            .is_some_and(|s| !s.agreements().is_empty()) =>
                    {
                        *screen = Screen::Review
                    }
                    Ok(()) => *screen = Screen::Values,
                    Err(e) => game.banner = Some(e),
                }
            } else {
                game.refused = Some(problems.join(" "));
            }
        }
        Screen::Review => *screen = Screen::Values,
        Screen::Values => {
            let problems = game.problems(lang);
            if !problems.is_empty() {
                game.refused = Some(problems.join(" "));
            }
            if problems.is_empty() {
                match session_link::start(game, live, lang) {
                    Ok(()) => {
                        *screen = Screen::Round;
                        *phase = Some(Phase::Scenario);
                    }
                    Err(e) => game.banner = Some(e),
                }
            }
        }
        Screen::Round => match phase.unwrap_or_default() {
            Phase::Scenario => *phase = Some(Phase::Discuss),
            Phase::Discuss => {
                timer.running = false;
                *phase = Some(Phase::Choose);
            }
            Phase::Choose => {
                if session_link::all_chosen(live) {
                    match session_link::reveal(live) {
                        Ok(()) => *phase = Some(Phase::Reveal),
                        Err(e) => game.banner = Some(e),
                    }
                } else {
                    // Who is still choosing, in the core's words.
                    game.refused = Some(session_link::why_not_reveal(live, lang));
                }
            }
            Phase::Reveal => *phase = Some(Phase::Debrief),
            Phase::Debrief => {
                // After the last round the group makes its agreements before the final screen.
                *screen = if session_link::rounds_left(live) > 0 {
                    Screen::Scoreboard
                } else {
                    Screen::Agreements
                };
            }
        },
        Screen::Agreements => {
            if session_link::rounds_left(live) > 0 {
                *screen = Screen::Scoreboard;
            } else {
                match session_link::finish(live) {
                    Ok(()) => *screen = Screen::Final,
                    Err(e) => game.banner = Some(e),
                }
            }
        }
        Screen::Scoreboard => match session_link::next_round(live) {
            Ok(()) => {
                *screen = Screen::Round;
                *phase = Some(Phase::Scenario);
            }
            Err(e) => game.banner = Some(e),
        },
        Screen::Final => {
            game.refused = Some(Msg::FinalScreen.tr(lang).into());
        }
    }
}

pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.add_message::<Action>()
            .init_resource::<Game>()
            .init_resource::<UiLang>()
            .init_resource::<super::agreements::AgreementDraft>()
            .init_resource::<super::own_values::ValueDraft>()
            .add_systems(
                Update,
                (
                    apply_actions,
                    forward_journal_notices,
                    super::journal::sessions_folder_actions,
                    super::agreements::agreement_actions,
                    super::own_values::own_value_actions,
                    super::review::review_actions,
                )
                    .chain()
                    .in_set(GameSystems::Apply),
            );
    }
}

/// What the journal says for the facilitator (a fresh journal after a failed write, a recovered
/// tail) goes to the facilitator's notice, never to the projector.
fn forward_journal_notices(mut live: ResMut<Live>, mut game: ResMut<Game>) {
    if live.notices.is_empty() {
        return;
    }
    let text = live.notices.drain(..).collect::<Vec<_>>().join(" ");
    game.notice = Some(text);
}

/// Ordering: input produces actions, then they are applied, then the UI reads the result.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum GameSystems {
    Input,
    Apply,
}
