//! The moment a session was created (the journal's RFC 3339 moment in UTC) as the outputs show it:
//! the day on posters, pages and in the trajectory, the local time in the report, the workbook's
//! creation time.

/// A moment in UTC read from the journal: (year, month, day, hour, minute, second).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Moment {
    /// An RFC 3339 moment in UTC (`2026-11-22T14:35:01Z`), or `None`.
    pub fn parse(c: &str) -> Option<Moment> {
        let n = |a: usize, b: usize| c.get(a..b)?.parse::<i64>().ok();
        if !c.ends_with('Z') || c.len() < 20 {
            return None;
        }
        let byte = |v: i64| u8::try_from(v).ok();
        let m = Moment {
            year: n(0, 4)?,
            month: byte(n(5, 7)?)?,
            day: byte(n(8, 10)?)?,
            hour: byte(n(11, 13)?)?,
            minute: byte(n(14, 16)?)?,
            second: byte(n(17, 19)?)?,
        };
        let ok = (1..=12).contains(&m.month)
            && (1..=31).contains(&m.day)
            && m.hour <= 23
            && m.minute <= 59
            && m.second <= 60;
        ok.then_some(m)
    }

    /// Seconds since 1970.
    pub fn secs(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        // Days from civil (Hinnant).
        let y = if m <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
}

/// Seconds since 1970 of an RFC 3339 moment in UTC.
pub fn parse_utc(c: &str) -> Option<i64> {
    Moment::parse(c).map(Moment::secs)
}

/// When the session was played, in this computer's time zone with the zone named
/// ("2026-11-22 15:35 CET"); in UTC where the zone is not known; as written when it is not a moment.
pub fn local_time(created: &str) -> String {
    match parse_utc(created) {
        Some(secs) => crate::store::local_time_of(secs),
        None => created.to_string(),
    }
}

/// The day a session was played, as posters, pages and the trajectory show it: `2026-11-22`.
pub fn day(created: &str) -> String {
    created.chars().take(10).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_moments_are_read_as_utc_seconds() {
        assert_eq!(parse_utc("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_utc("2000-02-29T12:34:56Z"), Some(951_827_696));
        assert_eq!(parse_utc("2026-11-22T14:30:00Z"), Some(1_795_357_800));
        assert_eq!(parse_utc("2026-11-22 14:30"), None);
        assert_eq!(parse_utc("2026-13-22T14:30:00Z"), None);
        assert_eq!(day("2026-11-22T14:30:00Z"), "2026-11-22");
    }
}
