//! What handling an action may change, in one system parameter: the set-up draft, the
//! preferences, the notices, the language, the live session, the timer, and the lists the Title
//! screen reads. The screens' handlers (`screens::*`) take it with the frame's `Nav`; what a
//! screen keeps of its own (its form, its poll) it is given beside.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::decks::DeckList;
use super::i18n::UiLang;
use super::journal::SessionList;
use super::session_link::Live;
use super::state::{Notices, Prefs, SetupDraft};
use super::timer::DiscussTimer;
use crate::lang::messages::Msg;
use crate::lang::{Bi, Key as _, Lang};

#[derive(SystemParam)]
pub struct Ctx<'w> {
    pub draft: ResMut<'w, SetupDraft>,
    pub prefs: ResMut<'w, Prefs>,
    pub notices: ResMut<'w, Notices>,
    pub lang: ResMut<'w, UiLang>,
    pub live: ResMut<'w, Live>,
    pub timer: ResMut<'w, DiscussTimer>,
    pub decks: Res<'w, DeckList>,
    pub sessions: Res<'w, SessionList>,
}

impl Ctx<'_> {
    /// The session's language.
    pub fn lang(&self) -> Lang {
        self.lang.0
    }

    /// Why the key or click could do nothing now (the facilitator's window only).
    pub fn refuse(&mut self, why: impl Into<String>) {
        self.notices.refused = Some(why.into());
    }

    /// A refusal from the catalogue, in the session's language.
    pub fn refuse_with(&mut self, why: Msg) {
        self.notices.refused = Some(why.tr(self.lang()).to_string());
    }

    /// A message with values, in the session's language.
    pub fn text(&self, bi: Bi) -> String {
        bi.text(self.lang()).to_owned()
    }

    /// An error for the banner.
    pub fn fail(&mut self, why: impl Into<String>) {
        self.notices.banner = Some(why.into());
    }
}
