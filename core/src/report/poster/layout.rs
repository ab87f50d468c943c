//! A poster laid out: where each line of text and each shape goes, and the sizes of its text at a
//! scale. `build.rs` lays it out at one scale, `fit.rs` finds the scale (and the shortening) at
//! which everything fits.

use std::sync::Arc;

use super::Format;
use crate::photos::Picture;
use crate::report::palette::Rgb;

/// A line of text at its place: `y` is the top of the line box.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x: f32,
    pub y: f32,
    /// The width the text really takes, measured with the font.
    pub width: f32,
    /// Font size in pixels; the line box is `1.25 ×` this high.
    pub px: f32,
    pub(super) colour: Rgb,
}

impl Line {
    pub fn bottom(&self) -> f32 {
        self.y + self.px * LINE
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: Rgb,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        colour: Rgb,
        filled: bool,
    },
    /// A photo fitted into the box without distortion (centred), or an empty box when missing.
    Photo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        picture: Option<Arc<Picture>>,
        colour: Rgb,
    },
}

/// A poster laid out: the lines and shapes, and the scale the text was set at.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub lines: Vec<Line>,
    pub(super) shapes: Vec<Shape>,
    /// 1.0 is the design size; smaller when the content had to shrink to fit.
    pub scale: f32,
    /// Agreements and behaviours left out (replaced by "… N meer") because even the smallest size
    /// did not fit.
    pub left_out: usize,
    /// Whether the value cards reach into the footer (never, once [`layout`](fn@super::layout)
    /// returns).
    pub overflow: bool,
}

pub(super) const LINE: f32 = 1.25;
/// A chosen behaviour shows at most this many lines on a poster.
pub(super) const MAX_BULLET_LINES: usize = 4;

pub(super) struct Sizes {
    pub(super) margin: f32,
    pub(super) title: f32,
    pub(super) subtitle: f32,
    pub(super) value: f32,
    pub(super) meaning: f32,
    pub(super) bullet: f32,
    pub(super) source: f32,
    pub(super) footer: f32,
    pub(super) gap: f32,
    pub(super) pad: f32,
    /// The highest a photo may be.
    pub(super) photo: f32,
    pub(super) columns: usize,
}

pub(super) fn sizes(format: Format, values: usize, scale: f32) -> Sizes {
    let (base, margin, columns) = match format {
        Format::Screen => (1.0, 80.0, values.clamp(1, 3)),
        Format::A4 => (2.0, 170.0, if values > 3 { 2 } else { 1 }),
    };
    let k = base * scale;
    Sizes {
        margin,
        title: 92.0 * k,
        subtitle: 40.0 * k,
        value: 44.0 * k,
        meaning: 25.0 * k,
        bullet: 29.0 * k,
        source: 21.0 * k,
        footer: 24.0 * base,
        gap: 28.0 * base,
        pad: 26.0 * k,
        photo: 240.0 * k,
        columns,
    }
}
