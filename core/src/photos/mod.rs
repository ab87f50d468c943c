//! The photo assignment's pictures: reading a phone's JPEG or PNG safely, turning it upright,
//! making one display copy, and keeping it in the session's folder under its content's hash. No Bevy
//! here.
//!
//! A photo goes through [`prepare`] (or [`prepare_file`]): the format is told by the bytes, not the
//! name; HEIC, other formats, empty, truncated and oversized files are refused with a Dutch sentence
//! that says what to do; the dimensions are checked from the header *before* anything is decoded (a
//! 30,000 × 30,000 PNG is refused without allocating its pixels); the EXIF orientation is applied;
//! pictures larger than [`DISPLAY_MAX`] on their long side are downscaled once. [`store`] then writes
//! the original and the display copy into the session's photo folder ([`Album`]) under the SHA-256 of
//! the original, synced, before the event that names the hash is journaled. The journal never holds
//! image bytes.

mod album;
mod decode;
mod error;
mod exif;
mod jpeg;
mod resize;

pub use album::{Album, INBOX, dir_for_journal, store};
use decode::check_size;
pub use decode::decode;
pub use error::PhotoError;
pub use exif::{apply_orientation, orientation_from_tiff};
pub use jpeg::{encode_jpeg, jpeg_with_exif_orientation};
pub use resize::{box_size, fit_within, fitted_size, resize};

use sha2::{Digest, Sha256};

use crate::bi;
use std::path::Path;

/// The long side of the display copy, in pixels.
pub const DISPLAY_MAX: u32 = 2048;
/// The long side of the small copy the app shows on the wall.
pub const THUMB_MAX: u32 = 480;
/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// The largest side a picture may have.
pub const MAX_SIDE: u32 = 20_000;
/// The most pixels a picture may have (a 108-megapixel phone picture fits; a decompression bomb
/// does not).
pub const MAX_PIXELS: u64 = 120_000_000;
/// The quality of the display copy.
const DISPLAY_QUALITY: u8 = 88;

/// An RGB picture, 8 bits per channel, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// `width × height × 3` bytes.
    pub rgb: Vec<u8>,
}

impl Picture {
    /// A picture of one colour.
    pub fn filled(width: u32, height: u32, rgb: [u8; 3]) -> Picture {
        let n = width as usize * height as usize;
        let mut data = Vec::with_capacity(n * 3);
        for _ in 0..n {
            data.extend_from_slice(&rgb);
        }
        Picture {
            width,
            height,
            rgb: data,
        }
    }

    /// The colour at (x, y).
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let i = (y as usize * self.width as usize + x as usize) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The pixels as RGBA (opaque), for a texture or a pixmap.
    pub fn rgba(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.rgb.len() / 3 * 4);
        for p in self.rgb.chunks_exact(3) {
            out.extend_from_slice(&[p[0], p[1], p[2], 255]);
        }
        out
    }
}

/// The file formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

/// A photo ready to be kept: its hash, the original bytes and the display copy.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The file name it came with (for messages and a first caption).
    pub name: String,
    /// SHA-256 of the original bytes, 64 lowercase hex digits.
    pub hash: String,
    pub format: Format,
    pub original: Vec<u8>,
    /// The EXIF orientation found (1 = upright, as stored).
    pub orientation: u8,
    /// Width and height of the original once upright.
    pub source_size: (u32, u32),
    /// The display copy (upright, at most [`DISPLAY_MAX`] on its long side) as JPEG.
    pub display_jpeg: Vec<u8>,
    /// A small copy for the photo wall (at most [`THUMB_MAX`] on its long side).
    pub thumb: Picture,
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits (what
/// [`is_photo_hash`](crate::session::is_photo_hash) accepts).
pub fn hash_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The name a file is called by in messages: its file name.
fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Whether a file name looks like a picture the game might read (for folders: other files are left
/// alone). HEIC files count, so that they are refused with the message that says how to convert.
pub fn looks_like_photo(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    let name = display_name(path);
    !name.starts_with('.')
        && matches!(
            ext.to_ascii_lowercase().as_str(),
            "jpg" | "jpeg" | "jpe" | "jfif" | "png" | "heic" | "heif"
        )
}

/// Reads and prepares the file at `path`; the size is checked before it is read.
pub fn prepare_file(path: &Path) -> Result<Prepared, PhotoError> {
    let name = display_name(path);
    let meta = std::fs::metadata(path).map_err(|e| PhotoError::Read {
        name: name.clone(),
        detail: e.to_string(),
    })?;
    if meta.is_dir() {
        return Err(PhotoError::NotAnImage {
            name,
            named: bi!(" maar een map", " but a folder"),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            name,
            mb: meta.len() / 1024 / 1024,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| PhotoError::Read {
        name: name.clone(),
        detail: e.to_string(),
    })?;
    prepare(&name, bytes)
}

/// Prepares a photo from its bytes: checks, decodes, turns upright, downscales and encodes the
/// display copy, and hashes the original.
pub fn prepare(name: &str, bytes: Vec<u8>) -> Result<Prepared, PhotoError> {
    let (upright, format, orientation) = decode(name, &bytes)?;
    let source_size = (upright.width, upright.height);
    let display = fit_within(&upright, DISPLAY_MAX, DISPLAY_MAX);
    drop(upright);
    let thumb = fit_within(&display, THUMB_MAX, THUMB_MAX);
    let display_jpeg = encode_jpeg(&display, DISPLAY_QUALITY);
    Ok(Prepared {
        name: name.to_string(),
        hash: hash_of(&bytes),
        format,
        original: bytes,
        orientation,
        source_size,
        display_jpeg,
        thumb,
    })
}

/// A picture scaled to fit `max` × `max` as a `data:image/jpeg;base64,…` URI, for a page that must
/// stand on its own.
pub fn data_uri(pic: &Picture, max: u32, quality: u8) -> String {
    let small = fit_within(pic, max, max);
    let jpeg = encode_jpeg(&small, quality);
    format!("data:image/jpeg;base64,{}", base64(&jpeg))
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(ABC[(n >> 18) as usize & 63] as char);
        out.push(ABC[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            ABC[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            ABC[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::is_photo_hash;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn hashes_are_checked() {
        let h = hash_of(b"abc");
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_photo_hash(&h));
        assert!(!is_photo_hash("../../etc/passwd"));
        assert!(!is_photo_hash(&h.to_uppercase()));
    }
}
