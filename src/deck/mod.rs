//! Decks: the RON format, loading with located diagnostics, validation and the balance lint.
//! No Bevy here.

pub mod diag;
pub mod locate;
pub mod types;
pub mod validate;

pub use diag::{Diagnostic, Located, Place, Severity};
pub use types::*;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use locate::Step::{Field, Index};

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

/// Parse `src` and check every rule of a single deck. `assets`: where images are looked up.
pub fn check_source(name: &str, src: &str, assets: Option<&Path>) -> CheckedFile {
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
                    format!("cannot read the file: {e}"),
                )],
            };
        }
    };
    match String::from_utf8(bytes) {
        Ok(src) => check_source(&name, &src, Some(&assets_dir_for(path))),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let source = String::from_utf8_lossy(e.as_bytes()).into_owned();
            CheckedFile {
                name,
                source,
                deck: None,
                diagnostics: vec![
                    Diagnostic::error(
                        "not-utf8",
                        Place::Bytes(at..at + 1),
                        "the file is not valid UTF-8 text",
                    )
                    .with_hint("save the file as UTF-8 (every modern editor can)"),
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
/// The error is the first diagnostic, `path:line:col: error: message`.
pub fn load_deck(path: &Path) -> Result<Deck, String> {
    let file = check_file(path);
    if let Some(first) = file
        .located()
        .into_iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(diag::headline(&first));
    }
    file.deck
        .ok_or_else(|| format!("{}: the deck could not be read", path.display()))
}

fn syntax_diagnostic(src: &str, e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let start = byte_offset(src, e.span.start.line, e.span.start.col);
    let end = byte_offset(src, e.span.end.line, e.span.end.col).max(start);
    let mut place = Place::Bytes(start..end);
    let mut message = lower_first(&e.code.to_string());
    let (code, hint) = match &e.code {
        E::NoSuchStructField { expected, .. } => (
            "unknown-field",
            Some(format!(
                "the fields allowed here are: {}",
                expected.join(", ")
            )),
        ),
        E::MissingStructField { field, .. } => {
            // ron points at the closing bracket; the start of the struct is easier to find.
            if let Some(r) = locate::parse(src).and_then(|t| locate::enclosing_struct(&t, start)) {
                place = Place::Bytes(r.start..r.start);
            }
            ("missing-field", Some(format!("add `{field}: ...`")))
        }
        E::DuplicateStructField { .. } => {
            ("duplicate-field", Some("remove one of the two".to_string()))
        }
        E::NoSuchEnumVariant { expected, .. } => (
            "unknown-variant",
            Some(format!("write one of: {}", expected.join(", "))),
        ),
        E::Eof => (
            "syntax",
            Some("a bracket or a quote is not closed".to_string()),
        ),
        _ => ("syntax", None),
    };
    let mut hint = hint;
    if code == "syntax" {
        if let Some(r) = locate::unclosed_string_before(src, start) {
            // A plain string ran over a line end and swallowed what followed: point at its start.
            place = Place::Bytes(r.start..r.start + 1);
            message = "this string is not closed on its line".to_string();
            hint = Some(
                "add the closing `\"`; for text over several lines use a raw string: r#\"...\"#"
                    .to_string(),
            );
        } else if matches!(e.code, E::ExpectedComma) {
            hint = Some("a comma is missing at the end of the line before".to_string());
        }
    }
    let d = Diagnostic::error(code, place, message);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("RON") => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// Byte offset of a 1-based line and column (in characters); clamped to the text.
fn byte_offset(src: &str, line: usize, col: usize) -> usize {
    let mut off = 0;
    for (i, l) in src.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return off
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        off += l.len();
    }
    src.len()
}

/// Rules across the files of one `check`: a scenario id may be used by one deck only, and files
/// with the same deck `id` are translations of each other that must have the same structure
/// (values, scenarios, layers, behaviour keys and effects), so scores do not depend on language.
pub fn check_across(files: &mut [CheckedFile]) {
    // Scenario ids across decks with different ids.
    let mut owner: HashMap<String, (String, String)> = HashMap::new(); // scenario id -> (deck id, file)
    // Translations: deck id -> index of the reference file (Dutch if there is one, else the first).
    let mut by_deck: HashMap<String, Vec<usize>> = HashMap::new();
    for (fi, f) in files.iter().enumerate() {
        if let Some(d) = &f.deck {
            by_deck.entry(d.id.clone()).or_default().push(fi);
        }
    }
    let mut extra: Vec<(usize, Diagnostic)> = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        let Some(deck) = &f.deck else { continue };
        for (si, s) in deck.scenarios.iter().enumerate() {
            match owner.get(&s.id) {
                Some((other_deck, other_file)) if *other_deck != deck.id => extra.push((
                    fi,
                    Diagnostic::error(
                        "duplicate-scenario",
                        Place::Path(vec![Field("scenarios"), Index(si), Field("id")]),
                        format!("scenario id `{}` is also used by deck `{other_deck}` ({other_file})", s.id),
                    )
                    .with_hint("scenario ids must be unique across the decks of a folder; a journal names scenarios by id"),
                )),
                Some(_) => {}
                None => {
                    owner.insert(s.id.clone(), (deck.id.clone(), f.name.clone()));
                }
            }
        }
    }
    for idxs in by_deck.values() {
        if idxs.len() < 2 {
            continue;
        }
        let reference = idxs
            .iter()
            .copied()
            .find(|&i| {
                files[i]
                    .deck
                    .as_ref()
                    .is_some_and(|d| d.language == Language::Nl)
            })
            .unwrap_or(idxs[0]);
        for &i in idxs {
            if i == reference {
                continue;
            }
            let (Some(a), Some(b)) = (&files[reference].deck, &files[i].deck) else {
                continue;
            };
            for d in compare_translation(a, &files[reference].name, b) {
                extra.push((i, d));
            }
        }
    }
    for (fi, d) in extra {
        files[fi].diagnostics.push(d);
    }
}

/// Differences between a deck `a` and its translation `b`, reported on `b`.
fn compare_translation(a: &Deck, a_name: &str, b: &Deck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |place: Vec<locate::Step>, msg: String| {
        Diagnostic::error("translation-mismatch", Place::Path(place), msg).with_hint(format!(
            "a translation must have the same ids, keys and effects as {a_name}"
        ))
    };
    if a.language == b.language {
        out.push(
            Diagnostic::error(
                "duplicate-deck",
                Place::Path(vec![Field("id")]),
                format!(
                    "deck id `{}` in language `{}` is also defined in {a_name}",
                    b.id,
                    b.language.code()
                ),
            )
            .with_hint("give the deck its own id, or set `language` if it is a translation"),
        );
        return out;
    }
    let av: Vec<&str> = a.values.iter().map(|v| v.id.as_str()).collect();
    let bv: Vec<&str> = b.values.iter().map(|v| v.id.as_str()).collect();
    if av != bv {
        out.push(err(
            vec![Field("values")],
            format!(
                "the values differ from {a_name}: [{}] here, [{}] there",
                bv.join(", "),
                av.join(", ")
            ),
        ));
    }
    if a.scenarios.len() != b.scenarios.len() {
        out.push(err(
            vec![Field("scenarios")],
            format!(
                "{} scenarios here, {} in {a_name}",
                b.scenarios.len(),
                a.scenarios.len()
            ),
        ));
    }
    for (si, (sa, sb)) in a.scenarios.iter().zip(&b.scenarios).enumerate() {
        let p = |rest: &[locate::Step]| {
            let mut v = vec![Field("scenarios"), Index(si)];
            v.extend_from_slice(rest);
            v
        };
        if sa.id != sb.id {
            out.push(err(
                p(&[Field("id")]),
                format!(
                    "scenario number {} is `{}` here and `{}` in {a_name}",
                    si + 1,
                    sb.id,
                    sa.id
                ),
            ));
            continue;
        }
        if sa.layer != sb.layer || sa.follow_up != sb.follow_up || sa.image != sb.image {
            out.push(err(
                p(&[Field("id")]),
                format!("scenario `{}` differs in layer, follow_up or image", sb.id),
            ));
        }
        if sa.behaviours.len() != sb.behaviours.len() {
            out.push(err(
                p(&[Field("behaviours")]),
                format!("scenario `{}` has a different number of behaviours", sb.id),
            ));
            continue;
        }
        for (bi, (ba, bb)) in sa.behaviours.iter().zip(&sb.behaviours).enumerate() {
            let mut ea: Vec<(&str, i64)> =
                ba.effects.iter().map(|(v, e)| (v.as_str(), *e)).collect();
            let mut eb: Vec<(&str, i64)> =
                bb.effects.iter().map(|(v, e)| (v.as_str(), *e)).collect();
            ea.sort_unstable();
            eb.sort_unstable();
            if ba.key != bb.key || ea != eb {
                let place = if ba.key != bb.key {
                    p(&[Field("behaviours"), Index(bi), Field("key")])
                } else {
                    p(&[
                        Field("behaviours"),
                        Index(bi),
                        Field("effects"),
                        locate::Step::Key(0),
                    ])
                };
                out.push(err(
                    place,
                    format!(
                        "behaviour {} of `{}` has other keys or effects than in {a_name}",
                        bb.key, sb.id
                    ),
                ));
            }
        }
    }
    out
}
