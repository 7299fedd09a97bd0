//! The reviewer's workspace workflow (`workflow::workspace`), run natively on a `MemoryStore`:
//! open files, edit, save, remove, reload, follow another tab, and a store that fills up. Each
//! fault is checked by what is kept: files, reviews and their items, before and after.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use thc_core::assessment::review::ItemVerdict;
use thc_core::assessment::{Assessment, Profile, Status};
use thc_core::catalogue::{bundled, Catalogue, CentreType, Lang};
use thc_core::county::FileRefusal;
use thc_core::exchange;
use thc_core::store::kv::{KeyValue, MemoryStore};
use thc_core::workflow::workspace::{NoticeLevel, Picked, SaveNote, Workspace};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn thc() -> &'static Catalogue {
    bundled().iter().find(|c| c.id == "thc-standard").unwrap()
}

fn centre_file(id: &str, name: &str) -> Picked {
    let now = at("2026-11-20T10:00:00+08:00");
    let profile = Profile {
        centre_name: name.to_string(),
        county: "安远县".to_string(),
        centre_type: Some(CentreType::General),
        year: Some(2026),
        filled_by: "王院长".to_string(),
        ..Profile::default()
    };
    let mut a = Assessment::new(id, thc(), profile, now);
    a.set_input("staff_total", Some(48), now);
    a.set_input("health_tech_staff", Some(40), now);
    a.set_status("thc.staff.legal-qualification", Status::Met, now);
    let json = exchange::export_json(&a, thc(), None, at("2026-11-23T10:15:00+08:00"));
    (format!("{name}.json"), Ok(json.into_bytes()))
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("w{n:03}")
    }
}

fn names(ws: &Workspace) -> Vec<String> {
    ws.files()
        .iter()
        .map(|f| f.centre_name().unwrap_or_default().to_string())
        .collect()
}

/// Verdicts entered per file id, as the reviewer would count them.
fn verdicts(ws: &Workspace) -> Vec<(String, usize)> {
    ws.files()
        .iter()
        .map(|f| {
            let n = ws
                .review(&f.id)
                .map(|r| {
                    let t = r.tally();
                    (t.agree + t.disagree + t.needs_evidence) as usize
                })
                .unwrap_or(0);
            (f.id.clone(), n)
        })
        .collect()
}

const TECH: &str = "thc.staff.health-tech-share";
const LEGAL: &str = "thc.staff.legal-qualification";

#[test]
fn opened_files_are_kept_and_come_back_after_a_reload_in_the_order_opened() {
    let mut kv = MemoryStore::new();
    let mut ws = Workspace::new();
    let t0 = at("2026-12-01T09:00:00+08:00");
    let report = ws.add_batch(
        &mut kv,
        vec![
            centre_file("a1", "东岭乡卫生院"),
            centre_file("a2", "青山镇卫生院"),
        ],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    assert_eq!(report.loaded, 2);
    assert!(report.refused.is_empty() && report.not_kept.is_empty());
    let (again, notices) = Workspace::restore(&mut kv, Lang::Zh);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(names(&again), vec!["东岭乡卫生院", "青山镇卫生院"]);
}

#[test]
fn a_bad_file_in_a_batch_is_named_and_the_others_still_open() {
    let mut kv = MemoryStore::new();
    let mut ws = Workspace::new();
    let t0 = at("2026-12-01T09:00:00+08:00");
    let batch = vec![
        centre_file("a1", "东岭乡卫生院"),
        ("坏文件.json".to_string(), Ok(b"{not json".to_vec())),
        ("读不出.json".to_string(), Err(FileRefusal::Unreadable)),
        centre_file("a1", "东岭乡卫生院"),
        centre_file("a2", "青山镇卫生院"),
    ];
    let report = ws.add_batch(&mut kv, batch, t0, &mut ids(), Lang::Zh);
    assert_eq!(report.loaded, 2);
    assert_eq!(report.refused.len(), 3, "{:?}", report.refused);
    assert!(report.refused[0].contains("坏文件.json"));
    assert!(report.refused[1].contains("读不出.json"));
    assert_eq!(
        ws.len(),
        2,
        "the duplicate export is refused, not opened twice"
    );
    assert_eq!(Workspace::restore(&mut kv, Lang::Zh).0.len(), 2);
}

#[test]
fn edits_are_saved_and_survive_a_reload_item_by_item() {
    let mut kv = MemoryStore::new();
    let mut ws = Workspace::new();
    let t0 = at("2026-12-01T09:00:00+08:00");
    ws.add_batch(
        &mut kv,
        vec![centre_file("a1", "东岭乡卫生院")],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    let id = ws.files()[0].id.clone();
    assert!(ws.edit(&id, today(), |r| r
        .set_verdict(TECH, Some(ItemVerdict::Disagree))));
    assert!(ws.edit(&id, today(), |r| r
        .set_comment(TECH, "花名册中 3 人为工勤人员")));
    assert!(ws.edit(&id, today(), |r| r
        .set_verdict(LEGAL, Some(ItemVerdict::Agree))));
    assert!(ws.has_unsaved());
    let notes = ws.save_changed(&mut kv, t0, Lang::Zh);
    assert_eq!(notes, vec![(id.clone(), SaveNote::Saved(t0))]);
    assert!(!ws.has_unsaved());
    let (again, _) = Workspace::restore(&mut kv, Lang::Zh);
    assert_eq!(verdicts(&again), vec![(id.clone(), 2)]);
    let item = again
        .review(&id)
        .and_then(|r| r.item(TECH))
        .cloned()
        .unwrap();
    assert_eq!(item.verdict, Some(ItemVerdict::Disagree));
    assert_eq!(item.comment, "花名册中 3 人为工勤人员");
    assert!(!ws.edit("no-such-file", today(), |_| {}));
}

#[test]
fn when_the_store_is_full_files_stay_open_marked_not_kept_and_nothing_kept_is_harmed() {
    let t0 = at("2026-12-01T09:00:00+08:00");
    // Measure one file's entry, then allow room for two of them.
    let mut probe = MemoryStore::new();
    Workspace::new().add_batch(
        &mut probe,
        vec![centre_file("a1", "甲")],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    let mut kv = MemoryStore::with_capacity(probe.used() * 2 + 100);
    let mut ws = Workspace::new();
    let batch = vec![
        centre_file("a1", "甲"),
        centre_file("a2", "乙"),
        centre_file("a3", "丙"),
        centre_file("a4", "丁"),
    ];
    let report = ws.add_batch(&mut kv, batch, t0, &mut ids(), Lang::Zh);
    assert_eq!(report.loaded, 4, "every file is open for this session");
    assert_eq!(report.not_kept, vec!["丙.json", "丁.json"]);
    assert!(report
        .storage_message
        .as_deref()
        .is_some_and(|m| !m.is_empty()));
    assert_eq!(ws.not_kept().len(), 2);
    // A file that is kept can still be reviewed and saved ... until its save needs room too.
    let kept_id = ws.files()[0].id.clone();
    ws.edit(&kept_id, today(), |r| {
        r.set_verdict(LEGAL, Some(ItemVerdict::Agree))
    });
    let before = kv.entries().clone();
    let notes = ws.save_changed(&mut kv, t0, Lang::Zh);
    match &notes[0].1 {
        SaveNote::Saved(_) => {}
        SaveNote::Failed(message) => {
            assert!(!message.is_empty());
            // A refused save leaves the stored entry as it was; the edit is still on screen.
            assert_eq!(
                kv.entries().get("thc-assess.r.w001"),
                before.get("thc-assess.r.w001")
            );
            assert_eq!(verdicts(&ws)[0], (kept_id.clone(), 1));
        }
        SaveNote::Pending => panic!("a save is never pending"),
    }
    let (again, _) = Workspace::restore(&mut kv, Lang::Zh);
    assert_eq!(names(&again), vec!["甲", "乙"]);
}

#[test]
fn removing_a_file_takes_it_out_of_the_workspace_and_the_store() {
    let mut kv = MemoryStore::new();
    let mut ws = Workspace::new();
    let t0 = at("2026-12-01T09:00:00+08:00");
    ws.add_batch(
        &mut kv,
        vec![
            centre_file("a1", "东岭乡卫生院"),
            centre_file("a2", "青山镇卫生院"),
        ],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    let id = ws.files()[0].id.clone();
    assert_eq!(ws.remove(&mut kv, &id, Lang::Zh).unwrap(), "东岭乡卫生院");
    assert_eq!(names(&ws), vec!["青山镇卫生院"]);
    assert_eq!(
        names(&Workspace::restore(&mut kv, Lang::Zh).0),
        vec!["青山镇卫生院"]
    );
}

#[test]
fn another_tabs_saves_are_followed_but_this_tabs_unsaved_edits_are_not_overwritten() {
    let mut kv = MemoryStore::new();
    let t0 = at("2026-12-01T09:00:00+08:00");
    let mut here = Workspace::new();
    here.add_batch(
        &mut kv,
        vec![centre_file("a1", "甲"), centre_file("a2", "乙")],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    let (mut there, _) = Workspace::restore(&mut kv, Lang::Zh);
    let ids_here: Vec<String> = here.files().iter().map(|f| f.id.clone()).collect();
    // There: reviews file 1 and saves; opens a third file; removes file 2.
    there.edit(&ids_here[0], today(), |r| {
        r.set_verdict(LEGAL, Some(ItemVerdict::Agree))
    });
    there.save_changed(&mut kv, t0, Lang::Zh);
    let mut more = || "w900".to_string();
    there.add_batch(
        &mut kv,
        vec![centre_file("a3", "丙")],
        t0,
        &mut more,
        Lang::Zh,
    );
    // Here: an unsaved edit of file 2, which the other tab is about to remove.
    here.edit(&ids_here[1], today(), |r| {
        r.set_verdict(TECH, Some(ItemVerdict::Disagree))
    });
    there.remove(&mut kv, &ids_here[1], Lang::Zh).unwrap();
    let removed = here.follow_other_tab(&mut kv, Lang::Zh);
    assert!(removed.is_empty(), "an unsaved edit keeps its file open");
    assert_eq!(names(&here), vec!["甲", "乙", "丙"]);
    assert_eq!(
        verdicts(&here),
        vec![
            (ids_here[0].clone(), 1),
            (ids_here[1].clone(), 1),
            ("w900".to_string(), 0)
        ]
    );
    // Saving the edit here stores the file again: nothing the reviewer entered is lost.
    here.save_changed(&mut kv, t0, Lang::Zh);
    let (again, _) = Workspace::restore(&mut kv, Lang::Zh);
    assert_eq!(again.len(), 3);
}

#[test]
fn a_damaged_entry_is_reported_on_reload_not_dropped_silently() {
    let mut kv = MemoryStore::new();
    let t0 = at("2026-12-01T09:00:00+08:00");
    let mut ws = Workspace::new();
    ws.add_batch(
        &mut kv,
        vec![centre_file("a1", "甲")],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    kv.set("thc-assess.r.w001", "{\"layout\":1,").unwrap();
    let (again, notices) = Workspace::restore(&mut kv, Lang::En);
    assert_eq!(again.len(), 0);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].level, NoticeLevel::Error);
    assert!(
        kv.entries().values().any(|v| v == "{\"layout\":1,"),
        "the damaged text is kept aside"
    );
}

#[test]
fn the_catalogue_shown_is_the_picked_one_if_used_else_the_most_used() {
    let mut kv = MemoryStore::new();
    let mut ws = Workspace::new();
    assert_eq!(ws.current_catalogue(None), None);
    let t0 = at("2026-12-01T09:00:00+08:00");
    ws.add_batch(
        &mut kv,
        vec![centre_file("a1", "甲")],
        t0,
        &mut ids(),
        Lang::Zh,
    );
    assert_eq!(ws.current_catalogue(None).as_deref(), Some("thc-standard"));
    assert_eq!(
        ws.current_catalogue(Some("other")).as_deref(),
        Some("thc-standard")
    );
}
