//! Download file names: centre, year and date, safe on Windows.

use crate::assessment::Profile;
use crate::base::dates::CalendarText;
use chrono::{DateTime, FixedOffset};

/// Longest centre-name part of a file name, in characters.
const MAX_NAME_CHARS: usize = 60;

const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `青山镇卫生院-2026自评-20261123.json`: the centre name (or 未命名卫生院), the assessment year,
/// and the export date, with `ext` (without the dot) as extension.
///
/// Windows rules: characters `<>:"/\|?*` and control characters are removed, runs of spaces
/// become one, leading/trailing spaces and dots are trimmed, a reserved device name (CON, NUL,
/// COM1…) gets a `_` prefix, and the name part is at most 60 characters.
pub fn file_name(profile: &Profile, exported_at: DateTime<FixedOffset>, ext: &str) -> String {
    let mut name = String::new();
    let mut last_space = true;
    for c in profile.centre_name.chars() {
        if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                name.push(' ');
            }
            last_space = true;
        } else {
            name.push(c);
            last_space = false;
        }
    }
    let mut name: String = name
        .trim_matches([' ', '.'])
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    name = name.trim_end_matches([' ', '.']).to_string();
    if name.is_empty() {
        name = "未命名卫生院".to_string();
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    let year = profile.year.map(|y| y.to_string()).unwrap_or_default();
    format!("{name}-{year}自评-{}.{ext}", exported_at.ymd_compact())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:15:00+08:00").unwrap()
    }

    fn named(name: &str, year: Option<i32>) -> Profile {
        Profile {
            centre_name: name.to_string(),
            year,
            ..Profile::default()
        }
    }

    #[test]
    fn names_hold_centre_year_and_date() {
        assert_eq!(
            file_name(&named("青山镇卫生院", Some(2026)), at(), "json"),
            "青山镇卫生院-2026自评-20261123.json"
        );
        assert_eq!(
            file_name(&named("", None), at(), "xlsx"),
            "未命名卫生院-自评-20261123.xlsx"
        );
    }

    #[test]
    fn names_are_safe_on_windows() {
        assert_eq!(
            file_name(
                &named(" a<b>:c\"d/e\\f|g?h*\n  i. ", Some(2026)),
                at(),
                "csv"
            ),
            "abcdefgh i-2026自评-20261123.csv"
        );
        assert_eq!(
            file_name(&named("con", Some(2026)), at(), "json"),
            "_con-2026自评-20261123.json"
        );
        assert_eq!(
            file_name(&named("...", None), at(), "json"),
            "未命名卫生院-自评-20261123.json"
        );
        let long = "很".repeat(100);
        let name = file_name(&named(&long, None), at(), "json");
        assert_eq!(
            name.chars().count(),
            60 + "-自评-20261123.json".chars().count()
        );
    }
}
