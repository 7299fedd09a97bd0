//! The reviewer's workspace entries (`thc-assess.r.<id>`, backups `thc-assess.rb.<id>`) in a
//! key-value store: save (backup first), list (recover, quarantine), delete. What to write is
//! decided by [`crate::store::workspace`].

use super::assessments::quarantine;
use crate::store::kv::{KeyValue, StoreError};
use crate::store::workspace::{
    decode_entry, encode_entry, entry_backup_key, entry_ids, entry_key, load_entry,
    plan_entry_save, quarantine_id, EntryLoad, EntryProblem, EntrySavePlan, StoredEntry,
};
use chrono::{DateTime, FixedOffset};

/// What saving a workspace entry did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntrySaveResult {
    Saved {
        revision: u64,
    },
    /// Another tab saved a newer revision of this entry; nothing was written.
    Conflict,
    /// The stored entry was written by a newer version; nothing was written. Kept as data, so
    /// it is shown in the reader's language.
    Blocked {
        problem: EntryProblem,
    },
}

fn entry_keys(id: &str) -> Result<(String, String), StoreError> {
    match (entry_key(id), entry_backup_key(id)) {
        (Some(main), Some(backup)) => Ok((main, backup)),
        _ => Err(StoreError::Failed(format!("invalid id {id}"))),
    }
}

/// Moves unreadable text of workspace entry `id` aside (`thc-assess.quarantine.r-<id>.<n>`).
fn quarantine_entry(kv: &mut dyn KeyValue, id: &str, text: &str) -> Result<(), StoreError> {
    match quarantine_id(id) {
        Some(qid) => quarantine(kv, &qid, text),
        None => Err(StoreError::Failed(format!("invalid id {id}"))),
    }
}

/// Saves a workspace entry: the previous good entry becomes the backup first, then the entry
/// is written with the next revision. `entry.revision` is the revision this page's copy is
/// based on (0 for a file never stored). Unreadable stored text is quarantined, never
/// overwritten unseen; a newer tab's save or a newer version's entry is never overwritten.
pub fn save_review_entry(
    kv: &mut dyn KeyValue,
    entry: &StoredEntry,
    now: DateTime<FixedOffset>,
) -> Result<EntrySaveResult, StoreError> {
    let (main_key, backup_key) = entry_keys(&entry.id)?;
    let stored = kv.get(&main_key)?;
    if let Some(text) = &stored {
        if matches!(
            decode_entry(&entry.id, text),
            Err(EntryProblem::Corrupt { .. })
        ) {
            quarantine_entry(kv, &entry.id, text)?;
        }
    }
    match plan_entry_save(stored.as_deref(), entry, now) {
        EntrySavePlan::Write {
            backup,
            main,
            revision,
        } => {
            if let Some(backup) = backup {
                kv.set(&backup_key, &backup)?;
            }
            kv.set(&main_key, &main)?;
            Ok(EntrySaveResult::Saved { revision })
        }
        EntrySavePlan::Conflict { .. } => Ok(EntrySaveResult::Conflict),
        EntrySavePlan::Blocked { problem } => Ok(EntrySaveResult::Blocked { problem }),
    }
}

/// Every workspace entry stored, each as what could be read of it. A damaged entry with a good
/// backup is recovered (the damaged text is quarantined first).
pub fn list_review_entries(kv: &mut dyn KeyValue) -> Result<Vec<(String, EntryLoad)>, StoreError> {
    let all = kv.keys()?;
    let ids: Vec<String> = entry_ids(all.iter().map(String::as_str))
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (main_key, backup_key) = entry_keys(&id)?;
        let main = kv.get(&main_key)?;
        let backup = kv.get(&backup_key)?;
        let outcome = load_entry(&id, main.as_deref(), backup.as_deref());
        match (&outcome, &main) {
            (EntryLoad::Recovered { entry, .. }, Some(text)) => {
                quarantine_entry(kv, &id, text)?;
                kv.set(&main_key, &encode_entry(entry))?;
            }
            (EntryLoad::Unreadable { .. }, Some(text)) => {
                // Keep the texts aside, and take the keys out of the workspace so the entry
                // stops failing on every visit.
                quarantine_entry(kv, &id, text)?;
                if let Some(backup_text) = &backup {
                    quarantine_entry(kv, &id, backup_text)?;
                }
                kv.remove(&backup_key)?;
                kv.remove(&main_key)?;
            }
            _ => {}
        }
        out.push((id, outcome));
    }
    Ok(out)
}

/// Removes a file from the workspace: backup first, then the entry.
pub fn delete_review_entry(kv: &mut dyn KeyValue, id: &str) -> Result<(), StoreError> {
    let (main_key, backup_key) = entry_keys(id)?;
    kv.remove(&backup_key)?;
    kv.remove(&main_key)
}
