//! The rules of one scenario: its texts, its behaviours and their effects, its image, and whether
//! it is a dilemma at all. Every message in Dutch and English.

use std::collections::HashMap;
use std::path::Path as FsPath;

use super::diag::{Diagnostic, Place};
use super::ids::suggest;
use super::limits::{EFFECT_MAX, EFFECT_MIN, LONG_SITUATION, MAX_BEHAVIOURS, MIN_BEHAVIOURS};
use super::locate::Step::{self, Field, FieldName, Index, Key, Val};
use super::types::{Behaviour, Deck, Scenario};
use crate::bi;

/// Builds the place of something inside scenario `si`.
struct At(usize);

impl At {
    fn sc(&self, rest: &[Step]) -> Place {
        let mut p = vec![Field("scenarios"), Index(self.0)];
        p.extend_from_slice(rest);
        Place::Path(p)
    }

    fn behaviour(&self, bi: usize, rest: &[Step]) -> Place {
        let mut p = vec![Field("behaviours"), Index(bi)];
        p.extend_from_slice(rest);
        self.sc(&p)
    }
}

pub(super) fn validate_scenario(
    deck: &Deck,
    si: usize,
    s: &Scenario,
    value_ids: &HashMap<&str, usize>,
    assets: Option<&FsPath>,
    out: &mut Vec<Diagnostic>,
) {
    let at = At(si);
    scenario_texts(&at, s, out);
    let name = &s.id;
    let n = s.behaviours.len();
    if !(MIN_BEHAVIOURS..=MAX_BEHAVIOURS).contains(&n) {
        out.push(
            Diagnostic::error(
                "behaviour-count",
                at.sc(&[FieldName("behaviours")]),
                bi!(
                    "scenario `{name}` heeft {n} gedrag(ingen); een scenario heeft er 2 tot 6 nodig",
                    "scenario `{name}` has {n} behaviour(s); a scenario needs 2 to 6"
                ),
            )
            .with_hint(bi!(
                "een keuze vraagt minstens twee gedragingen, en de letters lopen van A tot F",
                "a choice needs at least two behaviours, and keys run from A to F"
            )),
        );
    }
    let mut keys = HashMap::new();
    for (bi, b) in s.behaviours.iter().enumerate() {
        if let Some(first) = keys.insert(b.key, bi) {
            keys.insert(b.key, first);
            let key = b.key;
            out.push(
                Diagnostic::error(
                    "duplicate-key",
                    at.behaviour(bi, &[Field("key")]),
                    bi!(
                        "gedragsletter {key} komt twee keer voor in scenario `{name}`",
                        "behaviour key {key} is used twice in scenario `{name}`"
                    ),
                )
                .with_hint(bi!(
                    "geef elk gedrag een eigen letter, A tot F",
                    "give each behaviour its own letter, A to F"
                )),
            );
        }
        behaviour_rules(deck, &at, bi, b, name, value_ids, out);
    }
    if let Some(img) = &s.image {
        image_rules(img, at.sc(&[Field("image")]), assets, out);
    }
    if let Some(d) = dominant(deck, s).filter(|_| !deck.values.is_empty()) {
        let key = s.behaviours[d].key;
        out.push(
            Diagnostic::warning(
                "dominant-behaviour",
                at.sc(&[Field("behaviours"), Index(d), Field("key")]),
                bi!(
                    "gedrag {key} van `{name}` scoort voor elke keuze van waarden en gewichten minstens zo hoog als elk ander gedrag: het dilemma is geen dilemma",
                    "behaviour {key} of `{name}` scores at least as high as every other behaviour for every set of values and weights: the dilemma is trivial"
                ),
            )
            .with_hint(bi!(
                "geef een ander gedrag een waarde waarop het {key} verslaat, of geef {key} een prijs",
                "give another behaviour a value on which it beats {key}, or give {key} a cost"
            )),
        );
    }
}

fn scenario_texts(at: &At, s: &Scenario, out: &mut Vec<Diagnostic>) {
    let name = &s.id;
    if s.title.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at.sc(&[Field("title")]),
            bi!(
                "scenario `{name}` heeft een lege `title`",
                "scenario `{name}` has an empty `title`"
            ),
        ));
    }
    if s.situation.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at.sc(&[Field("situation")]),
            bi!(
                "scenario `{name}` heeft een lege `situation`",
                "scenario `{name}` has an empty `situation`"
            ),
        ));
    } else if s.situation.chars().count() > LONG_SITUATION {
        let n = s.situation.chars().count();
        out.push(
            Diagnostic::warning(
                "long-situation",
                at.sc(&[Field("situation")]),
                bi!(
                    "de situatie van `{name}` heeft {n} tekens; op het projectiescherm moet dan gescrold worden",
                    "the situation of `{name}` has {n} characters; the projected screen will have to scroll"
                ),
            )
            .with_hint(bi!(
                "houd een situatie onder {LONG_SITUATION} tekens; zet achtergrond in `notes`",
                "keep a situation under {LONG_SITUATION} characters; move background to `notes`"
            )),
        );
    }
}

fn behaviour_rules(
    deck: &Deck,
    at: &At,
    bi: usize,
    b: &Behaviour,
    name: &str,
    value_ids: &HashMap<&str, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let key = b.key;
    if b.text.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at.behaviour(bi, &[Field("text")]),
            bi!(
                "gedrag {key} van `{name}` heeft een lege `text`",
                "behaviour {key} of `{name}` has an empty `text`"
            ),
        ));
    }
    if b.consequence.trim().is_empty() {
        out.push(
            Diagnostic::warning(
                "no-consequence",
                at.behaviour(bi, &[FieldName("key")]),
                bi!(
                    "gedrag {key} van `{name}` heeft geen `consequence`",
                    "behaviour {key} of `{name}` has no `consequence`"
                ),
            )
            .with_hint(bi!(
                "de onthulling laat zien wat er daarna gebeurt; voeg `consequence: \"...\"` toe",
                "the reveal shows what happens next; add `consequence: \"...\"`"
            )),
        );
    }
    if b.effects.iter().all(|(_, e)| *e == 0) {
        out.push(
            Diagnostic::warning(
                "no-effects",
                at.behaviour(bi, &[FieldName("key")]),
                bi!(
                    "gedrag {key} van `{name}` heeft op geen enkele waarde effect",
                    "behaviour {key} of `{name}` has no effect on any value"
                ),
            )
            .with_hint(bi!(
                "het scoort 0 voor elk team; voeg `effects: {{\"waarde_id\": 1}}` toe",
                "it scores 0 for every team; add `effects: {{\"value_id\": 1}}`"
            )),
        );
    }
    effect_rules(deck, at, bi, b, value_ids, out);
}

/// The effects of behaviour `bi`: known values, each once, within -3…+3.
fn effect_rules(
    deck: &Deck,
    at: &At,
    bi: usize,
    b: &Behaviour,
    value_ids: &HashMap<&str, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let key = b.key;
    let mut seen_values: HashMap<&str, usize> = HashMap::new();
    for (ei, (v, e)) in b.effects.iter().enumerate() {
        if deck.values.is_empty() {
            // Reported once as `no-values`.
        } else if !value_ids.contains_key(v.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-value",
                    at.behaviour(bi, &[Field("effects"), Key(ei)]),
                    bi!(
                        "effect op onbekende waarde `{v}`",
                        "effect on unknown value `{v}`"
                    ),
                )
                .with_hint(suggest(v, deck.values.iter().map(|d| d.id.as_str()))),
            );
        } else if seen_values.insert(v.as_str(), ei).is_some() {
            out.push(Diagnostic::error(
                "duplicate-effect",
                at.behaviour(bi, &[Field("effects"), Key(ei)]),
                bi!(
                    "waarde `{v}` staat twee keer in de effecten van gedrag {key}",
                    "value `{v}` appears twice in the effects of behaviour {key}"
                ),
            ));
        }
        if !(EFFECT_MIN..=EFFECT_MAX).contains(e) {
            out.push(
                Diagnostic::error(
                    "effect-range",
                    at.behaviour(bi, &[Field("effects"), Val(ei)]),
                    bi!(
                        "effect {e} op `{v}` ligt buiten -3…+3",
                        "effect {e} on `{v}` is outside -3…+3"
                    ),
                )
                .with_hint(bi!(
                    "effecten zijn hele getallen van -3 (sterk tegen) tot +3 (sterk voor)",
                    "effects are whole numbers from -3 (strongly against) to +3 (strongly for)"
                )),
            );
        }
    }
}

fn image_rules(img: &str, place: Place, assets: Option<&FsPath>, out: &mut Vec<Diagnostic>) {
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
                bi!(
                    "afbeelding `{img}` moet een pad binnen `assets/` zijn",
                    "image `{img}` must be a path inside `assets/`"
                ),
            )
            .with_hint(bi!(
                "schrijf het vanaf assets/, bijvoorbeeld `images/balie.png`",
                "write it relative to assets/, e.g. `images/balie.png`"
            )),
        );
    } else if let Some(dir) = assets
        && !dir.join(p).is_file()
    {
        let looked = dir.join(p).display().to_string();
        out.push(
            Diagnostic::error(
                "missing-image",
                place,
                bi!(
                    "afbeelding `{img}` bestaat niet",
                    "image `{img}` does not exist"
                ),
            )
            .with_hint(bi!("gezocht: {looked}", "looked for {looked}")),
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
