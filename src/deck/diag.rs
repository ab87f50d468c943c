//! Diagnostics: a problem in a deck file, located at `path:line:column`.

use codespan_reporting::files::{Files, SimpleFile};
use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;

use super::locate::{self, Path};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
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
    /// A stable name for the kind of problem, e.g. `unknown-value` (listed in docs/authoring.md).
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    pub place: Place,
}

impl Diagnostic {
    pub fn error(code: &'static str, place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            hint: None,
            place,
        }
    }

    pub fn warning(code: &'static str, place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: message.into(),
            hint: None,
            place,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A diagnostic with its position in the file worked out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Located {
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip)]
    pub span: Range<usize>,
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

/// The header line and the source line with a caret under the place, then the hint.
///
/// ```text
/// levels/x.ron:12:27: error: effect on unknown value `klantcentraal`
///    |
/// 12 |             effects: {"klantcentraal": 2},
///    |                       ^^^^^^^^^^^^^^^
///    = hint: ...
/// ```
pub fn render_text(d: &Located, src: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}:{}:{}: {}: {}",
        d.path,
        d.line,
        d.column,
        d.severity.word(),
        d.message
    );
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
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "{pad} = hint: {h}");
        }
    } else if let Some(h) = &d.hint {
        let _ = writeln!(out, "  = hint: {h}");
    }
    out
}

/// One JSON object per line, for editors.
pub fn render_json(d: &Located) -> String {
    serde_json::to_string(d).unwrap_or_else(|_| "{}".to_string())
}

/// The first line of a diagnostic, `path:line:col: severity: message`.
pub fn headline(d: &Located) -> String {
    format!(
        "{}:{}:{}: {}: {}",
        d.path,
        d.line,
        d.column,
        d.severity.word(),
        d.message
    )
}
