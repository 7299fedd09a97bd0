// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! The assessment file (export, import, integrity), the bad-input corpus in
//! `tests/fixtures/import/`, and the Excel/CSV exports, checked natively and by independent Python
//! readers (openpyxl, jsonschema) through `tests/exchange_check.py`.
//!
//! `THC_WRITE_FIXTURES=1 cargo test --test core_exchange` rewrites `valid.json` and
//! `embedded-catalogue.json` from this build; `python3 tests/fixtures/import/make_corpus.py`
//! then derives the rest of the corpus from them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use thc_core::assessment::{
    Action, ActionStatus, Answer, Assessment, AssessmentIssue, ItemRecord, Profile, Status,
};
use thc_core::catalogue::{
    bundled, Catalogue, CentreType, CriterionKind, Grade, InputKind, Lang, Text,
};
use thc_core::evaluation::evaluate;
use thc_core::exchange::{
    action_rows, canonical_json, content_digest, export_csv, export_json, export_xlsx, file_name,
    gap_rows, read_file, summary_rows, BadNumber, FileKind, ImportChoice, ImportError,
    ImportRefusal, Imported, Integrity, NumberProblem, APP_VERSION, MAX_FILE_BYTES,
};

const NO_IDS: &[&str] = &[];

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn exported_at() -> DateTime<FixedOffset> {
    t("2026-11-23T10:15:00+08:00")
}

fn catalogue(id: &str) -> &'static Catalogue {
    bundled().iter().find(|c| c.id == id).unwrap()
}

/// The repository (the web app's root), where the shared fixtures and the published schema live.
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn corpus_path(name: &str) -> PathBuf {
    root().join("tests/fixtures/import").join(name)
}

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(corpus_path(name)).unwrap_or_else(|e| panic!("corpus file {name}: {e}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The assessment behind `valid.json`: 青山镇卫生院, thc-standard, a few answers of each kind.
fn fixture_assessment() -> Assessment {
    let cat = catalogue("thc-standard");
    let profile = Profile {
        centre_name: "青山镇卫生院".into(),
        county: "青山县".into(),
        centre_type: Some(CentreType::General),
        year: Some(2026),
        filled_by: "王建国".into(),
        flags: ["obstetric_service".to_string()].into_iter().collect(),
    };
    let mut a = Assessment::new(
        "fixture-qingshan-2026",
        cat,
        profile,
        t("2026-11-01T09:00:00+08:00"),
    );
    let now = t("2026-11-20T16:30:00+08:00");
    for (id, v) in [
        ("resident_population", 32_000),
        ("temporary_population", 3_000),
        ("beds", 20),
        ("floor_area", 900),
        ("staff_total", 40),
        ("health_tech_staff", 33),
        ("immunization_staff", 3),
        ("vaccine_coverage", 9_250),
    ] {
        a.set_input(id, Some(v), now);
    }
    a.set_status("thc.dept.emergency", Status::Met, now);
    a.set_status("thc.dept.internal-medicine", Status::Met, now);
    a.set_status("thc.staff.legal-qualification", Status::Partly, now);
    a.set_evidence(
        "thc.staff.legal-qualification",
        "2 名护士执业证书正在变更注册。",
        now,
    );
    a.set_action(
        "thc.staff.legal-qualification",
        Some(Action {
            measure: "督促完成执业注册变更".into(),
            owner: "李护士长".into(),
            deadline: date(2027, 3, 31),
            status: ActionStatus::InProgress,
        }),
        now,
    );
    a.set_status("thc.ph.disease-reporting", Status::NotMet, now);
    a.set_action(
        "thc.ph.disease-reporting",
        Some(Action {
            measure: "建立疫情报告登记本，指定专人每日核对".into(),
            owner: "防保科 张医生".into(),
            deadline: date(2027, 1, 15),
            status: ActionStatus::Planned,
        }),
        now,
    );
    a.set_not_applicable("thc.med.normal-delivery", true, now);
    a.set_evidence("thc.med.normal-delivery", "本院产科已于 2025 年撤并。", now);
    a.set_status("thc.ethics.disclosure", Status::Met, now);
    a.set_evidence(
        "thc.ethics.disclosure",
        "收费公示栏照片，见 10 月台账。",
        now,
    );
    a
}

/// A province's own catalogue: the graded sample under another id, with a maximum on one input.
fn demo_catalogue() -> Catalogue {
    let mut c = catalogue("national-graded-sample").clone();
    c.id = "demo-province".into();
    c.title = Text::new("示范省乡镇卫生院评价（演示）", "Demo province evaluation");
    if let Some(i) = c.inputs.iter_mut().find(|i| i.id == "medical_staff") {
        i.max = Some(500);
    }
    c.validate().unwrap();
    c
}

fn embedded_fixture_assessment(cat: &Catalogue) -> Assessment {
    let profile = Profile {
        centre_name: "白河乡卫生院".into(),
        county: "示范县".into(),
        centre_type: Some(CentreType::Central),
        year: Some(2027),
        ..Profile::default()
    };
    let mut a = Assessment::new(
        "fixture-baihe-2027",
        cat,
        profile,
        t("2027-02-01T08:00:00+08:00"),
    );
    let now = t("2027-02-02T08:00:00+08:00");
    a.set_input("medical_staff", Some(8), now);
    a.set_input("resident_population", Some(9_000), now);
    a.set_grade("g.1.1", Grade::B, now);
    a.set_sub_item("g.2.2", "C-1", true, now);
    a.set_sub_item("g.2.2", "C-2", false, now);
    a
}

/// Every criterion of `cat` answered (cycling through the answers it takes), every input set.
fn filled(cat: &Catalogue, id: &str) -> Assessment {
    let mut a = Assessment::new(
        id,
        cat,
        Profile {
            centre_name: format!("{}测试卫生院", cat.id),
            county: "测试县".into(),
            centre_type: Some(CentreType::Central),
            year: Some(2026),
            filled_by: "测试".into(),
            flags: cat.flags.iter().map(|f| f.id.clone()).collect(),
        },
        t("2026-01-05T08:00:00+08:00"),
    );
    let now = t("2026-06-30T17:45:12.345+08:00");
    for (i, def) in cat.inputs.iter().enumerate() {
        let v = match def.kind {
            InputKind::Percent => 8_000 + (i as u64 * 173) % 2_000,
            InputKind::Area => 1_500,
            InputKind::Count if def.id.contains("population") => 25_000,
            InputKind::Count => 5 + (i as u64 * 7) % 40,
        };
        a.set_input(&def.id, Some(v), now);
    }
    for c in cat.criteria() {
        let id = &c.criterion.id;
        match &c.criterion.kind {
            CriterionKind::Checklist | CriterionKind::Department { .. } => {
                let s = [Status::Met, Status::Partly, Status::NotMet, Status::Met][c.order % 4];
                a.set_status(id, s, now);
            }
            CriterionKind::Graded { graded } if graded.sub_items.is_empty() => {
                a.set_grade(
                    id,
                    [Grade::A, Grade::B, Grade::C, Grade::D][c.order % 4],
                    now,
                );
            }
            CriterionKind::Graded { graded } => {
                for (k, s) in graded.sub_items.iter().enumerate() {
                    a.set_sub_item(id, &s.id, k % 3 != 2, now);
                }
            }
            _ => {}
        }
        if c.order % 5 == 0 {
            a.set_evidence(
                id,
                &format!("证据 {}：台账、照片，\"引号\"与 <b>标记</b>。", c.order),
                now,
            );
        }
        if c.order % 3 == 0 {
            a.set_action(
                id,
                Some(Action {
                    measure: format!("整改措施 {}", c.order),
                    owner: "院办".into(),
                    deadline: date(2026, 12, 1 + (c.order % 28) as u32),
                    status: [
                        ActionStatus::Planned,
                        ActionStatus::InProgress,
                        ActionStatus::Done,
                    ][c.order % 3],
                }),
                now,
            );
        }
    }
    a
}

fn write_fixtures_if_asked() {
    if std::env::var_os("THC_WRITE_FIXTURES").is_none() {
        return;
    }
    let valid = export_json(
        &fixture_assessment(),
        catalogue("thc-standard"),
        None,
        exported_at(),
    );
    std::fs::write(corpus_path("valid.json"), valid).unwrap();
    let demo = demo_catalogue();
    let embedded = export_json(
        &embedded_fixture_assessment(&demo),
        &demo,
        None,
        t("2027-02-03T09:00:00+08:00"),
    );
    std::fs::write(corpus_path("embedded-catalogue.json"), embedded).unwrap();
}

fn read(bytes: &[u8]) -> Result<Imported, ImportError> {
    read_file(bytes, NO_IDS)
}

/// A fresh directory under the system temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thc-exchange-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `python3 tests/exchange_check.py <args>`; fails the test (never skips) when python3 or
/// its readers are missing: tools/setup.sh installs them.
fn python_check(args: &[&str]) -> String {
    let output = Command::new("python3")
        .arg(root().join("tests/exchange_check.py"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("python3 is required for this test (run tools/setup.sh): {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(
        output.status.success(),
        "exchange_check.py {args:?} failed\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    stdout
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

#[test]
fn the_valid_fixtures_are_byte_for_byte_what_this_build_writes() {
    write_fixtures_if_asked();
    let valid = export_json(
        &fixture_assessment(),
        catalogue("thc-standard"),
        None,
        exported_at(),
    );
    assert_same_file(&corpus("valid.json"), &valid);
    let demo = demo_catalogue();
    let embedded = export_json(
        &embedded_fixture_assessment(&demo),
        &demo,
        None,
        t("2027-02-03T09:00:00+08:00"),
    );
    assert_same_file(&corpus("embedded-catalogue.json"), &embedded);
}

/// Byte for byte while the app version is the fixtures' 0.1.0; after a version bump, the same
/// file apart from `app_version` (and so the digest).
fn assert_same_file(fixture: &[u8], written: &str) {
    const STALE: &str = "fixture is stale: THC_WRITE_FIXTURES=1 cargo test --test core_exchange, then python3 tests/fixtures/import/make_corpus.py";
    if APP_VERSION == "0.1.0" {
        assert_eq!(String::from_utf8_lossy(fixture), written, "{STALE}");
    } else {
        let strip = |mut v: Value| {
            v["digest"] = Value::Null;
            v["content"]["app_version"] = Value::Null;
            v
        };
        assert_eq!(
            strip(serde_json::from_slice(fixture).unwrap()),
            strip(serde_json::from_str(written).unwrap()),
            "{STALE}"
        );
    }
}

#[test]
fn an_export_has_the_documented_envelope_and_digest() {
    let text = export_json(
        &fixture_assessment(),
        catalogue("thc-standard"),
        None,
        exported_at(),
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "thc-assessment");
    assert_eq!(v["format_version"], 1);
    let content = &v["content"];
    assert_eq!(v["digest"].as_str().unwrap(), content_digest(content));
    assert!(v["digest"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(v["digest"].as_str().unwrap().len(), 7 + 64);
    assert_eq!(content["exported_at"], "2026-11-23T10:15:00+08:00");
    assert_eq!(content["app_version"], APP_VERSION);
    assert_eq!(
        content["catalogue"],
        json!({"id": "thc-standard", "version": 1}),
        "a bundled catalogue is referenced, not embedded"
    );
    let a = &content["assessment"];
    assert_eq!(a["id"], "fixture-qingshan-2026");
    assert_eq!(a["profile"]["centre_name"], "青山镇卫生院");
    assert_eq!(a["profile"]["centre_type"], "general");
    assert_eq!(a["profile"]["flags"], json!(["obstetric_service"]));
    assert_eq!(a["inputs"]["vaccine_coverage"], 9250);
    assert_eq!(
        a["items"]["thc.ph.disease-reporting"],
        json!({
            "answer": {"status": "not_met"},
            "not_applicable": false,
            "evidence": "",
            "action": {
                "measure": "建立疫情报告登记本，指定专人每日核对",
                "owner": "防保科 张医生",
                "deadline": "2027-01-15",
                "status": "planned"
            }
        })
    );
    assert_eq!(a["items"].as_object().unwrap().len(), 6);
    assert!(content.get("review").is_none());
    // Top-level keys in the documented order, pretty-printed, ending in a newline.
    assert!(text.starts_with(
        "{\n  \"format\": \"thc-assessment\",\n  \"format_version\": 1,\n  \"digest\": \"sha256:"
    ));
    assert!(text.ends_with("}\n"));
}

#[test]
fn a_catalogue_that_is_not_bundled_travels_inside_the_file() {
    let demo = demo_catalogue();
    let text = export_json(
        &embedded_fixture_assessment(&demo),
        &demo,
        None,
        exported_at(),
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    let embedded = &v["content"]["catalogue"]["embedded"];
    assert_eq!(embedded["id"], "demo-province");
    assert_eq!(
        serde_json::from_value::<Catalogue>(embedded.clone()).unwrap(),
        demo
    );
    let imported = read(text.as_bytes()).unwrap();
    assert!(!imported.catalogue.is_bundled());
    assert_eq!(imported.catalogue.get(), &demo);
    assert_eq!(imported.assessment, embedded_fixture_assessment(&demo));
}

#[test]
fn file_names_hold_centre_year_and_export_date() {
    let a = fixture_assessment();
    assert_eq!(
        file_name(&a.profile, exported_at(), "json"),
        "青山镇卫生院-2026自评-20261123.json"
    );
    assert_eq!(
        file_name(&a.profile, exported_at(), "xlsx"),
        "青山镇卫生院-2026自评-20261123.xlsx"
    );
}

// ---------------------------------------------------------------------------------------------
// Import of good files
// ---------------------------------------------------------------------------------------------

#[test]
fn the_valid_fixture_imports_to_the_same_assessment_with_a_preview() {
    let imported = read_file(
        &corpus("valid.json"),
        &["other-id", "fixture-qingshan-2026"],
    )
    .unwrap();
    assert_eq!(imported.integrity, Integrity::Verified);
    assert!(!imported.tampered());
    assert!(!imported.had_bom);
    assert!(imported.id_exists);
    assert_eq!(imported.assessment, fixture_assessment());
    assert_eq!(imported.exported_at, exported_at());
    assert_eq!(imported.app_version, "0.1.0");
    assert_eq!(imported.review, None);
    assert_eq!(imported.warnings, Vec::<AssessmentIssue>::new());

    let p = imported.preview();
    assert_eq!(p.id, "fixture-qingshan-2026");
    assert!(p.id_exists);
    assert_eq!(p.centre_name, "青山镇卫生院");
    assert_eq!(p.county, "青山县");
    assert_eq!(p.year, Some(2026));
    assert_eq!(p.filled_by, "王建国");
    assert_eq!(p.catalogue_id, "thc-standard");
    assert_eq!(p.catalogue_version, 1);
    assert!(p.catalogue_bundled);
    assert_eq!(p.answers, 6);
    assert_eq!(p.inputs, 8);
    assert_eq!(p.evidence_notes, 3);
    assert_eq!(p.actions, 2);
    assert!(!p.tampered);
    let expected = evaluate(catalogue("thc-standard"), &fixture_assessment()).overall;
    assert_eq!(p.summary, expected);
    assert_eq!(p.summary.gap, expected.gap);

    let fresh = read(&corpus("valid.json")).unwrap();
    assert!(!fresh.id_exists);
    assert!(!fresh.preview().id_exists);
}

#[test]
fn import_creates_a_new_assessment_by_default_and_replaces_only_what_exists() {
    let existing = read_file(&corpus("valid.json"), &["fixture-qingshan-2026"]).unwrap();
    let new = existing
        .assessment_for(&ImportChoice::New {
            id: "imported-1".into(),
        })
        .unwrap();
    let mut expected = fixture_assessment();
    expected.id = "imported-1".into();
    assert_eq!(new, expected);
    assert_eq!(
        existing.assessment_for(&ImportChoice::Replace).unwrap(),
        fixture_assessment()
    );
    assert_eq!(
        existing.assessment_for(&ImportChoice::New { id: "a.b".into() }),
        Err(ImportRefusal::InvalidNewId { id: "a.b".into() })
    );
    let absent = read(&corpus("valid.json")).unwrap();
    assert_eq!(
        absent.assessment_for(&ImportChoice::Replace),
        Err(ImportRefusal::NothingToReplace)
    );
    assert!(ImportRefusal::NothingToReplace
        .message(Lang::Zh)
        .contains("新自评导入"));
}

#[test]
fn a_bom_is_stripped_and_the_file_imports() {
    let imported = read(&corpus("bom.json")).unwrap();
    assert!(imported.had_bom);
    assert_eq!(imported.integrity, Integrity::Verified);
    assert_eq!(imported.assessment, fixture_assessment());
}

#[test]
fn layout_and_key_order_do_not_affect_the_digest() {
    let v: Value = serde_json::from_slice(&corpus("valid.json")).unwrap();
    // Compact, keys sorted (serde_json's map), non-ASCII escaped: same data, other bytes.
    let compact = serde_json::to_string(&v).unwrap();
    let escaped: String = compact
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                let mut buf = [0u16; 2];
                c.encode_utf16(&mut buf)
                    .iter()
                    .map(|u| format!("\\u{u:04x}"))
                    .collect()
            }
        })
        .collect();
    assert_ne!(escaped.as_bytes(), corpus("valid.json").as_slice());
    let imported = read(escaped.as_bytes()).unwrap();
    assert_eq!(imported.integrity, Integrity::Verified);
    assert_eq!(imported.assessment, fixture_assessment());
}

#[test]
fn the_review_object_is_carried_through_exactly() {
    // The review's format is issue 8's (crate::review); tests/core_review.rs covers it in full.
    let review: serde_json::Map<String, Value> = serde_json::from_value(json!({
        "version": 1,
        "reviewer": "县卫健局 陈科长",
        "reviewed_on": "2026-12-01",
        "conclusion": null,
        "comment": "",
        "items": {"thc.ph.disease-reporting": {"verdict": "needs_evidence", "comment": "<i>需</i>复查"}}
    }))
    .unwrap();
    let a = fixture_assessment();
    let cat = catalogue("thc-standard");
    let text = export_json(&a, cat, Some(&review), exported_at());
    let imported = read(text.as_bytes()).unwrap();
    assert_eq!(imported.integrity, Integrity::Verified);
    assert_eq!(imported.review.as_ref(), Some(&review));
    assert!(imported.assessment.review.is_some());
    let again = export_json(
        &imported.assessment,
        imported.catalogue.get(),
        imported.review.as_ref(),
        imported.exported_at,
    );
    assert_eq!(again, text);

    // Anything that is not a review in that format is refused, naming the place.
    let mut other = review.clone();
    other.insert("scores".into(), json!([1, 2, 3]));
    let text = export_json(&a, cat, Some(&other), exported_at());
    assert!(matches!(
        read(text.as_bytes()),
        Err(ImportError::Shape { path, .. }) if path == "content.review"
    ));
}

#[test]
fn markup_in_text_is_kept_as_plain_text() {
    let imported = read(&corpus("markup.json")).unwrap();
    assert_eq!(imported.integrity, Integrity::Verified);
    assert_eq!(
        imported.assessment.profile.centre_name,
        "<script>document.title='pwned'</script><img src=x onerror=alert(1)>青山镇卫生院"
    );
}

#[test]
fn a_tampered_file_is_read_for_viewing_only() {
    let imported = read(&corpus("tampered.json")).unwrap();
    let Integrity::Mismatch { declared, computed } = &imported.integrity else {
        panic!("expected a digest mismatch, got {:?}", imported.integrity);
    };
    assert_ne!(declared, computed);
    assert!(imported.tampered());
    assert!(imported.preview().tampered);
    // The edit is visible in what is shown.
    assert_eq!(
        imported.assessment.inputs.get("health_tech_staff"),
        Some(&40)
    );
    assert_eq!(
        imported.assessment_for(&ImportChoice::New { id: "x".into() }),
        Err(ImportRefusal::Tampered)
    );
    let zh = imported.integrity.message(Lang::Zh).unwrap();
    assert!(zh.contains("被修改过"), "{zh}");
    assert!(zh.contains("只能查看"), "{zh}");
    assert!(imported
        .integrity
        .message(Lang::En)
        .unwrap()
        .contains("changed after it was exported"));
    assert_eq!(Integrity::Verified.message(Lang::Zh), None);

    let missing = read(&corpus("no-digest.json")).unwrap();
    assert_eq!(missing.integrity, Integrity::Missing);
    assert!(missing.tampered());
    assert!(missing
        .integrity
        .message(Lang::Zh)
        .unwrap()
        .contains("没有有效的校验码"));
}

// ---------------------------------------------------------------------------------------------
// The bad-input corpus
// ---------------------------------------------------------------------------------------------

/// `expected.json`: for each corpus file, what its Chinese and English messages must mention
/// (shared with the end-to-end test, which checks the same words on screen).
fn expected_messages() -> BTreeMap<String, Value> {
    serde_json::from_slice(&corpus("expected.json")).unwrap()
}

fn assert_error(name: &str, check: impl FnOnce(&ImportError) -> bool) {
    let err = match read(&corpus(name)) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e,
    };
    assert!(check(&err), "{name}: unexpected error {err:?}");
    let expected = expected_messages();
    let Some(words) = expected.get(name) else {
        panic!("{name} is missing from expected.json")
    };
    for (lang, key) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let message = err.message(lang);
        for word in words[key].as_array().unwrap() {
            let word = word.as_str().unwrap();
            assert!(
                message.contains(word),
                "{name}: the {key} message should mention {word:?}: {message}"
            );
        }
    }
}

#[test]
fn empty_and_blank_files() {
    assert_error("empty.json", |e| *e == ImportError::Empty);
    assert_error("blank.json", |e| *e == ImportError::Empty);
}

#[test]
fn text_that_is_not_json() {
    assert_error("not-json.txt", |e| {
        matches!(
            e,
            ImportError::NotJson {
                line: 1,
                column: 1,
                ..
            }
        )
    });
}

#[test]
fn a_truncated_file() {
    assert_error(
        "truncated.json",
        |e| matches!(e, ImportError::Truncated { line, .. } if *line > 10),
    );
}

#[test]
fn files_of_other_types_are_recognised_by_their_first_bytes() {
    assert_error("image.png", |e| {
        *e == ImportError::WrongFileType {
            kind: FileKind::Png,
        }
    });
    assert_error("document.docx", |e| {
        *e == ImportError::WrongFileType {
            kind: FileKind::Word,
        }
    });
    assert_error("workbook.xlsx", |e| {
        *e == ImportError::WrongFileType {
            kind: FileKind::Excel,
        }
    });
    assert_error("photo.jpg", |e| {
        *e == ImportError::WrongFileType {
            kind: FileKind::Jpeg,
        }
    });
    assert_error("binary.bin", |e| {
        *e == ImportError::WrongFileType {
            kind: FileKind::Binary,
        }
    });
}

#[test]
fn our_own_excel_export_is_refused_with_a_hint() {
    let xlsx = export_xlsx(
        catalogue("thc-standard"),
        &fixture_assessment(),
        Lang::Zh,
        exported_at(),
    );
    let err = read(&xlsx).unwrap_err();
    assert_eq!(
        err,
        ImportError::WrongFileType {
            kind: FileKind::Excel
        }
    );
    assert!(err.message(Lang::Zh).contains(".json"));
}

#[test]
fn encodings_other_than_utf8() {
    assert_error("gbk.json", |e| *e == ImportError::GbkEncoded);
    assert_error("utf16.json", |e| *e == ImportError::Utf16);
    assert_error("latin1.json", |e| matches!(e, ImportError::NotUtf8 { .. }));
}

#[test]
fn versions_and_formats() {
    assert_error("future-version.json", |e| {
        *e == ImportError::FutureVersion { found: 2 }
    });
    assert_error("version-zero.json", |e| {
        *e == ImportError::UnsupportedVersion { found: "0".into() }
    });
    assert_error("not-assessment.json", |e| {
        *e == ImportError::NotAssessmentFile
    });
    assert_error("catalogue.json", |e| *e == ImportError::CatalogueFile);
}

#[test]
fn catalogues_that_cannot_be_used() {
    assert_error("unknown-catalogue.json", |e| {
        *e == ImportError::UnknownCatalogue {
            id: "henan-2027".into(),
            version: 3,
        }
    });
    assert_error("embedded-bundled-id.json", |e| {
        *e == ImportError::EmbeddedUsesBundledId {
            id: "thc-standard".into(),
        }
    });
}

#[test]
fn unknown_and_duplicate_ids() {
    assert_error("unknown-criterion.json", |e| {
        *e == ImportError::UnknownIds {
            criteria: vec!["thc.no-such-criterion".into()],
            inputs: vec!["no_such_input".into()],
            flags: vec![],
        }
    });
    assert_error("duplicate-key.json", |e| {
        *e == ImportError::DuplicateKey {
            key: "thc.dept.emergency".into(),
            path: "content.assessment.items".into(),
        }
    });
    assert_error("bad-id.json", |e| {
        *e == ImportError::InvalidId {
            id: "../../etc/passwd".into(),
        }
    });
}

#[test]
fn numbers_out_of_range() {
    let bad = |id: &str, zh: &str, en: &str, found: &str, problem: NumberProblem| {
        ImportError::BadNumbers {
            problems: vec![BadNumber {
                input_id: id.into(),
                label: Text::new(zh, en),
                found: found.into(),
                problem,
            }],
        }
    };
    assert_error("negative.json", |e| {
        *e == bad("beds", "床位数", "Beds", "-3", NumberProblem::Negative)
    });
    assert_error("fractional.json", |e| {
        *e == bad("beds", "床位数", "Beds", "12.5", NumberProblem::NotInteger)
    });
    assert_error("percent-over.json", |e| {
        *e == bad(
            "vaccine_coverage",
            "儿童计划免疫“五苗”接种率",
            "Coverage of the five childhood vaccines",
            "10001",
            NumberProblem::AboveMax {
                max: 10_000,
                kind: InputKind::Percent,
            },
        )
    });
    assert_error("above-max.json", |e| {
        *e == bad(
            "medical_staff",
            "医务人员数",
            "Medical staff",
            "501",
            NumberProblem::AboveMax {
                max: 500,
                kind: InputKind::Count,
            },
        )
    });
    assert_error("string-number.json", |e| {
        *e == bad(
            "beds",
            "床位数",
            "Beds",
            "\"20\"",
            NumberProblem::NotANumber,
        )
    });
    assert_error("bad-year.json", |e| {
        *e == ImportError::BadYear {
            found: "20260".into(),
        }
    });
}

#[test]
fn wrong_shapes_and_deep_nesting() {
    assert_error("wrong-shape.json", |e| {
        *e == ImportError::Shape {
            path: "content.assessment".into(),
            detail: "missing field `created_at`".into(),
        }
    });
    assert_error("unknown-field.json", |e| {
        *e == ImportError::Shape {
            path: "content.assessment.profile".into(),
            detail: "unknown field `colour`".into(),
        }
    });
    assert_error("deep.json", |e| matches!(e, ImportError::TooDeep { .. }));
}

#[test]
fn shape_errors_name_the_item_they_are_in() {
    let mut v: Value = serde_json::from_slice(&corpus("valid.json")).unwrap();
    v["content"]["assessment"]["items"]["thc.dept.emergency"]["answer"] =
        json!({"status": "perfect"});
    let err = read(v.to_string().as_bytes()).unwrap_err();
    let ImportError::Shape { path, detail } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(path, "content.assessment.items[\"thc.dept.emergency\"]");
    assert!(detail.contains("unknown variant `perfect`"), "{detail}");
    assert!(err.message(Lang::Zh).contains("thc.dept.emergency"));

    let mut v: Value = serde_json::from_slice(&corpus("valid.json")).unwrap();
    v["content"]["assessment"]["items"]["thc.ph.disease-reporting"]["action"]["priority"] =
        json!(1);
    assert_eq!(
        read(v.to_string().as_bytes()).unwrap_err(),
        ImportError::Shape {
            path: "content.assessment.items[\"thc.ph.disease-reporting\"].action".into(),
            detail: "unknown field `priority`".into(),
        }
    );

    let mut v: Value = serde_json::from_slice(&corpus("valid.json")).unwrap();
    v["content"]["review"] = json!("looks fine");
    assert_eq!(
        read(v.to_string().as_bytes()).unwrap_err(),
        ImportError::Shape {
            path: "content.review".into(),
            detail: "expected an object, found a string".into(),
        }
    );
}

#[test]
fn every_corpus_file_is_covered_by_a_test() {
    let expected = expected_messages();
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/import"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "expected.json" && n != "make_corpus.py")
        .collect();
    files.sort();
    let good = [
        "valid.json",
        "bom.json",
        "embedded-catalogue.json",
        "markup.json",
        "tampered.json",
        "no-digest.json",
    ];
    for f in &files {
        let outcome = read(&corpus(f));
        if good.contains(&f.as_str()) {
            assert!(outcome.is_ok(), "{f}: {outcome:?}");
        } else {
            assert!(outcome.is_err(), "{f} was accepted");
            assert!(
                expected.contains_key(f),
                "{f} has no entry in expected.json"
            );
        }
    }
    assert_eq!(files.len(), good.len() + expected.len(), "{files:?}");
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let mut big = corpus("valid.json");
    big.resize(MAX_FILE_BYTES + 1, b' ');
    let err = read(&big).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    assert!(
        err.message(Lang::Zh).contains("超过 5 MB"),
        "{}",
        err.message(Lang::Zh)
    );
    // Exactly at the limit is read (and is still the valid file).
    big.truncate(MAX_FILE_BYTES);
    assert!(read(&big).is_ok());
}

#[test]
fn absurd_nesting_is_refused_without_recursion() {
    let deep = "[".repeat(1_000_000);
    assert_eq!(
        read(deep.as_bytes()).unwrap_err(),
        ImportError::TooDeep {
            line: 1,
            column: 65
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Excel and CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn the_summary_and_gap_rows_hold_the_evaluation() {
    let cat = catalogue("thc-standard");
    let a = fixture_assessment();
    let e = evaluate(cat, &a);
    let rows = summary_rows(cat, &e, Lang::Zh);
    assert_eq!(rows.len(), cat.sections.len() + 1);
    let total = rows.last().unwrap();
    assert_eq!(total.section, "合计");
    assert_eq!(total.answered, e.overall.answered);
    assert_eq!(total.gap, e.overall.gap);
    let depts = &rows[1];
    assert_eq!(depts.section, "科室设置");
    assert_eq!((depts.answered, depts.met, depts.gap), (2, 2, 0));
    assert_eq!(depts.compliance_tenths.map(|t| t <= 1000), Some(true));

    let gaps = gap_rows(cat, &a, &e, Lang::Zh, false);
    assert_eq!(gaps.len(), e.gaps.len());
    let reporting = gaps
        .iter()
        .find(|g| g.criterion_id == "thc.ph.disease-reporting")
        .unwrap();
    assert_eq!(reporting.verdict, "未达标");
    assert_eq!(reporting.importance, "核心");
    assert_eq!(reporting.explanation, "自评：未达到");
    assert_eq!(reporting.measure, "建立疫情报告登记本，指定专人每日核对");
    assert_eq!(reporting.deadline, "2027-01-15");
    assert_eq!(reporting.status, "未开始");
    let share = gaps
        .iter()
        .find(|g| g.criterion_id == "thc.staff.health-tech-share")
        .unwrap();
    assert_eq!(
        share.explanation,
        // 34 of 41 is still 82.9%: each hire grows the total too, so 7 more (40 ÷ 47), or
        // 2 fewer other posts (33 ÷ 38).
        "卫技占比 = 33 ÷ 40 = 82.5%，要求 ≥ 85%，卫生技术人员也计入总数，只增加卫生技术人员时还需增加 7 人（40 ÷ 47）；或卫生技术人员不变、其他人员减少 2 人（33 ÷ 38）"
    );
}

#[test]
fn the_xlsx_is_a_zip_of_spreadsheetml_parts() {
    let xlsx = export_xlsx(
        catalogue("thc-standard"),
        &fixture_assessment(),
        Lang::Zh,
        exported_at(),
    );
    assert_eq!(&xlsx[..4], b"PK\x03\x04");
    let as_text = String::from_utf8_lossy(&xlsx);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ] {
        assert!(as_text.contains(part), "missing {part}");
    }
    assert!(as_text.contains("<sheet name=\"汇总\" sheetId=\"1\" r:id=\"rId1\"/>"));
    assert!(as_text.contains("t=\"inlineStr\""));
    assert!(!as_text.contains("sharedStrings"));
}

/// The workbook as openpyxl reads it must be exactly these rows (None cells as "").
fn expected_workbook(cat: &Catalogue, a: &Assessment, lang: Lang) -> Value {
    let e = evaluate(cat, a);
    let s = lang.strings().exchange;
    let mut summary = vec![
        json!([s.info_centre, a.profile.centre_name]),
        json!([s.info_county, a.profile.county]),
        json!([s.info_year, a.profile.year]),
        json!([s.info_catalogue, cat.title.get(lang)]),
        json!([s.info_exported, "2026-11-23 10:15"]),
        json!([]),
        json!([
            s.col_section,
            s.col_answered,
            s.col_applicable,
            s.col_met,
            s.col_partly,
            s.col_gap,
            s.col_needs_correction,
            s.col_compliance
        ]),
    ];
    for r in summary_rows(cat, &e, lang) {
        let compliance = r
            .compliance_tenths
            .map(|t| json!(t as f64 / 10.0))
            .unwrap_or(json!(""));
        summary.push(json!([
            r.section,
            r.answered,
            r.applicable,
            r.met,
            r.partly,
            r.gap,
            r.needs_correction,
            compliance
        ]));
    }
    let mut gaps = vec![json!([
        s.col_section,
        s.col_id,
        s.col_criterion,
        s.col_importance,
        s.col_verdict,
        s.col_explanation,
        s.col_source
    ])];
    for r in gap_rows(cat, a, &e, lang, false) {
        gaps.push(json!([
            r.section,
            r.criterion_id,
            r.criterion,
            r.importance,
            r.verdict,
            r.explanation,
            r.source
        ]));
    }
    let mut actions = vec![json!([
        s.col_id,
        s.col_criterion,
        s.col_measure,
        s.col_owner,
        s.col_deadline,
        s.col_status
    ])];
    for r in action_rows(cat, a, &e, lang) {
        actions.push(json!([
            r.criterion_id,
            r.criterion,
            r.measure,
            r.owner,
            r.deadline,
            r.status
        ]));
    }
    json!({
        "sheets": [
            {"name": s.sheet_summary, "rows": summary, "bold_row": 7},
            {"name": s.sheet_gaps, "rows": gaps, "bold_row": 1},
            {"name": s.sheet_actions, "rows": actions, "bold_row": 1}
        ]
    })
}

#[test]
#[ignore = "independent reader (Python): tools/test.sh runs it in its own layer"]
fn openpyxl_reads_the_workbook_with_its_chinese_text() {
    let dir = temp_dir("xlsx");
    let cat = catalogue("thc-standard");
    let a = fixture_assessment();
    let path = dir.join(file_name(&a.profile, exported_at(), "xlsx"));
    std::fs::write(&path, export_xlsx(cat, &a, Lang::Zh, exported_at())).unwrap();
    let expect = dir.join("expected.json");
    std::fs::write(&expect, expected_workbook(cat, &a, Lang::Zh).to_string()).unwrap();
    let out = python_check(&[
        "xlsx",
        path.to_str().unwrap(),
        "--expect",
        expect.to_str().unwrap(),
        "--centre",
        "青山镇卫生院",
    ]);
    assert!(out.contains("xlsx ok: 汇总, 差距清单, 整改计划"), "{out}");

    // Every bundled catalogue, filled, in both languages; markup and quotes stay text.
    for c in bundled() {
        let a = filled(c, "filled");
        for lang in [Lang::Zh, Lang::En] {
            let path = dir.join(format!("{}-{}.xlsx", c.id, lang.code()));
            std::fs::write(&path, export_xlsx(c, &a, lang, exported_at())).unwrap();
            std::fs::write(&expect, expected_workbook(c, &a, lang).to_string()).unwrap();
            python_check(&[
                "xlsx",
                path.to_str().unwrap(),
                "--expect",
                expect.to_str().unwrap(),
            ]);
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
#[ignore = "independent reader (Python): tools/test.sh runs it in its own layer"]
fn the_csv_opens_in_excel_on_chinese_windows() {
    let cat = catalogue("thc-standard");
    let a = fixture_assessment();
    let csv = export_csv(cat, &a, Lang::Zh);
    assert!(csv.starts_with(
        "\u{FEFF}部分,编号,条目,重要性,结论,说明,依据,整改措施,责任人,完成期限,进度\r\n"
    ));
    assert!(csv.ends_with("\r\n"));
    assert!(!csv.replace("\r\n", "").contains('\n'));
    let e = evaluate(cat, &a);
    let rows = gap_rows(cat, &a, &e, Lang::Zh, true);
    assert_eq!(csv.matches("\r\n").count(), 1 + rows.len());
    assert!(csv.contains(
        "预防保健服务,thc.ph.disease-reporting,传染病疫情和突发公共卫生事件报告,核心,未达标,自评：未达到,"
    ));
    assert!(
        csv.contains(",建立疫情报告登记本，指定专人每日核对,防保科 张医生,2027-01-15,未开始\r\n")
    );

    let dir = temp_dir("csv");
    let path = dir.join("gaps.csv");
    std::fs::write(&path, &csv).unwrap();
    let out = python_check(&[
        "csv",
        path.to_str().unwrap(),
        "--rows",
        &rows.len().to_string(),
    ]);
    assert!(out.contains("csv ok"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

// ---------------------------------------------------------------------------------------------
// The published schema, checked by an independent validator
// ---------------------------------------------------------------------------------------------

#[test]
#[ignore = "independent reader (Python): tools/test.sh runs it in its own layer"]
fn exports_of_every_bundled_catalogue_validate_against_the_published_schema() {
    let dir = temp_dir("schema");
    let mut paths = Vec::new();
    for c in bundled() {
        let a = filled(c, &format!("filled-{}", c.id));
        let path = dir.join(format!("{}.json", c.id));
        std::fs::write(&path, export_json(&a, c, None, exported_at())).unwrap();
        paths.push(path);
    }
    let demo = demo_catalogue();
    let path = dir.join("demo.json");
    let review: serde_json::Map<String, Value> = serde_json::from_value(json!({
        "version": 1, "reviewer": "陈科长", "reviewed_on": "2026-12-01", "conclusion": "pass",
        "comment": "", "items": {"thc.staff.nursing": {"verdict": "agree", "comment": ""}}
    }))
    .unwrap();
    std::fs::write(
        &path,
        export_json(
            &filled(&demo, "filled-demo"),
            &demo,
            Some(&review),
            exported_at(),
        ),
    )
    .unwrap();
    paths.push(path);
    paths.push(corpus_path("valid.json"));
    paths.push(corpus_path("markup.json"));
    let mut args = vec!["schema".to_string()];
    args.extend(paths.iter().map(|p| p.to_string_lossy().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = python_check(&args);
    assert_eq!(
        out.matches("schema ok, digest ok").count(),
        paths.len(),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
#[ignore = "independent reader (Python): tools/test.sh runs it in its own layer"]
fn the_schema_rejects_what_the_importer_rejects() {
    let out = python_check(&[
        "schema-rejects",
        corpus_path("negative.json").to_str().unwrap(),
        corpus_path("fractional.json").to_str().unwrap(),
        corpus_path("future-version.json").to_str().unwrap(),
        corpus_path("wrong-shape.json").to_str().unwrap(),
        corpus_path("unknown-field.json").to_str().unwrap(),
        corpus_path("bad-id.json").to_str().unwrap(),
        corpus_path("not-assessment.json").to_str().unwrap(),
    ]);
    assert_eq!(out.matches("rejected as expected").count(), 7, "{out}");
}

#[test]
fn the_schema_file_is_valid_json_naming_draft_2020_12() {
    let schema: Value = serde_json::from_slice(
        &std::fs::read(root().join("public/assessment-file.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["format"]["const"], "thc-assessment");
    assert_eq!(schema["properties"]["format_version"]["const"], 1);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn arb_time() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        946_684_800i64..4_102_444_800,
        0u32..1_000_000_000,
        -48i32..=56,
    )
        .prop_map(|(secs, nanos, quarters)| {
            let offset = FixedOffset::east_opt(quarters * 900).unwrap();
            DateTime::from_timestamp(secs, nanos)
                .unwrap()
                .with_timezone(&offset)
        })
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\PC]{0,30}",
        "[一-龥，。、（）《》“”]{0,40}",
        Just("<script>alert(1)</script>".to_string()),
        any::<String>(),
    ]
}

fn arb_status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Met),
        Just(Status::Partly),
        Just(Status::NotMet),
        Just(Status::NotApplicable),
    ]
}

fn arb_grade() -> impl Strategy<Value = Grade> {
    prop_oneof![
        Just(Grade::A),
        Just(Grade::B),
        Just(Grade::C),
        Just(Grade::D)
    ]
}

fn arb_action() -> impl Strategy<Value = Action> {
    (
        arb_text(),
        arb_text(),
        prop::option::of((2000i32..2100, 1u32..13, 1u32..29)),
        prop_oneof![
            Just(ActionStatus::Planned),
            Just(ActionStatus::InProgress),
            Just(ActionStatus::Done)
        ],
    )
        .prop_map(|(measure, owner, d, status)| Action {
            measure,
            owner,
            deadline: d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day)),
            status,
        })
}

/// Raw material for one criterion's record.
fn arb_record_parts() -> impl Strategy<Value = (u8, Status, Grade, u8, bool, String, Option<Action>)>
{
    (
        0u8..4,
        arb_status(),
        arb_grade(),
        any::<u8>(),
        any::<bool>(),
        arb_text(),
        prop::option::of(arb_action()),
    )
}

/// A random assessment of one of the bundled catalogues (or the demo one, embedded), with ids
/// and values the catalogue accepts.
fn arb_assessment() -> impl Strategy<Value = (Catalogue, Assessment)> {
    (
        0usize..4,
        "[A-Za-z0-9_-]{1,64}",
        (arb_text(), arb_text(), arb_text()),
        prop::option::of(prop_oneof![
            Just(CentreType::General),
            Just(CentreType::Central)
        ]),
        prop::option::of(1900i32..=2200),
        prop::collection::vec(prop::option::of(any::<u64>()), 30),
        prop::collection::vec(prop::option::of(arb_record_parts()), 120),
        (arb_time(), arb_time()),
        any::<bool>(),
    )
        .prop_map(
            |(which, id, (name, county, by), centre_type, year, inputs, records, (c, u), flag)| {
                let cat = if which == 3 {
                    demo_catalogue()
                } else {
                    bundled()[which].clone()
                };
                let mut a = Assessment::new(
                    id,
                    &cat,
                    Profile {
                        centre_name: name,
                        county,
                        centre_type,
                        year,
                        filled_by: by,
                        flags: if flag {
                            cat.flags.iter().map(|f| f.id.clone()).collect()
                        } else {
                            Default::default()
                        },
                    },
                    c,
                );
                a.updated_at = u;
                for (def, v) in cat.inputs.iter().zip(inputs) {
                    if let Some(v) = v {
                        let v = match def.effective_max() {
                            Some(max) => v % (max + 1),
                            None => v,
                        };
                        a.inputs.insert(def.id.clone(), v);
                    }
                }
                for (c, parts) in cat.criteria().zip(records) {
                    let Some((choice, status, grade, bits, na, evidence, action)) = parts else {
                        continue;
                    };
                    let answer = match (&c.criterion.kind, choice) {
                        (_, 0) => None,
                        (CriterionKind::Graded { graded }, _) if !graded.sub_items.is_empty() => {
                            Some(Answer::SubItems(
                                graded
                                    .sub_items
                                    .iter()
                                    .enumerate()
                                    .filter(|(i, _)| bits & (1 << (i % 8)) != 0 || choice == 3)
                                    .map(|(i, s)| (s.id.clone(), bits & (1 << (i % 8)) != 0))
                                    .collect(),
                            ))
                        }
                        (CriterionKind::Graded { .. }, _) => Some(Answer::Grade(grade)),
                        _ => Some(Answer::Status(status)),
                    };
                    a.items.insert(
                        c.criterion.id.clone(),
                        ItemRecord {
                            answer,
                            not_applicable: na,
                            evidence,
                            action,
                        },
                    );
                }
                (cat, a)
            },
        )
}

/// Near-misses of real files reach much deeper into the reader than random bytes.
fn arb_mutated_file() -> impl Strategy<Value = Vec<u8>> {
    let base = prop_oneof![
        Just(corpus("valid.json")),
        Just(corpus("embedded-catalogue.json")),
        Just(corpus("markup.json")),
    ];
    (
        base,
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..6),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, op, b) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match op {
                    0 => bytes[i] = b,
                    1 => {
                        bytes.remove(i);
                    }
                    2 => bytes.insert(i, b),
                    _ => bytes.truncate(i),
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn export_then_import_reproduces_the_assessment_exactly(
        (cat, a) in arb_assessment(),
        at in arb_time(),
        existing in any::<bool>(),
    ) {
        let text = export_json(&a, &cat, None, at);
        let ids: Vec<String> = if existing { vec![a.id.clone()] } else { vec![] };
        let imported = read_file(text.as_bytes(), &ids).unwrap();
        prop_assert_eq!(&imported.integrity, &Integrity::Verified);
        prop_assert_eq!(&imported.assessment, &a);
        prop_assert_eq!(imported.catalogue.get(), &cat);
        prop_assert_eq!(imported.exported_at, at);
        prop_assert_eq!(imported.id_exists, existing);
        let new = imported.assessment_for(&ImportChoice::New { id: "copy-1".into() }).unwrap();
        prop_assert_eq!(&new.id, "copy-1");
        prop_assert_eq!(Assessment { id: a.id.clone(), ..new }, a.clone());
        // Exporting what was imported gives the same bytes.
        let again = export_json(&imported.assessment, imported.catalogue.get(), None, at);
        prop_assert_eq!(again, text);
        // The canonical form is what the digest covers.
        let v: Value = serde_json::from_str(&export_json(&a, &cat, None, at)).unwrap();
        prop_assert_eq!(
            serde_json::from_str::<Value>(&canonical_json(&v["content"])).unwrap(),
            v["content"].clone()
        );
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Err(e) = read(&bytes) {
            prop_assert!(!e.message(Lang::Zh).is_empty());
            prop_assert!(!e.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn the_reader_never_panics_on_mutated_files(bytes in arb_mutated_file()) {
        match read(&bytes) {
            Ok(imported) => {
                // Whatever was read can be previewed and shown.
                let _ = imported.preview();
                let _ = imported.integrity.message(Lang::Zh);
            }
            Err(e) => {
                prop_assert!(!e.message(Lang::Zh).is_empty());
            }
        }
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = read(text.as_bytes());
        let _ = read(format!("{{\"format\":\"thc-assessment\",\"format_version\":1,{text}").as_bytes());
    }
}
