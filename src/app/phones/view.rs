//! The phones on screen: the join card with its QR code on the projector, and the phones window
//! for the facilitator (on/off, the address, lock, the phones per team and who has chosen).

use crate::app::action::Action;
use crate::app::action::PhonesAction;
use crate::app::draft::Draft;
use crate::app::i18n::{Key, Lang, UiLang};
use crate::app::session_link::Live;
use crate::app::state::{Prefs, SetupDraft};
use crate::app::theme;
use crate::app::windows::Layout;
use crate::lang::phones::PhoneText;
use bevy::prelude::*;
use bevy_egui::{EguiContext, PrimaryEguiContext, egui};
use std::time::Duration;

use super::*;

/// The QR code of the join URL as an egui texture, made once per URL.
pub(super) fn qr_texture(ctx: &egui::Context, phones: &Phones) -> Option<egui::TextureHandle> {
    let (url, width, modules) = phones.qr()?;
    let key = egui::Id::new(("phones-qr", url));
    if let Some(t) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(key)) {
        return Some(t);
    }
    let (side, rgba) = qr_image(width, modules, 8);
    let image = egui::ColorImage::from_rgba_unmultiplied([side, side], &rgba);
    let tex = ctx.load_texture("phones-qr", image, egui::TextureOptions::NEAREST);
    ctx.data_mut(|d| d.insert_temp(key, tex.clone()));
    Some(tex)
}

/// The join card on the projector: the QR code, the room code and the address, large and in the
/// middle, while the facilitator shows it (from the start of the server until hidden in the phones
/// window) and joining is open.
pub(super) fn projector_overlay(
    mut ctx: Query<&mut EguiContext, With<PrimaryEguiContext>>,
    phones: Res<Phones>,
    lang: Res<UiLang>,
) {
    let Some(server) = &phones.server else { return };
    if server.locked() || !phones.show_qr {
        return;
    }
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let Some(tex) = qr_texture(&ctx, &phones) else {
        return;
    };
    let height = ctx.content_rect().height();
    let side = (height * 0.5).clamp(160.0, 1200.0);
    let size = (height * 0.045).clamp(16.0, 90.0);
    egui::Area::new(egui::Id::new("phones-qr-area"))
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(&ctx, |ui| {
            crate::app::ui::card(theme::PANEL, size * 0.8)
                .stroke(egui::Stroke::new(3.0, theme::ACCENT))
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.label(
                            egui::RichText::new(PhoneText::Join.tr(lang.0))
                                .size(size)
                                .strong()
                                .color(theme::ACCENT),
                        );
                        ui.add_space(size * 0.3);
                        ui.add(egui::Image::new((tex.id(), egui::vec2(side, side))));
                        ui.add_space(size * 0.3);
                        ui.label(
                            egui::RichText::new(format!(
                                "{}  {}",
                                PhoneText::RoomCode.tr(lang.0),
                                server.room_code()
                            ))
                            .size(size * 1.1)
                            .strong()
                            .color(theme::TEXT),
                        );
                        ui.label(
                            egui::RichText::new(server.short_url())
                                .size(size * 0.7)
                                .color(theme::MUTED),
                        );
                    });
                });
        });
}

#[allow(clippy::too_many_arguments)]
pub(super) fn facilitator_window(
    mut ctx: Query<&mut EguiContext, Without<PrimaryEguiContext>>,
    phones: Res<Phones>,
    draft: Res<SetupDraft>,
    live: Res<Live>,
    lang: Res<UiLang>,
    layout: Option<Res<Layout>>,
    mut out: MessageWriter<Action>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if layout.is_some_and(|l| l.single_window) {
        return;
    }
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    phones_window(&ctx, &phones, &draft, &live, lang.0, &mut actions);
    if !actions.is_empty() {
        for a in actions {
            out.write(a);
        }
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// The phones window: on/off, the address, lock, the phones per team and who has chosen.
pub fn phones_window(
    ctx: &egui::Context,
    phones: &Phones,
    draft: &Draft,
    live: &Live,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let t = |k: PhoneText| k.tr(lang);
    egui::Window::new(format!("📱 {}", t(PhoneText::Phones)))
        // Open when the server runs, folded when it is off (two ids: egui keeps each one's state).
        .id(egui::Id::new(("phones-window", phones.running())))
        .default_open(phones.running())
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(ctx.content_rect().right_bottom() - egui::vec2(12.0, 12.0))
        .default_width(360.0)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_max_width(360.0);
            server_controls(ui, phones, live, lang, out);
            let Some(server) = &phones.server else {
                ui.add(
                    egui::Label::new(egui::RichText::new(t(PhoneText::Off)).color(theme::MUTED))
                        .wrap(),
                );
                return;
            };
            server_details(ui, phones, server, lang, out);
            team_status(ui, server, draft, live, lang);
            team_links(ui, server, draft, lang);
            device_list(ui, server, draft, lang, out);
            no_phone_hint(ui, phones, lang);
            // No repaint is asked for the minute: the app looks again every few seconds anyway
            // (render::IDLE_WAIT), and an egui repaint request would keep it drawing.
        });
}

/// On/off, the last error, the choice of network interface and the handout.
fn server_controls(
    ui: &mut egui::Ui,
    phones: &Phones,
    live: &Live,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let t = |k: PhoneText| k.tr(lang);
    let label = if phones.running() {
        t(PhoneText::TurnOff)
    } else {
        t(PhoneText::TurnOn)
    };
    if ui.button(label).clicked() {
        out.push(Action::Phones(PhonesAction::Toggle));
    }
    if let Some(e) = &phones.error {
        ui.add(egui::Label::new(egui::RichText::new(e).color(theme::BAD)).wrap());
    }
    if phones.exact.is_none() && phones.interfaces.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            ui.label(t(PhoneText::Interface));
            for (i, itf) in phones.interfaces.iter().enumerate() {
                let mut name = format!("{} {}", itf.name, itf.ip);
                if itf.virtual_or_vpn {
                    name.push_str(&format!(" ({})", t(PhoneText::VirtualAdapter)));
                }
                if ui.selectable_label(i == phones.chosen, name).clicked() {
                    out.push(Action::Phones(PhonesAction::UseInterface(i)));
                }
            }
        });
    }
    if live.session().is_some() && ui.button(format!("🖨 {}", t(PhoneText::Handout))).clicked() {
        out.push(Action::Phones(PhonesAction::SaveHandout));
    }
}

/// The address, the room code, lock and whether the join card shows.
fn server_details(
    ui: &mut egui::Ui,
    phones: &Phones,
    server: &Server,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let t = |k: PhoneText| k.tr(lang);
    ui.label(format!("{}: {}", t(PhoneText::Address), server.short_url()));
    ui.label(format!(
        "{}: {}",
        t(PhoneText::RoomCode),
        server.room_code()
    ));
    let locked = server.locked();
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(if locked {
                t(PhoneText::Unlock)
            } else {
                t(PhoneText::Lock)
            })
            .clicked()
        {
            out.push(Action::Phones(PhonesAction::Lock(!locked)));
        }
        let mut shown = phones.show_qr;
        if ui.checkbox(&mut shown, t(PhoneText::ShowQr)).changed() {
            out.push(Action::Phones(PhonesAction::ShowQr(shown)));
        }
    });
}

/// Per team: its colour, its phones and whether it has chosen.
fn team_status(ui: &mut egui::Ui, server: &Server, draft: &Draft, live: &Live, lang: Lang) {
    let t = |k: PhoneText| k.tr(lang);
    let counts = server.connected_per_team(draft.teams.len());
    let choices = live.fold().choices;
    for (i, team) in draft.teams.iter().enumerate() {
        let chosen = choices.get(i).is_some_and(Option::is_some);
        ui.horizontal_wrapped(|ui| {
            crate::app::ui::swatch(ui, theme::team_colour(team.colour), 14.0);
            ui.label(format!(
                "{}: {} {} · {}",
                team.name,
                counts.get(i).copied().unwrap_or(0),
                t(PhoneText::Connected),
                if chosen {
                    t(PhoneText::HasChosen)
                } else {
                    t(PhoneText::NotChosen)
                }
            ));
        });
    }
}

/// The facilitator assigns a team by handing out that team's link (it joins at once).
fn team_links(ui: &mut egui::Ui, server: &Server, draft: &Draft, lang: Lang) {
    egui::CollapsingHeader::new(PhoneText::TeamLinks.tr(lang))
        .id_salt("phones-team-links")
        .show(ui, |ui| {
            for (i, team) in draft.teams.iter().enumerate() {
                let link = format!("{}#t={i}", server.join_url());
                ui.horizontal_wrapped(|ui| {
                    if ui.small_button("📋").on_hover_text(&link).clicked() {
                        ui.ctx().copy_text(link.clone());
                    }
                    ui.label(&team.name);
                });
            }
        });
}

/// The connected phones, each with its team and a button to remove it.
fn device_list(
    ui: &mut egui::Ui,
    server: &Server,
    draft: &Draft,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let t = |k: PhoneText| k.tr(lang);
    let devices = server.devices();
    if devices.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("{} ({})", t(PhoneText::Remove), devices.len()))
        .id_salt("phones-devices")
        .show(ui, |ui| {
            for d in devices {
                ui.horizontal(|ui| {
                    let team = d
                        .team
                        .map_or(t(PhoneText::NoTeam).to_string(), |i| draft.team_name(i));
                    ui.label(format!("{} · {}", &d.id[..6.min(d.id.len())], team));
                    if ui.small_button("×").clicked() {
                        out.push(Action::Phones(PhonesAction::Remove(d.id.clone())));
                    }
                });
            }
        });
}

/// A hint when no phone has come in a minute after the start.
fn no_phone_hint(ui: &mut egui::Ui, phones: &Phones, lang: Lang) {
    let quiet = phones
        .started
        .is_some_and(|s| s.elapsed() >= Duration::from_secs(60));
    if quiet && !phones.seen_phone {
        ui.add(
            egui::Label::new(
                egui::RichText::new(PhoneText::NoPhoneHint.tr(lang)).color(theme::ACCENT),
            )
            .wrap(),
        );
    }
}

/// In one window the phones window sits in the projector's context while the controls are open.
pub fn single_window_phones(
    mut ctx: Query<&mut EguiContext, With<PrimaryEguiContext>>,
    phones: Res<Phones>,
    (draft, prefs): (Res<SetupDraft>, Res<Prefs>),
    live: Res<Live>,
    lang: Res<UiLang>,
    layout: Option<Res<Layout>>,
    mut out: MessageWriter<Action>,
) {
    if !layout.is_some_and(|l| l.single_window) || !prefs.controls_open {
        return;
    }
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    phones_window(&ctx, &phones, &draft, &live, lang.0, &mut actions);
    for a in actions {
        out.write(a);
    }
}
