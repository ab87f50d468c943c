//! A deck and its translation: the same structure (values, scenarios, layers, behaviour keys and
//! effects), so scores do not depend on language, and texts of about the same length. Every
//! message in Dutch and English.

use super::diag::{Diagnostic, Place};
use super::locate::{
    self,
    Step::{Field, Index},
};
use super::types::{Deck, Scenario};
use crate::bi;
use crate::lang::Bi;

/// Differences between a deck `a` and its translation `b`, reported on `b`.
pub(super) fn compare_translation(a: &Deck, a_name: &str, b: &Deck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |place: Vec<locate::Step>, msg: Bi| mismatch(a_name, place, msg);
    if a.language == b.language {
        out.push(
            Diagnostic::error(
                "duplicate-deck",
                Place::Path(vec![Field("id")]),
                bi!(
                    "deck-id `{}` in taal `{}` wordt ook gedefinieerd in {a_name}",
                    "deck id `{}` in language `{}` is also defined in {a_name}";
                    b.id,
                    b.language.code()
                ),
            )
            .with_hint(bi!(
                "geef het deck een eigen id, of zet `language` als het een vertaling is",
                "give the deck its own id, or set `language` if it is a translation"
            )),
        );
        return out;
    }
    let av: Vec<&str> = a.values.iter().map(|v| v.id.as_str()).collect();
    let bv: Vec<&str> = b.values.iter().map(|v| v.id.as_str()).collect();
    if av != bv {
        out.push(err(
            vec![Field("values")],
            bi!(
                "de waarden verschillen van {a_name}: hier [{}], daar [{}]",
                "the values differ from {a_name}: [{}] here, [{}] there";
                bv.join(", "),
                av.join(", ")
            ),
        ));
    }
    if a.scenarios.len() != b.scenarios.len() {
        out.push(err(
            vec![Field("scenarios")],
            bi!(
                "hier {} scenario's, {} in {a_name}",
                "{} scenarios here, {} in {a_name}";
                b.scenarios.len(),
                a.scenarios.len()
            ),
        ));
    }
    out.extend(compare_scenarios(a, a_name, b));
    out.extend(compare_texts(a, a_name, b));
    out
}

/// `translation-mismatch` at `place`, with the hint that names the reference.
fn mismatch(a_name: &str, place: Vec<locate::Step>, msg: Bi) -> Diagnostic {
    Diagnostic::error("translation-mismatch", Place::Path(place), msg).with_hint(bi!(
        "een vertaling moet dezelfde ids, letters en effecten hebben als {a_name}",
        "a translation must have the same ids, keys and effects as {a_name}"
    ))
}

/// The scenarios of `b` against those of `a`: ids, layers, follow-ups, images, keys and effects.
fn compare_scenarios(a: &Deck, a_name: &str, b: &Deck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |place: Vec<locate::Step>, msg: Bi| mismatch(a_name, place, msg);
    for (si, (sa, sb)) in a.scenarios.iter().zip(&b.scenarios).enumerate() {
        let p = |rest: &[locate::Step]| {
            let mut v = vec![Field("scenarios"), Index(si)];
            v.extend_from_slice(rest);
            v
        };
        if sa.id != sb.id {
            out.push(err(
                p(&[Field("id")]),
                bi!(
                    "scenario nummer {} is hier `{}` en `{}` in {a_name}",
                    "scenario number {} is `{}` here and `{}` in {a_name}";
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
                bi!(
                    "scenario `{}` verschilt in layer, follow_up of image",
                    "scenario `{}` differs in layer, follow_up or image";
                    sb.id
                ),
            ));
        }
        if sa.behaviours.len() != sb.behaviours.len() {
            out.push(err(
                p(&[Field("behaviours")]),
                bi!(
                    "scenario `{}` heeft een ander aantal gedragingen",
                    "scenario `{}` has a different number of behaviours";
                    sb.id
                ),
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
                    bi!(
                        "gedrag {} van `{}` heeft andere letters of effecten dan in {a_name}",
                        "behaviour {} of `{}` has other keys or effects than in {a_name}";
                        bb.key, sb.id
                    ),
                ));
            }
        }
    }
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
    let hint = bi!(
        "ontbreekt er aan één kant een zin? Een vertaling zegt hetzelfde, zin voor zin",
        "is a sentence missing on one side? A translation says the same, sentence by sentence"
    );
    let mut out = Vec::new();
    let mut texts: Texts = vec![
        (
            vec![Field("title")],
            bi!("de titel van het deck", "the deck's title"),
            &a.title,
            &b.title,
        ),
        (
            vec![Field("description")],
            bi!("de beschrijving van het deck", "the deck's description"),
            &a.description,
            &b.description,
        ),
    ];
    if a.values.len() == b.values.len() {
        for (i, (va, vb)) in a.values.iter().zip(&b.values).enumerate() {
            let p = |f| vec![Field("values"), Index(i), Field(f)];
            texts.push((
                p("name"),
                bi!("de naam van waarde `{}`", "the name of value `{}`"; vb.id),
                &va.name,
                &vb.name,
            ));
            texts.push((
                p("meaning"),
                bi!("de betekenis van waarde `{}`", "the meaning of value `{}`"; vb.id),
                &va.meaning,
                &vb.meaning,
            ));
        }
    }
    out.extend(scenario_texts(a, a_name, b, &hint, &mut texts));
    for (place, what, ta, tb) in texts {
        if texts_differ(ta, tb) {
            out.push(
                Diagnostic::warning(
                    "translation-length",
                    Place::Path(place),
                    length_differs(&what, a_name, ta, tb),
                )
                .with_hint(hint.clone()),
            );
        }
    }
    out
}

/// A text of `b` and the same text of `a`: where, what it is, the two texts.
type Texts<'a> = Vec<(Vec<locate::Step>, Bi, &'a str, &'a str)>;

/// The scenario texts of `a` and `b` added to `texts`; a debrief with another number of questions
/// is a warning of its own.
fn scenario_texts<'a>(
    a: &'a Deck,
    a_name: &str,
    b: &'a Deck,
    hint: &Bi,
    texts: &mut Texts<'a>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
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
        for (f, nl, en, ta, tb) in [
            ("title", "de titel", "the title", &sa.title, &sb.title),
            (
                "setting",
                "de omgeving",
                "the setting",
                &sa.setting,
                &sb.setting,
            ),
            (
                "situation",
                "de situatie",
                "the situation",
                &sa.situation,
                &sb.situation,
            ),
            ("notes", "de notities", "the notes", &sa.notes, &sb.notes),
        ] {
            texts.push((
                p(&[Field(f)]),
                bi!("{nl} van `{id}`", "{en} of `{id}`"),
                ta,
                tb,
            ));
        }
        if sa.behaviours.len() == sb.behaviours.len() {
            behaviour_texts(si, sa, sb, texts);
        }
        if sa.debrief.len() == sb.debrief.len() {
            for (qi, (qa, qb)) in sa.debrief.iter().zip(&sb.debrief).enumerate() {
                texts.push((
                    p(&[Field("debrief"), Index(qi)]),
                    bi!(
                        "nabesprekingsvraag {} van `{id}`",
                        "debrief question {} of `{id}`";
                        qi + 1
                    ),
                    qa,
                    qb,
                ));
            }
        } else {
            out.push(
                Diagnostic::warning(
                    "translation-length",
                    Place::Path(p(&[Field("debrief")])),
                    bi!(
                        "de nabespreking van `{id}` heeft hier {} vragen, {} in {a_name}",
                        "the debrief of `{id}` has {} question(s) here, {} in {a_name}";
                        sb.debrief.len(),
                        sa.debrief.len()
                    ),
                )
                .with_hint(hint.clone()),
            );
        }
    }
    out
}

/// The texts and consequences of the behaviours of scenario `si`, added to `texts`.
fn behaviour_texts<'a>(si: usize, sa: &'a Scenario, sb: &'a Scenario, texts: &mut Texts<'a>) {
    let id = &sb.id;
    for (bi, (ba, bb)) in sa.behaviours.iter().zip(&sb.behaviours).enumerate() {
        let bp = |f| {
            vec![
                Field("scenarios"),
                Index(si),
                Field("behaviours"),
                Index(bi),
                Field(f),
            ]
        };
        texts.push((
            bp("text"),
            bi!(
                "de tekst van gedrag {} van `{id}`",
                "the text of behaviour {} of `{id}`";
                bb.key
            ),
            &ba.text,
            &bb.text,
        ));
        texts.push((
            bp("consequence"),
            bi!(
                "het gevolg van gedrag {} van `{id}`",
                "the consequence of behaviour {} of `{id}`";
                bb.key
            ),
            &ba.consequence,
            &bb.consequence,
        ));
    }
}

/// "the length of … differs a lot from …", with the characters and sentences of both.
fn length_differs(what: &Bi, a_name: &str, ta: &str, tb: &str) -> Bi {
    let (here, sh) = (tb.trim().chars().count(), sentences(tb));
    let (there, st) = (ta.trim().chars().count(), sentences(ta));
    Bi {
        nl: format!(
            "de lengte van {} verschilt sterk van {a_name}: hier {here} tekens en {sh} zin(nen), daar {there} en {st}",
            what.nl
        ),
        en: format!(
            "the length of {} differs a lot from {a_name}: {here} characters and {sh} sentence(s) here, {there} and {st} there",
            what.en
        ),
    }
}
