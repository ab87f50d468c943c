//! A deck that is not valid RON: the parser's error as a diagnostic, located and explained, in
//! Dutch and English.

use ron::Error as E;

use super::diag::{Diagnostic, Place};
use super::locate;
use crate::bi;
use crate::lang::Bi;

/// The diagnostic for a RON syntax (or shape) error of `src`.
pub(super) fn syntax_diagnostic(src: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let start = byte_offset(src, e.span.start.line, e.span.start.col);
    if matches!(e.code, E::TrailingCharacters) {
        // ron points just after the deck's `)`: the text itself may start lines later.
        let at = skip_blank(src, start);
        let end = src[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        return Diagnostic::error(
            "syntax",
            Place::Bytes(at..end),
            bi!("tekst na het einde van het deck", "text after the end of the deck"),
        )
        .with_hint(bi!(
            "het deck eindigt met zijn sluitende `)`; haal weg wat erna komt, of maak er commentaar van met `//`",
            "the deck ends with its closing `)`; remove what follows, or make it a comment with `//`"
        ));
    }
    let end = byte_offset(src, e.span.end.line, e.span.end.col).max(start);
    let mut place = Place::Bytes(start..end);
    let mut message = ron_message(&e.code);
    let (code, mut hint) = code_and_hint(&e.code);
    if let E::MissingStructField { .. } = &e.code {
        // ron points at the closing bracket; the start of the struct is easier to find.
        if let Some(r) = locate::parse(src).and_then(|t| locate::enclosing_struct(&t, start)) {
            place = Place::Bytes(r.start..r.start);
        }
    }
    if code == "syntax" {
        if let Some(r) = locate::unclosed_string_before(src, start) {
            // A plain string ran over a line end and swallowed what followed: point at its start.
            place = Place::Bytes(r.start..r.start + 1);
            message = bi!(
                "deze tekst wordt niet gesloten op zijn regel",
                "this string is not closed on its line"
            );
            hint = Some(bi!(
                "zet de sluitende `\"` erbij; voor tekst over meer regels gebruik je een ruwe tekst: r#\"...\"#",
                "add the closing `\"`; for text over several lines use a raw string: r#\"...\"#"
            ));
        } else if matches!(e.code, E::ExpectedComma) {
            hint = Some(bi!(
                "aan het eind van de regel ervoor ontbreekt een komma",
                "a comma is missing at the end of the line before"
            ));
        }
    }
    let d = Diagnostic::error(code, place, message);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// The diagnostic code and the hint for a RON error.
fn code_and_hint(code: &E) -> (&'static str, Option<Bi>) {
    match code {
        E::NoSuchStructField { expected, .. } => {
            let list = expected.join(", ");
            (
                "unknown-field",
                Some(bi!(
                    "de velden die hier mogen: {list}",
                    "the fields allowed here are: {list}"
                )),
            )
        }
        E::MissingStructField { field, .. } => (
            "missing-field",
            Some(bi!("voeg `{field}: ...` toe", "add `{field}: ...`")),
        ),
        E::DuplicateStructField { .. } => (
            "duplicate-field",
            Some(bi!("haal een van de twee weg", "remove one of the two")),
        ),
        E::NoSuchEnumVariant { expected, .. } => {
            let list = expected.join(", ");
            (
                "unknown-variant",
                Some(bi!("schrijf een van: {list}", "write one of: {list}")),
            )
        }
        E::Eof => (
            "syntax",
            Some(bi!(
                "een haakje of aanhalingsteken wordt niet gesloten",
                "a bracket or a quote is not closed"
            )),
        ),
        _ => ("syntax", None),
    }
}

/// The deck's name for a type ron names: `Lang` is what a deck calls `Language`.
fn type_name(outer: &Option<String>) -> Option<String> {
    outer.as_deref().map(|o| match o {
        "Lang" => "Language".to_string(),
        o => o.to_string(),
    })
}

/// "`nl` of `en`", "een van `A`, `B` of `C`": what a variant may be, in Dutch.
fn one_of(expected: &[&str]) -> String {
    let quoted: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    match quoted.as_slice() {
        [] => "er zijn geen mogelijkheden".to_string(),
        [one] => format!("verwacht werd {one}"),
        [a, b] => format!("verwacht werd {a} of {b}"),
        [init @ .., last] => format!("verwacht werd een van {} of {last}", init.join(", ")),
    }
}

/// ron's message, in Dutch and English (the English as ron words it, with a lower-case start).
fn ron_message(code: &E) -> Bi {
    let en = lower_first(&code.to_string());
    let nl = match code {
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let alts = one_of(expected);
            let en = en.replace("in enum `Lang`,", "in enum `Language`,");
            let nl = match type_name(outer) {
                Some(t) => format!("onbekende variant `{found}` van `{t}`, {alts}"),
                None => format!("onbekende variant `{found}`, {alts}"),
            };
            return Bi { nl, en };
        }
        E::NoSuchStructField { found, .. } => format!("onbekend veld `{found}`"),
        E::MissingStructField { field, .. } => format!("het veld `{field}` ontbreekt"),
        E::DuplicateStructField { field, .. } => format!("het veld `{field}` staat er twee keer"),
        E::Eof => "het bestand houdt onverwacht op".to_string(),
        E::ExpectedArray => "hier hoort een openend `[`".to_string(),
        E::ExpectedArrayEnd => "hier hoort een sluitend `]`".to_string(),
        E::ExpectedComma => "hier hoort een komma".to_string(),
        E::ExpectedInteger => "hier hoort een heel getal".to_string(),
        E::ExpectedMap => "hier hoort een openend `{`".to_string(),
        E::ExpectedMapColon => "hier hoort een dubbele punt".to_string(),
        E::ExpectedMapEnd => "hier hoort een sluitend `}`".to_string(),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => {
            "hier hoort een sluitend `)`".to_string()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier hoort een openend `(`".to_string()
        }
        E::ExpectedString => "hier hoort een tekst tussen aanhalingstekens".to_string(),
        E::ExpectedStringEnd => "de tekst wordt niet gesloten".to_string(),
        E::ExpectedIdentifier => "hier hoort een naam".to_string(),
        E::ExpectedBoolean => "hier hoort `true` of `false`".to_string(),
        E::IntegerOutOfBounds => "het getal is te groot of te klein".to_string(),
        E::UnexpectedChar(c) => format!("onverwacht teken {c:?}"),
        E::UnclosedBlockComment => "een commentaar `/* … */` wordt niet gesloten".to_string(),
        E::Utf8Error(_) => "de tekst is geen geldige UTF-8".to_string(),
        E::InvalidValueForType { expected, found } => {
            format!("hier hoort {expected}, maar er staat {found}")
        }
        E::Message(m) => format!("ongeldige waarde: {m}"),
        _ => format!("dit is geen geldige RON ({en})"),
    };
    Bi { nl, en }
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
