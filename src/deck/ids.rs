//! Ids: what a deck, scenario or value id may look like, a fixed-up example when one does not, and
//! "did you mean" for an id that names nothing.

use super::diag::{Diagnostic, Place};
use crate::bi;
use crate::lang::Bi;

/// A deck or scenario id as docs/authoring.md describes it: lowercase letters and digits in parts
/// joined by single dashes (`mijn-team`, `balie-2`). Ids name files and journal lines.
pub fn is_valid_id(id: &str) -> bool {
    id.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// A value id may also join its parts with `_` (`klant_centraal`).
pub fn is_valid_value_id(id: &str) -> bool {
    id.split('_')
        .all(|part| !part.is_empty() && is_valid_id(part))
}

/// `invalid-id` for the id of a `what`: `"deck"`, `"scenario"` or `"value"`.
pub(super) fn invalid_id(what: &str, id: &str, place: Place) -> Diagnostic {
    let message = match what {
        "value" => bi!(
            "waarde-id `{id}` mag alleen kleine letters, cijfers, streepjes en lage streepjes bevatten",
            "value id `{id}` may only contain lowercase letters, digits, dashes and underscores"
        ),
        "deck" => bi!(
            "deck-id `{id}` mag alleen kleine letters en cijfers bevatten, verbonden door streepjes",
            "deck id `{id}` may only contain lowercase letters and digits, joined by dashes"
        ),
        _ => bi!(
            "{what}-id `{id}` mag alleen kleine letters en cijfers bevatten, verbonden door streepjes",
            "{what} id `{id}` may only contain lowercase letters and digits, joined by dashes"
        ),
    };
    let d = Diagnostic::error("invalid-id", place, message);
    let fixed = slug(id, if what == "value" { '_' } else { '-' });
    if fixed.is_empty() {
        d
    } else {
        d.with_hint(bi!("bijvoorbeeld `{fixed}`", "for example `{fixed}`"))
    }
}

/// `Mijn Team!` → `mijn-team`: lowercase, common accents dropped, other characters to `sep`.
fn slug(id: &str, sep: char) -> String {
    let mut out = String::new();
    for c in id.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() || (sep == '_' && c == '-') {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(sep) && !out.ends_with('-') {
            out.push(sep);
        }
    }
    out.trim_end_matches(['-', '_']).to_string()
}

/// "did you mean" for a misspelt id, in Dutch and English.
pub(super) fn suggest<'a>(wrong: &str, options: impl Iterator<Item = &'a str>) -> Bi {
    let mut all: Vec<&str> = options.collect();
    all.sort_unstable();
    let best = all
        .iter()
        .map(|o| (edit_distance(wrong, o), *o))
        .filter(|(d, o)| *d <= 2.max(o.len() / 3))
        .min();
    match best {
        Some((_, o)) => bi!("bedoel je `{o}`?", "did you mean `{o}`?"),
        None if all.is_empty() => bi!(
            "er is nog niets gedefinieerd om naar te verwijzen",
            "there is nothing defined to refer to yet"
        ),
        None => {
            let shown: Vec<&str> = all.iter().take(12).copied().collect();
            let more = if all.len() > 12 { ", …" } else { "" };
            let shown = shown.join(", ");
            bi!("bekende ids: {shown}{more}", "known ids: {shown}{more}")
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
