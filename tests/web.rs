//! Browser-facing code tested in headless Chromium against the real `window.localStorage`.
//! Run by tools/test.sh: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use thc_assess::i18n::Lang;
use thc_assess::storage::{self, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("test browser has localStorage")
}

#[wasm_bindgen_test]
fn storage_is_available_in_a_normal_browser() {
    assert!(storage::is_available());
}

#[wasm_bindgen_test]
fn language_preference_round_trips_and_defaults_to_chinese() {
    raw().remove_item("thc-assess.language").unwrap();
    assert_eq!(storage::load_language(), Ok(Lang::Zh));
    storage::save_language(Lang::En).unwrap();
    assert_eq!(
        raw().get_item("thc-assess.language").unwrap().as_deref(),
        Some("\"en\"")
    );
    assert_eq!(storage::load_language(), Ok(Lang::En));
    storage::save_language(Lang::Zh).unwrap();
    assert_eq!(storage::load_language(), Ok(Lang::Zh));
}

#[wasm_bindgen_test]
fn corrupt_json_is_reported_not_panicked() {
    raw().set_item("thc-assess.language", "{not json").unwrap();
    match storage::load_language() {
        Err(StorageError::Corrupt { key, .. }) => assert_eq!(key, "thc-assess.language"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    let message = storage::load_language().unwrap_err().message(Lang::Zh);
    assert!(message.contains("损坏"), "{message}");
    raw().remove_item("thc-assess.language").unwrap();
}

#[wasm_bindgen_test]
fn a_write_that_exceeds_the_quota_is_reported_and_leaves_the_old_value() {
    storage::write_json("thc-assess.quota-test", &"before".to_string()).unwrap();
    // Chromium allows about 5 MB per origin (UTF-16 counted), so 6 M characters cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    let result = storage::write_json("thc-assess.quota-test", &huge);
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert!(result
        .unwrap_err()
        .message(Lang::Zh)
        .contains("存储空间已满"));
    assert_eq!(
        storage::read_json::<String>("thc-assess.quota-test"),
        Ok(Some("before".to_string()))
    );
    storage::remove("thc-assess.quota-test").unwrap();
    assert_eq!(
        storage::read_json::<String>("thc-assess.quota-test"),
        Ok(None)
    );
}
