//! The printable gap report and the blank on-site checklist, as plain data (issue 7).
//!
//! Everything that decides what goes on paper lives here, so it is tested natively: which gaps,
//! in which order, with which explanation and source line; which rows the action plan has; what
//! was marked not applicable and why; what the assessment holds that the catalogue no longer
//! knows; the signature block. The views in `ui/report.rs` only render these values.
//!
//! Conventions:
//! - The gap list is grouped by section in catalogue order; inside a section, core items come
//!   before recommended ones, then catalogue order (the evaluation's gap order, filtered).
//!   Items are numbered 1..n across the whole list, and action rows refer to these numbers.
//! - The action plan has one row per gap, in gap-list order, with its action or blank cells to
//!   fill in on paper; then any non-empty action recorded on an item that is no longer a gap.
//! - "Service population" is the sum of the inputs `resident_population` and
//!   `temporary_population` (the ids every bundled catalogue uses); the row is left out for a
//!   catalogue without them, and shows "not entered" until both are entered.
//! - Not applicable: items the user marked (reason = the evidence note) are listed apart from
//!   items the profile excludes (reason = the evaluation's explanation).

mod build;
mod checklist;
mod model;
mod page;
mod review_summary;

pub use checklist::{
    ChecklistItem, ChecklistModel, ChecklistSection, FigureBlank, SubItemLine, CHECKLIST_NOTE_LINES,
};
pub use model::{
    ActionRow, CorrectionRow, Counts, GapGroup, GapItem, NaRow, OrphanKind, OrphanRow, Overall,
    ReportModel, ReviewSummary, SectionBar, SignatureLine, Signatures, TierBlock, TierRow,
    UnansweredGroup, REVIEW_BLANK_LINES,
};
pub use page::{strings, LabelValue, POPULATION_INPUTS};
pub use review_summary::report_summary;
