//! The functional core of the township health centre self-assessment (乡镇卫生院标准化自评).
//!
//! Plain Rust with no browser dependency: a browser type here is a build error, not a
//! convention. The modules are layers; each may use only the layers listed before it
//! (`tests/layers.rs` reads every `use crate::` and fails on one that points up or sideways).
//! Start reading at `catalogue`, then `assessment` and `evaluation`. See ARCHITECTURE.md.

/// Layer 3: what a centre answered, and the county's review of it.
pub mod assessment;
/// Layer 0: exact fractions, dates, the one sort, ids, the two-language text type.
pub mod base;
/// Layer 2: what a centre is judged by.
pub mod catalogue;
/// Layer 7: the county's view over many centres' files: roll-up, per criterion, comparison.
pub mod county;
/// Layer 4: catalogue + assessment → verdicts, tiers, progress (numbers, no prose).
pub mod evaluation;
/// Layer 6: file formats (assessment file, xlsx, CSV) and their strict import.
pub mod exchange;
/// Layer 1: every user-facing string table, in Chinese and English.
pub mod i18n;
/// Layer 5: what a person reads: explanations, the report, the checklist, review texts.
pub mod present;
/// Layer 6: what is stored in the browser and how it is read back (decides; the shell writes).
pub mod store;
/// Layer 8: the app's workflows and views as pure state.
pub mod workflow;
