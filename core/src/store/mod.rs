//! What to write to the browser's localStorage and how to read back what was stored (issue 5:
//! "Local storage that never loses work").
//!
//! This module is pure: it never touches storage or a clock. `storage.rs` reads raw strings from
//! localStorage, hands them to [`load`] / [`plan_save`], and writes exactly the strings returned.
//!
//! # Key layout
//!
//! | key                                  | holds                                                  |
//! |--------------------------------------|--------------------------------------------------------|
//! | `thc-assess.a.<id>`                  | the main entry of one assessment ([`StoredAssessment`]) |
//! | `thc-assess.b.<id>`                  | its last-good backup (the previous good revision)       |
//! | `thc-assess.quarantine.<id>.<n>`     | raw text of an unreadable entry, moved aside, never deleted |
//!
//! # Rules callers follow
//!
//! * **Save** ([`SavePlan::Write`]): write `backup` (if any) first, then `main`. A failure between
//!   the two leaves a good main and a good backup.
//! * **Unreadable entry**: copy its raw text to a fresh [`quarantine_key`] (see
//!   [`next_quarantine_key`]) before anything overwrites it. Quarantined text is never deleted by
//!   the app.
//! * **Newer version** ([`LoadProblem::is_from_newer_version`]): leave every entry of that
//!   assessment untouched and open nothing; the user must use the newer app.
//! * **Delete**: remove the backup first, then the main entry, so a half-done delete leaves a
//!   loadable main rather than an orphan backup.

mod envelope;
pub mod io;
mod keys;
pub mod kv;
mod listing;
mod loading;
mod migrate;
mod problem;
mod reminder;
mod saving;
pub mod workspace;

pub use envelope::{decode, decode_for, StoredAssessment};
pub use keys::{
    assessment_id_from_main_key, assessment_ids, backup_key, main_key, next_quarantine_key,
    parse_quarantine_key, quarantine_key, InvalidId, BACKUP_PREFIX, KEY_PREFIX, MAIN_PREFIX,
    QUARANTINE_PREFIX,
};
pub use listing::{summarise, AssessmentListing};
pub use loading::{load, LoadOutcome};
pub use migrate::{LAYOUT_VERSION, MIGRATED_WRITER};
pub use problem::LoadProblem;
pub use reminder::{export_reminder, ExportReminder, EXPORT_STALE_DAYS, NEVER_EXPORTED_GRACE_DAYS};
pub use saving::{encode_stored, plan_save, SavePlan};

pub use crate::base::ids::is_valid_id;
pub use crate::base::ids::MAX_ID_LEN;
