//! What the words in headers and cells say: identifying columns, now or desired, Likert labels,
//! ratings, scales, summary and per-answer exports. Every text here is folded (see [`fold`]).

use super::fold;

/// Headers of columns that identify a respondent or say when they answered, as Microsoft Forms
/// and Google Forms (Dutch and English) and other tools export them.
const IDENTIFYING: &[&str] = &[
    "id",
    "nr",
    "respondent",
    "respondent id",
    "respondentid",
    "response id",
    "responder",
    "participant",
    "participant id",
    "deelnemer",
    "deelnemer id",
    "deelnemersnummer",
    "voter",
    "voter id",
    "user",
    "user id",
    "gebruiker",
    "naam",
    "name",
    "full name",
    "volledige naam",
    "voornaam",
    "achternaam",
    "first name",
    "last name",
    "email",
    "e mail",
    "emailadres",
    "e mailadres",
    "e mail adres",
    "email address",
    "e mail address",
    "start time",
    "starttijd",
    "begintijd",
    "completion time",
    "tijd van voltooien",
    "voltooiingstijd",
    "eindtijd",
    "end time",
    "timestamp",
    "tijdstempel",
    "last modified time",
    "tijdstip van laatste wijziging",
    "laatst gewijzigd",
    "submitted at",
    "submit date",
    "ingediend op",
    "date",
    "datum",
    "time",
    "tijd",
    "ip address",
    "ip adres",
    "network id",
    "phone",
    "telefoon",
    "telefoonnummer",
];

/// Identifying headers that name one respondent (as opposed to a time), best first: used to count
/// per respondent in a per-answer export.
const RESPONDENT_KEYS: &[&[&str]] = &[
    &[
        "id",
        "respondent",
        "respondent id",
        "respondentid",
        "response id",
        "responder",
        "participant",
        "participant id",
        "deelnemer",
        "deelnemer id",
        "deelnemersnummer",
        "voter",
        "voter id",
        "user",
        "user id",
        "gebruiker",
    ],
    &[
        "email",
        "e mail",
        "emailadres",
        "e mailadres",
        "e mail adres",
        "email address",
        "e mail address",
    ],
    &["naam", "name", "full name", "volledige naam"],
];

/// Is this the header of an identifying column?
pub fn identifying(header: &str) -> bool {
    IDENTIFYING.contains(&fold(header).as_str())
}

/// How well a header names one respondent: 0 best, `None` when it does not.
pub fn respondent_rank(header: &str) -> Option<usize> {
    let h = fold(header);
    RESPONDENT_KEYS
        .iter()
        .position(|keys| keys.contains(&h.as_str()))
}

/// Does a cell look like an e-mail address?
pub fn email(cell: &str) -> bool {
    let c = cell.trim();
    !c.contains(char::is_whitespace)
        && c.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
}

/// A header that heads a summary export's averages.
pub fn average_header(header: &str) -> bool {
    matches!(
        fold(header).as_str(),
        "average"
            | "gemiddelde"
            | "gemiddeld"
            | "mean"
            | "avg"
            | "average score"
            | "average rating"
            | "mean score"
            | "gemiddelde score"
            | "gemiddeld cijfer"
    )
}

/// A header that heads the question (or statement) column of a per-answer export.
pub fn question_header(header: &str) -> bool {
    matches!(
        fold(header).as_str(),
        "question" | "vraag" | "statement" | "stelling" | "item" | "onderwerp" | "topic"
    )
}

/// A header that heads the answer column of a per-answer export.
pub fn answer_header(header: &str) -> bool {
    matches!(
        fold(header).as_str(),
        "answer"
            | "antwoord"
            | "response"
            | "reactie"
            | "score"
            | "vote"
            | "stem"
            | "rating"
            | "cijfer"
            | "keuze"
            | "choice"
            | "option"
            | "optie"
            | "value"
            | "waarde"
    )
}

/// Which moment a header asks about, read from its words other than the value's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asks {
    Now,
    Desired,
}

pub fn asks(header: &str, value_key: &str) -> Option<Asks> {
    let h = format!(" {} ", fold(header)).replace(&format!(" {value_key} "), " ");
    let has = |w: &&str| h.contains(&format!(" {w} "));
    const NOW: &[&str] = &[
        "nu",
        "huidig",
        "huidige",
        "momenteel",
        "op dit moment",
        "now",
        "current",
        "currently",
        "today",
        "vandaag",
        "actueel",
        "actuele",
    ];
    const DESIRED: &[&str] = &[
        "gewenst",
        "gewenste",
        "wens",
        "wenselijk",
        "ideaal",
        "ideale",
        "zou moeten",
        "zou",
        "moeten",
        "toekomst",
        "desired",
        "ideal",
        "ideally",
        "should",
        "future",
    ];
    // "desired" words win: "hoe zou het nu moeten" asks what is desired.
    if DESIRED.iter().any(has) {
        Some(Asks::Desired)
    } else if NOW.iter().any(has) {
        Some(Asks::Now)
    } else {
        None
    }
}

/// A rating written as a number: "4", "4,0", "4 - belangrijk", "8/10", "5 (heel belangrijk)".
/// Free text that starts with a number ("1 keer per week", "2x per maand") is not one.
pub fn rating(cell: &str) -> Option<u32> {
    let c = cell.trim();
    let digits = c.len() - c.trim_start_matches(|ch: char| ch.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = c[..digits].parse().ok()?;
    let mut rest = &c[digits..];
    // "4,0" or "4.00": a whole number written with decimals.
    if let Some(r) = rest.strip_prefix([',', '.'])
        && !r.is_empty()
        && r.trim_start_matches('0').len() < r.len()
    {
        let r = r.trim_start_matches('0');
        if r.starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        rest = r;
    }
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with(['-', '–', '—', '=', ':', '(', '/', '.', ')']) {
        Some(n)
    } else {
        None
    }
}

/// Likert labels in Dutch and English and the rating (1–5) each stands for. `strong_very`:
/// whether "very important" is the top of the scale (it is not when "extremely important" is).
pub fn likert(cell: &str, strong_very: bool) -> Option<u8> {
    let very = if strong_very { 5 } else { 4 };
    let r = match fold(cell).as_str() {
        "helemaal niet belangrijk" | "totaal niet belangrijk" | "zeer onbelangrijk" => 1,
        "helemaal mee oneens" | "zeer oneens" | "helemaal oneens" => 1,
        "not at all important" | "not important at all" | "very unimportant" => 1,
        "strongly disagree" => 1,
        "niet belangrijk" | "onbelangrijk" | "weinig belangrijk" => 2,
        "mee oneens" | "oneens" => 2,
        "not important" | "unimportant" | "slightly important" | "of little importance" => 2,
        "disagree" => 2,
        "neutraal" | "enigszins belangrijk" | "een beetje belangrijk" | "redelijk belangrijk" => 3,
        "niet belangrijk niet onbelangrijk" | "neutraal belangrijk" => 3,
        "niet mee eens niet mee oneens" | "eens noch oneens" | "neutraal eens" => 3,
        "neutral" | "moderately important" | "somewhat important" => 3,
        "neither agree nor disagree" | "neither important nor unimportant" => 3,
        "belangrijk" | "mee eens" | "eens" | "important" | "agree" => 4,
        "zeer belangrijk" | "heel belangrijk" | "erg belangrijk" | "very important" => very,
        "uiterst belangrijk" | "extreem belangrijk" | "extremely important" => 5,
        "helemaal mee eens" | "zeer eens" | "helemaal eens" | "strongly agree" => 5,
        _ => return None,
    };
    Some(r)
}

/// Is this a label that makes "very important" the second step from the top?
pub fn extreme_label(cell: &str) -> bool {
    matches!(
        fold(cell).as_str(),
        "uiterst belangrijk" | "extreem belangrijk" | "extremely important"
    )
}

/// A scale stated in a header: "(1-10)", "op een schaal van 1 tot 7", "0 – 10", "1 t/m 5",
/// "1 = niet belangrijk, 10 = heel belangrijk": the first 0 or 1 followed by a likely top of a
/// scale as the next number. Whether the game supports it is decided by the caller.
pub fn header_scale(header: &str) -> Option<(u32, u32)> {
    let numbers: Vec<u32> = header
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty() && s.len() <= 3)
        .filter_map(|s| s.parse().ok())
        .collect();
    numbers.windows(2).find_map(|w| match (w[0], w[1]) {
        (lo @ (0 | 1), hi @ (3..=7 | 10 | 100)) => Some((lo, hi)),
        _ => None,
    })
}
