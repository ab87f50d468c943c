//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, Excel's "Unicode-tekst") and
//! Windows-1252 (Excel's "CSV (lijstscheidingsteken)" in a Dutch or English locale).

use super::{PollError, err};
use crate::bi;

/// The encodings an export can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Decodes `bytes`. Text without a BOM that is not valid UTF-8 is read as Windows-1252, which
/// every byte sequence is; spreadsheets and other binary files are refused by their signature or
/// by the control characters they are full of.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, Encoding), PollError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(err(bi!(
            "{name}: dit is een Excel-werkmap, geen CSV. Open het in Excel en kies Opslaan als → \"CSV UTF-8 (door komma's gescheiden)\".",
            "{name}: this is an Excel workbook, not a CSV. Open it in Excel and choose Save As → \"CSV UTF-8 (Comma delimited)\"."
        )));
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (t, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        (t.into_owned(), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (t, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        (t.into_owned(), Encoding::Utf16Be)
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        (t.to_string(), Encoding::Utf8)
    } else {
        let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        (t.into_owned(), Encoding::Windows1252)
    };
    // Text has tabs and line breaks, not NULs and other control characters (UTF-16 without a
    // BOM, an image, a PDF).
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .count();
    if control * 20 > text.chars().count() {
        return Err(err(bi!(
            "{name}: dit is geen tekstbestand. Exporteer de antwoorden als CSV (\"CSV UTF-8\" in Excel).",
            "{name}: this is not a text file. Export the answers as CSV (\"CSV UTF-8\" in Excel)."
        )));
    }
    Ok((text, encoding))
}
