//! What the reviewer's workspace keeps in the browser, and how a tab follows another tab.
//!
//! # The reviewer's workspace in localStorage
//!
//! | key                       | holds                                                         |
//! |---------------------------|---------------------------------------------------------------|
//! | `thc-assess.r.<id>`       | one loaded file: its name, its text and its review ([`StoredEntry`]) |
//! | `thc-assess.rb.<id>`      | the previous good revision of that entry (written first)     |
//!
//! `<id>` is the workspace's own id for the file (not the assessment's: the same assessment can
//! be loaded twice, once as the self-assessment and once as the reviewed version). Unreadable
//! text is moved to `thc-assess.quarantine.r-<id>.<n>`, never deleted.

use crate::assessment::review::Review;
use crate::base::ids::is_valid_id;
use crate::catalogue::Lang;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------------
// The workspace in localStorage
// ---------------------------------------------------------------------------------------------

/// Prefix of workspace entries: `thc-assess.r.<id>`.
pub const ENTRY_PREFIX: &str = "thc-assess.r.";
/// Prefix of their last-good backups: `thc-assess.rb.<id>`.
pub const ENTRY_BACKUP_PREFIX: &str = "thc-assess.rb.";
/// The entry layout this build reads and writes.
pub const ENTRY_LAYOUT: u32 = 1;

/// `thc-assess.r.<id>`, or `None` for an id that cannot be part of a key.
pub fn entry_key(id: &str) -> Option<String> {
    is_valid_id(id).then(|| format!("{ENTRY_PREFIX}{id}"))
}

/// `thc-assess.rb.<id>`.
pub fn entry_backup_key(id: &str) -> Option<String> {
    is_valid_id(id).then(|| format!("{ENTRY_BACKUP_PREFIX}{id}"))
}

/// The id under which unreadable text of entry `id` is quarantined (`r-<id>`), so it never
/// collides with an assessment's quarantine. `None` when the result would be too long.
pub fn quarantine_id(id: &str) -> Option<String> {
    let q = format!("r-{id}");
    is_valid_id(&q).then_some(q)
}

/// The workspace ids among `keys` (all keys in storage), sorted.
pub fn entry_ids<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = keys
        .into_iter()
        .filter_map(|k| k.strip_prefix(ENTRY_PREFIX))
        .filter(|id| is_valid_id(id))
        .collect();
    crate::base::sorting::stable_sort(&mut ids);
    ids.dedup();
    ids
}

/// One file of the workspace as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredEntry {
    pub layout: u32,
    /// The workspace id (repeated inside so a value copied under another key is recognised).
    pub id: String,
    /// Increases by one with every save; another tab's newer save is never overwritten.
    pub revision: u64,
    #[serde(deserialize_with = "crate::base::dates::serde_text::time")]
    pub saved_at: DateTime<FixedOffset>,
    #[serde(deserialize_with = "crate::base::dates::serde_text::time")]
    pub added_at: DateTime<FixedOffset>,
    pub file_name: String,
    /// The file's JSON, compacted (its digest covers the data, not the layout, so it still
    /// verifies).
    pub text: String,
    /// The reviewer's review so far (`None` until something is entered).
    pub review: Option<Review>,
}

/// Why a stored workspace entry cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    Corrupt {
        detail: String,
    },
    /// Written by a newer build: left untouched.
    FromNewerVersion {
        layout: u64,
    },
    /// The stored file no longer passes the import checks.
    FileRefused {
        file_name: String,
        reason: String,
    },
}

impl EntryProblem {
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings().review;
        match self {
            EntryProblem::Corrupt { detail } => s.entry_corrupt.replace("{detail}", detail),
            EntryProblem::FromNewerVersion { layout } => {
                s.entry_newer.replace("{layout}", &layout.to_string())
            }
            EntryProblem::FileRefused { file_name, reason } => s
                .file_reason
                .replace("{file}", file_name)
                .replace("{reason}", reason),
        }
    }
}

/// Decodes one stored entry written under `id`.
pub fn decode_entry(id: &str, text: &str) -> Result<StoredEntry, EntryProblem> {
    let value: Value = serde_json::from_str(text).map_err(|e| EntryProblem::Corrupt {
        detail: e.to_string(),
    })?;
    match value.get("layout").and_then(Value::as_u64) {
        Some(l) if l > u64::from(ENTRY_LAYOUT) => {
            return Err(EntryProblem::FromNewerVersion { layout: l })
        }
        Some(l) if l == u64::from(ENTRY_LAYOUT) => {}
        _ => {
            return Err(EntryProblem::Corrupt {
                detail: "layout".to_string(),
            })
        }
    }
    let entry = StoredEntry::deserialize(&value).map_err(|e| EntryProblem::Corrupt {
        detail: e.to_string(),
    })?;
    if entry.id != id {
        return Err(EntryProblem::Corrupt {
            detail: format!("id {}", entry.id),
        });
    }
    Ok(entry)
}

pub fn encode_entry(entry: &StoredEntry) -> String {
    serde_json::to_string(entry).unwrap_or_default()
}

/// What reading one entry found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryLoad {
    Loaded(StoredEntry),
    /// The main entry was unreadable; its backup was good. `main_text` must be quarantined
    /// and the backup written back as the main entry.
    Recovered {
        entry: StoredEntry,
        problem: EntryProblem,
    },
    Unreadable {
        problem: EntryProblem,
    },
    /// Written by a newer build: leave every key of this entry untouched.
    Newer {
        problem: EntryProblem,
    },
    Missing,
}

/// How a tab's workspace follows what another tab of the same browser stored (it learns of it
/// through a `storage` event): files added there, reviews saved there, files removed there.
/// A file with edits this tab has not saved yet is left as this tab has it; its next save meets
/// the newer revision and is refused with a message, never overwriting the other tab's work.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WorkspaceSync {
    pub added: Vec<StoredEntry>,
    pub updated: Vec<StoredEntry>,
    pub removed: Vec<String>,
}

impl WorkspaceSync {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// Compares what this tab holds (`held`, of which `not_kept` never reached storage and
/// `unsaved` has edits not yet written) with what storage now holds.
pub fn plan_sync(
    held: &BTreeMap<String, StoredEntry>,
    unsaved: &BTreeSet<String>,
    not_kept: &BTreeSet<String>,
    stored: Vec<StoredEntry>,
) -> WorkspaceSync {
    // A linear scan, not a set: a workspace holds a few hundred files at most, and this keeps a
    // sorted-set builder for strings out of the wasm.
    let removed = held
        .keys()
        .filter(|id| {
            !stored.iter().any(|e| &e.id == *id)
                && !not_kept.contains(*id)
                && !unsaved.contains(*id)
        })
        .cloned()
        .collect();
    let mut sync = WorkspaceSync {
        removed,
        ..WorkspaceSync::default()
    };
    for entry in stored {
        match held.get(&entry.id) {
            None => sync.added.push(entry),
            Some(mine) if entry.revision > mine.revision && !unsaved.contains(&entry.id) => {
                sync.updated.push(entry)
            }
            Some(_) => {}
        }
    }
    sync
}

/// Reads an entry from its main and backup texts.
pub fn load_entry(id: &str, main: Option<&str>, backup: Option<&str>) -> EntryLoad {
    let Some(main) = main else {
        return EntryLoad::Missing;
    };
    match decode_entry(id, main) {
        Ok(entry) => EntryLoad::Loaded(entry),
        Err(problem @ EntryProblem::FromNewerVersion { .. }) => EntryLoad::Newer { problem },
        Err(problem) => match backup.map(|b| decode_entry(id, b)) {
            Some(Ok(entry)) => EntryLoad::Recovered { entry, problem },
            _ => EntryLoad::Unreadable { problem },
        },
    }
}

/// What to write to save an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntrySavePlan {
    /// Write `backup` (if any) first, then `main`.
    Write {
        backup: Option<String>,
        main: String,
        revision: u64,
    },
    /// Another tab saved a newer revision; nothing is written.
    Conflict { theirs: u64 },
    /// The stored entry was written by a newer build; nothing is written.
    Blocked { problem: EntryProblem },
}

/// Plans the save of `entry` (whose `revision` is the one this page's state is based on) over
/// what is stored now (`stored`, the main entry's text). The previous good entry becomes the
/// backup; an unreadable one gets no backup (the caller quarantines it).
pub fn plan_entry_save(
    stored: Option<&str>,
    entry: &StoredEntry,
    now: DateTime<FixedOffset>,
) -> EntrySavePlan {
    let previous = stored.map(|t| (t, decode_entry(&entry.id, t)));
    let backup = match &previous {
        None => None,
        Some((_, Err(problem @ EntryProblem::FromNewerVersion { .. }))) => {
            return EntrySavePlan::Blocked {
                problem: problem.clone(),
            }
        }
        Some((_, Ok(theirs))) if theirs.revision > entry.revision => {
            return EntrySavePlan::Conflict {
                theirs: theirs.revision,
            }
        }
        Some((text, Ok(_))) => Some((*text).to_string()),
        Some((_, Err(_))) => None,
    };
    let revision = entry.revision.saturating_add(1);
    let mut next = entry.clone();
    next.revision = revision;
    next.saved_at = now;
    EntrySavePlan::Write {
        backup,
        main: encode_entry(&next),
        revision,
    }
}
