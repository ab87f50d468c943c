//! Fitting a poster to its image: set smaller (down to 55 %), and only then shortened, until
//! every line stays inside the image and the value cards clear the footer.

use super::build::build;
use super::layout::Layout;
use super::measure::Measure;
use super::{Format, PosterData, PosterPhoto, PosterValue, font};

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
