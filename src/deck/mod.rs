//! Decks: the RON format, loading with located diagnostics, validation and the balance lint.
//! No Bevy here.

pub mod builtin;
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
                    format!("cannot read the file: {e}"),
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
    if matches!(e.code, E::TrailingCharacters) {
        // ron points just after the deck's `)`: the text itself may start lines later.
        let at = skip_blank(src, start);
        let end = src[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        return Diagnostic::error(
            "syntax",
            Place::Bytes(at..end),
            "text after the end of the deck",
        )
        .with_hint("the deck ends with its closing `)`; remove what follows, or make it a comment with `//`");
    }
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

/// The first byte at or after `from` that is not white space or inside a comment.
fn skip_blank(src: &str, from: usize) -> usize {
    let b = src.as_bytes();
    let mut i = from.min(b.len());
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"//") {
            i = src[i..].find('\n').map_or(b.len(), |n| i + n);
        } else if b[i..].starts_with(b"/*") {
            match src[i + 2..].find("*/") {
                Some(n) => i += n + 4,
                None => return i,
            }
        } else {
            return i;
        }
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

/// Whether `name` is a template: a file whose name starts with `_`, like `levels/_sjabloon.ron`.
/// The game does not offer it, so its scenarios cannot meet another deck's in a session: a copy
/// of the template may keep the template's scenario for a while.
pub fn is_template(name: &str) -> bool {
    Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('_'))
}

/// A title reduced to its letters and digits, lowercase: `Mail om elf uur 's avonds` →
/// `mailomelfuursavonds`.
fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Titles shorter than this (as a [`title_key`]) are too short to call one a repeat of the other
/// when one merely contains the other.
const MIN_TITLE_KEY: usize = 8;

/// Rules across the files of one `check`: a scenario id may be used by one deck only, a scenario
/// title should not repeat (or contain) the title of a scenario in another deck of the same
/// language, and files with the same deck `id` are translations of each other that must have the
/// same structure (values, scenarios, layers, behaviour keys and effects), so scores do not depend
/// on language, and texts of about the same length. Templates (see [`is_template`]) take part only
/// in the translation rules.
pub fn check_across(files: &mut [CheckedFile]) {
    // Scenario ids across decks with different ids.
    let mut owner: HashMap<String, (String, String)> = HashMap::new(); // scenario id -> (deck id, file)
    // Titles seen so far: (title key, language, deck id, scenario id, title, file).
    let mut titles: Vec<(String, Language, &str, &str, &str, &str)> = Vec::new();
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
        if is_template(&f.name) {
            continue;
        }
        for (si, s) in deck.scenarios.iter().enumerate() {
            let key = title_key(&s.title);
            let repeat = titles.iter().find(|(k, lang, d, ..)| {
                *lang == deck.language
                    && *d != deck.id
                    && (*k == key
                        || (k.chars().count().min(key.chars().count()) >= MIN_TITLE_KEY
                            && (k.contains(&key) || key.contains(k.as_str()))))
            });
            if let Some((_, _, other_deck, other_id, other_title, other_file)) = repeat {
                extra.push((
                    fi,
                    Diagnostic::warning(
                        "repeated-scenario",
                        Place::Path(vec![Field("scenarios"), Index(si), Field("title")]),
                        format!(
                            "the title of `{}` repeats `{other_id}` (\"{other_title}\") of deck `{other_deck}` ({other_file})",
                            s.id
                        ),
                    )
                    .with_hint("a trajectory plays several decks; give each moment one place, or make the two scenarios clearly different"),
                ));
            } else if !key.is_empty() {
                titles.push((key, deck.language, &deck.id, &s.id, &s.title, &f.name));
            }
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
    out.extend(compare_texts(a, a_name, b));
    out
}

/// Sentences in a text: `.`, `!`, `?` or `…`, perhaps followed by a closing quote or bracket,
/// then white space or the end. `9.40 uur` and `12.000` are not sentence ends.
fn sentences(t: &str) -> usize {
    let chars: Vec<char> = t.trim().chars().collect();
    let mut n = 0;
    for (i, c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j], '\'' | '"' | '’' | '”' | ')') {
            j += 1;
        }
        if j == chars.len() || chars[j].is_whitespace() {
            n += 1;
        }
    }
    n
}

/// Whether a text and its translation differ so much in length that a sentence is probably
/// missing on one side: one of them is empty, or the longer is at least 80 characters and the
/// shorter under 60 % of it, or they have a different number of sentences and the one with more
/// sentences is also longer by at least a third of one of its sentences (on average).
pub fn texts_differ(a: &str, b: &str) -> bool {
    let (la, lb) = (a.trim().chars().count(), b.trim().chars().count());
    if la == 0 || lb == 0 {
        return la != lb;
    }
    let (long, short) = (la.max(lb), la.min(lb));
    if long >= 80 && short * 10 < long * 6 {
        return true;
    }
    let (sa, sb) = (sentences(a).max(1), sentences(b).max(1));
    if sa == sb {
        return false;
    }
    let (more_len, more_n, fewer_len) = if sa > sb { (la, sa, lb) } else { (lb, sb, la) };
    more_len > fewer_len && 3 * (more_len - fewer_len) >= more_len / more_n
}

/// Texts of `b` that differ a lot in length from the same text in `a` (see [`texts_differ`]):
/// warnings on `b`, at the text. Only where the structure already matches.
fn compare_texts(a: &Deck, a_name: &str, b: &Deck) -> Vec<Diagnostic> {
    let hint =
        "is a sentence missing on one side? A translation says the same, sentence by sentence";
    let mut out = Vec::new();
    let mut texts: Vec<(Vec<locate::Step>, String, &str, &str)> = vec![
        (
            vec![Field("title")],
            "the deck's title".into(),
            &a.title,
            &b.title,
        ),
        (
            vec![Field("description")],
            "the deck's description".into(),
            &a.description,
            &b.description,
        ),
    ];
    if a.values.len() == b.values.len() {
        for (i, (va, vb)) in a.values.iter().zip(&b.values).enumerate() {
            let p = |f| vec![Field("values"), Index(i), Field(f)];
            texts.push((
                p("name"),
                format!("the name of value `{}`", vb.id),
                &va.name,
                &vb.name,
            ));
            texts.push((
                p("meaning"),
                format!("the meaning of value `{}`", vb.id),
                &va.meaning,
                &vb.meaning,
            ));
        }
    }
    for (si, (sa, sb)) in a.scenarios.iter().zip(&b.scenarios).enumerate() {
        if sa.id != sb.id {
            continue;
        }
        let p = |rest: &[locate::Step]| {
            let mut v = vec![Field("scenarios"), Index(si)];
            v.extend_from_slice(rest);
            v
        };
        let id = &sb.id;
        for (f, what, ta, tb) in [
            ("title", "title", &sa.title, &sb.title),
            ("setting", "setting", &sa.setting, &sb.setting),
            ("situation", "situation", &sa.situation, &sb.situation),
            ("notes", "notes", &sa.notes, &sb.notes),
        ] {
            texts.push((p(&[Field(f)]), format!("the {what} of `{id}`"), ta, tb));
        }
        if sa.behaviours.len() == sb.behaviours.len() {
            for (bi, (ba, bb)) in sa.behaviours.iter().zip(&sb.behaviours).enumerate() {
                let bp = |f| p(&[Field("behaviours"), Index(bi), Field(f)]);
                texts.push((
                    bp("text"),
                    format!("the text of behaviour {} of `{id}`", bb.key),
                    &ba.text,
                    &bb.text,
                ));
                texts.push((
                    bp("consequence"),
                    format!("the consequence of behaviour {} of `{id}`", bb.key),
                    &ba.consequence,
                    &bb.consequence,
                ));
            }
        }
        if sa.debrief.len() == sb.debrief.len() {
            for (qi, (qa, qb)) in sa.debrief.iter().zip(&sb.debrief).enumerate() {
                texts.push((
                    p(&[Field("debrief"), Index(qi)]),
                    format!("debrief question {} of `{id}`", qi + 1),
                    qa,
                    qb,
                ));
            }
        } else {
            out.push(
                Diagnostic::warning(
                    "translation-length",
                    Place::Path(p(&[Field("debrief")])),
                    format!(
                        "the debrief of `{id}` has {} question(s) here, {} in {a_name}",
                        sb.debrief.len(),
                        sa.debrief.len()
                    ),
                )
                .with_hint(hint),
            );
        }
    }
    for (place, what, ta, tb) in texts {
        if texts_differ(ta, tb) {
            out.push(
                Diagnostic::warning(
                    "translation-length",
                    Place::Path(place),
                    format!(
                        "the length of {what} differs a lot from {a_name}: {} characters and {} sentence(s) here, {} and {} there",
                        tb.trim().chars().count(),
                        sentences(tb),
                        ta.trim().chars().count(),
                        sentences(ta)
                    ),
                )
                .with_hint(hint),
            );
        }
    }
    out
}
