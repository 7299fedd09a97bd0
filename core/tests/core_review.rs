//! County review (issue 8): the review model and its file form, files in the reviewer's
//! workspace, export of the reviewed file, the roll-up, the per-criterion view, comparisons,
//! and what the workspace keeps in localStorage.
// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{json, Value};
use thc_core::assessment::review::{
    Conclusion, ItemReview, ItemVerdict, Review, ReviewError, ReviewStatus, SignOffProblem,
};
use thc_core::assessment::{Assessment, Profile, Status};
use thc_core::catalogue::{bundled, Catalogue, CentreType, Grade, Lang};
use thc_core::county::{
    catalogues_in, code_point_order, compare, criterion_across, new_entry, reopen, rollup,
    rollup_xlsx, same_centre_groups, sort_rows, CentreFile, ChangeKind, FileRefusal, RollupFilter,
    RollupRow, SortDirection, SortKey,
};
use thc_core::evaluation::Verdict;
use thc_core::exchange::{self, content_digest, ImportError, Integrity};
use thc_core::present::review::item_line;
use thc_core::store::workspace::{
    decode_entry, encode_entry, entry_backup_key, entry_ids, entry_key, load_entry,
    plan_entry_save, EntryLoad, EntryProblem, EntrySavePlan,
};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn catalogue(id: &str) -> &'static Catalogue {
    bundled().iter().find(|c| c.id == id).unwrap()
}

fn thc() -> &'static Catalogue {
    catalogue("thc-standard")
}

/// A centre's assessment of thc-standard: 卫技 `tech` of `staff`, a few answers.
fn centre(id: &str, name: &str, county: &str, staff: u64, tech: u64) -> Assessment {
    let now = at("2026-11-20T10:00:00+08:00");
    let profile = Profile {
        centre_name: name.to_string(),
        county: county.to_string(),
        centre_type: Some(CentreType::General),
        year: Some(2026),
        filled_by: "王院长".to_string(),
        ..Profile::default()
    };
    let mut a = Assessment::new(id, thc(), profile, now);
    a.set_input("staff_total", Some(staff), now);
    a.set_input("health_tech_staff", Some(tech), now);
    a.set_input("beds", Some(20), now);
    a.set_status("thc.staff.legal-qualification", Status::Met, now);
    a.set_status("thc.ethics.disclosure", Status::Partly, now);
    a.set_evidence(
        "thc.ethics.disclosure",
        "收费公示栏照片，见 10 月台账。",
        now,
    );
    a
}

fn export(a: &Assessment) -> String {
    exchange::export_json(a, thc(), None, at("2026-11-23T10:15:00+08:00"))
}

fn open(id: &str, a: &Assessment) -> CentreFile {
    CentreFile::open(
        id,
        &format!("{id}.json"),
        export(a).as_bytes(),
        at("2026-12-01T09:00:00+08:00"),
    )
    .unwrap()
}

fn signed_review() -> Review {
    let mut r = Review::new(day("2026-12-01"));
    r.set_reviewer("张科长");
    r.conclusion = Some(Conclusion::RecheckAfterRectification);
    r.set_verdict("thc.staff.health-tech-share", Some(ItemVerdict::Disagree));
    r.set_comment("thc.staff.health-tech-share", "花名册中 3 人为工勤人员");
    r.set_verdict("thc.ethics.disclosure", Some(ItemVerdict::Agree));
    r
}

// --- The review model ------------------------------------------------------------------------

#[test]
fn a_review_round_trips_through_its_file_form() {
    let r = signed_review();
    let map = r.to_map();
    assert_eq!(map["version"], json!(1));
    assert_eq!(map["reviewed_on"], json!("2026-12-01"));
    assert_eq!(map["conclusion"], json!("recheck_after_rectification"));
    assert_eq!(
        map["items"]["thc.staff.health-tech-share"],
        json!({ "verdict": "disagree", "comment": "花名册中 3 人为工勤人员" })
    );
    assert_eq!(Review::from_map(&map).unwrap(), r);
}

#[test]
fn a_review_with_unknown_fields_a_newer_version_or_overlong_text_is_refused() {
    let mut map = signed_review().to_map();
    map.insert("score".into(), json!(90));
    assert!(matches!(
        Review::from_map(&map),
        Err(ReviewError::Shape { .. })
    ));

    let mut map = signed_review().to_map();
    map.insert("version".into(), json!(2));
    let err = Review::from_map(&map).unwrap_err();
    assert_eq!(err, ReviewError::NewerVersion { found: 2 });
    assert!(err.message(Lang::Zh).contains("较新版本"));

    let mut map = signed_review().to_map();
    map.insert("reviewed_on".into(), json!("2026-13-01"));
    assert!(Review::from_map(&map).is_err());

    let mut map = signed_review().to_map();
    map.insert("reviewer".into(), json!("长".repeat(101)));
    assert!(matches!(
        Review::from_map(&map),
        Err(ReviewError::TooLong { .. })
    ));

    assert!(Review::from_value(&json!([1, 2])).is_err());
}

#[test]
fn empty_items_are_dropped_and_the_tally_counts_verdicts() {
    let mut r = Review::new(day("2026-12-01"));
    assert!(r.is_blank());
    assert_eq!(r.status(), ReviewStatus::NotStarted);
    r.set_verdict("a", Some(ItemVerdict::Agree));
    r.set_verdict("b", Some(ItemVerdict::NeedsEvidence));
    r.set_comment("b", "请补充培训签到表");
    r.set_verdict("c", Some(ItemVerdict::Disagree));
    assert_eq!(r.status(), ReviewStatus::InProgress);
    let t = r.tally();
    assert_eq!((t.agree, t.disagree, t.needs_evidence), (1, 1, 1));
    r.set_verdict("a", None);
    assert!(r.item("a").is_none(), "no verdict and no comment: dropped");
    r.set_verdict("b", None);
    assert_eq!(
        r.item("b").unwrap().comment,
        "请补充培训签到表",
        "a comment alone stays"
    );
    r.set_comment("x", &"字".repeat(5000));
    assert_eq!(r.item("x").unwrap().comment.chars().count(), 4000);
    // An empty item in a file is dropped on reading.
    let map = json!({ "version": 1, "reviewer": "", "reviewed_on": "2026-12-01",
        "items": { "a": { "verdict": null, "comment": "  " } } });
    assert!(Review::from_value(&map).unwrap().items.is_empty());
}

#[test]
fn sign_off_needs_a_reviewer_a_conclusion_and_reasons_for_disagreeing() {
    let mut r = Review::new(day("2026-12-01"));
    r.set_verdict("thc.staff.health-tech-share", Some(ItemVerdict::Disagree));
    r.set_verdict("thc.ethics.disclosure", Some(ItemVerdict::Agree));
    assert_eq!(
        r.sign_off_problems(),
        vec![
            SignOffProblem::NoReviewer,
            SignOffProblem::NoConclusion,
            SignOffProblem::CommentMissing {
                criterion_id: "thc.staff.health-tech-share".into()
            },
        ]
    );
    let message = r.sign_off_problems()[2].message(thc(), Lang::Zh);
    assert!(message.contains("卫生技术人员"), "{message}");
    assert!(message.contains("不同意"), "{message}");
    assert!(signed_review().sign_off_problems().is_empty());
    assert_eq!(
        signed_review().status(),
        ReviewStatus::Concluded(Conclusion::RecheckAfterRectification)
    );
}

#[test]
fn labels_and_the_directors_line_read_in_both_languages() {
    assert_eq!(ItemVerdict::Agree.label(Lang::Zh), "同意");
    assert_eq!(ItemVerdict::Disagree.label(Lang::Zh), "不同意");
    assert_eq!(ItemVerdict::NeedsEvidence.label(Lang::Zh), "需补充材料");
    assert_eq!(Conclusion::Pass.label(Lang::Zh), "通过");
    assert_eq!(
        Conclusion::RecheckAfterRectification.label(Lang::Zh),
        "整改后复核"
    );
    assert_eq!(Conclusion::Fail.label(Lang::Zh), "不通过");
    for v in ItemVerdict::ALL {
        assert_ne!(v.label(Lang::Zh), v.label(Lang::En));
    }
    let item = ItemReview {
        verdict: Some(ItemVerdict::Disagree),
        comment: " 花名册中 3 人为工勤人员 ".into(),
    };
    assert_eq!(
        item_line(&item, Lang::Zh),
        "县级复核：不同意 — 花名册中 3 人为工勤人员"
    );
    assert_eq!(
        item_line(&item, Lang::En),
        "County review: Disagree — 花名册中 3 人为工勤人员"
    );
    assert_eq!(
        signed_review().signed_line(Lang::Zh),
        "县级复核：整改后复核（张科长，2026-12-01）"
    );
    for s in ReviewStatus::ALL {
        assert_eq!(ReviewStatus::from_key(s.key()), Some(s));
    }
}

// --- Files in the workspace --------------------------------------------------------------------

#[test]
fn a_valid_file_opens_with_its_evaluation() {
    let a = centre("qingshan", "青山镇卫生院", "平阳县", 48, 40);
    let f = open("w1", &a);
    assert_eq!(f.id, "w1");
    assert_eq!(f.assessment(), &a);
    assert_eq!(f.centre_name(), Some("青山镇卫生院"));
    assert!(f.file_review.is_none());
    assert_eq!(
        f.evaluation
            .result("thc.staff.health-tech-share")
            .unwrap()
            .verdict,
        Verdict::Gap
    );
}

#[test]
fn bad_files_are_refused_with_a_reason_naming_the_file() {
    let opened =
        |bytes: &[u8]| CentreFile::open("w", "x.json", bytes, at("2026-12-01T09:00:00+08:00"));
    let corrupt = opened(b"{\"format\": \"thc-assessment\", ");
    let refusal = corrupt.unwrap_err();
    assert!(matches!(
        refusal,
        FileRefusal::Import(ImportError::Truncated { .. })
    ));
    let line = refusal.line("坏文件.json", Lang::Zh);
    assert!(line.starts_with("坏文件.json："), "{line}");

    // Changed after export: the reviewer may not sign it (nor re-digest it).
    let a = centre("qingshan", "青山镇卫生院", "平阳县", 48, 40);
    let tampered = export(&a).replace("\"health_tech_staff\": 40", "\"health_tech_staff\": 45");
    assert_ne!(tampered, export(&a));
    let refusal = opened(tampered.as_bytes()).unwrap_err();
    assert!(matches!(
        refusal,
        FileRefusal::NotVerified(Integrity::Mismatch { .. })
    ));
    assert!(refusal.message(Lang::Zh).contains("校验失败"));

    // A review object that is not a review.
    let mut v: Value = serde_json::from_str(&export(&a)).unwrap();
    v["content"]["review"] = json!({ "stars": 5 });
    v["digest"] = json!(content_digest(&v["content"]));
    let refusal = opened(v.to_string().as_bytes()).unwrap_err();
    assert!(matches!(
        refusal,
        FileRefusal::Import(ImportError::Shape { ref path, .. }) if path == "content.review"
    ));
    // A review from a newer version of the tool is refused as such.
    v["content"]["review"] = json!({ "version": 2, "reviewer": "张", "reviewed_on": "2027-01-01" });
    v["digest"] = json!(content_digest(&v["content"]));
    let refusal = opened(v.to_string().as_bytes()).unwrap_err();
    assert!(matches!(
        refusal,
        FileRefusal::Import(ImportError::FutureVersion { found: 2 })
    ));
}

#[test]
fn the_reviewed_file_keeps_the_directors_content_and_verifies() {
    let a = centre("qingshan", "青山镇卫生院", "平阳县", 48, 40);
    let original = export(&a);
    let f = CentreFile::open(
        "w1",
        "qingshan.json",
        original.as_bytes(),
        at("2026-12-01T09:00:00+08:00"),
    )
    .unwrap();

    // Not before sign-off.
    let draft = Review::new(day("2026-12-01"));
    assert!(f
        .export_reviewed(&draft, at("2026-12-01T11:00:00+08:00"))
        .is_err());

    let review = signed_review();
    let reviewed = f
        .export_reviewed(&review, at("2026-12-01T11:00:00+08:00"))
        .unwrap();
    let before: Value = serde_json::from_str(&original).unwrap();
    let after: Value = serde_json::from_str(&reviewed).unwrap();
    assert_eq!(
        after["content"]["assessment"],
        before["content"]["assessment"]
    );
    assert_eq!(
        after["content"]["catalogue"],
        before["content"]["catalogue"]
    );
    assert_eq!(after["content"]["review"], Value::Object(review.to_map()));
    assert_eq!(after["digest"], json!(content_digest(&after["content"])));

    // The director's import accepts it as verified, with the same assessment and the review.
    let imported = exchange::read_file::<&str>(reviewed.as_bytes(), &[]).unwrap();
    assert_eq!(imported.integrity, Integrity::Verified);
    assert_eq!(imported.assessment.review.as_ref(), Some(&review));
    assert_eq!(
        Assessment {
            review: None,
            ..imported.assessment.clone()
        },
        a,
        "the director's answers come back exactly as exported"
    );
    assert_eq!(imported.review, Some(review.to_map()));

    // The director exports again: the review travels along, outside the assessment.
    let again = exchange::export_json(
        &imported.assessment,
        thc(),
        imported
            .assessment
            .review
            .as_ref()
            .map(Review::to_map)
            .as_ref(),
        at("2026-12-03T09:00:00+08:00"),
    );
    let v: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(v["content"]["assessment"], before["content"]["assessment"]);
    assert_eq!(v["content"]["review"], Value::Object(review.to_map()));
    assert!(exchange::read_file::<&str>(again.as_bytes(), &[]).is_ok());

    // Opened again in the workspace, it starts from its review.
    let again = CentreFile::open(
        "w2",
        "r.json",
        reviewed.as_bytes(),
        at("2026-12-02T09:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(again.file_review.as_ref(), Some(&review));
    assert_eq!(again.starting_review(day("2027-01-01")), review);
    assert!(!again.same_export(&f), "a new export is a different file");
    assert_eq!(
        f.starting_review(day("2026-12-05")),
        Review::new(day("2026-12-05"))
    );
}

#[test]
fn file_names_of_the_reviewed_file_and_the_roll_up() {
    let a = centre("qingshan", "青山镇卫生院", "平阳县", 48, 40);
    let t = at("2026-12-01T11:00:00+08:00");
    assert_eq!(
        thc_core::county::reviewed_file_name(&a, t),
        "青山镇卫生院-2026自评-复核-20261201.json"
    );
    assert_eq!(
        thc_core::county::rollup_file_name(t),
        "县级复核汇总-20261201.xlsx"
    );
}

// --- Roll-up ---------------------------------------------------------------------------------

fn three_centres() -> Vec<CentreFile> {
    let mut b = centre("baishui", "白水镇卫生院", "安远县", 20, 17);
    b.set_input("beds", Some(35), at("2026-11-20T10:00:00+08:00"));
    b.profile.centre_type = Some(CentreType::Central);
    let mut c = centre("cuiping", "翠屏乡卫生院", "平阳县", 30, 30);
    c.set_input("beds", None, at("2026-11-20T10:00:00+08:00"));
    c.profile.centre_type = None;
    vec![
        open("w1", &centre("qingshan", "青山镇卫生院", "平阳县", 48, 40)),
        open("w2", &b),
        open("w3", &c),
    ]
}

#[test]
fn the_roll_up_has_one_row_per_centre_with_exact_figures() {
    let files = three_centres();
    let review = signed_review();
    let r = rollup(
        files.iter().map(|f| (f, (f.id == "w2").then_some(&review))),
        "thc-standard",
    );
    assert_eq!(r.rows.len(), 3);
    assert_eq!(r.sections.len(), thc().sections.len());
    assert!(r.tiers.is_empty());
    let row = &r.rows[0];
    assert_eq!(row.centre_name, "青山镇卫生院");
    assert_eq!(row.county, "平阳县");
    assert_eq!(row.bed_class.map(|c| c.label(Lang::Zh)), Some("11–29 床"));
    assert_eq!(row.tier, None);
    assert_eq!(row.gaps, files[0].evaluation.gaps.len());
    assert_eq!(row.status, ReviewStatus::NotStarted);
    assert_eq!(
        r.rows[1].status,
        ReviewStatus::Concluded(Conclusion::RecheckAfterRectification)
    );
    let staffing = r.sections.iter().position(|c| c.id == "staffing").unwrap();
    let s = files[0]
        .evaluation
        .sections
        .iter()
        .find(|s| s.section_id == "staffing")
        .unwrap()
        .summary
        .compliance();
    assert_eq!(row.sections[staffing], Some(s));
    assert_eq!(thc_core::county::bed_text(&r.rows[2], Lang::Zh), "未填写");
    assert_eq!(
        thc_core::county::type_text(&r.rows[1], Lang::Zh),
        "中心卫生院"
    );
    // Files of another catalogue are not rows of this roll-up.
    assert!(
        rollup(files.iter().map(|f| (f, None)), "national-graded-sample")
            .rows
            .is_empty()
    );
}

#[test]
fn names_sort_by_the_collation_the_shell_supplies() {
    // A stand-in for the browser's pinyin collation: 白 bai < 东 dong < 青 qing, whereas code
    // points put 东 (U+4E1C) before 白 (U+767D).
    fn pinyin(s: &str) -> u8 {
        match s.chars().next() {
            Some('白') => 0,
            Some('东') => 1,
            Some('青') => 2,
            _ => 9,
        }
    }
    let by_pinyin = |a: &str, b: &str| pinyin(a).cmp(&pinyin(b));
    let files = [
        open("w1", &centre("qingshan", "青山镇卫生院", "东岭县", 48, 40)),
        open("w2", &centre("dongling", "东岭乡卫生院", "白水县", 30, 30)),
        open("w3", &centre("baishui", "白水镇卫生院", "青山县", 20, 17)),
    ];
    let r = rollup(files.iter().map(|f| (f, None)), "thc-standard");
    fn names(rows: &[RollupRow]) -> Vec<&str> {
        rows.iter().map(|r| r.centre_name.as_str()).collect()
    }

    let mut rows = r.rows.clone();
    sort_rows(
        &mut rows,
        SortKey::Centre,
        SortDirection::Ascending,
        &by_pinyin,
    );
    assert_eq!(
        names(&rows),
        ["白水镇卫生院", "东岭乡卫生院", "青山镇卫生院"]
    );
    sort_rows(
        &mut rows,
        SortKey::Centre,
        SortDirection::Ascending,
        &code_point_order,
    );
    assert_eq!(
        names(&rows),
        ["东岭乡卫生院", "白水镇卫生院", "青山镇卫生院"]
    );
    // Counties too, and the tie-break on centre name (equal gap counts) uses the same order.
    sort_rows(
        &mut rows,
        SortKey::County,
        SortDirection::Descending,
        &by_pinyin,
    );
    assert_eq!(
        names(&rows),
        ["白水镇卫生院", "青山镇卫生院", "东岭乡卫生院"]
    );
    let across = criterion_across(
        files.iter().map(|f| (f, None)),
        "thc.ethics.disclosure",
        false,
        Lang::Zh,
        &by_pinyin,
    );
    let across: Vec<&str> = across.iter().map(|r| r.centre_name.as_str()).collect();
    assert_eq!(across, ["白水镇卫生院", "东岭乡卫生院", "青山镇卫生院"]);
}

#[test]
fn sorting_is_exact_stable_and_puts_missing_values_last() {
    let files = three_centres();
    let r = rollup(files.iter().map(|f| (f, None)), "thc-standard");
    let names = |rows: &[RollupRow]| {
        rows.iter()
            .map(|r| r.centre_name.clone())
            .collect::<Vec<_>>()
    };

    let mut rows = r.rows.clone();
    sort_rows(
        &mut rows,
        SortKey::Centre,
        SortDirection::Ascending,
        &code_point_order,
    );
    assert_eq!(
        names(&rows),
        ["白水镇卫生院", "翠屏乡卫生院", "青山镇卫生院"]
    );
    sort_rows(
        &mut rows,
        SortKey::Centre,
        SortDirection::Descending,
        &code_point_order,
    );
    assert_eq!(
        names(&rows),
        ["青山镇卫生院", "翠屏乡卫生院", "白水镇卫生院"]
    );

    // Beds: 翠屏 has none entered, so it is last both ways.
    sort_rows(
        &mut rows,
        SortKey::BedClass,
        SortDirection::Ascending,
        &code_point_order,
    );
    assert_eq!(
        names(&rows),
        ["青山镇卫生院", "白水镇卫生院", "翠屏乡卫生院"]
    );
    sort_rows(
        &mut rows,
        SortKey::BedClass,
        SortDirection::Descending,
        &code_point_order,
    );
    assert_eq!(
        names(&rows),
        ["白水镇卫生院", "青山镇卫生院", "翠屏乡卫生院"]
    );

    // Staffing compliance: 30/30 and 17/20 (85%) meet the share, 40/48 does not.
    let staffing = r.sections.iter().position(|c| c.id == "staffing").unwrap();
    sort_rows(
        &mut rows,
        SortKey::Section(staffing),
        SortDirection::Ascending,
        &code_point_order,
    );
    assert_eq!(rows[0].centre_name, "青山镇卫生院");
    sort_rows(
        &mut rows,
        SortKey::Gaps,
        SortDirection::Descending,
        &code_point_order,
    );
    assert!(rows[0].gaps >= rows[1].gaps && rows[1].gaps >= rows[2].gaps);
    sort_rows(
        &mut rows,
        SortKey::Status,
        SortDirection::Ascending,
        &code_point_order,
    );
    assert_eq!(rows.len(), 3);
}

#[test]
fn filtering_by_text_and_review_status() {
    let files = three_centres();
    let mut review = signed_review();
    review.conclusion = Some(Conclusion::Pass);
    let draft = {
        let mut d = Review::new(day("2026-12-01"));
        d.set_verdict("thc.ethics.disclosure", Some(ItemVerdict::Agree));
        d
    };
    let reviews = [None, Some(&review), Some(&draft)];
    let r = rollup(files.iter().zip(reviews), "thc-standard");
    let shown = |f: RollupFilter| {
        r.rows
            .iter()
            .filter(|row| row.matches(&f))
            .map(|row| row.centre_name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(RollupFilter::default()).len(), 3);
    assert_eq!(
        shown(RollupFilter {
            text: "平阳".into(),
            status: None
        }),
        ["青山镇卫生院", "翠屏乡卫生院"]
    );
    assert_eq!(
        shown(RollupFilter {
            text: " 平阳  青山 ".into(),
            status: None
        }),
        ["青山镇卫生院"]
    );
    assert_eq!(
        shown(RollupFilter {
            text: "W2.JSON".into(),
            status: None
        }),
        ["白水镇卫生院"],
        "file names match, case-insensitively"
    );
    assert_eq!(
        shown(RollupFilter {
            text: String::new(),
            status: Some(ReviewStatus::Concluded(Conclusion::Pass))
        }),
        ["白水镇卫生院"]
    );
    assert_eq!(
        shown(RollupFilter {
            text: String::new(),
            status: Some(ReviewStatus::InProgress)
        }),
        ["翠屏乡卫生院"]
    );
    assert_eq!(
        shown(RollupFilter {
            text: String::new(),
            status: Some(ReviewStatus::NotStarted)
        }),
        ["青山镇卫生院"]
    );
}

#[test]
fn graded_catalogues_show_the_highest_tier_reached() {
    let g = catalogue("national-graded-sample");
    let now = at("2026-11-20T10:00:00+08:00");
    let mut a = Assessment::new(
        "graded-a",
        g,
        Profile {
            centre_name: "东山镇卫生院".into(),
            ..Profile::default()
        },
        now,
    );
    for c in g.criteria() {
        if let thc_core::catalogue::CriterionKind::Graded { graded } = &c.criterion.kind {
            if graded.sub_items.is_empty() {
                a.set_grade(&c.criterion.id, Grade::A, now);
            } else {
                for s in &graded.sub_items {
                    a.set_sub_item(&c.criterion.id, &s.id, true, now);
                }
            }
        }
    }
    let mut low = a.clone();
    low.id = "graded-b".into();
    low.profile.centre_name = "西山镇卫生院".into();
    for c in g.criteria() {
        if matches!(c.criterion.kind, thc_core::catalogue::CriterionKind::Graded { ref graded } if graded.sub_items.is_empty())
        {
            low.set_grade(&c.criterion.id, Grade::D, now);
        }
    }
    let file = |id: &str, a: &Assessment| {
        CentreFile::open(
            id,
            "g.json",
            exchange::export_json(a, g, None, now).as_bytes(),
            now,
        )
        .unwrap()
    };
    let files = [file("g1", &a), file("g2", &low)];
    let uses = catalogues_in(files.iter());
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].files, 2);
    let r = rollup(files.iter().map(|f| (f, None)), "national-graded-sample");
    assert_eq!(r.tiers.len(), 3);
    let top = r.rows[0].tier.unwrap().unwrap();
    assert_eq!(r.tiers[top].id, "recommended");
    assert_eq!(
        thc_core::county::tier_text(&r, &r.rows[0], Lang::Zh),
        "推荐标准"
    );
    assert_eq!(r.rows[1].tier, Some(None));
    assert_eq!(
        thc_core::county::tier_text(&r, &r.rows[1], Lang::Zh),
        "未达到"
    );
    let mut rows = r.rows.clone();
    sort_rows(
        &mut rows,
        SortKey::Tier,
        SortDirection::Ascending,
        &code_point_order,
    );
    assert_eq!(rows[0].centre_name, "西山镇卫生院");
}

#[test]
fn the_roll_up_exports_as_a_workbook() {
    let files = three_centres();
    let r = rollup(files.iter().map(|f| (f, None)), "thc-standard");
    let rows: Vec<&RollupRow> = r.rows.iter().collect();
    let bytes = rollup_xlsx(&r, &rows, Lang::Zh, at("2026-12-01T11:00:00+08:00"));
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let end = &bytes[bytes.len() - 22..];
    assert_eq!(&end[..4], b"PK\x05\x06");
    assert_eq!(u16::from_le_bytes([end[10], end[11]]), 6, "six parts");
    let text = String::from_utf8_lossy(&bytes);
    for needle in [
        "县级汇总",
        "青山镇卫生院",
        "白水镇卫生院",
        "人员配备（%）",
        "复核状态",
        "未复核",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // Header plus one row per centre.
    assert_eq!(text.matches("<row ").count(), 4);
    // Compliance cells are numbers, truncated to one decimal.
    let staffing = r.sections.iter().position(|c| c.id == "staffing").unwrap();
    let f = r.rows[0].sections[staffing].unwrap();
    let tenths = u128::from(f.num) * 1000 / u128::from(f.den);
    assert!(text.contains(&format!("<v>{}.{}</v>", tenths / 10, tenths % 10)));
}

// --- One criterion across centres --------------------------------------------------------------

#[test]
fn which_centres_fail_the_health_tech_share() {
    let files = three_centres();
    let mut review = Review::new(day("2026-12-01"));
    review.set_verdict(
        "thc.staff.health-tech-share",
        Some(ItemVerdict::NeedsEvidence),
    );
    let all = criterion_across(
        files.iter().map(|f| (f, (f.id == "w1").then_some(&review))),
        "thc.staff.health-tech-share",
        false,
        Lang::Zh,
        &code_point_order,
    );
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].centre_name, "青山镇卫生院", "gaps first");
    assert_eq!(all[0].verdict, Verdict::Gap);
    assert!(all[0].figure.contains("40 ÷ 48"), "{}", all[0].figure);
    assert_eq!(
        all[0].review.as_ref().and_then(|i| i.verdict),
        Some(ItemVerdict::NeedsEvidence)
    );
    let failing = criterion_across(
        files.iter().map(|f| (f, None)),
        "thc.staff.health-tech-share",
        true,
        Lang::Zh,
        &code_point_order,
    );
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].centre_name, "青山镇卫生院");
    let evidence = criterion_across(
        files.iter().map(|f| (f, None)),
        "thc.ethics.disclosure",
        false,
        Lang::Zh,
        &code_point_order,
    );
    assert!(evidence.iter().all(|r| r.evidence.contains("收费公示栏")));
    assert!(criterion_across(
        files.iter().map(|f| (f, None)),
        "no.such",
        false,
        Lang::Zh,
        &code_point_order
    )
    .is_empty());
}

// --- Comparing two assessments -------------------------------------------------------------------

#[test]
fn compare_finds_improvements_regressions_and_new_gaps() {
    let now = at("2027-11-20T10:00:00+08:00");
    let last = centre("q2026", "青山镇卫生院", "平阳县", 48, 40);
    let mut this = last.next_year_copy("q2027".into(), now);
    this.set_input("health_tech_staff", Some(42), now); // 42/48 = 87.5%: the gap closes
    this.set_status("thc.ethics.disclosure", Status::NotMet, now); // partly → not met
    this.set_status("thc.staff.legal-qualification", Status::Partly, now); // met → partly: new gap
    this.set_status("thc.mgmt.naming", Status::Met, now); // newly answered as met
    let c = compare(thc(), &last, &this);
    let ids = |k: ChangeKind| {
        c.of_kind(k)
            .map(|ch| ch.criterion_id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(ChangeKind::Improved), ["thc.staff.health-tech-share"]);
    assert_eq!(ids(ChangeKind::Regressed), ["thc.ethics.disclosure"]);
    assert_eq!(ids(ChangeKind::NewGap), ["thc.staff.legal-qualification"]);
    assert_eq!(ids(ChangeKind::Other), ["thc.mgmt.naming"]);
    let ch = c.of_kind(ChangeKind::Improved).next().unwrap();
    assert_eq!((ch.before, ch.after), (Verdict::Gap, Verdict::Met));
    assert!(c
        .after_result(ch)
        .is_some_and(|r| r.verdict == Verdict::Met));
    assert_eq!(c.sections.len(), thc().sections.len());
    assert_eq!(c.count(ChangeKind::NewGap), 1);
    // Nothing changed: nothing listed.
    assert!(compare(thc(), &last, &last).changes.is_empty());
    for k in ChangeKind::ALL {
        assert_ne!(k.label(Lang::Zh), k.label(Lang::En));
    }
}

#[test]
fn graded_clauses_compare_by_grade() {
    let g = catalogue("national-graded-sample");
    let now = at("2026-11-20T10:00:00+08:00");
    let mut before = Assessment::new("g1", g, Profile::default(), now);
    before.set_grade("g.1.1", Grade::C, now);
    before.set_grade("g.1.2", Grade::A, now);
    before.set_grade("g.1.3", Grade::A, now);
    let mut after = before.clone();
    after.set_grade("g.1.1", Grade::B, now);
    after.set_grade("g.1.2", Grade::C, now);
    after.set_grade("g.1.3", Grade::D, now);
    let c = compare(g, &before, &after);
    let kind = |id: &str| {
        c.changes
            .iter()
            .find(|ch| ch.criterion_id == id)
            .map(|ch| ch.kind)
    };
    assert_eq!(kind("g.1.1"), Some(ChangeKind::Improved));
    assert_eq!(kind("g.1.2"), Some(ChangeKind::Regressed));
    assert_eq!(kind("g.1.3"), Some(ChangeKind::NewGap));
}

#[test]
fn files_of_one_centre_are_grouped_oldest_first() {
    let now = at("2027-11-20T10:00:00+08:00");
    let last = centre("q2026", "青山镇卫生院", "平阳县", 48, 40);
    let this = last.next_year_copy("q2027".into(), now);
    let files = [
        open("w1", &this),
        open("w2", &centre("b", "白水镇卫生院", "安远县", 20, 17)),
        open("w3", &last),
        open("w4", &centre("n", "  ", "安远县", 20, 17)),
    ];
    let refs: Vec<&CentreFile> = files.iter().collect();
    let groups = same_centre_groups(&refs);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].0, "青山镇卫生院");
    let ids: Vec<&str> = groups[0].1.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["w3", "w1"]);
}

// --- The workspace in localStorage ---------------------------------------------------------------

#[test]
fn workspace_keys_never_collide_with_assessment_keys() {
    assert_eq!(entry_key("abc").as_deref(), Some("thc-assess.r.abc"));
    assert_eq!(
        entry_backup_key("abc").as_deref(),
        Some("thc-assess.rb.abc")
    );
    assert_eq!(entry_key("a.b"), None);
    assert_eq!(entry_key(""), None);
    assert_eq!(
        thc_core::store::workspace::quarantine_id("abc").as_deref(),
        Some("r-abc")
    );
    let keys = [
        "thc-assess.r.one",
        "thc-assess.rb.one",
        "thc-assess.a.one",
        "thc-assess.r.two",
        "thc-assess.r.bad.id",
        "thc-assess.quarantine.r-one.1",
        "other.r.x",
    ];
    assert_eq!(entry_ids(keys), ["one", "two"]);
    assert_eq!(
        thc_core::store::assessment_ids(keys),
        ["one"],
        "workspace entries are not listed as assessments"
    );
}

fn stored(id: &str) -> thc_core::store::workspace::StoredEntry {
    let a = centre("qingshan", "青山镇卫生院", "平阳县", 48, 40);
    new_entry(
        id,
        "青山.json",
        &format!("\u{feff}{}", export(&a)),
        None,
        at("2026-12-01T09:00:00+08:00"),
    )
}

#[test]
fn a_tab_follows_what_another_tab_stored_but_never_drops_its_own_unsaved_edits() {
    use std::collections::{BTreeMap, BTreeSet};
    let with_revision = |id: &str, revision: u64| {
        let mut e = stored(id);
        e.revision = revision;
        e
    };
    // This tab holds: kept (rev 2), edited (rev 2, unsaved edits), gone (rev 1),
    // gone-but-edited (rev 1, unsaved), local-only (never stored: storage was full).
    let held: BTreeMap<String, thc_core::store::workspace::StoredEntry> = [
        ("kept", 2),
        ("edited", 2),
        ("gone", 1),
        ("goneedited", 1),
        ("localonly", 0),
    ]
    .into_iter()
    .map(|(id, r)| (id.to_string(), with_revision(id, r)))
    .collect();
    let unsaved: BTreeSet<String> = ["edited", "goneedited"].map(String::from).into();
    let not_kept: BTreeSet<String> = ["localonly"].map(String::from).into();
    // Storage now: kept at rev 3 (saved in the other tab), edited at rev 3, a new file.
    let now_stored = vec![
        with_revision("kept", 3),
        with_revision("edited", 3),
        with_revision("fresh", 1),
    ];
    let sync = thc_core::store::workspace::plan_sync(&held, &unsaved, &not_kept, now_stored);
    let ids = |v: &[thc_core::store::workspace::StoredEntry]| {
        v.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&sync.added), ["fresh"]);
    assert_eq!(
        ids(&sync.updated),
        ["kept"],
        "unsaved edits are not replaced"
    );
    assert_eq!(sync.updated[0].revision, 3);
    assert_eq!(
        sync.removed,
        ["gone"],
        "unsaved and never-stored files stay"
    );

    // Nothing changed elsewhere: nothing to do (an older or equal revision is not news).
    let same = vec![with_revision("kept", 2), with_revision("edited", 1)];
    let held_two: BTreeMap<String, thc_core::store::workspace::StoredEntry> =
        [("kept", 2), ("edited", 2)]
            .into_iter()
            .map(|(id, r)| (id.to_string(), with_revision(id, r)))
            .collect();
    assert!(thc_core::store::workspace::plan_sync(
        &held_two,
        &BTreeSet::new(),
        &BTreeSet::new(),
        same
    )
    .is_empty());
}

#[test]
fn a_stored_entry_round_trips_and_its_compacted_file_still_verifies() {
    let entry = stored("w1");
    assert!(!entry.text.contains('\n'), "layout whitespace is dropped");
    assert!(!entry.text.starts_with('\u{feff}'));
    let text = encode_entry(&entry);
    assert_eq!(decode_entry("w1", &text).unwrap(), entry);
    let file = reopen(&entry, Lang::Zh).unwrap();
    assert_eq!(file.id, "w1");
    assert_eq!(file.file_name, "青山.json");
    assert!(file.imported.integrity.is_verified());
    // A value copied under another key is not taken for that key's entry.
    assert!(matches!(
        decode_entry("w2", &text),
        Err(EntryProblem::Corrupt { .. })
    ));
    // A stored file that no longer passes the import checks is reported by name.
    let mut broken = entry.clone();
    broken.text = broken.text.replace("青山镇卫生院", "红山镇卫生院");
    let problem = reopen(&broken, Lang::Zh).unwrap_err();
    assert!(
        problem.message(Lang::Zh).starts_with("青山.json："),
        "{}",
        problem.message(Lang::Zh)
    );
}

#[test]
fn saving_writes_the_backup_first_and_never_overwrites_a_newer_save() {
    let t1 = at("2026-12-01T09:00:00+08:00");
    let t2 = at("2026-12-01T09:05:00+08:00");
    let mut entry = stored("w1");
    // First save: nothing stored, no backup.
    let EntrySavePlan::Write {
        backup,
        main,
        revision,
    } = plan_entry_save(None, &entry, t1)
    else {
        panic!("first save writes");
    };
    assert_eq!((backup, revision), (None, 1));
    // Second save from revision 1: the previous entry becomes the backup.
    entry.revision = 1;
    entry.review = Some(signed_review());
    let EntrySavePlan::Write {
        backup,
        main: main2,
        revision,
    } = plan_entry_save(Some(&main), &entry, t2)
    else {
        panic!("second save writes");
    };
    assert_eq!(backup.as_deref(), Some(main.as_str()));
    assert_eq!(revision, 2);
    let saved = decode_entry("w1", &main2).unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(saved.saved_at, t2);
    assert_eq!(saved.review, Some(signed_review()));
    // A tab still at revision 1 must not overwrite revision 2.
    assert_eq!(
        plan_entry_save(Some(&main2), &entry, t2),
        EntrySavePlan::Conflict { theirs: 2 }
    );
    // A newer layout is never overwritten.
    let newer = main2.replacen("\"layout\":1", "\"layout\":9", 1);
    assert!(matches!(
        plan_entry_save(Some(&newer), &entry, t2),
        EntrySavePlan::Blocked { .. }
    ));
    // Unreadable stored text gets no backup (the caller quarantines it first).
    let EntrySavePlan::Write { backup, .. } = plan_entry_save(Some("{garbage"), &entry, t2) else {
        panic!("writes over quarantined text");
    };
    assert_eq!(backup, None);
}

#[test]
fn loading_recovers_from_the_backup_and_leaves_newer_entries_alone() {
    let entry = stored("w1");
    let good = encode_entry(&entry);
    assert_eq!(
        load_entry("w1", Some(&good), None),
        EntryLoad::Loaded(entry.clone())
    );
    assert_eq!(load_entry("w1", None, Some(&good)), EntryLoad::Missing);
    match load_entry("w1", Some("{\"layout\":1,"), Some(&good)) {
        EntryLoad::Recovered { entry: e, problem } => {
            assert_eq!(e, entry);
            assert!(matches!(problem, EntryProblem::Corrupt { .. }));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        load_entry("w1", Some(""), None),
        EntryLoad::Unreadable { .. }
    ));
    let newer = good.replacen("\"layout\":1", "\"layout\":2", 1);
    match load_entry("w1", Some(&newer), Some(&good)) {
        EntryLoad::Newer { problem } => assert!(problem.message(Lang::Zh).contains("较新版本")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_printed_report_lists_the_remarks_in_catalogue_order() {
    let mut review = signed_review();
    review.set_comment("no.such.criterion", "旧版条款的意见");
    review.set_overall_comment("  人员配备两项需整改后复核。 ");
    let summary = thc_core::present::report::report_summary(&review, thc(), Lang::Zh);
    assert_eq!(summary.reviewer, "张科长");
    assert_eq!(summary.reviewed_on, "2026-12-01");
    assert_eq!(summary.conclusion, "整改后复核");
    assert_eq!(summary.comment, "人员配备两项需整改后复核。");
    let remarks: Vec<(&str, &str)> = summary
        .remarks
        .iter()
        .map(|lv| (lv.label.as_str(), lv.value.as_str()))
        .collect();
    assert_eq!(
        remarks,
        [
            (
                "卫生技术人员占职工总数不低于85%",
                "不同意：花名册中 3 人为工勤人员"
            ),
            ("医德规范、纪律、收费和药价公开", "同意"),
            ("no.such.criterion", "未复核：旧版条款的意见"),
        ]
    );
    let mut draft = Review::new(day("2026-12-01"));
    draft.set_verdict("thc.ethics.disclosure", Some(ItemVerdict::Agree));
    assert_eq!(
        thc_core::present::report::report_summary(&draft, thc(), Lang::En).conclusion,
        ""
    );
}

#[test]
fn the_director_keeps_the_review_in_storage_and_on_the_report() {
    let mut a = centre("qingshan", "青山镇卫生院", "平阳县", 48, 40);
    let f = open("w1", &a);
    let reviewed = f
        .export_reviewed(&signed_review(), at("2026-12-01T11:00:00+08:00"))
        .unwrap();
    a = exchange::read_file::<&str>(reviewed.as_bytes(), &[])
        .unwrap()
        .assessment;
    assert_eq!(a.review, Some(signed_review()));

    // Stored and read back with the director's data (older entries without it still load:
    // tests/core_persist.rs reads the layout-1 fixture byte for byte).
    let stored = thc_core::store::StoredAssessment {
        layout: thc_core::store::LAYOUT_VERSION,
        revision: 3,
        saved_at: at("2026-12-02T09:00:00+08:00"),
        writer: "tab-x".into(),
        last_exported_at: None,
        assessment: a.clone(),
    };
    let text = thc_core::store::encode_stored(&stored).unwrap();
    assert!(text.contains("\"review\":{"));
    assert_eq!(thc_core::store::decode(&text).unwrap(), stored);
    let without = Assessment {
        review: None,
        ..a.clone()
    };
    let text = serde_json::to_string(&without).unwrap();
    assert!(!text.contains("review"), "no review, no key");

    // The printed report shows it.
    let e = thc_core::evaluation::evaluate(thc(), &a);
    let m = thc_core::present::report::ReportModel::build(thc(), &a, &e, Lang::Zh);
    let r = m.review.unwrap();
    assert_eq!(r.conclusion, "整改后复核");
    assert_eq!(r.remarks.len(), 2);

    // Next year's assessment starts without last year's review.
    let next = a.next_year_copy("q2027".into(), at("2027-11-01T09:00:00+08:00"));
    assert_eq!(next.review, None);
    assert_eq!(next.items, a.items);
}

#[test]
fn compacting_drops_layout_whitespace_and_nothing_inside_strings() {
    let text = "\u{feff}{\n  \"a\" : \"x \\\" y \\\\\",\r\n\t\"b\": [1, 2],\n  \"c\": \"行 一\\n行 二 \"\n}\n";
    let compact = thc_core::exchange::compact_file_text(text);
    assert_eq!(
        compact,
        "{\"a\":\"x \\\" y \\\\\",\"b\":[1,2],\"c\":\"行 一\\n行 二 \"}"
    );
    let a: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
    let b: Value = serde_json::from_str(&compact).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_file_carrying_a_provinces_catalogue_is_reviewed_against_that_catalogue() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/import/embedded-catalogue.json"
    ))
    .unwrap();
    let f = CentreFile::open(
        "p1",
        "province.json",
        &bytes,
        at("2026-12-01T09:00:00+08:00"),
    )
    .unwrap();
    assert!(!f.imported.catalogue.is_bundled());
    let id = f.catalogue().id.clone();
    assert_eq!(catalogues_in([&f])[0].id, id);
    let r = rollup([(&f, None)], &id);
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.sections.len(), f.catalogue().sections.len());
    // The reviewed file carries the catalogue again and reads back.
    let reviewed = f
        .export_reviewed(&signed_review(), at("2026-12-01T11:00:00+08:00"))
        .unwrap();
    let again = CentreFile::open(
        "p2",
        "r.json",
        reviewed.as_bytes(),
        at("2026-12-02T09:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(again.catalogue(), f.catalogue());
    assert_eq!(again.assessment().items, f.assessment().items);
}
