//! The county review as the printed report shows it: `report_summary`.

use super::model::ReviewSummary;
use super::page::LabelValue;
use crate::assessment::review::Review;
use crate::base::dates::CalendarText;
use crate::catalogue::{Catalogue, Lang};
use crate::present::review::item_text;

/// The review as the printed gap report shows it: the conclusion's label (empty while in
/// progress), and the remarks in catalogue order, then those on criteria the catalogue does not
/// know (by id).
pub fn report_summary(review: &Review, catalogue: &Catalogue, lang: Lang) -> ReviewSummary {
    let mut remarks: Vec<LabelValue> = catalogue
        .criteria()
        .filter_map(|c| {
            review.item(&c.criterion.id).map(|item| LabelValue {
                label: c.criterion.title.get(lang).to_string(),
                value: item_text(item, lang),
            })
        })
        .collect();
    for id in review.unknown_items(catalogue) {
        if let Some(item) = review.item(id) {
            remarks.push(LabelValue {
                label: id.to_string(),
                value: item_text(item, lang),
            });
        }
    }
    ReviewSummary {
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
