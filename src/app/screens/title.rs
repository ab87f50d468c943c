//! The Title screen: choose a deck and the language, start, resume or continue a session, the
//! sessions folder.

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::nav::{Nav, Screen};
use crate::app::session_link;

/// The Title screen's actions (some also on Setup, where the deck can still change).
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav) {
    match action {
        Action::NewSession if nav.is(Screen::Title) => {
            if refused_for_folder(ctx) {
                return;
            }
            if ctx.draft.deck.is_some() {
                nav.go(Screen::Setup);
            }
        }
        Action::ContinueSession(path) if nav.is(Screen::Title) => {
            match session_link::continue_from(&path, &mut ctx.draft) {
                Ok(notice) => {
                    ctx.notices.notice = notice;
                    ctx.notices.banner = None;
                    nav.go(Screen::Setup);
                }
                Err(e) => ctx.fail(e),
            }
        }
        Action::ResumeSession(path) if nav.is(Screen::Title) => {
            let ctx = &mut *ctx;
            match session_link::resume(&path, &mut ctx.draft, &mut ctx.live) {
                Ok((screen, phase)) => {
                    ctx.notices.banner = None;
                    *nav = Nav { screen, phase };
                }
                Err(e) => ctx.fail(e),
            }
        }
        Action::PickDeck(path) if matches!(nav.screen, Screen::Title | Screen::Setup) => {
            ctx.draft.set_deck(path);
        }
        Action::SetLanguage(l) => {
            **ctx.lang = l;
            // Before the session starts, the deck follows: the same deck in that language.
            if matches!(nav.screen, Screen::Title | Screen::Setup)
                && let Some(path) = ctx.draft.deck_path.clone()
                && let Some(other) = ctx.decks.translation_of(&path, l)
                && other.path != path
            {
                let other = other.path.clone();
                ctx.draft.set_deck(other);
            }
        }
        Action::OpenDeckFolder => ctx.notices.notice = Some(open_deck_folder()),
        _ => {}
    }
}

/// No new session while journals cannot be written: the Title screen says why.
fn refused_for_folder(ctx: &mut Ctx) -> bool {
    if ctx.sessions.problem.is_some() {
        ctx.refuse("De sessiemap is niet te beschrijven: kies op het titelscherm een andere map.");
        return true;
    }
    false
}

/// Space: on to the Setup screen, once a deck is loaded.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    if refused_for_folder(ctx) {
        return;
    }
    if ctx.draft.deck.is_some() {
        nav.go(Screen::Setup);
    } else {
        ctx.refuse("Er is geen deck geladen: kies een deck.");
    }
}

/// Opens the user's deck folder in the system's file manager (making it, with the built-in decks,
/// when it is missing); says where it is, and why it could not be opened.
fn open_deck_folder() -> String {
    let Some(folder) = crate::deck::builtin::user_folder() else {
        return "Dit systeem heeft geen map voor gebruikersgegevens; zet decks in levels/ naast het spel.".into();
    };
    if let Err(e) = crate::deck::builtin::install(&folder) {
        return format!(
            "De deckmap {} kan niet gemaakt worden: {e}",
            folder.display()
        );
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
        Ok(_) => format!(
            "Deckmap geopend: {}. Nieuwe of bewerkte decks staan na een herstart in de lijst.",
            folder.display()
        ),
        Err(e) => format!(
            "De deckmap is {}; openen lukte niet ({opener}: {e}).",
            folder.display()
        ),
    }
}
