//! `scores.xlsx`: four sheets in the session's language, from [`super::scores::rows`].

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::scores::{agreed_values, reasons, rows};
use crate::lang::{Key as _, Sheet};
use crate::session::{RoundStatus, Session};

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
        let m = crate::report::date::Moment::parse(c)?;
        ExcelDateTime::from_ymd(u16::try_from(m.year).ok()?, m.month, m.day)
            .ok()?
            .and_hms(u16::from(m.hour), m.minute, u16::from(m.second))
            .ok()
    };
    created
        .and_then(parse)
        .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok())
        .unwrap_or_default()
}

/// `scores.xlsx` of the report's session.
pub fn render(r: &super::Report) -> Result<Vec<u8>, String> {
    xlsx(r.session, r.created)
}

/// `scores.xlsx`: four sheets in the session's language — per team per round, the totals and
/// ranking, the value profiles and the adjustments with their reasons; numbers as numbers.
pub fn xlsx(s: &Session, created: Option<&str>) -> Result<Vec<u8>, String> {
    let lang = s.settings().language;
    let deck = s.deck();
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{} — {}", Sheet::SheetRounds.tr(lang), deck.title))
            .set_creation_datetime(&creation(created)),
    );
    per_round(book.add_worksheet(), s)?;
    ranking(book.add_worksheet(), s)?;
    profiles(book.add_worksheet(), s)?;
    adjustments(book.add_worksheet(), s)?;
    book.save_to_buffer().map_err(xe)
}

/// Per team per round.
fn per_round(sheet: &mut Worksheet, s: &Session) -> Result<(), String> {
    let lang = s.settings().language;
    let rows = rows(s);
    let values = agreed_values(s);
    sheet.set_name(Sheet::SheetRounds.tr(lang)).map_err(xe)?;
    let mut names = vec![
        Sheet::Round.tr(lang),
        Sheet::Scenario.tr(lang),
        Sheet::Team.tr(lang),
        Sheet::Behaviour.tr(lang),
        Sheet::Description.tr(lang),
        Sheet::Score.tr(lang),
        Sheet::Best.tr(lang),
        Sheet::Adjustment.tr(lang),
        Sheet::Reason.tr(lang),
        Sheet::Running.tr(lang),
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
    Ok(())
}

/// Totals and ranking.
fn ranking(sheet: &mut Worksheet, s: &Session) -> Result<(), String> {
    let lang = s.settings().language;
    sheet.set_name(Sheet::SheetRanking.tr(lang)).map_err(xe)?;
    header(
        sheet,
        &[
            Sheet::Rank.tr(lang),
            Sheet::Team.tr(lang),
            Sheet::RoundsTotal.tr(lang),
            Sheet::Adjustment.tr(lang),
            Sheet::Total.tr(lang),
            Sheet::OfBest.tr(lang),
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
    Ok(())
}

/// Value profiles: each team's agreed values with weight, effect and points.
fn profiles(sheet: &mut Worksheet, s: &Session) -> Result<(), String> {
    let lang = s.settings().language;
    let deck = s.deck();
    sheet.set_name(Sheet::SheetProfiles.tr(lang)).map_err(xe)?;
    header(
        sheet,
        &[
            Sheet::Team.tr(lang),
            Sheet::Value.tr(lang),
            Sheet::Weight.tr(lang),
            Sheet::Effect.tr(lang),
            Sheet::Points.tr(lang),
        ],
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
    Ok(())
}

/// Adjustments with their reasons, in the order made.
fn adjustments(sheet: &mut Worksheet, s: &Session) -> Result<(), String> {
    let lang = s.settings().language;
    let deck = s.deck();
    sheet
        .set_name(Sheet::SheetAdjustments.tr(lang))
        .map_err(xe)?;
    header(
        sheet,
        &[
            Sheet::Team.tr(lang),
            Sheet::When.tr(lang),
            Sheet::Scenario.tr(lang),
            Sheet::Points.tr(lang),
            Sheet::Reason.tr(lang),
        ],
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
                sheet
                    .write_string(y, 1, Sheet::BeforeRounds.tr(lang))
                    .map_err(xe)?;
            }
            Some((index, round)) => {
                let title = deck
                    .scenario(&round.scenario)
                    .map_or(round.scenario.as_str(), |x| x.title.as_str());
                let when = match round.status {
                    RoundStatus::Revealed => {
                        format!("{} {}", Sheet::Round.tr(lang), s.number_of(index))
                    }
                    RoundStatus::Open => {
                        format!(
                            "{} {} ({})",
                            Sheet::Round.tr(lang),
                            s.number_of(index),
                            Sheet::NotRevealed.tr(lang)
                        )
                    }
                    RoundStatus::Skipped { .. } => Sheet::Skipped.tr(lang).to_string(),
                };
                sheet.write_string(y, 1, when).map_err(xe)?;
                sheet.write_string(y, 2, title).map_err(xe)?;
            }
        }
        sheet.write_number(y, 3, a.points as f64).map_err(xe)?;
        sheet.write_string(y, 4, &a.reason).map_err(xe)?;
    }
    Ok(())
}
