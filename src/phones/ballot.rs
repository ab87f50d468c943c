//! A vote or a proposal on its way from a phone to the game, and the game's answer, which goes back
//! to the phone that waits for it. The routes that take them are `votes.rs`; the channels they
//! travel by are in `shared.rs` (the server's end) and `server.rs` (the game's end).

use serde::Serialize;
use std::time::Instant;

use crate::deck::Key;

/// One vote from a phone, on its way to the game. The game applies it (or not) and answers with
/// [`Vote::answer`]; the phone waits for that answer.
#[derive(Debug)]
pub struct Vote {
    /// The page's device id (random, made up by the page, kept in memory only).
    pub device: String,
    /// The vote's own id: the same id again is answered, not applied twice.
    pub id: String,
    pub team: usize,
    pub key: Key,
    /// The round number the page showed (1-based).
    pub round: usize,
    /// When the server received it.
    pub received: Instant,
    pub(super) reply: async_channel::Sender<Answer>,
}

impl Vote {
    pub fn answer(&self, answer: Answer) {
        // The phone may have gone; then nobody waits for the answer.
        let _ = self.reply.try_send(answer);
    }
}

/// A subgroup's proposal for an agreement, from a phone of its team, on its way to the game
/// (answered with [`Proposal::answer`], like a vote).
#[derive(Debug)]
pub struct Proposal {
    pub device: String,
    /// The proposal's own id: the same id again is answered, not recorded twice.
    pub id: String,
    pub team: usize,
    pub text: String,
    /// The deck value it serves (id).
    pub value: String,
    /// `behaviour`, `ritual`, `hero` or `symbol`.
    pub kind: String,
    /// Checklist questions it meets (0-based).
    pub meets: Vec<usize>,
    pub(super) reply: async_channel::Sender<Answer>,
}

impl Proposal {
    pub fn answer(&self, answer: Answer) {
        let _ = self.reply.try_send(answer);
    }
}

/// The game's answer to a vote or a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// HTTP status: 200 applied (or already so), 409 not now, 422 no such behaviour.
    pub status: u16,
    pub message: String,
    /// Whether this exact vote was answered before (then nothing was applied now).
    pub repeat: bool,
    /// Whether this answer recorded a `TeamChose` event (not when the choice stood already).
    pub applied: bool,
    /// The number of events in the session after this vote (orders the votes that were applied).
    pub seq: usize,
}

impl Answer {
    pub fn ok(message: impl Into<String>, applied: bool, seq: usize) -> Answer {
        Answer {
            status: 200,
            message: message.into(),
            repeat: false,
            applied,
            seq,
        }
    }

    pub fn refused(status: u16, message: impl Into<String>) -> Answer {
        Answer {
            status,
            message: message.into(),
            repeat: false,
            applied: false,
            seq: 0,
        }
    }
}
