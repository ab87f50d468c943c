//! How the outputs write text and numbers: escaping for Markdown and HTML, numbers with a real
//! minus sign, points with their unit, a capital first letter.

use crate::lang::{Key, Lang, R};

/// One line of Markdown text: newlines become spaces and characters with a meaning in Markdown at
/// the start of a line or in emphasis are escaped.
pub fn md(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for HTML.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A number as shown in the reports: a loss with the minus sign (−), the same in every report.
pub fn num(n: i64) -> String {
    if n < 0 {
        format!("−{}", n.unsigned_abs())
    } else {
        n.to_string()
    }
}

/// A change: a gain with its "+", a loss with "−", nothing as "0".
pub fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { num(n) }
}

/// A number of points with its unit in the right form ("1 punt", "−3 punten", "0 points"); with
/// `sign`, a gain gets its "+".
pub fn with_unit(lang: Lang, n: i64, sign: bool) -> String {
    let unit = if n.unsigned_abs() == 1 {
        R::Point
    } else {
        R::Points
    };
    let n = if sign { signed(n) } else { num(n) };
    format!("{n} {}", unit.tr(lang))
}

/// The text with a capital first letter.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
