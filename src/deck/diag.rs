//! Diagnostics: a problem in a deck file, located at `path:line:column`.

use codespan_reporting::files::{Files, SimpleFile};
use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;

use super::locate::{self, Path};
use crate::lang::{Bi, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// `warning` or `error`: the word editors look for after `path:line:col:`, in every language.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where a diagnostic points before its position is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// A place in the deck's structure, found in the source only when the diagnostic is reported.
    Path(Path),
    /// A byte range already known (from the RON parser).
    Bytes(Range<usize>),
    /// The file as a whole (line 1, column 1).
    File,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable name for the kind of problem, e.g. `unknown-value` (listed in docs/authoring.md);
    /// the same in every language.
    pub code: &'static str,
    /// What is wrong, in Dutch and English.
    pub message: Bi,
    /// What to do about it ("did you mean …"), in Dutch and English.
    pub hint: Option<Bi>,
    pub place: Place,
}

impl Diagnostic {
    pub fn error(code: &'static str, place: Place, message: Bi) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message,
            hint: None,
            place,
        }
    }

    pub fn warning(code: &'static str, place: Place, message: Bi) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message,
            hint: None,
            place,
        }
    }

    pub fn with_hint(mut self, hint: Bi) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// A diagnostic with its position in the file worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub severity: Severity,
    pub code: &'static str,
    /// What is wrong, in Dutch and English.
    pub message: Bi,
    /// What to do about it, in Dutch and English.
    pub hint: Option<Bi>,
    pub span: Range<usize>,
}

impl Located {
    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        self.message.text(lang)
    }

    /// The hint in `lang`, if any.
    pub fn hint_in(&self, lang: Lang) -> Option<&str> {
        self.hint.as_ref().map(|h| h.text(lang))
    }
}

/// What `render_json` writes: one language's texts.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    severity: Severity,
    code: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
}

/// Work out the positions of `diags` in `src` (reads the source's structure once, only if needed).
pub fn locate(file_name: &str, src: &str, diags: Vec<Diagnostic>) -> Vec<Located> {
    let needs_tree = diags.iter().any(|d| matches!(d.place, Place::Path(_)));
    let tree = if needs_tree { locate::parse(src) } else { None };
    let file = SimpleFile::new(file_name, src);
    diags
        .into_iter()
        .map(|d| {
            let span = match &d.place {
                Place::Path(p) => tree.as_ref().map_or(0..0, |t| locate::resolve(t, p)),
                Place::Bytes(r) => r.clone(),
                Place::File => 0..0,
            };
            let start = clamp_to_char(src, span.start);
            let end = clamp_to_char(src, span.end.max(start));
            let (line, column) = match file.location((), start) {
                Ok(loc) => (loc.line_number, loc.column_number),
                Err(_) => (1, 1),
            };
            Located {
                path: file_name.to_string(),
                line,
                column,
                severity: d.severity,
                code: d.code,
                message: d.message,
                hint: d.hint,
                span: start..end,
            }
        })
        .collect()
}

fn clamp_to_char(src: &str, mut i: usize) -> usize {
    i = i.min(src.len());
    while !src.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The header line and the source line with a caret under the place, then the hint, in `lang`
/// (the hint's label is `hint` in English, `tip` in Dutch).
///
/// ```text
/// levels/x.ron:12:27: error: effect on unknown value `klantcentraal`
///    |
/// 12 |             effects: {"klantcentraal": 2},
///    |                       ^^^^^^^^^^^^^^^
///    = hint: ...
/// ```
pub fn render_text(d: &Located, src: &str, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", headline(d, lang));
    let label = lang.pick("tip", "hint");
    let start = d.span.start.min(src.len());
    let line_start = src[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = src[line_start..]
        .find('\n')
        .map_or(src.len(), |p| line_start + p);
    let line_text = src[line_start..line_end].trim_end_matches('\r');
    if !src.is_empty() {
        let gutter = d.line.to_string().len();
        let pad = " ".repeat(gutter);
        // Long lines are cut to a window around the place.
        let before_all = src[line_start..start].chars().count();
        let skip = before_all.saturating_sub(60);
        let mut shown: String = if skip > 0 {
            "…".to_string()
        } else {
            String::new()
        };
        shown.extend(
            line_text
                .chars()
                .skip(skip)
                .take(160)
                .map(|c| if c == '\t' { ' ' } else { c }),
        );
        let before = before_all - skip + usize::from(skip > 0);
        let end = d
            .span
            .end
            .clamp(start, (line_start + line_text.len()).max(start));
        let width = src[start..end]
            .chars()
            .count()
            .clamp(1, 160usize.saturating_sub(before).max(1));
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{} | {}", d.line, shown);
        let _ = writeln!(out, "{pad} | {}{}", " ".repeat(before), "^".repeat(width));
        if let Some(h) = d.hint_in(lang) {
            let _ = writeln!(out, "{pad} = {label}: {h}");
        }
    } else if let Some(h) = d.hint_in(lang) {
        let _ = writeln!(out, "  = {label}: {h}");
    }
    out
}

/// One JSON object per line, for editors, with the message and hint in `lang`.
pub fn render_json(d: &Located, lang: Lang) -> String {
    let json = JsonDiagnostic {
        path: &d.path,
        line: d.line,
        column: d.column,
        severity: d.severity,
        code: d.code,
        message: d.message_in(lang),
        hint: d.hint_in(lang),
    };
    serde_json::to_string(&json).unwrap_or_else(|_| "{}".to_string())
}

/// The first line of a diagnostic, `path:line:col: severity: message`, with the message in `lang`
/// (`severity` stays `error` or `warning`, the words editors look for).
pub fn headline(d: &Located, lang: Lang) -> String {
    format!(
        "{}:{}:{}: {}: {}",
        d.path,
        d.line,
        d.column,
        d.severity.word(),
        d.message_in(lang)
    )
}

/// [`headline`] in both languages.
pub fn headline_bi(d: &Located) -> Bi {
    Bi {
        nl: headline(d, Lang::Nl),
        en: headline(d, Lang::En),
    }
}
