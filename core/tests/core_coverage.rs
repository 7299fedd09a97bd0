// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! Every department, staffing rule and numeric target in shared/domain/criteria.md is present in
//! the bundled catalogues with the exact numbers, and every bundled criterion carries provenance.

use thc_core::catalogue::{
    bundled, BedClassRule, Catalogue, CentreType, Criterion, CriterionKind, DepartmentGroup,
    Fraction, Importance, Lang, Operand, ProvenanceTag, RatioRule, Rule, ThresholdRule,
};

const G: CentreType = CentreType::General;
const C: CentreType = CentreType::Central;

fn catalogue(id: &str) -> &'static Catalogue {
    bundled().iter().find(|c| c.id == id).unwrap()
}

fn all(cat: &Catalogue) -> Vec<&Criterion> {
    cat.criteria().map(|c| c.criterion).collect()
}

fn op(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn same_fraction(a: Option<Fraction>, b: Option<(u64, u64)>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(f), Some((n, d))) => {
            u128::from(f.num) * u128::from(d) == u128::from(n) * u128::from(f.den)
        }
        _ => false,
    }
}

/// One expected item of criteria.md.
enum Expect {
    /// A department with this Chinese name, required / optional for these centre types.
    Department(
        &'static str,
        DepartmentGroup,
        &'static [CentreType],
        &'static [CentreType],
    ),
    /// A ratio over these numerator / denominator inputs with min, max, soft max, floor.
    Ratio {
        numerator: &'static [&'static str],
        minus: &'static [&'static str],
        denominator: &'static [&'static str],
        min: Option<(u64, u64)>,
        max: Option<(u64, u64)>,
        soft_max: Option<(u64, u64)>,
        floor: Option<u64>,
    },
    /// A threshold on an input (percent inputs in hundredths).
    Threshold(&'static str, Option<u64>, Option<u64>, Option<u64>),
    /// A linear minimum: value inputs, base, and (per, input) terms.
    Linear(&'static [&'static str], u64, &'static [(u64, &'static str)]),
    BedClass(&'static str, u64),
    /// A checklist item whose Chinese title contains this text.
    Checklist(&'static str),
    /// A choice whose Chinese title contains this text, with exactly these options (Chinese
    /// label contains, meets the criterion).
    Choice(&'static str, &'static [(&'static str, bool)]),
}

fn operand_is(o: &Operand, add: &[&str], minus: &[&str]) -> bool {
    o.add == op(add) && o.subtract == op(minus)
}

fn matches(c: &Criterion, e: &Expect) -> bool {
    match (e, &c.kind) {
        (Expect::Department(name, group, req, opt), CriterionKind::Department { department }) => {
            c.title.zh == *name
                && department.group == *group
                && department.required_for == req.to_vec()
                && department.optional_for == opt.to_vec()
        }
        (
            Expect::Ratio {
                numerator,
                minus,
                denominator,
                min,
                max,
                soft_max,
                floor,
            },
            CriterionKind::Rule {
                rule:
                    Rule::Ratio(RatioRule {
                        numerator: n,
                        denominator: d,
                        min: rmin,
                        max: rmax,
                        soft_max: rsoft,
                        min_numerator,
                        ..
                    }),
            },
        ) => {
            operand_is(n, numerator, minus)
                && operand_is(d, denominator, &[])
                && same_fraction(*rmin, *min)
                && same_fraction(*rmax, *max)
                && same_fraction(*rsoft, *soft_max)
                && min_numerator == floor
        }
        (
            Expect::Threshold(input, min, max, soft),
            CriterionKind::Rule {
                rule:
                    Rule::Threshold(ThresholdRule {
                        value,
                        min: tmin,
                        max: tmax,
                        soft_max: tsoft,
                    }),
            },
        ) => operand_is(value, &[input], &[]) && tmin == min && tmax == max && tsoft == soft,
        (
            Expect::Linear(value, base, terms),
            CriterionKind::Rule {
                rule: Rule::LinearMinimum(l),
            },
        ) => {
            operand_is(&l.value, value, &[])
                && l.base == *base
                && l.terms.len() == terms.len()
                && l.terms
                    .iter()
                    .zip(terms.iter())
                    .all(|(t, (per, id))| t.per == *per && operand_is(&t.operand, &[id], &[]))
        }
        (
            Expect::BedClass(input, warn),
            CriterionKind::Rule {
                rule: Rule::BedClass(BedClassRule { beds, warn_above }),
            },
        ) => beds == input && warn_above == warn,
        (Expect::Checklist(text), CriterionKind::Checklist) => c.title.zh.contains(text),
        (Expect::Choice(text, expected), CriterionKind::Choice { options }) => {
            c.title.zh.contains(text)
                && options.len() == expected.len()
                && options
                    .iter()
                    .zip(expected.iter())
                    .all(|(o, (label, meets))| o.label.zh.contains(label) && o.meets == *meets)
        }
        _ => false,
    }
}

fn assert_present(cat_id: &str, table: &[(&str, Expect)]) {
    let cat = catalogue(cat_id);
    let criteria = all(cat);
    let mut missing = Vec::new();
    for (what, e) in table {
        if !criteria.iter().any(|c| matches(c, e)) {
            missing.push(*what);
        }
    }
    assert!(missing.is_empty(), "{cat_id} is missing: {missing:#?}");
}

use DepartmentGroup::{Clinical, MedicalTechnical, PublicHealth};

#[test]
fn township_departments_match_criteria_md_section_2() {
    let table = [
        (
            "急诊(抢救)室",
            Expect::Department("急诊（抢救）室", Clinical, &[G, C], &[]),
        ),
        ("内科", Expect::Department("内科", Clinical, &[G, C], &[])),
        ("外科", Expect::Department("外科", Clinical, &[G, C], &[])),
        (
            "妇(产)科",
            Expect::Department("妇（产）科", Clinical, &[G, C], &[]),
        ),
        ("儿科", Expect::Department("儿科", Clinical, &[G, C], &[])),
        (
            "中医科",
            Expect::Department("中医科", Clinical, &[G, C], &[]),
        ),
        (
            "独立防保科",
            Expect::Department("防保科（独立设置）", Clinical, &[G, C], &[]),
        ),
        (
            "药房",
            Expect::Department("药房", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "化验室",
            Expect::Department("化验室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "放射科",
            Expect::Department("放射科", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "功能检查室",
            Expect::Department("功能检查室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "观察治疗室",
            Expect::Department("观察治疗室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "注射室",
            Expect::Department("注射室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "处置室",
            Expect::Department("处置室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "消毒供应室",
            Expect::Department("消毒供应室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "信息统计室",
            Expect::Department("信息统计室", MedicalTechnical, &[G, C], &[]),
        ),
        // Optional for 一般卫生院, required for 中心卫生院.
        (
            "五官/口腔科",
            Expect::Department("五官/口腔科", Clinical, &[C], &[G]),
        ),
        (
            "手术室",
            Expect::Department("手术室", MedicalTechnical, &[C], &[G]),
        ),
        (
            "产房",
            Expect::Department("产房", MedicalTechnical, &[C], &[G]),
        ),
        (
            "理疗室",
            Expect::Department("理疗室", MedicalTechnical, &[C], &[G]),
        ),
        // Optional for both.
        (
            "中药炮制室",
            Expect::Department("中药炮制室", MedicalTechnical, &[], &[G, C]),
        ),
        (
            "煎药室",
            Expect::Department("煎药室", MedicalTechnical, &[], &[G, C]),
        ),
    ];
    assert_present("thc-standard", &table);
    // And nothing else: the department set is exactly criteria.md's.
    let depts = all(catalogue("thc-standard"))
        .into_iter()
        .filter(|c| matches!(c.kind, CriterionKind::Department { .. }))
        .count();
    assert_eq!(depts, table.len());
}

#[test]
fn township_staffing_and_targets_match_criteria_md() {
    let table = [
        (
            "卫技 ≥ 85% of all staff",
            Expect::Ratio {
                numerator: &["health_tech_staff"],
                minus: &[],
                denominator: &["staff_total"],
                min: Some((85, 100)),
                max: None,
                soft_max: None,
                floor: None,
            },
        ),
        (
            "中医 8–12% of clinical physicians",
            Expect::Ratio {
                numerator: &["tcm_physicians", "tcm_assistant_physicians"],
                minus: &[],
                denominator: &["clinical_physicians", "clinical_assistant_physicians"],
                min: Some((8, 100)),
                max: None,
                soft_max: Some((12, 100)),
                floor: None,
            },
        ),
        (
            "防保 3–4",
            Expect::Threshold("prevention_staff", Some(3), None, Some(4)),
        ),
        (
            "immunization 1 per 10,000, at least 2",
            Expect::Ratio {
                numerator: &["immunization_staff"],
                minus: &[],
                denominator: &["resident_population", "temporary_population"],
                min: Some((1, 10_000)),
                max: None,
                soft_max: None,
                floor: Some(2),
            },
        ),
        (
            "clinical staff ≥ 执业助理医师",
            Expect::Checklist("执业助理医师及以上"),
        ),
        (
            "other 卫技 ≥ initial title",
            Expect::Checklist("初级及以上"),
        ),
        (
            "non-卫技 do no 卫技 work",
            Expect::Checklist("非卫技人员不从事卫技工作"),
        ),
        ("nurses sufficient", Expect::Checklist("护士配备")),
        (
            "director 中级 title, as a choice of title level",
            Expect::Choice(
                "中级及以上卫生技术资格",
                &[
                    ("高级", true),
                    ("中级", true),
                    ("初级", false),
                    ("无", false),
                ],
            ),
        ),
        (
            "director chosen county-wide",
            Expect::Checklist("全县公开择优选聘"),
        ),
        (
            "五苗 ≥ 90%",
            Expect::Threshold("vaccine_coverage", Some(9000), None, None),
        ),
        (
            "孕产妇系统管理 ≥ 80%",
            Expect::Threshold("maternal_mgmt_rate", Some(8000), None, None),
        ),
        (
            "儿童系统管理 ≥ 80%",
            Expect::Threshold("child_mgmt_rate", Some(8000), None, None),
        ),
        (
            "65+ health check ≥ 70%",
            Expect::Threshold("elderly_check_rate", Some(7000), None, None),
        ),
        (
            "高血压规范管理 ≥ 65%",
            Expect::Threshold("hypertension_mgmt_rate", Some(6500), None, None),
        ),
        (
            "2型糖尿病规范管理 ≥ 65%",
            Expect::Threshold("diabetes_mgmt_rate", Some(6500), None, None),
        ),
        (
            "outpatient satisfaction ≥ 97%",
            Expect::Threshold("outpatient_satisfaction", Some(9700), None, None),
        ),
        (
            "inpatient satisfaction ≥ 97%",
            Expect::Threshold("inpatient_satisfaction", Some(9700), None, None),
        ),
        (
            "window satisfaction ≥ 85%",
            Expect::Threshold("window_satisfaction", Some(8500), None, None),
        ),
        (
            "≥ 6 TCM techniques",
            Expect::Threshold("tcm_techniques", Some(6), None, None),
        ),
        (
            "≥ 1 中医诊室",
            Expect::Threshold("tcm_consult_rooms", Some(1), None, None),
        ),
        (
            "≥ 1 中医康复治疗室",
            Expect::Threshold("tcm_rehab_rooms", Some(1), None, None),
        ),
        (
            "中医类别医师 2 per 诊室 + 1 per 康复室",
            Expect::Linear(
                &["tcm_physicians", "tcm_assistant_physicians"],
                0,
                &[(2, "tcm_consult_rooms"), (1, "tcm_rehab_rooms")],
            ),
        ),
        (
            "≥ 2 trainings a year",
            Expect::Threshold("immunization_trainings", Some(2), None, None),
        ),
        (
            "≥ 5 slogans",
            Expect::Threshold("immunization_slogans", Some(5), None, None),
        ),
        (
            "≥ 2 record cabinets",
            Expect::Threshold("record_cabinets", Some(2), None, None),
        ),
        (
            "floor area ≥ 300 + 20/bed",
            Expect::Linear(&["floor_area"], 300, &[(20, "beds")]),
        ),
        (
            "floor area ≥ 200 for small townships",
            Expect::Linear(&["floor_area"], 200, &[(20, "beds")]),
        ),
        ("bed classes, warn above 50", Expect::BedClass("beds", 50)),
        ("四室", Expect::Checklist("四室")),
        ("three record books", Expect::Checklist("三部分")),
        ("rules on the wall", Expect::Checklist("上墙")),
        (
            "immunization staff qualified",
            Expect::Checklist("预防接种人员具备相应资格"),
        ),
        ("中医馆", Expect::Checklist("中医馆")),
        ("独立中医科", Expect::Checklist("独立的一级临床科室")),
        ("中药房 stocks", Expect::Checklist("中成药和中药饮片")),
        // §4 service functions as checklist items.
        ("disease reporting", Expect::Checklist("传染病疫情")),
        ("vaccination records", Expect::Checklist("卡、表、证")),
        (
            "chronic/endemic/occupational",
            Expect::Checklist("慢性病、地方病、职业病"),
        ),
        ("priority groups", Expect::Checklist("重点人群")),
        ("death surveillance", Expect::Checklist("死亡监测")),
        ("common diseases", Expect::Checklist("常见病、多发病")),
        ("24-hour emergency", Expect::Checklist("24小时应诊")),
        ("CPR", Expect::Checklist("心肺复苏")),
        ("normal delivery", Expect::Checklist("正常产")),
        (
            "home visits, referral, mobile care",
            Expect::Checklist("出诊、转诊和巡回医疗"),
        ),
        ("resident health records", Expect::Checklist("居民健康档案")),
        ("health education", Expect::Checklist("健康教育")),
        ("family planning", Expect::Checklist("计划生育")),
        ("rehabilitation", Expect::Checklist("康复服务")),
        ("cooperative medical", Expect::Checklist("合作医疗")),
        ("village clinics", Expect::Checklist("村卫生室")),
        ("statistics", Expect::Checklist("统计报表")),
        ("爱国卫生", Expect::Checklist("爱国卫生")),
        // §5 ethics.
        ("disclosure", Expect::Checklist("收费和药价公开")),
        (
            "complaints and feedback",
            Expect::Checklist("举报电话、意见箱"),
        ),
        ("name badges", Expect::Checklist("胸卡")),
        ("ethics appraisal", Expect::Checklist("考评和奖惩")),
    ];
    assert_present("thc-standard", &table);
}

#[test]
fn the_17_management_items_are_each_their_own_criterion() {
    let cat = catalogue("thc-standard");
    let section = cat.sections.iter().find(|s| s.id == "management").unwrap();
    assert_eq!(section.criteria.len(), 17);
    for (i, c) in section.criteria.iter().enumerate() {
        assert!(matches!(c.kind, CriterionKind::Checklist));
        assert_eq!(c.provenance.section, format!("三(六){}", i + 1));
        assert_eq!(c.provenance.tag, ProvenanceTag::Provincial);
    }
    let titles: Vec<&str> = section
        .criteria
        .iter()
        .map(|c| c.title.zh.as_str())
        .collect();
    for needle in [
        "命名规范",
        "法律法规",
        "诊疗护理规范",
        "管理体系",
        "首诊负责制",
        "合理检查",
        "医疗文书",
        "急救器械",
        "消毒隔离",
        "一次性",
        "技术档案",
        "公开栏",
        "财务",
        "防保人员经费",
        "医疗事故",
        "规章制度",
        "经营性亏损",
    ] {
        assert!(titles.iter().any(|t| t.contains(needle)), "{needle}");
    }
}

#[test]
fn community_hospital_matches_criteria_md() {
    let table = [
        (
            "≥ 30 open beds",
            Expect::Threshold("open_beds", Some(30), None, None),
        ),
        (
            "beds 1.0–1.5 per 1,000",
            Expect::Ratio {
                numerator: &["open_beds"],
                minus: &[],
                denominator: &["resident_population", "temporary_population"],
                min: Some((1, 1000)),
                max: None,
                soft_max: Some((15, 10_000)),
                floor: None,
            },
        ),
        (
            "occupancy ≥ 75%",
            Expect::Threshold("bed_occupancy", Some(7500), None, None),
        ),
        (
            "non-卫技 ≤ 15%",
            Expect::Ratio {
                numerator: &["staff_total"],
                minus: &["health_tech_staff"],
                denominator: &["staff_total"],
                min: None,
                max: Some((15, 100)),
                soft_max: None,
                floor: None,
            },
        ),
        (
            "doctor : nurse 1 : 1.5",
            Expect::Ratio {
                numerator: &["nurses"],
                minus: &[],
                denominator: &["physicians"],
                min: Some((3, 2)),
                max: None,
                soft_max: None,
                floor: None,
            },
        ),
        (
            "≥ 0.7 卫技 per bed",
            Expect::Ratio {
                numerator: &["health_tech_staff"],
                minus: &[],
                denominator: &["open_beds"],
                min: Some((7, 10)),
                max: None,
                soft_max: None,
                floor: None,
            },
        ),
        (
            "≥ 3 全科医师",
            Expect::Threshold("general_practitioners", Some(3), None, None),
        ),
        (
            "≥ 2 公共卫生医师",
            Expect::Threshold("public_health_physicians", Some(2), None, None),
        ),
        (
            "主治 per clinical department",
            Expect::Checklist("主治医师"),
        ),
        (
            "全科医疗科",
            Expect::Department("全科医疗科", Clinical, &[G, C], &[]),
        ),
        (
            "康复医学科",
            Expect::Department("康复医学科", Clinical, &[G, C], &[]),
        ),
        (
            "中医科",
            Expect::Department("中医科", Clinical, &[G, C], &[]),
        ),
        (
            "预防保健科",
            Expect::Department("预防保健科", PublicHealth, &[G, C], &[]),
        ),
        (
            "预防接种门诊",
            Expect::Department("预防接种门诊", PublicHealth, &[G, C], &[]),
        ),
        (
            "妇儿保健门诊",
            Expect::Department("妇儿保健门诊", PublicHealth, &[G, C], &[]),
        ),
        (
            "健康教育室",
            Expect::Department("健康教育室", PublicHealth, &[G, C], &[]),
        ),
        (
            "计划生育技术服务室",
            Expect::Department("计划生育技术服务室", PublicHealth, &[G, C], &[]),
        ),
        (
            "检验科",
            Expect::Department("检验科", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "医学影像科",
            Expect::Department("医学影像科", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "心电图室",
            Expect::Department("心电图室", MedicalTechnical, &[G, C], &[]),
        ),
        (
            "药房",
            Expect::Department("药房", MedicalTechnical, &[G, C], &[]),
        ),
    ];
    assert_present("community-hospital-readiness", &table);
}

#[test]
fn every_bundled_criterion_has_provenance_and_decisions_are_marked() {
    for cat in bundled() {
        let mut decisions = 0;
        for c in cat.criteria() {
            let p = &c.criterion.provenance;
            let source = cat
                .source(&p.source)
                .unwrap_or_else(|| panic!("{}: {}", cat.id, c.criterion.id));
            assert!(!p.section.trim().is_empty(), "{}", c.criterion.id);
            // Seed numbers and the compilation's part numbers are for maintainers: a user
            // reads the document's own title and section.
            assert!(
                !matches!(p.tag, ProvenanceTag::Seed(_)),
                "{}: cite the document, not the seed",
                c.criterion.id
            );
            assert!(
                !p.section.contains('篇'),
                "{}: {}",
                c.criterion.id,
                p.section
            );
            if p.tag != ProvenanceTag::Decision {
                assert_eq!(source.tag, p.tag, "{}: tag of its source", c.criterion.id);
            }
            for lang in [Lang::Zh, Lang::En] {
                let line = thc_core::present::explain::provenance_line(cat, p, lang);
                for internal in ["种子", "seed", "篇", "Seed"] {
                    assert!(!line.contains(internal), "{}: {line}", c.criterion.id);
                }
            }
            if p.tag == ProvenanceTag::Decision {
                decisions += 1;
            }
        }
        assert!(decisions > 0, "{} has no [decision] item marked", cat.id);
    }
    // The four-room naming is a decision noted on a seed-tagged item.
    let four = catalogue("thc-standard")
        .find_criterion("thc.imm.four-rooms")
        .unwrap();
    assert!(four
        .criterion
        .provenance
        .note
        .as_ref()
        .unwrap()
        .zh
        .contains("本工具的解释"));
}

#[test]
fn every_input_is_entered_by_a_numeric_inputs_criterion() {
    for cat in bundled() {
        for input in &cat.inputs {
            let entered = cat.criteria().any(|c| {
                matches!(&c.criterion.kind, CriterionKind::NumericInputs { inputs, .. } if inputs.contains(&input.id))
            });
            assert!(
                entered,
                "{}: input {} has no entry criterion",
                cat.id, input.id
            );
        }
    }
}

#[test]
fn importance_is_core_for_the_standard_and_recommended_for_district_rate_targets() {
    let cat = catalogue("thc-standard");
    let recommended: Vec<&str> = cat
        .criteria()
        .filter(|c| c.criterion.importance == Importance::Recommended)
        .map(|c| c.criterion.id.as_str())
        .collect();
    assert_eq!(
        recommended,
        vec![
            "thc.dept.tcm-processing",
            "thc.dept.decoction",
            "thc.staff.appointment-system",
            "thc.ph.elderly-check",
            "thc.ph.hypertension",
            "thc.ph.diabetes",
            "thc.ethics.window-satisfaction",
        ]
    );
}
