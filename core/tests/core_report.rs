// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! The printable gap report and the blank checklist as plain data (issue 7): what goes on paper,
//! in which order, for a realistic filled assessment.

use chrono::{DateTime, FixedOffset, NaiveDate};
use thc_core::assessment::{Action, ActionStatus, Answer, Assessment, ItemRecord, Profile, Status};
use thc_core::catalogue::{bundled, Catalogue, CentreType, Grade, Importance, Lang};
use thc_core::evaluation::{evaluate, TierStatus, Verdict};
use thc_core::present::report::{
    ChecklistModel, OrphanKind, ReportModel, CHECKLIST_NOTE_LINES, REVIEW_BLANK_LINES,
};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T14:03:27+08:00").unwrap()
}

fn catalogue(id: &str) -> &'static Catalogue {
    bundled().iter().find(|c| c.id == id).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const LONG_NOTE: &str =
    "消毒供应室目前与处置室合用一间，面积约 12 平方米，未做到污染区、清洁区、无菌区三区分开，\
人流物流存在交叉；压力蒸汽灭菌器为 2009 年购置，已多次维修。";

/// 青山镇卫生院: a general centre with 20 beds, 32,000 people, most items answered, a handful
/// of gaps (rules and checklist items, core and recommended), actions, items marked not
/// applicable, and answers left over from an older catalogue.
fn filled() -> Assessment {
    let cat = catalogue("thc-standard");
    let profile = Profile {
        centre_name: "青山镇卫生院".into(),
        county: "平阳县".into(),
        centre_type: Some(CentreType::General),
        year: Some(2026),
        filled_by: "王建国".into(),
        flags: Default::default(),
    };
    let mut a = Assessment::new("a-report-1", cat, profile, now());
    for (id, v) in [
        ("resident_population", 28_000),
        ("temporary_population", 4_000),
        ("beds", 20),
        ("floor_area", 800),
        ("staff_total", 58),
        ("health_tech_staff", 47),
        ("clinical_physicians", 12),
        ("clinical_assistant_physicians", 6),
        ("tcm_physicians", 1),
        ("tcm_assistant_physicians", 0),
        ("prevention_staff", 3),
        ("immunization_staff", 3),
    ] {
        a.set_input(id, Some(v), now());
    }
    // Every checklist item and department met, then the exceptions.
    for c in cat.criteria() {
        use thc_core::catalogue::CriterionKind::*;
        if matches!(c.criterion.kind, Checklist | Department { .. }) {
            a.set_status(&c.criterion.id, Status::Met, now());
        }
    }
    a.set_status("thc.dept.sterile-supply", Status::NotMet, now());
    a.set_evidence("thc.dept.sterile-supply", LONG_NOTE, now());
    a.set_status("thc.dept.ent-dental", Status::NotMet, now()); // optional for a general centre
    a.set_status("thc.staff.appointment-system", Status::NotMet, now()); // recommended
    a.set_status("thc.ph.chronic-disease", Status::NotMet, now());
    a.set_status("thc.mgmt.infection-control", Status::Partly, now());
    a.set_evidence(
        "thc.mgmt.infection-control",
        "消毒记录不全（9、10 月缺）",
        now(),
    );
    a.set_not_applicable("thc.fn.patriotic-health", true, now());
    a.set_evidence(
        "thc.fn.patriotic-health",
        "爱国卫生技术指导由镇政府另设机构承担。",
        now(),
    );
    a.set_not_applicable("thc.mgmt.no-operating-loss", true, now());
    // Actions: two gaps with measures, one met item with a finished action.
    a.set_action(
        "thc.staff.health-tech-share",
        Some(Action {
            measure: "招聘 3 名卫生技术人员，非卫技岗位不再新增".into(),
            owner: "院办 张丽".into(),
            deadline: date(2027, 6, 30),
            status: ActionStatus::InProgress,
        }),
        now(),
    );
    a.set_action(
        "thc.dept.sterile-supply",
        Some(Action {
            measure: "改造消毒供应室，三区分开".into(),
            owner: "后勤 李强".into(),
            deadline: date(2027, 3, 31),
            status: ActionStatus::Planned,
        }),
        now(),
    );
    a.set_action(
        "thc.building.layout",
        Some(Action {
            measure: "门诊楼分区标识更新".into(),
            owner: "后勤 李强".into(),
            deadline: date(2026, 9, 1),
            status: ActionStatus::Done,
        }),
        now(),
    );
    // Left over from an older catalogue.
    a.items.insert(
        "thc.old.retired-item".into(),
        ItemRecord {
            answer: Some(Answer::Status(Status::NotMet)),
            not_applicable: false,
            evidence: "旧版条目".into(),
            action: Some(Action {
                measure: "旧措施".into(),
                ..Default::default()
            }),
        },
    );
    a.inputs.insert("old_fridges".into(), 3);
    a
}

/// number, criterion, gap number, measure, owner, deadline, status.
type ActionTuple<'a> = (
    usize,
    &'a str,
    Option<usize>,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
);

fn report(a: &Assessment, lang: Lang) -> ReportModel {
    let cat = catalogue(&a.catalogue_id);
    ReportModel::build(cat, a, &evaluate(cat, a), lang)
}

#[test]
fn header_names_the_centre_profile_and_catalogue() {
    let m = report(&filled(), Lang::Zh);
    assert_eq!(m.heading, "差距报告");
    assert_eq!(m.subtitle, "青山镇卫生院 · 2026 年度");
    let get = |label: &str| {
        m.header
            .iter()
            .find(|r| r.label == label)
            .map(|r| r.value.clone())
            .unwrap_or_else(|| panic!("no header row {label}"))
    };
    assert_eq!(get("卫生院名称"), "青山镇卫生院");
    assert_eq!(get("所属县（市、区）"), "平阳县");
    assert_eq!(get("卫生院类型"), "一般卫生院");
    assert_eq!(get("床位规模"), "20 张（11–29 床）");
    assert_eq!(get("服务人口"), "32,000 人（常住 28,000 + 暂住 4,000）");
    assert_eq!(get("评价年度"), "2026");
    assert_eq!(get("最后修改日期"), "2026-11-20");
    assert_eq!(get("评价标准"), "乡镇卫生院标准化建设自评（第 1 版）");
    assert_eq!(get("填报人"), "王建国");
    assert_eq!(m.sample_note, None);
    assert!(m.review.is_none(), "no review data exists before issue 8");
}

#[test]
fn missing_profile_fields_say_not_entered() {
    let cat = catalogue("thc-standard");
    let a = Assessment::new("a-empty", cat, Profile::default(), now());
    let m = report(&a, Lang::Zh);
    for label in [
        "卫生院名称",
        "卫生院类型",
        "床位规模",
        "服务人口",
        "评价年度",
        "填报人",
    ] {
        let row = m.header.iter().find(|r| r.label == label).unwrap();
        assert_eq!(row.value, "（未填写）", "{label}");
    }
    assert_eq!(m.subtitle, "（未填写）");
    assert!(m.gap_groups.is_empty());
    assert_eq!(m.gap_count, 0);
    assert!(m.actions.is_empty());
    assert!(m.overall.unanswered_note.is_some());
    assert_eq!(m.overall.compliance, "0.0%");
}

#[test]
fn gap_list_is_grouped_by_section_core_first_with_explanations_and_sources() {
    let m = report(&filled(), Lang::Zh);
    let groups: Vec<(&str, Vec<&str>)> = m
        .gap_groups
        .iter()
        .map(|g| {
            (
                g.section_id.as_str(),
                g.items.iter().map(|i| i.criterion_id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            ("departments", vec!["thc.dept.sterile-supply"]),
            (
                "staffing",
                vec![
                    "thc.staff.health-tech-share",
                    "thc.staff.tcm-share",
                    "thc.staff.appointment-system",
                ]
            ),
            ("public-health", vec!["thc.ph.chronic-disease"]),
            ("management", vec!["thc.mgmt.infection-control"]),
            ("immunization", vec!["thc.imm.staff"]),
        ]
    );
    assert_eq!(m.gap_count, 7);
    assert_eq!(m.gap_heading, "差距清单（7）");
    assert_eq!(report(&filled(), Lang::En).gap_heading, "Gap list (7)");
    let numbers: Vec<usize> = m.gap_items().map(|i| i.number).collect();
    assert_eq!(numbers, (1..=7).collect::<Vec<_>>());
    assert_eq!(m.gap_groups[1].section_title, "人员配备");

    let share = &m.gap_groups[1].items[0];
    assert_eq!(share.title, "卫生技术人员占职工总数不低于85%");
    assert_eq!(share.importance, Importance::Core);
    assert_eq!(share.importance_label, "核心");
    assert_eq!(share.verdict, Verdict::Gap);
    assert_eq!(share.verdict_label, "未达标");
    assert!(
        share.explanation.contains("47 ÷ 58"),
        "formula with the numbers: {}",
        share.explanation
    );
    // 48 of 59 would still miss: each hire grows the total, so 16 more (63 ÷ 74).
    assert!(
        share.explanation.contains("还需增加 16 人（63 ÷ 74）"),
        "{}",
        share.explanation
    );
    // The document's own title, issuer and section, as a director and a reviewer cite it.
    assert_eq!(
        share.source,
        "《河北省创建标准化乡(镇)卫生院实施方案》（河北省卫生厅）三(三)1 · 省级文件"
    );
    assert_eq!(share.decision_note, None);

    let recommended = &m.gap_groups[1].items[2];
    assert_eq!(recommended.importance, Importance::Recommended);
    assert_eq!(recommended.importance_label, "推荐");

    let imm = &m.gap_groups[4].items[0];
    assert!(imm.explanation.contains("还差 1"), "{}", imm.explanation);

    let partly = &m.gap_groups[3].items[0];
    assert_eq!(partly.verdict, Verdict::Partly);
    assert_eq!(partly.evidence, "消毒记录不全（9、10 月缺）");

    let long = &m.gap_groups[0].items[0];
    assert_eq!(long.evidence, LONG_NOTE.trim(), "notes are never truncated");
}

#[test]
fn decisions_are_marked_as_the_tools_interpretation() {
    // The small-township floor area rule is the tool's own reading.
    let cat = catalogue("thc-standard");
    let mut a = filled();
    a.set_input("resident_population", Some(6_000), now());
    a.set_input("temporary_population", Some(500), now());
    a.set_input("floor_area", Some(300), now());
    let m = report(&a, Lang::Zh);
    let item = m
        .gap_items()
        .find(|i| i.criterion_id == "thc.profile.floor-area-small")
        .expect("a gap");
    assert!(item.source.contains("本工具的解释"), "{}", item.source);
    assert_eq!(
        item.decision_note.as_deref(),
        Some("（本工具的解释，复核时可提出不同意见）")
    );
    assert_eq!(m.gap_groups[0].section_id, "profile");
    let _ = cat;
}

#[test]
fn action_plan_has_a_row_per_gap_then_actions_on_items_no_longer_gaps() {
    let m = report(&filled(), Lang::Zh);
    let rows: Vec<ActionTuple> = m
        .actions
        .iter()
        .map(|r| {
            (
                r.number,
                r.criterion_id.as_str(),
                r.gap_number,
                r.measure.as_str(),
                r.owner.as_str(),
                r.deadline.as_str(),
                r.status_label.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                1,
                "thc.dept.sterile-supply",
                Some(1),
                "改造消毒供应室，三区分开",
                "后勤 李强",
                "2027-03-31",
                "未开始"
            ),
            (
                2,
                "thc.staff.health-tech-share",
                Some(2),
                "招聘 3 名卫生技术人员，非卫技岗位不再新增",
                "院办 张丽",
                "2027-06-30",
                "进行中"
            ),
            (3, "thc.staff.tcm-share", Some(3), "", "", "", "未制定"),
            (
                4,
                "thc.staff.appointment-system",
                Some(4),
                "",
                "",
                "",
                "未制定"
            ),
            (5, "thc.ph.chronic-disease", Some(5), "", "", "", "未制定"),
            (
                6,
                "thc.mgmt.infection-control",
                Some(6),
                "",
                "",
                "",
                "未制定"
            ),
            (7, "thc.imm.staff", Some(7), "", "", "", "未制定"),
            (
                8,
                "thc.building.layout",
                None,
                "门诊楼分区标识更新",
                "后勤 李强",
                "2026-09-01",
                "已完成"
            ),
        ]
    );
    assert_eq!(m.actions[0].status, Some(ActionStatus::Planned));
    assert_eq!(m.actions[2].status, None);
    assert_eq!(m.actions[7].note.as_deref(), Some("（目前已不是差距）"));
    assert_eq!(m.actions[0].note, None);
    assert_eq!(m.actions[0].criterion_title, "消毒供应室");
}

#[test]
fn not_applicable_lists_give_the_reason() {
    let m = report(&filled(), Lang::Zh);
    let marked: Vec<(&str, &str, bool)> = m
        .marked_not_applicable
        .iter()
        .map(|r| (r.criterion_id.as_str(), r.reason.as_str(), r.reason_missing))
        .collect();
    assert_eq!(
        marked,
        vec![
            (
                "thc.fn.patriotic-health",
                "爱国卫生技术指导由镇政府另设机构承担。",
                false
            ),
            ("thc.mgmt.no-operating-loss", "（未填写理由）", true),
        ]
    );
    assert_eq!(m.marked_not_applicable[0].title, "爱国卫生技术指导");
    assert_eq!(
        m.marked_not_applicable[0].section_title,
        "健康教育、计划生育、康复及其他"
    );

    let by_profile: Vec<(&str, &str)> = m
        .not_applicable_by_profile
        .iter()
        .map(|r| (r.criterion_id.as_str(), r.reason.as_str()))
        .collect();
    assert!(by_profile.contains(&("thc.dept.ent-dental", "选设科室，未设置（不计为差距）")));
    assert!(by_profile
        .iter()
        .any(|(id, reason)| *id == "thc.med.normal-delivery" && reason.contains("仅在")));
    assert!(by_profile
        .iter()
        .any(|(id, reason)| *id == "thc.profile.floor-area-small" && reason.contains("服务人口")));
}

#[test]
fn orphaned_answers_and_inputs_are_listed_with_what_was_stored() {
    let m = report(&filled(), Lang::Zh);
    assert_eq!(m.orphans.len(), 2, "{:?}", m.orphans);
    let input = m
        .orphans
        .iter()
        .find(|o| o.kind == OrphanKind::Input)
        .unwrap();
    assert_eq!(input.id, "old_fridges");
    assert_eq!(input.stored, "数值：3");
    assert!(input.issue.contains("old_fridges"));
    let item = m
        .orphans
        .iter()
        .find(|o| o.kind == OrphanKind::Criterion)
        .unwrap();
    assert_eq!(item.id, "thc.old.retired-item");
    assert!(item.stored.contains("答案：不符合"), "{}", item.stored);
    assert!(item.stored.contains("说明：旧版条目"), "{}", item.stored);
    assert!(
        item.stored.contains("整改措施：旧措施（进度：未开始）"),
        "{}",
        item.stored
    );
    assert!(item.issue.contains("其答案被忽略"));
    assert!(
        m.actions
            .iter()
            .all(|r| r.criterion_id != "thc.old.retired-item"),
        "orphans stay out of the action plan"
    );
    assert!(m.catalogue_notes.is_empty());
}

#[test]
fn a_changed_catalogue_version_and_wrong_answer_kinds_are_noted() {
    let mut a = filled();
    a.catalogue_version = 0;
    a.set_answer("thc.ph.key-groups", Some(Answer::Grade(Grade::B)), now());
    let m = report(&a, Lang::Zh);
    assert_eq!(m.catalogue_notes.len(), 2, "{:?}", m.catalogue_notes);
    assert!(m.catalogue_notes[0].contains("第 0 版"));
    assert!(m.catalogue_notes[1].contains("thc.ph.key-groups"));
}

#[test]
fn overall_result_and_section_chart_values() {
    let m = report(&filled(), Lang::Zh);
    let c = m.overall.counts;
    assert_eq!(c.gaps, 6);
    assert_eq!(c.partly, 1);
    assert!(c.not_answered > 0, "some rules lack their figures");
    assert!(m.overall.summary_line.starts_with("已答 "));
    assert!(m.overall.compliance.ends_with('%'));
    assert!(m
        .overall
        .unanswered_note
        .as_deref()
        .is_some_and(|n| n.contains(&(c.not_answered + c.partly_answered).to_string())));
    assert_eq!(m.sections.len(), 10);
    let depts = m
        .sections
        .iter()
        .find(|s| s.section_id == "departments")
        .unwrap();
    assert_eq!(depts.title, "科室设置");
    // 20 of 21 applicable departments met (the optional ENT/dental room, absent, is not
    // applicable): (2·20) / (2·21) = 95.2%.
    assert_eq!(depts.compliance, "95.2%");
    assert_eq!(depts.percent_floor, 95);
    assert!(depts.detail.contains("差距 1"), "{}", depts.detail);
    assert!(m.sections.iter().all(|s| s.percent_floor <= 100));
    assert!(m.tiers.is_none(), "no tiers in a catalogue without them");
    assert!(m.input_issues.is_empty());
}

#[test]
fn input_contradictions_are_reported() {
    let mut a = filled();
    a.set_input("health_tech_staff", Some(70), now());
    let m = report(&a, Lang::Zh);
    assert_eq!(m.input_issues.len(), 1, "{:?}", m.input_issues);
    assert!(m.input_issues[0].contains("不能大于"));
}

#[test]
fn signature_block_has_director_filler_and_county_review() {
    let m = report(&filled(), Lang::Zh);
    let s = &m.signatures;
    assert_eq!(s.heading, "签字");
    assert_eq!(s.director.label, "院长（签字）");
    assert_eq!(s.director.date_label, "日期");
    assert_eq!(s.filler.label, "填报人（签字）");
    assert_eq!(s.filler.date_label, "日期");
    assert_eq!(s.review_opinion, "县级复核意见");
    assert_eq!(s.review_blank_lines, REVIEW_BLANK_LINES);
    assert!(s.review_blank_lines >= 3);
    assert_eq!(s.reviewer.label, "复核人（签字）");
    assert_eq!(s.reviewer.date_label, "日期");

    let en = report(&filled(), Lang::En);
    assert_eq!(en.signatures.director.label, "Director (signature)");
    assert_eq!(en.signatures.review_opinion, "County review opinion");
}

#[test]
fn english_report_uses_english_labels_and_catalogue_texts() {
    let m = report(&filled(), Lang::En);
    assert_eq!(m.heading, "Gap report");
    assert!(m
        .header
        .iter()
        .any(|r| r.label == "Centre type" && r.value == "general township health centre"));
    assert!(m.header.iter().any(|r| r.label == "Service population"
        && r.value == "32,000 (resident 28,000 + temporary 4,000)"));
    let first = m.gap_items().next().unwrap();
    assert_eq!(first.verdict_label, "Gap");
    assert_eq!(m.actions[2].status_label, "None yet");
    assert_eq!(m.gap_groups[1].section_title, "Staffing");
}

#[test]
fn graded_catalogue_reports_tiers_and_exactly_what_is_missing() {
    let cat = catalogue("national-graded-sample");
    let profile = Profile {
        centre_name: "白沙乡卫生院".into(),
        county: "平阳县".into(),
        centre_type: Some(CentreType::General),
        year: Some(2026),
        filled_by: "陈医生".into(),
        flags: Default::default(),
    };
    let mut a = Assessment::new("a-graded", cat, profile, now());
    a.set_input("medical_staff", Some(25), now());
    a.set_input("resident_population", Some(15_000), now());
    a.set_input("temporary_population", Some(0), now());
    a.set_input("beds", Some(10), now());
    for c in cat.criteria() {
        if let thc_core::catalogue::CriterionKind::Graded { graded } = &c.criterion.kind {
            if graded.sub_items.is_empty() {
                a.set_grade(&c.criterion.id, Grade::C, now());
            } else {
                for s in &graded.sub_items {
                    a.set_sub_item(&c.criterion.id, &s.id, s.level == Grade::C, now());
                }
            }
        }
    }
    let m = report(&a, Lang::Zh);
    assert!(m.sample_note.is_some(), "the sample says it is a sample");
    let tiers = m.tiers.as_ref().expect("tiers");
    assert_eq!(tiers.rows.len(), 3);
    let qualified = &tiers.rows[0];
    assert_eq!(qualified.status, TierStatus::NotEligible);
    assert_eq!(qualified.status_label, "不符合申报条件");
    assert!(
        qualified.missing.is_empty(),
        "bars are moot for a tier not claimable"
    );
    assert!(qualified.line.contains("须 < 10"), "{}", qualified.line);
    let basic = &tiers.rows[1];
    assert_eq!(basic.status, TierStatus::Missed);
    assert_eq!(basic.status_label, "未达到");
    assert!(!basic.missing.is_empty());
    assert!(
        basic.missing.iter().all(|l| l.contains("还差")),
        "{:?}",
        basic.missing
    );
    assert!(basic.line.contains(&basic.missing[0]));
    assert_eq!(tiers.highest, "尚未达到任何等级。");
    // Everything at C: no gaps (D is the gap), all clauses of the sample are decisions.
    assert_eq!(m.gap_count, 0);

    a.set_grade("g.1.1", Grade::D, now());
    let m = report(&a, Lang::Zh);
    let item = m.gap_items().next().unwrap();
    assert_eq!(item.criterion_id, "g.1.1");
    assert!(item.decision_note.is_some());
    assert!(item.explanation.contains("评定等级 D"));
}

#[test]
fn every_item_a_gap_with_long_notes_keeps_everything() {
    let cat = catalogue("thc-standard");
    let mut a = filled();
    let note = "长".repeat(600);
    for c in cat.criteria() {
        use thc_core::catalogue::CriterionKind::*;
        if matches!(c.criterion.kind, Checklist | Department { .. }) {
            a.set_status(&c.criterion.id, Status::NotMet, now());
            a.set_not_applicable(&c.criterion.id, false, now());
            a.set_evidence(&c.criterion.id, &note, now());
            a.set_action(
                &c.criterion.id,
                Some(Action {
                    measure: note.clone(),
                    owner: "院长".into(),
                    deadline: date(2027, 12, 31),
                    status: ActionStatus::Planned,
                }),
                now(),
            );
        }
    }
    let m = report(&a, Lang::Zh);
    assert!(m.gap_count > 70, "{}", m.gap_count);
    let answered: Vec<_> = m
        .gap_items()
        .filter(|i| {
            cat.find_criterion(&i.criterion_id).is_some_and(|c| {
                use thc_core::catalogue::CriterionKind::*;
                matches!(c.criterion.kind, Checklist | Department { .. })
            })
        })
        .collect();
    assert!(answered.len() > 60);
    assert!(
        answered.iter().all(|i| i.evidence == note),
        "notes kept whole"
    );
    // One row per gap, then the actions on items that are not gaps: the six optional
    // departments (absent, so not applicable) and normal delivery (no obstetric service).
    assert_eq!(m.actions.len(), m.gap_count + 7);
    assert!(m.actions[m.gap_count..]
        .iter()
        .all(|r| r.gap_number.is_none()));
    assert!(m
        .actions
        .iter()
        .filter(|r| answered.iter().any(|i| i.criterion_id == r.criterion_id))
        .all(|r| r.measure == note));
    let last = m.gap_items().last().unwrap();
    assert_eq!(last.number, m.gap_count);
}

#[test]
fn blank_checklist_lists_every_applicable_item_with_boxes_and_figure_blanks() {
    let cat = catalogue("thc-standard");
    let a = filled();
    let m = ChecklistModel::build(cat, &a, &evaluate(cat, &a), Lang::Zh);
    assert_eq!(m.heading, "现场检查表");
    assert_eq!(m.subtitle, "青山镇卫生院 · 2026 年度");
    assert!(m
        .header
        .iter()
        .any(|r| r.label == "检查日期" && r.value.is_empty()));
    assert!(m
        .header
        .iter()
        .any(|r| r.label == "检查人" && r.value.is_empty()));
    assert_eq!(m.assumed_note, None, "the profile is complete");

    let ids: Vec<&str> = m.items().map(|i| i.criterion_id.as_str()).collect();
    // Excluded by profile: no obstetric service, more than 10,000 people.
    assert!(!ids.contains(&"thc.med.normal-delivery"));
    assert!(!ids.contains(&"thc.profile.floor-area-small"));
    // Marked not applicable by the user, or optional departments: still on paper.
    assert!(ids.contains(&"thc.fn.patriotic-health"));
    assert!(ids.contains(&"thc.dept.ent-dental"));
    assert_eq!(ids.len(), cat.criterion_count() - 2);
    assert_eq!(m.sections.len(), cat.sections.len());
    assert_eq!(m.sections[2].title, "人员配备");

    let item = |id: &str| m.items().find(|i| i.criterion_id == id).unwrap();
    assert_eq!(
        item("thc.ph.chronic-disease").boxes,
        vec!["符合", "部分符合", "不符合", "不适用"]
    );
    assert_eq!(
        item("thc.dept.laboratory").boxes,
        vec!["已设置", "部分具备", "未设置", "不适用"]
    );
    assert_eq!(item("thc.dept.laboratory").note_lines, CHECKLIST_NOTE_LINES);
    let staff = item("thc.staff.inputs");
    assert!(staff.boxes.is_empty());
    assert_eq!(staff.figures.len(), 7);
    assert_eq!(staff.figures[0].label, "在编职工总数");
    assert_eq!(staff.figures[0].unit, "人");
    let share = item("thc.staff.health-tech-share");
    assert!(share.boxes.is_empty());
    assert!(share.figures.is_empty(), "its figures were asked for above");
    assert!(share
        .computed_note
        .as_deref()
        .is_some_and(|n| n.contains("在编职工总数") && n.contains("卫生技术人员")));
    assert_eq!(item("thc.ph.inputs").figures[0].unit, "%");
    assert_eq!(item("thc.profile.floor-area-input").figures[0].unit, "m²");

    // Every input of the catalogue gets exactly one blank field.
    let mut all: Vec<&str> = m
        .items()
        .flat_map(|i| i.figures.iter())
        .chain(m.other_figures.iter())
        .map(|f| f.input_id.as_str())
        .collect();
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n, "no input twice");
    assert_eq!(n, cat.inputs.len());
}

#[test]
fn blank_checklist_of_an_empty_profile_lists_assumed_items_and_graded_boxes() {
    let cat = catalogue("national-graded-sample");
    let a = Assessment::new("a-blank", cat, Profile::default(), now());
    let m = ChecklistModel::build(cat, &a, &evaluate(cat, &a), Lang::Zh);
    assert_eq!(m.items().count(), cat.criterion_count());
    assert!(m.sample_note.is_some());
    let graded: Vec<_> = m.items().filter(|i| !i.sub_items.is_empty()).collect();
    assert!(!graded.is_empty(), "the sample has clauses with sub-items");
    assert!(graded.iter().all(|i| i.boxes == vec!["不适用"]));
    assert!(graded[0].sub_items.iter().any(|s| s.level == "C"));
    let plain = m
        .items()
        .find(|i| i.sub_items.is_empty() && !i.boxes.is_empty())
        .unwrap();
    assert_eq!(plain.boxes, vec!["A", "B", "C", "D", "不适用"]);
    // Tier eligibility reads inputs no criterion asks for: they still get a blank.
    let mut all: Vec<&str> = m
        .items()
        .flat_map(|i| i.figures.iter())
        .chain(m.other_figures.iter())
        .map(|f| f.input_id.as_str())
        .collect();
    all.sort_unstable();
    assert_eq!(all.len(), cat.inputs.len());

    let thc = catalogue("thc-standard");
    let b = Assessment::new("a-blank2", thc, Profile::default(), now());
    let m = ChecklistModel::build(thc, &b, &evaluate(thc, &b), Lang::En);
    assert!(
        m.assumed_note.is_some(),
        "no profile: items listed as applicable for now"
    );
    assert_eq!(
        m.items().count(),
        thc.criterion_count() - 1,
        "only the flag excludes"
    );
    assert_eq!(m.heading, "On-site checklist");
}
