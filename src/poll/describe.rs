//! The warnings of a proposal and its summary in words, in Dutch and English.

use super::{Deck, Layout, Moment, Proposal, table};
use crate::bi;
use crate::lang::{Bi, Lang};

/// Texts quoted and listed: "a", "b".
fn quoted<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The warnings every layout adds, after those found while reading.
pub(super) fn add_warnings(p: &mut Proposal, deck: &Deck) {
    let name = |id: &str| deck.value_name(id).to_string();
    let mut w = Vec::new();
    if !p.identifying.is_empty() {
        let list = quoted(&p.identifying);
        w.push(bi!(
            "Niet geteld en niet bewaard (maken deelnemers herkenbaar): {list}.",
            "Not counted and not kept (they make participants recognisable): {list}."
        ));
    }
    if let Some(s) = p.scale
        && !s.stated
        && (s.low, s.high) != (1, 5)
    {
        let (low, high) = (s.low, s.high);
        w.push(bi!(
            "De schaal staat in geen kop; uit de antwoorden afgeleid: {low}–{high}, omgerekend naar 1–5. Klopt dat niet, zet de schaal in de kop, bijvoorbeeld \"(1-10)\".",
            "No header states the scale; taken from the answers: {low}–{high}, converted to 1–5. If that is wrong, put the scale in the header, for example \"(1-10)\"."
        ));
    }
    if !p.likert.is_empty() {
        let map: Vec<String> = p
            .likert
            .iter()
            .map(|(t, l)| format!("\"{t}\" = {l}"))
            .collect();
        let map = map.join(", ");
        w.push(bi!(
            "Antwoorden in woorden als cijfer (1–5) geteld: {map}.",
            "Answers in words counted as a number (1–5): {map}."
        ));
    }
    if !p.paired.is_empty() {
        let values = quoted(p.paired.iter().map(|id| name(id)));
        w.push(match p.moment {
            Moment::Desired => bi!(
                "Gevraagd naar nu én gewenst ({values}): geteld is de gewenste situatie; kies de huidige om die te tellen.",
                "Asked about now and desired ({values}): the desired situation is counted; choose now to count that one."
            ),
            Moment::Now => bi!(
                "Gevraagd naar nu én gewenst ({values}): geteld is de huidige situatie; kies de gewenste om die te tellen.",
                "Asked about now and desired ({values}): the situation now is counted; choose desired to count that one."
            ),
        });
    }
    if !p.ignored.is_empty() {
        w.push(ignored_warning(p));
    }
    if !p.unmatched.is_empty() {
        let list = quoted(&p.unmatched);
        w.push(if p.layout.is_ratings() {
            bi!(
                "Kolommen zonder waarde uit dit deck: {list}.",
                "Columns without a value of this deck: {list}."
            )
        } else {
            bi!(
                "Antwoorden zonder waarde uit dit deck: {list}.",
                "Answers without a value of this deck: {list}."
            )
        });
    }
    if !p.free_text.is_empty() {
        let list = quoted(p.free_text.iter().map(|f| &f.header));
        w.push(bi!(
            "Open vragen, niet geteld (de antwoorden ziet alleen de begeleider): {list}.",
            "Open questions, not counted (only the facilitator sees the answers): {list}."
        ));
    }
    if p.support.iter().all(|s| s.weight.is_none()) {
        w.push(bi!(
            "De peiling stelt geen enkele waarde voor; kies de waarden met de hand.",
            "The poll proposes no value at all; choose the values by hand."
        ));
    }
    p.warnings.extend(w);
}

/// The cells that did not count: how many, and the first five.
fn ignored_warning(p: &Proposal) -> Bi {
    let n = p.ignored.len();
    let more = if n > 5 { "; …" } else { "" };
    let scale = p
        .scale
        .map_or("1–5".to_string(), |s| format!("{}–{}", s.low, s.high));
    let shown = |lang: Lang| {
        p.ignored
            .iter()
            .take(5)
            .map(|c| c.text(lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Bi {
        nl: format!(
            "{n} cellen zijn geen cijfer van {scale} of antwoord als \"belangrijk\" en tellen niet mee: {}{more}.",
            shown(Lang::Nl)
        ),
        en: format!(
            "{n} cells are no rating from {scale} or answer such as \"important\" and do not count: {}{more}.",
            shown(Lang::En)
        ),
    }
}

/// How the answers were read, in `lang`: "een cijfer per waarde (cijfers van 1 tot 5)".
fn layout_words(p: &Proposal, lang: Lang) -> String {
    let scale = match p.scale {
        Some(sc) if (sc.low, sc.high) != (1, 5) => {
            let (lo, hi) = (sc.low, sc.high);
            bi!(
                "cijfers van {lo} tot {hi}, omgerekend naar 1–5",
                "numbers from {lo} to {hi}, converted to 1–5"
            )
        }
        Some(_) => bi!("cijfers van 1 tot 5", "numbers from 1 to 5"),
        None => bi!("antwoorden in woorden", "answers in words"),
    };
    let scale = scale.text(lang);
    let words = match p.layout {
        Layout::Ratings => bi!(
            "een cijfer per waarde ({scale})",
            "a number per value ({scale})"
        ),
        Layout::PerAnswerRatings => bi!(
            "één rij per antwoord, een cijfer per waarde ({scale})",
            "one row per answer, a number per value ({scale})"
        ),
        Layout::TopThree => bi!(
            "de belangrijkste waarden per deelnemer",
            "the most important values per participant"
        ),
        Layout::PerAnswerChoices => bi!(
            "één rij per antwoord, de belangrijkste waarden per deelnemer",
            "one row per answer, the most important values per participant"
        ),
    };
    words.text(lang).to_owned()
}

/// A short summary of a proposal in `lang`, for the command line: [`summary`] and the warnings,
/// each line starting with "Let op: " / "Note: ".
pub fn describe(p: &Proposal, deck: &Deck, lang: Lang) -> String {
    let mut s = summary(p, deck, lang);
    let note = lang.pick("Let op", "Note");
    for w in &p.warnings {
        s.push_str(&format!("{note}: {}\n", w.text(lang)));
    }
    s
}

/// A short summary of a proposal in `lang`, for the command line and the facilitator's window:
/// the file and the support per value. Free-text answers and the warnings are not in it.
pub fn summary(p: &Proposal, deck: &Deck, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let (n, layout) = (p.respondents, layout_words(p, lang));
    let _ = writeln!(
        s,
        "{}",
        bi!("{n} deelnemers, {layout}.", "{n} participants, {layout}.").text(lang)
    );
    let (encoding, delimiter) = (p.encoding.label(), table::name(p.delimiter, lang));
    let _ = writeln!(
        s,
        "{}",
        bi!(
            "Bestand: {encoding}, gescheiden door {delimiter}.",
            "File: {encoding}, separated by {delimiter}."
        )
        .text(lang)
    );
    for sup in &p.support {
        let name = deck
            .value(&sup.value)
            .map_or(sup.value.as_str(), |v| v.name.as_str());
        let (answers, all) = (sup.answers, p.respondents);
        let score = match p.layout {
            _ if p.layout.is_ratings() && sup.answers == 0 => bi!("geen antwoorden", "no answers"),
            // Dutch writes a decimal comma.
            _ if p.layout.is_ratings() => Bi {
                nl: format!("gemiddeld {:.1}", sup.score).replace('.', ","),
                en: format!("average {:.1}", sup.score),
            },
            _ => bi!(
                "{answers} van de {all} noemen haar",
                "{answers} of the {all} name it"
            ),
        };
        let weight = match sup.weight {
            Some(w) => bi!("gewicht {w}", "weight {w}"),
            None => bi!("niet voorgesteld", "not proposed"),
        };
        let _ = writeln!(s, "  {name}: {}, {}", score.text(lang), weight.text(lang));
    }
    s
}
