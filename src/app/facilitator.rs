//! The facilitator's controls: a window of its own (presenter view) or a side panel that can be
//! hidden (`--single-window`). Everything teams must not see lives here: the next scenario, the
//! notes, the sealed choices, the event log.

use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy_egui::{EguiContext, PrimaryEguiContext, egui};

use super::action::Action;
use super::draft::{MAX_TEAMS, MIN_TEAMS, PALETTE};
use super::i18n::{Lang, T};
use super::input::TextFocus;
use super::screens::{Phase, Screen};
use super::session_link;
use super::theme;
use super::ui::{self, Out, View, card, muted, signed, wrap};
use crate::deck::Key;

/// One window or two.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Layout {
    pub single_window: bool,
}

/// The egui pass of the facilitator window.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct FacilitatorPass;

/// Marks the facilitator window and its camera.
#[derive(Component)]
pub struct FacilitatorWindow;

fn facilitator_system(
    mut ctx: Query<&mut EguiContext, Without<PrimaryEguiContext>>,
    view: View,
    mut focus: ResMut<TextFocus>,
    mut out: Out,
) {
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    let mut root = ui::root_ui(&ctx, "facilitator");
    egui::CentralPanel::default()
        .frame(card(theme::PANEL, 16.0))
        .show(&mut root, |ui| controls(ui, &view, &mut actions));
    ui::help_overlay(&ctx, &view, &mut actions);
    focus.0 = ctx.egui_wants_keyboard_input();
    out.send_all(actions);
}

fn big_button(ui: &mut egui::Ui, text: &str, enabled: bool) -> bool {
    ui.add_enabled(
        enabled,
        egui::Button::new(egui::RichText::new(text).size(22.0).strong()).fill(theme::CARD),
    )
    .clicked()
}

/// Why the facilitator cannot go on yet, one line each (nothing when all is well).
fn problem_list(ui: &mut egui::Ui, problems: &[String]) {
    for p in problems {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {p}"))
                .size(16.0)
                .color(theme::BAD),
        );
    }
}

/// The controls for the current screen.
pub fn controls(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let screen = view.screen();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(view.t(T::Controls))
                .size(26.0)
                .strong()
                .color(theme::ACCENT),
        );
        let where_ = match (screen, view.phase()) {
            (Screen::Round, Some(p)) => format!(
                "{} {} · {}",
                view.t(T::Round),
                view.live.fold().round + 1,
                view.t(p.label())
            ),
            (s, _) => view
                .t(match s {
                    Screen::Title => T::GameTitle,
                    Screen::Setup => T::Setup,
                    Screen::Review => T::Review,
                    Screen::Values => T::Values,
                    Screen::Round => T::Round,
                    Screen::Scoreboard => T::Scoreboard,
                    Screen::Agreements => T::Agreements,
                    Screen::Final => T::Final,
                })
                .to_string(),
        };
        ui.label(muted(where_, 18.0));
    });
    ui.horizontal_wrapped(|ui| {
        if big_button(
            ui,
            &format!("{}  ({})", view.t(T::Next), view.t(T::SpaceKey)),
            screen != Screen::Final,
        ) {
            out.push(Action::Next);
        }
        if ui.button(format!("{}  Ctrl+Z", view.t(T::Undo))).clicked() {
            out.push(Action::Undo);
        }
        if ui.button("F1 ?").on_hover_text(view.t(T::Help)).clicked() {
            out.push(Action::ToggleHelp);
        }
        ui.label(muted(view.t(T::TextSize), 16.0));
        if ui.button("−").clicked() {
            out.push(Action::TextSize(-1));
        }
        ui.label(format!("{} %", (view.prefs.text_scale() * 100.0).round()));
        if ui.button("+").clicked() {
            out.push(Action::TextSize(1));
        }
    });
    ui::banner(ui, view, 16.0, out);
    // Why the last key could do nothing now (cleared by the next action).
    if let Some(why) = &view.notices.refused {
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("» {why}"))
                    .size(15.0)
                    .color(theme::ACCENT),
            )
            .wrap(),
        );
    }
    // What the facilitator alone must know (a journal replaced after a failed write, a recovered
    // tail): here, never on the projector, until dismissed. The Final screen shows it with its
    // posters.
    if screen != Screen::Final
        && let Some(n) = &view.notices.notice
    {
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::Label::new(egui::RichText::new(n).size(15.0).color(theme::ACCENT)).wrap());
            if ui.small_button("×  Esc").clicked() {
                out.push(Action::CloseOverlays);
            }
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("controls-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match screen {
            Screen::Title => title(ui, view, out),
            Screen::Setup => setup(ui, view, out),
            Screen::Review => {
                crate::app::screens::review::facilitator(ui, view, out);
                event_log(ui, view, out);
            }
            Screen::Values => values(ui, view, out),
            Screen::Round => round(ui, view, out),
            Screen::Scoreboard => {
                if ui.button(view.t(T::OpenAgreements)).clicked() {
                    out.push(Action::OpenAgreements);
                }
                adjustments(ui, view, out);
                next_scenario(ui, view, out);
                event_log(ui, view, out);
            }
            Screen::Agreements => {
                // While the photo wall is up, its controls come first.
                if view.photos.wall {
                    super::photos::facilitator(ui, view, out);
                    crate::app::screens::agreements::facilitator(ui, view, out);
                } else {
                    crate::app::screens::agreements::facilitator(ui, view, out);
                    super::photos::facilitator(ui, view, out);
                }
                event_log(ui, view, out);
            }
            Screen::Final => {
                posters(ui, view, out);
                if ui
                    .button(egui::RichText::new(view.t(T::NextSitting)).size(18.0))
                    .on_hover_text(view.t(T::ContinueHint))
                    .clicked()
                {
                    out.push(Action::ContinueCurrent);
                }
                super::photos::facilitator(ui, view, out);
                event_log(ui, view, out);
            }
        });
}

/// The Final screen's posters: save them (P) and see what was saved.
fn posters(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if big_button(ui, view.t(T::SavePosters), view.live.session().is_some()) {
        out.push(Action::SavePosters);
    }
    if ui
        .button(egui::RichText::new(view.t(T::SaveManners)).size(18.0))
        .clicked()
    {
        out.push(Action::SaveManners);
    }
    if let Some(n) = &view.notices.notice {
        wrap(ui, egui::RichText::new(n).size(15.0).color(theme::GOOD));
    }
    let width = ((ui.available_width() - 12.0) / 2.0).max(120.0);
    let textures: Vec<(String, egui::TextureHandle, egui::Vec2)> = view
        .posters
        .previews
        .iter()
        .enumerate()
        .map(|(i, (team, w, h, rgba))| {
            // One texture per poster and save, kept in egui's memory.
            let key = egui::Id::new(("poster", view.posters.saved, i));
            let tex = ui
                .data_mut(|d| d.get_temp::<egui::TextureHandle>(key))
                .unwrap_or_else(|| {
                    let image =
                        egui::ColorImage::from_rgba_unmultiplied([*w as usize, *h as usize], rgba);
                    let tex = ui.ctx().load_texture(
                        format!("poster-{i}"),
                        image,
                        egui::TextureOptions::LINEAR,
                    );
                    ui.data_mut(|d| d.insert_temp(key, tex.clone()));
                    tex
                });
            let size = egui::vec2(width, width * *h as f32 / (*w).max(1) as f32);
            (team.clone(), tex, size)
        })
        .collect();
    for row in textures.chunks(2) {
        ui.horizontal_top(|ui| {
            for (team, tex, size) in row {
                ui.vertical(|ui| {
                    ui.set_width(size.x);
                    ui.add(egui::Image::new((tex.id(), *size)));
                    ui.label(muted(team, 14.0));
                });
            }
        });
    }
}

fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(text)
            .size(22.0)
            .strong()
            .color(theme::ACCENT),
    );
}

fn title(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
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
                egui::RichText::new(format!("⚠ {}: {err}", view.t(T::DeckHasErrors)))
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
                    if ui.button(&s.label).clicked() {
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
                ui.label(muted(&s.label, 16.0));
                wrap(
                    ui,
                    egui::RichText::new(format!("⚠ {problem}"))
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
            egui::RichText::new(format!("⚠ {problem}"))
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
            egui::RichText::new(format!("⚠ {refused}"))
                .size(15.0)
                .color(theme::BAD),
        );
    }
}

fn language(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::Language));
    ui.horizontal(|ui| {
        for l in [Lang::Nl, Lang::En] {
            if ui.selectable_label(view.lang.0 == l, l.name()).clicked() {
                out.push(Action::SetLanguage(l));
            }
        }
    });
}

fn setup(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
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
    crate::app::screens::review::deck_choice(ui, view, out);
    section(ui, view.t(T::Teams));
    for (i, team) in view.draft.teams.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(muted(super::input::team_key(i), 18.0));
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
                let (rect, resp) =
                    ui.allocate_exact_size(egui::vec2(20.0, 20.0), egui::Sense::click());
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
        });
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
    let problems = view.draft.setup_problems();
    problem_list(ui, &problems);
    section(ui, view.t(T::Setup));
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
    language(ui, view, out);
    ui.add_space(12.0);
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
        problems.is_empty(),
    ) {
        out.push(Action::Next);
    }
    crate::app::screens::setup::plan::facilitator(ui, view, out);
}

fn values(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let Some(deck) = crate::app::screens::values::own_values::value_deck(&view.draft, &view.live)
    else {
        return;
    };
    wrap(ui, muted(view.t(T::ValuesIntro), 18.0));
    for set in 0..view.draft.value_sets() {
        let who = if view.draft.shared_values {
            view.t(T::Group).to_string()
        } else {
            view.draft.team_name(set)
        };
        section(ui, &who);
        let chosen = view.draft.values.get(set).cloned().unwrap_or_default();
        for v in &deck.values {
            let weight = chosen.iter().find(|(id, _)| *id == v.id).map(|(_, w)| *w);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .selectable_label(weight.is_some(), &v.name)
                    .on_hover_text(&v.meaning)
                    .clicked()
                {
                    out.push(Action::ToggleValue {
                        set,
                        value: v.id.clone(),
                    });
                }
                if let Some(w) = weight {
                    for k in 1..=3u8 {
                        if ui.selectable_label(w == k, k.to_string()).clicked() {
                            out.push(Action::SetWeight {
                                set,
                                value: v.id.clone(),
                                weight: k,
                            });
                        }
                    }
                }
                if set == 0 {
                    crate::app::screens::values::own_values::reword_button(ui, view, &v.id, out);
                }
                if let Some(note) = crate::app::screens::values::own_values::value_note(view, &v.id)
                {
                    ui.label(muted(note, 13.0));
                }
            });
        }
    }
    crate::app::screens::values::own_values::facilitator(ui, view, out);
    poll(ui, view, out);
    ui.add_space(12.0);
    let problems = view.draft.problems();
    problem_list(ui, &problems);
    if big_button(
        ui,
        &format!("{}  ({})", view.t(T::StartRounds), view.t(T::SpaceKey)),
        problems.is_empty(),
    ) {
        out.push(Action::Next);
    }
}

/// The pre-session poll: choose a file (dialog, drop or typed path), see what it proposes with its
/// warnings, and take it for a value set. Facilitator only: open answers stay folded away.
fn poll(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::Poll));
    wrap(ui, muted(view.t(T::PollHint), 15.0));
    let mut path = view.poll.path.clone();
    ui.horizontal(|ui| {
        if ui.button(view.t(T::PollChoose)).clicked() {
            out.push(Action::PickPollFile);
        }
        let field = ui.add(
            egui::TextEdit::singleline(&mut path)
                .hint_text("peiling.csv")
                .desired_width((ui.available_width() - 90.0).max(80.0)),
        );
        if field.changed() {
            out.push(Action::SetPollPath(path.clone()));
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(
                !view.poll.path.trim().is_empty(),
                egui::Button::new(view.t(T::PollRead)),
            )
            .clicked()
            || (enter && !path.trim().is_empty())
        {
            out.push(Action::ImportPoll);
        }
    });
    if let Some(e) = &view.poll.error {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {e}"))
                .size(17.0)
                .color(theme::BAD),
        );
    }
    let Some(p) = &view.poll.preview else { return };
    wrap(ui, muted(p.file.display().to_string(), 14.0));
    crate::app::screens::values::own_values::poll_switch(ui, view, out);
    // The summary's lines on the values; the warnings follow, prominently.
    let summary: Vec<&str> = p
        .summary
        .lines()
        .filter(|l| !l.starts_with("Let op: "))
        .collect();
    wrap(ui, ui::rich(summary.join("\n"), 16.0));
    if !p.warnings.is_empty() {
        card(theme::CARD, 10.0).show(ui, |ui| {
            wrap(
                ui,
                egui::RichText::new(view.t(T::PollWarnings))
                    .size(18.0)
                    .strong()
                    .color(theme::ACCENT),
            );
            for w in &p.warnings {
                wrap(
                    ui,
                    egui::RichText::new(format!("⚠ {w}"))
                        .size(17.0)
                        .color(theme::TEXT),
                );
            }
        });
    }
    if p.paired {
        ui.horizontal_wrapped(|ui| {
            ui.label(ui::rich(view.t(T::PollCounts), 16.0));
            for (m, key) in [
                (crate::poll::Moment::Desired, T::PollDesired),
                (crate::poll::Moment::Now, T::PollNow),
            ] {
                if ui
                    .selectable_label(view.poll.moment == m, view.t(key))
                    .clicked()
                {
                    out.push(Action::SetPollMoment(m));
                }
            }
        });
    }
    if !p.free_text.is_empty() {
        egui::CollapsingHeader::new(view.t(T::PollOpenAnswers))
            .default_open(false)
            .show(ui, |ui| {
                for f in &p.free_text {
                    wrap(ui, ui::rich(&f.header, 15.0).strong());
                    for a in &f.answers {
                        wrap(ui, muted(format!("– {a}"), 14.0));
                    }
                }
            });
    }
    ui.horizontal_wrapped(|ui| {
        for set in 0..view.draft.value_sets() {
            let who = if view.draft.shared_values {
                view.t(T::Group).to_string()
            } else {
                view.draft.team_name(set)
            };
            let label = format!("{} {who}", view.t(T::PollImportFor));
            if ui
                .add_enabled(!p.weights.is_empty(), egui::Button::new(label))
                .clicked()
            {
                out.push(Action::ApplyPoll(set));
            }
        }
    });
}

fn round(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let phase = view.phase().unwrap_or_default();
    let sc = session_link::current_scenario(&view.live);
    if let Some(sc) = sc {
        ui.label(egui::RichText::new(&sc.title).size(22.0).strong());
    }
    if phase == Phase::Discuss {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(view.timer.label()).size(30.0).strong());
            let pause = if view.timer.running {
                view.t(T::PauseTimer)
            } else {
                view.t(T::ResumeTimer)
            };
            if ui.button(format!("{pause}  T")).clicked() {
                out.push(Action::ToggleTimer);
            }
            if ui.button(format!("{}  M", view.t(T::AddMinute))).clicked() {
                out.push(Action::AddMinute);
            }
        });
    }
    if matches!(phase, Phase::Scenario | Phase::Discuss | Phase::Choose)
        && ui
            .button(format!("{}  S", view.t(T::SkipScenario)))
            .on_hover_text(view.t(T::KeySkip))
            .clicked()
    {
        out.push(Action::SkipRound);
    }
    if matches!(phase, Phase::Discuss | Phase::Choose) {
        section(ui, view.t(T::SealedChoices));
        let f = view.live.fold();
        let keys: Vec<Key> = sc
            .map(|s| s.behaviours.iter().map(|b| b.key).collect())
            .unwrap_or_default();
        for (i, team) in view.draft.teams.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let selected = view.round.selected_team == Some(i);
                ui::swatch(ui, theme::team_colour(team.colour), 16.0);
                let name = format!("{} {}", super::input::team_key(i), team.name);
                if ui.selectable_label(selected, name).clicked() {
                    out.push(Action::SelectTeam(i));
                }
                let current = f.choices.get(i).copied().flatten();
                for k in &keys {
                    if ui
                        .selectable_label(current == Some(*k), k.to_string())
                        .clicked()
                    {
                        out.push(Action::Choose { team: i, key: *k });
                    }
                }
            });
        }
        let sel = view
            .round
            .selected_team
            .map(|i| view.draft.team_name(i))
            .unwrap_or_else(|| view.t(T::NotSelected).into());
        ui.label(muted(format!("{}: {sel}", view.t(T::SelectedTeam)), 16.0));
    }
    if let Some(sc) = sc {
        if !sc.notes.is_empty() {
            section(ui, view.t(T::FacilitatorNotes));
            wrap(ui, egui::RichText::new(&sc.notes).size(18.0));
        }
        if phase == Phase::Reveal {
            let all = view.round.all_consequences;
            if ui
                .selectable_label(all, format!("{}  W", view.t(T::AllConsequences)))
                .on_hover_text(view.t(T::KeyAllConsequences))
                .clicked()
            {
                out.push(Action::ToggleAllConsequences);
            }
            section(ui, view.t(T::Questions));
            for q in &sc.debrief {
                wrap(ui, egui::RichText::new(format!("• {q}")).size(18.0));
            }
        }
    }
    if phase == Phase::Debrief {
        // The questions with a field each for what the group said.
        crate::app::screens::agreements::notes(ui, view, out);
        if ui.button(view.t(T::OpenAgreements)).clicked() {
            out.push(Action::OpenAgreements);
        }
    }
    if phase == Phase::Reveal || phase == Phase::Debrief {
        adjustments(ui, view, out);
    }
    next_scenario(ui, view, out);
    event_log(ui, view, out);
}

/// Points given or taken by the facilitator (a team argued well, a rule was broken), each with
/// a reason for the report: one reason field, and −1 / +1 per team.
fn adjustments(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::AdjustPoints));
    let mut reason = view.round.adjust_reason.clone();
    if ui
        .add(
            egui::TextEdit::singleline(&mut reason)
                .hint_text(view.t(T::AdjustReason))
                .desired_width(ui.available_width()),
        )
        .changed()
    {
        out.push(Action::SetAdjustReason(reason));
    }
    let has_reason = !view.round.adjust_reason.trim().is_empty();
    let totals = session_link::totals(&view.live);
    for (i, team) in view.draft.teams.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui::swatch(ui, theme::team_colour(team.colour), 16.0);
            ui.label(&team.name);
            if let Some(total) = totals.get(i).copied().flatten() {
                ui.label(muted(signed(total), 16.0));
            }
            for points in [-1, 1] {
                if ui
                    .add_enabled(has_reason, egui::Button::new(signed(points)))
                    .clicked()
                {
                    out.push(Action::AdjustScore { team: i, points });
                }
            }
        });
    }
}

fn next_scenario(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    if let Some(next) = session_link::next_scenario(&view.live) {
        section(ui, view.t(T::NextScenario));
        ui.label(egui::RichText::new(&next.title).size(18.0).strong());
        wrap(ui, muted(&next.situation, 16.0));
        // Look ahead and change what comes next (journaled; Ctrl+Z takes it back).
        let coming = session_link::upcoming(&view.live, 6);
        if coming.len() > 1 {
            section(ui, view.t(T::ComingUp));
            let lang = view.lang.0;
            for (i, sc) in coming.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(muted(format!("{}.", i + 1), 15.0));
                    ui.label(egui::RichText::new(&sc.title).size(15.0));
                    ui.label(muted(sc.layer.name(lang), 13.0));
                    if i > 0 && ui.small_button(view.t(T::PlayNext)).clicked() {
                        out.push(Action::PlanNext(sc.id.clone()));
                    }
                });
            }
        }
    }
}

fn event_log(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    section(ui, view.t(T::EventLog));
    let lines = session_link::log_lines(&view.live);
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

pub struct FacilitatorPlugin;

impl Plugin for FacilitatorPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Layout>()
            .add_systems(FacilitatorPass, facilitator_system);
    }
}
