//! The events of a session: everything that happened, in order. Their serialised names are stable
//! (they are the journal's format; see docs/sessions.md).

use serde::{Deserialize, Serialize};

use crate::deck::Key;

/// One thing that happened in a session. Serialised with a `"type"` field naming the variant, e.g.
/// `{"type":"TeamChose","team":0,"key":"B"}`. Team indices are 0-based positions in
/// [`super::Settings::teams`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Event {
    /// A value set was agreed: `team` is `None` for the group's shared set ([`super::ValuesMode::Shared`]),
    /// else the team whose set it is. `values` are (value id, weight 1–3), in the order chosen.
    /// Agreeing again before the first round replaces the earlier set.
    ValuesAgreed {
        team: Option<usize>,
        values: Vec<(String, u8)>,
    },
    /// A round began with this scenario (normally [`super::Session::next_scenario`]).
    RoundStarted { scenario: String },
    /// A team locked a behaviour. Choosing again before the reveal changes the choice.
    TeamChose { team: usize, key: crate::deck::Key },
    /// The choices of the open round were shown; the round counts and is scored.
    Revealed,
    /// The facilitator gave or took points, with a reason that goes into the report.
    ScoreAdjusted {
        team: usize,
        points: i64,
        #[serde(default)]
        reason: String,
    },
    /// The open round was closed without scores; it does not count towards the rounds.
    RoundSkipped {
        #[serde(default)]
        reason: String,
    },
    /// The last event still in effect (other than an undo) is taken back. Repeated undos go further
    /// back. There is no redo: do it again.
    Undone,
    /// The session is over. Undo re-opens it.
    SessionFinished,
    /// A subgroup proposes an agreement: concrete behaviour, a ritual, a hero or a symbol that
    /// serves `value`, meeting the checklist questions `meets` (0-based). Agreements are numbered in
    /// the order proposed (0-based), as the other agreement events name them.
    AgreementProposed {
        text: String,
        value: String,
        #[serde(default)]
        kind: super::AgreementKind,
        #[serde(default)]
        by: String,
        #[serde(default)]
        meets: Vec<usize>,
        /// The team it is for in per-team mode; `None` for the whole group.
        #[serde(default)]
        team: Option<usize>,
    },
    /// The group adopts or drops a proposal (or puts it back as a proposal).
    AgreementDecided {
        agreement: usize,
        status: super::AgreementStatus,
    },
    /// The group rewords an agreement; the earlier wording is kept in its history.
    AgreementRevised { agreement: usize, text: String },
    /// A note on debrief question `question` (0-based) of round `round` (0-based index of the
    /// rounds begun); an empty text removes it.
    DebriefNoted {
        round: usize,
        question: usize,
        text: String,
    },
    /// The group adds a value in its own words. With a `link` (a deck value id) it scores as that
    /// value; without one it scores nothing in the rounds. `id` is new in the session.
    ValueAdded {
        id: String,
        name: String,
        #[serde(default)]
        meaning: String,
        #[serde(default)]
        link: Option<String>,
    },
    /// The group puts a value in its own words: a deck value's name and meaning for this session
    /// and those that follow, or its own value's words and link (the link only before the first
    /// round).
    ValueWorded {
        value: String,
        name: String,
        #[serde(default)]
        meaning: String,
        #[serde(default)]
        link: Option<String>,
    },
    /// In a later session of a trajectory: how an agreement carried from an earlier one went since.
    AgreementReviewed { agreement: usize, went: super::Went },
    /// A subgroup's photo of a value, kept beside the journal under `hash` (the SHA-256 of the
    /// file, 64 lowercase hex digits) before this event is written. Photos are numbered in the
    /// order added (0-based), as the other photo events name them.
    PhotoAdded {
        hash: String,
        #[serde(default)]
        caption: String,
        /// The value it shows (a deck value id).
        value: String,
        /// The subgroup that made it.
        #[serde(default)]
        by: String,
        /// The team it is for in per-team mode; `None` for the whole group.
        #[serde(default)]
        team: Option<usize>,
        /// The agreement it illustrates (0-based), if any.
        #[serde(default)]
        agreement: Option<usize>,
    },
    /// A photo comes off the wall (its file stays).
    PhotoRemoved { photo: usize },
    /// A photo's caption, value, subgroup or agreement is changed.
    PhotoDescribed {
        photo: usize,
        #[serde(default)]
        caption: String,
        value: String,
        #[serde(default)]
        by: String,
        #[serde(default)]
        agreement: Option<usize>,
    },
    /// The facilitator's session plan: the scenarios to come, in this order (ids). The next round
    /// takes the first one not played yet; a follow-up of the round just played comes first when
    /// it is in the plan. Scenarios left out of the plan come after it, in the seeded draw's order.
    /// An empty plan goes back to the seeded draw. Setting it again replaces it.
    PlanSet { plan: Vec<String> },
}

impl Event {
    /// Shorthand for [`Event::TeamChose`].
    pub fn chose(team: usize, key: Key) -> Event {
        Event::TeamChose { team, key }
    }

    /// The variant's serialised name, e.g. `"TeamChose"`.
    pub fn name(&self) -> &'static str {
        match self {
            Event::ValuesAgreed { .. } => "ValuesAgreed",
            Event::RoundStarted { .. } => "RoundStarted",
            Event::TeamChose { .. } => "TeamChose",
            Event::Revealed => "Revealed",
            Event::ScoreAdjusted { .. } => "ScoreAdjusted",
            Event::RoundSkipped { .. } => "RoundSkipped",
            Event::Undone => "Undone",
            Event::SessionFinished => "SessionFinished",
            Event::AgreementProposed { .. } => "AgreementProposed",
            Event::AgreementDecided { .. } => "AgreementDecided",
            Event::AgreementRevised { .. } => "AgreementRevised",
            Event::DebriefNoted { .. } => "DebriefNoted",
            Event::ValueAdded { .. } => "ValueAdded",
            Event::ValueWorded { .. } => "ValueWorded",
            Event::AgreementReviewed { .. } => "AgreementReviewed",
            Event::PhotoAdded { .. } => "PhotoAdded",
            Event::PhotoRemoved { .. } => "PhotoRemoved",
            Event::PhotoDescribed { .. } => "PhotoDescribed",
            Event::PlanSet { .. } => "PlanSet",
        }
    }
}
