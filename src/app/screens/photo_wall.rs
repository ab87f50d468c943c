//! The photo wall on the projector (grouped by value, one photo full screen) and the photo form in
//! the facilitator's window.

use crate::app::action::Action;
use crate::app::action::PhotoEdit;
use crate::app::i18n::{Key, Lang};
use crate::app::nav::Screen;
use crate::app::theme::{self, Sizes};
use crate::app::ui::{View, muted, rich, title, wrap};
use crate::lang::photos::PhotoText;
use crate::photos::Picture;
use bevy::prelude::*;
use bevy_egui::egui;

use crate::app::photos::{Photos, Thumb, value_for, wall_order};

/// A texture for a picture in this egui context, made once per picture.
pub(super) fn texture(ctx: &egui::Context, key: &str, pic: &Picture) -> egui::TextureHandle {
    let id = egui::Id::new(("photo-texture", key));
    if let Some(t) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return t;
    }
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [pic.width as usize, pic.height as usize],
        &pic.rgba(),
    );
    let t = ctx.load_texture(key, image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, t.clone()));
    t
}

/// A picture fitted into `size` without distortion, centred; a placeholder when it is missing.
pub(super) fn picture(
    ui: &mut egui::Ui,
    key: &str,
    thumb: Option<&Thumb>,
    size: egui::Vec2,
    lang: Lang,
) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    match thumb {
        Some(Thumb::Ready(pic)) => {
            let tex = texture(ui.ctx(), key, pic);
            let k = (size.x / pic.width as f32).min(size.y / pic.height as f32);
            let fit = egui::vec2(pic.width as f32 * k, pic.height as f32 * k);
            let r = egui::Rect::from_center_size(rect.center(), fit);
            ui.painter().image(
                tex.id(),
                r,
                egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                egui::Color32::WHITE,
            );
        }
        other => {
            ui.painter().rect_filled(rect, 6.0, theme::CARD);
            let text = match other {
                Some(Thumb::Missing(_)) => PhotoText::Missing.tr(lang),
                _ => "…",
            };
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional((size.y * 0.1).clamp(10.0, 28.0)),
                theme::MUTED,
            );
        }
    }
}

/// The progress line while a batch is prepared.
pub(super) fn progress(photos: &Photos, lang: Lang) -> Option<String> {
    let (done, total) = (photos.batch_done, photos.batch_total);
    (total > 0).then(|| {
        crate::bi!(
            "Foto's klaarzetten: {done} van {total}…",
            "Preparing photos: {done} of {total}…"
        )
        .text(lang)
        .to_owned()
    })
}

/// Whether the projector shows the photo wall now.
pub fn showing(view: &View) -> bool {
    view.photos.wall && matches!(view.screen(), Screen::Agreements | Screen::Final)
}

/// The projected photo wall (or one photo full screen).
pub fn projector(ui: &mut egui::Ui, view: &View, s: Sizes) {
    let lang = view.lang.0;
    let Some(session) = view.live.session() else {
        return;
    };
    let ph = &view.photos;
    let order = wall_order(session);
    if ph.full_screen
        && let Some((_, photo)) = order.get(ph.selected)
    {
        full_screen(ui, view, session, photo, order.len(), s);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        title(ui, PhotoText::OurPhotos.tr(lang), s);
        if let Some(p) = progress(ph, lang) {
            ui.add_space(s.gap());
            ui.label(muted(p, s.small()));
        }
    });
    ui.add_space(s.gap());
    if order.is_empty() {
        wrap(ui, muted(PhotoText::NoPhotosYet.tr(lang), s.body));
        return;
    }
    // A grid of tiles, as large as the wall allows: the picture, then the value and the caption.
    let area = ui.available_rect_before_wrap();
    let n = order.len();
    let gap = s.gap() * 0.6;
    let text = s.small() * 0.9;
    let caption_h = text * 1.3 * 3.0 + gap;
    let (mut cols, mut best) = (1usize, 0.0f32);
    for c in 1..=n {
        let r = n.div_ceil(c);
        let tw = (area.width() - gap * (c - 1) as f32) / c as f32;
        let th = (area.height() - gap * (r - 1) as f32) / r as f32 - caption_h;
        if tw <= 0.0 || th <= 0.0 {
            continue;
        }
        // The picture area a 4 : 3 photo gets in such a tile.
        let (w, h) = if tw / th > 4.0 / 3.0 {
            (th * 4.0 / 3.0, th)
        } else {
            (tw, tw * 0.75)
        };
        if w * h > best {
            (cols, best) = (c, w * h);
        }
    }
    let rows = n.div_ceil(cols);
    let tw = (area.width() - gap * (cols - 1) as f32) / cols as f32;
    // No taller than a 4 : 3 picture and its caption need; the grid is centred in the wall.
    let th = ((area.height() - gap * (rows - 1) as f32) / rows as f32)
        .min((tw - gap) * 0.75 + caption_h + gap)
        .max(caption_h + 20.0);
    let top =
        area.min.y + ((area.height() - rows as f32 * th - (rows - 1) as f32 * gap) / 2.0).max(0.0);
    for (k, (_, p)) in order.iter().enumerate() {
        let (row, col) = (k / cols, k % cols);
        let rect = egui::Rect::from_min_size(
            egui::pos2(
                area.min.x + col as f32 * (tw + gap),
                top + row as f32 * (th + gap),
            ),
            egui::vec2(tw, th),
        );
        let size = (caption_h, text, gap);
        tile(ui, view, session, p, rect, k == ph.selected, size);
    }
    ui.allocate_rect(area, egui::Sense::hover());
}

/// One photo full screen (the large version once it is loaded), with its value, caption and
/// subgroup, and where it stands among the `n` on the wall.
fn full_screen(
    ui: &mut egui::Ui,
    view: &View,
    session: &crate::session::Session,
    photo: &crate::session::Photo,
    n: usize,
    s: Sizes,
) {
    let (lang, ph) = (view.lang.0, &view.photos);
    let thumb = match &ph.large {
        Some((h, t)) if *h == photo.hash => Some(t),
        _ => ph.thumbs.get(&photo.hash),
    };
    let key = match &ph.large {
        Some((h, _)) if *h == photo.hash => format!("{}-large", photo.hash),
        _ => photo.hash.clone(),
    };
    let caption_h = s.body * 3.2;
    let size = egui::vec2(
        ui.available_width(),
        (ui.available_height() - caption_h).max(100.0),
    );
    picture(ui, &key, thumb, size, lang);
    ui.add_space(s.gap() * 0.5);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(session.deck().value_name(&photo.value))
                .size(s.body)
                .color(theme::ACCENT),
        );
        if !photo.caption.is_empty() {
            ui.label(rich(&photo.caption, s.body));
        }
        if !photo.by.is_empty() {
            ui.label(muted(format!("· {}", photo.by), s.small()));
        }
        ui.label(muted(
            format!("   {} / {}   ‹ ›  Esc", ph.selected + 1, n),
            s.small(),
        ));
    });
}

/// One tile of the wall in `rect`: the picture, the value and the caption (two lines at most);
/// `size` is the caption's height, the text size and the gap.
fn tile(
    ui: &mut egui::Ui,
    view: &View,
    session: &crate::session::Session,
    p: &crate::session::Photo,
    rect: egui::Rect,
    selected: bool,
    (caption_h, text, gap): (f32, f32, f32),
) {
    let (lang, ph) = (view.lang.0, &view.photos);
    ui.painter().rect_filled(rect, 8.0, theme::CARD);
    if selected {
        ui.painter().rect_stroke(
            rect,
            8.0,
            egui::Stroke::new(4.0, theme::ACCENT),
            egui::StrokeKind::Inside,
        );
    }
    let inner = rect.shrink(gap * 0.5);
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        picture(
            ui,
            &p.hash,
            ph.thumbs.get(&p.hash),
            egui::vec2(
                inner.width(),
                (inner.height() - caption_h + gap * 0.5).max(10.0),
            ),
            lang,
        );
        ui.add(
            egui::Label::new(
                egui::RichText::new(session.deck().value_name(&p.value))
                    .size(text)
                    .color(theme::ACCENT),
            )
            .truncate(),
        );
        let caption = crate::report::model::photo_caption(p);
        if !caption.is_empty() {
            let mut job = egui::text::LayoutJob::single_section(
                caption,
                egui::TextFormat::simple(egui::FontId::proportional(text), theme::TEXT),
            );
            job.wrap = egui::text::TextWrapping {
                max_rows: 2,
                break_anywhere: false,
                overflow_character: Some('…'),
                max_width: inner.width(),
            };
            ui.label(job);
        }
    });
}

/// The facilitator's side: how photos come in, the progress, the refusals, and per photo its
/// caption, value, subgroup and agreement.
pub fn facilitator(ui: &mut egui::Ui, view: &View, out: &mut Vec<Action>) {
    let lang = view.lang.0;
    let Some(s) = view.live.session() else {
        return;
    };
    let ph = &view.photos;
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(PhotoText::Assignment.tr(lang))
                .size(20.0)
                .strong()
                .color(theme::ACCENT),
        );
        let label = if ph.wall {
            PhotoText::CloseWall.tr(lang)
        } else {
            PhotoText::ShowWall.tr(lang)
        };
        if ui.button(label).clicked() {
            out.push(Action::TogglePhotoWall);
        }
    });
    if s.state().finished {
        // A finished session takes no events: the wall can be shown, nothing changed.
        wrap(ui, muted(PhotoText::SessionFinished.tr(lang), 14.0));
        for m in &ph.messages {
            wrap(
                ui,
                egui::RichText::new(format!("⚠ {}", m.text(lang)))
                    .size(14.0)
                    .color(theme::BAD),
            );
        }
        return;
    }
    wrap(ui, muted(PhotoText::DropHint.tr(lang), 14.0));
    if let Some(inbox) = ph.inbox() {
        wrap(
            ui,
            muted(
                format!("{} {}", PhotoText::OrCopyInto.tr(lang), inbox.display()),
                14.0,
            ),
        );
    }
    if let Some(p) = progress(ph, lang) {
        ui.label(rich(p, 15.0));
        let frac = ph.batch_done as f32 / ph.batch_total.max(1) as f32;
        ui.add(egui::ProgressBar::new(frac).desired_width(280.0));
    }
    for m in &ph.messages {
        wrap(
            ui,
            egui::RichText::new(format!("⚠ {m}"))
                .size(14.0)
                .color(theme::BAD),
        );
    }
    photo_form(ui, view, s, out);
    ui.add_space(4.0);
    photo_list(ui, view, s, out);
}

/// The form for the photo being edited: its value, subgroup, caption and agreement.
fn photo_form(ui: &mut egui::Ui, view: &View, s: &crate::session::Session, out: &mut Vec<Action>) {
    let lang = view.lang.0;
    let d = &view.photos.draft;
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(PhotoText::ValueLabel.tr(lang), 15.0));
        let current = value_for(d, s);
        for (id, _) in s.team_values(0) {
            if ui
                .selectable_label(current == *id, s.deck().value_name(id))
                .clicked()
            {
                out.push(Action::DraftPhoto(PhotoEdit::Value(id.clone())));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(muted(PhotoText::SubgroupLabel.tr(lang), 15.0));
        let mut by = d.by.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut by).desired_width(180.0))
            .changed()
        {
            out.push(Action::DraftPhoto(PhotoEdit::By(by)));
        }
    });
    if let Some(i) = d.photo
        && s.photos().get(i).is_some_and(|p| !p.removed)
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(muted(
                format!("{} {}:", PhotoText::CaptionOf.tr(lang), i + 1),
                15.0,
            ));
            let mut caption = d.caption.clone();
            if ui
                .add(egui::TextEdit::singleline(&mut caption).desired_width(260.0))
                .changed()
            {
                out.push(Action::DraftPhoto(PhotoEdit::Caption(caption)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(muted(PhotoText::WithAgreement.tr(lang), 15.0));
            if ui
                .selectable_label(d.agreement.is_none(), PhotoText::NoAgreement.tr(lang))
                .clicked()
            {
                out.push(Action::DraftPhoto(PhotoEdit::Agreement(None)));
            }
            for (k, a) in s.agreements().iter().enumerate() {
                let text: String = a.text.chars().take(28).collect();
                if ui
                    .selectable_label(d.agreement == Some(k), format!("{}. {text}", k + 1))
                    .clicked()
                {
                    out.push(Action::DraftPhoto(PhotoEdit::Agreement(Some(k))));
                }
            }
        });
        if ui.button(PhotoText::SaveToPhoto.tr(lang)).clicked() {
            out.push(Action::DescribePhoto);
        }
    }
}

/// The photos on the wall, each with its thumbnail and the buttons to edit or remove it.
fn photo_list(ui: &mut egui::Ui, view: &View, s: &crate::session::Session, out: &mut Vec<Action>) {
    let (lang, ph) = (view.lang.0, &view.photos);
    for (i, p) in s.photos_shown() {
        ui.horizontal(|ui| {
            picture(
                ui,
                &p.hash,
                ph.thumbs.get(&p.hash),
                egui::vec2(64.0, 48.0),
                lang,
            );
            ui.vertical(|ui| {
                let title = if p.caption.is_empty() {
                    PhotoText::NoCaption.tr(lang).to_string()
                } else {
                    p.caption.clone()
                };
                ui.add(egui::Label::new(rich(format!("{}. {title}", i + 1), 15.0)).truncate());
                ui.label(muted(
                    format!(
                        "{}{}",
                        s.deck().value_name(&p.value),
                        if p.by.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", p.by)
                        }
                    ),
                    13.0,
                ));
                ui.horizontal(|ui| {
                    if ui.small_button(PhotoText::Edit.tr(lang)).clicked() {
                        out.push(Action::SelectPhoto(i));
                    }
                    if ui.small_button(PhotoText::RemovePhoto.tr(lang)).clicked() {
                        out.push(Action::RemovePhoto(i));
                    }
                });
            });
        });
    }
}
