//! Rules across the files of one `check`: scenario ids and titles across decks, and which files
//! are translations of each other (see `translation.rs`). Every message in Dutch and English.

use std::collections::HashMap;

use super::diag::{Diagnostic, Place};
use super::locate::Step::{Field, Index};
use super::translation::compare_translation;
use super::{CheckedFile, Language, is_template};
use crate::bi;

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
                        bi!(
                            "de titel van `{}` herhaalt `{other_id}` (\"{other_title}\") van deck `{other_deck}` ({other_file})",
                            "the title of `{}` repeats `{other_id}` (\"{other_title}\") of deck `{other_deck}` ({other_file})";
                            s.id
                        ),
                    )
                    .with_hint(bi!(
                        "een traject speelt meer decks; geef elk moment één plek, of maak de twee scenario's duidelijk verschillend",
                        "a trajectory plays several decks; give each moment one place, or make the two scenarios clearly different"
                    )),
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
                        bi!(
                            "scenario-id `{}` wordt ook gebruikt door deck `{other_deck}` ({other_file})",
                            "scenario id `{}` is also used by deck `{other_deck}` ({other_file})";
                            s.id
                        ),
                    )
                    .with_hint(bi!(
                        "een scenario-id mag maar in één deck van een map voorkomen; een journaal noemt scenario's bij hun id",
                        "scenario ids must be unique across the decks of a folder; a journal names scenarios by id"
                    )),
                )),
                Some(_) => {}
                None => {
                    owner.insert(s.id.clone(), (deck.id.clone(), f.name.clone()));
                }
            }
        }
    }
    extra.extend(translations(files, &by_deck));
    for (fi, d) in extra {
        files[fi].diagnostics.push(d);
    }
}

/// The differences of each translation from its reference (Dutch if there is one, else the first
/// file): `(file index, diagnostic)`.
fn translations(
    files: &[CheckedFile],
    by_deck: &HashMap<String, Vec<usize>>,
) -> Vec<(usize, Diagnostic)> {
    let mut extra = Vec::new();
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
    extra
}
