//! Text to a table: the separator sniffed over several lines (quotes respected, Excel's `sep=`
//! line obeyed), rows that lack trailing empty cells accepted.

use super::{PollError, err};
use crate::bi;
use crate::lang::Lang;

/// The separators an export can have, in the order that breaks ties.
const SEPARATORS: [char; 4] = ['\t', ';', ',', '|'];

/// How many records the sniffer looks at.
const SNIFF_RECORDS: usize = 30;

pub struct Table {
    pub delimiter: char,
    pub headers: Vec<String>,
    /// Rows with at least one non-empty cell, each as long as the header, with its line-based
    /// row number (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
    /// How many rows lacked trailing cells.
    pub short_rows: usize,
}

fn records(text: &str, delimiter: char, limit: usize) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map_while(Result::ok)
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .take(limit)
        .map(|r| r.iter().map(|c| c.trim().to_string()).collect())
        .collect()
}

/// The separator that splits the first records most consistently: as many cells as the header,
/// or fewer (a short row), and rarely more (a separator inside an unquoted answer).
pub fn sniff(text: &str) -> char {
    let score = |d: char| -> i64 {
        let recs = records(text, d, SNIFF_RECORDS);
        let Some(header) = recs.first() else {
            return 0;
        };
        let hl = header.len();
        if hl < 2 {
            return 0;
        }
        recs.iter()
            .map(|r| {
                let l = r.len();
                if l > hl {
                    -2 * (l - hl) as i64
                } else {
                    l as i64
                }
            })
            .sum()
    };
    let mut best = (i64::MIN, ',');
    for d in SEPARATORS {
        let s = score(d);
        if s > best.0 {
            best = (s, d);
        }
    }
    if best.0 <= 0 { ',' } else { best.1 }
}

pub fn read(name: &str, text: &str) -> Result<Table, PollError> {
    // Excel understands (and some exports write) a first line `sep=;`.
    let first = text.lines().next().unwrap_or("").trim();
    let (text, delimiter, skipped) = match first.strip_prefix("sep=").map(str::chars) {
        Some(mut c) => match (c.next(), c.next()) {
            (Some(d), None) if SEPARATORS.contains(&d) => {
                (text.split_once('\n').map_or("", |(_, rest)| rest), d, 1)
            }
            _ => (text, sniff(text), 0),
        },
        None => (text, sniff(text), 0),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut short_rows = 0;
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            err(bi!(
                "{name}: het bestand is niet te lezen: {e}",
                "{name}: the file cannot be read: {e}"
            ))
        })?;
        let line = skipped + rec.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let Some(h) = &headers else {
            headers = Some(cells);
            continue;
        };
        let mut cells = cells;
        if cells.len() > h.len() {
            if cells[h.len()..].iter().any(|c| !c.is_empty()) {
                return Err(err(bi!(
                    "{name}: rij {line} heeft {} kolommen, de kopregel {}. Staat er ergens een scheidingsteken ('{}') te veel?",
                    "{name}: row {line} has {} columns, the header line {}. Is there a separator ('{}') too many somewhere?";
                    cells.len(),
                    h.len(),
                    show(delimiter)
                )));
            }
            cells.truncate(h.len());
        } else if cells.len() < h.len() {
            short_rows += 1;
            cells.resize(h.len(), String::new());
        }
        rows.push((line, cells));
    }
    let Some(headers) = headers else {
        return Err(err(bi!(
            "{name}: het bestand is leeg.",
            "{name}: the file is empty."
        )));
    };
    Ok(Table {
        delimiter,
        headers,
        rows,
        short_rows,
    })
}

/// A separator as a person reads it.
pub fn show(d: char) -> String {
    if d == '\t' {
        "tab".to_string()
    } else {
        d.to_string()
    }
}

/// A separator's name, for the summary.
pub fn name(d: char, lang: Lang) -> &'static str {
    match d {
        '\t' => "tab",
        ';' => lang.pick("puntkomma", "semicolon"),
        '|' => lang.pick("verticale streep", "vertical bar"),
        _ => lang.pick("komma", "comma"),
    }
}
