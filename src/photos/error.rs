//! Why a photo could not be taken in, in Dutch and English: [`PhotoError::message`]. `Display` is
//! the Dutch text (for logs).

use std::fmt;

use super::{MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE};
use crate::bi;
use crate::lang::{Bi, Lang};

/// Why a photo could not be taken in. Each names the file and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    Empty {
        name: String,
    },
    Heic {
        name: String,
    },
    OtherFormat {
        name: String,
        kind: &'static str,
    },
    /// `named`: what the file pretends to be (", al heet het .jpg"), or nothing.
    NotAnImage {
        name: String,
        named: Bi,
    },
    Truncated {
        name: String,
    },
    Damaged {
        name: String,
        detail: Bi,
    },
    TooLarge {
        name: String,
        width: u64,
        height: u64,
    },
    FileTooLarge {
        name: String,
        mb: u64,
    },
    Read {
        name: String,
        detail: String,
    },
    Store {
        name: String,
        dir: String,
        detail: String,
    },
}

impl PhotoError {
    /// Why, in Dutch and English.
    pub fn message(&self) -> Bi {
        match self {
            PhotoError::Empty { name } => bi!(
                "{name}: het bestand is leeg (0 bytes). Kopieer de foto opnieuw.",
                "{name}: the file is empty (0 bytes). Copy the photo again."
            ),
            PhotoError::Heic { name } => bi!(
                "{name}: dit is een HEIC-foto (iPhone). Die kan het spel niet lezen. Zet hem om naar JPEG: op de iPhone via Instellingen › Camera › Formaten › Meest compatibel (voor nieuwe foto's), of stuur hem via Mail of WhatsApp (dan wordt het JPEG), of open hem op een Mac in Voorvertoning › Archief › Exporteer › JPEG, op Windows in Foto's › Opslaan als › JPG.",
                "{name}: this is a HEIC photo (iPhone). The game cannot read it. Convert it to JPEG: on the iPhone via Settings › Camera › Formats › Most Compatible (for new photos), or send it by Mail or WhatsApp (that makes it JPEG), or open it on a Mac in Preview › File › Export › JPEG, on Windows in Photos › Save as › JPG."
            ),
            PhotoError::OtherFormat { name, kind } => bi!(
                "{name}: dit is een {kind}-bestand; het spel leest alleen JPEG- en PNG-foto's. Sla de foto op als JPEG (of PNG) en probeer het opnieuw.",
                "{name}: this is a {kind} file; the game reads only JPEG and PNG photos. Save the photo as JPEG (or PNG) and try again."
            ),
            PhotoError::NotAnImage { name, named } => Bi {
                nl: format!(
                    "{name}: dit is geen foto die het spel kan lezen (geen JPEG of PNG{}). Kies het fotobestand zelf.",
                    named.nl
                ),
                en: format!(
                    "{name}: this is not a photo the game can read (not JPEG or PNG{}). Choose the photo file itself.",
                    named.en
                ),
            },
            PhotoError::Truncated { name } => bi!(
                "{name}: het bestand is onvolledig (afgebroken, bijvoorbeeld tijdens het kopiëren). Kopieer de foto opnieuw.",
                "{name}: the file is incomplete (cut off, for example while copying). Copy the photo again."
            ),
            PhotoError::Damaged { name, detail } => Bi {
                nl: format!(
                    "{name}: het bestand is beschadigd en niet te lezen ({}).",
                    detail.nl
                ),
                en: format!(
                    "{name}: the file is damaged and cannot be read ({}).",
                    detail.en
                ),
            },
            _ => self.message_of_size_or_disk(),
        }
    }

    fn message_of_size_or_disk(&self) -> Bi {
        match self {
            PhotoError::TooLarge {
                name,
                width,
                height,
            } => {
                let mp = MAX_PIXELS / 1_000_000;
                bi!(
                    "{name}: de foto is {width} × {height} pixels; het spel neemt foto's tot {MAX_SIDE} pixels per zijde en {mp} megapixel. Verklein de foto eerst.",
                    "{name}: the photo is {width} × {height} pixels; the game takes photos up to {MAX_SIDE} pixels a side and {mp} megapixels. Make the photo smaller first."
                )
            }
            PhotoError::FileTooLarge { name, mb } => {
                let max = MAX_FILE_BYTES / 1024 / 1024;
                bi!(
                    "{name}: het bestand is {mb} MB; het spel neemt bestanden tot {max} MB.",
                    "{name}: the file is {mb} MB; the game takes files up to {max} MB."
                )
            }
            PhotoError::Read { name, detail } => bi!(
                "{name}: kan het bestand niet lezen: {detail}",
                "{name}: cannot read the file: {detail}"
            ),
            PhotoError::Store { name, dir, detail } => bi!(
                "{name}: kan de foto niet bewaren in {dir}: {detail}",
                "{name}: cannot keep the photo in {dir}: {detail}"
            ),
            // The others are worded by `message`.
            _ => Bi::default(),
        }
    }

    /// Why, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message().text(lang).to_owned()
    }
}

/// The Dutch text.
impl fmt::Display for PhotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().nl)
    }
}

impl std::error::Error for PhotoError {}
