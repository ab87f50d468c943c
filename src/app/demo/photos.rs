//! The photos the demo adds: drawn, written beside the poll file, captioned in the deck's language.

use std::path::{Path, PathBuf};

/// The demo's photos: generated pictures beside the poll file (see [`write_photos`]).
pub fn photo_files(poll: &Path) -> Vec<PathBuf> {
    (1..=4)
        .map(|i| poll.with_file_name(format!("IMG_{:04}.jpg", 2040 + i)))
        .collect()
}

/// A caption, value and subgroup for each demo photo (values the poll put first).
pub(super) fn photo_captions(deck: &crate::deck::Deck) -> Vec<(String, String, String)> {
    let nl = deck.language == crate::deck::Language::Nl;
    let captions: [(&str, &str); 4] = if nl {
        [
            ("De balie zonder drempel", "Subgroep 1"),
            ("Even bellen in plaats van mailen", "Subgroep 2"),
            ("Samen de maandagstart", "Subgroep 2"),
            ("Het bordje bij de ingang", "Subgroep 3"),
        ]
    } else {
        [
            ("The desk without a threshold", "Subgroup 1"),
            ("A call instead of an email", "Subgroup 2"),
            ("Monday's start together", "Subgroup 2"),
            ("The sign at the entrance", "Subgroup 3"),
        ]
    };
    captions
        .iter()
        .enumerate()
        .map(|(i, (c, by))| {
            let value = deck.values[[0, 1, 1, 2][i] % deck.values.len()].id.clone();
            (value, c.to_string(), by.to_string())
        })
        .collect()
}

/// Draws the demo's photos (simple scenes: a sky, a floor, a sun, a table and people as circles)
/// and writes them as JPEGs, one of them stored turned as a phone does (EXIF orientation 6).
pub fn write_photos(poll: &Path) -> std::io::Result<()> {
    use crate::photos::{Picture, apply_orientation, jpeg_with_exif_orientation};
    let palettes: [([u8; 3], [u8; 3], [u8; 3]); 4] = [
        ([120, 170, 220], [200, 180, 150], [230, 159, 0]),
        ([90, 140, 200], [160, 170, 160], [0, 158, 115]),
        ([250, 200, 150], [140, 110, 90], [213, 94, 0]),
        ([180, 210, 235], [120, 150, 110], [86, 180, 233]),
    ];
    for (i, path) in photo_files(poll).iter().enumerate() {
        let (sky, floor, accent) = palettes[i % palettes.len()];
        let (w, h) = if i == 2 {
            (900u32, 1200u32)
        } else {
            (1600, 1200)
        };
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        let people: Vec<(f32, f32, f32)> = (0..3 + i)
            .map(|k| {
                let x = w as f32 * (0.2 + 0.6 * k as f32 / (2 + i) as f32);
                (x, h as f32 * 0.62, h as f32 * 0.07)
            })
            .collect();
        for y in 0..h {
            for x in 0..w {
                let (xf, yf) = (x as f32, y as f32);
                let horizon = h as f32 * 0.55;
                let mut c = if yf < horizon {
                    let t = yf / horizon;
                    [
                        (f32::from(sky[0]) * (1.0 - 0.3 * t)) as u8,
                        (f32::from(sky[1]) * (1.0 - 0.2 * t)) as u8,
                        sky[2],
                    ]
                } else {
                    floor
                };
                let sun = ((xf - w as f32 * 0.8).powi(2) + (yf - h as f32 * 0.18).powi(2)).sqrt();
                if sun < h as f32 * 0.08 {
                    c = [250, 220, 90];
                }
                let table = yf > h as f32 * 0.7 && yf < h as f32 * 0.76;
                if table && xf > w as f32 * 0.15 && xf < w as f32 * 0.85 {
                    c = accent;
                }
                for &(px, py, r) in &people {
                    let head = ((xf - px).powi(2) + (yf - py).powi(2)).sqrt() < r;
                    let body = (xf - px).abs() < r * 1.3 && yf > py + r && yf < py + r * 4.0;
                    if head {
                        c = [240, 200, 170];
                    } else if body {
                        c = [accent[2], accent[0], accent[1]];
                    }
                }
                rgb.extend_from_slice(&c);
            }
        }
        let pic = Picture {
            width: w,
            height: h,
            rgb,
        };
        let bytes = if i == 1 {
            // The phone keeps the sensor's pixels and says "turn a quarter to the right".
            jpeg_with_exif_orientation(&apply_orientation(pic, 8), 90, 6)
        } else {
            jpeg_with_exif_orientation(&pic, 90, 1)
        };
        std::fs::write(path, bytes)?;
    }
    Ok(())
}
