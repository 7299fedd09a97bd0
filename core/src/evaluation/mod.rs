//! Evaluation: catalogue + assessment → a verdict per criterion that explains itself as
//! structured data, section and overall progress and compliance, the graded framework's tiers,
//! and a gap list.
//!
//! Everything here is integer-exact and allocation-light: no display strings are built during
//! evaluation (see [`explain`] for rendering).
//!
//! Conventions (documented because the UI shows their consequences):
//! - Numeric-input criteria get [`Verdict::Recorded`] once all their inputs are filled. They
//!   count toward progress (answered of applicable) but not toward compliance.
//! - A criterion not applicable by profile, or marked not applicable by the user, leaves both
//!   the progress and the compliance denominators.
//! - When the profile does not yet say whether a criterion applies (centre type or beds not
//!   entered), it is treated as applicable and flagged `assumed_applicable`.
//! - A ratio whose denominator is zero (no staff, no physicians…) cannot be met: it is a gap
//!   with outcome [`RatioOutcome::ZeroDenominator`]. Catalogues use applicability (e.g.
//!   `has_beds`) to keep such rules away from centres they do not concern.
//! - Compliance = (2·met + partly) / (2·compliance items), where met includes met-with-note and
//!   graded clauses at C or better; unanswered items count as 0 in the numerator.
//! - The gap list holds gaps and partly-met items, core before recommended, then catalogue
//!   order.

mod evaluate;
mod result;
mod rules;
mod tiers;

pub use evaluate::{evaluate, grade_from_sub_items, Evaluation};
pub use result::{
    BedClassExplanation, CriterionResult, Explanation, GradedExplanation, LinearExplanation,
    NestedShortfall, NotApplicableReason, ProfileMismatch, RatioExplanation, RatioOutcome,
    Requirement, SectionSummary, SubItemProgress, Summary, TermValue, ThresholdExplanation,
    ThresholdOutcome, Verdict,
};
pub use tiers::{
    BarCheck, ClauseGroup, EligibilityCheck, GroupCounts, TierOutcome, TierReport, TierStatus,
};
