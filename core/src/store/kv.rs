//! The key-value store the app keeps its data in, as a trait: the browser shell implements it
//! over `window.localStorage`; [`MemoryStore`] implements it in memory, for native tests (with
//! an optional capacity, so a full store can be tried) and for a browser whose storage is off.

use crate::base::text::Lang;
use std::collections::BTreeMap;

/// Why a storage call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is missing, disabled, or throws on access.
    Unavailable,
    /// The write did not fit; nothing was written.
    QuotaExceeded,
    /// The stored value could not be read as what it should be.
    Corrupt { key: String, detail: String },
    /// Any other failure the browser reported.
    Failed(String),
}

impl StoreError {
    /// A message for the person at the screen.
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            StoreError::Unavailable => s.storage_unavailable.to_string(),
            StoreError::QuotaExceeded => s.storage_quota.to_string(),
            StoreError::Corrupt { key, detail } => s
                .storage_corrupt
                .replace("{key}", key)
                .replace("{detail}", detail),
            StoreError::Failed(detail) => format!("{} ({detail})", s.storage_write_failed),
        }
    }
}

/// A string-to-string store with atomic writes per key (as `localStorage.setItem` is): a failed
/// `set` leaves the previous value in place.
pub trait KeyValue {
    /// The stored text, or `Ok(None)` when the key is absent.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `value` under `key`; on error nothing was written.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes a key; removing an absent key is not an error.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store. With a capacity, a write that would make keys plus values exceed it (in
/// UTF-16 code units, as browsers count) fails with [`StoreError::QuotaExceeded`] and changes
/// nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    capacity: Option<usize>,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store that holds at most `capacity` UTF-16 code units of keys and values.
    pub fn with_capacity(capacity: usize) -> MemoryStore {
        MemoryStore {
            entries: BTreeMap::new(),
            capacity: Some(capacity),
        }
    }

    /// Keys plus values, in UTF-16 code units.
    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    /// Every entry, sorted by key (for tests that compare a whole store before and after).
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(capacity) = self.capacity {
            let freed = self.entries.get(key).map_or(0, |v| units(key) + units(v));
            if self.used() - freed + units(key) + units(value) > capacity {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}
