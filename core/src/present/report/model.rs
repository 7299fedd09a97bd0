//! The printed gap report as plain data: `ReportModel` and the rows it is made of.

use super::page::LabelValue;
use crate::assessment::ActionStatus;
use crate::catalogue::{Importance, Lang};
use crate::evaluation::{TierStatus, Verdict};

/// Blank lines under "县级复核意见" for the reviewer's handwriting.
pub const REVIEW_BLANK_LINES: usize = 4;

/// Counts of the whole assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub applicable: u32,
    pub answered: u32,
    /// Met, including met with a note.
    pub met: u32,
    pub partly: u32,
    pub gaps: u32,
    pub not_answered: u32,
    pub partly_answered: u32,
    pub needs_correction: u32,
    pub not_applicable: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overall {
    /// `explain::summary_line` of the whole assessment.
    pub summary_line: String,
    /// "82.5%" (truncated, never rounded up), or "—" when nothing is measurable.
    pub compliance: String,
    pub counts: Counts,
    /// Said when some applicable items are still unanswered.
    pub unanswered_note: Option<String>,
    /// Said when some items read figures to correct.
    pub corrections_note: Option<String>,
}

/// One bar of the per-section compliance chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionBar {
    pub section_id: String,
    pub title: String,
    /// Whole percent, rounded down (the bar's length).
    pub percent_floor: u32,
    /// "82.5%" or "—" when the section has no compliance items.
    pub compliance: String,
    /// "已答 8/10，差距 2".
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierRow {
    pub tier_id: String,
    pub name: String,
    pub status: TierStatus,
    pub status_label: String,
    /// `explain::tier_line`: the status with what is missing.
    pub line: String,
    /// `explain::bar_line` of every bar not met: exactly what is missing. Empty for a tier
    /// reached, and for one the centre may not claim (its `line` gives the eligibility figures).
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierBlock {
    pub rows: Vec<TierRow>,
    /// "已达到的最高等级：基本标准" or "尚未达到任何等级。".
    pub highest: String,
}

/// One item of the gap list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapItem {
    /// 1-based position in the whole gap list.
    pub number: usize,
    pub criterion_id: String,
    pub title: String,
    pub importance: Importance,
    pub importance_label: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// `explain::explain`: the numbers, formula or threshold.
    pub explanation: String,
    /// `explain::provenance_line`.
    pub source: String,
    /// Set for the tool's own interpretation ("本工具的解释").
    pub decision_note: Option<String>,
    /// The director's evidence note (may be long; never truncated).
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapGroup {
    pub section_id: String,
    pub section_title: String,
    pub items: Vec<GapItem>,
}

/// One row of the action plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// 1-based row number.
    pub number: usize,
    pub criterion_id: String,
    pub criterion_title: String,
    /// The gap's number in the gap list, if the item is a gap.
    pub gap_number: Option<usize>,
    /// "（目前已不是差距）" for an action on an item that is no longer a gap.
    pub note: Option<String>,
    pub measure: String,
    pub owner: String,
    /// "2026-12-31" or empty.
    pub deadline: String,
    /// `None` when no action has been recorded yet (the cells stay blank for paper).
    pub status: Option<ActionStatus>,
    pub status_label: String,
}

/// An item not judged because a figure it reads needs correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionRow {
    pub criterion_id: String,
    pub section_title: String,
    pub title: String,
    /// `explain::explain`: which figure, as typed, and why it cannot be used.
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnansweredGroup {
    pub section_title: String,
    pub titles: Vec<String>,
}

/// An item not applicable, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NaRow {
    pub criterion_id: String,
    pub section_title: String,
    pub title: String,
    pub reason: String,
    /// Marked by the user without an evidence note.
    pub reason_missing: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrphanKind {
    Criterion,
    Input,
    Flag,
}

/// Something stored in the assessment that the catalogue does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanRow {
    pub kind: OrphanKind,
    pub id: String,
    /// What was stored, so nothing is lost on paper.
    pub stored: String,
    /// `AssessmentIssue::message`.
    pub issue: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureLine {
    pub label: String,
    pub date_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatures {
    pub heading: String,
    pub director: SignatureLine,
    pub filler: SignatureLine,
    pub review_opinion: String,
    pub review_blank_lines: usize,
    pub reviewer: SignatureLine,
}

/// The county review of this assessment (issue 8), as display strings, when the assessment came
/// back from the county with one ([`crate::present::report::report_summary`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewSummary {
    pub reviewer: String,
    /// "2026-12-01".
    pub reviewed_on: String,
    /// The conclusion's label ("通过", "整改后复核", "不通过"), or empty while in progress.
    pub conclusion: String,
    /// The reviewer's overall remarks.
    pub comment: String,
    /// Per-criterion remarks in catalogue order: criterion title → "不同意：……".
    pub remarks: Vec<LabelValue>,
}

/// Everything the printed gap report shows, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportModel {
    pub lang: Lang,
    pub heading: String,
    /// "青山镇卫生院 · 2026 年度".
    pub subtitle: String,
    pub header: Vec<LabelValue>,
    pub sample_note: Option<String>,
    pub overall: Overall,
    pub sections: Vec<SectionBar>,
    /// For graded catalogues.
    pub tiers: Option<TierBlock>,
    /// Cross-field problems in the entered figures.
    pub input_issues: Vec<String>,
    /// Items not judged until a figure is corrected (待更正).
    pub corrections: Vec<CorrectionRow>,
    /// "差距清单（7）".
    pub gap_heading: String,
    pub gap_groups: Vec<GapGroup>,
    pub gap_count: usize,
    pub actions: Vec<ActionRow>,
    pub unanswered: Vec<UnansweredGroup>,
    pub marked_not_applicable: Vec<NaRow>,
    pub not_applicable_by_profile: Vec<NaRow>,
    pub orphans: Vec<OrphanRow>,
    /// Other mismatches between assessment and catalogue (other catalogue, changed version,
    /// answers of the wrong kind).
    pub catalogue_notes: Vec<String>,
    pub signatures: Signatures,
    /// The county's review, when the assessment carries one.
    pub review: Option<ReviewSummary>,
}
