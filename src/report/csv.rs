//! `scores.csv`: the rows of [`super::scores::rows`] for tools and spreadsheets.

use super::scores::{agreed_values, defuse, reasons, rows, separator};
use crate::lang::{Key as _, Sheet};
use crate::session::Session;

/// `scores.csv` of the report's session.
pub fn render(r: &super::Report) -> Result<Vec<u8>, String> {
    csv(r.session)
}

/// `scores.csv`: a UTF-8 byte order mark (so Excel reads it as UTF-8), the session's separator,
/// readable headers in its language, one row per team per revealed round; text cells defused.
pub fn csv(s: &Session) -> Result<Vec<u8>, String> {
    let lang = s.settings().language;
    let values = agreed_values(s);
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(separator(lang))
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    let mut header: Vec<String> = [
        Sheet::Round.tr(lang),
        Sheet::Scenario.tr(lang),
        Sheet::Team.tr(lang),
        Sheet::Behaviour.tr(lang),
        Sheet::Score.tr(lang),
        Sheet::Adjustment.tr(lang),
        Sheet::Reason.tr(lang),
        Sheet::Running.tr(lang),
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
