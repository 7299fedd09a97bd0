//! An assessment's entry and backup (`thc-assess.a.<id>`, `thc-assess.b.<id>`) in a key-value
//! store: save (backup first), load (recover from the backup, quarantine damaged text), list,
//! delete with undo.

use crate::assessment::Assessment;
use crate::store::envelope::{decode, StoredAssessment};
use crate::store::keys::{assessment_ids, backup_key, main_key, next_quarantine_key, InvalidId};
use crate::store::kv::{KeyValue, StoreError};
use crate::store::loading::{load, LoadOutcome};
use crate::store::problem::LoadProblem;
use crate::store::saving::{encode_stored, plan_save, SavePlan};
use chrono::{DateTime, FixedOffset};

/// What a save did.
#[derive(Clone, Debug)]
pub enum SaveResult {
    Saved {
        revision: u64,
        saved_at: DateTime<FixedOffset>,
    },
    /// Another tab saved a newer revision; nothing was written.
    Conflict { theirs: Box<StoredAssessment> },
    /// The stored entry must not be overwritten (written by a newer version); nothing was
    /// written. The problem is kept as data, so it is shown in the reader's language.
    Blocked { problem: LoadProblem },
}

pub(crate) fn checked(key: Result<String, InvalidId>) -> Result<String, StoreError> {
    key.map_err(|e| StoreError::Failed(format!("{e:?}")))
}

/// Moves unreadable text aside under the next quarantine key of `id`, so it is never lost and
/// never blocks.
pub(crate) fn quarantine(kv: &mut dyn KeyValue, id: &str, text: &str) -> Result<(), StoreError> {
    let existing = kv.keys()?;
    let key = checked(next_quarantine_key(id, existing.iter().map(String::as_str)))?;
    kv.set(&key, text)
}

/// Saves an assessment: the previous good entry becomes the backup first, then the new entry is
/// written, so a failure between the two leaves a good entry and a good backup.
pub fn save_assessment(
    kv: &mut dyn KeyValue,
    assessment: &Assessment,
    base_revision: u64,
    writer: &str,
    now: DateTime<FixedOffset>,
    last_exported_at: Option<DateTime<FixedOffset>>,
) -> Result<SaveResult, StoreError> {
    let id = assessment.id.as_str();
    let main_key = checked(main_key(id))?;
    let stored = kv.get(&main_key)?;
    if let Some(text) = &stored {
        if matches!(decode(text), Err(LoadProblem::Corrupt { .. })) {
            quarantine(kv, id, text)?;
        }
    }
    match plan_save(
        id,
        stored.as_deref(),
        base_revision,
        writer,
        now,
        assessment,
        last_exported_at,
    ) {
        SavePlan::Write {
            backup,
            main,
            revision,
        } => {
            if let Some(backup) = backup {
                kv.set(&checked(backup_key(id))?, &backup)?;
            }
            kv.set(&main_key, &main)?;
            Ok(SaveResult::Saved {
                revision,
                saved_at: now,
            })
        }
        SavePlan::Conflict { theirs } => Ok(SaveResult::Conflict { theirs }),
        SavePlan::Blocked { problem } => Ok(SaveResult::Blocked { problem }),
    }
}

/// Loads an assessment, recovering from its backup when the entry is damaged. A damaged entry
/// is moved to a quarantine key, never deleted.
pub fn load_assessment(kv: &mut dyn KeyValue, id: &str) -> Result<LoadOutcome, StoreError> {
    let main_key = checked(main_key(id))?;
    let main = kv.get(&main_key)?;
    let backup = kv.get(&checked(backup_key(id))?)?;
    let outcome = load(id, main.as_deref(), backup.as_deref());
    match (&outcome, &main) {
        (LoadOutcome::RecoveredFromBackup { stored, .. }, main_text) => {
            if let Some(text) = main_text {
                quarantine(kv, id, text)?;
            }
            if let Ok(text) = encode_stored(stored) {
                kv.set(&main_key, &text)?;
            }
        }
        (LoadOutcome::Unreadable { .. }, Some(text)) => quarantine(kv, id, text)?,
        _ => {}
    }
    Ok(outcome)
}

/// Every assessment stored, each as what could be read of it.
pub fn list_assessments(kv: &dyn KeyValue) -> Result<Vec<(String, LoadOutcome)>, StoreError> {
    let all = kv.keys()?;
    let ids: Vec<String> = assessment_ids(all.iter().map(String::as_str))
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let main = kv.get(&checked(main_key(&id))?)?;
        let backup = kv.get(&checked(backup_key(&id))?)?;
        let outcome = load(&id, main.as_deref(), backup.as_deref());
        out.push((id, outcome));
    }
    Ok(out)
}

/// The raw texts of a deleted assessment, so the deletion can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    id: String,
    main: Option<String>,
    backup: Option<String>,
}

pub fn delete_assessment(kv: &mut dyn KeyValue, id: &str) -> Result<Deleted, StoreError> {
    let main_key = checked(main_key(id))?;
    let backup_key = checked(backup_key(id))?;
    let main = kv.get(&main_key)?;
    let backup = kv.get(&backup_key)?;
    // Backup first: a half-finished delete leaves a loadable entry, not a stray backup.
    kv.remove(&backup_key)?;
    kv.remove(&main_key)?;
    Ok(Deleted {
        id: id.to_string(),
        main,
        backup,
    })
}

pub fn undo_delete(kv: &mut dyn KeyValue, deleted: &Deleted) -> Result<(), StoreError> {
    if let Some(backup) = &deleted.backup {
        kv.set(&checked(backup_key(&deleted.id))?, backup)?;
    }
    if let Some(main) = &deleted.main {
        kv.set(&checked(main_key(&deleted.id))?, main)?;
    }
    Ok(())
}

/// Writes a new assessment (revision 1). Fails rather than overwrite an existing one.
pub fn create_assessment(
    kv: &mut dyn KeyValue,
    assessment: &Assessment,
    writer: &str,
    now: DateTime<FixedOffset>,
) -> Result<SaveResult, StoreError> {
    if kv.get(&checked(main_key(&assessment.id))?)?.is_some() {
        return Err(StoreError::Failed(format!(
            "{} already exists",
            assessment.id
        )));
    }
    save_assessment(kv, assessment, 0, writer, now, None)
}
