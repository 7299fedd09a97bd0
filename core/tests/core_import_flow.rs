//! Keeping an imported file (`workflow::import`), on a `MemoryStore`: as a new assessment, over
//! the stored one, with a province's catalogue carried in the file, and refused when edited.
//! Each case counts the answers stored before and after.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::{DateTime, FixedOffset};
use thc_core::catalogue::{Catalogue, Lang, Registry};
use thc_core::exchange::{read_file, ImportChoice};
use thc_core::store::io::assessments::{list_assessments, load_assessment};
use thc_core::store::kv::{KeyValue, MemoryStore};
use thc_core::workflow::home::unused_id;
use thc_core::workflow::import::keep_import;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn leak(c: Catalogue) -> &'static Catalogue {
    Box::leak(Box::new(c))
}

fn answers(kv: &mut MemoryStore, id: &str) -> usize {
    load_assessment(kv, id)
        .unwrap()
        .stored()
        .map(|s| s.assessment.items.len())
        .unwrap_or(0)
}

#[test]
fn a_file_kept_as_new_stores_every_answer_under_a_fresh_id() {
    let mut kv = MemoryStore::new();
    let mut registry = Registry::with_bundled();
    let imported = read_file::<&str>(&fixture("valid.json"), &[]).unwrap();
    let in_file = imported.assessment.items.len();
    assert!(in_file > 0);
    let mut n = 0;
    let id = unused_id(&kv, &mut || {
        n += 1;
        format!("new-{n}")
    });
    let now = at("2026-12-01T09:00:00+08:00");
    let kept = keep_import(
        &mut kv,
        &mut registry,
        &mut leak,
        &imported,
        &ImportChoice::New { id: id.clone() },
        "tab",
        now,
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(kept, id);
    assert_eq!(answers(&mut kv, &id), in_file);
    let stored = load_assessment(&mut kv, &id).unwrap();
    assert_eq!(
        stored.stored().unwrap().last_exported_at,
        Some(now),
        "the file the director holds is this state"
    );
    // The next fresh id skips the one now taken.
    let mut again = vec!["new-1".to_string(), "new-2".to_string()].into_iter();
    assert_eq!(unused_id(&kv, &mut || again.next().unwrap()), "new-2");
}

#[test]
fn replacing_needs_a_stored_assessment_and_keeps_the_files_answers() {
    let mut kv = MemoryStore::new();
    let mut registry = Registry::with_bundled();
    let now = at("2026-12-01T09:00:00+08:00");
    let fresh = read_file::<&str>(&fixture("valid.json"), &[]).unwrap();
    let id = fresh.assessment.id.clone();
    // Nothing to replace yet: refused, nothing written.
    let err = keep_import(
        &mut kv,
        &mut registry,
        &mut leak,
        &fresh,
        &ImportChoice::Replace,
        "tab",
        now,
        Lang::En,
    )
    .unwrap_err();
    assert!(!err.is_empty());
    assert!(kv.entries().is_empty());
    // Stored once as new under the file's own id, then replaced from the same file.
    keep_import(
        &mut kv,
        &mut registry,
        &mut leak,
        &fresh,
        &ImportChoice::New { id: id.clone() },
        "tab",
        now,
        Lang::Zh,
    )
    .unwrap();
    let known = read_file(&fixture("valid.json"), &[id.as_str()]).unwrap();
    let kept = keep_import(
        &mut kv,
        &mut registry,
        &mut leak,
        &known,
        &ImportChoice::Replace,
        "tab",
        now,
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(kept, id);
    assert_eq!(answers(&mut kv, &id), known.assessment.items.len());
    assert_eq!(list_assessments(&kv).unwrap().len(), 1);
}

#[test]
fn an_edited_file_is_never_kept() {
    let mut kv = MemoryStore::new();
    let mut registry = Registry::with_bundled();
    let imported = read_file::<&str>(&fixture("tampered.json"), &[]).unwrap();
    let err = keep_import(
        &mut kv,
        &mut registry,
        &mut leak,
        &imported,
        &ImportChoice::New { id: "x1".into() },
        "tab",
        at("2026-12-01T09:00:00+08:00"),
        Lang::Zh,
    )
    .unwrap_err();
    assert!(
        err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{err}"
    );
    assert!(kv.entries().is_empty(), "nothing is written");
}

#[test]
fn a_provinces_catalogue_carried_in_the_file_is_kept_so_the_assessment_opens() {
    let mut kv = MemoryStore::new();
    let mut registry = Registry::with_bundled();
    let imported = read_file::<&str>(&fixture("embedded-catalogue.json"), &[]).unwrap();
    let catalogue_id = imported.catalogue.get().id.clone();
    assert!(registry.get(&catalogue_id).is_none());
    let id = keep_import(
        &mut kv,
        &mut registry,
        &mut leak,
        &imported,
        &ImportChoice::New { id: "p1".into() },
        "tab",
        at("2026-12-01T09:00:00+08:00"),
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(registry.get(&catalogue_id), Some(imported.catalogue.get()));
    assert!(kv
        .get(&format!("thc-assess.catalogue.{catalogue_id}"))
        .unwrap()
        .is_some());
    // A returning visitor's registry has it again, from the store alone.
    let texts: Vec<String> = kv
        .entries()
        .iter()
        .filter(|(k, _)| k.starts_with("thc-assess.catalogue."))
        .map(|(_, v)| v.clone())
        .collect();
    let restored = Registry::restore(texts.iter().map(String::as_str), &mut leak);
    assert!(restored.get(&catalogue_id).is_some());
    assert_eq!(answers(&mut kv, &id), imported.assessment.items.len());
}
