//! Reading a photo: what the file is (JPEG, PNG, HEIC, something else), its size checked from the
//! header before the pixels are decoded, then the pixels as 8-bit RGB.

use super::{
    Format, MAX_PIXELS, MAX_SIDE, PhotoError, Picture, apply_orientation, jpeg,
    orientation_from_tiff,
};
use crate::bi;
use crate::lang::Bi;

/// What the first bytes say a file is.
enum Sniffed {
    Jpeg,
    Png,
    Heic,
    Other(&'static str),
    Unknown,
}

fn sniff(b: &[u8]) -> Sniffed {
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Sniffed::Jpeg;
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Png;
    }
    if b.len() >= 12 && &b[4..8] == b"ftyp" {
        return match &b[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Sniffed::Heic
            }
            b"avif" | b"avis" => Sniffed::Other("AVIF"),
            _ => Sniffed::Other("video"),
        };
    }
    if b.starts_with(b"GIF8") {
        return Sniffed::Other("GIF");
    }
    if b.len() >= 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        return Sniffed::Other("WebP");
    }
    if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        return Sniffed::Other("TIFF (of RAW)");
    }
    if b.starts_with(b"BM") {
        return Sniffed::Other("BMP");
    }
    if b.starts_with(b"%PDF") {
        return Sniffed::Other("PDF");
    }
    Sniffed::Unknown
}

/// Checks a picture's size from its header.
pub(super) fn check_size(name: &str, width: u64, height: u64) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged {
            name: name.to_string(),
            detail: bi!("de afmetingen zijn 0", "its size is 0"),
        });
    }
    if width > u64::from(MAX_SIDE) || height > u64::from(MAX_SIDE) || width * height > MAX_PIXELS {
        return Err(PhotoError::TooLarge {
            name: name.to_string(),
            width,
            height,
        });
    }
    Ok(())
}

/// Decodes `bytes` (JPEG or PNG) into an upright RGB picture; returns it with the format and the
/// EXIF orientation that was applied.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(Picture, Format, u8), PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty {
            name: name.to_string(),
        });
    }
    match sniff(bytes) {
        Sniffed::Jpeg => {
            let (pic, orientation) = jpeg::decode(name, bytes)?;
            Ok((
                apply_orientation(pic, orientation),
                Format::Jpeg,
                orientation,
            ))
        }
        Sniffed::Png => {
            let (pic, orientation) = decode_png(name, bytes)?;
            Ok((
                apply_orientation(pic, orientation),
                Format::Png,
                orientation,
            ))
        }
        Sniffed::Heic => Err(PhotoError::Heic {
            name: name.to_string(),
        }),
        Sniffed::Other(kind) => Err(PhotoError::OtherFormat {
            name: name.to_string(),
            kind,
        }),
        Sniffed::Unknown => {
            let lower = name.to_ascii_lowercase();
            let named = if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
                bi!(", al heet het .jpg", ", though it is called .jpg")
            } else if lower.ends_with(".png") {
                bi!(", al heet het .png", ", though it is called .png")
            } else {
                Bi::default()
            };
            Err(PhotoError::NotAnImage {
                name: name.to_string(),
                named,
            })
        }
    }
}

/// Reads a PNG: the header first (size check), then the pixels, as 8-bit RGB over white.
fn decode_png(name: &str, bytes: &[u8]) -> Result<(Picture, u8), PhotoError> {
    let damaged = |e: png::DecodingError| match e {
        png::DecodingError::IoError(ref io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated {
                name: name.to_string(),
            }
        }
        png::DecodingError::LimitsExceeded => PhotoError::Damaged {
            name: name.to_string(),
            detail: bi!(
                "de foto vraagt meer geheugen dan het spel toestaat",
                "the photo needs more memory than the game allows"
            ),
        },
        other => PhotoError::Damaged {
            name: name.to_string(),
            detail: Bi::same(other.to_string()),
        },
    };
    let limits = png::Limits {
        bytes: (MAX_PIXELS as usize) * 8,
    };
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    let (w, h) = {
        let info = decoder.read_header_info().map_err(damaged)?;
        (info.width, info.height)
    };
    check_size(name, u64::from(w), u64::from(h))?;
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(damaged)?;
    let orientation = reader
        .info()
        .exif_metadata
        .as_deref()
        .map_or(1, orientation_from_tiff);
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| PhotoError::TooLarge {
            name: name.to_string(),
            width: u64::from(w),
            height: u64::from(h),
        })?;
    let mut buf = vec![0u8; size];
    let out = reader.next_frame(&mut buf).map_err(damaged)?;
    let (cw, ch) = (out.width as usize, out.height as usize);
    let rgb = to_rgb(name, &buf, &out)?;
    Ok((
        Picture {
            width: cw as u32,
            height: ch as u32,
            rgb,
        },
        orientation,
    ))
}

/// A decoded PNG frame as 8-bit RGB, transparent pixels over white.
fn to_rgb(name: &str, buf: &[u8], out: &png::OutputInfo) -> Result<Vec<u8>, PhotoError> {
    let (cw, ch) = (out.width as usize, out.height as usize);
    let mut rgb = Vec::with_capacity(cw * ch * 3);
    let over_white = |v: u8, a: u8| -> u8 {
        ((u32::from(v) * u32::from(a) + 255 * (255 - u32::from(a)) + 127) / 255) as u8
    };
    for row in buf.chunks(out.line_size).take(ch) {
        match out.color_type {
            png::ColorType::Grayscale => {
                for &g in &row[..cw] {
                    rgb.extend_from_slice(&[g, g, g]);
                }
            }
            png::ColorType::GrayscaleAlpha => {
                for p in row[..cw * 2].chunks_exact(2) {
                    let g = over_white(p[0], p[1]);
                    rgb.extend_from_slice(&[g, g, g]);
                }
            }
            png::ColorType::Rgb => rgb.extend_from_slice(&row[..cw * 3]),
            png::ColorType::Rgba => {
                for p in row[..cw * 4].chunks_exact(4) {
                    rgb.extend_from_slice(&[
                        over_white(p[0], p[3]),
                        over_white(p[1], p[3]),
                        over_white(p[2], p[3]),
                    ]);
                }
            }
            png::ColorType::Indexed => {
                return Err(PhotoError::Damaged {
                    name: name.to_string(),
                    detail: bi!("onverwachte palettekleuren", "unexpected palette colours"),
                });
            }
        }
    }
    Ok(rgb)
}
