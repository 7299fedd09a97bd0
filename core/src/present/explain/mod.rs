//! Rendering evaluation results as one-line Chinese or English text.
//!
//! Display only: floats never appear, and ratios are printed with enough decimals that a
//! failing value never looks like a passing one (see [`crate::base::exact::format_ratio_scaled`]).

mod explanation;
mod labels;
mod ratio;
mod summary;
mod threshold;
mod tiers;

pub use explanation::explain;
pub use labels::{
    badge_label, grade_label, importance_label, provenance_line, result_label, source_title,
    tag_label, verdict_label,
};
pub use summary::summary_line;
pub use tiers::{bar_line, tier_line};
