//! The only module that touches `window.localStorage`.
//!
//! Every call returns a `Result`: storage can be disabled (private mode, policy), throw
//! `SecurityError`, be full (`QuotaExceededError`) or hold data another version or another tab
//! wrote. Callers keep their in-memory state on any error and show the error's message.
//!
//! gloo-storage panics when `window.localStorage` itself throws, so availability is checked
//! before any gloo call.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

use thc_core::i18n::Lang;

/// Every key this app writes starts with this, so it never touches other apps on the same origin.
pub const KEY_PREFIX: &str = "thc-assess.";
const LANGUAGE_KEY: &str = "thc-assess.language";

/// Why a storage call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing, disabled, or throws on access.
    Unavailable,
    /// The write did not fit; nothing was written.
    QuotaExceeded,
    /// The stored value could not be read as what it should be.
    Corrupt { key: String, detail: String },
    /// Any other failure the browser reported.
    Failed(String),
}

impl StorageError {
    /// A message for the person at the screen.
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            StorageError::Unavailable => s.storage_unavailable.to_string(),
            StorageError::QuotaExceeded => s.storage_quota.to_string(),
            StorageError::Corrupt { key, detail } => match lang {
                Lang::Zh => format!("本机保存的数据“{key}”已损坏，无法读取（{detail}）。"),
                Lang::En => format!("The data stored under “{key}” is damaged ({detail})."),
            },
            StorageError::Failed(detail) => format!("{} ({detail})", s.storage_write_failed),
        }
    }
}

fn from_gloo(key: &str, err: gloo_storage::errors::StorageError) -> StorageError {
    use gloo_storage::errors::StorageError as G;
    match err {
        G::KeyNotFound(_) => StorageError::Failed(format!("{key}: not found")),
        G::SerdeError(e) => StorageError::Corrupt {
            key: key.to_string(),
            detail: e.to_string(),
        },
        G::JsError(e)
            if e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            StorageError::QuotaExceeded
        }
        G::JsError(e) if e.name == "SecurityError" => StorageError::Unavailable,
        G::JsError(e) => StorageError::Failed(format!("{}: {}", e.name, e.message)),
    }
}

/// True when localStorage can be read and written right now.
pub fn is_available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.local_storage() {
        Ok(Some(storage)) => {
            // Some browsers expose a storage object that throws on the first write.
            let probe = "thc-assess.__probe";
            let ok = storage.set_item(probe, "1").is_ok();
            let _ = storage.remove_item(probe);
            ok
        }
        _ => false,
    }
}

fn guard() -> Result<(), StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        _ => Err(StorageError::Unavailable),
    }
}

/// Reads a JSON value; `Ok(None)` when the key is absent.
pub fn read_json<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    guard()?;
    match LocalStorage::get::<T>(key) {
        Ok(v) => Ok(Some(v)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(from_gloo(key, e)),
    }
}

/// Writes a JSON value. On error nothing was written (localStorage writes are atomic per key).
pub fn write_json<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    guard()?;
    LocalStorage::set(key, value).map_err(|e| from_gloo(key, e))
}

/// Removes a key; removing an absent key is not an error.
pub fn remove(key: &str) -> Result<(), StorageError> {
    guard()?;
    LocalStorage::delete(key);
    Ok(())
}

/// The stored interface language, Chinese when none is stored or the value is unreadable.
pub fn load_language() -> Result<Lang, StorageError> {
    match read_json::<String>(LANGUAGE_KEY) {
        Ok(Some(code)) => Ok(Lang::from_code(&code)),
        Ok(None) => Ok(Lang::Zh),
        Err(e) => Err(e),
    }
}

pub fn save_language(lang: Lang) -> Result<(), StorageError> {
    write_json(LANGUAGE_KEY, &lang.code().to_string())
}

// --- Raw access ------------------------------------------------------------------------------
//
// When localStorage is unavailable (private mode, disabled by policy) the same calls work on an
// in-memory map, so a director can still fill in and export an assessment; `is_available()`
// stays false and the UI says plainly that nothing is kept after the page closes.

use std::cell::RefCell;
use std::collections::BTreeMap;

thread_local! {
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

fn js_error(err: wasm_bindgen::JsValue) -> StorageError {
    use wasm_bindgen::JsCast;
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => {
            StorageError::QuotaExceeded
        }
        Some(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Some(e) => StorageError::Failed(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Failed(format!("{err:?}")),
    }
}

/// Reads a stored string as it is; `Ok(None)` when the key is absent.
pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    match local_storage() {
        Ok(storage) => storage.get_item(key).map_err(js_error),
        Err(_) => Ok(MEMORY.with(|m| m.borrow().get(key).cloned())),
    }
}

/// Writes a string. On error nothing was written (setItem is atomic per key).
pub fn write_raw(key: &str, value: &str) -> Result<(), StorageError> {
    match local_storage() {
        Ok(storage) => storage.set_item(key, value).map_err(js_error),
        Err(_) => {
            MEMORY.with(|m| m.borrow_mut().insert(key.to_string(), value.to_string()));
            Ok(())
        }
    }
}

fn remove_raw(key: &str) -> Result<(), StorageError> {
    match local_storage() {
        Ok(storage) => storage.remove_item(key).map_err(js_error),
        Err(_) => {
            MEMORY.with(|m| m.borrow_mut().remove(key));
            Ok(())
        }
    }
}

fn keys() -> Result<Vec<String>, StorageError> {
    match local_storage() {
        Ok(storage) => {
            let n = storage.length().map_err(js_error)?;
            Ok((0..n)
                .filter_map(|i| storage.key(i).ok().flatten())
                .collect())
        }
        Err(_) => Ok(MEMORY.with(|m| m.borrow().keys().cloned().collect())),
    }
}

// --- Assessments -------------------------------------------------------------------------------

use chrono::{DateTime, FixedOffset};
use thc_core::assessment::Assessment;
use thc_core::store::{self, LoadOutcome, SavePlan, StoredAssessment};

/// What a save did.
#[derive(Clone, Debug)]
pub enum SaveResult {
    Saved {
        revision: u64,
        saved_at: DateTime<FixedOffset>,
    },
    /// Another tab saved a newer revision; nothing was written.
    Conflict { theirs: Box<StoredAssessment> },
    /// The stored entry must not be overwritten (written by a newer version); nothing was written.
    Blocked { message: String },
}

fn checked(key: Result<String, store::InvalidId>) -> Result<String, StorageError> {
    key.map_err(|e| StorageError::Failed(format!("{e:?}")))
}

/// Moves an unreadable entry aside under a quarantine key so it is never lost and never blocks.
fn quarantine(id: &str, text: &str) -> Result<(), StorageError> {
    let existing = keys()?;
    let key = checked(store::next_quarantine_key(
        id,
        existing.iter().map(String::as_str),
    ))?;
    write_raw(&key, text)
}

/// Saves an assessment: the previous good entry becomes the backup first, then the new entry is
/// written, so a failure between the two leaves a good entry and a good backup.
pub fn save_assessment(
    assessment: &Assessment,
    base_revision: u64,
    writer: &str,
    now: DateTime<FixedOffset>,
    last_exported_at: Option<DateTime<FixedOffset>>,
) -> Result<SaveResult, StorageError> {
    let id = assessment.id.as_str();
    let main_key = checked(store::main_key(id))?;
    let stored = read_raw(&main_key)?;
    if let Some(text) = &stored {
        if matches!(store::decode(text), Err(store::LoadProblem::Corrupt { .. })) {
            quarantine(id, text)?;
        }
    }
    match store::plan_save(
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
                write_raw(&checked(store::backup_key(id))?, &backup)?;
            }
            write_raw(&main_key, &main)?;
            Ok(SaveResult::Saved {
                revision,
                saved_at: now,
            })
        }
        SavePlan::Conflict { theirs } => Ok(SaveResult::Conflict { theirs }),
        SavePlan::Blocked { problem } => Ok(SaveResult::Blocked {
            message: problem.message(Lang::Zh),
        }),
    }
}

/// Loads an assessment, recovering from its backup when the entry is damaged. A damaged entry
/// is moved to a quarantine key, never deleted.
pub fn load_assessment(id: &str) -> Result<LoadOutcome, StorageError> {
    let main_key = checked(store::main_key(id))?;
    let main = read_raw(&main_key)?;
    let backup = read_raw(&checked(store::backup_key(id))?)?;
    let outcome = store::load(id, main.as_deref(), backup.as_deref());
    match (&outcome, &main) {
        (LoadOutcome::RecoveredFromBackup { stored, .. }, main_text) => {
            if let Some(text) = main_text {
                quarantine(id, text)?;
            }
            if let Ok(text) = store::encode_stored(stored) {
                write_raw(&main_key, &text)?;
            }
        }
        (LoadOutcome::Unreadable { .. }, Some(text)) => quarantine(id, text)?,
        _ => {}
    }
    Ok(outcome)
}

/// Every assessment stored in this browser, each as what could be read of it.
pub fn list_assessments() -> Result<Vec<(String, LoadOutcome)>, StorageError> {
    let all = keys()?;
    let ids: Vec<String> = store::assessment_ids(all.iter().map(String::as_str))
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let main = read_raw(&checked(store::main_key(&id))?)?;
        let backup = read_raw(&checked(store::backup_key(&id))?)?;
        let outcome = store::load(&id, main.as_deref(), backup.as_deref());
        out.push((id, outcome));
    }
    Ok(out)
}

/// The raw texts of a deleted assessment, so the deletion can be undone.
#[derive(Clone, Debug)]
pub struct Deleted {
    id: String,
    main: Option<String>,
    backup: Option<String>,
}

pub fn delete_assessment(id: &str) -> Result<Deleted, StorageError> {
    let main_key = checked(store::main_key(id))?;
    let backup_key = checked(store::backup_key(id))?;
    let main = read_raw(&main_key)?;
    let backup = read_raw(&backup_key)?;
    // Backup first: a half-finished delete leaves a loadable entry, not a stray backup.
    remove_raw(&backup_key)?;
    remove_raw(&main_key)?;
    Ok(Deleted {
        id: id.to_string(),
        main,
        backup,
    })
}

pub fn undo_delete(deleted: &Deleted) -> Result<(), StorageError> {
    if let Some(backup) = &deleted.backup {
        write_raw(&checked(store::backup_key(&deleted.id))?, backup)?;
    }
    if let Some(main) = &deleted.main {
        write_raw(&checked(store::main_key(&deleted.id))?, main)?;
    }
    Ok(())
}

/// Writes a new assessment (revision 1). Fails rather than overwrite an existing one.
pub fn create_assessment(
    assessment: &Assessment,
    writer: &str,
    now: DateTime<FixedOffset>,
) -> Result<SaveResult, StorageError> {
    if read_raw(&checked(store::main_key(&assessment.id))?)?.is_some() {
        return Err(StorageError::Failed(format!(
            "{} already exists",
            assessment.id
        )));
    }
    save_assessment(assessment, 0, writer, now, None)
}

// --- The reviewer's workspace (issue 8) ----------------------------------------------------------
//
// One entry per loaded file under `thc-assess.r.<id>`, its previous good revision under
// `thc-assess.rb.<id>`; `thc_core::county` decides what to write, as `persist` does for assessments.

use thc_core::store::workspace::{EntryLoad, EntrySavePlan, StoredEntry};

/// What saving a workspace entry did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntrySaveResult {
    Saved {
        revision: u64,
    },
    /// Another tab saved a newer revision of this entry; nothing was written.
    Conflict,
    /// The stored entry was written by a newer version; nothing was written.
    Blocked {
        message: String,
    },
}

fn entry_keys(id: &str) -> Result<(String, String), StorageError> {
    match (
        thc_core::store::workspace::entry_key(id),
        thc_core::store::workspace::entry_backup_key(id),
    ) {
        (Some(main), Some(backup)) => Ok((main, backup)),
        _ => Err(StorageError::Failed(format!("invalid id {id}"))),
    }
}

/// Moves unreadable text of workspace entry `id` aside (`thc-assess.quarantine.r-<id>.<n>`).
fn quarantine_entry(id: &str, text: &str) -> Result<(), StorageError> {
    match thc_core::store::workspace::quarantine_id(id) {
        Some(qid) => quarantine(&qid, text),
        None => Err(StorageError::Failed(format!("invalid id {id}"))),
    }
}

/// Saves a workspace entry: the previous good entry becomes the backup first, then the entry
/// is written with the next revision. `entry.revision` is the revision this page's copy is
/// based on (0 for a file never stored). Unreadable stored text is quarantined, never
/// overwritten unseen; a newer tab's save or a newer version's entry is never overwritten.
pub fn save_review_entry(
    entry: &StoredEntry,
    now: DateTime<FixedOffset>,
) -> Result<EntrySaveResult, StorageError> {
    let (main_key, backup_key) = entry_keys(&entry.id)?;
    let stored = read_raw(&main_key)?;
    if let Some(text) = &stored {
        if matches!(
            thc_core::store::workspace::decode_entry(&entry.id, text),
            Err(thc_core::store::workspace::EntryProblem::Corrupt { .. })
        ) {
            quarantine_entry(&entry.id, text)?;
        }
    }
    match thc_core::store::workspace::plan_entry_save(stored.as_deref(), entry, now) {
        EntrySavePlan::Write {
            backup,
            main,
            revision,
        } => {
            if let Some(backup) = backup {
                write_raw(&backup_key, &backup)?;
            }
            write_raw(&main_key, &main)?;
            Ok(EntrySaveResult::Saved { revision })
        }
        EntrySavePlan::Conflict { .. } => Ok(EntrySaveResult::Conflict),
        EntrySavePlan::Blocked { problem } => Ok(EntrySaveResult::Blocked {
            message: problem.message(Lang::Zh),
        }),
    }
}

/// Every workspace entry stored in this browser, each as what could be read of it. A damaged
/// entry with a good backup is recovered (the damaged text is quarantined first).
pub fn list_review_entries() -> Result<Vec<(String, EntryLoad)>, StorageError> {
    let all = keys()?;
    let ids: Vec<String> = thc_core::store::workspace::entry_ids(all.iter().map(String::as_str))
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (main_key, backup_key) = entry_keys(&id)?;
        let main = read_raw(&main_key)?;
        let backup = read_raw(&backup_key)?;
        let outcome =
            thc_core::store::workspace::load_entry(&id, main.as_deref(), backup.as_deref());
        match (&outcome, &main) {
            (EntryLoad::Recovered { entry, .. }, Some(text)) => {
                quarantine_entry(&id, text)?;
                write_raw(&main_key, &thc_core::store::workspace::encode_entry(entry))?;
            }
            (EntryLoad::Unreadable { .. }, Some(text)) => {
                // Keep the texts aside, and take the keys out of the workspace so the entry
                // stops failing on every visit.
                quarantine_entry(&id, text)?;
                if let Some(backup_text) = &backup {
                    quarantine_entry(&id, backup_text)?;
                }
                remove_raw(&backup_key)?;
                remove_raw(&main_key)?;
            }
            _ => {}
        }
        out.push((id, outcome));
    }
    Ok(out)
}

/// Removes a file from the workspace: backup first, then the entry.
pub fn delete_review_entry(id: &str) -> Result<(), StorageError> {
    let (main_key, backup_key) = entry_keys(id)?;
    remove_raw(&backup_key)?;
    remove_raw(&main_key)
}

// --- Loaded catalogues (a province's transcription) ----------------------------------------------

const CATALOGUE_PREFIX: &str = "thc-assess.catalogue.";

/// Keeps a loaded catalogue's file text so assessments made with it open on the next visit.
pub fn save_loaded_catalogue(id: &str, json: &str) -> Result<(), StorageError> {
    if !store::is_valid_id(id) {
        return Err(StorageError::Failed(format!("catalogue id “{id}”")));
    }
    write_raw(&format!("{CATALOGUE_PREFIX}{id}"), json)
}

/// The file texts of every loaded catalogue kept in this browser, by id.
pub fn loaded_catalogue_texts() -> Result<Vec<(String, String)>, StorageError> {
    let mut out = Vec::new();
    for key in keys()? {
        if let Some(id) = key.strip_prefix(CATALOGUE_PREFIX) {
            if let Some(text) = read_raw(&key)? {
                out.push((id.to_string(), text));
            }
        }
    }
    thc_core::base::sorting::stable_sort(&mut out);
    Ok(out)
}
