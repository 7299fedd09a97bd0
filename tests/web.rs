//! Browser-facing code tested in headless Chromium against the real `window.localStorage`.
//! Run by tools/test.sh: `cargo test --target wasm32-unknown-unknown --test web`.
// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(target_arch = "wasm32")]

use thc_assess::platform::storage::{self, StorageError};
use thc_core::i18n::Lang;
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

// --- Assessments: every storage fault against the real localStorage ---------------------------

use chrono::{DateTime, FixedOffset};
use thc_assess::platform::storage::SaveResult;
use thc_core::assessment::{Assessment, Profile, Status};
use thc_core::catalogue::bundled;
use thc_core::store::{self, LoadOutcome};

const LAYOUT_0: &str = include_str!("fixtures/storage/layout-0.json");
const LAYOUT_1: &str = include_str!("fixtures/storage/layout-1.json");
const LAYOUT_99: &str = include_str!("fixtures/storage/layout-99.json");

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn sample(id: &str) -> Assessment {
    let catalogue = &bundled()[0];
    let mut a = Assessment::new(
        id,
        catalogue,
        Profile {
            centre_name: "青山镇卫生院".into(),
            ..Profile::default()
        },
        at("2026-11-23T09:00:00+08:00"),
    );
    a.set_input("staff_total", Some(48), at("2026-11-23T09:01:00+08:00"));
    a.set_status(
        "thc.staff.nursing",
        Status::Partly,
        at("2026-11-23T09:02:00+08:00"),
    );
    a
}

fn clear_app_keys() {
    let storage = raw();
    let n = storage.length().unwrap();
    let keys: Vec<String> = (0..n).filter_map(|i| storage.key(i).unwrap()).collect();
    for key in keys.iter().filter(|k| k.starts_with("thc-assess.")) {
        storage.remove_item(key).unwrap();
    }
}

#[wasm_bindgen_test]
fn an_assessment_saves_and_loads_back_with_a_backup_of_the_previous_revision() {
    clear_app_keys();
    let a = sample("web-roundtrip");
    let first = storage::create_assessment(&a, "tab-a", at("2026-11-23T10:00:00+08:00")).unwrap();
    assert!(matches!(first, SaveResult::Saved { revision: 1, .. }));
    let mut b = a.clone();
    b.set_status(
        "thc.staff.nursing",
        Status::Met,
        at("2026-11-23T10:05:00+08:00"),
    );
    let second =
        storage::save_assessment(&b, 1, "tab-a", at("2026-11-23T10:05:00+08:00"), None).unwrap();
    assert!(matches!(second, SaveResult::Saved { revision: 2, .. }));
    match storage::load_assessment("web-roundtrip").unwrap() {
        LoadOutcome::Loaded(stored) => {
            assert_eq!(stored.revision, 2);
            assert_eq!(stored.assessment, b);
        }
        other => panic!("expected Loaded, got {other:?}"),
    }
    let backup = raw()
        .get_item("thc-assess.b.web-roundtrip")
        .unwrap()
        .unwrap();
    assert_eq!(
        store::decode(&backup).unwrap().assessment,
        a,
        "backup holds revision 1"
    );
    // Creating over an existing assessment is refused.
    assert!(storage::create_assessment(&a, "tab-a", at("2026-11-23T10:06:00+08:00")).is_err());
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_save_that_does_not_fit_reports_quota_and_leaves_the_stored_revision_intact() {
    clear_app_keys();
    let a = sample("web-quota");
    storage::create_assessment(&a, "tab-a", at("2026-11-23T10:00:00+08:00")).unwrap();
    let before = raw().get_item("thc-assess.a.web-quota").unwrap();
    // Fill the origin's storage until a write fails.
    let chunk = "填".repeat(256 * 1024);
    let mut filler = 0;
    while raw()
        .set_item(&format!("thc-assess.filler.{filler}"), &chunk)
        .is_ok()
    {
        filler += 1;
        assert!(filler < 200, "storage never filled");
    }
    let mut big = a.clone();
    big.set_evidence(
        "thc.staff.nursing",
        &"长".repeat(400 * 1024),
        at("2026-11-23T10:01:00+08:00"),
    );
    let result = storage::save_assessment(&big, 1, "tab-a", at("2026-11-23T10:01:00+08:00"), None);
    assert_eq!(result.unwrap_err(), StorageError::QuotaExceeded);
    assert_eq!(
        raw().get_item("thc-assess.a.web-quota").unwrap(),
        before,
        "entry untouched"
    );
    match storage::load_assessment("web-quota").unwrap() {
        LoadOutcome::Loaded(stored) => assert_eq!(stored.assessment, a),
        other => panic!("expected the old revision, got {other:?}"),
    }
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_recovered_from_its_backup_and_kept_in_quarantine() {
    clear_app_keys();
    let a = sample("web-corrupt");
    storage::create_assessment(&a, "tab-a", at("2026-11-23T10:00:00+08:00")).unwrap();
    let mut b = a.clone();
    b.set_input("staff_total", Some(50), at("2026-11-23T10:01:00+08:00"));
    storage::save_assessment(&b, 1, "tab-a", at("2026-11-23T10:01:00+08:00"), None).unwrap();
    let damaged = "{\"layout\":1,\"revision\":2,\"assess";
    raw().set_item("thc-assess.a.web-corrupt", damaged).unwrap();
    match storage::load_assessment("web-corrupt").unwrap() {
        LoadOutcome::RecoveredFromBackup { stored, problem } => {
            assert_eq!(stored.assessment, a, "the last good copy");
            assert!(problem.message(Lang::Zh).contains("损坏"));
        }
        other => panic!("expected RecoveredFromBackup, got {other:?}"),
    }
    assert_eq!(
        raw()
            .get_item("thc-assess.quarantine.web-corrupt.1")
            .unwrap()
            .as_deref(),
        Some(damaged),
        "the damaged text is kept, never deleted"
    );
    // The entry itself is good again.
    assert!(matches!(
        storage::load_assessment("web-corrupt").unwrap(),
        LoadOutcome::Loaded(_)
    ));
    clear_app_keys();
}

#[wasm_bindgen_test]
fn entries_of_every_older_layout_load_and_newer_ones_are_left_untouched() {
    clear_app_keys();
    raw()
        .set_item("thc-assess.a.a-20261118-7f3k", LAYOUT_0)
        .unwrap();
    let from_0 = match storage::load_assessment("a-20261118-7f3k").unwrap() {
        LoadOutcome::Loaded(stored) => stored,
        other => panic!("layout 0: {other:?}"),
    };
    raw()
        .set_item("thc-assess.a.a-20261118-7f3k", LAYOUT_1)
        .unwrap();
    let from_1 = match storage::load_assessment("a-20261118-7f3k").unwrap() {
        LoadOutcome::Loaded(stored) => stored,
        other => panic!("layout 1: {other:?}"),
    };
    assert_eq!(from_0.assessment.id, from_1.assessment.id);
    assert_eq!(from_0.assessment.profile, from_1.assessment.profile);

    raw()
        .set_item("thc-assess.a.a-20261118-7f3k", LAYOUT_99)
        .unwrap();
    assert!(matches!(
        storage::load_assessment("a-20261118-7f3k").unwrap(),
        LoadOutcome::NewerVersion { .. }
    ));
    let save = storage::save_assessment(
        &from_1.assessment,
        from_1.revision,
        "tab-a",
        at("2026-11-23T10:00:00+08:00"),
        None,
    )
    .unwrap();
    assert!(
        matches!(save, SaveResult::Blocked { .. }),
        "never overwrite a newer app's data"
    );
    assert_eq!(
        raw()
            .get_item("thc-assess.a.a-20261118-7f3k")
            .unwrap()
            .as_deref(),
        Some(LAYOUT_99)
    );
    clear_app_keys();
}

#[wasm_bindgen_test]
fn another_tabs_newer_revision_is_a_conflict_not_an_overwrite() {
    clear_app_keys();
    let a = sample("web-tabs");
    storage::create_assessment(&a, "tab-a", at("2026-11-23T10:00:00+08:00")).unwrap();
    let mut theirs = a.clone();
    theirs.set_input("staff_total", Some(60), at("2026-11-23T10:01:00+08:00"));
    storage::save_assessment(&theirs, 1, "tab-b", at("2026-11-23T10:01:00+08:00"), None).unwrap();
    let mut mine = a.clone();
    mine.set_input("staff_total", Some(40), at("2026-11-23T10:02:00+08:00"));
    match storage::save_assessment(&mine, 1, "tab-a", at("2026-11-23T10:02:00+08:00"), None)
        .unwrap()
    {
        SaveResult::Conflict { theirs: stored } => assert_eq!(stored.assessment, theirs),
        other => panic!("expected Conflict, got {other:?}"),
    }
    // Keeping mine after the user chose it: plan against their revision.
    assert!(matches!(
        storage::save_assessment(&mine, 2, "tab-a", at("2026-11-23T10:03:00+08:00"), None).unwrap(),
        SaveResult::Saved { revision: 3, .. }
    ));
    clear_app_keys();
}

#[wasm_bindgen_test]
fn with_storage_disabled_the_app_keeps_working_in_memory() {
    clear_app_keys();
    // Simulate a browser that throws SecurityError on any localStorage access.
    let disable = js_sys::Function::new_no_args(
        "window.__realLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });",
    );
    disable.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert!(!storage::is_available());
    assert_eq!(storage::load_language(), Err(StorageError::Unavailable));
    let a = sample("web-memory");
    assert!(matches!(
        storage::create_assessment(&a, "tab-a", at("2026-11-23T10:00:00+08:00")).unwrap(),
        SaveResult::Saved { .. }
    ));
    let listed = storage::list_assessments().unwrap();
    assert!(listed.iter().any(|(id, _)| id == "web-memory"));
    assert!(matches!(
        storage::load_assessment("web-memory").unwrap(),
        LoadOutcome::Loaded(_)
    ));
    let restore = js_sys::Function::new_no_args(
        "Object.defineProperty(window, 'localStorage', window.__realLocalStorage);",
    );
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert!(storage::is_available(), "the real storage is back");
    assert_eq!(
        raw().get_item("thc-assess.a.web-memory").unwrap(),
        None,
        "memory never leaked into storage"
    );
}
