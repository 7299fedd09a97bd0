//! Time and ids, from the browser.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// The current time with the browser's UTC offset.
pub fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// "14:03" — what the save indicator shows.
pub fn clock_time(t: &DateTime<FixedOffset>) -> String {
    thc_core::base::dates::hm(t)
}

/// Today's date in the browser's time zone.
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// This tab's identity as a writer, so our own earlier save is never taken for another tab's.
pub fn writer_id() -> &'static str {
    use std::sync::OnceLock;
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| format!("tab-{}", new_id()))
}

/// A fresh id for an assessment or a tab: time plus randomness, base 36.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("{}{}", to_base36(time), to_base36(random))
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
