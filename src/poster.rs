//! Team posters: what a team takes home from a session. Per team: its name and colour, its agreed
//! values with their weights, and under each value what the group adopted as its own agreements
//! ("zo zijn onze manieren"); below those, as a smaller second part, the behaviours the team chose
//! in the game that served the value ("in het spel kozen we …"), never one that harmed it; with the
//! date and the deck. Two formats: 1920×1080 to project or share
//! (dark, like the game) and A4 portrait at 300 dpi to print (light). No Bevy here: shapes are drawn
//! with tiny-skia, text with ab_glyph and the game's font (Ubuntu Light), files written with png.
//!
//! Layout never lets text leave the image: text wraps to its column; when the content is too tall the
//! whole poster is set smaller (down to 55 %), and only then are the last behaviours of the longest
//! lists replaced by "… en N meer".

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use crate::deck::Language;
use crate::photos::{Album, Picture};
use crate::session::{AgreementKind, Session};
use std::sync::Arc;

static FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/Ubuntu-Light.ttf");

fn font() -> FontRef<'static> {
    FontRef::try_from_slice(FONT_BYTES).expect("the bundled font is a valid TrueType file")
}

/// The two poster formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// 1920×1080, dark: to project or share in a chat.
    Screen,
    /// A4 portrait at 300 dpi (2480×3508), light: to print.
    A4,
}

impl Format {
    pub fn size(self) -> (u32, u32) {
        match self {
            Format::Screen => (1920, 1080),
            Format::A4 => (2480, 3508),
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Format::Screen => "1920x1080",
            Format::A4 => "a4",
        }
    }
}

/// One agreed value on a poster.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterValue {
    pub name: String,
    pub weight: u8,
    pub meaning: String,
    /// The group's adopted agreements that serve this value: (kind, text).
    pub agreements: Vec<(AgreementKind, String)>,
    /// (behaviour text, scenario title) of each chosen behaviour that raised this value.
    pub behaviours: Vec<(String, String)>,
}

impl PosterValue {
    /// Agreements and behaviours together: what the card lists.
    fn items(&self) -> usize {
        self.agreements.len() + self.behaviours.len()
    }
}

/// A photo on a poster: its caption and picture, or why the picture is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterPhoto {
    pub caption: String,
    pub picture: Result<Arc<Picture>, String>,
}

/// At most this many photos stand under one value; the rest are counted ("+ 2 foto's").
pub const MAX_PHOTOS_PER_VALUE: usize = 3;

/// The photos of the values `ids` (in that order) that hold for `team` (`None`: every photo), read
/// from `album`; a photo whose file is missing gets its message instead of a picture.
pub fn photos_for_values(
    s: &Session,
    ids: &[String],
    team: Option<usize>,
    album: &Album,
) -> Vec<Vec<PosterPhoto>> {
    ids.iter()
        .map(|id| {
            s.photos_shown()
                .into_iter()
                .filter(|(_, p)| p.value == *id)
                .filter(|(_, p)| match team {
                    Some(t) => p.team.is_none_or(|pt| pt == t),
                    None => true,
                })
                .map(|(_, p)| PosterPhoto {
                    caption: if p.by.is_empty() || p.caption.is_empty() {
                        format!("{}{}", p.caption, p.by)
                    } else {
                        format!("{} · {}", p.caption, p.by)
                    },
                    picture: album
                        .load(&p.hash)
                        .map(|pic| Arc::new(crate::photos::fit_within(&pic, 1200, 1200))),
                })
                .collect()
        })
        .collect()
}

/// The value ids of [`data_for`]'s poster of `team`, in its order (strongest first).
pub fn value_order(s: &Session, team: usize) -> Vec<String> {
    let mut values: Vec<(String, u8)> = s.team_values(team).to_vec();
    values.sort_by_key(|v| std::cmp::Reverse(v.1));
    values.into_iter().map(|(id, _)| id).collect()
}

/// What a poster shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterData {
    pub team: String,
    pub colour: [u8; 3],
    pub deck: String,
    pub date: Option<String>,
    pub language: Language,
    pub values: Vec<PosterValue>,
}

/// The poster of `team`: its values strongest first, and under each the adopted agreements that
/// serve it (the group's, and the team's own in per-team mode), then the chosen behaviours whose
/// effect on it was positive.
pub fn data_for(s: &Session, team: usize, date: Option<&str>) -> PosterData {
    let deck = s.deck();
    let mut values: Vec<(String, u8)> = s.team_values(team).to_vec();
    values.sort_by_key(|v| std::cmp::Reverse(v.1));
    let results = s.results();
    let values = values
        .into_iter()
        .map(|(id, weight)| {
            let def = deck.value(&id);
            let agreements = s
                .adopted_for(team)
                .into_iter()
                .filter(|a| a.value == id)
                .map(|a| (a.kind, a.text.clone()))
                .collect();
            let behaviours = results
                .iter()
                .filter_map(|r| {
                    let t = r.teams.get(team)?;
                    let sc = deck.scenario(&r.scenario)?;
                    let b = sc.behaviour(t.key)?;
                    (b.effect(&id) > 0).then(|| (b.text.clone(), sc.title.clone()))
                })
                .collect();
            PosterValue {
                name: def.map_or(id.clone(), |d| d.name.clone()),
                weight,
                meaning: def.map(|d| d.meaning.clone()).unwrap_or_default(),
                agreements,
                behaviours,
            }
        })
        .collect();
    let settings = s.settings();
    PosterData {
        team: settings.team_name(team),
        colour: settings
            .teams
            .get(team)
            .and_then(|t| t.rgb())
            .unwrap_or([136, 136, 136]),
        deck: deck.title.clone(),
        date: date.map(|d| d.chars().take(10).collect()),
        language: settings.language,
        values,
    }
}

/// A colour as RGB bytes.
type Rgb = [u8; 3];

struct Theme {
    bg: Rgb,
    card: Rgb,
    text: Rgb,
    muted: Rgb,
    accent: Rgb,
}

const DARK: Theme = Theme {
    bg: [18, 21, 28],
    card: [37, 42, 54],
    text: [240, 240, 240],
    muted: [165, 172, 186],
    accent: [230, 159, 0],
};

const LIGHT: Theme = Theme {
    bg: [255, 255, 255],
    card: [244, 245, 248],
    text: [29, 35, 48],
    muted: [91, 100, 117],
    accent: [184, 116, 0],
};

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
    colour: Rgb,
}

impl Line {
    pub fn bottom(&self) -> f32 {
        self.y + self.px * LINE
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Shape {
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
    shapes: Vec<Shape>,
    /// 1.0 is the design size; smaller when the content had to shrink to fit.
    pub scale: f32,
    /// Agreements and behaviours left out (replaced by "… N meer") because even the smallest size
    /// did not fit.
    pub left_out: usize,
    /// Whether the value cards reach into the footer (never, once [`layout`] returns).
    pub overflow: bool,
}

const LINE: f32 = 1.25;
/// A chosen behaviour shows at most this many lines on a poster.
const MAX_BULLET_LINES: usize = 4;

struct Sizes {
    margin: f32,
    title: f32,
    subtitle: f32,
    value: f32,
    meaning: f32,
    bullet: f32,
    source: f32,
    footer: f32,
    gap: f32,
    pad: f32,
    /// The highest a photo may be.
    photo: f32,
    columns: usize,
}

fn sizes(format: Format, values: usize, scale: f32) -> Sizes {
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

/// The poster's fixed texts in one language.
struct Labels {
    motto: &'static str,
    nothing: &'static str,
    more: &'static str,
    played: &'static str,
    missing: &'static str,
    photos_more: &'static str,
}

fn labels(lang: Language) -> Labels {
    match lang {
        Language::Nl => Labels {
            motto: "Zo zijn onze manieren",
            nothing: "Nog geen afspraak voor deze waarde.",
            more: "meer",
            played: "In het spel kozen we:",
            missing: "foto ontbreekt",
            photos_more: "foto's meer",
        },
        Language::En => Labels {
            motto: "This is how we do things",
            nothing: "No agreement for this value yet.",
            more: "more",
            played: "In the game we chose:",
            missing: "photo missing",
            photos_more: "more photos",
        },
    }
}

/// An agreement as the poster writes it: its kind first, unless it is plain behaviour.
fn agreement_text(kind: AgreementKind, text: &str, lang: Language) -> String {
    match kind {
        AgreementKind::Behaviour => text.to_string(),
        k => {
            let name = k.name(lang);
            let mut c = name.chars();
            let cap: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            format!("{cap}: {text}")
        }
    }
}

/// Text measurement and wrapping with the poster font.
struct Measure {
    font: FontRef<'static>,
}

impl Measure {
    /// Characters the font lacks are drawn as `?`.
    fn clean(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.font.glyph_id(c).0 == 0 {
                    '?'
                } else {
                    c
                }
            })
            .collect()
    }

    fn width(&self, text: &str, px: f32) -> f32 {
        let f = self.font.as_scaled(PxScale::from(px));
        let mut w = 0.0;
        let mut prev = None;
        for c in text.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = prev {
                w += f.kern(p, id);
            }
            w += f.h_advance(id);
            prev = Some(id);
        }
        w
    }

    /// Greedy word wrap to `max` pixels; a word longer than a line is broken between characters.
    fn wrap(&self, text: &str, px: f32, max: f32) -> Vec<String> {
        let text = self.clean(text);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, px) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(word, px) <= max {
                    line = word.to_string();
                } else {
                    for c in word.chars() {
                        let next = format!("{line}{c}");
                        if self.width(&next, px) > max && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line.push(c);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
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

fn build(
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
    let Labels {
        motto,
        nothing,
        more,
        played,
        missing,
        photos_more,
    } = labels(data.language);
    let mut lines = Vec::new();
    let mut shapes = vec![
        Shape::Rect {
            x: 0.0,
            y: 0.0,
            w,
            h,
            colour: theme.bg,
        },
        Shape::Rect {
            x: 0.0,
            y: 0.0,
            w,
            h: z.margin * 0.3,
            colour: data.colour,
        },
    ];
    let text_w = w - 2.0 * z.margin;
    let push = |lines: &mut Vec<Line>, text: &str, x: f32, y: f32, px: f32, max: f32, colour| {
        let mut y = y;
        for t in m.wrap(text, px, max) {
            let width = m.width(&t, px);
            lines.push(Line {
                text: t,
                x,
                y,
                width,
                px,
                colour,
            });
            y += px * LINE;
        }
        y
    };

    // Header: team name, motto, deck.
    let mut y = z.margin * 0.3 + z.margin * 0.7;
    y = push(
        &mut lines, &data.team, z.margin, y, z.title, text_w, theme.text,
    );
    y = push(
        &mut lines,
        motto,
        z.margin,
        y,
        z.subtitle,
        text_w,
        theme.accent,
    );
    y += z.gap;

    // Footer.
    let footer = match &data.date {
        Some(d) => format!("{} · {d} · CultuurBarbarenSpel", data.deck),
        None => format!("{} · CultuurBarbarenSpel", data.deck),
    };
    let footer_y = h - z.margin * 0.5 - z.footer * LINE;
    let footer_lines = m.wrap(&footer, z.footer, text_w);
    let footer_top = footer_y - (footer_lines.len().saturating_sub(1)) as f32 * z.footer * LINE;
    push(
        &mut lines,
        &footer,
        z.margin,
        footer_top,
        z.footer,
        text_w,
        theme.muted,
    );

    // Body: value cards, each into the shortest column.
    let cols = z.columns.max(1);
    let col_w = (text_w - (cols - 1) as f32 * z.gap) / cols as f32;
    let mut bottoms = vec![y; cols];
    for (vi, v) in data.values.iter().enumerate() {
        let c = (0..cols)
            .min_by(|a, b| bottoms[*a].total_cmp(&bottoms[*b]))
            .unwrap_or(0);
        let x = z.margin + c as f32 * (col_w + z.gap);
        let top = bottoms[c];
        let inner_x = x + z.pad + z.pad * 0.4;
        let inner_w = col_w - 2.0 * z.pad - z.pad * 0.4;
        let mut cy = top + z.pad;
        // Name, then the weight as three dots on a line of their own.
        cy = push(
            &mut lines, &v.name, inner_x, cy, z.value, inner_w, theme.text,
        );
        let r = z.value * 0.16;
        for d in 0..3u8 {
            shapes.push(Shape::Dot {
                x: inner_x + r + f32::from(d) * r * 3.0,
                y: cy + r * 1.5,
                r,
                colour: data.colour,
                filled: d < v.weight,
            });
        }
        cy += r * 4.0;
        if !v.meaning.is_empty() {
            cy = push(
                &mut lines,
                &v.meaning,
                inner_x,
                cy,
                z.meaning,
                inner_w,
                theme.muted,
            );
        }
        cy += z.pad * 0.5;
        let shown = v.items().min(keep.get(vi).copied().unwrap_or(usize::MAX));
        if v.agreements.is_empty() {
            cy = push(
                &mut lines,
                nothing,
                inner_x,
                cy,
                z.meaning,
                inner_w,
                theme.muted,
            );
        }
        let indent = z.bullet * 0.9;
        // A long item keeps its first lines and ends in an ellipsis.
        let bullet_lines = |text: &str, px: f32, max: f32| {
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
        };
        // One bullet: a dot, then the text wrapped beside it; returns the top of what comes next.
        let bullet = |lines: &mut Vec<Line>,
                      shapes: &mut Vec<Shape>,
                      text: &str,
                      cy: f32,
                      px: f32,
                      dot: (f32, Rgb),
                      colour: Rgb| {
            shapes.push(Shape::Dot {
                x: inner_x + z.bullet * 0.25,
                y: cy + px * 0.68,
                r: px * dot.0,
                colour: dot.1,
                filled: true,
            });
            let mut cy = cy;
            for t in bullet_lines(text, px, inner_w - indent) {
                let width = m.width(&t, px);
                lines.push(Line {
                    text: t,
                    x: inner_x + indent,
                    y: cy,
                    width,
                    px,
                    colour,
                });
                cy += px * LINE;
            }
            cy
        };
        for (kind, text) in v.agreements.iter().take(shown) {
            let text = agreement_text(*kind, text, data.language);
            cy = bullet(
                &mut lines,
                &mut shapes,
                &text,
                cy,
                z.bullet,
                (0.16, data.colour),
                theme.text,
            );
            cy += z.pad * 0.35;
        }
        // The value's photos in a row, each fitted into its box, with the caption under it.
        let value_photos = photos.get(vi).map(Vec::as_slice).unwrap_or(&[]);
        if !value_photos.is_empty() {
            let n = value_photos.len().min(MAX_PHOTOS_PER_VALUE);
            let gap = z.pad * 0.5;
            let bw = (inner_w - (n - 1) as f32 * gap) / n as f32;
            let bh = (bw * 0.75).min(z.photo);
            cy += z.pad * 0.2;
            // Each photo as large as its box allows without distortion, at the box's top left;
            // the captions start under the tallest.
            let sizes: Vec<(f32, f32)> = value_photos
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
            for (k, (p, (fw, fh))) in value_photos.iter().zip(sizes).enumerate() {
                let bx = inner_x + k as f32 * (bw + gap);
                shapes.push(Shape::Photo {
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
                let mut wrapped = m.wrap(caption.trim(), z.source, bw);
                wrapped.truncate(2);
                for t in wrapped {
                    let width = m.width(&t, z.source);
                    lines.push(Line {
                        text: t,
                        x: bx,
                        y: ty,
                        width,
                        px: z.source,
                        colour: theme.muted,
                    });
                    ty += z.source * LINE;
                }
                below = below.max(ty);
            }
            cy = below;
            if value_photos.len() > n {
                let rest = format!("+ {} {photos_more}", value_photos.len() - n);
                cy = push(
                    &mut lines,
                    &rest,
                    inner_x,
                    cy,
                    z.source,
                    inner_w,
                    theme.muted,
                );
            }
            cy += z.pad * 0.4;
        }
        let behaviours_shown = shown.saturating_sub(v.agreements.len());
        if behaviours_shown > 0 {
            cy += z.pad * 0.2;
            cy = push(
                &mut lines,
                played,
                inner_x,
                cy,
                z.source,
                inner_w,
                theme.muted,
            );
            cy += z.pad * 0.2;
        }
        for (text, scenario) in v.behaviours.iter().take(behaviours_shown) {
            // The game's behaviours are the second part: smaller, in the muted colour.
            cy = bullet(
                &mut lines,
                &mut shapes,
                text,
                cy,
                z.source,
                (0.12, theme.muted),
                theme.muted,
            );
            cy = push(
                &mut lines,
                scenario,
                inner_x + indent,
                cy,
                z.source * 0.85,
                inner_w - indent,
                theme.muted,
            );
            cy += z.pad * 0.3;
        }
        if shown < v.items() {
            let rest = format!("… {} {more}", v.items() - shown);
            cy = push(
                &mut lines,
                &rest,
                inner_x + indent,
                cy,
                z.source,
                inner_w - indent,
                theme.muted,
            );
        }
        let bottom = cy + z.pad * 0.65;
        shapes.push(Shape::Rect {
            x,
            y: top,
            w: col_w,
            h: bottom - top,
            colour: theme.card,
        });
        shapes.push(Shape::Rect {
            x,
            y: top,
            w: z.pad * 0.3,
            h: bottom - top,
            colour: data.colour,
        });
        bottoms[c] = bottom + z.gap;
    }
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
    shapes.sort_by_key(|s| !matches!(s, Shape::Rect { .. }));
    Layout {
        width: w,
        height: h,
        lines,
        shapes,
        scale,
        left_out,
        overflow,
    }
}

fn colour(c: Rgb) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], 255)
}

/// Draws a layout into an RGBA image.
pub fn render(l: &Layout) -> Pixmap {
    let mut pix = Pixmap::new(l.width as u32, l.height as u32).expect("a poster has a size");
    for shape in &l.shapes {
        let mut paint = Paint {
            anti_alias: true,
            ..Default::default()
        };
        match *shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                colour: c,
            } => {
                if let Some(r) = Rect::from_xywh(x, y, w, h) {
                    paint.set_color(colour(c));
                    pix.fill_rect(r, &paint, Transform::identity(), None);
                }
            }
            Shape::Dot {
                x,
                y,
                r,
                colour: c,
                filled,
            } => {
                let mut pb = PathBuilder::new();
                pb.push_circle(x, y, r);
                if let Some(path) = pb.finish() {
                    paint.set_color(colour(c));
                    if filled {
                        pix.fill_path(
                            &path,
                            &paint,
                            FillRule::Winding,
                            Transform::identity(),
                            None,
                        );
                    } else {
                        let stroke = tiny_skia::Stroke {
                            width: (r * 0.3).max(1.5),
                            ..Default::default()
                        };
                        pix.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
                    }
                }
            }
            Shape::Photo {
                x,
                y,
                w,
                h,
                ref picture,
                colour: c,
            } => match picture {
                Some(pic) => draw_photo(&mut pix, pic, x, y, w, h),
                None => {
                    if let Some(r) = Rect::from_xywh(x, y, w, h) {
                        paint.set_color(colour(c));
                        pix.fill_rect(r, &paint, Transform::identity(), None);
                    }
                }
            },
        }
    }
    let font = font();
    let (w, h) = (pix.width() as i32, pix.height() as i32);
    let data = pix.data_mut();
    for line in &l.lines {
        let scaled = font.as_scaled(PxScale::from(line.px));
        // Centre the font's height in the line box.
        let baseline = line.y
            + (line.px * LINE - (scaled.ascent() - scaled.descent())) / 2.0
            + scaled.ascent();
        let mut caret = line.x;
        let mut prev = None;
        for c in line.text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(line.px, point(caret, baseline));
            caret += scaled.h_advance(id);
            prev = Some(id);
            let Some(outlined) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, gy, cov| {
                let px = bounds.min.x as i32 + gx as i32;
                let py = bounds.min.y as i32 + gy as i32;
                if px < 0 || py < 0 || px >= w || py >= h {
                    return;
                }
                let i = ((py * w + px) * 4) as usize;
                let cov = cov.clamp(0.0, 1.0);
                for k in 0..3 {
                    let under = f32::from(data[i + k]);
                    data[i + k] =
                        (f32::from(line.colour[k]) * cov + under * (1.0 - cov)).round() as u8;
                }
                data[i + 3] = 255;
            });
        }
    }
    pix
}

/// Draws `pic` fitted into the box at (x, y, w, h) without distortion, centred.
fn draw_photo(pix: &mut Pixmap, pic: &Picture, x: f32, y: f32, w: f32, h: f32) {
    let (fw, fh) = crate::photos::box_size(pic.width, pic.height, w, h);
    if fw == 0 || fh == 0 {
        return;
    }
    let scaled = crate::photos::resize(pic, fw, fh);
    let ox = (x + (w - scaled.width as f32) / 2.0).round() as i64;
    let oy = (y + (h - scaled.height as f32) / 2.0).round() as i64;
    let (pw, ph) = (i64::from(pix.width()), i64::from(pix.height()));
    let data = pix.data_mut();
    for sy in 0..i64::from(scaled.height) {
        let ty = oy + sy;
        if ty < 0 || ty >= ph {
            continue;
        }
        for sx in 0..i64::from(scaled.width) {
            let tx = ox + sx;
            if tx < 0 || tx >= pw {
                continue;
            }
            let s = ((sy * i64::from(scaled.width) + sx) * 3) as usize;
            let d = ((ty * pw + tx) * 4) as usize;
            data[d..d + 3].copy_from_slice(&scaled.rgb[s..s + 3]);
            data[d + 3] = 255;
        }
    }
}

/// Encodes an opaque image as PNG, with its resolution (300 dpi for A4).
pub fn png_bytes(pix: &Pixmap, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pix.width(), pix.height());
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        if format == Format::A4 {
            // 300 dots per inch = 11,811 per metre.
            enc.set_pixel_dims(Some(png::PixelDimensions {
                xppu: 11_811,
                yppu: 11_811,
                unit: png::Unit::Meter,
            }));
        }
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        // Everything is opaque, so premultiplied and straight alpha are the same bytes.
        writer
            .write_image_data(pix.data())
            .map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A file name for a team: `poster-2-de-klantvrienden-a4.png`.
pub fn file_name(team: usize, name: &str, format: Format) -> String {
    let slug: String = crate::poll::fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(40)
        .collect();
    let slug = if slug.is_empty() {
        "team".to_string()
    } else {
        slug
    };
    format!("poster-{}-{slug}-{}.png", team + 1, format.suffix())
}

/// Writes both posters of every team into `dir`; returns the paths written.
pub fn write_all(
    s: &Session,
    date: Option<&str>,
    dir: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>, String> {
    write_all_with_previews(s, date, dir, 1).map(|(paths, _)| paths)
}

/// A preview image: width, height and straight RGBA bytes.
pub type Preview = (u32, u32, Vec<u8>);

/// A smaller copy of an opaque image (box filter), as straight RGBA bytes: for previews.
pub fn thumbnail(pix: &Pixmap, width: u32) -> Preview {
    let (w, h) = (pix.width(), pix.height());
    let width = width.clamp(1, w);
    let height = ((h as u64 * width as u64) / w as u64).max(1) as u32;
    let data = pix.data();
    let mut out = Vec::with_capacity((width * height * 4) as usize);
    for ty in 0..height {
        let (y0, y1) = (
            ty * h / height,
            ((ty + 1) * h / height).max(ty * h / height + 1),
        );
        for tx in 0..width {
            let (x0, x1) = (
                tx * w / width,
                ((tx + 1) * w / width).max(tx * w / width + 1),
            );
            let mut sum = [0u64; 4];
            for y in y0..y1 {
                for x in x0..x1 {
                    let i = ((y * w + x) * 4) as usize;
                    for k in 0..4 {
                        sum[k] += u64::from(data[i + k]);
                    }
                }
            }
            let n = u64::from((y1 - y0) * (x1 - x0));
            out.extend(sum.iter().map(|v| (v / n) as u8));
        }
    }
    (width, height, out)
}

/// Writes both posters of every team into `dir` and returns the paths written, with a preview of
/// each team's 1920×1080 poster `preview_width` pixels wide.
pub fn write_all_with_previews(
    s: &Session,
    date: Option<&str>,
    dir: &std::path::Path,
    preview_width: u32,
) -> Result<(Vec<std::path::PathBuf>, Vec<Preview>), String> {
    write_posters(s, date, dir, preview_width, None, &|_, _| {})
}

/// As [`write_all_with_previews`]; with an album, each value's photos (from the album's files)
/// stand on the posters next to the value, and a missing file gets a placeholder and a note;
/// `progress(written, total)` is called after each image (two per team), for a progress line while
/// the posters are made on another thread. A failure names the file and why.
pub fn write_posters(
    s: &Session,
    date: Option<&str>,
    dir: &std::path::Path,
    preview_width: u32,
    album: Option<&Album>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Vec<std::path::PathBuf>, Vec<Preview>), String> {
    let total = s.team_count() * 2;
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: kan de map niet maken: {e}", dir.display()))?;
    let mut written = Vec::new();
    let mut previews = Vec::new();
    for team in 0..s.team_count() {
        let data = data_for(s, team, date);
        let photos = match album {
            Some(a) => photos_for_values(s, &value_order(s, team), Some(team), a),
            None => Vec::new(),
        };
        for format in [Format::Screen, Format::A4] {
            let pix = render(&layout_with_photos(&data, &photos, format));
            if format == Format::Screen {
                previews.push(thumbnail(&pix, preview_width));
            }
            let path = dir.join(file_name(team, &data.team, format));
            std::fs::write(&path, png_bytes(&pix, format)?)
                .map_err(|e| format!("{}: kan niet schrijven: {e}", path.display()))?;
            written.push(path);
            progress(written.len(), total);
        }
    }
    Ok((written, previews))
}
