//! The scores of a session for spreadsheets: `scores.xlsx` (to open and read, in the session's
//! language) and `scores.csv` (for tools). One model, [`rows`], feeds both.
//!
//! Every team has one row per revealed round. A row's adjustment is what the facilitator gave or
//! took since the team's previous row: points given before the first round count in the first row,
//! points given in a skipped or an unrevealed round in the next revealed one, and points given after
//! the last revealed round in the last row. So a team's round scores plus its adjustments add up to
//! its total, and `running` (the total so far) of its last row is its final total.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::deck::Language;
use crate::session::{RoundStatus, Session};

/// One team's result in one revealed round, with the facilitator's adjustments counted there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    /// The round number as shown (skipped rounds are not numbered).
    pub round: usize,
    pub scenario_id: String,
    pub scenario: String,
    pub team: usize,
    pub team_name: String,
    /// The behaviour's letter and text.
    pub key: char,
    pub behaviour: String,
    pub score: i64,
    pub best: i64,
    /// The adjustments counted in this row, in the order made: (points, reason).
    pub adjustments: Vec<(i64, String)>,
    /// The team's total after this row.
    pub running: i64,
    /// Points per value in this round, for the values in [`agreed_values`] (0 where the team did
    /// not agree on the value or the behaviour did not touch it).
    pub per_value: Vec<i64>,
}

impl ScoreRow {
    pub fn adjusted(&self) -> i64 {
        self.adjustments.iter().map(|(p, _)| *p).sum()
    }
}

/// The values any team agreed on, in deck order: the value columns (values nobody agreed count for
/// nobody, so they have no column).
pub fn agreed_values(s: &Session) -> Vec<(String, String)> {
    s.deck()
        .values
        .iter()
        .filter(|v| (0..s.team_count()).any(|t| s.team_values(t).iter().any(|(id, _)| *id == v.id)))
        .map(|v| (v.id.clone(), v.name.clone()))
        .collect()
}

/// The index of the revealed round an adjustment made in `round` counts in (see the module's
/// documentation), or `None` when no round was revealed.
fn counted_in(revealed: &[usize], round: Option<usize>) -> Option<usize> {
    let last = *revealed.last()?;
    Some(match round {
        None => revealed[0],
        Some(i) => revealed.iter().copied().find(|&r| r >= i).unwrap_or(last),
    })
}

/// Every team's row for every revealed round, round by round, teams in order.
pub fn rows(s: &Session) -> Vec<ScoreRow> {
    let deck = s.deck();
    let values = agreed_values(s);
    let state = s.state();
    let revealed: Vec<usize> = (0..state.rounds.len())
        .filter(|&i| state.rounds[i].status == RoundStatus::Revealed)
        .collect();
    let mut running = vec![0i64; s.team_count()];
    let mut out = Vec::new();
    for r in s.results() {
        let sc = deck.scenario(&r.scenario);
        for t in &r.teams {
            let adjustments: Vec<(i64, String)> = state
                .adjustments
                .iter()
                .filter(|a| a.team == t.team && counted_in(&revealed, a.round) == Some(r.index))
                .map(|a| (a.points, a.reason.clone()))
                .collect();
            let adjusted: i64 = adjustments.iter().map(|(p, _)| *p).sum();
            if let Some(total) = running.get_mut(t.team) {
                *total = total.saturating_add(t.score).saturating_add(adjusted);
            }
            out.push(ScoreRow {
                round: r.number,
                scenario_id: r.scenario.clone(),
                scenario: sc.map_or_else(|| r.scenario.clone(), |x| x.title.clone()),
                team: t.team,
                team_name: s.settings().team_name(t.team),
                key: t.key.letter(),
                behaviour: sc
                    .and_then(|x| x.behaviour(t.key))
                    .map(|b| b.text.clone())
                    .unwrap_or_default(),
                score: t.score,
                best: t.best,
                adjustments,
                running: running.get(t.team).copied().unwrap_or(0),
                per_value: values
                    .iter()
                    .map(|(id, _)| {
                        t.per_value
                            .iter()
                            .find(|c| c.value == *id)
                            .map_or(0, |c| c.points)
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The words of the spreadsheets, per language.
struct Words {
    round: &'static str,
    scenario: &'static str,
    team: &'static str,
    behaviour: &'static str,
    description: &'static str,
    score: &'static str,
    best: &'static str,
    adjustment: &'static str,
    reason: &'static str,
    running: &'static str,
    rank: &'static str,
    rounds_total: &'static str,
    total: &'static str,
    of_best: &'static str,
    value: &'static str,
    weight: &'static str,
    effect: &'static str,
    points: &'static str,
    when: &'static str,
    before_rounds: &'static str,
    skipped: &'static str,
    not_revealed: &'static str,
    sheet_rounds: &'static str,
    sheet_ranking: &'static str,
    sheet_profiles: &'static str,
    sheet_adjustments: &'static str,
}

const NL: Words = Words {
    round: "Ronde",
    scenario: "Scenario",
    team: "Team",
    behaviour: "Gedrag",
    description: "Omschrijving",
    score: "Rondescore",
    best: "Beste mogelijk",
    adjustment: "Aanpassing",
    reason: "Reden aanpassing",
    running: "Stand",
    rank: "Plaats",
    rounds_total: "Rondescores",
    total: "Totaal",
    of_best: "% van het haalbare",
    value: "Waarde",
    weight: "Gewicht",
    effect: "Effect",
    points: "Punten",
    when: "Wanneer",
    before_rounds: "voor de eerste ronde",
    skipped: "overgeslagen",
    not_revealed: "nog niet onthuld",
    sheet_rounds: "Per ronde",
    sheet_ranking: "Eindstand",
    sheet_profiles: "Waardenprofielen",
    sheet_adjustments: "Aanpassingen",
};

const EN: Words = Words {
    round: "Round",
    scenario: "Scenario",
    team: "Team",
    behaviour: "Behaviour",
    description: "Description",
    score: "Round score",
    best: "Best possible",
    adjustment: "Adjustment",
    reason: "Reason for adjustment",
    running: "Running total",
    rank: "Rank",
    rounds_total: "Round scores",
    total: "Total",
    of_best: "% of best possible",
    value: "Value",
    weight: "Weight",
    effect: "Effect",
    points: "Points",
    when: "When",
    before_rounds: "before the first round",
    skipped: "skipped",
    not_revealed: "not revealed yet",
    sheet_rounds: "Per round",
    sheet_ranking: "Ranking",
    sheet_profiles: "Value profiles",
    sheet_adjustments: "Adjustments",
};

fn words(lang: Language) -> &'static Words {
    match lang {
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

/// The field separator of `scores.csv`: `;` for Dutch sessions (what Excel with Dutch regional
/// settings expects, since there the comma is the decimal sign), `,` for English ones.
pub fn separator(lang: Language) -> u8 {
    match lang {
        Language::Nl => b';',
        Language::En => b',',
    }
}

/// A text cell a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so it is shown as written and never evaluated.
pub fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The reasons of a row's adjustments, as one cell: the reason alone when there is one, else each
/// with its points.
fn reasons(adjustments: &[(i64, String)]) -> String {
    match adjustments {
        [(_, reason)] => reason.clone(),
        many => many
            .iter()
            .map(|(p, r)| format!("{r} ({p:+})"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// `scores.csv`: a UTF-8 byte order mark (so Excel reads it as UTF-8), the session's separator,
/// readable headers in its language, one row per team per revealed round; text cells defused.
pub fn csv(s: &Session) -> Result<Vec<u8>, String> {
    let lang = s.settings().language;
    let w = words(lang);
    let values = agreed_values(s);
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(separator(lang))
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let mut header: Vec<String> = [
        w.round,
        w.scenario,
        w.team,
        w.behaviour,
        w.score,
        w.adjustment,
        w.reason,
        w.running,
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    header.extend(values.iter().map(|(_, name)| defuse(name)));
    out.write_record(&header).map_err(|e| e.to_string())?;
    for r in rows(s) {
        let mut row = vec![
            r.round.to_string(),
            defuse(&r.scenario),
            defuse(&r.team_name),
            r.key.to_string(),
            r.score.to_string(),
            r.adjusted().to_string(),
            defuse(&reasons(&r.adjustments)),
            r.running.to_string(),
        ];
        row.extend(r.per_value.iter().map(i64::to_string));
        out.write_record(&row).map_err(|e| e.to_string())?;
    }
    out.into_inner().map_err(|e| e.to_string())
}

fn xe(e: XlsxError) -> String {
    format!("scores.xlsx: {e}")
}

/// A sheet's header row in bold, frozen, with column widths (in characters).
fn header(sheet: &mut Worksheet, names: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (c, name) in names.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c, *name, &bold)?;
        if let Some(w) = widths.get(usize::from(c)) {
            sheet.set_column_width(c, *w)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Row numbers for the sheets (a session never has a million rows; saturates rather than wraps).
fn row(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn col(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// `created` (RFC 3339, UTC) as the workbook's creation time, so the same journal gives the same
/// bytes; 1 January 2000 when the journal does not say.
fn creation(created: Option<&str>) -> ExcelDateTime {
    let parse = |c: &str| -> Option<ExcelDateTime> {
        let n = |a: usize, b: usize| c.get(a..b)?.parse::<u16>().ok();
        let to8 = |v: u16| u8::try_from(v).ok();
        ExcelDateTime::from_ymd(n(0, 4)?, to8(n(5, 7)?)?, to8(n(8, 10)?)?)
            .ok()?
            .and_hms(n(11, 13)?, to8(n(14, 16)?)?, n(17, 19)?)
            .ok()
    };
    created
        .and_then(parse)
        .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok())
        .unwrap_or_default()
}

/// `scores.xlsx`: four sheets in the session's language — per team per round, the totals and
/// ranking, the value profiles and the adjustments with their reasons; numbers as numbers.
pub fn xlsx(s: &Session, created: Option<&str>) -> Result<Vec<u8>, String> {
    let lang = s.settings().language;
    let w = words(lang);
    let deck = s.deck();
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{} — {}", w.sheet_rounds, deck.title))
            .set_creation_datetime(&creation(created)),
    );
    let rows = rows(s);
    let values = agreed_values(s);

    // Per team per round.
    {
        let sheet = book.add_worksheet();
        sheet.set_name(w.sheet_rounds).map_err(xe)?;
        let mut names = vec![
            w.round,
            w.scenario,
            w.team,
            w.behaviour,
            w.description,
            w.score,
            w.best,
            w.adjustment,
            w.reason,
            w.running,
        ];
        names.extend(values.iter().map(|(_, n)| n.as_str()));
        let mut widths = vec![7.0, 30.0, 18.0, 8.0, 50.0, 11.0, 13.0, 11.0, 30.0, 9.0];
        widths.extend(
            values
                .iter()
                .map(|(_, n)| (n.chars().count() as f64 + 2.0).max(10.0)),
        );
        header(sheet, &names, &widths).map_err(xe)?;
        for (i, r) in rows.iter().enumerate() {
            let y = row(i + 1);
            sheet.write_number(y, 0, r.round as f64).map_err(xe)?;
            sheet.write_string(y, 1, &r.scenario).map_err(xe)?;
            sheet.write_string(y, 2, &r.team_name).map_err(xe)?;
            sheet.write_string(y, 3, r.key.to_string()).map_err(xe)?;
            sheet.write_string(y, 4, &r.behaviour).map_err(xe)?;
            sheet.write_number(y, 5, r.score as f64).map_err(xe)?;
            sheet.write_number(y, 6, r.best as f64).map_err(xe)?;
            sheet.write_number(y, 7, r.adjusted() as f64).map_err(xe)?;
            if !r.adjustments.is_empty() {
                sheet
                    .write_string(y, 8, reasons(&r.adjustments))
                    .map_err(xe)?;
            }
            sheet.write_number(y, 9, r.running as f64).map_err(xe)?;
            for (v, points) in r.per_value.iter().enumerate() {
                sheet
                    .write_number(y, col(10 + v), *points as f64)
                    .map_err(xe)?;
            }
        }
    }

    // Totals and ranking.
    {
        let sheet = book.add_worksheet();
        sheet.set_name(w.sheet_ranking).map_err(xe)?;
        header(
            sheet,
            &[
                w.rank,
                w.team,
                w.rounds_total,
                w.adjustment,
                w.total,
                w.of_best,
            ],
            &[8.0, 24.0, 13.0, 12.0, 9.0, 19.0],
        )
        .map_err(xe)?;
        let adjusted = |t: usize| -> i64 {
            s.state()
                .adjustments
                .iter()
                .filter(|a| a.team == t)
                .map(|a| a.points)
                .sum()
        };
        for (i, r) in s.ranking().iter().enumerate() {
            let y = row(i + 1);
            let adj = adjusted(r.team);
            sheet.write_number(y, 0, r.rank as f64).map_err(xe)?;
            sheet
                .write_string(y, 1, s.settings().team_name(r.team))
                .map_err(xe)?;
            sheet
                .write_number(y, 2, (r.total - adj) as f64)
                .map_err(xe)?;
            sheet.write_number(y, 3, adj as f64).map_err(xe)?;
            sheet.write_number(y, 4, r.total as f64).map_err(xe)?;
            if let Some(p) = s.alignment(r.team).percent() {
                sheet.write_number(y, 5, p as f64).map_err(xe)?;
            }
        }
    }

    // Value profiles: each team's agreed values with weight, effect and points.
    {
        let sheet = book.add_worksheet();
        sheet.set_name(w.sheet_profiles).map_err(xe)?;
        header(
            sheet,
            &[w.team, w.value, w.weight, w.effect, w.points],
            &[24.0, 30.0, 9.0, 8.0, 8.0],
        )
        .map_err(xe)?;
        let mut y = 1;
        for t in 0..s.team_count() {
            for v in s.value_totals(t) {
                let Some(weight) = v.weight else { continue };
                sheet
                    .write_string(y, 0, s.settings().team_name(t))
                    .map_err(xe)?;
                sheet
                    .write_string(y, 1, deck.value_name(&v.value))
                    .map_err(xe)?;
                sheet.write_number(y, 2, f64::from(weight)).map_err(xe)?;
                sheet.write_number(y, 3, v.effect as f64).map_err(xe)?;
                sheet.write_number(y, 4, v.points as f64).map_err(xe)?;
                y += 1;
            }
        }
    }

    // Adjustments with their reasons, in the order made.
    {
        let sheet = book.add_worksheet();
        sheet.set_name(w.sheet_adjustments).map_err(xe)?;
        header(
            sheet,
            &[w.team, w.when, w.scenario, w.points, w.reason],
            &[24.0, 22.0, 30.0, 8.0, 50.0],
        )
        .map_err(xe)?;
        let state = s.state();
        for (i, a) in state.adjustments.iter().enumerate() {
            let y = row(i + 1);
            sheet
                .write_string(y, 0, s.settings().team_name(a.team))
                .map_err(xe)?;
            match a.round.and_then(|r| state.rounds.get(r).map(|x| (r, x))) {
                None => {
                    sheet.write_string(y, 1, w.before_rounds).map_err(xe)?;
                }
                Some((index, round)) => {
                    let title = deck
                        .scenario(&round.scenario)
                        .map_or(round.scenario.as_str(), |x| x.title.as_str());
                    let when = match round.status {
                        RoundStatus::Revealed => format!("{} {}", w.round, s.number_of(index)),
                        RoundStatus::Open => {
                            format!("{} {} ({})", w.round, s.number_of(index), w.not_revealed)
                        }
                        RoundStatus::Skipped { .. } => w.skipped.to_string(),
                    };
                    sheet.write_string(y, 1, when).map_err(xe)?;
                    sheet.write_string(y, 2, title).map_err(xe)?;
                }
            }
            sheet.write_number(y, 3, a.points as f64).map_err(xe)?;
            sheet.write_string(y, 4, &a.reason).map_err(xe)?;
        }
    }

    book.save_to_buffer().map_err(xe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_defused_and_other_text_kept() {
        for risky in ["=1+1", "+31 6", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse(risky), format!("'{risky}"));
        }
        for plain in ["Balie", "Ééntje; twee", "a=b", ""] {
            assert_eq!(defuse(plain), plain);
        }
    }

    #[test]
    fn an_adjustment_counts_in_the_revealed_round_at_or_after_it() {
        let revealed = [1, 3, 4];
        assert_eq!(counted_in(&revealed, None), Some(1));
        assert_eq!(counted_in(&revealed, Some(0)), Some(1));
        assert_eq!(counted_in(&revealed, Some(1)), Some(1));
        assert_eq!(counted_in(&revealed, Some(2)), Some(3));
        assert_eq!(counted_in(&revealed, Some(4)), Some(4));
        assert_eq!(counted_in(&revealed, Some(7)), Some(4));
        assert_eq!(counted_in(&[], Some(0)), None);
    }
}
