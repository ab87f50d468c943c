//! JPEG in and out: the markers are walked first (to find the EXIF block and to tell a truncated
//! file from a whole one), then zune-jpeg decodes; jpeg-encoder writes the display copies.

use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

use super::{PhotoError, Picture, check_size, orientation_from_tiff};
use crate::bi;
use crate::lang::Bi;

/// What the markers before the image data say.
struct Markers<'a> {
    /// The EXIF block (from its TIFF header on), when there is one.
    exif: Option<&'a [u8]>,
    /// Whether the end-of-image marker follows the first scan.
    complete: bool,
}

/// Walks the segments from the start of the file to the first scan, then looks for the end of the
/// image. Entropy-coded data never holds `FF D9` (an `FF` there is followed by `00` or a restart
/// marker), so an end marker after the scan is the file's real end; a file cut off while copying
/// has none.
fn walk(b: &[u8]) -> Option<Markers<'_>> {
    let mut exif = None;
    let mut i = 2;
    loop {
        // Fill bytes may stand before a marker.
        while b.get(i) == Some(&0xFF) && b.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if b.get(i) != Some(&0xFF) {
            return None;
        }
        let marker = *b.get(i + 1)?;
        match marker {
            0xD8 | 0x01 | 0xD0..=0xD7 => {
                i += 2;
                continue;
            }
            0xD9 => {
                return Some(Markers {
                    exif,
                    complete: false,
                });
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
        if len < 2 {
            return None;
        }
        let body = b.get(i + 4..i + 2 + len)?;
        if marker == 0xE1 && exif.is_none() && body.starts_with(b"Exif\0\0") {
            exif = Some(&body[6..]);
        }
        i += 2 + len;
        if marker == 0xDA {
            let complete = b[i..].windows(2).any(|w| w == [0xFF, 0xD9]);
            return Some(Markers { exif, complete });
        }
    }
}

/// Decodes a JPEG into RGB (as stored) and returns it with its EXIF orientation. The size is
/// checked from the frame header before the pixels are decoded.
pub(super) fn decode(name: &str, bytes: &[u8]) -> Result<(Picture, u8), PhotoError> {
    let truncated = || PhotoError::Truncated {
        name: name.to_string(),
    };
    let markers = walk(bytes).ok_or_else(truncated)?;
    if !markers.complete {
        return Err(truncated());
    }
    let orientation = markers.exif.map_or(1, orientation_from_tiff);
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::RGB)
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX));
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    let damaged = |e: zune_jpeg::errors::DecodeErrors| PhotoError::Damaged {
        name: name.to_string(),
        detail: Bi::same(e.to_string()),
    };
    decoder.decode_headers().map_err(damaged)?;
    let info = decoder.info().ok_or_else(truncated)?;
    let (w, h) = (u64::from(info.width), u64::from(info.height));
    check_size(name, w, h)?;
    let pixels = decoder.decode().map_err(damaged)?;
    let n = (w * h) as usize;
    let rgb = if pixels.len() == n * 3 {
        pixels
    } else if pixels.len() == n {
        pixels.iter().flat_map(|&g| [g, g, g]).collect()
    } else if pixels.len() == n * 4 {
        pixels
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect()
    } else {
        return Err(PhotoError::Damaged {
            name: name.to_string(),
            detail: bi!(
                "{} bytes aan pixels voor {w} × {h} beeldpunten",
                "{} bytes of pixels for {w} × {h} pixels";
                pixels.len()
            ),
        });
    };
    Ok((
        Picture {
            width: w as u32,
            height: h as u32,
            rgb,
        },
        orientation,
    ))
}

/// Encodes a picture as a baseline JPEG of the given quality (1–100).
pub fn encode_jpeg(pic: &Picture, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = jpeg_encoder::Encoder::new(&mut out, quality.clamp(1, 100));
    let (w, h) = (
        u16::try_from(pic.width).unwrap_or(u16::MAX),
        u16::try_from(pic.height).unwrap_or(u16::MAX),
    );
    // A picture from this module is never over 65,535 pixels on a side after fitting, and its
    // buffer matches its size; an encoder error leaves an empty file, which reads as damaged.
    if encoder
        .encode(&pic.rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .is_err()
    {
        out.clear();
    }
    out
}

/// A JPEG of `pic` that carries EXIF orientation `orientation`: what a phone writes when it keeps
/// the sensor's pixels and says how to turn them (for tests, benchmarks and the demo).
pub fn jpeg_with_exif_orientation(pic: &Picture, quality: u8, orientation: u16) -> Vec<u8> {
    let jpeg = encode_jpeg(pic, quality);
    // A little-endian TIFF header with one entry in IFD0: Orientation (0x0112), SHORT, 1 value.
    let mut app1 = b"Exif\0\0II*\0".to_vec();
    app1.extend_from_slice(&8u32.to_le_bytes());
    app1.extend_from_slice(&1u16.to_le_bytes());
    app1.extend_from_slice(&0x0112u16.to_le_bytes());
    app1.extend_from_slice(&3u16.to_le_bytes());
    app1.extend_from_slice(&1u32.to_le_bytes());
    app1.extend_from_slice(&orientation.to_le_bytes());
    app1.extend_from_slice(&[0, 0]);
    app1.extend_from_slice(&0u32.to_le_bytes());
    let mut out = Vec::with_capacity(jpeg.len() + app1.len() + 4);
    out.extend_from_slice(&jpeg[..2.min(jpeg.len())]);
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(jpeg.get(2..).unwrap_or(&[]));
    out
}
