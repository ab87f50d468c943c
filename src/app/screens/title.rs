//! The Title screen: choose a deck and the language, start, resume or continue a session, the
//! sessions folder.

use bevy_egui::egui;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::i18n::{Lang, T};
use crate::app::nav::{Nav, Screen};
use crate::app::session_link;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{View, big_button, muted, rich, section, wrap};
use crate::bi;
use crate::lang::Key as _;
use crate::lang::messages::Msg;

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
            match session_link::continue_from(&path, &mut ctx.draft, ctx.lang.0) {
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
            ctx.live.lang = l;
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
        Action::OpenDeckFolder => ctx.notices.notice = Some(open_deck_folder(ctx.lang())),
        _ => {}
    }
}

/// No new session while journals cannot be written: the Title screen says why.
fn refused_for_folder(ctx: &mut Ctx) -> bool {
    if ctx.sessions.problem.is_some() {
        ctx.refuse_with(Msg::SessionsFolderBlocked);
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
        ctx.refuse_with(Msg::NoDeckLoaded);
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

pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes, out: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.22);
        ui.label(
            egui::RichText::new(view.t(T::GameTitle))
                .size(s.huge() * 0.8)
                .strong()
                .color(theme::ACCENT),
        );
        ui.add_space(s.gap());
        wrap(ui, rich(view.t(T::Tagline), s.title()));
        ui.add_space(s.gap() * 3.0);
        if let Some(deck) = &view.draft.deck {
            wrap(ui, muted(&deck.title, s.body));
            if !deck.description.is_empty() {
                wrap(ui, muted(&deck.description, s.small()));
            }
            ui.add_space(s.gap() * 2.0);
            let b = egui::Button::new(rich(
                format!("{}  ({})", view.t(T::NewSession), view.t(T::SpaceKey)),
                s.body,
            ))
            .fill(theme::CARD);
            if ui.add(b).clicked() {
                out.push(Action::NewSession);
            }
        } else {
            wrap(ui, muted(view.t(T::NoDecks), s.body));
        }
    });
}

pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if big_button(
        ui,
        view.t(T::NewSession),
        view.draft.deck.is_some() && view.sessions.problem.is_none(),
    ) {
        out.push(Action::NewSession);
    }
    section(ui, view.t(T::Decks));
    if view.decks.entries.is_empty() {
        wrap(ui, muted(view.t(T::NoDecks), 18.0));
    }
    if ui.small_button(view.t(T::OpenDeckFolder)).clicked() {
        out.push(Action::OpenDeckFolder);
    }
    for e in view.decks.for_language(view.lang.0) {
        let selected = view.draft.deck_path.as_deref() == Some(e.path.as_path());
        ui.horizontal_wrapped(|ui| {
            let label = format!("{} ({})", e.title, e.scenarios);
            if ui.selectable_label(selected, label).clicked() && e.error.is_none() {
                out.push(Action::PickDeck(e.path.clone()));
            }
        });
        if let Some(err) = &e.error {
            wrap(
                ui,
                egui::RichText::new(format!(
                    "⚠ {}: {}",
                    view.t(T::DeckHasErrors),
                    err.text(view.lang.0)
                ))
                .size(15.0)
                .color(theme::BAD),
            );
        }
    }
    sessions_folder(ui, view, out);
    section(ui, view.t(T::ResumeSession));
    if view.sessions.entries.is_empty() {
        ui.label(muted(view.t(T::NoSessions), 18.0));
    }
    for s in view.sessions.entries.iter().take(20) {
        match &s.problem {
            None => {
                ui.horizontal_wrapped(|ui| {
                    if ui.button(s.label.text(**view.lang)).clicked() {
                        out.push(Action::ResumeSession(s.path.clone()));
                    }
                    if ui
                        .small_button(view.t(T::ContinueSession))
                        .on_hover_text(view.t(T::ContinueHint))
                        .clicked()
                    {
                        out.push(Action::ContinueSession(s.path.clone()));
                    }
                });
            }
            Some(problem) => {
                ui.label(muted(s.label.text(**view.lang), 16.0));
                wrap(
                    ui,
                    egui::RichText::new(format!("⚠ {}", problem.text(view.lang.0)))
                        .size(14.0)
                        .color(theme::BAD),
                );
            }
        }
    }
    language(ui, view, out);
}

/// Where journals go; when they cannot be written there, why, and a field to choose another folder.
fn sessions_folder(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let list = &view.sessions;
    section(ui, view.t(T::SessionsFolder));
    if let Some(problem) = &list.problem {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {}", problem.text(view.lang.0)))
                .size(16.0)
                .color(theme::BAD),
        );
    } else {
        wrap(ui, muted(list.folder.display().to_string(), 15.0));
    }
    ui.horizontal_wrapped(|ui| {
        let mut path = list.draft.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut path).desired_width(420.0))
            .changed()
        {
            out.push(Action::SetSessionsPath(path));
        }
        if ui.button(view.t(T::UseFolder)).clicked() {
            out.push(Action::UseSessionsFolder);
        }
    });
    if let Some(refused) = &list.refused {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {}", refused.text(view.lang.0)))
                .size(15.0)
                .color(theme::BAD),
        );
    }
}

pub fn language(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::Language));
    ui.horizontal(|ui| {
        for l in [Lang::Nl, Lang::En] {
            if ui.selectable_label(view.lang.0 == l, l.name()).clicked() {
                out.push(Action::SetLanguage(l));
            }
        }
    });
}
