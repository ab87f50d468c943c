//! The semantic rules of a deck, and the balance lint. Every problem is reported, each at the
//! place in the source it is about, in Dutch and English. The rules of one scenario are in
//! `rules_scenario.rs`, ids and "did you mean" in `ids.rs`, the limits both check in `limits.rs`.

use std::collections::{HashMap, HashSet};

use std::path::Path as FsPath;

use super::diag::{Diagnostic, Place};
use super::ids::{invalid_id, suggest};
use super::locate::Step::{self, Field, FieldName, Index};
use super::types::Deck;
use crate::bi;

pub use super::ids::{is_valid_id, is_valid_value_id};
pub use super::limits::{
    EFFECT_MAX, EFFECT_MIN, LONG_SITUATION, MAX_BEHAVIOURS, MAX_CHECKLIST, MIN_BEHAVIOURS,
};
pub use super::rules_scenario::dominant;

pub(super) fn at(steps: &[Step]) -> Place {
    Place::Path(steps.to_vec())
}

/// All rules that concern one deck on its own. `assets` is the folder images are looked up in
/// (`None`: images are not checked).
pub fn validate(deck: &Deck, assets: Option<&FsPath>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    validate_head(deck, &mut out);
    let value_ids = validate_values(deck, &mut out);
    validate_checklist(deck, &mut out);
    let scenario_ids = validate_scenarios(deck, &value_ids, assets, &mut out);
    validate_follow_ups(deck, &scenario_ids, &mut out);
    validate_unused_values(deck, &mut out);
    out
}

fn validate_head(deck: &Deck, out: &mut Vec<Diagnostic>) {
    if deck.id.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at(&[Field("id")]),
            bi!("het deck heeft een lege `id`", "the deck has an empty `id`"),
        ));
    } else if !is_valid_id(&deck.id) {
        out.push(invalid_id("deck", &deck.id, at(&[Field("id")])));
    }
    if deck.title.trim().is_empty() {
        out.push(Diagnostic::error(
            "empty-text",
            at(&[Field("title")]),
            bi!(
                "het deck heeft een lege `title`",
                "the deck has an empty `title`"
            ),
        ));
    }
}

/// The values' rules; returns each value id with its index.
fn validate_values<'a>(deck: &'a Deck, out: &mut Vec<Diagnostic>) -> HashMap<&'a str, usize> {
    if deck.values.is_empty() {
        out.push(
            Diagnostic::error(
                "no-values",
                at(&[FieldName("values")]),
                bi!("het deck heeft geen waarden", "the deck defines no values"),
            )
            .with_hint(bi!(
                "voeg minstens één `Value(id: \"...\", name: \"...\", meaning: \"...\")` toe",
                "add at least one `Value(id: \"...\", name: \"...\", meaning: \"...\")`"
            )),
        );
    }
    let mut value_ids: HashMap<&str, usize> = HashMap::with_capacity(deck.values.len());
    for (i, v) in deck.values.iter().enumerate() {
        let id_at = || at(&[Field("values"), Index(i), Field("id")]);
        let id = &v.id;
        if id.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                id_at(),
                bi!(
                    "een waarde heeft een lege `id`",
                    "a value has an empty `id`"
                ),
            ));
        } else {
            if !is_valid_value_id(id) {
                out.push(invalid_id("value", id, id_at()));
            }
            if let Some(first) = value_ids.insert(id.as_str(), i) {
                value_ids.insert(id.as_str(), first);
                let n = first + 1;
                out.push(
                    Diagnostic::error(
                        "duplicate-value",
                        id_at(),
                        bi!(
                            "waarde-id `{id}` is twee keer gedefinieerd",
                            "value id `{id}` is defined twice"
                        ),
                    )
                    .with_hint(bi!(
                        "de eerste definitie is waarde nummer {n}",
                        "the first definition is value number {n}"
                    )),
                );
            }
        }
        if v.name.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                at(&[Field("values"), Index(i), Field("name")]),
                bi!(
                    "waarde `{id}` heeft een lege `name`",
                    "value `{id}` has an empty `name`"
                ),
            ));
        }
    }
    value_ids
}

/// The checklist for proposed agreements (optional).
fn validate_checklist(deck: &Deck, out: &mut Vec<Diagnostic>) {
    for (i, q) in deck.checklist.iter().enumerate() {
        if q.trim().is_empty() {
            let n = i + 1;
            out.push(Diagnostic::error(
                "empty-text",
                at(&[Field("checklist"), Index(i)]),
                bi!(
                    "vraag {n} van de checklist is leeg",
                    "checklist question {n} is empty"
                ),
            ));
        }
    }
    if deck.checklist.len() > MAX_CHECKLIST {
        let n = deck.checklist.len();
        out.push(
            Diagnostic::error(
                "long-checklist",
                at(&[Field("checklist"), Index(MAX_CHECKLIST)]),
                bi!(
                    "de checklist heeft {n} vragen; hoogstens {MAX_CHECKLIST}",
                    "the checklist has {n} questions; at most {MAX_CHECKLIST}"
                ),
            )
            .with_hint(bi!(
                "houd het bij vragen die een subgroep in een minuut kan nalopen",
                "keep the questions a subgroup can check in a minute"
            )),
        );
    }
}

/// The scenarios' own rules; returns each scenario id with its (first) index.
fn validate_scenarios<'a>(
    deck: &'a Deck,
    value_ids: &HashMap<&str, usize>,
    assets: Option<&FsPath>,
    out: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, usize> {
    if deck.scenarios.is_empty() {
        out.push(
            Diagnostic::error(
                "no-scenarios",
                at(&[FieldName("scenarios")]),
                bi!(
                    "het deck heeft geen scenario's",
                    "the deck has no scenarios"
                ),
            )
            .with_hint(bi!(
                "voeg minstens één `Scenario(...)` toe; zie levels/_sjabloon.ron",
                "add at least one `Scenario(...)`; see levels/_sjabloon.ron"
            )),
        );
    }
    let mut scenario_ids: HashMap<&str, usize> = HashMap::with_capacity(deck.scenarios.len());
    for (si, s) in deck.scenarios.iter().enumerate() {
        let id_at = || at(&[Field("scenarios"), Index(si), Field("id")]);
        let id = &s.id;
        if id.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                id_at(),
                bi!(
                    "een scenario heeft een lege `id`",
                    "a scenario has an empty `id`"
                ),
            ));
        } else if let Some(&first) = scenario_ids.get(id.as_str()) {
            let n = first + 1;
            out.push(
                Diagnostic::error(
                    "duplicate-scenario",
                    id_at(),
                    bi!(
                        "scenario-id `{id}` komt twee keer voor in dit deck",
                        "scenario id `{id}` is used twice in this deck"
                    ),
                )
                .with_hint(bi!(
                    "scenario nummer {n} heeft dezelfde id; elke id mag maar één keer voorkomen",
                    "scenario number {n} has the same id; ids must be unique"
                )),
            );
        } else {
            scenario_ids.insert(id.as_str(), si);
        }
        if !id.trim().is_empty() && !is_valid_id(id) {
            out.push(invalid_id("scenario", id, id_at()));
        }
        super::rules_scenario::validate_scenario(deck, si, s, value_ids, assets, out);
    }
    scenario_ids
}

/// Follow-ups must exist and must not form a cycle; the recommended start must exist.
fn validate_follow_ups(
    deck: &Deck,
    scenario_ids: &HashMap<&str, usize>,
    out: &mut Vec<Diagnostic>,
) {
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
                    bi!(
                        "vervolgscenario `{next}` bestaat niet",
                        "follow-up scenario `{next}` does not exist"
                    ),
                )
                .with_hint(suggest(next, scenario_ids.keys().copied())),
            );
        }
    }
    if let Some(start) = &deck.start
        && !scenario_ids.contains_key(start.as_str())
    {
        out.push(
            Diagnostic::error(
                "unknown-start",
                at(&[Field("start")]),
                bi!(
                    "startscenario `{start}` bestaat niet",
                    "start scenario `{start}` does not exist"
                ),
            )
            .with_hint(suggest(start, scenario_ids.keys().copied())),
        );
    }
    follow_up_cycles(deck, &next_of, out);
}

/// Walks each chain once (0: not seen, 1: on the chain being walked, 2: done): linear time.
fn follow_up_cycles(deck: &Deck, next_of: &[Option<usize>], out: &mut Vec<Diagnostic>) {
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
            let names = names.join(" → ");
            out.push(
                Diagnostic::error(
                    "follow-up-cycle",
                    at(&[Field("scenarios"), Index(first), Field("follow_up")]),
                    bi!(
                        "de vervolgscenario's vormen een kring: {names}",
                        "follow-ups form a cycle: {names}"
                    ),
                )
                .with_hint(bi!(
                    "een keten van vervolgscenario's moet eindigen; haal één `follow_up` weg",
                    "a follow-up chain must end; remove one `follow_up`"
                )),
            );
        }
        for k in chain {
            state[k] = 2;
        }
    }
}

/// A deck value that no behaviour touches can never score.
fn validate_unused_values(deck: &Deck, out: &mut Vec<Diagnostic>) {
    if deck.values.is_empty() || deck.scenarios.is_empty() {
        return;
    }
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
            let id = &v.id;
            out.push(
                Diagnostic::warning(
                    "unused-value",
                    at(&[Field("values"), Index(i), Field("id")]),
                    bi!(
                        "geen enkel gedrag heeft effect op waarde `{id}`",
                        "no behaviour has an effect on value `{id}`"
                    ),
                )
                .with_hint(bi!(
                    "een team dat deze waarde kiest, kan er nooit op scoren; voeg effecten toe of haal de waarde weg",
                    "a team that agrees on this value can never score on it; add effects or remove the value"
                )),
            );
        }
    }
}
