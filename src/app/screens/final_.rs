//! The Final screen: the ranking and each team's profile; the posters (P, made on another thread
//! by `poster_job`), the manners on one A4 page, and the next session of the trajectory.

use crate::app::action::Action;
use bevy_egui::egui;

use crate::app::ctx::Ctx;
use crate::app::i18n::T;
use crate::app::nav::{Nav, Screen};
use crate::app::session_link;
use crate::app::theme;
use crate::app::ui::{self, View, big_button, muted, wrap};
use crate::lang::messages::Msg;

/// The Final screen's actions.
pub fn handle(action: Action, ctx: &mut Ctx, nav: &mut Nav) {
    let on_screen = nav.is(Screen::Final);
    match action {
        Action::SavePosters if !on_screen => ctx.refuse_with(Msg::PostersWhen),
        Action::SaveManners if on_screen => match session_link::save_manners(&ctx.live, ctx.lang())
        {
            Ok(dir) => {
                let dir = dir.display();
                ctx.notices.notice = Some(ctx.text(crate::bi!(
                    "Zo zijn onze manieren (A4, HTML en PNG) opgeslagen in {dir}",
                    "This is how we do things (A4, HTML and PNG) saved in {dir}"
                )))
            }
            Err(e) => ctx.fail(e),
        },
        Action::ContinueCurrent if on_screen => continue_current(ctx, nav),
        _ => {}
    }
}

/// Set up the next session of the trajectory from this one.
fn continue_current(ctx: &mut Ctx, nav: &mut Nav) {
    let Some(path) = ctx.live.journal_path().map(std::path::Path::to_path_buf) else {
        return;
    };
    match session_link::continue_from(&path, &mut ctx.draft, ctx.lang.0) {
        Ok(notice) => {
            ctx.notices.notice = notice;
            ctx.notices.banner = None;
            // The finished session's journal is closed; the next one is written when its set-up
            // is done.
            ctx.live.close();
            nav.go(Screen::Setup);
        }
        Err(e) => ctx.fail(e),
    }
}

/// Space does nothing here: say what does.
pub fn next(ctx: &mut Ctx) {
    ctx.refuse_with(Msg::FinalScreen);
}

/// The Final screen's posters: save them (P) and see what was saved.
pub fn posters(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
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

/// The Final screen's controls: the posters, the manners, the next session, the photos.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    posters(ui, view, out);
    if ui
        .button(egui::RichText::new(view.t(T::NextSitting)).size(18.0))
        .on_hover_text(view.t(T::ContinueHint))
        .clicked()
    {
        out.push(Action::ContinueCurrent);
    }
    super::photo_wall::facilitator(ui, view, out);
    ui::event_log(ui, view, out);
}
