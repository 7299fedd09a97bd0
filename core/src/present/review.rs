//! The county review as the director and the report read it.

use crate::assessment::review::{ItemReview, Review};
use crate::base::dates::CalendarText;
use crate::catalogue::{Catalogue, Lang};
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

/// The review as the printed gap report shows it: the conclusion's label (empty while in
/// progress), and the remarks in catalogue order, then those on criteria the catalogue does not
/// know (by id).
pub fn report_summary(
    review: &Review,
    catalogue: &Catalogue,
    lang: Lang,
) -> crate::present::report::ReviewSummary {
    let mut remarks: Vec<crate::present::report::LabelValue> = catalogue
        .criteria()
        .filter_map(|c| {
            review
                .item(&c.criterion.id)
                .map(|item| crate::present::report::LabelValue {
                    label: c.criterion.title.get(lang).to_string(),
                    value: item_text(item, lang),
                })
        })
        .collect();
    for id in review.unknown_items(catalogue) {
        if let Some(item) = review.item(id) {
            remarks.push(crate::present::report::LabelValue {
                label: id.to_string(),
                value: item_text(item, lang),
            });
        }
    }
    crate::present::report::ReviewSummary {
        reviewer: review.reviewer.trim().to_string(),
        reviewed_on: review.reviewed_on.ymd(),
        conclusion: review
            .conclusion
            .map(|c| c.label(lang).to_string())
            .unwrap_or_default(),
        comment: review.comment.trim().to_string(),
        remarks,
    }
}
