//! A team's value profile in `report.html`: an SVG bar chart of the points per agreed value around
//! a zero line, on the scale all teams share, labelled for screen readers by its `<title>`.

use std::fmt::Write as _;

use super::model::{Profile, Report};
use super::text::{esc, signed, with_unit};
use crate::lang::R;

/// The profile of team `team`; empty when it agreed on no value.
pub fn profile(r: &Report, team: usize, p: &Profile) -> String {
    let rows: Vec<(&str, i64)> = p
        .values
        .iter()
        .filter(|v| v.weight.is_some())
        .map(|v| (v.name.as_str(), v.points))
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let max = r.scale.max(1) as f64;
    let (label_w, half, row_h) = (150.0, 90.0, 24.0);
    // Room between the labels and the longest bar to the left for its number.
    let zero = label_w + 40.0 + half;
    let width = zero + half + 36.0;
    let height = rows.len() as f64 * row_h + 8.0;
    let described: Vec<String> = rows
        .iter()
        .map(|(name, points)| format!("{} {}", name, with_unit(r.lang, *points, true)))
        .collect();
    let name = r.teams.get(team).map_or("", |t| t.name.as_str());
    let mut o = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} {height}" role="img"><title>{}: {}: {}</title>"#,
        r.tr(R::Profile),
        esc(name),
        esc(&described.join(", "))
    );
    let _ = write!(
        o,
        r##"<line x1="{zero}" y1="0" x2="{zero}" y2="{height}" stroke="#9aa1ad" stroke-width="1"/>"##
    );
    for (i, (name, points)) in rows.iter().enumerate() {
        let y = 4.0 + i as f64 * row_h;
        let len = (*points as f64).abs() / max * half;
        let (x, colour, anchor_x, anchor) = match points.cmp(&0) {
            std::cmp::Ordering::Greater => (zero, "#007a5a", zero + len + 4.0, "start"),
            std::cmp::Ordering::Less => (zero - len, "#c14d00", zero - len - 4.0, "end"),
            std::cmp::Ordering::Equal => (zero, "#9aa1ad", zero + 4.0, "start"),
        };
        let short: String = name.chars().take(26).collect();
        let _ = write!(
            o,
            r#"<text x="{label_w}" y="{ty}" text-anchor="end">{}</text><rect x="{x}" y="{ry}" width="{len}" height="{bh}" rx="2" fill="{colour}"/><text x="{anchor_x}" y="{ty}" text-anchor="{anchor}">{}</text>"#,
            esc(&short),
            signed(*points),
            ty = y + row_h * 0.62,
            ry = y + 4.0,
            bh = row_h - 8.0,
        );
    }
    o.push_str("</svg>");
    o
}
