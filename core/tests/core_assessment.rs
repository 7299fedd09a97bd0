// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! Assessment data: input parsing, cross-field checks, edits, files.

use chrono::{DateTime, FixedOffset, NaiveDate};
use thc_core::assessment::{
    check_inputs, parse_input, Action, ActionStatus, Answer, Assessment, AssessmentFileError,
    AssessmentIssue, InputError, InputIssueKind, Profile, Severity, Status,
};
use thc_core::catalogue::{bundled, Catalogue, CentreType, Grade, InputKind, Lang};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-05-01T09:00:00+08:00").unwrap()
}

fn later() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-05-02T16:30:00+08:00").unwrap()
}

fn thc() -> &'static Catalogue {
    bundled().iter().find(|c| c.id == "thc-standard").unwrap()
}

#[test]
fn parsing_counts() {
    let def = thc().input("resident_population").unwrap();
    assert_eq!(parse_input(def, "32000"), Ok(32_000));
    assert_eq!(parse_input(def, " 32,000 "), Ok(32_000));
    assert_eq!(parse_input(def, "３２，０００"), Ok(32_000));
    assert_eq!(parse_input(def, "12.0"), Ok(12));
    assert_eq!(parse_input(def, "+7"), Ok(7));
    assert_eq!(parse_input(def, ""), Err(InputError::Empty));
    assert_eq!(parse_input(def, "   "), Err(InputError::Empty));
    assert_eq!(parse_input(def, "abc"), Err(InputError::NotANumber));
    assert_eq!(parse_input(def, "1e5"), Err(InputError::NotANumber));
    assert_eq!(parse_input(def, "."), Err(InputError::NotANumber));
    assert_eq!(parse_input(def, "-3"), Err(InputError::Negative));
    assert_eq!(parse_input(def, "－3"), Err(InputError::Negative));
    assert_eq!(parse_input(def, "12.5"), Err(InputError::NotInteger));
    assert_eq!(
        parse_input(def, "99999999999999999999999"),
        Err(InputError::TooLarge)
    );
}

#[test]
fn parsing_percentages_in_hundredths() {
    let def = thc().input("vaccine_coverage").unwrap();
    assert_eq!(def.kind, InputKind::Percent);
    assert_eq!(parse_input(def, "97.5"), Ok(9750));
    assert_eq!(parse_input(def, "97.5%"), Ok(9750));
    assert_eq!(parse_input(def, "97.55"), Ok(9755));
    assert_eq!(parse_input(def, "97.550"), Ok(9755));
    assert_eq!(parse_input(def, "90"), Ok(9000));
    assert_eq!(parse_input(def, "0.05"), Ok(5));
    assert_eq!(parse_input(def, "100"), Ok(10_000));
    assert_eq!(
        parse_input(def, "97.555"),
        Err(InputError::TooManyDecimals { max_decimals: 2 })
    );
    assert_eq!(
        parse_input(def, "100.01"),
        Err(InputError::AboveMax {
            max: 10_000,
            kind: InputKind::Percent
        })
    );
    let e = parse_input(def, "120").unwrap_err();
    assert_eq!(e.message_zh(), "不能大于 100%");
    assert_eq!(e.message_en(), "Cannot be more than 100%");
}

#[test]
fn parsing_areas() {
    let def = thc().input("floor_area").unwrap();
    assert_eq!(parse_input(def, "1,250"), Ok(1250));
    assert_eq!(parse_input(def, "1250 m²"), Ok(1250));
    assert_eq!(parse_input(def, "1250平方米"), Ok(1250));
    assert_eq!(parse_input(def, "1250.5"), Err(InputError::NotInteger));
}

#[test]
fn input_error_messages_exist_in_both_languages() {
    let all = [
        InputError::Empty,
        InputError::NotANumber,
        InputError::Negative,
        InputError::NotInteger,
        InputError::TooManyDecimals { max_decimals: 2 },
        InputError::AboveMax {
            max: 50,
            kind: InputKind::Count,
        },
        InputError::TooLarge,
        InputError::UnknownInput { id: "x".into() },
    ];
    for e in all {
        assert!(!e.message(Lang::Zh).is_empty());
        assert!(!e.message(Lang::En).is_empty());
        assert_ne!(e.message_zh(), e.message_en());
    }
}

#[test]
fn cross_field_checks() {
    let cat = thc();
    let mut a = Assessment::new("a", cat, Profile::default(), now());
    a.set_input("staff_total", Some(40), now());
    a.set_input("health_tech_staff", Some(41), now());
    a.set_input("beds", Some(60), now());
    let issues = check_inputs(cat, &a.inputs);
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert_eq!(issues[0].severity, Severity::Error);
    assert_eq!(issues[0].input_id, "health_tech_staff");
    assert_eq!(
        issues[0].kind,
        InputIssueKind::AboveOther {
            value: 41,
            limit: 40
        }
    );
    assert_eq!(
        issues[0].message(cat, Lang::Zh),
        "卫生技术人员（41）不能大于在编职工总数（40）"
    );
    assert_eq!(issues[1].severity, Severity::Warning);
    assert_eq!(
        issues[1].kind,
        InputIssueKind::BedsAboveWarning {
            value: 60,
            warn_above: 50
        }
    );
    assert!(issues[1].message(cat, Lang::En).contains("not a gap"));

    a.set_input("health_tech_staff", Some(40), now());
    a.set_input("beds", Some(50), now());
    assert!(check_inputs(cat, &a.inputs).is_empty());
    // A programmatically stored percentage above 100% is flagged too.
    a.set_input("vaccine_coverage", Some(10_001), now());
    let issues = check_inputs(cat, &a.inputs);
    assert_eq!(
        issues[0].kind,
        InputIssueKind::AboveMax {
            value: 10_001,
            max: 10_000
        }
    );
}

#[test]
fn edits_update_the_record_and_the_timestamp() {
    let cat = thc();
    let profile = Profile {
        centre_name: "城关镇卫生院".into(),
        county: "某县".into(),
        centre_type: Some(CentreType::Central),
        year: Some(2024),
        filled_by: "王院长".into(),
        ..Profile::default()
    };
    let mut a = Assessment::new("a1", cat, profile, now());
    assert_eq!(
        (a.catalogue_id.as_str(), a.catalogue_version),
        ("thc-standard", 1)
    );
    assert_eq!(a.created_at, now());

    assert_eq!(
        a.set_input_text(cat, "staff_total", "48", later()),
        Ok(Some(48))
    );
    assert_eq!(a.input("staff_total"), Some(48));
    assert_eq!(a.updated_at, later());
    // Text that is not a valid value is kept as typed and the input has no value (nothing is
    // judged from the last good value or a prefix); a valid value replaces it; empty clears.
    assert_eq!(
        a.set_input_text(cat, "staff_total", "4.8", later()),
        Err(InputError::NotInteger)
    );
    assert_eq!(a.input("staff_total"), None);
    assert_eq!(a.rejected_input("staff_total"), Some("4.8"));
    assert_eq!(
        a.set_input_text(cat, "staff_total", "50", later()),
        Ok(Some(50))
    );
    assert_eq!(a.rejected_input("staff_total"), None);
    a.set_input_text(cat, "staff_total", "95人", later()).ok();
    assert_eq!(a.set_input_text(cat, "staff_total", "", later()), Ok(None));
    assert_eq!(a.input("staff_total"), None);
    assert_eq!(a.rejected_input("staff_total"), None);
    assert_eq!(
        a.set_input_text(cat, "nonexistent", "1", later()),
        Err(InputError::UnknownInput {
            id: "nonexistent".into()
        })
    );

    a.set_status("thc.mgmt.naming", Status::Met, now());
    a.set_evidence("thc.mgmt.naming", "见院牌照片", now());
    let deadline = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    a.set_action(
        "thc.staff.nursing",
        Some(Action {
            measure: "招聘两名护士".into(),
            owner: "人事科".into(),
            deadline: Some(deadline),
            status: ActionStatus::InProgress,
        }),
        now(),
    );
    let actions: Vec<_> = a
        .actions()
        .map(|(id, act)| (id.as_str(), act.deadline))
        .collect();
    assert_eq!(actions, vec![("thc.staff.nursing", Some(deadline))]);

    // Clearing everything on a record removes it.
    a.set_answer("thc.mgmt.naming", None, now());
    a.set_evidence("thc.mgmt.naming", "", now());
    assert!(a.item("thc.mgmt.naming").is_none());

    a.set_sub_item("g.2.3", "C-1", true, now());
    a.set_sub_item("g.2.3", "C-2", false, now());
    match &a.item("g.2.3").unwrap().answer {
        Some(Answer::SubItems(m)) => {
            assert_eq!(m.get("C-1"), Some(&true));
            assert_eq!(m.get("C-2"), Some(&false));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn files_round_trip_and_reject_other_versions() {
    let cat = thc();
    let mut a = Assessment::new("a1", cat, Profile::default(), now());
    a.profile.flags.insert("obstetric_service".into());
    a.set_input("vaccine_coverage", Some(9755), now());
    a.set_status("thc.mgmt.naming", Status::Partly, now());
    a.set_not_applicable("thc.staff.appointment-system", true, now());
    let text = a.to_json();
    assert_eq!(Assessment::from_json(&text).unwrap(), a);

    let bumped = text.replacen("\"format_version\": 1", "\"format_version\": 9", 1);
    assert_eq!(
        Assessment::from_json(&bumped),
        Err(AssessmentFileError::UnsupportedFormatVersion { found: 9 })
    );
    match Assessment::from_json("{ not json") {
        Err(AssessmentFileError::Syntax { line: 1, .. }) => {}
        other => panic!("{other:?}"),
    }
    assert!(AssessmentFileError::UnsupportedFormatVersion { found: 9 }
        .message(Lang::Zh)
        .contains("9"));
}

#[test]
fn checking_an_assessment_against_a_catalogue() {
    let cat = thc();
    let mut a = Assessment::new("a1", cat, Profile::default(), now());
    assert!(a.check_against(cat).is_empty());
    a.set_status("thc.removed-item", Status::Met, now());
    a.set_input("old_input", Some(3), now());
    a.set_grade("thc.mgmt.naming", Grade::B, now()); // a grade on a checklist item
    a.profile.flags.insert("mystery".into());
    a.catalogue_version = 0;
    let issues = a.check_against(cat);
    assert!(issues.contains(&AssessmentIssue::CatalogueVersionChanged {
        assessment: 0,
        catalogue: 1
    }));
    assert!(issues.contains(&AssessmentIssue::UnknownCriterion {
        id: "thc.removed-item".into()
    }));
    assert!(issues.contains(&AssessmentIssue::UnknownInput {
        id: "old_input".into()
    }));
    assert!(issues.contains(&AssessmentIssue::AnswerDoesNotFit {
        id: "thc.mgmt.naming".into()
    }));
    assert!(issues.contains(&AssessmentIssue::UnknownFlag {
        id: "mystery".into()
    }));
    let other = bundled()
        .iter()
        .find(|c| c.id == "community-hospital-readiness")
        .unwrap();
    assert!(a
        .check_against(other)
        .contains(&AssessmentIssue::WrongCatalogue {
            assessment: "thc-standard".into(),
            catalogue: "community-hospital-readiness".into()
        }));
    for i in issues {
        assert!(!i.message(Lang::Zh).is_empty() && !i.message(Lang::En).is_empty());
    }
    // Evaluation survives all of it.
    let ev = thc_core::evaluation::evaluate(cat, &a);
    assert_eq!(
        ev.result("thc.mgmt.naming").unwrap().explanation,
        thc_core::evaluation::Explanation::WrongAnswerKind
    );
}

#[test]
fn status_and_centre_type_keys_are_the_file_values() {
    for status in [
        Status::Met,
        Status::Partly,
        Status::NotMet,
        Status::NotApplicable,
    ] {
        assert_eq!(
            serde_json::to_value(status).unwrap(),
            serde_json::Value::from(status.key())
        );
    }
    for ct in CentreType::ALL {
        assert_eq!(
            serde_json::to_value(ct).unwrap(),
            serde_json::Value::from(ct.key())
        );
    }
}
