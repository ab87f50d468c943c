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

mod build;
mod draw;
mod fit;
mod layout;
mod measure;

use ab_glyph::FontRef;

use crate::deck::Language;
use crate::photos::{Album, Picture};
use crate::session::{AgreementKind, Session};
use std::sync::Arc;

pub use draw::{Preview, png_bytes, render, thumbnail};
pub use fit::{layout, layout_with_photos};
pub use layout::{Layout, Line};

static FONT_BYTES: &[u8] = include_bytes!("../../../../assets/fonts/Ubuntu-Light.ttf");

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
                    caption: super::model::photo_caption(p),
                    picture: album
                        .load(&p.hash)
                        .map(|pic| Arc::new(crate::photos::fit_within(&pic, 1200, 1200)))
                        .map_err(|why| why.text(s.settings().language).to_owned()),
                })
                .collect()
        })
        .collect()
}

/// The value ids of [`data_for`]'s poster of `team`, in its order (strongest first).
pub fn value_order(s: &Session, team: usize) -> Vec<String> {
    super::model::strongest_first(s, team)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
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
    let served = super::model::served(s, team);
    let values = super::model::strongest_first(s, team)
        .into_iter()
        .zip(served)
        .map(|((id, weight), (_, behaviours))| {
            let agreements = s
                .adopted_for(team)
                .into_iter()
                .filter(|a| a.value == id)
                .map(|a| (a.kind, a.text.clone()))
                .collect();
            PosterValue {
                name: deck.value_name(&id).to_string(),
                weight,
                meaning: deck
                    .value(&id)
                    .map(|d| d.meaning.clone())
                    .unwrap_or_default(),
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
        date: date.map(super::date::day),
        language: settings.language,
        values,
    }
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
    let lang = s.settings().language;
    super::make_dir(dir, lang)?;
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
            super::write_file(&path, png_bytes(&pix, format)?, lang)?;
            written.push(path);
            progress(written.len(), total);
        }
    }
    Ok((written, previews))
}
