//! The pre-session poll: an export from a form tool (Microsoft Forms, Google Forms, Mentimeter,
//! Excel, …) turned into proposed value weights that the group can change before agreeing. No Bevy
//! here. docs/poll.md lists every export that is read and what to do with one that is not.
//!
//! - [`decode`]: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252;
//! - [`table`]: the separator (`,` `;` tab `|`) sniffed over several lines, short rows accepted;
//! - [`words`]: identifying columns, now / desired, Likert labels, ratings and scales;
//! - here: which layout the file has, and the proposal.
//!
//! Layouts, one row per respondent unless said otherwise:
//! - **ratings**: one column per value (its header names the value by id or name; case, accents and
//!   words around it are ignored) with a number on a scale of 1–5, 1–7, 1–10 or 0–10 (stated in a
//!   header, or else read from the answers) or a Likert label ("Zeer belangrijk", "Agree");
//! - **top three**: one column in which each respondent names the values that matter most,
//!   separated by ", " (Google), ";" (Microsoft), line breaks, "/" or "|";
//! - **per answer**: one row per answer with a respondent column, a question column and an answer
//!   column; grouped per respondent into one of the two above.
//!
//! The proposal (documented in docs/poll.md), in integer arithmetic:
//! - ratings: each answer rescaled to 1–5, the mean per value; weight 3 from a mean of 4.5, 2 from
//!   3.5, 1 from 2.5; values below 2.5 are not proposed;
//! - top three: the share of respondents naming the value; weight 3 from 50 %, 2 from 25 %, 1 from
//!   10 %; values named by fewer are not proposed.
//!
//! Identifying columns (name, e-mail, respondent id, start and completion times) are never counted
//! and never leave the proposal except as their header. Free-text answers are kept for the
//! facilitator only. Whatever is left out or guessed is said in [`Proposal::warnings`].

mod decode;
mod describe;
mod layouts;
mod table;
mod words;

use std::fmt;

use crate::bi;
use crate::deck::Deck;
use crate::lang::{Bi, Lang};

pub use decode::Encoding;
pub use describe::{describe, summary};

/// Which layout the file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Ratings,
    TopThree,
    /// One row per answer, grouped per respondent into ratings.
    PerAnswerRatings,
    /// One row per answer, grouped per respondent into the values each named.
    PerAnswerChoices,
}

impl Layout {
    /// The name in `poll --format json`.
    pub fn key(self) -> &'static str {
        match self {
            Layout::Ratings => "ratings",
            Layout::TopThree => "top_three",
            Layout::PerAnswerRatings => "per_answer_ratings",
            Layout::PerAnswerChoices => "per_answer_choices",
        }
    }

    fn is_ratings(self) -> bool {
        matches!(self, Layout::Ratings | Layout::PerAnswerRatings)
    }
}

/// Which of a "now" and a "desired" rating of the same value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Moment {
    #[default]
    Desired,
    Now,
}

/// The facilitator's choices for an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub moment: Moment,
}

/// A rating scale: the lowest and the highest answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub low: u32,
    pub high: u32,
    /// Stated in a header (else read from the answers).
    pub stated: bool,
}

/// The scales the game reads.
const SCALES: [(u32, u32); 4] = [(1, 5), (1, 7), (1, 10), (0, 10)];

/// One deck value's support in the poll.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    pub value: String,
    /// Ratings: the mean rating rescaled to 1–5. Top three: the share of respondents naming it
    /// (0–1).
    pub score: f64,
    /// How many respondents answered for this value (ratings) or named it (top three).
    pub answers: usize,
    /// The proposed weight, when the value is proposed.
    pub weight: Option<u8>,
}

/// The answers to an open question: for the facilitator's eyes only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeText {
    pub header: String,
    pub answers: Vec<String>,
}

/// What an import found and proposes.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub layout: Layout,
    pub respondents: usize,
    pub encoding: Encoding,
    /// The delimiter the file uses.
    pub delimiter: char,
    /// Ratings: the scale of the numbers (Likert labels are always 1–5).
    pub scale: Option<Scale>,
    /// Every deck value, strongest first.
    pub support: Vec<Support>,
    /// Column headers (ratings) or answers (top three) that match no value of the deck.
    pub unmatched: Vec<String>,
    /// Cells that are no rating on the scale, as "rij N, kolom: text" / "row N, column: text"
    /// (ratings).
    pub ignored: Vec<Bi>,
    /// Headers of the identifying columns, never counted.
    pub identifying: Vec<String>,
    /// Open questions and their answers (facilitator only).
    pub free_text: Vec<FreeText>,
    /// The Likert labels found and the rating each counted as, in the order of the scale.
    pub likert: Vec<(String, u8)>,
    /// Values rated both "now" and "desired"; `moment` says which counted.
    pub paired: Vec<String>,
    pub moment: Moment,
    /// What the facilitator should know before taking the proposal, in Dutch and English.
    pub warnings: Vec<Bi>,
}

impl Proposal {
    /// The proposed values with their weights, strongest first.
    pub fn weights(&self) -> Vec<(String, u8)> {
        self.support
            .iter()
            .filter_map(|s| s.weight.map(|w| (s.value.clone(), w)))
            .collect()
    }
}

/// Why a file could not be imported, in Dutch and English; `Display` is the Dutch text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollError(pub Bi);

impl PollError {
    /// Why, in Dutch and English.
    pub fn message(&self) -> Bi {
        self.0.clone()
    }

    /// Why, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.0.text(lang).to_owned()
    }
}

impl fmt::Display for PollError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.nl)
    }
}

impl std::error::Error for PollError {}

fn err(msg: Bi) -> PollError {
    PollError(msg)
}

/// Lower case, accents removed, everything but letters and digits turned into single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĳ' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            '_' | '-' => ' ',
            c => c,
        };
        if base.is_alphanumeric() {
            out.push(base);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

/// The deck value (its index) a header or an answer names, and the folded key that matched: its
/// id or name, equal to the text or found in it as whole words ("Hoe belangrijk is Zorgvuldig voor
/// jou?"). The longest match wins.
fn match_key(deck: &Deck, text: &str) -> Option<(usize, String)> {
    let t = format!(" {} ", fold(text));
    if t.trim().is_empty() {
        return None;
    }
    deck.values
        .iter()
        .enumerate()
        .flat_map(|(i, v)| {
            [fold(&v.id), fold(&v.name)]
                .into_iter()
                .filter(|k| !k.is_empty())
                .map(move |k| (i, k))
        })
        .filter(|(_, k)| t.contains(&format!(" {k} ")))
        .max_by_key(|(_, k)| k.len())
}

/// The deck value one answer of a multiple choice names: the value's id or name, alone or
/// followed by an explanation ("Zorgvuldig (liever goed dan snel)"); a sentence that merely
/// mentions a value does not name it.
fn choice_value(deck: &Deck, answer: &str) -> Option<usize> {
    let a = fold(answer);
    if a.is_empty() {
        return None;
    }
    deck.values
        .iter()
        .enumerate()
        .flat_map(|(i, v)| [(i, fold(&v.id)), (i, fold(&v.name))])
        .filter(|(_, k)| !k.is_empty() && (a == *k || a.starts_with(&format!("{k} "))))
        .max_by_key(|(_, k)| k.len())
        .map(|(i, _)| i)
}

/// The answers of one multiple-choice cell.
fn split_choices(cell: &str) -> Vec<&str> {
    cell.split([',', ';', '/', '\n', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A table with each column marked identifying or not.
struct Grid {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    identifying: Vec<bool>,
}

impl Grid {
    fn cells(&self, c: usize) -> impl Iterator<Item = (usize, &str)> {
        self.rows
            .iter()
            .map(move |(line, r)| (*line, r.get(c).map_or("", String::as_str)))
    }

    fn nonempty(&self, c: usize) -> impl Iterator<Item = &str> {
        self.cells(c).map(|(_, s)| s).filter(|s| !s.is_empty())
    }

    /// Does column `c` hold text rather than ratings (at least a third of its answers)?
    fn textual(&self, c: usize) -> bool {
        let (mut all, mut usable) = (0, 0);
        for cell in self.nonempty(c) {
            all += 1;
            if words::rating(cell).is_some() || words::likert(cell, true).is_some() {
                usable += 1;
            }
        }
        all > 0 && usable * 3 < all * 2
    }

    fn free_text(&self, c: usize) -> FreeText {
        FreeText {
            header: self.headers[c].clone(),
            answers: self.nonempty(c).map(String::from).collect(),
        }
    }
}

/// Reads a poll export with the default options (the "desired" rating counts). `name` is used in
/// messages.
pub fn import(name: &str, bytes: &[u8], deck: &Deck) -> Result<Proposal, PollError> {
    import_with(name, bytes, deck, Options::default())
}

/// Reads a poll export. `name` is used in messages.
pub fn import_with(
    name: &str,
    bytes: &[u8],
    deck: &Deck,
    opts: Options,
) -> Result<Proposal, PollError> {
    let (text, encoding) = decode::decode(name, bytes)?;
    if text.trim().is_empty() {
        return Err(err(bi!(
            "{name}: het bestand is leeg.",
            "{name}: the file is empty."
        )));
    }
    let table = table::read(name, &text)?;
    if table.rows.is_empty() {
        return Err(err(bi!(
            "{name}: er staan geen antwoorden in (alleen een kopregel).",
            "{name}: there are no answers in it (only a header line)."
        )));
    }
    if let Some(h) = table.headers.iter().find(|h| words::average_header(h)) {
        return Err(err(bi!(
            "{name}: dit is een samenvatting (één rij per vraag of stelling, met een kolom \"{h}\"), geen antwoorden per deelnemer: daaruit is niet af te lezen hoeveel deelnemers wat vonden. Exporteer de losse antwoorden: één rij per deelnemer, of één rij per antwoord met een kolom voor de deelnemer. Kan het programma dat niet, kies de gewichten dan met de hand.",
            "{name}: this is a summary (one row per question or statement, with a column \"{h}\"), not answers per participant: it does not show how many participants thought what. Export the separate answers: one row per participant, or one row per answer with a column for the participant. If the program cannot do that, choose the weights by hand."
        )));
    }
    let identifying: Vec<bool> = (0..table.headers.len())
        .map(|c| {
            let emails = table
                .rows
                .iter()
                .filter_map(|(_, r)| r.get(c))
                .filter(|s| !s.is_empty())
                .fold((0, 0), |(e, n), s| {
                    (e + usize::from(words::email(s)), n + 1)
                });
            words::identifying(&table.headers[c]) || (emails.0 > 0 && emails.0 * 2 >= emails.1)
        })
        .collect();
    let grid = Grid {
        headers: table.headers,
        rows: table.rows,
        identifying,
    };
    let mut warnings = Vec::new();
    if table.short_rows > 0 {
        let n = table.short_rows;
        warnings.push(bi!(
            "{n} rijen missen de lege cellen aan het eind (Excel laat ze weg); die zijn als leeg gelezen.",
            "{n} rows lack the empty cells at their end (Excel leaves them out); they were read as empty."
        ));
    }
    let question = (0..grid.headers.len())
        .find(|&c| !grid.identifying[c] && words::question_header(&grid.headers[c]));
    let answer = (0..grid.headers.len()).find(|&c| {
        !grid.identifying[c] && Some(c) != question && words::answer_header(&grid.headers[c])
    });
    let mut p = match (question, answer) {
        (Some(q), Some(a)) => layouts::per_answer(name, deck, opts, &grid, q, a, &mut warnings)?,
        _ => match layouts::ratings(name, deck, opts, &grid)? {
            Some(p) => p,
            None => layouts::top_three(name, deck, &grid)?,
        },
    };
    p.encoding = encoding;
    p.delimiter = table.delimiter;
    p.identifying = grid
        .headers
        .iter()
        .zip(&grid.identifying)
        .filter(|(_, i)| **i)
        .map(|(h, _)| h.clone())
        .collect();
    // Strongest first; equal scores keep the deck's order (the sort is stable).
    p.support.sort_by(|a, b| b.score.total_cmp(&a.score));
    warnings.append(&mut p.warnings);
    p.warnings = warnings;
    describe::add_warnings(&mut p, deck);
    Ok(p)
}

/// A proposal with only what every layout fills in.
fn blank(layout: Layout, respondents: usize, moment: Moment) -> Proposal {
    Proposal {
        layout,
        respondents,
        encoding: Encoding::Utf8,
        delimiter: ',',
        scale: None,
        support: Vec::new(),
        unmatched: Vec::new(),
        ignored: Vec::new(),
        identifying: Vec::new(),
        free_text: Vec::new(),
        likert: Vec::new(),
        paired: Vec::new(),
        moment,
        warnings: Vec::new(),
    }
}

/// A path as typed or pasted: surrounding quotes (Windows' "Copy as path") and spaces removed, a
/// `file://` prefix dropped, and `~` expanded to `home`.
pub fn clean_path(typed: &str, home: Option<&std::path::Path>) -> std::path::PathBuf {
    let mut t = typed.trim();
    for q in ['"', '\''] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            t = t[1..t.len() - 1].trim();
        }
    }
    let t = t.strip_prefix("file://").unwrap_or(t);
    match (t.strip_prefix('~'), home) {
        (Some(""), Some(h)) => h.to_path_buf(),
        (Some(rest), Some(h)) if rest.starts_with(['/', '\\']) => h.join(&rest[1..]),
        _ => std::path::PathBuf::from(t),
    }
}
