//! Saving: the plan for writing an assessment (backup first, then main), conflicts with another
//! tab, and encoding the envelope.

use super::envelope::{decode_for, StoredAssessment};
use super::migrate::LAYOUT_VERSION;
use super::problem::LoadProblem;
use crate::assessment::Assessment;
use crate::base::ids::is_valid_id;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// What a save should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavePlan {
    /// Write `backup` to [`backup_key`] first (when `Some`), then `main` to [`main_key`].
    /// `backup: None` means leave the backup key as it is.
    ///
    /// [`backup_key`]: super::keys::backup_key
    /// [`main_key`]: super::keys::main_key
    Write {
        backup: Option<String>,
        main: String,
        revision: u64,
    },
    /// Another tab saved a newer revision since we loaded (`theirs`). Nothing may be written
    /// until the user chooses: "keep mine" = plan again with `base_revision = theirs.revision`;
    /// "take theirs" = open `theirs`. (Boxed: it is far larger than the other variants.)
    Conflict { theirs: Box<StoredAssessment> },
    /// The stored main must not be overwritten (written by a newer app), or the request itself
    /// is invalid (bad id, assessment id not matching).
    Blocked { problem: LoadProblem },
}

/// Plans saving `assessment` under `id`.
///
/// * `stored_main`: the main entry's raw text as it is in storage right now (read just before
///   saving, so another tab's save is seen);
/// * `base_revision`: the revision this tab loaded or last saved (0 for a new assessment);
/// * `writer`: this tab's opaque id.
///
/// The new revision is one past both the stored and the base revision (1 if nothing is stored).
/// A good stored main becomes the backup; a corrupt one does not (callers quarantine it first),
/// so a possibly-good backup is never replaced by garbage.
pub fn plan_save(
    id: &str,
    stored_main: Option<&str>,
    base_revision: u64,
    writer: &str,
    now: DateTime<FixedOffset>,
    assessment: &Assessment,
    last_exported_at: Option<DateTime<FixedOffset>>,
) -> SavePlan {
    if !is_valid_id(id) {
        return SavePlan::Blocked {
            problem: LoadProblem::InvalidId { id: id.to_string() },
        };
    }
    if assessment.id != id {
        return SavePlan::Blocked {
            problem: LoadProblem::corrupt(format!(
                "saving assessment “{}” under “{id}”",
                assessment.id
            )),
        };
    }
    let (backup, stored_revision) = match stored_main.map(|text| (text, decode_for(id, text))) {
        None => (None, 0),
        Some((_, Err(problem))) if problem.is_from_newer_version() => {
            return SavePlan::Blocked { problem }
        }
        Some((_, Err(_))) => (None, 0),
        Some((_, Ok(theirs))) if theirs.revision > base_revision && theirs.writer != writer => {
            return SavePlan::Conflict {
                theirs: Box::new(theirs),
            }
        }
        Some((text, Ok(stored))) => (Some(text.to_string()), stored.revision),
    };
    // Never reuse a revision number another copy already carried.
    let revision = stored_revision.max(base_revision).saturating_add(1);
    match encode(&StoredRef {
        layout: LAYOUT_VERSION,
        revision,
        saved_at: now,
        writer,
        last_exported_at,
        assessment,
    }) {
        Ok(main) => SavePlan::Write {
            backup,
            main,
            revision,
        },
        Err(problem) => SavePlan::Blocked { problem },
    }
}

/// The same shape as [`StoredAssessment`], borrowing, so a save does not clone the assessment.
#[derive(Serialize)]
struct StoredRef<'a> {
    layout: u32,
    revision: u64,
    saved_at: DateTime<FixedOffset>,
    writer: &'a str,
    last_exported_at: Option<DateTime<FixedOffset>>,
    assessment: &'a Assessment,
}

fn encode(stored: &StoredRef<'_>) -> Result<String, LoadProblem> {
    // Compact JSON: localStorage quota is small (about 5 M UTF-16 units per origin).
    serde_json::to_string(stored).map_err(|e| LoadProblem::corrupt(format!("cannot encode: {e}")))
}

/// Serialises an envelope as it would be stored (e.g. to write a recovered copy back).
pub fn encode_stored(stored: &StoredAssessment) -> Result<String, LoadProblem> {
    encode(&StoredRef {
        layout: stored.layout,
        revision: stored.revision,
        saved_at: stored.saved_at,
        writer: &stored.writer,
        last_exported_at: stored.last_exported_at,
        assessment: &stored.assessment,
    })
}
