//! The string tables (`core/src/i18n/`), machine-checked: every field has a Chinese and an
//! English text (the compiler sees to that), and both use exactly the same `{named}`
//! placeholders, so a `.replace("{centre}", …)` never leaves a placeholder showing in one
//! language or drops a number in the other.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};

const TABLES: &[(&str, &str)] = &[
    ("mod.rs", include_str!("../src/i18n/mod.rs")),
    ("report.rs", include_str!("../src/i18n/report.rs")),
    ("review.rs", include_str!("../src/i18n/review.rs")),
    ("exchange.rs", include_str!("../src/i18n/exchange.rs")),
    ("explain.rs", include_str!("../src/i18n/explain.rs")),
    ("catalogue.rs", include_str!("../src/i18n/catalogue.rs")),
    ("assessment.rs", include_str!("../src/i18n/assessment.rs")),
    ("store.rs", include_str!("../src/i18n/store.rs")),
];

/// `field: "text"` pairs of the table `pub static NAME: … = … { … };` in `source`.
fn table(source: &str, name: &str) -> BTreeMap<String, String> {
    let start = source
        .find(&format!("pub static {name}:"))
        .unwrap_or_else(|| panic!("no table {name}"));
    let body = &source[start..];
    let end = body.find("\n};").unwrap();
    let mut out = BTreeMap::new();
    for line in body[..end].lines() {
        let line = line.trim();
        let Some((field, rest)) = line.split_once(": \"") else {
            continue;
        };
        if !field
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            continue;
        }
        let text = rest.trim_end_matches(',').trim_end_matches('"');
        out.insert(field.to_string(), text.to_string());
    }
    out
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    && close > 0 =>
            {
                out.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[test]
fn chinese_and_english_texts_use_the_same_placeholders() {
    let mut wrong = Vec::new();
    let mut compared = 0;
    for (file, source) in TABLES {
        let zh = table(source, "ZH");
        let en = table(source, "EN");
        assert!(!zh.is_empty(), "{file}: no Chinese texts found");
        for (field, zh_text) in &zh {
            let Some(en_text) = en.get(field) else {
                // A text split over several lines is compared only when both sides are on one.
                continue;
            };
            compared += 1;
            let (a, b) = (placeholders(zh_text), placeholders(en_text));
            if a != b {
                wrong.push(format!("{file} {field}: zh {a:?} en {b:?}"));
            }
        }
    }
    assert!(
        compared > 550,
        "only {compared} texts compared: is the parser still right?"
    );
    assert!(
        wrong.is_empty(),
        "placeholders differ:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_a_missing_placeholder() {
    let source = "pub static ZH: S = S {\n    a: \"复核人{reviewer}于{date}\",\n};\n\
                  pub static EN: S = S {\n    a: \"Reviewed by {reviewer}\",\n};\n";
    let zh = table(source, "ZH");
    let en = table(source, "EN");
    assert_ne!(placeholders(&zh["a"]), placeholders(&en["a"]));
    assert_eq!(
        placeholders("{n} 项，{x_y2} 与 {} 与 {中文}"),
        ["n", "x_y2"].iter().map(|s| s.to_string()).collect()
    );
}
