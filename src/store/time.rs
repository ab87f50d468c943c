//! Moments in UTC for journal names and headers.

/// A moment in UTC, enough for names and headers (no time zone database needed).
#[derive(Debug, Clone, Copy)]
pub(super) struct Utc {
    secs: u64,
}

impl Utc {
    pub(super) fn now() -> Utc {
        Utc {
            secs: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    /// (year, month, day, hour, minute, second), from the days since 1970 (Hinnant's algorithm).
    fn parts(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = (self.secs / 86_400) as i64;
        let rem = self.secs % 86_400;
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (
            y,
            m,
            d,
            (rem / 3600) as u32,
            (rem % 3600 / 60) as u32,
            (rem % 60) as u32,
        )
    }

    pub(super) fn rfc3339(self) -> String {
        let (y, mo, d, h, mi, s) = self.parts();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }

    pub(super) fn file_stamp(self) -> String {
        let (y, mo, d, h, mi, s) = self.parts();
        format!("{y:04}-{mo:02}-{d:02}_{h:02}{mi:02}{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates_follow_the_calendar() {
        assert_eq!(Utc { secs: 0 }.rfc3339(), "1970-01-01T00:00:00Z");
        // 2000-02-29 (a leap day in a century year) 12:34:56.
        assert_eq!(Utc { secs: 951_827_696 }.rfc3339(), "2000-02-29T12:34:56Z");
        assert_eq!(
            Utc {
                secs: 1_795_357_800
            }
            .file_stamp(),
            "2026-11-22_143000"
        );
    }
}
