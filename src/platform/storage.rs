//! The only module that touches `window.localStorage`: the browser's [`KeyValue`] store.
//!
//! What to write and in which order is decided and applied by the core (`thc_core::store`,
//! tested natively on a `MemoryStore`); this module adapts localStorage to its trait and keeps
//! the calls the components make. Every call returns a `Result`: storage can be disabled
//! (private mode, policy), throw `SecurityError`, be full (`QuotaExceededError`) or hold data
//! another version or another tab wrote. Callers keep their in-memory state on any error and
//! show the error's message.
//!
//! gloo-storage panics when `window.localStorage` itself throws, so availability is checked
//! before any gloo call.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

use thc_core::i18n::Lang;
use thc_core::store::kv::KeyValue;
pub use thc_core::store::kv::StoreError as StorageError;

/// Every key this app writes starts with this, so it never touches other apps on the same origin.
pub const KEY_PREFIX: &str = "thc-assess.";
const LANGUAGE_KEY: &str = "thc-assess.language";

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

/// This browser's store: localStorage, or the in-memory map when it is unavailable.
pub struct BrowserStore;

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        read_raw(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        write_raw(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        match local_storage() {
            Ok(storage) => storage.remove_item(key).map_err(js_error),
            Err(_) => {
                MEMORY.with(|m| m.borrow_mut().remove(key));
                Ok(())
            }
        }
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
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

// --- The calls the components make, applied by the core to this browser's store -------------

use chrono::{DateTime, FixedOffset};
use thc_core::assessment::Assessment;
pub use thc_core::store::io::assessments::{Deleted, SaveResult};
pub use thc_core::store::io::workspace::EntrySaveResult;
use thc_core::store::io::{assessments, catalogues, workspace};
use thc_core::store::workspace::{EntryLoad, StoredEntry};
use thc_core::store::LoadOutcome;

pub fn save_assessment(
    assessment: &Assessment,
    base_revision: u64,
    writer: &str,
    now: DateTime<FixedOffset>,
    last_exported_at: Option<DateTime<FixedOffset>>,
) -> Result<SaveResult, StorageError> {
    assessments::save_assessment(
        &mut BrowserStore,
        assessment,
        base_revision,
        writer,
        now,
        last_exported_at,
    )
}

pub fn load_assessment(id: &str) -> Result<LoadOutcome, StorageError> {
    assessments::load_assessment(&mut BrowserStore, id)
}

pub fn list_assessments() -> Result<Vec<(String, LoadOutcome)>, StorageError> {
    assessments::list_assessments(&BrowserStore)
}

pub fn delete_assessment(id: &str) -> Result<Deleted, StorageError> {
    assessments::delete_assessment(&mut BrowserStore, id)
}

pub fn undo_delete(deleted: &Deleted) -> Result<(), StorageError> {
    assessments::undo_delete(&mut BrowserStore, deleted)
}

pub fn create_assessment(
    assessment: &Assessment,
    writer: &str,
    now: DateTime<FixedOffset>,
) -> Result<SaveResult, StorageError> {
    assessments::create_assessment(&mut BrowserStore, assessment, writer, now)
}

pub fn save_review_entry(
    entry: &StoredEntry,
    now: DateTime<FixedOffset>,
) -> Result<EntrySaveResult, StorageError> {
    workspace::save_review_entry(&mut BrowserStore, entry, now)
}

pub fn list_review_entries() -> Result<Vec<(String, EntryLoad)>, StorageError> {
    workspace::list_review_entries(&mut BrowserStore)
}

pub fn delete_review_entry(id: &str) -> Result<(), StorageError> {
    workspace::delete_review_entry(&mut BrowserStore, id)
}

pub fn save_loaded_catalogue(id: &str, json: &str) -> Result<(), StorageError> {
    catalogues::save_loaded_catalogue(&mut BrowserStore, id, json)
}

pub fn loaded_catalogue_texts() -> Result<Vec<(String, String)>, StorageError> {
    catalogues::loaded_catalogue_texts(&BrowserStore)
}
