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

mod exif;
mod jpeg;
mod resize;

pub use exif::{apply_orientation, orientation_from_tiff};
pub use jpeg::{encode_jpeg, jpeg_with_exif_orientation};
pub use resize::{box_size, fit_within, fitted_size, resize};

use sha2::{Digest, Sha256};
use std::io::Write as _;
use std::path::{Path, PathBuf};

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

/// Why a file is not taken. The text (Dutch, naming the file) says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("{name}: het bestand is leeg (0 bytes). Kopieer de foto opnieuw.")]
    Empty { name: String },
    #[error(
        "{name}: dit is een HEIC-foto (iPhone). Die kan het spel niet lezen. Zet hem om naar JPEG: op de iPhone via Instellingen › Camera › Formaten › Meest compatibel (voor nieuwe foto's), of stuur hem via Mail of WhatsApp (dan wordt het JPEG), of open hem op een Mac in Voorvertoning › Archief › Exporteer › JPEG, op Windows in Foto's › Opslaan als › JPG."
    )]
    Heic { name: String },
    #[error(
        "{name}: dit is een {kind}-bestand; het spel leest alleen JPEG- en PNG-foto's. Sla de foto op als JPEG (of PNG) en probeer het opnieuw."
    )]
    OtherFormat { name: String, kind: &'static str },
    #[error(
        "{name}: dit is geen foto die het spel kan lezen (geen JPEG of PNG{named}). Kies het fotobestand zelf."
    )]
    NotAnImage { name: String, named: String },
    #[error(
        "{name}: het bestand is onvolledig (afgebroken, bijvoorbeeld tijdens het kopiëren). Kopieer de foto opnieuw."
    )]
    Truncated { name: String },
    #[error("{name}: het bestand is beschadigd en niet te lezen ({detail}).")]
    Damaged { name: String, detail: String },
    #[error(
        "{name}: de foto is {width} × {height} pixels; het spel neemt foto's tot {max_side} pixels per zijde en {mp} megapixel. Verklein de foto eerst."
    , max_side = MAX_SIDE, mp = MAX_PIXELS / 1_000_000)]
    TooLarge {
        name: String,
        width: u64,
        height: u64,
    },
    #[error(
        "{name}: het bestand is {mb} MB; het spel neemt bestanden tot {max} MB.",
        max = MAX_FILE_BYTES / 1024 / 1024
    )]
    FileTooLarge { name: String, mb: u64 },
    #[error("{name}: kan het bestand niet lezen: {detail}")]
    Read { name: String, detail: String },
    #[error("{name}: kan de foto niet bewaren in {dir}: {detail}")]
    Store {
        name: String,
        dir: String,
        detail: String,
    },
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

/// Whether `s` is a photo hash as the journal holds it (64 lowercase hex digits): a journal edited
/// by hand cannot name a path outside the photo folder.
pub fn is_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
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
            named: " maar een map".into(),
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
fn check_size(name: &str, width: u64, height: u64) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged {
            name: name.to_string(),
            detail: "de afmetingen zijn 0".into(),
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
                ", al heet het .jpg"
            } else if lower.ends_with(".png") {
                ", al heet het .png"
            } else {
                ""
            };
            Err(PhotoError::NotAnImage {
                name: name.to_string(),
                named: named.to_string(),
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
            detail: "de foto vraagt meer geheugen dan het spel toestaat".into(),
        },
        other => PhotoError::Damaged {
            name: name.to_string(),
            detail: other.to_string(),
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
                    detail: "onverwachte palettekleuren".into(),
                });
            }
        }
    }
    Ok((
        Picture {
            width: cw as u32,
            height: ch as u32,
            rgb,
        },
        orientation,
    ))
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

/// The folder a journal's photos are kept in: `<journal>-fotos/` beside it.
pub fn dir_for_journal(journal: &Path) -> PathBuf {
    let stem = journal
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".into());
    journal.with_file_name(format!("{stem}-fotos"))
}

/// The folder inside a photo folder that is watched for new pictures during the session.
pub const INBOX: &str = "nieuw";

/// Writes `bytes` to `path` under a temporary name, syncs it, then gives it its name and syncs the
/// folder: the file is there whole or not at all.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.part",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Syncing a folder is not possible on every platform; the file itself is synced.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Keeps a prepared photo in `dir`: the display copy as `<hash>.jpg` and the original as
/// `originelen/<hash>.<ext>`, each synced. A photo already kept is left as it is (same hash, same
/// bytes).
pub fn store(p: &Prepared, dir: &Path) -> Result<PathBuf, PhotoError> {
    let fail = |e: std::io::Error| PhotoError::Store {
        name: p.name.clone(),
        dir: dir.display().to_string(),
        detail: e.to_string(),
    };
    let originals = dir.join("originelen");
    std::fs::create_dir_all(&originals).map_err(fail)?;
    let original = originals.join(format!("{}.{}", p.hash, p.format.extension()));
    if !original.is_file() {
        write_synced(&original, &p.original).map_err(fail)?;
    }
    let display = dir.join(format!("{}.jpg", p.hash));
    if !display.is_file() {
        write_synced(&display, &p.display_jpeg).map_err(fail)?;
    }
    Ok(display)
}

/// Where a session's photos are: the folder new photos go to, and the folders of the journals it
/// took over from (after a failed write the session goes on in a fresh journal, with a folder of its
/// own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Album {
    dirs: Vec<PathBuf>,
}

impl Album {
    /// No folder: every photo is missing (what a report without its journal's folder shows).
    pub fn none() -> Album {
        Album::default()
    }

    /// Photos in `dir` only.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Album {
        Album {
            dirs: vec![dir.into()],
        }
    }

    /// The photos of the session in `journal`: its own folder, then those of the journals it
    /// replaced (up to 50 back).
    pub fn beside(journal: &Path) -> Album {
        let mut dirs = vec![dir_for_journal(journal)];
        let mut current = journal.to_path_buf();
        for _ in 0..50 {
            let Some(prev) = crate::store::read(&current).ok().and_then(|l| l.replaces) else {
                break;
            };
            let prev = current.with_file_name(prev);
            if prev == current {
                break;
            }
            dirs.push(dir_for_journal(&prev));
            current = prev;
        }
        Album { dirs }
    }

    /// The folder new photos are kept in.
    pub fn dir(&self) -> Option<&Path> {
        self.dirs.first().map(PathBuf::as_path)
    }

    /// The folder watched for new pictures.
    pub fn inbox(&self) -> Option<PathBuf> {
        self.dir().map(|d| d.join(INBOX))
    }

    /// The display copy of photo `hash`, where it exists.
    pub fn find(&self, hash: &str) -> Option<PathBuf> {
        if !is_hash(hash) {
            return None;
        }
        self.dirs
            .iter()
            .map(|d| d.join(format!("{hash}.jpg")))
            .find(|p| p.is_file())
    }

    /// Reads the display copy of photo `hash`. A missing or unreadable file is an `Err` with a
    /// sentence for the report or the screen.
    pub fn load(&self, hash: &str) -> Result<Picture, String> {
        let short: String = hash.chars().take(12).collect();
        let Some(path) = self.find(hash) else {
            return Err(match self.dir() {
                Some(d) => format!(
                    "Foto {short}… ontbreekt: het bestand {short}….jpg staat niet in {}.",
                    d.display()
                ),
                None => {
                    format!("Foto {short}… ontbreekt: de fotomap van de sessie is niet gevonden.")
                }
            });
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        decode(&display_name(&path), &bytes)
            .map(|(p, _, _)| p)
            .map_err(|e| e.to_string())
    }
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
        assert!(is_hash(&h));
        assert!(!is_hash("../../etc/passwd"));
        assert!(!is_hash(&h.to_uppercase()));
    }
}
