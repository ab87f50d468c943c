//! Reading a journal: format 2 (every line sealed with a checksum) and format 1 (before checksums).

use std::path::Path;

use super::{Loaded, Meta, StoreError, line};
use crate::bi;
use crate::deck::Deck;
use crate::lang::Bi;
use crate::session::Event;

/// The tag every `Recovered` line (format 1) carries.
const RECOVERED: &[u8] = b"\"Recovered\"";

pub(super) fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StoreError::Empty {
            path: path.to_path_buf(),
        });
    }
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    if line::open(first).is_some() {
        parse_sealed(path, bytes)
    } else {
        parse_v1(path, bytes)
    }
}

fn not_a_journal(path: &Path, detail: Bi) -> StoreError {
    StoreError::NotAJournal {
        path: path.to_path_buf(),
        detail,
    }
}

fn corrupt(path: &Path, line: usize, detail: Bi) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        line,
        detail,
    }
}

/// Why a line that does not open is damaged.
fn damage(raw: &[u8]) -> Bi {
    if raw.iter().all(|&b| b == 0) {
        bi!("alleen nullen", "only zeros")
    } else if std::str::from_utf8(raw).is_err() {
        not_utf8()
    } else {
        bi!("de controlesom klopt niet", "the checksum does not match")
    }
}

fn not_utf8() -> Bi {
    bi!("geen geldige UTF-8", "not valid UTF-8")
}

/// What a header line holds: (format, created, settings, deck as played, the journal it replaces).
type Header = (
    u32,
    Option<String>,
    crate::session::Settings,
    Option<Deck>,
    Option<String>,
);

fn header(path: &Path, json: &[u8]) -> Result<Header, StoreError> {
    match serde_json::from_slice::<Meta>(json) {
        Ok(Meta::Journal {
            format,
            created,
            settings,
            deck,
            replaces,
        }) => {
            if format > super::FORMAT {
                return Err(StoreError::Format {
                    path: path.to_path_buf(),
                    found: format,
                });
            }
            Ok((format, created, *settings, deck.map(|d| *d), replaces))
        }
        Ok(_) => Err(not_a_journal(
            path,
            bi!(
                "de eerste regel is geen kop",
                "the first line is not a header"
            ),
        )),
        Err(e) => Err(not_a_journal(path, Bi::same(e.to_string()))),
    }
}

/// The lines of a journal and whether the last one ends with its newline (the empty piece after
/// the last newline is not a line).
fn split_lines(bytes: &[u8]) -> (Vec<&[u8]>, bool) {
    let complete = bytes.ends_with(b"\n");
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if complete {
        lines.pop(); // the empty piece after the last newline
    }
    (lines, complete)
}

/// The events of a journal, each with its line number, and how often the deck changed.
#[derive(Default)]
struct Body {
    events: Vec<Event>,
    line_of_event: Vec<usize>,
    deck_changes: usize,
}

/// Format 2: a line counts when its checksum holds and its newline is there. Everything after the
/// last such line is a tail that was never confirmed (a power cut, a full disk): it is fenced off
/// with a warning. A damaged line before a good one is an error naming that line.
fn parse_sealed(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    let (lines, complete) = split_lines(bytes);
    // Only lines with their newline can count.
    let whole = if complete {
        lines.len()
    } else {
        lines.len() - 1
    };
    let opened: Vec<Option<Vec<u8>>> = lines[..whole].iter().map(|l| line::open(l)).collect();
    let last_good = opened.iter().rposition(Option::is_some);
    let Some(last_good) = last_good else {
        return Err(not_a_journal(
            path,
            bi!(
                "de kopregel is niet helemaal geschreven",
                "the header line was not completely written"
            ),
        ));
    };
    let header_json = opened[0]
        .as_deref()
        .ok_or_else(|| corrupt(path, 1, damage(lines[0])))?;
    let (format, created, settings, mut deck, replaces) = header(path, header_json)?;
    let body = sealed_body(path, &lines, &opened[..=last_good], &mut deck)?;
    let fenced = last_good + 1 < lines.len();
    let warnings = if fenced {
        vec![unconfirmed_tail(path, &lines, last_good, complete)]
    } else {
        Vec::new()
    };
    Ok(Loaded {
        path: path.to_path_buf(),
        created,
        settings,
        events: body.events,
        warnings,
        format,
        deck,
        deck_changes: body.deck_changes,
        replaces,
        unclean: fenced,
        line_of_event: body.line_of_event,
    })
}

/// The sealed lines after the header, up to the last good one: events and deck changes (which
/// replace `deck`); a damaged line or a second header is an error naming its line.
fn sealed_body(
    path: &Path,
    lines: &[&[u8]],
    opened: &[Option<Vec<u8>>],
    deck: &mut Option<Deck>,
) -> Result<Body, StoreError> {
    let mut body = Body::default();
    for (i, json) in opened.iter().enumerate().skip(1) {
        let number = i + 1;
        let Some(json) = json else {
            return Err(corrupt(path, number, damage(lines[i])));
        };
        if let Ok(ev) = serde_json::from_slice::<Event>(json) {
            body.events.push(ev);
            body.line_of_event.push(number);
            continue;
        }
        match serde_json::from_slice::<Meta>(json) {
            Ok(Meta::Deck { deck: d }) => {
                *deck = Some(*d);
                body.deck_changes += 1;
            }
            Ok(_) => {
                return Err(corrupt(
                    path,
                    number,
                    bi!(
                        "een kopregel midden in het journaal",
                        "a header line in the middle of the journal"
                    ),
                ));
            }
            Err(e) => return Err(corrupt(path, number, Bi::same(e.to_string()))),
        }
    }
    Ok(body)
}

/// The warning for the bytes after the last good line, which were never confirmed.
fn unconfirmed_tail(path: &Path, lines: &[&[u8]], last_good: usize, complete: bool) -> Bi {
    let tail: usize = lines[last_good + 1..]
        .iter()
        .map(|l| l.len() + 1)
        .sum::<usize>()
        - usize::from(!complete);
    let (p, n) = (path.display(), last_good + 2);
    bi!(
        "{p}:{n}: de laatste {tail} bytes (vanaf regel {n}) zijn nooit bevestigd: het schrijven werd onderbroken. Ze tellen niet mee; al het andere is bewaard.",
        "{p}:{n}: the last {tail} bytes (from line {n}) were never confirmed: writing was interrupted. They do not count; everything else is kept."
    )
}

/// Format 1 (no checksums): a line counts once its newline is on disk; a last line without one is
/// dropped with a warning; a `Recovered` line fences off the torn line it names.
fn parse_v1(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    let (mut lines, complete) = split_lines(bytes);
    let torn = if complete { None } else { lines.pop() };
    let torn_number = torn.map(|_| lines.len() + 1);

    let Some(first) = lines.first() else {
        return Err(not_a_journal(
            path,
            bi!(
                "de eerste regel is niet compleet geschreven",
                "the first line was not completely written"
            ),
        ));
    };
    let (format, created, settings, deck, replaces) = header(path, first)?;
    if format > 1 {
        // A sealed header whose checksum does not hold.
        return Err(corrupt(path, 1, damage(first)));
    }

    let mut warnings = Vec::new();
    let body = v1_body(path, &lines, &mut warnings)?;
    if let Some(n) = torn_number {
        let p = path.display();
        warnings.push(bi!(
            "{p}:{n}: de laatste regel is niet helemaal geschreven (het programma stopte midden in het schrijven); die gebeurtenis telt niet mee, de rest is bewaard.",
            "{p}:{n}: the last line was not completely written (the program stopped in the middle of writing); that event does not count, the rest is kept."
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        created,
        settings,
        events: body.events,
        warnings,
        format,
        deck,
        deck_changes: 0,
        replaces,
        unclean: torn_number.is_some(),
        line_of_event: body.line_of_event,
    })
}

/// The whole lines of a format 1 journal after its header: events, with a warning for each torn
/// line that a `Recovered` line fenced off; anything else is an error naming its line.
fn v1_body(path: &Path, lines: &[&[u8]], warnings: &mut Vec<Bi>) -> Result<Body, StoreError> {
    let mut body = Body::default();
    for (i, &line) in lines.iter().enumerate().skip(1) {
        let number = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if fenced_off(lines.get(i + 1).copied(), number) {
            let p = path.display();
            warnings.push(bi!(
                "{p}:{number}: een half geschreven regel van een eerdere onderbreking telt niet mee.",
                "{p}:{number}: a half-written line from an earlier interruption does not count."
            ));
            continue;
        }
        if let Ok(ev) = serde_json::from_slice::<Event>(line) {
            body.events.push(ev);
            body.line_of_event.push(number);
            continue;
        }
        v1_other_line(path, number, line)?;
    }
    Ok(body)
}

/// Whether line `number` is a torn line that a resume fenced off with a `Recovered` line (`next`):
/// it does not count, even when its bytes happen to form a whole event (only the newline was
/// missing). (The byte search keeps the parse off the ordinary lines.)
fn fenced_off(next: Option<&[u8]>, number: usize) -> bool {
    next.is_some_and(|next| {
        next.windows(RECOVERED.len()).any(|w| w == RECOVERED)
            && matches!(
                serde_json::from_slice::<Meta>(next),
                Ok(Meta::Recovered { dropped_line }) if dropped_line == number
            )
    })
}

/// A format 1 line that is no event: a `Recovered` line right after the line it names, else
/// damage.
fn v1_other_line(path: &Path, number: usize, line: &[u8]) -> Result<(), StoreError> {
    match serde_json::from_slice::<Meta>(line) {
        Ok(Meta::Recovered { dropped_line }) => {
            // Only valid right after the line it names.
            if dropped_line + 1 != number {
                return Err(corrupt(
                    path,
                    number,
                    bi!(
                        "hersteld-regel noemt regel {dropped_line}, niet de regel ervoor",
                        "a recovered line names line {dropped_line}, not the line before it"
                    ),
                ));
            }
        }
        Ok(_) => {
            return Err(corrupt(
                path,
                number,
                bi!("een tweede kopregel", "a second header line"),
            ));
        }
        Err(e) => {
            let detail = match std::str::from_utf8(line) {
                Err(_) => not_utf8(),
                Ok(_) => Bi::same(e.to_string()),
            };
            return Err(corrupt(path, number, detail));
        }
    }
    Ok(())
}
