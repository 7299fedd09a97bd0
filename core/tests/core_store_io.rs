//! The store's plans applied to a key-value store (`store::io`), on a `MemoryStore` that can be
//! made full. Every fault is checked by what is kept: the answers before and after, and the
//! whole store compared byte for byte where nothing may change.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::{DateTime, FixedOffset};
use std::collections::{BTreeMap, BTreeSet};
use thc_core::assessment::{Answer, Assessment, ItemRecord, Profile, Status};
use thc_core::catalogue::{CentreType, Lang};
use thc_core::store::io::assessments::{
    create_assessment, delete_assessment, list_assessments, load_assessment, save_assessment,
    undo_delete, SaveResult,
};
use thc_core::store::io::catalogues::{loaded_catalogue_texts, save_loaded_catalogue};
use thc_core::store::io::workspace::{
    delete_review_entry, list_review_entries, save_review_entry, EntrySaveResult,
};
use thc_core::store::kv::{KeyValue, MemoryStore, StoreError};
use thc_core::store::workspace::{EntryLoad, StoredEntry, ENTRY_LAYOUT};
use thc_core::store::{LoadOutcome, LoadProblem};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// An assessment with `answered` criteria answered (met), each with a note.
fn assessment(id: &str, answered: usize) -> Assessment {
    let items = (0..answered)
        .map(|i| {
            (
                format!("item-{i:03}"),
                ItemRecord {
                    answer: Some(Answer::Status(Status::Met)),
                    not_applicable: false,
                    evidence: format!("证明材料 {i}"),
                    action: None,
                },
            )
        })
        .collect();
    Assessment {
        format_version: 1,
        id: id.to_string(),
        catalogue_id: "thc-standard".to_string(),
        catalogue_version: 1,
        profile: Profile {
            centre_name: "河口乡卫生院".to_string(),
            county: "安远县".to_string(),
            centre_type: Some(CentreType::General),
            year: Some(2026),
            filled_by: "张医生".to_string(),
            flags: BTreeSet::new(),
        },
        inputs: BTreeMap::new(),
        rejected_inputs: BTreeMap::new(),
        items,
        created_at: t("2026-11-01T08:00:00+08:00"),
        updated_at: t("2026-11-02T09:15:00+08:00"),
        review: None,
    }
}

fn answers_stored(kv: &mut MemoryStore, id: &str) -> usize {
    match load_assessment(kv, id).unwrap() {
        LoadOutcome::Loaded(s) | LoadOutcome::RecoveredFromBackup { stored: s, .. } => {
            s.assessment.items.len()
        }
        other => panic!("expected an assessment, got {other:?}"),
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn a_full_store_refuses_the_save_and_keeps_every_answer_of_the_last_good_save() {
    let now = t("2026-11-23T10:00:00+08:00");
    let mut probe = MemoryStore::new();
    create_assessment(&mut probe, &assessment("a1", 10), "tab", now).unwrap();
    // Room for three copies of the small assessment, far from one of 300 answers.
    let mut kv = MemoryStore::with_capacity(probe.used() * 3);
    create_assessment(&mut kv, &assessment("a1", 10), "tab", now).unwrap();
    let before = kv.entries().clone();
    // 300 answers do not fit: the write is refused with the quota error, nothing changes.
    let result = save_assessment(&mut kv, &assessment("a1", 300), 1, "tab", now, None);
    assert_eq!(result.unwrap_err(), StoreError::QuotaExceeded);
    // The entry is the last good save; the only write that happened is its backup copy.
    let main = &before["thc-assess.a.a1"];
    assert_eq!(&kv.entries()["thc-assess.a.a1"], main);
    assert_eq!(&kv.entries()["thc-assess.b.a1"], main);
    assert_eq!(kv.entries().len(), before.len() + 1);
    assert_eq!(answers_stored(&mut kv, "a1"), 10);
}

#[test]
fn a_save_that_fits_the_backup_but_not_the_entry_leaves_a_good_entry_and_backup() {
    let now = t("2026-11-23T10:00:00+08:00");
    let mut probe = MemoryStore::new();
    create_assessment(&mut probe, &assessment("a1", 20), "tab", now).unwrap();
    let one_copy = probe.used();
    // Room for the first entry, its backup copy, and not much more.
    let mut kv = MemoryStore::with_capacity(one_copy * 2 + 200);
    create_assessment(&mut kv, &assessment("a1", 20), "tab", now).unwrap();
    let result = save_assessment(&mut kv, &assessment("a1", 40), 1, "tab", now, None);
    assert_eq!(result.unwrap_err(), StoreError::QuotaExceeded);
    // The backup was written first; the main entry is still the last good save.
    assert_eq!(answers_stored(&mut kv, "a1"), 20);
    assert!(kv.entries().contains_key("thc-assess.b.a1"));
}

#[test]
fn a_save_blocked_by_a_newer_version_says_so_in_the_readers_language() {
    let mut kv = MemoryStore::new();
    kv.set(
        "thc-assess.a.a1",
        include_str!("../../tests/fixtures/storage/layout-99.json"),
    )
    .unwrap();
    let before = kv.entries().clone();
    let now = t("2026-11-23T10:00:00+08:00");
    match save_assessment(&mut kv, &assessment("a1", 3), 1, "tab", now, None).unwrap() {
        SaveResult::Blocked { problem } => {
            assert_eq!(problem, LoadProblem::FromNewerVersion { layout: 99 });
            let en = problem.message(Lang::En);
            assert!(!has_cjk(&en), "English message has Chinese in it: {en}");
            assert!(has_cjk(&problem.message(Lang::Zh)));
        }
        other => panic!("expected Blocked, got {other:?}"),
    }
    assert_eq!(
        kv.entries(),
        &before,
        "a newer version's entry is never touched"
    );
}

#[test]
fn a_damaged_entry_is_recovered_from_the_backup_and_its_text_is_kept_aside() {
    let mut kv = MemoryStore::new();
    let now = t("2026-11-23T10:00:00+08:00");
    create_assessment(&mut kv, &assessment("a1", 5), "tab", now).unwrap();
    save_assessment(&mut kv, &assessment("a1", 6), 1, "tab", now, None).unwrap();
    kv.set("thc-assess.a.a1", "{\"layout\":1,\"revi").unwrap();
    assert_eq!(
        answers_stored(&mut kv, "a1"),
        5,
        "the backup is the save before"
    );
    let quarantined: Vec<_> = kv
        .entries()
        .iter()
        .filter(|(k, _)| k.starts_with("thc-assess.quarantine.a1."))
        .map(|(_, v)| v.clone())
        .collect();
    assert_eq!(quarantined, vec!["{\"layout\":1,\"revi".to_string()]);
    // The recovered entry is written back, so the next load needs no recovery.
    assert!(matches!(
        load_assessment(&mut kv, "a1").unwrap(),
        LoadOutcome::Loaded(_)
    ));
}

#[test]
fn delete_then_undo_restores_the_store_byte_for_byte() {
    let mut kv = MemoryStore::new();
    let now = t("2026-11-23T10:00:00+08:00");
    create_assessment(&mut kv, &assessment("a1", 4), "tab", now).unwrap();
    save_assessment(&mut kv, &assessment("a1", 7), 1, "tab", now, None).unwrap();
    let before = kv.entries().clone();
    let deleted = delete_assessment(&mut kv, "a1").unwrap();
    assert!(list_assessments(&kv).unwrap().is_empty());
    undo_delete(&mut kv, &deleted).unwrap();
    assert_eq!(kv.entries(), &before);
}

#[test]
fn create_never_overwrites_an_existing_assessment() {
    let mut kv = MemoryStore::new();
    let now = t("2026-11-23T10:00:00+08:00");
    create_assessment(&mut kv, &assessment("a1", 9), "tab", now).unwrap();
    let before = kv.entries().clone();
    assert!(create_assessment(&mut kv, &assessment("a1", 0), "tab", now).is_err());
    assert_eq!(kv.entries(), &before);
}

fn entry(id: &str, note_chars: usize) -> StoredEntry {
    StoredEntry {
        layout: ENTRY_LAYOUT,
        id: id.to_string(),
        revision: 0,
        saved_at: t("2026-12-01T09:00:00+08:00"),
        added_at: t("2026-12-01T09:00:00+08:00"),
        file_name: format!("{id}.json"),
        text: format!("{{\"note\":\"{}\"}}", "备".repeat(note_chars)),
        review: None,
    }
}

#[test]
fn workspace_entries_that_do_not_fit_are_refused_and_the_kept_ones_stay_intact() {
    let mut kv = MemoryStore::with_capacity(3_000);
    let now = t("2026-12-01T09:00:00+08:00");
    let mut kept = 0;
    let mut refused = 0;
    for i in 0..10 {
        let before = kv.entries().clone();
        match save_review_entry(&mut kv, &entry(&format!("f{i}"), 300), now) {
            Ok(EntrySaveResult::Saved { .. }) => kept += 1,
            Err(StoreError::QuotaExceeded) => {
                refused += 1;
                assert_eq!(kv.entries(), &before, "a refused save changes nothing");
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(kept > 0 && refused > 0, "kept {kept}, refused {refused}");
    let listed = list_review_entries(&mut kv).unwrap();
    assert_eq!(listed.len(), kept);
    assert!(listed
        .iter()
        .all(|(_, load)| matches!(load, EntryLoad::Loaded(_))));
}

#[test]
fn a_workspace_entry_saved_twice_keeps_the_previous_revision_as_backup_and_deletes_cleanly() {
    let mut kv = MemoryStore::new();
    let now = t("2026-12-01T09:00:00+08:00");
    let first = entry("f1", 3);
    let EntrySaveResult::Saved { revision } = save_review_entry(&mut kv, &first, now).unwrap()
    else {
        panic!("first save")
    };
    let mut second = first.clone();
    second.revision = revision;
    second.file_name = "renamed.json".to_string();
    save_review_entry(&mut kv, &second, now).unwrap();
    assert!(kv.entries().contains_key("thc-assess.rb.f1"));
    // A tab still at revision 0 meets the newer save and writes nothing.
    let before = kv.entries().clone();
    assert_eq!(
        save_review_entry(&mut kv, &first, now).unwrap(),
        EntrySaveResult::Conflict
    );
    assert_eq!(kv.entries(), &before);
    delete_review_entry(&mut kv, "f1").unwrap();
    assert!(kv.entries().is_empty());
}

#[test]
fn loaded_catalogues_are_kept_by_id_and_a_bad_id_writes_nothing() {
    let mut kv = MemoryStore::new();
    save_loaded_catalogue(&mut kv, "hb-2026", "{\"id\":\"hb-2026\"}").unwrap();
    assert!(save_loaded_catalogue(&mut kv, "../x", "{}").is_err());
    assert_eq!(
        loaded_catalogue_texts(&kv).unwrap(),
        vec![("hb-2026".to_string(), "{\"id\":\"hb-2026\"}".to_string())]
    );
}

#[test]
fn store_errors_read_in_the_readers_language() {
    let corrupt = StoreError::Corrupt {
        key: "thc-assess.language".to_string(),
        detail: "x".to_string(),
    };
    for e in [
        StoreError::Unavailable,
        StoreError::QuotaExceeded,
        corrupt,
        StoreError::Failed("x".to_string()),
    ] {
        assert!(!has_cjk(&e.message(Lang::En)), "{e:?}");
        assert!(has_cjk(&e.message(Lang::Zh)), "{e:?}");
    }
}
