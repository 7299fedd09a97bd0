//! Loaded catalogues (a province's transcription) kept as their file text under
//! `thc-assess.catalogue.<id>`, so assessments made with them open on the next visit.

use crate::base::ids::is_valid_id;
use crate::base::sorting::stable_sort;
use crate::store::kv::{KeyValue, StoreError};

pub const CATALOGUE_PREFIX: &str = "thc-assess.catalogue.";

/// Keeps a loaded catalogue's file text.
pub fn save_loaded_catalogue(
    kv: &mut dyn KeyValue,
    id: &str,
    json: &str,
) -> Result<(), StoreError> {
    if !is_valid_id(id) {
        return Err(StoreError::Failed(format!("catalogue id “{id}”")));
    }
    kv.set(&format!("{CATALOGUE_PREFIX}{id}"), json)
}

/// The file texts of every loaded catalogue kept, by id.
pub fn loaded_catalogue_texts(kv: &dyn KeyValue) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for key in kv.keys()? {
        if let Some(id) = key.strip_prefix(CATALOGUE_PREFIX) {
            if let Some(text) = kv.get(&key)? {
                out.push((id.to_string(), text));
            }
        }
    }
    stable_sort(&mut out);
    Ok(out)
}
