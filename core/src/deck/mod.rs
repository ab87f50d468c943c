//! Decks: the RON format, loading with located diagnostics, validation and the balance lint.
//! No Bevy here.

mod across;
pub mod builtin;
pub mod diag;
mod ids;
pub mod limits;
pub mod locate;
mod rules_scenario;
mod syntax;
mod translation;
pub mod types;
pub mod validate;

pub use across::check_across;
pub use translation::texts_differ;

pub use diag::{Diagnostic, Located, Place, Severity};
pub use types::*;

use std::path::{Path, PathBuf};

use crate::bi;
use crate::lang::{Bi, Lang};
use syntax::syntax_diagnostic;

/// Options for RON as trainers write it: `Some(..)` may be left out around optional fields.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// A deck file read and checked: the source, the deck when it parses, and every problem found.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The name diagnostics use, e.g. `levels/klantcontact.nl.ron`.
    pub name: String,
    pub source: String,
    pub deck: Option<Deck>,
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckedFile {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The diagnostics with their `line:column` worked out, in file order.
    pub fn located(&self) -> Vec<Located> {
        let mut v = diag::locate(&self.name, &self.source, self.diagnostics.clone());
        v.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.severity)));
        v
    }
}

/// The UTF-8 byte-order mark that Windows editors (Notepad among them) may write at the start.
const BOM: char = '\u{feff}';

/// Parse `src` and check every rule of a single deck. `assets`: where images are looked up.
/// A byte-order mark at the start is dropped: editors do not show it, so lines and columns are
/// counted without it.
pub fn check_source(name: &str, src: &str, assets: Option<&Path>) -> CheckedFile {
    let src = src.strip_prefix(BOM).unwrap_or(src);
    let mut file = CheckedFile {
        name: name.to_string(),
        source: src.to_string(),
        deck: None,
        diagnostics: Vec::new(),
    };
    match ron_options().from_str::<Deck>(src) {
        Ok(deck) => {
            file.diagnostics = validate::validate(&deck, assets);
            file.deck = Some(deck);
        }
        Err(e) => file.diagnostics.push(syntax_diagnostic(src, &e)),
    }
    file
}

/// Read and check one deck file. A file that cannot be read or is not UTF-8 gives a diagnostic.
pub fn check_file(path: &Path) -> CheckedFile {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return CheckedFile {
                name,
                source: String::new(),
                deck: None,
                diagnostics: vec![Diagnostic::error(
                    "unreadable",
                    Place::File,
                    bi!(
                        "het bestand is niet te lezen: {e}",
                        "cannot read the file: {e}"
                    ),
                )],
            };
        }
    };
    match String::from_utf8(bytes) {
        Ok(src) => check_source(&name, &src, Some(&assets_dir_for(path))),
        Err(e) => {
            let mut at = e.utf8_error().valid_up_to();
            let mut source = String::from_utf8_lossy(e.as_bytes()).into_owned();
            if let Some(rest) = source.strip_prefix(BOM) {
                source = rest.to_string();
                at -= BOM.len_utf8();
            }
            CheckedFile {
                name,
                source,
                deck: None,
                diagnostics: vec![
                    Diagnostic::error(
                        "not-utf8",
                        Place::Bytes(at..at + 1),
                        bi!(
                            "het bestand is geen geldige UTF-8-tekst",
                            "the file is not valid UTF-8 text"
                        ),
                    )
                    .with_hint(bi!(
                        "bewaar het bestand als UTF-8 (elke moderne editor kan dat)",
                        "save the file as UTF-8 (every modern editor can)"
                    )),
                ],
            }
        }
    }
}

/// The `assets/` folder that images of a deck at `deck_path` are looked up in: the nearest
/// `assets/` next to the deck's folder or one of its parents, else `./assets`.
pub fn assets_dir_for(deck_path: &Path) -> PathBuf {
    let dir = deck_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut cur: Option<&Path> = Some(&dir);
    while let Some(d) = cur {
        let cand = d.join("assets");
        if cand.is_dir() {
            return cand;
        }
        cur = d.parent();
    }
    PathBuf::from("assets")
}

/// Load a deck for play: it must have no errors (warnings are allowed).
/// The error is the first diagnostic, `path:line:col: error: message`, in English (see
/// [`load_deck_bi`] for both languages).
pub fn load_deck(path: &Path) -> Result<Deck, String> {
    load_deck_bi(path).map_err(|e| e.text(Lang::En).to_owned())
}

/// [`load_deck`] with the error in Dutch and English.
pub fn load_deck_bi(path: &Path) -> Result<Deck, Bi> {
    let file = check_file(path);
    if let Some(first) = file
        .located()
        .into_iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(diag::headline_bi(&first));
    }
    let shown = path.display();
    file.deck.ok_or_else(|| {
        bi!(
            "{shown}: het deck is niet te lezen",
            "{shown}: the deck could not be read"
        )
    })
}

/// Whether `name` is a template: a file whose name starts with `_`, like `levels/_sjabloon.ron`.
/// The game does not offer it, so its scenarios cannot meet another deck's in a session: a copy
/// of the template may keep the template's scenario for a while.
pub fn is_template(name: &str) -> bool {
    Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('_'))
}
