//! The director's home list (`workflow::home`) on a `MemoryStore`: create, list with progress,
//! rename, next year's, delete and undo, and each refused when it would lose work — counting the
//! answers kept.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::{DateTime, FixedOffset};
use thc_core::assessment::Status;
use thc_core::catalogue::{CriterionKind, Lang, Registry};
use thc_core::store::io::assessments::{load_assessment, save_assessment};
use thc_core::store::kv::{MemoryStore, StoreError};
use thc_core::workflow::home::{create, delete, list, rename, start_next_year, undo};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn answers(kv: &mut MemoryStore, id: &str) -> usize {
    load_assessment(kv, id)
        .unwrap()
        .stored()
        .map(|s| s.assessment.items.len())
        .unwrap_or(0)
}

/// A stored assessment of thc-standard with `n` criteria answered.
fn answered(kv: &mut MemoryStore, registry: &Registry, id: &str, n: usize) {
    let catalogue = registry.get("thc-standard").unwrap();
    let t0 = at("2026-11-01T09:00:00+08:00");
    create(
        kv,
        catalogue,
        " 青山镇卫生院 ",
        id.to_string(),
        "tab",
        t0,
        Lang::Zh,
    )
    .unwrap();
    let mut a = load_assessment(kv, id).unwrap().stored().unwrap().clone();
    let checklist = catalogue
        .criteria()
        .filter(|c| matches!(c.criterion.kind, CriterionKind::Checklist));
    for c in checklist.take(n) {
        a.assessment.set_status(&c.criterion.id, Status::Met, t0);
    }
    save_assessment(kv, &a.assessment, a.revision, "tab", t0, None).unwrap();
}

#[test]
fn a_new_assessment_is_listed_with_its_name_year_and_progress() {
    let mut kv = MemoryStore::new();
    let registry = Registry::with_bundled();
    answered(&mut kv, &registry, "a1", 0);
    let rows = list(&kv, &registry, Lang::Zh).unwrap();
    assert_eq!(rows.len(), 1);
    let a = &rows[0].stored.as_ref().unwrap().assessment;
    assert_eq!(
        a.profile.centre_name, "青山镇卫生院",
        "the name is kept trimmed"
    );
    assert_eq!(a.profile.year, Some(2026));
    assert_eq!(rows[0].progress.answered, 0);
    assert!(rows[0].progress.applicable > 0);
    assert_eq!(
        rows[0].catalogue.map(|c| c.id.as_str()),
        Some("thc-standard")
    );
}

#[test]
fn renaming_keeps_every_answer_and_refuses_over_another_tabs_newer_save() {
    let mut kv = MemoryStore::new();
    let registry = Registry::with_bundled();
    answered(&mut kv, &registry, "a1", 5);
    let listed = list(&kv, &registry, Lang::Zh).unwrap()[0]
        .stored
        .clone()
        .unwrap();
    let now = at("2026-11-02T09:00:00+08:00");
    rename(&mut kv, &listed, "青山镇中心卫生院", "tab", now, Lang::Zh).unwrap();
    assert_eq!(answers(&mut kv, "a1"), 5);
    // The list the other tab shows is now one revision behind: its rename is refused.
    let before = kv.entries().clone();
    let err = rename(&mut kv, &listed, "别的名字", "tab-b", now, Lang::En).unwrap_err();
    assert!(!err.is_empty());
    assert_eq!(kv.entries(), &before, "nothing written");
    let rows = list(&kv, &registry, Lang::Zh).unwrap();
    assert_eq!(
        rows[0]
            .stored
            .as_ref()
            .unwrap()
            .assessment
            .profile
            .centre_name,
        "青山镇中心卫生院"
    );
}

#[test]
fn next_years_assessment_is_a_new_entry_and_this_years_is_untouched() {
    let mut kv = MemoryStore::new();
    let registry = Registry::with_bundled();
    answered(&mut kv, &registry, "a1", 4);
    let this_year = list(&kv, &registry, Lang::Zh).unwrap()[0]
        .stored
        .clone()
        .unwrap();
    let before = kv.entries()["thc-assess.a.a1"].clone();
    let id = start_next_year(
        &mut kv,
        &this_year,
        "a2".to_string(),
        "tab",
        at("2027-01-05T09:00:00+08:00"),
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(id, "a2");
    assert_eq!(kv.entries()["thc-assess.a.a1"], before);
    assert_eq!(list(&kv, &registry, Lang::Zh).unwrap().len(), 2);
    // Taking an id already in use is refused, never overwriting.
    let err = start_next_year(
        &mut kv,
        &this_year,
        "a1".to_string(),
        "tab",
        at("2027-01-05T09:00:00+08:00"),
        Lang::Zh,
    );
    assert!(err.is_err());
    assert_eq!(answers(&mut kv, "a1"), 4);
}

#[test]
fn delete_and_undo_give_back_the_store_byte_for_byte() {
    let mut kv = MemoryStore::new();
    let registry = Registry::with_bundled();
    answered(&mut kv, &registry, "a1", 6);
    let before = kv.entries().clone();
    let deleted = delete(&mut kv, "a1", Lang::Zh).unwrap();
    assert!(list(&kv, &registry, Lang::Zh).unwrap().is_empty());
    undo(&mut kv, &deleted, Lang::Zh).unwrap();
    assert_eq!(kv.entries(), &before);
    assert_eq!(answers(&mut kv, "a1"), 6);
}

#[test]
fn a_full_store_refuses_a_new_assessment_and_keeps_the_others() {
    let registry = Registry::with_bundled();
    let mut probe = MemoryStore::new();
    answered(&mut probe, &registry, "a1", 3);
    let mut kv = MemoryStore::with_capacity(probe.used() * 2);
    answered(&mut kv, &registry, "a1", 3);
    let before = kv.entries().clone();
    let err = create(
        &mut kv,
        registry.get("thc-standard").unwrap(),
        "新卫生院",
        "big".repeat(3),
        "tab",
        at("2026-11-03T09:00:00+08:00"),
        Lang::Zh,
    );
    // Either it fits or it is refused with the quota message; it never harms a1.
    if let Err(message) = err {
        assert_eq!(message, StoreError::QuotaExceeded.message(Lang::Zh));
    }
    assert_eq!(kv.entries()["thc-assess.a.a1"], before["thc-assess.a.a1"]);
    assert_eq!(answers(&mut kv, "a1"), 3);
}
