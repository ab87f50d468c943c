//! The semantic rules of a deck, and the balance lint. Every problem is reported, each at the
//! place in the source it is about.

use std::collections::{HashMap, HashSet};

use std::path::Path as FsPath;

use super::diag::{Diagnostic, Place};
use super::locate::Step::{self, Field, FieldName, Index, Key, Val};
use super::types::{Deck, Scenario};

/// Effects are whole numbers in this range.
pub const EFFECT_MIN: i64 = -3;
pub const EFFECT_MAX: i64 = 3;
pub const MIN_BEHAVIOURS: usize = 2;
pub const MAX_BEHAVIOURS: usize = 6;
/// Above this many characters a situation no longer fits the projected screen without scrolling.
pub const LONG_SITUATION: usize = 1500;
/// The most questions a checklist may have (they are ticked one by one for every proposal).
pub const MAX_CHECKLIST: usize = 8;

fn at(steps: &[Step]) -> Place {
    Place::Path(steps.to_vec())
}

/// All rules that concern one deck on its own. `assets` is the folder images are looked up in
/// (`None`: images are not checked).
pub fn validate(deck: &Deck, assets: Option<&FsPath>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if deck.id.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at(&[Field("id")]),
            "the deck has an empty `id`",
        ));
    } else if !is_valid_id(&deck.id) {
        out.push(invalid_id("deck", &deck.id, at(&[Field("id")])));
    }
    if deck.title.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at(&[Field("title")]),
            "the deck has an empty `title`",
        ));
    }

    // Values.
    if deck.values.is_empty() {
        out.push(
            Diagnostic::error(
                "no-values",
                at(&[FieldName("values")]),
                "the deck defines no values",
            )
            .with_hint("add at least one `Value(id: \"...\", name: \"...\", meaning: \"...\")`"),
        );
    }
    let mut value_ids: HashMap<&str, usize> = HashMap::with_capacity(deck.values.len());
    for (i, v) in deck.values.iter().enumerate() {
        if v.id.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                at(&[Field("values"), Index(i), Field("id")]),
                "a value has an empty `id`",
            ));
        } else {
            if !is_valid_value_id(&v.id) {
                out.push(invalid_id(
                    "value",
                    &v.id,
                    at(&[Field("values"), Index(i), Field("id")]),
                ));
            }
            if let Some(first) = value_ids.insert(v.id.as_str(), i) {
                value_ids.insert(v.id.as_str(), first);
                out.push(
                    Diagnostic::error(
                        "duplicate-value",
                        at(&[Field("values"), Index(i), Field("id")]),
                        format!("value id `{}` is defined twice", v.id),
                    )
                    .with_hint(format!(
                        "the first definition is value number {}",
                        first + 1
                    )),
                );
            }
        }
        if v.name.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                at(&[Field("values"), Index(i), Field("name")]),
                format!("value `{}` has an empty `name`", v.id),
            ));
        }
    }

    // The checklist for proposed agreements (optional).
    for (i, q) in deck.checklist.iter().enumerate() {
        if q.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                at(&[Field("checklist"), Index(i)]),
                format!("checklist question {} is empty", i + 1),
            ));
        }
    }
    if deck.checklist.len() > MAX_CHECKLIST {
        out.push(
            Diagnostic::error(
                "long-checklist",
                at(&[Field("checklist"), Index(MAX_CHECKLIST)]),
                format!(
                    "the checklist has {} questions; at most {MAX_CHECKLIST}",
                    deck.checklist.len()
                ),
            )
            .with_hint("keep the questions a subgroup can check in a minute"),
        );
    }

    // Scenarios.
    if deck.scenarios.is_empty() {
        out.push(
            Diagnostic::error(
                "no-scenarios",
                at(&[FieldName("scenarios")]),
                "the deck has no scenarios",
            )
            .with_hint("add at least one `Scenario(...)`; see levels/_sjabloon.ron"),
        );
    }
    let mut scenario_ids: HashMap<&str, usize> = HashMap::with_capacity(deck.scenarios.len());
    for (si, s) in deck.scenarios.iter().enumerate() {
        if s.id.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                at(&[Field("scenarios"), Index(si), Field("id")]),
                "a scenario has an empty `id`",
            ));
        } else if let Some(&first) = scenario_ids.get(s.id.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-scenario",
                    at(&[Field("scenarios"), Index(si), Field("id")]),
                    format!("scenario id `{}` is used twice in this deck", s.id),
                )
                .with_hint(format!(
                    "scenario number {} has the same id; ids must be unique",
                    first + 1
                )),
            );
        } else {
            scenario_ids.insert(s.id.as_str(), si);
        }
        if !s.id.trim().is_empty() && !is_valid_id(&s.id) {
            out.push(invalid_id(
                "scenario",
                &s.id,
                at(&[Field("scenarios"), Index(si), Field("id")]),
            ));
        }
        validate_scenario(deck, si, s, &value_ids, assets, &mut out);
    }

    // Follow-ups: they must exist and must not form a cycle.
    let next_of: Vec<Option<usize>> = deck
        .scenarios
        .iter()
        .map(|s| {
            s.follow_up
                .as_deref()
                .and_then(|n| scenario_ids.get(n).copied())
        })
        .collect();
    for (si, s) in deck.scenarios.iter().enumerate() {
        if let Some(next) = &s.follow_up
            && next_of[si].is_none()
        {
            out.push(
                Diagnostic::error(
                    "unknown-follow-up",
                    at(&[Field("scenarios"), Index(si), Field("follow_up")]),
                    format!("follow-up scenario `{next}` does not exist"),
                )
                .with_hint(suggest(next, scenario_ids.keys().copied())),
            );
        }
    }
    // The recommended start must be one of the deck's scenarios.
    if let Some(start) = &deck.start
        && !scenario_ids.contains_key(start.as_str())
    {
        out.push(
            Diagnostic::error(
                "unknown-start",
                at(&[Field("start")]),
                format!("start scenario `{start}` does not exist"),
            )
            .with_hint(suggest(start, scenario_ids.keys().copied())),
        );
    }
    // Walk each chain once (0: not seen, 1: on the chain being walked, 2: done): linear time.
    let mut state = vec![0u8; deck.scenarios.len()];
    for start in 0..deck.scenarios.len() {
        let mut chain = Vec::new();
        let mut cur = Some(start);
        while let Some(c) = cur {
            if state[c] != 0 {
                break;
            }
            state[c] = 1;
            chain.push(c);
            cur = next_of[c];
        }
        if let Some(c) = cur
            && state[c] == 1
        {
            let pos = chain.iter().position(|&k| k == c).unwrap_or(0);
            let cycle = &chain[pos..];
            let first = cycle.iter().copied().min().unwrap_or(c);
            let at_first = cycle.iter().position(|&k| k == first).unwrap_or(0);
            let mut names: Vec<&str> = cycle[at_first..]
                .iter()
                .chain(&cycle[..at_first])
                .map(|&k| deck.scenarios[k].id.as_str())
                .collect();
            names.push(deck.scenarios[first].id.as_str());
            out.push(
                Diagnostic::error(
                    "follow-up-cycle",
                    at(&[Field("scenarios"), Index(first), Field("follow_up")]),
                    format!("follow-ups form a cycle: {}", names.join(" → ")),
                )
                .with_hint("a follow-up chain must end; remove one `follow_up`"),
            );
        }
        for k in chain {
            state[k] = 2;
        }
    }

    // A deck value that no behaviour touches can never score.
    if !deck.values.is_empty() && !deck.scenarios.is_empty() {
        let touched: HashSet<&str> = deck
            .scenarios
            .iter()
            .flat_map(|s| s.behaviours.iter())
            .flat_map(|b| {
                b.effects
                    .iter()
                    .filter(|(_, e)| *e != 0)
                    .map(|(v, _)| v.as_str())
            })
            .collect();
        for (i, v) in deck.values.iter().enumerate() {
            if !touched.contains(v.id.as_str()) {
                out.push(
                    Diagnostic::warning(
                        "unused-value",
                        at(&[Field("values"), Index(i), Field("id")]),
                        format!("no behaviour has an effect on value `{}`", v.id),
                    )
                    .with_hint("a team that agrees on this value can never score on it; add effects or remove the value"),
                );
            }
        }
    }
    out
}

fn validate_scenario(
    deck: &Deck,
    si: usize,
    s: &Scenario,
    value_ids: &HashMap<&str, usize>,
    assets: Option<&FsPath>,
    out: &mut Vec<Diagnostic>,
) {
    let sc = |rest: &[Step]| {
        let mut p = vec![Field("scenarios"), Index(si)];
        p.extend_from_slice(rest);
        Place::Path(p)
    };
    let name = &s.id;
    if s.title.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            sc(&[Field("title")]),
            format!("scenario `{name}` has an empty `title`"),
        ));
    }
    if s.situation.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            sc(&[Field("situation")]),
            format!("scenario `{name}` has an empty `situation`"),
        ));
    } else if s.situation.chars().count() > LONG_SITUATION {
        out.push(
            Diagnostic::warning(
                "long-situation",
                sc(&[Field("situation")]),
                format!(
                    "the situation of `{name}` has {} characters; the projected screen will have to scroll",
                    s.situation.chars().count()
                ),
            )
            .with_hint(format!("keep a situation under {LONG_SITUATION} characters; move background to `notes`")),
        );
    }

    let n = s.behaviours.len();
    if !(MIN_BEHAVIOURS..=MAX_BEHAVIOURS).contains(&n) {
        out.push(
            Diagnostic::error(
                "behaviour-count",
                sc(&[FieldName("behaviours")]),
                format!("scenario `{name}` has {n} behaviour(s); a scenario needs 2 to 6"),
            )
            .with_hint("a choice needs at least two behaviours, and keys run from A to F"),
        );
    }
    let mut keys = HashMap::new();
    for (bi, b) in s.behaviours.iter().enumerate() {
        let bp = |rest: &[Step]| {
            let mut p = vec![Field("behaviours"), Index(bi)];
            p.extend_from_slice(rest);
            sc(&p)
        };
        if let Some(first) = keys.insert(b.key, bi) {
            keys.insert(b.key, first);
            out.push(
                Diagnostic::error(
                    "duplicate-key",
                    bp(&[Field("key")]),
                    format!("behaviour key {} is used twice in scenario `{name}`", b.key),
                )
                .with_hint("give each behaviour its own letter, A to F"),
            );
        }
        if b.text.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                bp(&[Field("text")]),
                format!("behaviour {} of `{name}` has an empty `text`", b.key),
            ));
        }
        if b.consequence.trim().is_empty() {
            out.push(
                Diagnostic::warning(
                    "no-consequence",
                    bp(&[FieldName("key")]),
                    format!("behaviour {} of `{name}` has no `consequence`", b.key),
                )
                .with_hint("the reveal shows what happens next; add `consequence: \"...\"`"),
            );
        }
        if b.effects.iter().all(|(_, e)| *e == 0) {
            out.push(
                Diagnostic::warning(
                    "no-effects",
                    bp(&[FieldName("key")]),
                    format!("behaviour {} of `{name}` has no effect on any value", b.key),
                )
                .with_hint("it scores 0 for every team; add `effects: {\"value_id\": 1}`"),
            );
        }
        let mut seen_values: HashMap<&str, usize> = HashMap::new();
        for (ei, (v, e)) in b.effects.iter().enumerate() {
            if deck.values.is_empty() {
                // Reported once as `no-values`.
            } else if !value_ids.contains_key(v.as_str()) {
                out.push(
                    Diagnostic::error(
                        "unknown-value",
                        bp(&[Field("effects"), Key(ei)]),
                        format!("effect on unknown value `{v}`"),
                    )
                    .with_hint(suggest(v, deck.values.iter().map(|d| d.id.as_str()))),
                );
            } else if seen_values.insert(v.as_str(), ei).is_some() {
                out.push(Diagnostic::error(
                    "duplicate-effect",
                    bp(&[Field("effects"), Key(ei)]),
                    format!(
                        "value `{v}` appears twice in the effects of behaviour {}",
                        b.key
                    ),
                ));
            }
            if !(EFFECT_MIN..=EFFECT_MAX).contains(e) {
                out.push(
                    Diagnostic::error(
                        "effect-range",
                        bp(&[Field("effects"), Val(ei)]),
                        format!("effect {e} on `{v}` is outside -3…+3"),
                    )
                    .with_hint(
                        "effects are whole numbers from -3 (strongly against) to +3 (strongly for)",
                    ),
                );
            }
        }
    }

    if let Some(img) = &s.image {
        let place = sc(&[Field("image")]);
        let p = FsPath::new(img);
        if img.trim().is_empty()
            || p.is_absolute()
            || p.components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
        {
            out.push(
                Diagnostic::error(
                    "image-path",
                    place,
                    format!("image `{img}` must be a path inside `assets/`"),
                )
                .with_hint("write it relative to assets/, e.g. `images/balie.png`"),
            );
        } else if let Some(dir) = assets
            && !dir.join(p).is_file()
        {
            out.push(
                Diagnostic::error(
                    "missing-image",
                    place,
                    format!("image `{img}` does not exist"),
                )
                .with_hint(format!("looked for {}", dir.join(p).display())),
            );
        }
    }

    if let Some(d) = dominant(deck, s).filter(|_| !deck.values.is_empty()) {
        let b = &s.behaviours[d];
        out.push(
            Diagnostic::warning(
                "dominant-behaviour",
                sc(&[Field("behaviours"), Index(d), Field("key")]),
                format!(
                    "behaviour {} of `{name}` scores at least as high as every other behaviour for every set of values and weights: the dilemma is trivial",
                    b.key
                ),
            )
            .with_hint(format!("give another behaviour a value on which it beats {}, or give {} a cost", b.key, b.key)),
        );
    }
}

/// The first behaviour that is at least as good as every other one on every deck value: then it
/// wins (or ties) for every team, whatever it agreed on, and the scenario is no dilemma.
pub fn dominant(deck: &Deck, s: &Scenario) -> Option<usize> {
    if s.behaviours.len() < 2 {
        return None;
    }
    let table: Vec<Vec<i64>> = s
        .behaviours
        .iter()
        .map(|b| deck.values.iter().map(|v| b.effect(&v.id)).collect())
        .collect();
    (0..table.len()).find(|&i| {
        table
            .iter()
            .enumerate()
            .all(|(j, other)| j == i || table[i].iter().zip(other).all(|(a, b)| a >= b))
    })
}

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

fn invalid_id(what: &str, id: &str, place: Place) -> Diagnostic {
    let (allowed, sep) = if what == "value" {
        ("lowercase letters, digits, dashes and underscores", '_')
    } else {
        ("lowercase letters and digits, joined by dashes", '-')
    };
    let d = Diagnostic::error(
        "invalid-id",
        place,
        format!("{what} id `{id}` may only contain {allowed}"),
    );
    let fixed = slug(id, sep);
    if fixed.is_empty() {
        d
    } else {
        d.with_hint(format!("for example `{fixed}`"))
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

/// "did you mean" for a misspelt id.
fn suggest<'a>(wrong: &str, options: impl Iterator<Item = &'a str>) -> String {
    let mut all: Vec<&str> = options.collect();
    all.sort_unstable();
    let best = all
        .iter()
        .map(|o| (edit_distance(wrong, o), *o))
        .filter(|(d, o)| *d <= 2.max(o.len() / 3))
        .min();
    match best {
        Some((_, o)) => format!("did you mean `{o}`?"),
        None if all.is_empty() => "there is nothing defined to refer to yet".to_string(),
        None => {
            let shown: Vec<&str> = all.iter().take(12).copied().collect();
            format!(
                "known ids: {}{}",
                shown.join(", "),
                if all.len() > 12 { ", …" } else { "" }
            )
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
