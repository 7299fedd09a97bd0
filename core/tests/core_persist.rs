// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! Persistence logic (issue 5): keys, envelope, layout migrations, recovery, save planning,
//! listing and export reminders. Storage is simulated with a `BTreeMap<String, String>`.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use thc_core::assessment::{Action, ActionStatus, Answer, Assessment, ItemRecord, Profile, Status};
use thc_core::catalogue::{CentreType, Grade, Lang};
use thc_core::store::*;

const LAYOUT_0: &str = include_str!("../../tests/fixtures/storage/layout-0.json");
const LAYOUT_1: &str = include_str!("../../tests/fixtures/storage/layout-1.json");
const LAYOUT_99: &str = include_str!("../../tests/fixtures/storage/layout-99.json");
const FIXTURE_ID: &str = "a-20261118-7f3k";

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn sample(id: &str) -> Assessment {
    let mut items = BTreeMap::new();
    items.insert(
        "1.1.1".to_string(),
        ItemRecord {
            answer: Some(Answer::Status(Status::Met)),
            not_applicable: false,
            evidence: "制度汇编第 3 页".to_string(),
            action: None,
        },
    );
    items.insert(
        "2.1.4".to_string(),
        ItemRecord {
            answer: Some(Answer::Grade(Grade::C)),
            not_applicable: false,
            evidence: String::new(),
            action: Some(Action {
                measure: "完善双向转诊记录".to_string(),
                owner: "医务科".to_string(),
                deadline: chrono::NaiveDate::from_ymd_opt(2027, 3, 31),
                status: ActionStatus::Planned,
            }),
        },
    );
    let mut inputs = BTreeMap::new();
    inputs.insert("beds".to_string(), 18);
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
        inputs,
        rejected_inputs: BTreeMap::new(),
        items,
        created_at: t("2026-11-01T08:00:00+08:00"),
        updated_at: t("2026-11-02T09:15:00+08:00"),
        review: None,
    }
}

/// A successful plan, or a test failure naming what came back instead.
fn write_plan(plan: SavePlan) -> (Option<String>, String, u64) {
    match plan {
        SavePlan::Write {
            backup,
            main,
            revision,
        } => (backup, main, revision),
        other => panic!("expected Write, got {other:?}"),
    }
}

/// Simulated localStorage: applies a plan the way storage.rs must (backup first, then main).
fn apply(store: &mut BTreeMap<String, String>, id: &str, plan: SavePlan) -> u64 {
    let (backup, main, revision) = write_plan(plan);
    if let Some(b) = backup {
        store.insert(backup_key(id).unwrap(), b);
    }
    store.insert(main_key(id).unwrap(), main);
    revision
}

fn load_from(store: &BTreeMap<String, String>, id: &str) -> LoadOutcome {
    load(
        id,
        store.get(&main_key(id).unwrap()).map(String::as_str),
        store.get(&backup_key(id).unwrap()).map(String::as_str),
    )
}

/// `text` cut to at most `bytes` bytes, at a char boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    let end = (0..=bytes.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..end]
}

fn corrupt_detail(r: Result<StoredAssessment, LoadProblem>) -> String {
    match r {
        Err(LoadProblem::Corrupt { detail }) => detail,
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

#[test]
fn keys_have_the_documented_layout() {
    assert_eq!(main_key("a-1_B").unwrap(), "thc-assess.a.a-1_B");
    assert_eq!(backup_key("a-1_B").unwrap(), "thc-assess.b.a-1_B");
    assert_eq!(
        quarantine_key("a-1_B", 3).unwrap(),
        "thc-assess.quarantine.a-1_B.3"
    );
    assert!(main_key(&"x".repeat(64)).is_ok());
}

#[test]
fn strange_ids_cannot_forge_keys() {
    for bad in [
        "",
        "a.b",
        "a b",
        "../x",
        "x/y",
        "中文",
        "é",
        "a\n",
        "q.1",
        &"x".repeat(65),
    ] {
        assert_eq!(
            main_key(bad),
            Err(InvalidId {
                id: bad.to_string()
            }),
            "{bad:?}"
        );
        assert!(backup_key(bad).is_err(), "{bad:?}");
        assert!(quarantine_key(bad, 1).is_err(), "{bad:?}");
        assert!(!is_valid_id(bad), "{bad:?}");
    }
    assert!(InvalidId { id: "a.b".into() }
        .message(Lang::Zh)
        .contains("自评编号“a.b”无效"));
}

#[test]
fn main_keys_are_recognised_and_nothing_else() {
    assert_eq!(
        assessment_id_from_main_key("thc-assess.a.abc-1"),
        Some("abc-1")
    );
    for other in [
        "thc-assess.b.abc",
        "thc-assess.a.",
        "thc-assess.a.abc.1",
        "thc-assess.quarantine.abc.1",
        "thc-assess.language",
        "other-app.a.abc",
        "thc-assess.aabc",
    ] {
        assert_eq!(assessment_id_from_main_key(other), None, "{other}");
    }
    let keys = [
        "thc-assess.a.zeta",
        "thc-assess.b.zeta",
        "thc-assess.a.alpha",
        "thc-assess.quarantine.alpha.1",
        "thc-assess.a.alpha",
        "thc-assess.language",
    ];
    assert_eq!(assessment_ids(keys), vec!["alpha", "zeta"]);
}

#[test]
fn quarantine_keys_never_reuse_a_number() {
    assert_eq!(
        parse_quarantine_key("thc-assess.quarantine.ab.12"),
        Some(("ab", 12))
    );
    assert_eq!(parse_quarantine_key("thc-assess.quarantine.ab.+1"), None);
    assert_eq!(parse_quarantine_key("thc-assess.quarantine.ab."), None);
    assert_eq!(parse_quarantine_key("thc-assess.a.ab"), None);
    assert_eq!(
        next_quarantine_key("ab", []).unwrap(),
        "thc-assess.quarantine.ab.1"
    );
    let existing = [
        "thc-assess.quarantine.ab.1",
        "thc-assess.quarantine.ab.4",
        "thc-assess.quarantine.abc.9",
        "thc-assess.quarantine.ab.+7",
        "thc-assess.a.ab",
    ];
    assert_eq!(
        next_quarantine_key("ab", existing).unwrap(),
        "thc-assess.quarantine.ab.5"
    );
    assert!(next_quarantine_key("a.b", existing).is_err());
}

// ---------------------------------------------------------------------------------------------
// Decoding and layouts
// ---------------------------------------------------------------------------------------------

#[test]
fn layout_0_fixture_is_migrated_into_an_envelope() {
    let s = decode(LAYOUT_0).unwrap();
    assert_eq!(s.layout, LAYOUT_VERSION);
    assert_eq!(s.revision, 1);
    assert_eq!(s.writer, "migrated");
    assert_eq!(s.last_exported_at, None);
    assert_eq!(s.saved_at, t("2026-11-20T14:03:27+08:00"));
    assert_eq!(s.saved_at.offset().local_minus_utc(), 8 * 3600);
    let a = &s.assessment;
    assert_eq!(a.id, FIXTURE_ID);
    assert_eq!(a.profile.centre_name, "青山镇卫生院");
    assert_eq!(a.profile.centre_type, Some(CentreType::Central));
    assert_eq!(a.inputs.get("chronic_followup_rate"), Some(&9750));
    assert_eq!(a.items.len(), 5);
    assert_eq!(a.items["1.2.3"].answer, Some(Answer::Grade(Grade::B)));
    assert_eq!(
        a.items["1.2.3"].action.as_ref().unwrap().status,
        ActionStatus::InProgress
    );
    assert!(a.items["3.1.2"].not_applicable);
    assert_eq!(
        a.items["2.4.1"].answer,
        Some(Answer::SubItems(BTreeMap::from([
            ("a".to_string(), true),
            ("b".to_string(), false)
        ])))
    );
}

#[test]
fn layout_1_fixture_loads_to_the_same_assessment_as_layout_0() {
    let one = decode(LAYOUT_1).unwrap();
    assert_eq!(one.layout, 1);
    assert_eq!(one.revision, 7);
    assert_eq!(one.writer, "tab-5c1e9a40");
    assert_eq!(one.saved_at, t("2026-11-20T14:03:31+08:00"));
    assert_eq!(one.last_exported_at, Some(t("2026-11-19T17:45:02+08:00")));
    assert_eq!(one.assessment, decode(LAYOUT_0).unwrap().assessment);
    assert_eq!(decode_for(FIXTURE_ID, LAYOUT_1), Ok(one));
}

#[test]
fn layout_1_fixture_is_byte_for_byte_what_this_build_writes() {
    // Guards the stored shape: renaming or reordering a field shows up here, and then needs a
    // new layout and a migration.
    let stored = decode(LAYOUT_1).unwrap();
    assert_eq!(encode_stored(&stored).unwrap(), LAYOUT_1);
}

#[test]
fn newer_layout_is_reported_not_treated_as_corrupt() {
    let problem = decode(LAYOUT_99).unwrap_err();
    assert_eq!(problem, LoadProblem::FromNewerVersion { layout: 99 });
    assert!(problem.is_from_newer_version());
    assert_eq!(
        problem.message(Lang::Zh),
        "这份数据由更新版本的工具保存（数据格式 99），请使用新版工具打开；本机数据未被改动。"
    );
    assert!(problem.message(Lang::En).contains("storage layout 99"));
    assert_eq!(
        decode(r#"{"layout":2}"#),
        Err(LoadProblem::FromNewerVersion { layout: 2 })
    );
}

#[test]
fn newer_assessment_format_is_reported_even_when_its_shape_is_unknown() {
    let newer = LAYOUT_1.replace(r#""format_version":1"#, r#""format_version":2"#);
    assert_eq!(
        decode(&newer),
        Err(LoadProblem::NewerAssessmentFormat { format_version: 2 })
    );
    let reshaped = r#"{"layout":1,"assessment":{"format_version":5,"items":[1,2]}}"#;
    assert_eq!(
        decode(reshaped),
        Err(LoadProblem::NewerAssessmentFormat { format_version: 5 })
    );
    let bare = LAYOUT_0.replace(r#""format_version": 1"#, r#""format_version": 3"#);
    assert_eq!(
        decode(&bare),
        Err(LoadProblem::NewerAssessmentFormat { format_version: 3 })
    );
    let older = LAYOUT_1.replace(r#""format_version":1"#, r#""format_version":0"#);
    assert_eq!(
        corrupt_detail(decode(&older)),
        "unsupported assessment format 0"
    );
    assert!(LoadProblem::NewerAssessmentFormat { format_version: 2 }
        .message(Lang::Zh)
        .contains("评估格式 2"));
}

#[test]
fn empty_and_non_object_text_is_corrupt() {
    assert_eq!(corrupt_detail(decode("")), "empty");
    assert_eq!(corrupt_detail(decode(" \n\t")), "empty");
    for text in [
        "null",
        "[]",
        "[1,2]",
        "42",
        "\"x\"",
        "true",
        "garbage",
        "\u{feff}{}",
    ] {
        assert!(
            matches!(decode(text), Err(LoadProblem::Corrupt { .. })),
            "{text:?}"
        );
    }
}

#[test]
fn wrong_shapes_are_corrupt() {
    for text in [
        "{}",
        r#"{"layout":"1"}"#,
        r#"{"layout":-1}"#,
        r#"{"layout":1.5}"#,
        r#"{"layout":4294967296}"#,
        r#"{"layout":1}"#,
        r#"{"layout":1,"layout":1}"#,
        r#"{"layout":0,"id":"x"}"#,
        r#"{"layout":1,"assessment":"text"}"#,
    ] {
        assert!(
            matches!(decode(text), Err(LoadProblem::Corrupt { .. })),
            "{text}: {:?}",
            decode(text)
        );
    }
    // A layout-1 envelope with its revision missing.
    let no_revision = LAYOUT_1.replace(r#""revision":7,"#, "");
    assert!(corrupt_detail(decode(&no_revision)).contains("revision"));
    // A layout-0 entry whose date is not a date.
    let bad_date = LAYOUT_0.replace("2026-11-20T14:03:27+08:00", "yesterday");
    assert!(corrupt_detail(decode(&bad_date)).starts_with("layout 0:"));
}

#[test]
fn every_truncation_of_a_stored_entry_is_corrupt() {
    let end = LAYOUT_1.rfind('}').unwrap();
    let mut cuts = 0;
    for (i, _) in LAYOUT_1.char_indices().filter(|(i, _)| *i <= end) {
        let r = decode(&LAYOUT_1[..i]);
        assert!(
            matches!(r, Err(LoadProblem::Corrupt { .. })),
            "cut at byte {i}: {r:?}"
        );
        cuts += 1;
    }
    assert!(cuts > 1000, "{cuts}");
    // Bytes cut inside a multi-byte character, as a lossy reader would hand them over.
    let qing = LAYOUT_1.find('青').unwrap();
    for cut in [qing + 1, qing + 2] {
        let text = String::from_utf8_lossy(&LAYOUT_1.as_bytes()[..cut]).into_owned();
        assert!(text.ends_with('\u{fffd}'));
        assert!(matches!(decode(&text), Err(LoadProblem::Corrupt { .. })));
    }
    // Same for the pretty-printed layout-0 entry.
    let end0 = LAYOUT_0.rfind('}').unwrap();
    for (i, _) in LAYOUT_0
        .char_indices()
        .filter(|(i, _)| *i <= end0)
        .step_by(7)
    {
        assert!(
            matches!(decode(&LAYOUT_0[..i]), Err(LoadProblem::Corrupt { .. })),
            "layout 0 cut at {i}"
        );
    }
}

#[test]
fn an_entry_holding_another_assessment_is_corrupt() {
    let detail = corrupt_detail(decode_for("other-id", LAYOUT_1));
    assert!(
        detail.contains("other-id") && detail.contains(FIXTURE_ID),
        "{detail}"
    );
    assert!(matches!(
        load("other-id", Some(LAYOUT_1), None),
        LoadOutcome::Unreadable {
            problem: LoadProblem::Corrupt { .. }
        }
    ));
    assert_eq!(
        decode_for("bad.id", LAYOUT_1),
        Err(LoadProblem::InvalidId {
            id: "bad.id".into()
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

#[test]
fn load_picks_the_right_copy() {
    let good = decode(LAYOUT_1).unwrap();
    let older = decode(LAYOUT_0).unwrap();
    assert_eq!(load(FIXTURE_ID, None, None), LoadOutcome::Missing);
    assert_eq!(
        load(FIXTURE_ID, Some(LAYOUT_1), Some(LAYOUT_0)),
        LoadOutcome::Loaded(good.clone())
    );
    // A good main wins even over a bad backup.
    assert_eq!(
        load(FIXTURE_ID, Some(LAYOUT_1), Some("{\"lay")),
        LoadOutcome::Loaded(good.clone())
    );
    assert_eq!(
        load(FIXTURE_ID, None, Some(LAYOUT_0)),
        LoadOutcome::RecoveredFromBackup {
            stored: older,
            problem: LoadProblem::MainMissing
        }
    );
    assert!(matches!(
        load(FIXTURE_ID, None, Some("x")),
        LoadOutcome::Unreadable {
            problem: LoadProblem::Corrupt { .. }
        }
    ));
    assert!(matches!(
        load("bad id", Some(LAYOUT_1), None),
        LoadOutcome::Unreadable {
            problem: LoadProblem::InvalidId { .. }
        }
    ));
}

#[test]
fn corrupt_main_with_good_backup_is_recovered() {
    let main = prefix(LAYOUT_1, 600);
    let outcome = load(FIXTURE_ID, Some(main), Some(LAYOUT_1));
    let LoadOutcome::RecoveredFromBackup { stored, problem } = &outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(stored.revision, 7);
    assert!(matches!(problem, LoadProblem::Corrupt { .. }));
    assert_eq!(outcome.stored(), Some(stored));
    let zh = outcome.notice(Lang::Zh).unwrap();
    assert!(zh.starts_with("这份自评的本机数据已损坏（"), "{zh}");
    assert!(
        zh.contains("），已从备份恢复到 2026-11-20 14:03 保存的版本。"),
        "{zh}"
    );
    let en = outcome.notice(Lang::En).unwrap();
    assert!(
        en.contains("restored from the backup saved at 2026-11-20 14:03"),
        "{en}"
    );
}

#[test]
fn both_copies_corrupt_is_unreadable_with_the_mains_problem() {
    let outcome = load(FIXTURE_ID, Some(""), Some("{]"));
    assert_eq!(
        outcome,
        LoadOutcome::Unreadable {
            problem: LoadProblem::Corrupt {
                detail: "empty".into()
            }
        }
    );
    assert_eq!(outcome.stored(), None);
    assert_eq!(
        outcome.notice(Lang::Zh).unwrap(),
        "这份自评的本机数据已损坏（empty）。备份也无法使用。原始内容已另存，不会删除；其余自评不受影响。"
    );
    assert!(matches!(
        load(FIXTURE_ID, Some("nope"), None),
        LoadOutcome::Unreadable { .. }
    ));
}

#[test]
fn newer_version_anywhere_opens_nothing() {
    let newer = LoadOutcome::NewerVersion {
        problem: LoadProblem::FromNewerVersion { layout: 99 },
    };
    assert_eq!(load(FIXTURE_ID, Some(LAYOUT_99), Some(LAYOUT_1)), newer);
    assert_eq!(load(FIXTURE_ID, Some(LAYOUT_99), None), newer);
    // Main broken, backup from a newer app: still the newer app's data.
    assert_eq!(load(FIXTURE_ID, Some("{"), Some(LAYOUT_99)), newer);
    assert_eq!(load(FIXTURE_ID, None, Some(LAYOUT_99)), newer);
    assert_eq!(newer.stored(), None);
    assert!(newer.notice(Lang::Zh).unwrap().contains("本机数据未被改动"));
}

// ---------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------

#[test]
fn first_save_round_trips() {
    let a = sample("c1");
    let now = t("2026-11-02T09:15:05+08:00");
    let (backup, main, revision) = write_plan(plan_save("c1", None, 0, "tab-a", now, &a, None));
    assert_eq!(backup, None);
    assert_eq!(revision, 1);
    assert!(main.starts_with(r#"{"layout":1,"revision":1,"saved_at":"2026-11-02T09:15:05+08:00","writer":"tab-a","last_exported_at":null,"assessment":{"#), "{main}");
    assert_eq!(
        decode_for("c1", &main),
        Ok(StoredAssessment {
            layout: 1,
            revision: 1,
            saved_at: now,
            writer: "tab-a".into(),
            last_exported_at: None,
            assessment: a,
        })
    );
}

#[test]
fn each_save_increments_the_revision_and_backs_up_the_previous_text() {
    let id = "c2";
    let mut store = BTreeMap::new();
    let mut a = sample(id);
    let r1 = apply(
        &mut store,
        id,
        plan_save(
            id,
            None,
            0,
            "tab-a",
            t("2026-11-03T10:00:00+08:00"),
            &a,
            None,
        ),
    );
    assert_eq!(r1, 1);
    let first_text = store[&main_key(id).unwrap()].clone();

    a.set_status("1.1.1", Status::Partly, t("2026-11-03T10:05:00+08:00"));
    let exported = Some(t("2026-11-03T10:04:00+08:00"));
    let plan = plan_save(
        id,
        store.get(&main_key(id).unwrap()).map(String::as_str),
        r1,
        "tab-a",
        t("2026-11-03T10:05:01+08:00"),
        &a,
        exported,
    );
    let (backup, _, r2) = write_plan(plan.clone());
    assert_eq!(r2, 2);
    assert_eq!(backup.as_deref(), Some(first_text.as_str()));
    apply(&mut store, id, plan);

    let LoadOutcome::Loaded(loaded) = load_from(&store, id) else {
        panic!("not loaded");
    };
    assert_eq!(loaded.revision, 2);
    assert_eq!(loaded.last_exported_at, exported);
    assert_eq!(loaded.assessment, a);
    assert_eq!(
        decode(&store[&backup_key(id).unwrap()]).unwrap().revision,
        1
    );
}

#[test]
fn another_writers_newer_revision_is_a_conflict() {
    let id = FIXTURE_ID;
    let mine = decode(LAYOUT_0).unwrap().assessment;
    // LAYOUT_1 is revision 7 by tab-5c1e9a40; we loaded revision 6.
    let plan = plan_save(
        id,
        Some(LAYOUT_1),
        6,
        "tab-mine",
        t("2026-11-21T08:00:00+08:00"),
        &mine,
        None,
    );
    let SavePlan::Conflict { theirs } = plan else {
        panic!("{plan:?}");
    };
    assert_eq!(theirs.revision, 7);
    assert_eq!(theirs.writer, "tab-5c1e9a40");
    // "Keep mine": plan again on top of theirs.
    let (backup, main, revision) = write_plan(plan_save(
        id,
        Some(LAYOUT_1),
        theirs.revision,
        "tab-mine",
        t("2026-11-21T08:00:10+08:00"),
        &mine,
        None,
    ));
    assert_eq!(revision, 8);
    assert_eq!(backup.as_deref(), Some(LAYOUT_1));
    assert_eq!(decode(&main).unwrap().writer, "tab-mine");
}

#[test]
fn our_own_newer_revision_is_not_a_conflict() {
    let mine = decode(LAYOUT_1).unwrap().assessment;
    let (backup, _, revision) = write_plan(plan_save(
        FIXTURE_ID,
        Some(LAYOUT_1),
        5,
        "tab-5c1e9a40",
        t("2026-11-21T08:00:00+08:00"),
        &mine,
        None,
    ));
    assert_eq!(revision, 8);
    assert_eq!(backup.as_deref(), Some(LAYOUT_1));
    // An equal revision from another writer is the one we loaded: no conflict either.
    let (_, _, revision) = write_plan(plan_save(
        FIXTURE_ID,
        Some(LAYOUT_1),
        7,
        "tab-other",
        t("2026-11-21T08:00:00+08:00"),
        &mine,
        None,
    ));
    assert_eq!(revision, 8);
}

#[test]
fn a_corrupt_stored_main_is_not_used_as_backup() {
    let mine = decode(LAYOUT_1).unwrap().assessment;
    let (backup, main, revision) = write_plan(plan_save(
        FIXTURE_ID,
        Some(prefix(LAYOUT_1, 300)),
        7,
        "tab-x",
        t("2026-11-21T08:00:00+08:00"),
        &mine,
        None,
    ));
    assert_eq!(backup, None);
    assert_eq!(revision, 8);
    assert_eq!(decode(&main).unwrap().revision, 8);
}

#[test]
fn a_newer_apps_entry_is_never_overwritten() {
    let mine = decode(LAYOUT_1).unwrap().assessment;
    let now = t("2026-11-21T08:00:00+08:00");
    assert_eq!(
        plan_save(FIXTURE_ID, Some(LAYOUT_99), 7, "tab-x", now, &mine, None),
        SavePlan::Blocked {
            problem: LoadProblem::FromNewerVersion { layout: 99 }
        }
    );
    let newer_format = LAYOUT_1.replace(r#""format_version":1"#, r#""format_version":2"#);
    assert_eq!(
        plan_save(
            FIXTURE_ID,
            Some(&newer_format),
            7,
            "tab-x",
            now,
            &mine,
            None
        ),
        SavePlan::Blocked {
            problem: LoadProblem::NewerAssessmentFormat { format_version: 2 }
        }
    );
}

#[test]
fn invalid_save_requests_are_blocked() {
    let now = t("2026-11-21T08:00:00+08:00");
    assert_eq!(
        plan_save("a.b", None, 0, "w", now, &sample("a.b"), None),
        SavePlan::Blocked {
            problem: LoadProblem::InvalidId { id: "a.b".into() }
        }
    );
    assert!(matches!(
        plan_save("c3", None, 0, "w", now, &sample("c4"), None),
        SavePlan::Blocked {
            problem: LoadProblem::Corrupt { .. }
        }
    ));
}

#[test]
fn saving_after_recovery_keeps_the_backup_and_moves_the_revision_on() {
    // Main corrupt (quarantined and removed by the caller), backup revision 7 opened.
    let id = FIXTURE_ID;
    let mut store = BTreeMap::from([(backup_key(id).unwrap(), LAYOUT_1.to_string())]);
    let LoadOutcome::RecoveredFromBackup { stored, .. } = load_from(&store, id) else {
        panic!("not recovered");
    };
    let r = apply(
        &mut store,
        id,
        plan_save(
            id,
            None,
            stored.revision,
            "tab-x",
            t("2026-11-21T08:00:00+08:00"),
            &stored.assessment,
            None,
        ),
    );
    assert_eq!(r, 8);
    assert_eq!(store[&backup_key(id).unwrap()], LAYOUT_1);
    assert!(matches!(load_from(&store, id), LoadOutcome::Loaded(s) if s.revision == 8));
}

// ---------------------------------------------------------------------------------------------
// Listing and export reminders
// ---------------------------------------------------------------------------------------------

#[test]
fn summary_lists_the_profile_and_storage_facts() {
    let s = decode(LAYOUT_1).unwrap();
    assert_eq!(
        summarise(&s),
        AssessmentListing {
            id: FIXTURE_ID.into(),
            centre_name: "青山镇卫生院".into(),
            county: "平阳县".into(),
            year: Some(2026),
            catalogue_id: "thc-standard".into(),
            catalogue_version: 1,
            revision: 7,
            saved_at: t("2026-11-20T14:03:31+08:00"),
            last_exported_at: Some(t("2026-11-19T17:45:02+08:00")),
        }
    );
}

fn stored_sample(
    created: &str,
    saved: &str,
    exported: Option<&str>,
    with_work: bool,
) -> StoredAssessment {
    let mut a = sample("r1");
    a.created_at = t(created);
    if !with_work {
        a.items.clear();
        a.inputs.clear();
    }
    StoredAssessment {
        layout: 1,
        revision: 3,
        saved_at: t(saved),
        writer: "w".into(),
        last_exported_at: exported.map(t),
        assessment: a,
    }
}

#[test]
fn never_exported_work_gets_a_reminder_after_a_day() {
    let s = stored_sample(
        "2026-11-01T08:00:00+08:00",
        "2026-11-02T08:00:00+08:00",
        None,
        true,
    );
    assert_eq!(export_reminder(&s, t("2026-11-02T07:59:00+08:00")), None);
    assert_eq!(export_reminder(&s, t("2026-11-02T08:00:00+08:00")), None);
    let r = export_reminder(&s, t("2026-11-04T09:00:00+08:00")).unwrap();
    assert_eq!(
        r,
        ExportReminder::NeverExported {
            days_since_created: 3
        }
    );
    assert_eq!(
        r.message(Lang::Zh),
        "这份自评创建已 3 天，还从未导出。浏览器数据可能被清除，建议现在导出一份文件保存。"
    );
    assert!(r.message(Lang::En).contains("3 day(s) ago"));
    // Nothing entered yet: nothing to lose.
    let empty = stored_sample(
        "2026-11-01T08:00:00+08:00",
        "2026-11-02T08:00:00+08:00",
        None,
        false,
    );
    assert_eq!(
        export_reminder(&empty, t("2026-12-01T08:00:00+08:00")),
        None
    );
    // Inputs alone count as work.
    let mut inputs_only = empty.clone();
    inputs_only.assessment.inputs.insert("beds".into(), 3);
    assert!(export_reminder(&inputs_only, t("2026-12-01T08:00:00+08:00")).is_some());
}

#[test]
fn an_export_older_than_the_last_save_by_a_week_gets_a_reminder() {
    let exported = "2026-11-01T08:00:00+08:00";
    let fresh = stored_sample(
        "2026-10-01T08:00:00+08:00",
        "2026-11-08T08:00:00+08:00",
        Some(exported),
        true,
    );
    assert_eq!(
        export_reminder(&fresh, t("2026-12-20T08:00:00+08:00")),
        None
    );
    let stale = stored_sample(
        "2026-10-01T08:00:00+08:00",
        "2026-11-08T08:00:01+08:00",
        Some(exported),
        true,
    );
    let r = export_reminder(&stale, t("2026-11-13T09:00:00+08:00")).unwrap();
    assert_eq!(
        r,
        ExportReminder::Outdated {
            exported_at: t(exported),
            days_since_export: 12
        }
    );
    assert_eq!(
        r.message(Lang::Zh),
        "上次导出是 12 天前（2026-11-01），之后又有修改。建议重新导出一份文件保存。"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn arb_time() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2000..2100, offsets in quarter hours (all real offsets are).
    (946_684_800i64..4_102_444_800, -48i32..=56).prop_map(|(secs, quarters)| {
        let offset = FixedOffset::east_opt(quarters * 900).unwrap();
        DateTime::from_timestamp(secs, 0)
            .unwrap()
            .with_timezone(&offset)
    })
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof!["[\\PC]{0,40}", "[一-龥，。、（）]{0,60}", any::<String>(),]
}

fn arb_record() -> impl Strategy<Value = ItemRecord> {
    let answer = prop_oneof![
        Just(None),
        Just(Some(Answer::Status(Status::Met))),
        Just(Some(Answer::Status(Status::NotApplicable))),
        Just(Some(Answer::Grade(Grade::A))),
        prop::collection::btree_map("[a-e]", any::<bool>(), 0..4)
            .prop_map(|m| Some(Answer::SubItems(m))),
    ];
    let action = prop::option::of(
        (arb_text(), arb_text()).prop_map(|(measure, owner)| Action {
            measure,
            owner,
            deadline: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
            status: ActionStatus::Done,
        }),
    );
    (answer, any::<bool>(), arb_text(), action).prop_map(
        |(answer, not_applicable, evidence, action)| ItemRecord {
            answer,
            not_applicable,
            evidence,
            action,
        },
    )
}

fn arb_assessment(id: &'static str) -> impl Strategy<Value = Assessment> {
    (
        arb_text(),
        arb_text(),
        prop::option::of(1990i32..2100),
        prop::collection::btree_map("[a-z_]{1,12}", any::<u64>(), 0..5),
        prop::collection::btree_map("[0-9.]{1,8}", arb_record(), 0..6),
        arb_time(),
        arb_time(),
        prop::collection::btree_map("r_[a-z]{1,8}", arb_text(), 0..3),
    )
        .prop_map(
            move |(
                centre_name,
                county,
                year,
                inputs,
                items,
                created_at,
                updated_at,
                rejected_inputs,
            )| Assessment {
                format_version: 1,
                id: id.to_string(),
                catalogue_id: "thc-standard".into(),
                catalogue_version: 1,
                profile: Profile {
                    centre_name,
                    county,
                    year,
                    ..Profile::default()
                },
                inputs,
                rejected_inputs,
                items,
                created_at,
                updated_at,
                review: None,
            },
        )
}

/// Arbitrary text, plus near-misses of real entries (fixtures with a splice), which reach much
/// deeper into the decoder than random strings.
fn arb_stored_text() -> impl Strategy<Value = String> {
    let fixture = prop_oneof![Just(LAYOUT_0), Just(LAYOUT_1), Just(LAYOUT_99)];
    prop_oneof![
        any::<String>(),
        "\\{\"layout\":[0-9]{1,3}[,}]?.{0,20}",
        (fixture, any::<prop::sample::Index>(), ".{0,8}").prop_map(|(f, at, insert)| {
            let boundaries: Vec<usize> = f.char_indices().map(|(i, _)| i).collect();
            let i = boundaries[at.index(boundaries.len())];
            format!("{}{}{}", &f[..i], insert, &f[i..])
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn load_and_plan_never_panic(
        main in prop::option::of(arb_stored_text()),
        backup in prop::option::of(arb_stored_text()),
        base in any::<u64>(),
    ) {
        let outcome = load(FIXTURE_ID, main.as_deref(), backup.as_deref());
        let _ = outcome.notice(Lang::Zh);
        if let Some(s) = outcome.stored() {
            prop_assert_eq!(s.assessment.id.as_str(), FIXTURE_ID);
            prop_assert_eq!(s.layout, LAYOUT_VERSION);
        }
        let a = decode(LAYOUT_1).unwrap().assessment;
        let plan = plan_save(FIXTURE_ID, main.as_deref(), base, "tab-p", t("2026-12-01T00:00:00+08:00"), &a, None);
        if let SavePlan::Write { backup: Some(b), .. } = &plan {
            // Only a readable entry may become the backup.
            prop_assert!(decode_for(FIXTURE_ID, b).is_ok());
        }
    }

    #[test]
    fn an_applied_write_loads_back_exactly(
        previous in prop::option::of(arb_assessment("prop-1")),
        previous_writer in prop_oneof![Just("tab-p"), Just("tab-q")],
        a in arb_assessment("prop-1"),
        now in arb_time(),
        exported in prop::option::of(arb_time()),
    ) {
        let id = "prop-1";
        let mut store = BTreeMap::new();
        store.insert("thc-assess.language".to_string(), "zh-CN".to_string());
        let mut base = 0;
        let mut previous_text = None;
        if let Some(p) = &previous {
            base = apply(&mut store, id, plan_save(id, None, 0, previous_writer, now, p, None));
            previous_text = store.get(&main_key(id).unwrap()).cloned();
        }
        let plan = plan_save(
            id,
            store.get(&main_key(id).unwrap()).map(String::as_str),
            base,
            "tab-p",
            now,
            &a,
            exported,
        );
        let revision = apply(&mut store, id, plan);
        prop_assert_eq!(revision, base + 1);
        prop_assert_eq!(store.get(&backup_key(id).unwrap()), previous_text.as_ref());
        prop_assert_eq!(
            load_from(&store, id),
            LoadOutcome::Loaded(StoredAssessment {
                layout: LAYOUT_VERSION,
                revision,
                saved_at: now,
                writer: "tab-p".into(),
                last_exported_at: exported,
                assessment: a,
            })
        );
        prop_assert_eq!(assessment_ids(store.keys().map(String::as_str)), vec![id]);
    }
}
