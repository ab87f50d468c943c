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
        let cols = quoted(&p.identifying);
        w.push(bi!(
            "Niet geteld en niet bewaard (maken deelnemers herkenbaar): {cols}.",
            "Not counted and not kept (they identify respondents): {cols}."
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
            "Answers in words counted as a rating (1–5): {map}."
        ));
    }
    if !p.paired.is_empty() {
        let values = quoted(p.paired.iter().map(|id| name(id)));
        w.push(match p.moment {
            Moment::Desired => bi!(
                "Gevraagd naar nu én gewenst ({values}): geteld is de gewenste situatie; kies de huidige om die te tellen.",
                "Asked about now and desired ({values}): the desired situation is counted; choose the current one to count that."
            ),
            Moment::Now => bi!(
                "Gevraagd naar nu én gewenst ({values}): geteld is de huidige situatie; kies de gewenste om die te tellen.",
                "Asked about now and desired ({values}): the current situation is counted; choose the desired one to count that."
            ),
        });
    }
    if !p.ignored.is_empty() {
        let shown: Vec<&str> = p.ignored.iter().take(5).map(String::as_str).collect();
        let more = if p.ignored.len() > 5 { "; …" } else { "" };
        let scale = p
            .scale
            .map_or("1–5".to_string(), |s| format!("{}–{}", s.low, s.high));
        let (n, shown) = (p.ignored.len(), shown.join("; "));
        w.push(bi!(
            "{n} cellen zijn geen cijfer van {scale} of antwoord als \"belangrijk\" en tellen niet mee: {shown}{more}.",
            "{n} cells are no rating from {scale} or answer such as \"important\" and do not count: {shown}{more}."
        ));
    }
    if !p.unmatched.is_empty() {
        let unmatched = quoted(&p.unmatched);
        w.push(if p.layout.is_ratings() {
            bi!(
                "Kolommen zonder waarde uit dit deck: {unmatched}.",
                "Columns without a value of this deck: {unmatched}."
            )
        } else {
            bi!(
                "Antwoorden zonder waarde uit dit deck: {unmatched}.",
                "Answers without a value of this deck: {unmatched}."
            )
        });
    }
    if !p.free_text.is_empty() {
        let questions = quoted(p.free_text.iter().map(|f| &f.header));
        w.push(bi!(
            "Open vragen, niet geteld (de antwoorden ziet alleen de begeleider): {questions}.",
            "Open questions, not counted (only the facilitator sees the answers): {questions}."
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

/// A short summary of a proposal in `lang`, for the command line: [`summary`] and the warnings.
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
    let scale = match p.scale {
        Some(sc) if (sc.low, sc.high) != (1, 5) => {
            let (low, high) = (sc.low, sc.high);
            bi!(
                "cijfers van {low} tot {high}, omgerekend naar 1–5",
                "ratings from {low} to {high}, converted to 1–5"
            )
        }
        Some(_) => bi!("cijfers van 1 tot 5", "ratings from 1 to 5"),
        None => bi!("antwoorden in woorden", "answers in words"),
    };
    let scale = scale.text(lang);
    let layout = match p.layout {
        Layout::Ratings => bi!(
            "een cijfer per waarde ({scale})",
            "a rating per value ({scale})"
        ),
        Layout::PerAnswerRatings => bi!(
            "één rij per antwoord, een cijfer per waarde ({scale})",
            "one row per answer, a rating per value ({scale})"
        ),
        Layout::TopThree => bi!(
            "de belangrijkste waarden per deelnemer",
            "the most important values per respondent"
        ),
        Layout::PerAnswerChoices => bi!(
            "één rij per antwoord, de belangrijkste waarden per deelnemer",
            "one row per answer, the most important values per respondent"
        ),
    };
    let (n, layout) = (p.respondents, layout.text(lang));
    let (encoding, sep) = (p.encoding.label(), table::name(p.delimiter, lang));
    let head = bi!(
        "{n} deelnemers, {layout}.\nBestand: {encoding}, gescheiden door {sep}.",
        "{n} respondents, {layout}.\nFile: {encoding}, separated by {sep}."
    );
    let _ = writeln!(s, "{}", head.text(lang));
    for sup in &p.support {
        let name = deck.value_name(&sup.value);
        let (answers, score) = (sup.answers, sup.score);
        let score = match p.layout {
            _ if p.layout.is_ratings() && sup.answers == 0 => {
                bi!("geen antwoorden", "no answers")
            }
            // Dutch writes a decimal comma.
            _ if p.layout.is_ratings() => Bi {
                nl: format!("gemiddeld {score:.1}").replace('.', ","),
                en: format!("average {score:.1}"),
            },
            _ => bi!(
                "{answers} van de {n} noemen haar",
                "{answers} of the {n} name it"
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
