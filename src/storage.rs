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

use crate::i18n::Lang;

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
