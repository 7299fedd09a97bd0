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

/// Reads a recorded time as the app and its files write it (RFC 3339): `2026-11-23T10:15:00+08:00`,
/// with optional fractional seconds (1 to 9 digits), `T`, `t` or a space between date and time,
/// and `Z` or an offset `+08:00` / `+0800`. Written by hand, like the rest of this module: chrono's
/// general parser is several KB of the first load. Everything it accepts chrono's `FromStr`
/// accepts with the same value (a property test checks).
pub fn parse_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        })
    };
    let expect = |at: usize, c: u8| (b.get(at) == Some(&c)).then_some(());
    let year = i32::try_from(digits(0, 4)?).ok()?;
    expect(4, b'-')?;
    let month = digits(5, 2)?;
    expect(7, b'-')?;
    let day = digits(8, 2)?;
    matches!(b.get(10), Some(b'T' | b't' | b' ')).then_some(())?;
    let hour = digits(11, 2)?;
    expect(13, b':')?;
    let minute = digits(14, 2)?;
    expect(16, b':')?;
    let second = digits(17, 2)?;
    let mut at = 19;
    let mut nanos = 0u32;
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        let mut end = start;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        let n = end - start;
        if n == 0 || n > 9 {
            return None;
        }
        nanos = digits(start, n)? * 10u32.pow(9 - n as u32);
        at = end;
    }
    let offset_seconds = match b.get(at)? {
        b'Z' | b'z' if at + 1 == b.len() => 0,
        sign @ (b'+' | b'-') => {
            let hours = digits(at + 1, 2)?;
            let minutes_at = if b.get(at + 3) == Some(&b':') {
                at + 4
            } else {
                at + 3
            };
            let minutes = digits(minutes_at, 2)?;
            if minutes_at + 2 != b.len() || minutes > 59 {
                return None;
            }
            let total = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let local =
        NaiveDate::from_ymd_opt(year, month, day)?.and_hms_nano_opt(hour, minute, second, nanos)?;
    local.and_local_timezone(offset).single()
}

/// Serde adapters that read dates with this module's parsers instead of chrono's (see
/// [`parse_rfc3339`]); writing stays chrono's, whose shapes these parsers read back.
pub mod serde_text {
    use crate::base::dates::{parse_rfc3339, parse_ymd};
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use serde::de::Error;
    use serde::{Deserialize, Deserializer};

    const TIME_SHAPE: &str = "a date and time such as 2026-11-23T10:15:00+08:00";
    const DATE_SHAPE: &str = "a date such as 2026-11-23";

    pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        parse_rfc3339(&text).ok_or_else(|| D::Error::custom(TIME_SHAPE))
    }

    pub fn time_opt<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => parse_rfc3339(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom(TIME_SHAPE)),
        }
    }

    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        parse_ymd(&text).ok_or_else(|| D::Error::custom(DATE_SHAPE))
    }

    pub fn date_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => parse_ymd(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom(DATE_SHAPE)),
        }
    }

    /// A recorded time read on its own (a file's `exported_at`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Time(pub DateTime<FixedOffset>);

    impl<'de> Deserialize<'de> for Time {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            time(d).map(Time)
        }
    }
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
