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

/// `secs` (since 1970, UTC) in this computer's time zone, with the zone's name or offset:
/// `2026-11-22 15:35 CET`. Where the zone cannot be read (or on Windows), in UTC:
/// `2026-11-22 14:35 UTC`.
pub fn local_time_of(secs: i64) -> String {
    #[cfg(unix)]
    if let Some(local) = unix_local(secs) {
        return local;
    }
    let (y, mo, d, h, mi, _) = Utc {
        secs: u64::try_from(secs).unwrap_or(0),
    }
    .parts();
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
}

#[cfg(unix)]
// `time_t` and `tm_gmtoff` are `i64` here but narrower on some platforms.
#[allow(clippy::useless_conversion)]
fn unix_local(secs: i64) -> Option<String> {
    let t: libc::time_t = secs.try_into().ok()?;
    // SAFETY: `localtime_r` writes only into the `tm` we pass and reads `t`; both live on this
    // stack for the call. `tm_zone` points into static zone data owned by the C library (or is
    // null), and is read at once.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(tm.tm_zone)
                .to_string_lossy()
                .into_owned()
        };
        Some(local_stamp(
            (
                i64::from(tm.tm_year) + 1900,
                tm.tm_mon + 1,
                tm.tm_mday,
                tm.tm_hour,
                tm.tm_min,
            ),
            i64::from(tm.tm_gmtoff),
            &zone,
        ))
    }
}

/// A local moment as shown: the zone's abbreviation when it has letters, else its offset.
fn local_stamp((y, mo, d, h, mi): (i64, i32, i32, i32, i32), offset: i64, zone: &str) -> String {
    let zone = if zone.chars().any(|c| c.is_ascii_alphabetic()) {
        zone.to_string()
    } else if offset == 0 {
        "UTC".to_string()
    } else {
        let sign = if offset < 0 { '−' } else { '+' };
        let a = offset.unsigned_abs();
        format!("UTC{sign}{:02}:{:02}", a / 3600, a % 3600 / 60)
    };
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} {zone}")
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

    #[test]
    fn a_local_moment_names_its_zone() {
        let at = (2026, 11, 22, 15, 35);
        assert_eq!(local_stamp(at, 3600, "CET"), "2026-11-22 15:35 CET");
        assert_eq!(local_stamp(at, 0, ""), "2026-11-22 15:35 UTC");
        assert_eq!(
            local_stamp(at, -10_800, "-03"),
            "2026-11-22 15:35 UTC−03:00"
        );
        assert_eq!(
            local_stamp(at, 19_800, "+0530"),
            "2026-11-22 15:35 UTC+05:30"
        );
    }
}
