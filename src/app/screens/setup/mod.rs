//! The Setup screen: teams, rounds, timer, seed, shared or per-team values, and the session plan
//! (`plan`). Space builds the session and opens its journal.

pub mod plan;

use bevy_egui::egui;

use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::draft::{MAX_TEAMS, MIN_TEAMS, PALETTE};
use crate::app::i18n::T;
use crate::app::nav::{Nav, Screen};
use crate::app::session_link;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{
    self, View, big_button, card, header, muted, problem_list, rich, section, wrap,
};

/// The Setup screen's actions.
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav) {
    let on_screen = nav.is(Screen::Setup);
    let draft = &mut ctx.draft;
    match action {
        Action::AddTeam if on_screen => draft.add_team(),
        Action::RemoveTeam(i) if on_screen => draft.remove_team(i),
        Action::RenameTeam(i, name) if on_screen => {
            if let Some(t) = draft.teams.get_mut(i) {
                t.name = name
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(crate::session::MAX_TEAM_NAME)
                    .collect();
            }
        }
        Action::SetTeamColour(i, c) => {
            if let Some(t) = draft.teams.get_mut(i) {
                t.colour = c % PALETTE.len();
            }
        }
        Action::SetRounds(r) => {
            let max = draft.deck.as_ref().map_or(1, |d| draft.unplayed(d).max(1));
            draft.rounds = r.clamp(1, max);
        }
        Action::SetDiscussSeconds(s) => {
            draft.discuss_secs = s.min(crate::session::MAX_DISCUSSION_SECS)
        }
        Action::SetSeed(s) => draft.seed = s,
        Action::SetSharedValues(b) if on_screen => {
            draft.shared_values = b;
            draft.fit_value_sets();
        }
        Action::PlanToggle(_) | Action::PlanUp(_) | Action::PlanClear | Action::PlanLayer(_)
            if on_screen =>
        {
            plan::apply(draft, &action)
        }
        _ => {}
    }
}

/// Space: build the session and open its journal; a later session of a trajectory first looks
/// back at the agreements in force (Review), else on to the Values screen.
pub fn next(ctx: &mut Ctx, nav: &mut Nav) {
    let problems = ctx.draft.setup_problems(ctx.lang());
    if !problems.is_empty() {
        ctx.refuse(problems.join(" "));
        return;
    }
    ctx.draft.fit_value_sets();
    let ctx = &mut *ctx;
    match session_link::begin(&mut ctx.draft, &mut ctx.live, ctx.lang.0) {
        Ok(()) => {
            let looks_back = ctx
                .live
                .session()
                .is_some_and(|s| !s.agreements().is_empty());
            nav.go(if looks_back {
                Screen::Review
            } else {
                Screen::Values
            });
        }
        Err(e) => ctx.fail(e),
    }
}

pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    header(ui, view, s, view.t(T::Setup));
    ui.label(muted(
        format!(
            "{}: {}   ·   {}: {}:{:02}",
            view.t(T::Rounds),
            view.draft.rounds,
            view.t(T::Discuss),
            view.draft.discuss_secs / 60,
            view.draft.discuss_secs % 60
        ),
        s.small(),
    ));
    ui.add_space(s.gap());
    team_grid(ui, view, s, |ui, _i| {
        ui.add_space(0.0);
    });
}

/// The teams as a grid of cards, `extra` adds a line under each name.
fn team_grid(
    ui: &mut egui::Ui,
    view: &View,
    s: Sizes,
    mut extra: impl FnMut(&mut egui::Ui, usize),
) {
    let n = view.draft.teams.len().max(1);
    let cols = if n <= 3 {
        n
    } else if n <= 8 {
        n.div_ceil(2)
    } else {
        n.div_ceil(3)
    };
    let gap = s.gap();
    let w = ((ui.available_width() - gap * (cols as f32 - 1.0)) / cols as f32).max(60.0);
    egui::ScrollArea::vertical()
        .id_salt("teams")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for row in view.draft.teams.chunks(cols).enumerate() {
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    for (j, team) in row.1.iter().enumerate() {
                        let i = row.0 * cols + j;
                        ui.allocate_ui_with_layout(
                            egui::vec2(w, 0.0),
                            egui::Layout::top_down(egui::Align::Min),
                            |ui| {
                                card(theme::CARD, gap).show(ui, |ui| {
                                    ui.set_width(w - 2.0 * gap);
                                    ui.horizontal(|ui| {
                                        ui::swatch(
                                            ui,
                                            theme::team_colour(team.colour),
                                            s.body * 0.8,
                                        );
                                        ui.label(muted(format!("{}", i + 1), s.small()));
                                    });
                                    wrap(ui, rich(&team.name, s.body).strong());
                                    extra(ui, i);
                                });
                            },
                        );
                    }
                });
                ui.add_space(gap);
            }
        });
}

/// The Setup screen in the facilitator's window: the deck, the teams, the numbers, the language,
/// and the session plan.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    continues_line(ui, view);
    crate::app::screens::review::deck_choice(ui, view, out);
    section(ui, view.t(T::Teams));
    for (i, team) in view.draft.teams.iter().enumerate() {
        ui.horizontal(|ui| team_row(ui, view, i, team, out));
    }
    if ui
        .add_enabled(
            view.draft.teams.len() < MAX_TEAMS,
            egui::Button::new(format!("+ {}", view.t(T::AddTeam))),
        )
        .clicked()
    {
        out.push(Action::AddTeam);
    }
    let problems = view.draft.setup_problems(**view.lang);
    problem_list(ui, &problems);
    section(ui, view.t(T::Setup));
    numbers(ui, view, out);
    super::title::language(ui, view, out);
    ui.add_space(12.0);
    go_on(ui, view, problems.is_empty(), out);
    plan::facilitator(ui, view, out);
}

/// Which session this one continues, when it continues one.
fn continues_line(ui: &mut egui::Ui, view: &View) {
    if let Some(previous) = &view.draft.continues {
        let name = previous
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        wrap(
            ui,
            egui::RichText::new(format!(
                "{} {name} ({} {})",
                view.t(T::ContinuesFrom),
                view.draft.played_before.len(),
                view.t(T::ScenariosPlayed)
            ))
            .size(15.0)
            .color(theme::GOOD),
        );
    }
}

/// One team: its key, its name, its colour and a button to remove it.
fn team_row(
    ui: &mut egui::Ui,
    view: &View,
    i: usize,
    team: &crate::app::draft::TeamDraft,
    out: &mut Vec<Action>,
) {
    ui.label(muted(crate::app::input::team_key(i), 18.0));
    let mut name = team.name.clone();
    let w = (ui.available_width() - PALETTE.len() as f32 * 32.0 - 64.0).max(120.0);
    if ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .desired_width(w)
                .char_limit(crate::session::MAX_TEAM_NAME),
        )
        .changed()
    {
        out.push(Action::RenameTeam(i, name));
    }
    for c in 0..PALETTE.len() {
        let (rect, resp) = ui.allocate_exact_size(egui::vec2(20.0, 20.0), egui::Sense::click());
        ui.painter().rect_filled(rect, 4.0, theme::team_colour(c));
        if c == team.colour {
            ui.painter().rect_stroke(
                rect.expand(2.0),
                4.0,
                egui::Stroke::new(2.0, theme::TEXT),
                egui::StrokeKind::Outside,
            );
        }
        if resp.clicked() {
            out.push(Action::SetTeamColour(i, c));
        }
    }
    if ui
        .add_enabled(view.draft.teams.len() > MIN_TEAMS, egui::Button::new("x"))
        .on_hover_text(view.t(T::Remove))
        .clicked()
    {
        out.push(Action::RemoveTeam(i));
    }
}

/// Rounds, discussion time, seed, and shared or per-team values.
fn numbers(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    egui::Grid::new("setup-grid")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let max_rounds = view
                .draft
                .deck
                .as_ref()
                .map_or(1, |d| d.scenarios.len().max(1));
            ui.label(view.t(T::Rounds));
            let mut rounds = view.draft.rounds;
            if ui
                .add(egui::DragValue::new(&mut rounds).range(1..=max_rounds))
                .changed()
            {
                out.push(Action::SetRounds(rounds));
            }
            ui.end_row();
            ui.label(view.t(T::DiscussSeconds));
            let mut secs = view.draft.discuss_secs;
            if ui
                .add(
                    egui::DragValue::new(&mut secs)
                        .range(0..=crate::session::MAX_DISCUSSION_SECS)
                        .speed(5),
                )
                .changed()
            {
                out.push(Action::SetDiscussSeconds(secs));
            }
            ui.end_row();
            ui.label(view.t(T::Seed));
            let mut seed = view.draft.seed;
            if ui.add(egui::DragValue::new(&mut seed)).changed() {
                out.push(Action::SetSeed(seed));
            }
            ui.end_row();
        });
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(view.draft.shared_values, view.t(T::SharedValues))
            .clicked()
        {
            out.push(Action::SetSharedValues(true));
        }
        if ui
            .selectable_label(!view.draft.shared_values, view.t(T::PerTeamValues))
            .clicked()
        {
            out.push(Action::SetSharedValues(false));
        }
    });
}

/// Space: on to the look back (a later session of a trajectory) or the values.
fn go_on(ui: &mut egui::Ui, view: &View, ready: bool, out: &mut Vec<Action>) {
    if big_button(
        ui,
        &format!(
            "{}  ({})",
            // A later session of a trajectory looks back at its agreements first.
            view.t(
                if view
                    .draft
                    .previous
                    .as_ref()
                    .is_some_and(|p| !p.carry_is_empty())
                {
                    T::ToReview
                } else {
                    T::ToValues
                }
            ),
            view.t(T::SpaceKey)
        ),
        ready,
    ) {
        out.push(Action::Next);
    }
}
