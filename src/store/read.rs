//! Reading a journal: format 2 (every line sealed with a checksum) and format 1 (before checksums).

use std::path::Path;

use super::{Loaded, Meta, StoreError, line};
use crate::deck::Deck;
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

fn not_a_journal(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::NotAJournal {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

fn corrupt(path: &Path, line: usize, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        line,
        detail: detail.into(),
    }
}

/// Why a line that does not open is damaged.
fn damage(raw: &[u8]) -> String {
    if raw.iter().all(|&b| b == 0) {
        "alleen nullen".into()
    } else if std::str::from_utf8(raw).is_err() {
        "geen geldige UTF-8".into()
    } else {
        "de controlesom klopt niet".into()
    }
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
        Ok(_) => Err(not_a_journal(path, "de eerste regel is geen kop")),
        Err(e) => Err(not_a_journal(path, e.to_string())),
    }
}

/// Format 2: a line counts when its checksum holds and its newline is there. Everything after the
/// last such line is a tail that was never confirmed (a power cut, a full disk): it is fenced off
/// with a warning. A damaged line before a good one is an error naming that line.
fn parse_sealed(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    let complete = bytes.ends_with(b"\n");
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if complete {
        lines.pop();
    }
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
            "de kopregel is niet helemaal geschreven",
        ));
    };
    let header_json = opened[0]
        .as_deref()
        .ok_or_else(|| corrupt(path, 1, damage(lines[0])))?;
    let (format, created, settings, mut deck, replaces) = header(path, header_json)?;

    let mut events = Vec::new();
    let mut line_of_event = Vec::new();
    let mut deck_changes = 0;
    for (i, json) in opened.iter().enumerate().take(last_good + 1).skip(1) {
        let number = i + 1;
        let Some(json) = json else {
            return Err(corrupt(path, number, damage(lines[i])));
        };
        if let Ok(ev) = serde_json::from_slice::<Event>(json) {
            events.push(ev);
            line_of_event.push(number);
            continue;
        }
        match serde_json::from_slice::<Meta>(json) {
            Ok(Meta::Deck { deck: d }) => {
                deck = Some(*d);
                deck_changes += 1;
            }
            Ok(_) => return Err(corrupt(path, number, "een kopregel midden in het journaal")),
            Err(e) => return Err(corrupt(path, number, e.to_string())),
        }
    }
    let tail: usize = lines[last_good + 1..]
        .iter()
        .map(|l| l.len() + 1)
        .sum::<usize>()
        - usize::from(!complete);
    let mut warnings = Vec::new();
    let fenced = last_good + 1 < lines.len();
    if fenced {
        warnings.push(format!(
            "{}:{}: de laatste {tail} bytes (vanaf regel {}) zijn nooit bevestigd: het schrijven werd onderbroken. Ze tellen niet mee; al het andere is bewaard.",
            path.display(),
            last_good + 2,
            last_good + 2
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        created,
        settings,
        events,
        warnings,
        format,
        deck,
        deck_changes,
        replaces,
        unclean: fenced,
        line_of_event,
    })
}

/// Format 1 (no checksums): a line counts once its newline is on disk; a last line without one is
/// dropped with a warning; a `Recovered` line fences off the torn line it names.
fn parse_v1(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    let complete = bytes.ends_with(b"\n");
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if complete {
        lines.pop(); // the empty piece after the last newline
    }
    let torn = if complete { None } else { lines.pop() };
    let torn_number = torn.map(|_| lines.len() + 1);

    let Some(first) = lines.first() else {
        return Err(not_a_journal(
            path,
            "de eerste regel is niet compleet geschreven",
        ));
    };
    let (format, created, settings, deck, replaces) = header(path, first)?;
    if format > 1 {
        // A sealed header whose checksum does not hold.
        return Err(corrupt(path, 1, damage(first)));
    }

    let mut events = Vec::new();
    let mut line_of_event = Vec::new();
    let mut warnings = Vec::new();
    let mut i = 1;
    while i < lines.len() {
        let number = i + 1;
        let line = lines[i];
        i += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // A torn line that a resume fenced off with a `Recovered` line: it does not count, even
        // when its bytes happen to form a whole event (only the newline was missing).
        // (The byte search keeps the parse off the ordinary lines.)
        let fenced = lines.get(i).is_some_and(|next| {
            next.windows(RECOVERED.len()).any(|w| w == RECOVERED)
                && matches!(
                    serde_json::from_slice::<Meta>(next),
                    Ok(Meta::Recovered { dropped_line }) if dropped_line == number
                )
        });
        if fenced {
            warnings.push(format!(
                "{}:{number}: een half geschreven regel van een eerdere onderbreking telt niet mee.",
                path.display()
            ));
            continue;
        }
        if let Ok(ev) = serde_json::from_slice::<Event>(line) {
            events.push(ev);
            line_of_event.push(number);
            continue;
        }
        match serde_json::from_slice::<Meta>(line) {
            Ok(Meta::Recovered { dropped_line }) => {
                // Only valid right after the line it names.
                if dropped_line + 1 != number {
                    return Err(corrupt(
                        path,
                        number,
                        format!("hersteld-regel noemt regel {dropped_line}, niet de regel ervoor"),
                    ));
                }
            }
            Ok(_) => return Err(corrupt(path, number, "een tweede kopregel")),
            Err(e) => {
                let detail = match std::str::from_utf8(line) {
                    Err(_) => "geen geldige UTF-8".to_string(),
                    Ok(_) => e.to_string(),
                };
                return Err(corrupt(path, number, detail));
            }
        }
    }
    if let Some(n) = torn_number {
        warnings.push(format!(
            "{}:{n}: de laatste regel is niet helemaal geschreven (het programma stopte midden in het schrijven); die gebeurtenis telt niet mee, de rest is bewaard.",
            path.display()
        ));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        created,
        settings,
        events,
        warnings,
        format,
        deck,
        deck_changes: 0,
        replaces,
        unclean: torn_number.is_some(),
        line_of_event,
    })
}
