//! What a person reads, as plain view models and text: verdict explanations, the printable
//! report and blank checklist, the county review's texts.

pub mod explain;
pub mod percent;
pub mod report;
pub mod review;
