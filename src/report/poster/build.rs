//! One pass of the poster layout at one scale: the header, the footer and the value cards, each
//! into the shortest column.

use super::layout::{LINE, Layout, Line, MAX_BULLET_LINES, Shape, Sizes, sizes};
use super::measure::Measure;
use super::{Format, MAX_PHOTOS_PER_VALUE, PosterData, PosterPhoto, PosterValue};
use crate::lang::{Key as _, Lang, R};
use crate::report::palette::{DARK, LIGHT, Rgb, Theme};
use crate::report::text::capitalise;
use crate::session::AgreementKind;

/// The lines and shapes laid out so far.
struct Pen<'a> {
    m: &'a Measure,
    lines: Vec<Line>,
    shapes: Vec<Shape>,
}

impl Pen<'_> {
    /// `text` wrapped to `max` at (x, y); returns the top of what comes next.
    fn push(&mut self, text: &str, x: f32, y: f32, px: f32, max: f32, colour: Rgb) -> f32 {
        let mut y = y;
        for t in self.m.wrap(text, px, max) {
            self.line(t, x, y, px, colour);
            y += px * LINE;
        }
        y
    }

    fn line(&mut self, text: String, x: f32, y: f32, px: f32, colour: Rgb) {
        let width = self.m.width(&text, px);
        self.lines.push(Line {
            text,
            x,
            y,
            width,
            px,
            colour,
        });
    }
}

/// An agreement as the poster writes it: its kind first, unless it is plain behaviour.
fn agreement_text(kind: AgreementKind, text: &str, lang: Lang) -> String {
    match kind {
        AgreementKind::Behaviour => text.to_string(),
        k => format!("{}: {text}", capitalise(k.name(lang))),
    }
}

/// Lays out `data` at `scale`, showing at most `keep[i]` items of value `i`.
pub(super) fn build(
    m: &Measure,
    data: &PosterData,
    photos: &[Vec<PosterPhoto>],
    format: Format,
    scale: f32,
    keep: &[usize],
) -> Layout {
    let (w, h) = format.size();
    let (w, h) = (w as f32, h as f32);
    let theme = match format {
        Format::Screen => &DARK,
        Format::A4 => &LIGHT,
    };
    let z = sizes(format, data.values.len(), scale);
    let bar = |h: f32, colour: Rgb| Shape::Rect {
        x: 0.0,
        y: 0.0,
        w,
        h,
        colour,
    };
    let mut pen = Pen {
        m,
        lines: Vec::new(),
        shapes: vec![bar(h, theme.bg), bar(z.margin * 0.3, data.colour)],
    };
    let text_w = w - 2.0 * z.margin;
    // Header: team name, motto.
    let mut y = z.margin * 0.3 + z.margin * 0.7;
    y = pen.push(&data.team, z.margin, y, z.title, text_w, theme.text);
    let motto = R::Manners.tr(data.language);
    y = pen.push(motto, z.margin, y, z.subtitle, text_w, theme.accent);
    y += z.gap;
    let footer_top = footer(&mut pen, data, &z, text_w, h, theme);

    // Body: value cards, each into the shortest column.
    let bottoms = cards(&mut pen, data, photos, &z, theme, (y, text_w), keep);
    // Cards must also stay clear of the footer.
    let body_limit = footer_top - z.gap * 0.5;
    let overflow = bottoms.iter().any(|b| b - z.gap > body_limit);
    let left_out = data
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.items()
                .saturating_sub(keep.get(i).copied().unwrap_or(usize::MAX))
        })
        .sum();
    // Cards are drawn before their text: move the card shapes ahead of the dots they contain.
    let mut shapes = pen.shapes;
    shapes.sort_by_key(|s| !matches!(s, Shape::Rect { .. }));
    Layout {
        width: w,
        height: h,
        lines: pen.lines,
        shapes,
        scale,
        left_out,
        overflow,
    }
}

/// The value cards from `top`, each into the shortest column, `text_w` wide in all; returns the
/// bottom of each column (with the gap after it).
fn cards(
    pen: &mut Pen,
    data: &PosterData,
    photos: &[Vec<PosterPhoto>],
    z: &Sizes,
    theme: &Theme,
    (top, text_w): (f32, f32),
    keep: &[usize],
) -> Vec<f32> {
    let cols = z.columns.max(1);
    let col_w = (text_w - (cols - 1) as f32 * z.gap) / cols as f32;
    let mut bottoms = vec![top; cols];
    for (vi, v) in data.values.iter().enumerate() {
        let c = (0..cols)
            .min_by(|a, b| bottoms[*a].total_cmp(&bottoms[*b]))
            .unwrap_or(0);
        let x = z.margin + c as f32 * (col_w + z.gap);
        let card = Card {
            x: x + z.pad + z.pad * 0.4,
            w: col_w - 2.0 * z.pad - z.pad * 0.4,
            indent: z.bullet * 0.9,
            z,
            theme,
            colour: data.colour,
            lang: data.language,
        };
        let top = bottoms[c];
        let shown = v.items().min(keep.get(vi).copied().unwrap_or(usize::MAX));
        let photos = photos.get(vi).map(Vec::as_slice).unwrap_or(&[]);
        let bottom = card.lay(pen, v, photos, top, shown) + z.pad * 0.65;
        for (rw, colour) in [(col_w, theme.card), (z.pad * 0.3, data.colour)] {
            pen.shapes.push(Shape::Rect {
                x,
                y: top,
                w: rw,
                h: bottom - top,
                colour,
            });
        }
        bottoms[c] = bottom + z.gap;
    }
    bottoms
}

/// The footer (deck, date, the game's name) at the bottom; returns its top.
fn footer(pen: &mut Pen, data: &PosterData, z: &Sizes, text_w: f32, h: f32, theme: &Theme) -> f32 {
    let footer = match &data.date {
        Some(d) => format!("{} · {d} · CultuurBarbarenSpel", data.deck),
        None => format!("{} · CultuurBarbarenSpel", data.deck),
    };
    let footer_y = h - z.margin * 0.5 - z.footer * LINE;
    let footer_lines = pen.m.wrap(&footer, z.footer, text_w);
    let top = footer_y - (footer_lines.len().saturating_sub(1)) as f32 * z.footer * LINE;
    pen.push(&footer, z.margin, top, z.footer, text_w, theme.muted);
    top
}

/// A value's card: where its content goes and in which colours.
struct Card<'a> {
    /// The left of the content and its width.
    x: f32,
    w: f32,
    /// How far a bullet's text stands from the card's content edge.
    indent: f32,
    z: &'a Sizes,
    theme: &'a Theme,
    colour: Rgb,
    lang: Lang,
}

impl Card<'_> {
    /// The card's content from `top`, with `shown` of its items; returns the content's bottom.
    fn lay(
        &self,
        pen: &mut Pen,
        v: &PosterValue,
        photos: &[PosterPhoto],
        top: f32,
        shown: usize,
    ) -> f32 {
        let (z, theme) = (self.z, self.theme);
        let mut cy = top + z.pad;
        // Name, then the weight as three dots on a line of their own.
        cy = pen.push(&v.name, self.x, cy, z.value, self.w, theme.text);
        let r = z.value * 0.16;
        for d in 0..3u8 {
            pen.shapes.push(Shape::Dot {
                x: self.x + r + f32::from(d) * r * 3.0,
                y: cy + r * 1.5,
                r,
                colour: self.colour,
                filled: d < v.weight,
            });
        }
        cy += r * 4.0;
        if !v.meaning.is_empty() {
            cy = pen.push(&v.meaning, self.x, cy, z.meaning, self.w, theme.muted);
        }
        cy += z.pad * 0.5;
        if v.agreements.is_empty() {
            let nothing = R::NoAgreementYet.tr(self.lang);
            cy = pen.push(nothing, self.x, cy, z.meaning, self.w, theme.muted);
        }
        for (kind, text) in v.agreements.iter().take(shown) {
            let text = agreement_text(*kind, text, self.lang);
            let dot = (0.16, self.colour);
            cy = self.bullet(pen, &text, cy, z.bullet, dot, theme.text);
            cy += z.pad * 0.35;
        }
        if !photos.is_empty() {
            cy = self.photos(pen, photos, cy);
        }
        let behaviours_shown = shown.saturating_sub(v.agreements.len());
        if behaviours_shown > 0 {
            cy += z.pad * 0.2;
            let played = format!("{}:", R::Played.tr(self.lang));
            cy = pen.push(&played, self.x, cy, z.source, self.w, theme.muted);
            cy += z.pad * 0.2;
        }
        for (text, scenario) in v.behaviours.iter().take(behaviours_shown) {
            // The game's behaviours are the second part: smaller, in the muted colour.
            let dot = (0.12, theme.muted);
            cy = self.bullet(pen, text, cy, z.source, dot, theme.muted);
            let (x, w) = (self.x + self.indent, self.w - self.indent);
            cy = pen.push(scenario, x, cy, z.source * 0.85, w, theme.muted);
            cy += z.pad * 0.3;
        }
        if shown < v.items() {
            let rest = format!("… {} {}", v.items() - shown, R::More.tr(self.lang));
            let (x, w) = (self.x + self.indent, self.w - self.indent);
            cy = pen.push(&rest, x, cy, z.source, w, theme.muted);
        }
        cy
    }

    /// A long item keeps its first lines and ends in an ellipsis.
    fn bullet_lines(&self, m: &Measure, text: &str, px: f32, max: f32) -> Vec<String> {
        let mut wrapped = m.wrap(text, px, max);
        if wrapped.len() > MAX_BULLET_LINES {
            wrapped.truncate(MAX_BULLET_LINES);
            let last = wrapped.last_mut().expect("kept lines");
            while !last.is_empty() && m.width(&format!("{last} …"), px) > max {
                last.pop();
            }
            last.push_str(" …");
        }
        wrapped
    }

    /// One bullet: a dot, then the text wrapped beside it; returns the top of what comes next.
    fn bullet(
        &self,
        pen: &mut Pen,
        text: &str,
        cy: f32,
        px: f32,
        dot: (f32, Rgb),
        colour: Rgb,
    ) -> f32 {
        pen.shapes.push(Shape::Dot {
            x: self.x + self.z.bullet * 0.25,
            y: cy + px * 0.68,
            r: px * dot.0,
            colour: dot.1,
            filled: true,
        });
        let mut cy = cy;
        for t in self.bullet_lines(pen.m, text, px, self.w - self.indent) {
            pen.line(t, self.x + self.indent, cy, px, colour);
            cy += px * LINE;
        }
        cy
    }

    /// The value's photos in a row, each fitted into its box, with the caption under it; returns
    /// the top of what comes next.
    fn photos(&self, pen: &mut Pen, photos: &[PosterPhoto], cy: f32) -> f32 {
        let (z, theme) = (self.z, self.theme);
        let n = photos.len().min(MAX_PHOTOS_PER_VALUE);
        let gap = z.pad * 0.5;
        let bw = (self.w - (n - 1) as f32 * gap) / n as f32;
        let bh = (bw * 0.75).min(z.photo);
        let cy = cy + z.pad * 0.2;
        // Each photo as large as its box allows without distortion, at the box's top left; the
        // captions start under the tallest.
        let sizes: Vec<(f32, f32)> = photos
            .iter()
            .take(n)
            .map(|p| match &p.picture {
                Ok(pic) => {
                    let (w, h) = crate::photos::box_size(pic.width, pic.height, bw, bh);
                    (w as f32, h as f32)
                }
                Err(_) => (bw, bh * 0.6),
            })
            .collect();
        let row_h = sizes.iter().map(|s| s.1).fold(0.0f32, f32::max);
        let mut below = cy + row_h;
        let missing = R::PhotoMissing.tr(self.lang);
        for (k, (p, (fw, fh))) in photos.iter().zip(sizes).enumerate() {
            let bx = self.x + k as f32 * (bw + gap);
            pen.shapes.push(Shape::Photo {
                x: bx,
                y: cy,
                w: fw,
                h: fh,
                picture: p.picture.as_ref().ok().cloned(),
                colour: theme.bg,
            });
            let mut ty = cy + row_h + z.pad * 0.15;
            let caption = match &p.picture {
                Ok(_) => p.caption.clone(),
                Err(_) => format!("{} ({missing})", p.caption),
            };
            let mut wrapped = pen.m.wrap(caption.trim(), z.source, bw);
            wrapped.truncate(2);
            for t in wrapped {
                pen.line(t, bx, ty, z.source, theme.muted);
                ty += z.source * LINE;
            }
            below = below.max(ty);
        }
        let mut cy = below;
        if photos.len() > n {
            let more = R::PhotosMore.tr(self.lang);
            let rest = format!("+ {} {more}", photos.len() - n);
            cy = pen.push(&rest, self.x, cy, z.source, self.w, theme.muted);
        }
        cy + z.pad * 0.4
    }
}
