//! The one vocabulary of input: everything the facilitator can do, from a key or a click, is an
//! [`Action`]. Views and the keyboard send actions; the screens handle them (see `game`). The
//! small edit enums of the screens' forms live here too, so that this module depends on nothing
//! of the app but the language.

use bevy::prelude::*;
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::deck::Key;
use crate::lang::Lang;
use crate::session::AgreementKind;

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
    DraftAgreement(DraftEdit),
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
    DraftValue(ValueEdit),
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
    Phones(PhonesAction),
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
    DraftPhoto(PhotoEdit),
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

/// One change to the agreement being typed (Agreements screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftEdit {
    Text(String),
    Value(String),
    Kind(AgreementKind),
    By(String),
    Meets(usize, bool),
    Note {
        round: usize,
        question: usize,
        text: String,
    },
}

/// One change to the value being typed (Values screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueEdit {
    Name(String),
    Meaning(String),
    Link(Option<String>),
    /// Back to adding a new value, with an empty form.
    Clear,
}

/// One change to the photo form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoEdit {
    Caption(String),
    Value(String),
    By(String),
    Agreement(Option<usize>),
}

/// What the facilitator does with the phones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhonesAction {
    /// Turn the server on (on the chosen address) or off.
    Toggle,
    /// Listen on interface `usize` of `Phones::interfaces` (restarts a running server).
    UseInterface(usize),
    /// No new phones may join (true) or they may again (false).
    Lock(bool),
    /// Refuse this device from now on.
    Remove(String),
    /// Start (or restart) the server on exactly this address (the demo uses loopback).
    StartOn(SocketAddr),
    /// Show (or hide) the join card on the projector.
    ShowQr(bool),
    /// Write the teams' handout (the rounds' scenarios, printable HTML) next to the journal.
    SaveHandout,
}
