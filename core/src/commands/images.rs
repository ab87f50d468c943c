//! `check-images DIR --min N` (hidden; used by CI): the pictures the demo and the report leave behind
//! are real pictures. Every `*.png` directly in DIR (the same files are counted and checked) is
//! decoded and must be at least 640×360, have at least 1 % of its pixels away from its background
//! (its commonest colour), and differ from every other picture in the folder. A blank frame, a frame
//! with one line of text on it, or the same frame saved twice fails.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The smallest picture accepted.
pub const MIN_SIZE: (u32, u32) = (640, 360);
/// How far (in any of R, G, B) a pixel must be from the background colour to count as ink; smooth
/// shading and dithering of the background stay below it.
pub const INK_DISTANCE: u8 = 16;

/// What one picture holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// Pixels away from the background colour.
    pub ink: u64,
    /// SHA-256 of the size and the RGB pixels: equal pictures have equal digests.
    pub digest: [u8; 32],
}

impl Picture {
    pub fn pixels(&self) -> u64 {
        u64::from(self.width) * u64::from(self.height)
    }

    /// Ink in hundredths of a percent of the pixels.
    pub fn ink_basis_points(&self) -> u64 {
        (self.ink * 10_000).checked_div(self.pixels()).unwrap_or(0)
    }

    /// What is wrong with the picture on its own, if anything.
    pub fn problem(&self) -> Option<String> {
        if self.width < MIN_SIZE.0 || self.height < MIN_SIZE.1 {
            return Some(format!(
                "{}×{} is smaller than {}×{}",
                self.width, self.height, MIN_SIZE.0, MIN_SIZE.1
            ));
        }
        // At least 1 % ink.
        if self.ink * 100 < self.pixels() {
            return Some(format!(
                "looks blank: {} of {} pixels ({}) differ from the background, less than 1 %",
                self.ink,
                self.pixels(),
                percent(self.ink_basis_points())
            ));
        }
        None
    }
}

fn percent(basis_points: u64) -> String {
    format!("{}.{:02} %", basis_points / 100, basis_points % 100)
}

/// Decodes a PNG (any colour type and depth) and measures it.
pub fn examine(png_bytes: &[u8]) -> Result<Picture, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("not a PNG: {e}"))?;
    let size = reader
        .output_buffer_size()
        .ok_or("the picture is too large to decode")?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("cannot decode: {e}"))?;
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err("palette left unexpanded".into()),
    };
    let rgb = |px: &[u8]| -> [u8; 3] {
        if channels < 3 {
            [px[0], px[0], px[0]]
        } else {
            [px[0], px[1], px[2]]
        }
    };
    let (width, height) = (info.width, info.height);
    let row_bytes = width as usize * channels;
    let rows = || {
        buf[..info.buffer_size()]
            .chunks_exact(info.line_size)
            .map(|row| &row[..row_bytes])
    };
    let mut counts: HashMap<[u8; 3], u64> = HashMap::new();
    let mut hash = Sha256::new();
    hash.update(width.to_be_bytes());
    hash.update(height.to_be_bytes());
    for row in rows() {
        for px in row.chunks_exact(channels) {
            let c = rgb(px);
            *counts.entry(c).or_insert(0) += 1;
            hash.update(c);
        }
    }
    let background = counts
        .iter()
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
        .map_or([0; 3], |(c, _)| *c);
    let ink = counts
        .iter()
        .filter(|(c, _)| {
            c.iter()
                .zip(background)
                .any(|(a, b)| a.abs_diff(b) > INK_DISTANCE)
        })
        .map(|(_, n)| n)
        .sum();
    Ok(Picture {
        width,
        height,
        ink,
        digest: hash.finalize().into(),
    })
}

/// The `*.png` files directly in `dir`, sorted by name.
pub fn pngs_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
            .path();
        if path.is_file()
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("png"))
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Checks every PNG directly in `dir` (at least `min` of them); one line per picture to `out`.
pub fn run(dir: &Path, min: usize, out: &mut dyn Write) -> Result<(), String> {
    let files = pngs_in(dir)?;
    let mut bad = Vec::new();
    if files.len() < min {
        bad.push(format!(
            "expected at least {min} PNG files in {}, found {}",
            dir.display(),
            files.len()
        ));
    }
    let mut seen: Vec<([u8; 32], String)> = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let bytes =
            std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let picture = match examine(&bytes) {
            Ok(p) => p,
            Err(e) => {
                bad.push(format!("{name}: {e}"));
                continue;
            }
        };
        writeln!(
            out,
            "{name}: {}×{}, {} ink",
            picture.width,
            picture.height,
            percent(picture.ink_basis_points())
        )
        .map_err(|e| e.to_string())?;
        if let Some(problem) = picture.problem() {
            bad.push(format!("{name}: {problem}"));
        }
        if let Some((_, first)) = seen.iter().find(|(d, _)| *d == picture.digest) {
            bad.push(format!("{name}: the same picture as {first}"));
        } else {
            seen.push((picture.digest, name));
        }
    }
    if bad.is_empty() {
        writeln!(
            out,
            "{} picture(s) checked in {}",
            files.len(),
            dir.display()
        )
        .map_err(|e| e.to_string())?;
        Ok(())
    } else {
        Err(bad.join("\n"))
    }
}
