// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! What the director typed is what is judged (issue 14): a refused text is kept as typed and
//! never judged; contradictions block what reads them; shares inside their whole say the real
//! number to hire; the engine's edges; what the card, the summary and the report say agree.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;
use serde_json::Value;
use std::cmp::Ordering;
use thc_core::assessment::{parse_input, Assessment, InputIssueKind, Profile, Severity, Status};
use thc_core::base::exact::{
    nested_additions_needed, nested_removals_needed, nested_removals_to_cap, ratio_cmp, Fraction,
};
use thc_core::catalogue::{bundled, Catalogue, CentreType, Lang};
use thc_core::evaluation::{evaluate, Explanation, TierStatus, Verdict};
use thc_core::exchange::{content_digest, export_json, read_file, ImportError};
use thc_core::present::explain::{self, explain};
use thc_core::present::report::ReportModel;

fn catalogue(id: &str) -> &'static Catalogue {
    bundled().iter().find(|c| c.id == id).unwrap()
}

fn thc() -> &'static Catalogue {
    catalogue("thc-standard")
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-02T09:00:00+08:00").unwrap()
}

fn new_assessment(cat: &Catalogue, centre_type: Option<CentreType>) -> Assessment {
    let profile = Profile {
        centre_name: "青山镇卫生院".into(),
        centre_type,
        year: Some(2026),
        ..Profile::default()
    };
    Assessment::new("t1", cat, profile, now())
}

/// Types `text` into the field one character at a time, as a browser's input events do.
fn type_into(a: &mut Assessment, cat: &Catalogue, input: &str, text: &str) {
    let mut typed = String::new();
    for ch in text.chars() {
        typed.push(ch);
        let _ = a.set_input_text(cat, input, &typed, now());
    }
}

fn verdict_of(cat: &Catalogue, a: &Assessment, id: &str) -> Verdict {
    evaluate(cat, a).result(id).unwrap().verdict
}

fn line_of(cat: &Catalogue, a: &Assessment, id: &str) -> String {
    let e = evaluate(cat, a);
    explain(cat, e.result(id).unwrap(), Lang::Zh)
}

fn report_text(cat: &Catalogue, a: &Assessment) -> String {
    let m = ReportModel::build(cat, a, &evaluate(cat, a), Lang::Zh);
    format!("{m:?}")
}

// --- 1. Refused input is never judged ------------------------------------------------------------

#[test]
fn a_rate_above_100_is_kept_as_typed_and_never_judged_on_its_prefix() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    type_into(&mut a, cat, "vaccine_coverage", "120");
    // The field keeps "120"; the value "12" the prefix once parsed to is gone.
    assert_eq!(a.rejected_input("vaccine_coverage"), Some("120"));
    assert_eq!(a.input("vaccine_coverage"), None);
    assert_eq!(
        verdict_of(cat, &a, "thc.ph.vaccine-coverage"),
        Verdict::NeedsCorrection
    );
    let line = line_of(cat, &a, "thc.ph.vaccine-coverage");
    assert!(line.contains("“120”"), "{line}");
    assert!(line.contains("不能大于 100%"), "{line}");
    assert!(!line.contains("12%"), "{line}");
    // The data card holding it needs correction too, and the report says so, never "= 12%".
    assert_eq!(
        verdict_of(cat, &a, "thc.ph.inputs"),
        Verdict::NeedsCorrection
    );
    let report = report_text(cat, &a);
    assert!(!report.contains("= 12%"), "{report}");
    assert!(report.contains("待更正"), "{report}");
    let m = ReportModel::build(cat, &a, &evaluate(cat, &a), Lang::Zh);
    let ids: Vec<&str> = m
        .corrections
        .iter()
        .map(|c| c.criterion_id.as_str())
        .collect();
    assert_eq!(ids, ["thc.ph.inputs", "thc.ph.vaccine-coverage"]);
    assert!(
        m.overall.summary_line.contains("待更正 2"),
        "{}",
        m.overall.summary_line
    );
    // Not a gap either: the gap list and the action plan do not hold it.
    assert!(m.gap_groups.iter().all(|g| g
        .items
        .iter()
        .all(|i| i.criterion_id != "thc.ph.vaccine-coverage")));

    // Corrected: judged on exactly the value typed.
    a.set_input_text(cat, "vaccine_coverage", "92", now())
        .unwrap();
    assert_eq!(a.rejected_input("vaccine_coverage"), None);
    assert_eq!(verdict_of(cat, &a, "thc.ph.vaccine-coverage"), Verdict::Met);
}

#[test]
fn a_fractional_head_count_and_a_number_with_a_unit_are_not_truncated() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    type_into(&mut a, cat, "staff_total", "48.5");
    type_into(&mut a, cat, "health_tech_staff", "95人");
    assert_eq!(a.input("staff_total"), None, "never 48");
    assert_eq!(a.input("health_tech_staff"), None, "never 95");
    assert_eq!(
        verdict_of(cat, &a, "thc.staff.health-tech-share"),
        Verdict::NeedsCorrection
    );
    let line = line_of(cat, &a, "thc.staff.health-tech-share");
    assert!(line.contains("“48.5”（须为整数）"), "{line}");
    assert!(line.contains("“95人”（不是数字）"), "{line}");
    // Stored and read back (a reload): the same texts, the same verdict.
    let back: Assessment = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(back.rejected_input("staff_total"), Some("48.5"));
    assert_eq!(back.rejected_input("health_tech_staff"), Some("95人"));
    assert_eq!(
        verdict_of(cat, &back, "thc.staff.health-tech-share"),
        Verdict::NeedsCorrection
    );
    // What is still accepted stays accepted.
    for (text, value) in [("４８", 48), ("1,048", 1048), (" 48 ", 48)] {
        assert_eq!(
            a.set_input_text(cat, "staff_total", text, now()),
            Ok(Some(value))
        );
    }
    assert_eq!(
        a.set_input_text(cat, "vaccine_coverage", "92%", now()),
        Ok(Some(9200))
    );
}

#[test]
fn a_refused_population_holds_back_what_depends_on_it_to_apply() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    a.set_input_text(cat, "resident_population", "3万", now())
        .unwrap_err();
    a.set_input_text(cat, "temporary_population", "0", now())
        .unwrap();
    a.set_input_text(cat, "floor_area", "250", now()).unwrap();
    a.set_input_text(cat, "beds", "0", now()).unwrap();
    // Whether the small-township floor area applies hangs on the population: not judged.
    for id in ["thc.profile.floor-area-small", "thc.imm.staff"] {
        assert_eq!(verdict_of(cat, &a, id), Verdict::NeedsCorrection, "{id}");
    }
}

fn arb_typed() -> impl Strategy<Value = String> {
    // Digits, separators, signs, units and letters a director might type or paste.
    proptest::collection::vec(
        prop_oneof![
            Just('0'),
            Just('1'),
            Just('2'),
            Just('5'),
            Just('9'),
            Just('.'),
            Just(','),
            Just('%'),
            Just('-'),
            Just(' '),
            Just('９'),
            Just('人'),
            Just('x'),
        ],
        1..8,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    /// For any text typed character by character, the verdict is computed from the parsed
    /// value of that exact text, or not at all.
    #[test]
    fn the_verdict_reads_the_exact_text_typed_or_nothing(text in arb_typed(), percent in any::<bool>()) {
        let cat = thc();
        let (input, rule) = if percent {
            ("vaccine_coverage", "thc.ph.vaccine-coverage")
        } else {
            ("prevention_staff", "thc.staff.prevention")
        };
        let mut a = new_assessment(cat, Some(CentreType::General));
        type_into(&mut a, cat, input, &text);
        let e = evaluate(cat, &a);
        let r = e.result(rule).unwrap();
        match parse_input(cat.input(input).unwrap(), &text) {
            Ok(v) => {
                prop_assert_eq!(a.input(input), Some(v));
                prop_assert_eq!(a.rejected_input(input), None);
                match &r.explanation {
                    Explanation::Threshold(t) => prop_assert_eq!(t.value, v),
                    other => prop_assert!(false, "{:?}", other),
                }
            }
            Err(_) if text.trim().is_empty() => {
                prop_assert_eq!(a.input(input), None);
                prop_assert_eq!(r.verdict, Verdict::NotAnswered);
            }
            Err(_) => {
                prop_assert_eq!(a.input(input), None);
                prop_assert_eq!(a.rejected_input(input), Some(text.as_str()));
                prop_assert_eq!(r.verdict, Verdict::NeedsCorrection);
            }
        }
    }
}

// --- 2. Contradictions block the verdicts that read them -----------------------------------------

#[test]
fn more_health_technical_staff_than_staff_is_not_judged() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    a.set_input_text(cat, "staff_total", "48", now()).unwrap();
    a.set_input_text(cat, "health_tech_staff", "50", now())
        .unwrap();
    let e = evaluate(cat, &a);
    assert!(e.input_issues.iter().any(|i| i.severity == Severity::Error
        && i.input_id == "health_tech_staff"
        && matches!(i.kind, InputIssueKind::AboveOther { .. })));
    // Never "达标 104.2%".
    assert_eq!(
        verdict_of(cat, &a, "thc.staff.health-tech-share"),
        Verdict::NeedsCorrection
    );
    assert_eq!(
        verdict_of(cat, &a, "thc.staff.inputs"),
        Verdict::NeedsCorrection
    );
    let line = line_of(cat, &a, "thc.staff.health-tech-share");
    assert!(line.contains("互相矛盾"), "{line}");
    assert!(
        line.contains("在编职工总数") && line.contains("卫生技术人员"),
        "{line}"
    );
    assert!(!report_text(cat, &a).contains("104.2%"));
}

#[test]
fn more_tcm_physicians_than_clinical_physicians_is_not_judged() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    for (id, v) in [
        ("staff_total", "60"),
        ("health_tech_staff", "50"),
        ("clinical_physicians", "16"),
        ("clinical_assistant_physicians", "0"),
        ("tcm_physicians", "20"),
        ("tcm_assistant_physicians", "0"),
    ] {
        a.set_input_text(cat, id, v, now()).unwrap();
    }
    // Never "达标（附注）" at 125%.
    assert_eq!(
        verdict_of(cat, &a, "thc.staff.tcm-share"),
        Verdict::NeedsCorrection
    );
    // A rule that reads neither stays judged.
    assert_eq!(
        verdict_of(cat, &a, "thc.staff.prevention"),
        Verdict::NotAnswered
    );
    assert_eq!(
        verdict_of(cat, &a, "thc.staff.health-tech-share"),
        Verdict::Gap
    );
}

// --- 3. How many more, when the count is part of the total ---------------------------------------

fn share(n: u64, d: u64, f: Fraction) -> Ordering {
    ratio_cmp(n, d, f.num, f.den)
}

proptest! {
    /// The number of additions is the smallest that reaches the bound, checked against the
    /// exact comparison, and removals likewise.
    #[test]
    fn nested_answers_are_the_smallest_that_work(
        d in 1u64..500, n_frac in 0u64..=100, num in 1u64..99,
    ) {
        let n = d * n_frac / 100;
        let f = Fraction::new(num, 100);
        if share(n, d, f) == Ordering::Less {
            let k = nested_additions_needed(n, d, f).unwrap();
            prop_assert!(k > 0);
            prop_assert_ne!(share(n + k, d + k, f), Ordering::Less);
            prop_assert_eq!(share(n + k - 1, d + k - 1, f), Ordering::Less);
            match nested_removals_needed(n, d, f) {
                None => prop_assert_eq!(n, 0),
                Some(j) => {
                    prop_assert!(j > 0 && j <= d - n);
                    prop_assert_ne!(share(n, d - j, f), Ordering::Less);
                    prop_assert_eq!(share(n, d - j + 1, f), Ordering::Less);
                }
            }
        }
        if share(n, d, f) == Ordering::Greater {
            let k = nested_removals_to_cap(n, d, f).unwrap();
            prop_assert!(k > 0 && k <= n);
            if k < d {
                prop_assert_ne!(share(n - k, d - k, f), Ordering::Greater);
            }
            prop_assert_eq!(share(n - k + 1, d - k + 1, f), Ordering::Greater);
        }
    }
}

#[test]
fn the_issue_example_40_of_48_needs_6_more_or_1_fewer() {
    let f = Fraction::new(85, 100);
    assert_eq!(nested_additions_needed(40, 48, f), Some(6));
    assert_eq!(nested_removals_needed(40, 48, f), Some(1));
    // Adding can never reach 100%; removals can, while the group is not empty.
    let all = Fraction::new(1, 1);
    assert_eq!(nested_additions_needed(45, 48, all), None);
    assert_eq!(nested_removals_needed(45, 48, all), Some(3));
    assert_eq!(nested_removals_needed(0, 48, f), None);
    assert_eq!(nested_removals_needed(5, 8, Fraction::new(3, 2)), None);
    // Huge counts do not overflow.
    assert!(nested_additions_needed(0, u64::MAX, f).is_some());
}

// --- 4. Engine edges -----------------------------------------------------------------------------

#[test]
fn population_zero_needs_the_floor_of_two_immunization_staff() {
    let cat = thc();
    for (staff, expected) in [(2, Verdict::Met), (1, Verdict::Gap)] {
        let mut a = new_assessment(cat, Some(CentreType::General));
        for (id, v) in [
            ("resident_population", 0),
            ("temporary_population", 0),
            ("staff_total", 10),
            ("immunization_staff", staff),
        ] {
            a.set_input(id, Some(v), now());
        }
        assert_eq!(
            verdict_of(cat, &a, "thc.imm.staff"),
            expected,
            "{staff} staff"
        );
        let line = line_of(cat, &a, "thc.imm.staff");
        assert!(line.contains("要求 ≥ 2 人"), "{line}");
        assert!(!line.contains("无法计算"), "{line}");
    }
}

#[test]
fn a_tier_over_no_applicable_clause_cannot_be_judged() {
    let cat = catalogue("national-graded-sample");
    let mut a = new_assessment(cat, Some(CentreType::General));
    let graded: Vec<String> = cat
        .criteria()
        .filter(|c| c.criterion.is_graded())
        .map(|c| c.criterion.id.clone())
        .collect();
    for id in &graded {
        a.set_not_applicable(id, true, now());
    }
    let e = evaluate(cat, &a);
    let tiers = e.tiers.unwrap();
    assert!(!tiers.tiers.is_empty());
    for t in &tiers.tiers {
        assert_ne!(t.status, TierStatus::Reached, "{}", t.tier_id);
    }
    assert_eq!(tiers.highest_reached, None);
    let lines: Vec<String> = tiers
        .tiers
        .iter()
        .map(|t| explain::tier_line(cat, t, Lang::Zh))
        .collect();
    assert!(lines.iter().any(|l| l.contains("无法判定")), "{lines:?}");
    assert!(lines.iter().all(|l| !l.contains("已达到")), "{lines:?}");
}

#[test]
fn recommended_clauses_all_not_applicable_keep_the_recommended_tier_unjudged() {
    let cat = catalogue("national-graded-sample");
    let mut a = new_assessment(cat, Some(CentreType::General));
    for c in cat.criteria().filter(|c| c.criterion.is_graded()) {
        if c.criterion.importance == thc_core::catalogue::Importance::Recommended {
            a.set_not_applicable(&c.criterion.id, true, now());
        } else {
            a.set_answer(
                &c.criterion.id,
                Some(match &c.criterion.kind {
                    thc_core::catalogue::CriterionKind::Graded { graded }
                        if !graded.sub_items.is_empty() =>
                    {
                        thc_core::assessment::Answer::SubItems(
                            graded
                                .sub_items
                                .iter()
                                .map(|s| (s.id.clone(), true))
                                .collect(),
                        )
                    }
                    _ => thc_core::assessment::Answer::Grade(thc_core::catalogue::Grade::A),
                }),
                now(),
            );
        }
    }
    let tiers = evaluate(cat, &a).tiers.unwrap();
    let with_recommended: Vec<_> = tiers
        .tiers
        .iter()
        .filter(|t| cat.tier(&t.tier_id).unwrap().recommended.is_some())
        .collect();
    assert!(!with_recommended.is_empty());
    for t in with_recommended {
        assert_eq!(t.status, TierStatus::NoClauses, "{}", t.tier_id);
    }
}

// --- 5. A rate typed as a fraction ---------------------------------------------------------------

#[test]
fn a_rate_of_one_percent_or_less_asks_whether_a_percentage_was_meant() {
    let cat = thc();
    for (text, warns) in [
        ("0.92", true),
        ("0.01", true),
        ("1", true),
        ("1.01", false),
        ("0", false),
        ("92", false),
    ] {
        let mut a = new_assessment(cat, Some(CentreType::General));
        a.set_input_text(cat, "vaccine_coverage", text, now())
            .unwrap();
        let e = evaluate(cat, &a);
        let hint = e
            .input_issues
            .iter()
            .find(|i| matches!(i.kind, InputIssueKind::LooksLikeFraction { .. }));
        assert_eq!(hint.is_some(), warns, "{text}");
        if let Some(h) = hint {
            assert_eq!(h.severity, Severity::Warning);
            let m = h.message(cat, Lang::Zh);
            if text == "0.92" {
                assert!(m.contains("是否指 92%"), "{m}");
            }
        }
        // A hint never blocks: the value typed is judged.
        assert_ne!(
            verdict_of(cat, &a, "thc.ph.vaccine-coverage"),
            Verdict::NeedsCorrection
        );
    }
}

// --- 6, 7. Partly answered cards; the population total -------------------------------------------

#[test]
fn a_data_card_with_some_figures_is_partly_answered_on_screen_and_in_the_report() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    for (id, v) in [
        ("vaccine_coverage", "92"),
        ("maternal_mgmt_rate", "85"),
        ("child_mgmt_rate", "81"),
    ] {
        a.set_input_text(cat, id, v, now()).unwrap();
    }
    let e = evaluate(cat, &a);
    assert_eq!(
        e.result("thc.ph.inputs").unwrap().verdict,
        Verdict::PartlyAnswered
    );
    assert_eq!(
        explain::result_label(e.result("thc.ph.inputs").unwrap(), Lang::Zh),
        "部分作答"
    );
    assert!(e.overall.partly_answered >= 1);
    let m = ReportModel::build(cat, &a, &e, Lang::Zh);
    let listed: Vec<&String> = m.unanswered.iter().flat_map(|g| g.titles.iter()).collect();
    let card = listed
        .iter()
        .find(|t| t.starts_with("公共卫生服务指标"))
        .expect("listed");
    assert!(card.contains("部分作答：已填写 3 项"), "{card}");
    assert!(card.contains("65岁及以上老年人年度健康体检率"), "{card}");
    // Its filled rates are judged.
    assert_eq!(verdict_of(cat, &a, "thc.ph.vaccine-coverage"), Verdict::Met);
}

#[test]
fn the_population_card_shows_the_total_it_uses() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::Central));
    a.set_input_text(cat, "resident_population", "38000", now())
        .unwrap();
    a.set_input_text(cat, "temporary_population", "2,000", now())
        .unwrap();
    assert_eq!(
        line_of(cat, &a, "thc.profile.population"),
        "服务人口 = 常住人口 38,000 + 暂住（流动）人口 2,000 = 40,000 人"
    );
    // The radiation rule is explained with a worked number on the card itself.
    let c = cat.find_criterion("thc.profile.population").unwrap();
    assert!(c.criterion.explanation.zh.contains("24,000 ÷ 3"));
}

// --- 10. Labels that agree -----------------------------------------------------------------------

#[test]
fn an_optional_room_reads_optional_not_core_and_not_not_applicable() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    a.set_status("thc.dept.operating-room", Status::NotMet, now());
    let e = evaluate(cat, &a);
    let r = e.result("thc.dept.operating-room").unwrap();
    assert_eq!(explain::result_label(r, Lang::Zh), "未设置（选设）");
    let c = cat
        .find_criterion("thc.dept.operating-room")
        .unwrap()
        .criterion;
    assert_eq!(
        explain::badge_label(c, Some(CentreType::General), Lang::Zh),
        "选设"
    );
    // Required for a central centre: the badge is the importance, and absence is a gap.
    assert_eq!(
        explain::badge_label(c, Some(CentreType::Central), Lang::Zh),
        "核心"
    );
}

#[test]
fn the_director_title_is_a_choice_of_level() {
    let cat = thc();
    for (option, expected) in [
        ("senior", Verdict::Met),
        ("intermediate", Verdict::Met),
        ("junior", Verdict::Gap),
        ("none", Verdict::Gap),
    ] {
        let mut a = new_assessment(cat, Some(CentreType::General));
        a.set_answer(
            "thc.staff.director-title",
            Some(thc_core::assessment::Answer::Choice(option.into())),
            now(),
        );
        assert!(a.check_against(cat).is_empty(), "{option}");
        assert_eq!(verdict_of(cat, &a, "thc.staff.director-title"), expected);
    }
    let mut a = new_assessment(cat, Some(CentreType::General));
    a.set_answer(
        "thc.staff.director-title",
        Some(thc_core::assessment::Answer::Choice("intermediate".into())),
        now(),
    );
    assert_eq!(
        line_of(cat, &a, "thc.staff.director-title"),
        "自评：中级（符合要求）"
    );
    // An answer given before it was a choice is still read, not lost.
    let mut old = new_assessment(cat, Some(CentreType::General));
    old.set_status("thc.staff.director-title", Status::Met, now());
    assert!(old.check_against(cat).is_empty());
    assert_eq!(
        verdict_of(cat, &old, "thc.staff.director-title"),
        Verdict::Met
    );
}

// --- Files carry refused texts, and refuse a "refused" text that is not ---------------------------

fn with_rejected(a: &Assessment, rejected: Value) -> Vec<u8> {
    let text = export_json(a, thc(), None, now());
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["content"]["assessment"]["rejected_inputs"] = rejected;
    let digest = content_digest(&file["content"]);
    file["digest"] = Value::from(digest);
    serde_json::to_vec(&file).unwrap()
}

#[test]
fn an_exported_file_keeps_refused_texts_and_the_import_checks_them() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    a.set_input_text(cat, "staff_total", "48", now()).unwrap();
    type_into(&mut a, cat, "vaccine_coverage", "120");
    let text = export_json(&a, cat, None, now());
    let back = read_file(text.as_bytes(), &[] as &[&str]).unwrap();
    assert_eq!(
        back.assessment.rejected_input("vaccine_coverage"),
        Some("120")
    );
    assert_eq!(back.assessment.input("staff_total"), Some(48));
    assert_eq!(back.assessment.rejected_inputs.len(), 1);

    let clean = new_assessment(cat, Some(CentreType::General));
    // Valid or blank text is not a refusal; an unknown input is refused; a value and a
    // refusal for one input contradict each other.
    for bad in [
        serde_json::json!({"staff_total": "48"}),
        serde_json::json!({"staff_total": "   "}),
        serde_json::json!({"staff_total": "x".repeat(201)}),
        serde_json::json!({"staff_total": 48}),
    ] {
        let bytes = with_rejected(&clean, bad.clone());
        assert!(read_file(&bytes, &[] as &[&str]).is_err(), "{bad}");
    }
    let unknown = with_rejected(&clean, serde_json::json!({"no_such_input": "1x"}));
    assert!(matches!(
        read_file(&unknown, &[] as &[&str]),
        Err(ImportError::UnknownIds { .. })
    ));
    let both = with_rejected(&a, serde_json::json!({"staff_total": "48人"}));
    assert!(read_file(&both, &[] as &[&str]).is_err());
}

#[test]
fn the_workbook_lists_what_needs_correction_and_counts_it() {
    let cat = thc();
    let mut a = new_assessment(cat, Some(CentreType::General));
    type_into(&mut a, cat, "vaccine_coverage", "120");
    let e = evaluate(cat, &a);
    let rows = thc_core::exchange::gap_rows(cat, &a, &e, Lang::Zh, false);
    let fix = rows
        .iter()
        .find(|r| r.criterion_id == "thc.ph.vaccine-coverage")
        .expect("a 待更正 item is a row of the table, not silently dropped");
    assert_eq!(fix.verdict, "待更正");
    assert!(fix.explanation.contains("“120”"), "{}", fix.explanation);
    let summary = thc_core::exchange::summary_rows(cat, &e, Lang::Zh);
    assert_eq!(summary.last().unwrap().needs_correction, 2);
}
