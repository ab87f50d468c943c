//! A poster laid out: where each line of text and each shape goes, set smaller (and then
//! shortened) until everything fits.

use std::sync::Arc;

use super::build::build;
use super::measure::Measure;
use super::{Format, PosterData, PosterPhoto, PosterValue, font};
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
    /// Whether the value cards reach into the footer (never, once [`layout`] returns).
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

/// Lays out `data` for `format`, shrinking and then shortening until everything fits.
pub fn layout(data: &PosterData, format: Format) -> Layout {
    layout_with_photos(data, &[], format)
}

/// As [`layout`], with `photos[i]` under the agreements of value `i` (fitted without distortion,
/// each with its caption).
pub fn layout_with_photos(
    data: &PosterData,
    photos: &[Vec<PosterPhoto>],
    format: Format,
) -> Layout {
    let m = Measure { font: font() };
    let mut scale = 1.0f32;
    loop {
        let l = build(
            &m,
            data,
            photos,
            format,
            scale,
            &vec![usize::MAX; data.values.len()],
        );
        if fits(&l) || scale <= 0.56 {
            if fits(&l) {
                return l;
            }
            break;
        }
        scale -= 0.05;
    }
    // Still too tall at the smallest size: drop items (behaviours before agreements) from the
    // longest lists, one at a time.
    let mut keep: Vec<usize> = data.values.iter().map(PosterValue::items).collect();
    loop {
        let l = build(&m, data, photos, format, scale, &keep);
        let longest = keep
            .iter()
            .enumerate()
            .filter(|&(_, &k)| k > 0)
            .max_by_key(|&(i, &k)| (k, std::cmp::Reverse(i)))
            .map(|(i, _)| i);
        match longest {
            Some(i) if !fits(&l) => keep[i] -= 1,
            _ => return l,
        }
    }
}

fn fits(l: &Layout) -> bool {
    !l.overflow
        && l.lines
            .iter()
            .all(|t| t.x >= 0.0 && t.x + t.width <= l.width && t.y >= 0.0 && t.bottom() <= l.height)
}
