//! The look: a calm dark stage, large type that reads from the back of a room, and egui's style.

use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};

use super::draft::PALETTE;

// The dark stage's colours are the library's (`report::palette`), which the screen posters share.
use crate::report::palette::{self, DARK};
const fn rgb(c: palette::Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(c[0], c[1], c[2])
}
pub const BG: egui::Color32 = rgb(DARK.bg);
pub const PANEL: egui::Color32 = rgb(palette::DARK_PANEL);
pub const CARD: egui::Color32 = rgb(DARK.card);
pub const TEXT: egui::Color32 = rgb(DARK.text);
pub const MUTED: egui::Color32 = rgb(DARK.muted);
pub const ACCENT: egui::Color32 = rgb(palette::ACCENT);
/// Positive changes (bluish green) and negative ones (vermillion): a pair that stays apart for
/// the common colour-vision deficiencies; numbers always carry their sign as well.
pub const GOOD: egui::Color32 = egui::Color32::from_rgb(0, 170, 125);
pub const BAD: egui::Color32 = egui::Color32::from_rgb(225, 100, 20);

/// Base size of running text on the projected view at 1080 px high and text size 100 %.
pub const BASE_TEXT_PX: f32 = 44.0;

pub fn team_colour(i: usize) -> egui::Color32 {
    let [r, g, b] = PALETTE[i % PALETTE.len()];
    egui::Color32::from_rgb(r, g, b)
}

/// Type sizes for one frame of the projected view.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub body: f32,
}

impl Sizes {
    /// Sizes for a view `height` points high with the facilitator's text scale.
    pub fn for_height(height: f32, text_scale: f32) -> Sizes {
        let fit = (height / 1080.0).clamp(0.6, 3.0);
        Sizes {
            body: (BASE_TEXT_PX * fit * text_scale).max(14.0),
        }
    }
    pub fn title(self) -> f32 {
        self.body * 1.55
    }
    pub fn huge(self) -> f32 {
        self.body * 4.0
    }
    pub fn small(self) -> f32 {
        (self.body * 0.72).max(14.0)
    }
    pub fn gap(self) -> f32 {
        self.body * 0.5
    }
}

/// The egui style of every context: dark, calm, large enough for a laptop at arm's length, and
/// without a blinking text cursor (a blinking cursor asks for a repaint twice a second).
pub fn style_egui(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Dark);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily::Proportional, FontId, TextStyle};
        style.text_styles = [
            (TextStyle::Heading, FontId::new(30.0, Proportional)),
            (TextStyle::Body, FontId::new(20.0, Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(18.0, egui::FontFamily::Monospace),
            ),
            (TextStyle::Button, FontId::new(20.0, Proportional)),
            (TextStyle::Small, FontId::new(15.0, Proportional)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 32.0;
        let v = &mut style.visuals;
        v.panel_fill = BG;
        v.window_fill = PANEL;
        v.extreme_bg_color = egui::Color32::from_rgb(0x0c, 0x0e, 0x13);
        v.override_text_color = Some(TEXT);
        v.selection.bg_fill = egui::Color32::from_rgb(0, 114, 178);
        v.hyperlink_color = ACCENT;
        v.text_cursor.blink = false;
        v.widgets.inactive.weak_bg_fill = CARD;
        v.widgets.inactive.bg_fill = CARD;
        style.animation_time = 0.25;
    });
}

/// Style each egui context once, when it appears.
fn style_new_contexts(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut ctx in &mut contexts {
        style_egui(ctx.get_mut());
    }
}

pub struct ThemePlugin;

impl Plugin for ThemePlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(ClearColor(Color::srgb_u8(0x12, 0x15, 0x1c)))
            .add_systems(PreUpdate, style_new_contexts);
    }
}

/// Sizes scaled by `k` (a smaller column, a fitted block).
impl std::ops::Mul<f32> for Sizes {
    type Output = Sizes;
    fn mul(self, k: f32) -> Sizes {
        Sizes {
            body: self.body * k,
        }
    }
}
