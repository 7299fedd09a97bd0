//! The few date and time shapes the tool shows or accepts, written out by hand.
//!
//! Why not chrono's `format("%Y-%m-%d")`: that pulls chrono's strftime interpreter into the
//! shipped wasm for four fixed shapes. These helpers are also the one place that decides how a
//! date reads in the UI, the report, the workbooks and file names.
//!
//! Times are shown in the UTC offset they were recorded with (a file exported in Beijing reads
//! 10:15 everywhere), which is what chrono's `format` did too.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// Calendar text for dates and recorded times.
pub trait CalendarText {
    /// The calendar day the value falls on.
    fn calendar_day(&self) -> NaiveDate;

    /// "2026-11-23".
    fn ymd(&self) -> String {
        let d = self.calendar_day();
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }

    /// "20261123", for file names.
    fn ymd_compact(&self) -> String {
        let d = self.calendar_day();
        format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
    }
}

impl CalendarText for NaiveDate {
    fn calendar_day(&self) -> NaiveDate {
        *self
    }
}

impl CalendarText for DateTime<FixedOffset> {
    fn calendar_day(&self) -> NaiveDate {
        self.date_naive()
    }
}

/// "14:03", the clock time in the recorded offset.
pub fn hm(t: &DateTime<FixedOffset>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "2026-11-23 14:03".
pub fn ymd_hm(t: &DateTime<FixedOffset>) -> String {
    format!("{} {}", t.ymd(), hm(t))
}

/// Reads a calendar day typed or picked as year-month-day: "2026-11-23" (what `<input
/// type="date">` gives) or, where a browser shows a plain text box instead, "2026-1-5". Anything
/// else, including impossible days such as 2026-02-30, is `None`.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let field = |s: &str, lengths: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let digits = lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| s.parse().ok())?
    };
    let year = i32::try_from(field(year, 4..=4)?).ok()?;
    NaiveDate::from_ymd_opt(year, field(month, 1..=2)?, field(day, 1..=2)?)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // checked against chrono's strftime
mod tests {
    use super::*;

    fn beijing(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("test literal")
    }

    #[test]
    fn shapes_match_what_chrono_format_printed() {
        let t = beijing("2026-03-04T09:05:59+08:00");
        assert_eq!(t.ymd(), t.format("%Y-%m-%d").to_string());
        assert_eq!(t.ymd(), "2026-03-04");
        assert_eq!(t.ymd_compact(), "20260304");
        assert_eq!(hm(&t), "09:05");
        assert_eq!(ymd_hm(&t), "2026-03-04 09:05");
        let d = NaiveDate::from_ymd_opt(2027, 12, 31).expect("valid");
        assert_eq!(d.ymd(), "2027-12-31");
        assert_eq!(d.ymd_compact(), "20271231");
    }

    #[test]
    fn times_stay_in_their_recorded_offset() {
        // 23:30 in Beijing is 15:30 UTC; the day and clock shown are Beijing's.
        let t = beijing("2026-11-23T23:30:00+08:00");
        assert_eq!(ymd_hm(&t), "2026-11-23 23:30");
    }

    #[test]
    fn parses_only_real_calendar_days() {
        assert_eq!(
            parse_ymd("2026-11-23"),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(
            parse_ymd("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        // A plain text box instead of a date picker: unpadded, with spaces around.
        assert_eq!(parse_ymd(" 2026-1-5 "), NaiveDate::from_ymd_opt(2026, 1, 5));
        for bad in [
            "",
            "2026-02-30",
            "2026-13-01",
            "2026-001-05",
            "2026--23",
            "2026-+1-05",
            "26-11-23",
            "2026-11-23-1",
            "2026/11/23",
            "２０２６-11-23",
            "+026-11-23",
            "2026-11-2x",
            "2026-11",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad:?}");
        }
    }
}
