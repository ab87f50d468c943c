//! Shared pieces of the egui views: what they read, how they send actions, and small widgets.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::egui;

use super::action::Action;
use super::decks::DeckList;
use super::i18n::{Key, T, UiLang};
use super::journal::SessionList;
use super::nav::{Phase, Screen};
use super::poster_job::Posters;
use super::session_link;
use super::session_link::Live;
use super::state::{AgreementDraft, Notices, PollState, Prefs, RoundInput, SetupDraft, ValueDraft};
use super::theme::{self, Sizes};
use super::timer::DiscussTimer;

/// Everything a view reads.
#[derive(SystemParam)]
pub struct View<'w> {
    pub draft: Res<'w, SetupDraft>,
    pub prefs: Res<'w, Prefs>,
    pub notices: Res<'w, Notices>,
    pub round: Res<'w, RoundInput>,
    pub poll: Res<'w, PollState>,
    pub posters: Res<'w, Posters>,
    pub lang: Res<'w, UiLang>,
    pub live: Res<'w, Live>,
    pub timer: Res<'w, DiscussTimer>,
    pub screen: Res<'w, State<Screen>>,
    pub phase: Option<Res<'w, State<Phase>>>,
    pub decks: Res<'w, DeckList>,
    pub sessions: Res<'w, SessionList>,
    pub agreements: Res<'w, AgreementDraft>,
    pub values: Res<'w, ValueDraft>,
    pub photos: Res<'w, super::photos::Photos>,
}

impl View<'_> {
    pub fn t(&self, key: T) -> &'static str {
        key.tr(self.lang.0)
    }
    pub fn screen(&self) -> Screen {
        *self.screen.get()
    }
    pub fn phase(&self) -> Option<Phase> {
        self.phase.as_ref().map(|p| *p.get())
    }
}

/// Where a view sends what was clicked; written out at the end of the system.
#[derive(SystemParam)]
pub struct Out<'w> {
    pub actions: MessageWriter<'w, Action>,
    pub redraw: MessageWriter<'w, RequestRedraw>,
}

impl Out<'_> {
    pub fn send_all(&mut self, actions: Vec<Action>) {
        if actions.is_empty() {
            return;
        }
        for a in actions {
            self.actions.write(a);
        }
        // The action is applied in the next update; make sure there is one.
        self.redraw.write(RequestRedraw);
    }
}

/// A root `Ui` covering the whole context.
pub fn root_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.content_rect()),
    )
}

pub fn rich(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text).size(size).color(theme::TEXT)
}

pub fn muted(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text).size(size).color(theme::MUTED)
}

/// A vertical scroll area whose content `add` draws at a scale ≤ 1 that it is given. When the
/// content was taller than the area, the next frame draws it smaller (down to `min`), so that, for
/// example, a reveal with many teams fits the projected window before anyone has to scroll. `key`
/// names what is shown (and at which size): a new key starts again at full size, and for one key
/// the scale only goes down, so it settles after a few frames.
pub fn fitted_scroll(
    ui: &mut egui::Ui,
    id: &str,
    key: impl std::hash::Hash + std::fmt::Debug,
    min: f32,
    add: impl FnOnce(&mut egui::Ui, f32),
) {
    let memory = egui::Id::new(("fitted-scroll", id));
    let key = egui::Id::new((
        key,
        ui.available_width().round() as i32,
        ui.available_height().round() as i32,
    ));
    let scale = ui
        .ctx()
        .data(|d| d.get_temp::<(egui::Id, f32)>(memory))
        .filter(|(k, _)| *k == key)
        .map_or(1.0, |(_, s)| s);
    let out = egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink([false, false])
        .show(ui, |ui| add(ui, scale));
    let (content, room) = (out.content_size.y, out.inner_rect.height());
    let mut next = scale;
    if content > room + 1.0 && scale > min && room > 0.0 {
        // Wrapped text grows with the square of its size: more lines, each taller.
        next = (scale * (room / content).sqrt() * 0.98).max(min);
        ui.ctx().request_repaint();
    }
    ui.ctx().data_mut(|d| d.insert_temp(memory, (key, next)));
}

/// A number that counts from 0 to `target` in `secs` the first time it is shown, and moves smoothly
/// when it changes later. (egui's own animation starts at the first value it is given, so it would
/// show the end at once.) Asks for frames only while it moves.
pub fn count_up(ctx: &egui::Context, id: egui::Id, target: f32, secs: f32) -> f32 {
    let started = id.with("started");
    if ctx.data(|d| d.get_temp::<bool>(started)).is_none() {
        ctx.data_mut(|d| d.insert_temp(started, true));
        ctx.animate_value_with_time(id, 0.0, secs);
    }
    ctx.animate_value_with_time(id, target, secs)
}

/// A wrapping label (never overflows its column).
pub fn wrap(ui: &mut egui::Ui, text: egui::RichText) -> egui::Response {
    ui.add(egui::Label::new(text).wrap())
}

/// A card: a rounded panel with some padding.
pub fn card(fill: egui::Color32, pad: f32) -> egui::Frame {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(egui::CornerRadius::same((pad * 0.6).clamp(2.0, 40.0) as u8))
        .inner_margin(egui::Margin::same(pad.clamp(2.0, 100.0) as i8))
}

/// A coloured square for a team.
pub fn swatch(ui: &mut egui::Ui, colour: egui::Color32, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter().rect_filled(rect, size * 0.2, colour);
}

/// A signed number: "+3", "−2", "0".
pub fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("\u{2212}{}", n.unsigned_abs()),
        _ => "0".to_string(),
    }
}

pub fn signed_colour(n: i64) -> egui::Color32 {
    match n {
        n if n > 0 => theme::GOOD,
        n if n < 0 => theme::BAD,
        _ => theme::MUTED,
    }
}

/// The help overlay listing every shortcut.
pub fn help_overlay(ctx: &egui::Context, view: &View, out: &mut Vec<Action>) {
    if !view.prefs.help_open {
        return;
    }
    // Every key fits the window: the text shrinks with a small window and long lines wrap.
    let room = ctx.content_rect();
    let rows = super::input::SHORTCUTS.len() as f32 + 3.0;
    let size = (room.height() / (rows * 1.9)).clamp(11.0, 22.0);
    let width = (room.width() * 0.9 - 48.0).max(200.0);
    egui::Window::new(view.t(T::Help))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .max_width(width)
        .frame(card(theme::PANEL, 24.0).stroke(egui::Stroke::new(2.0, theme::ACCENT)))
        .show(ctx, |ui| {
            ui.set_max_width(width);
            egui::Grid::new("help-grid")
                .num_columns(2)
                .spacing([size, size * 0.4])
                .show(ui, |ui| {
                    for (keys, what) in super::input::SHORTCUTS {
                        let keys = match keys {
                            super::input::Keys::Fixed(k) => k,
                            super::input::Keys::Named(k) => view.t(k),
                        };
                        ui.label(
                            egui::RichText::new(keys)
                                .strong()
                                .size(size)
                                .color(theme::ACCENT),
                        );
                        ui.add(
                            egui::Label::new(egui::RichText::new(view.t(what)).size(size)).wrap(),
                        );
                        ui.end_row();
                    }
                });
            ui.add_space(12.0);
            if ui
                .button(format!("{} (F1 / Esc)", view.t(T::Close)))
                .clicked()
            {
                out.push(Action::ToggleHelp);
            }
        });
}

/// The warning or error for the facilitator (a refused action, a deck that does not load or
/// reload, with its path): in the facilitator's window or panel only, never on the projector.
/// The ✕ (or Esc) dismisses a warning; a deck error stays while the deck is broken.
pub fn banner(ui: &mut egui::Ui, view: &View, size: f32, out: &mut Vec<Action>) {
    let (msg, dismissable) = match (&view.notices.banner, &view.draft.deck_error) {
        (Some(b), _) => (b.clone(), true),
        (None, Some(e)) => (e.text(view.lang.0).to_owned(), false),
        (None, None) => return,
    };
    card(egui::Color32::from_rgb(90, 30, 10), size * 0.4).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_top(|ui| {
            if dismissable && ui.small_button("×  Esc").clicked() {
                out.push(Action::CloseOverlays);
            }
            wrap(ui, rich(format!("⚠ {msg}"), size));
        });
    });
}

/// A screen's title: large, bold, in the accent colour.
pub fn title(ui: &mut egui::Ui, text: impl Into<String>, s: Sizes) {
    ui.label(
        egui::RichText::new(text)
            .size(s.title())
            .strong()
            .color(theme::ACCENT),
    );
}

pub fn header(ui: &mut egui::Ui, view: &View, s: Sizes, text: &str) {
    ui.horizontal_wrapped(|ui| {
        title(ui, text, s);
        if let Some(deck) = &view.draft.deck {
            ui.add_space(s.gap());
            ui.label(muted(&deck.title, s.small()));
        }
    });
    ui.add_space(s.gap());
}

pub fn big_button(ui: &mut egui::Ui, text: &str, enabled: bool) -> bool {
    ui.add_enabled(
        enabled,
        egui::Button::new(egui::RichText::new(text).size(22.0).strong()).fill(theme::CARD),
    )
    .clicked()
}

/// Why the facilitator cannot go on yet, one line each (nothing when all is well).
pub fn problem_list(ui: &mut egui::Ui, problems: &[String]) {
    for p in problems {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {p}"))
                .size(16.0)
                .color(theme::BAD),
        );
    }
}

pub fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(text)
            .size(22.0)
            .strong()
            .color(theme::ACCENT),
    );
}

pub fn event_log(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::EventLog));
    let lines = session_link::log_lines(&view.live, **view.lang);
    card(theme::BG, 8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (i, line) in lines.iter().enumerate().rev().take(12) {
            ui.label(
                egui::RichText::new(format!("{:>3}  {line}", i + 1))
                    .monospace()
                    .size(15.0),
            );
        }
    });
    if ui.button(format!("{}  Ctrl+Z", view.t(T::Undo))).clicked() {
        out.push(Action::Undo);
    }
}

/// The texts a view draws with `draw`, laid out at `size` points: a fresh egui context with the
/// default fonts, a few frames (a view that shrinks to fit settles in the later ones), nothing
/// sent. For tests.
pub fn drawn_texts(size: egui::Vec2, mut draw: impl FnMut(&mut egui::Ui)) -> Vec<String> {
    fn collect(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_string()),
            egui::Shape::Vec(v) => v.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let ctx = egui::Context::default();
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input.clone(), &mut draw);
    for _ in 0..3 {
        // Nothing draws these textures: egui insists they are taken.
        out.textures_delta.clear();
        out = ctx.run_ui(input.clone(), &mut draw);
    }
    out.textures_delta.clear();
    let mut texts = Vec::new();
    for clipped in &out.shapes {
        collect(&clipped.shape, &mut texts);
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_up_starts_at_zero_and_reaches_the_target() {
        let ctx = egui::Context::default();
        let id = egui::Id::new("score");
        let mut seen = Vec::new();
        for frame in 0..12 {
            let input = egui::RawInput {
                time: Some(f64::from(frame) * 0.1),
                ..Default::default()
            };
            ctx.run_ui(input, |ui| seen.push(count_up(ui.ctx(), id, 9.0, 0.8)))
                .textures_delta
                .clear();
        }
        assert_eq!(seen[0], 0.0, "{seen:?}");
        assert!(seen[4] > 0.0 && seen[4] < 9.0, "{seen:?}");
        assert_eq!(seen[11], 9.0, "{seen:?}");
        // A later change moves from where it stood, not from 0.
        let input = egui::RawInput {
            time: Some(1.3),
            ..Default::default()
        };
        let mut now = 0.0;
        ctx.run_ui(input, |ui| now = count_up(ui.ctx(), id, 5.0, 0.8))
            .textures_delta
            .clear();
        assert_eq!(now, 9.0);
    }
}
