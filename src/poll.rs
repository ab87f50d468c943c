//! The pre-session poll: a CSV exported from a form tool (Microsoft Forms, Google Forms, Typeform, …)
//! turned into proposed value weights that the group can change before agreeing. No Bevy here.
//!
//! Two layouts are recognised, one row per respondent:
//! - **ratings**: one column per value with a rating from 1 to 5 (a column header names the value by
//!   its id or its name; case, accents and extra words around it are ignored);
//! - **top three**: one column in which each respondent lists the values that matter most,
//!   separated by commas, semicolons, slashes or new lines.
//!
//! The proposal (documented in docs/poll.md):
//! - ratings: the mean rating of each value; weight 3 from a mean of 4.5, 2 from 3.5, 1 from 2.5;
//!   values below 2.5 are not proposed;
//! - top three: the share of respondents naming the value; weight 3 from 50 %, 2 from 25 %, 1 from
//!   10 %; values named by fewer are not proposed.
//!
//! Values are proposed strongest first. Columns (or answers) that match no value are listed, never
//! dropped silently.

use std::fmt;

use crate::deck::Deck;

/// Which of the two layouts the file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Ratings,
    TopThree,
}

/// One deck value's support in the poll.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    pub value: String,
    /// Ratings: the mean rating (1–5). Top three: the share of respondents naming it (0–1).
    pub score: f64,
    /// How many respondents answered for this value (ratings) or named it (top three).
    pub answers: usize,
    /// The proposed weight, when the value is proposed.
    pub weight: Option<u8>,
}

/// What an import found and proposes.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub layout: Layout,
    pub respondents: usize,
    /// The delimiter the file uses.
    pub delimiter: char,
    /// Every deck value, strongest first.
    pub support: Vec<Support>,
    /// Column headers (ratings) or answers (top three) that match no value of the deck.
    pub unmatched: Vec<String>,
    /// Cells that were not a rating from 1 to 5, as "row N, column: text" (ratings layout).
    pub ignored: Vec<String>,
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

/// Why a file could not be imported, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollError(pub String);

impl fmt::Display for PollError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PollError {}

fn err(msg: impl Into<String>) -> PollError {
    PollError(msg.into())
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

/// The deck value a header or an answer names: its id or name, folded, equal to the text or found
/// in it as whole words ("Hoe belangrijk is Zorgvuldig voor jou?"). The longest match wins.
fn match_value(deck: &Deck, text: &str) -> Option<String> {
    let t = format!(" {} ", fold(text));
    if t.trim().is_empty() {
        return None;
    }
    deck.values
        .iter()
        .flat_map(|v| {
            [fold(&v.id), fold(&v.name)]
                .into_iter()
                .filter(|k| !k.is_empty())
                .map(move |k| (v.id.clone(), k))
        })
        .filter(|(_, k)| t.contains(&format!(" {k} ")))
        .max_by_key(|(_, k)| k.len())
        .map(|(id, _)| id)
}

/// Reads a poll export. `name` is used in messages.
pub fn import(name: &str, bytes: &[u8], deck: &Deck) -> Result<Proposal, PollError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        err(format!(
            "{name}: het bestand is geen UTF-8-tekst. Exporteer het opnieuw als \"CSV UTF-8\"."
        ))
    })?;
    if text.trim().is_empty() {
        return Err(err(format!("{name}: het bestand is leeg.")));
    }
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| err(format!("{name}: de kopregel is niet te lezen: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => err(format!(
                "{name}: rij {} heeft {len} kolommen, de kopregel {expected_len}. Staat er ergens een scheidingsteken ('{delimiter}') te veel of te weinig?",
                i + 2
            )),
            _ => err(format!("{name}: rij {} is niet te lezen: {e}", i + 2)),
        })?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(rec.iter().map(|c| c.trim().to_string()).collect());
    }
    if rows.is_empty() {
        return Err(err(format!(
            "{name}: er staan geen antwoorden in (alleen een kopregel)."
        )));
    }
    let matched: Vec<Option<String>> = headers.iter().map(|h| match_value(deck, h)).collect();
    if matched.iter().any(Option::is_some) {
        Ok(ratings(deck, delimiter, &headers, &matched, &rows))
    } else {
        top_three(name, deck, delimiter, &headers, &rows)
    }
}

fn sniff_delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let count = |d: char| {
        let mut quoted = false;
        first
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == d
            })
            .count()
    };
    [';', '\t', ',', '|']
        .into_iter()
        .max_by_key(|&d| (count(d), d == ','))
        .unwrap_or(',')
}

fn ratings(
    deck: &Deck,
    delimiter: char,
    headers: &[String],
    matched: &[Option<String>],
    rows: &[Vec<String>],
) -> Proposal {
    let mut sums = vec![(0u64, 0usize); deck.values.len()];
    let mut ignored = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let Some(Some(id)) = matched.get(c) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            let Some(vi) = deck.values.iter().position(|v| &v.id == id) else {
                continue;
            };
            // "4", "4 - belangrijk", "4,0"
            let digits: String = cell.chars().take_while(char::is_ascii_digit).collect();
            match digits.parse::<u64>() {
                Ok(n) if (1..=5).contains(&n) => {
                    sums[vi].0 += n;
                    sums[vi].1 += 1;
                }
                _ => ignored.push(format!("rij {}, {}: \"{cell}\"", r + 2, headers[c])),
            }
        }
    }
    let support = deck
        .values
        .iter()
        .zip(&sums)
        .map(|(v, &(sum, n))| {
            let mean = if n == 0 { 0.0 } else { sum as f64 / n as f64 };
            let weight = match mean {
                m if m >= 4.5 => Some(3),
                m if m >= 3.5 => Some(2),
                m if m >= 2.5 => Some(1),
                _ => None,
            };
            Support {
                value: v.id.clone(),
                score: mean,
                answers: n,
                weight,
            }
        })
        .collect();
    let unmatched = headers
        .iter()
        .zip(matched)
        .filter(|(h, m)| m.is_none() && !h.is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    finish(
        Layout::Ratings,
        rows.len(),
        delimiter,
        support,
        unmatched,
        ignored,
    )
}

fn top_three(
    name: &str,
    deck: &Deck,
    delimiter: char,
    headers: &[String],
    rows: &[Vec<String>],
) -> Result<Proposal, PollError> {
    let split = |cell: &str| -> Vec<String> {
        cell.split([',', ';', '/', '\n', '|'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    // The column whose answers name deck values most often.
    let best = (0..headers.len())
        .map(|c| {
            let hits: usize = rows
                .iter()
                .filter_map(|r| r.get(c))
                .flat_map(|cell| split(cell))
                .filter(|a| match_value(deck, a).is_some())
                .count();
            (hits, c)
        })
        .max_by_key(|&(hits, c)| (hits, std::cmp::Reverse(c)));
    let Some((_, column)) = best.filter(|&(hits, _)| hits > 0) else {
        let names: Vec<&str> = deck.values.iter().map(|v| v.name.as_str()).collect();
        return Err(err(format!(
            "{name}: geen kolom noemt een waarde van dit deck. Verwacht: per waarde een kolom met een cijfer van 1 tot 5, of één kolom met de drie belangrijkste waarden. De waarden van het deck: {}. Kolommen in het bestand: {}.",
            names.join(", "),
            headers.join(", ")
        )));
    };
    let mut counts = vec![0usize; deck.values.len()];
    let mut unmatched: Vec<String> = Vec::new();
    for row in rows {
        let mut named: Vec<usize> = Vec::new();
        for answer in split(row.get(column).map_or("", String::as_str)) {
            match match_value(deck, &answer)
                .and_then(|id| deck.values.iter().position(|v| v.id == id))
            {
                Some(vi) if !named.contains(&vi) => named.push(vi),
                Some(_) => {}
                None => {
                    if !unmatched.contains(&answer) {
                        unmatched.push(answer);
                    }
                }
            }
        }
        for vi in named {
            counts[vi] += 1;
        }
    }
    let n = rows.len();
    let support = deck
        .values
        .iter()
        .zip(&counts)
        .map(|(v, &c)| {
            let share = c as f64 / n as f64;
            let weight = match share {
                s if s >= 0.5 => Some(3),
                s if s >= 0.25 => Some(2),
                s if s >= 0.1 && c > 0 => Some(1),
                _ => None,
            };
            Support {
                value: v.id.clone(),
                score: share,
                answers: c,
                weight,
            }
        })
        .collect();
    Ok(finish(
        Layout::TopThree,
        n,
        delimiter,
        support,
        unmatched,
        Vec::new(),
    ))
}

fn finish(
    layout: Layout,
    respondents: usize,
    delimiter: char,
    mut support: Vec<Support>,
    unmatched: Vec<String>,
    ignored: Vec<String>,
) -> Proposal {
    // Strongest first; equal scores keep the deck's order (the sort is stable).
    support.sort_by(|a, b| b.score.total_cmp(&a.score));
    Proposal {
        layout,
        respondents,
        delimiter,
        support,
        unmatched,
        ignored,
    }
}

/// A short Dutch summary of a proposal, for the command line and the facilitator's window.
pub fn describe(p: &Proposal, deck: &Deck) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let layout = match p.layout {
        Layout::Ratings => "een cijfer (1–5) per waarde",
        Layout::TopThree => "de belangrijkste waarden per deelnemer",
    };
    let _ = writeln!(s, "{} deelnemers, {layout}.", p.respondents);
    for sup in &p.support {
        let name = deck
            .value(&sup.value)
            .map_or(sup.value.as_str(), |v| v.name.as_str());
        let score = match p.layout {
            Layout::Ratings if sup.answers == 0 => "geen antwoorden".to_string(),
            // Dutch writes a decimal comma.
            Layout::Ratings => format!("gemiddeld {:.1}", sup.score).replace('.', ","),
            Layout::TopThree => format!("{} van de {} noemen haar", sup.answers, p.respondents),
        };
        let weight = sup
            .weight
            .map_or("niet voorgesteld".to_string(), |w| format!("gewicht {w}"));
        let _ = writeln!(s, "  {name}: {score}, {weight}");
    }
    if !p.unmatched.is_empty() {
        let what = match p.layout {
            Layout::Ratings => "Kolommen zonder waarde uit dit deck",
            Layout::TopThree => "Antwoorden zonder waarde uit dit deck",
        };
        let _ = writeln!(s, "{what}: {}", p.unmatched.join(", "));
    }
    if !p.ignored.is_empty() {
        let _ = writeln!(
            s,
            "Genegeerd (geen cijfer van 1 tot 5): {}",
            p.ignored.join("; ")
        );
    }
    s
}
