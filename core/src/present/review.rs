//! The county review as the director and the report read it.

use crate::assessment::review::ItemReview;
use crate::catalogue::Lang;
use crate::i18n::review::ReviewStrings;

fn strings(lang: Lang) -> &'static ReviewStrings {
    lang.strings().review
}

/// "县级复核：不同意 — 花名册中 3 人为工勤人员": what the director sees beside an answer.
pub fn item_line(item: &ItemReview, lang: Lang) -> String {
    let s = strings(lang);
    let verdict = item
        .verdict
        .map(|v| v.label(lang))
        .unwrap_or(s.verdict_none);
    let comment = item.comment.trim();
    if comment.is_empty() {
        format!("{}{verdict}", s.county_review_prefix)
    } else {
        format!("{}{verdict} — {comment}", s.county_review_prefix)
    }
}

/// "不同意：花名册中 3 人为工勤人员" — an item's verdict and comment, without the prefix.
pub fn item_text(item: &ItemReview, lang: Lang) -> String {
    let s = strings(lang);
    let verdict = item
        .verdict
        .map(|v| v.label(lang))
        .unwrap_or(s.verdict_none);
    let comment = item.comment.trim();
    if comment.is_empty() {
        verdict.to_string()
    } else {
        format!("{verdict}{}{comment}", s.label_separator)
    }
}
