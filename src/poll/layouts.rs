//! The layouts: ratings per value, the values each respondent named, and per-answer exports
//! grouped per respondent into one of those two.

use super::{
    Deck, Grid, Layout, Moment, Options, PollError, Proposal, SCALES, Scale, Support, blank,
    choice_value, err, fold, match_key, split_choices, words,
};
use crate::bi;
use crate::lang::Bi;

/// One row per answer: grouped per respondent into a grid of one of the other layouts.
pub(super) fn per_answer(
    name: &str,
    deck: &Deck,
    opts: Options,
    grid: &Grid,
    question: usize,
    answer: usize,
    warnings: &mut Vec<Bi>,
) -> Result<Proposal, PollError> {
    let Some(who) = (0..grid.headers.len())
        .filter(|&c| grid.identifying[c])
        .filter_map(|c| words::respondent_rank(&grid.headers[c]).map(|r| (r, c)))
        .min()
        .map(|(_, c)| c)
    else {
        return Err(err(bi!(
            "{name}: dit bestand heeft één rij per antwoord (kolommen \"{}\" en \"{}\") maar geen kolom die zegt van welke deelnemer elk antwoord is, dus er valt niet per deelnemer te tellen. Exporteer de antwoorden met één rij per deelnemer, of met een kolom voor de deelnemer (ID, e-mail of naam).",
            "{name}: this file has one row per answer (columns \"{}\" and \"{}\") but no column that says which participant gave each answer, so nothing can be counted per participant. Export the answers with one row per participant, or with a column for the participant (ID, e-mail or name).";
            grid.headers[question], grid.headers[answer]
        )));
    };
    // Respondents in the order they first appear; a row without one is a respondent of its own.
    let mut keys: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut of_row = Vec::new();
    for (line, row) in &grid.rows {
        let key = match row[who].trim() {
            "" => format!("\u{0}{line}"),
            k => k.to_lowercase(),
        };
        let next = keys.len();
        of_row.push(*keys.entry(key).or_insert(next));
    }
    let rated = grid
        .rows
        .iter()
        .any(|(_, r)| match_key(deck, &r[question]).is_some());
    let mut lines = vec![0usize; keys.len()];
    for (&i, (line, _)) in of_row.iter().zip(&grid.rows) {
        if lines[i] == 0 {
            lines[i] = *line;
        }
    }
    let (layout, pivot) = if rated {
        pivot_ratings(grid, question, answer, &of_row, &lines, warnings)
    } else {
        pivot_choices(grid, answer, &of_row, &lines)
    };
    warnings.push(bi!(
        "Eén rij per antwoord: per deelnemer geteld (kolom \"{}\"), {} rijen van {} deelnemers.",
        "One row per answer: counted per participant (column \"{}\"), {} rows of {} participants.";
        grid.headers[who],
        grid.rows.len(),
        keys.len()
    ));
    let mut p = if layout == Layout::PerAnswerRatings {
        ratings(name, deck, opts, &pivot)?.ok_or_else(|| {
            err(bi!(
                "{name}: de kolom \"{}\" bevat geen cijfers of antwoorden als \"belangrijk\".",
                "{name}: the column \"{}\" holds no numbers or answers like \"important\".";
                grid.headers[answer]
            ))
        })?
    } else {
        top_three(name, deck, &pivot)?
    };
    p.layout = layout;
    Ok(p)
}

/// One row per answer with a rating: one column per distinct question, one row per respondent.
fn pivot_ratings(
    grid: &Grid,
    question: usize,
    answer: usize,
    of_row: &[usize],
    lines: &[usize],
    warnings: &mut Vec<Bi>,
) -> (Layout, Grid) {
    let respondents = lines.len();
    // One column per distinct question, in the order they appear.
    let mut headers: Vec<String> = Vec::new();
    for (_, r) in &grid.rows {
        if !headers.contains(&r[question]) {
            headers.push(r[question].clone());
        }
    }
    let mut rows: Vec<Vec<String>> = vec![vec![String::new(); headers.len()]; respondents];
    let mut twice = 0;
    for (&i, (_, r)) in of_row.iter().zip(&grid.rows) {
        let c = headers.iter().position(|h| *h == r[question]).unwrap_or(0);
        if !rows[i][c].is_empty() {
            twice += 1;
        }
        rows[i][c] = r[answer].clone();
    }
    if twice > 0 {
        warnings.push(bi!(
            "{twice} keer beantwoordde een deelnemer dezelfde vraag opnieuw; het laatste antwoord telt.",
            "{twice} times a participant answered the same question again; the last answer counts."
        ));
    }
    let n = headers.len();
    (
        Layout::PerAnswerRatings,
        Grid {
            headers,
            rows: lines.iter().copied().zip(rows).collect(),
            identifying: vec![false; n],
        },
    )
}

/// One row per answer naming values: one cell per respondent with all it named.
fn pivot_choices(grid: &Grid, answer: usize, of_row: &[usize], lines: &[usize]) -> (Layout, Grid) {
    let respondents = lines.len();
    let mut rows = vec![String::new(); respondents];
    for (&i, (_, r)) in of_row.iter().zip(&grid.rows) {
        if !r[answer].is_empty() {
            rows[i].push_str(&r[answer]);
            rows[i].push('\n');
        }
    }
    (
        Layout::PerAnswerChoices,
        Grid {
            headers: vec![grid.headers[answer].clone()],
            rows: lines
                .iter()
                .copied()
                .zip(rows.into_iter().map(|r| vec![r]))
                .collect(),
            identifying: vec![false],
        },
    )
}

/// A column that rates a value.
struct Rated {
    column: usize,
    value: usize,
    asks: Option<words::Asks>,
}

/// One column per value. `None` when no column rates a value.
pub(super) fn ratings(
    name: &str,
    deck: &Deck,
    opts: Options,
    grid: &Grid,
) -> Result<Option<Proposal>, PollError> {
    let mut rated: Vec<Rated> = Vec::new();
    let mut p = blank(Layout::Ratings, grid.rows.len(), opts.moment);
    for (c, header) in grid.headers.iter().enumerate() {
        if grid.identifying[c] {
            continue;
        }
        match match_key(deck, header) {
            Some((value, key)) if !grid.textual(c) => rated.push(Rated {
                column: c,
                value,
                asks: words::asks(header, &key),
            }),
            Some(_) => p.free_text.push(grid.free_text(c)),
            // An open question that names no value is free text; other columns are listed.
            None if grid.textual(c) => p.free_text.push(grid.free_text(c)),
            None if !header.is_empty() => p.unmatched.push(header.clone()),
            None => {}
        }
    }
    if rated.is_empty() {
        return Ok(None);
    }
    let counted = counted_columns(deck, opts, grid, &rated, &mut p);
    let scale = scale_of(name, grid, &rated, &counted)?;
    p.scale = scale;
    let sums = rating_sums(deck, grid, &counted, scale, &mut p);
    p.likert.sort_by_key(|(_, l)| *l);
    p.support = deck
        .values
        .iter()
        .zip(&sums)
        .map(|(v, &(sum, n))| {
            let n64 = n as u64;
            // mean on 1–5 = 1 + 4·sum/(SPAN·n) ≥ t  ⇔  8·sum ≥ (2t − 2)·SPAN·n
            let weight = match 8 * sum {
                _ if n == 0 => None,
                s if s >= 7 * SPAN * n64 => Some(3),
                s if s >= 5 * SPAN * n64 => Some(2),
                s if s >= 3 * SPAN * n64 => Some(1),
                _ => None,
            };
            Support {
                value: v.id.clone(),
                score: if n == 0 {
                    0.0
                } else {
                    1.0 + 4.0 * sum as f64 / (SPAN * n64) as f64
                },
                answers: n,
                weight,
            }
        })
        .collect();
    Ok(Some(p))
}

/// Sums of answers rescaled to 0..=SPAN (SPAN is a multiple of every scale's width).
const SPAN: u64 = 180;

/// Per deck value the sum of its answers (rescaled to 0..=[`SPAN`]) and how many there are; the
/// Likert labels and the cells that do not count go into `p`.
fn rating_sums(
    deck: &Deck,
    grid: &Grid,
    counted: &[&Rated],
    scale: Option<Scale>,
    p: &mut Proposal,
) -> Vec<(u64, usize)> {
    let strong_very = !counted
        .iter()
        .any(|r| grid.nonempty(r.column).any(words::extreme_label));
    let mut sums = vec![(0u64, 0usize); deck.values.len()];
    for r in counted {
        let header = &grid.headers[r.column];
        for (line, cell) in grid.cells(r.column) {
            if cell.is_empty() {
                continue;
            }
            let x = match (words::rating(cell), scale) {
                (Some(n), Some(s)) if (s.low..=s.high).contains(&n) => {
                    Some(u64::from(n - s.low) * SPAN / u64::from(s.high - s.low))
                }
                (Some(_), _) => None,
                (None, _) => words::likert(cell, strong_very).map(|l| {
                    let label = cell.to_string();
                    if !p.likert.iter().any(|(t, _)| fold(t) == fold(&label)) {
                        p.likert.push((label, l));
                    }
                    u64::from(l - 1) * SPAN / 4
                }),
            };
            match x {
                Some(x) => {
                    sums[r.value].0 += x;
                    sums[r.value].1 += 1;
                }
                None => p.ignored.push(bi!(
                    "rij {line}, {header}: \"{cell}\"",
                    "row {line}, {header}: \"{cell}\""
                )),
            }
        }
    }
    sums
}

/// Per value the column that counts: "now" or "desired" when both are asked; a warning when more
/// columns ask about one value.
fn counted_columns<'a>(
    deck: &Deck,
    opts: Options,
    grid: &Grid,
    rated: &'a [Rated],
    p: &mut Proposal,
) -> Vec<&'a Rated> {
    let mut counted: Vec<&Rated> = Vec::new();
    for (vi, v) in deck.values.iter().enumerate() {
        let cols: Vec<&Rated> = rated.iter().filter(|r| r.value == vi).collect();
        let now = cols.iter().any(|r| r.asks == Some(words::Asks::Now));
        let other = cols.iter().any(|r| r.asks != Some(words::Asks::Now));
        let chosen: Vec<&Rated> = if now && other {
            p.paired.push(v.id.clone());
            let want_now = opts.moment == Moment::Now;
            cols.into_iter()
                .filter(|r| (r.asks == Some(words::Asks::Now)) == want_now)
                .collect()
        } else {
            cols
        };
        if let [first, rest @ ..] = chosen.as_slice() {
            counted.push(first);
            if !rest.is_empty() {
                let others = rest
                    .iter()
                    .map(|r| format!("\"{}\"", grid.headers[r.column]))
                    .collect::<Vec<_>>()
                    .join(", ");
                let (value, counted) = (&v.name, &grid.headers[first.column]);
                p.warnings.push(bi!(
                    "Meer kolommen vragen naar {value}: alleen \"{counted}\" telt, niet {others}.",
                    "More columns ask about {value}: only \"{counted}\" counts, not {others}."
                ));
            }
        }
    }
    counted
}

/// The scale of the rated columns: stated in a header, else read from the answers.
fn scale_of(
    name: &str,
    grid: &Grid,
    rated: &[Rated],
    counted: &[&Rated],
) -> Result<Option<Scale>, PollError> {
    let mut stated: Vec<(u32, u32)> = Vec::new();
    for r in rated {
        if let Some(s) = words::header_scale(&grid.headers[r.column])
            && !stated.contains(&s)
        {
            stated.push(s);
        }
    }
    let numbers: Vec<u32> = counted
        .iter()
        .flat_map(|r| grid.nonempty(r.column).filter_map(words::rating))
        .collect();
    let scale = match stated.as_slice() {
        [] if numbers.is_empty() => None,
        [] => {
            let (lo, hi) = (
                *numbers.iter().min().unwrap_or(&1),
                *numbers.iter().max().unwrap_or(&5),
            );
            let high = match hi {
                _ if lo == 0 && hi <= 10 => 10,
                0..=5 => 5,
                6 | 7 => 7,
                8..=10 => 10,
                _ => {
                    return Err(err(bi!(
                        "{name}: er zijn antwoorden tot {hi}; het spel kent de schalen 1–5, 1–7, 1–10 en 0–10. Zet de antwoorden om naar een van die schalen, of noem de schaal in de kop van de kolommen, bijvoorbeeld \"(1-10)\".",
                        "{name}: there are answers up to {hi}; the game knows the scales 1–5, 1–7, 1–10 and 0–10. Convert the answers to one of those scales, or name the scale in the column headers, for example \"(1-10)\"."
                    )));
                }
            };
            Some(Scale {
                low: if lo == 0 { 0 } else { 1 },
                high,
                stated: false,
            })
        }
        [(lo, hi)] => {
            if !SCALES.contains(&(*lo, *hi)) {
                return Err(err(bi!(
                    "{name}: de kop noemt een schaal van {lo} tot {hi}; het spel kent de schalen 1–5, 1–7, 1–10 en 0–10. Vraag de cijfers op een van die schalen, of zet ze om.",
                    "{name}: the header names a scale of {lo} to {hi}; the game knows the scales 1–5, 1–7, 1–10 and 0–10. Ask for the numbers on one of those scales, or convert them."
                )));
            }
            Some(Scale {
                low: *lo,
                high: *hi,
                stated: true,
            })
        }
        _ => {
            let list: Vec<String> = stated.iter().map(|(l, h)| format!("{l}–{h}")).collect();
            let list = list.join(", ");
            return Err(err(bi!(
                "{name}: de kolommen noemen verschillende schalen ({list}); gebruik één schaal voor alle waarden.",
                "{name}: the columns name different scales ({list}); use one scale for all values."
            )));
        }
    };
    Ok(scale)
}

/// One column in which each respondent names the values that matter most.
pub(super) fn top_three(name: &str, deck: &Deck, grid: &Grid) -> Result<Proposal, PollError> {
    // The column whose answers name deck values most often.
    let best = (0..grid.headers.len())
        .filter(|&c| !grid.identifying[c])
        .map(|c| {
            let hits = grid
                .nonempty(c)
                .flat_map(split_choices)
                .filter(|a| choice_value(deck, a).is_some())
                .count();
            (hits, c)
        })
        .max_by_key(|&(hits, c)| (hits, std::cmp::Reverse(c)));
    let Some((_, column)) = best.filter(|&(hits, _)| hits > 0) else {
        let names: Vec<&str> = deck.values.iter().map(|v| v.name.as_str()).collect();
        let headers: Vec<&str> = grid
            .headers
            .iter()
            .zip(&grid.identifying)
            .filter(|(_, i)| !**i)
            .map(|(h, _)| h.as_str())
            .collect();
        let (names, headers) = (names.join(", "), headers.join(", "));
        return Err(err(bi!(
            "{name}: geen kolom noemt een waarde van dit deck. Verwacht: per waarde een kolom met een cijfer of een antwoord als \"belangrijk\", of één kolom met de belangrijkste waarden. De waarden van het deck: {names}. Kolommen in het bestand: {headers}.",
            "{name}: no column names a value of this deck. Expected: per value a column with a number or an answer like \"important\", or one column with the most important values. The deck's values: {names}. Columns in the file: {headers}."
        )));
    };
    let mut p = blank(Layout::TopThree, grid.rows.len(), Moment::Desired);
    let mut counts = vec![0usize; deck.values.len()];
    for (_, cell) in grid.cells(column) {
        let mut named: Vec<usize> = Vec::new();
        for answer in split_choices(cell) {
            match choice_value(deck, answer) {
                Some(vi) if !named.contains(&vi) => named.push(vi),
                Some(_) => {}
                None => {
                    if !p.unmatched.iter().any(|u| u == answer) {
                        p.unmatched.push(answer.to_string());
                    }
                }
            }
        }
        for vi in named {
            counts[vi] += 1;
        }
    }
    for c in 0..grid.headers.len() {
        if c != column && !grid.identifying[c] && grid.textual(c) {
            p.free_text.push(grid.free_text(c));
        }
    }
    let n = grid.rows.len();
    p.support = deck
        .values
        .iter()
        .zip(&counts)
        .map(|(v, &c)| {
            // Integer shares: c/n ≥ 1/2, 1/4, 1/10.
            let weight = match c {
                _ if 2 * c >= n && c > 0 => Some(3),
                _ if 4 * c >= n && c > 0 => Some(2),
                _ if 10 * c >= n && c > 0 => Some(1),
                _ => None,
            };
            Support {
                value: v.id.clone(),
                score: c as f64 / n as f64,
                answers: c,
                weight,
            }
        })
        .collect();
    Ok(p)
}
