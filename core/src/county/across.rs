//! One criterion across every centre in the workspace.

use super::centre_file::CentreFile;
use super::rollup::Collation;
use crate::assessment::review::{ItemReview, Review};
use crate::catalogue::Lang;
use crate::evaluation::Verdict;
use crate::present::explain::explain;

// ---------------------------------------------------------------------------------------------
// One criterion across centres
// ---------------------------------------------------------------------------------------------

/// One centre's result on one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcrossRow {
    pub file_id: String,
    pub centre_name: String,
    pub county: String,
    pub verdict: Verdict,
    /// The figure and formula (or the answer), as [`explain`] renders it.
    pub figure: String,
    pub evidence: String,
    pub review: Option<ItemReview>,
}

/// Sort order of verdicts in the per-criterion view: gaps first.
pub fn verdict_order(v: Verdict) -> u8 {
    match v {
        Verdict::NeedsCorrection => 0,
        Verdict::Gap => 1,
        Verdict::Partly => 2,
        Verdict::PartlyAnswered => 3,
        Verdict::NotAnswered => 4,
        Verdict::MetWithNote => 5,
        Verdict::Met => 6,
        Verdict::Recorded => 7,
        Verdict::NotApplicable => 8,
    }
}

/// How every file that has criterion `criterion_id` fares on it, gaps first, then by centre
/// name. With `only_needing_action`, only gaps and partly met.
pub fn criterion_across<'a>(
    files: impl IntoIterator<Item = (&'a CentreFile, Option<&'a Review>)>,
    criterion_id: &str,
    only_needing_action: bool,
    lang: Lang,
    collate: Collation<'_>,
) -> Vec<AcrossRow> {
    let mut rows: Vec<AcrossRow> = files
        .into_iter()
        .filter_map(|(file, review)| {
            let result = file.evaluation.result(criterion_id)?;
            if only_needing_action && !result.verdict.needs_attention() {
                return None;
            }
            let a = file.assessment();
            Some(AcrossRow {
                file_id: file.id.clone(),
                centre_name: a.profile.centre_name.trim().to_string(),
                county: a.profile.county.trim().to_string(),
                verdict: result.verdict,
                figure: explain(file.catalogue(), result, lang),
                evidence: a
                    .item(criterion_id)
                    .map(|r| r.evidence.trim().to_string())
                    .unwrap_or_default(),
                review: review.and_then(|r| r.item(criterion_id)).cloned(),
            })
        })
        .collect();
    crate::base::sorting::stable_sort_by(&mut rows, |a, b| {
        verdict_order(a.verdict)
            .cmp(&verdict_order(b.verdict))
            .then_with(|| collate(&a.centre_name, &b.centre_name))
    });
    rows
}
