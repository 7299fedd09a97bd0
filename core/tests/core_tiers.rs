// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! The graded framework: cumulative grades, sub-items, and the 合格 / 基本 / 推荐 tiers at
//! their exact thresholds. The tier bars are the bundled sample's own data.

use chrono::{DateTime, FixedOffset};
use thc_core::assessment::{Answer, Assessment, Profile, Status};
use thc_core::catalogue::{
    bundled, Catalogue, Criterion, CriterionKind, Grade, GradedSpec, Importance, Lang, Provenance,
    ProvenanceTag, Section, Text,
};
use thc_core::evaluation::{
    evaluate, BarCheck, ClauseGroup, Explanation, TierReport, TierStatus, Verdict,
};
use thc_core::present::explain::{bar_line, tier_line};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-05-01T09:00:00+08:00").unwrap()
}

fn sample() -> &'static Catalogue {
    bundled()
        .iter()
        .find(|c| c.id == "national-graded-sample")
        .unwrap()
}

fn clause(id: String, importance: Importance) -> Criterion {
    Criterion {
        id: id.clone(),
        title: Text::new(format!("条款 {id}"), format!("Clause {id}")),
        explanation: Text::new("说明", "Explanation"),
        provenance: Provenance {
            source: "sample-clauses".into(),
            section: id,
            tag: ProvenanceTag::Decision,
            note: None,
        },
        applicability: Default::default(),
        importance,
        kind: CriterionKind::Graded {
            graded: GradedSpec::default(),
        },
    }
}

/// The sample's tiers and profile over 20 basic and 10 ★ clauses without sub-items.
fn synthetic() -> Catalogue {
    let mut cat = sample().clone();
    cat.id = "synthetic-graded".into();
    let profile = cat.sections[0].clone();
    let basic = (1..=20)
        .map(|i| clause(format!("b{i:02}"), Importance::Core))
        .collect();
    let starred = (1..=10)
        .map(|i| clause(format!("r{i:02}"), Importance::Recommended))
        .collect();
    cat.sections = vec![
        profile,
        Section {
            id: "basic".into(),
            title: Text::new("基本", "Basic"),
            description: None,
            criteria: basic,
        },
        Section {
            id: "starred".into(),
            title: Text::new("推荐", "Recommended"),
            description: None,
            criteria: starred,
        },
    ];
    cat.validate().unwrap();
    cat
}

/// Grades for the basic clauses: `a` at A, then `b` at B, then `c` at C, the rest at D
/// (so at-least counts are a, a+b, a+b+c).
fn grade_list(n: usize, a: usize, b: usize, c: usize) -> Vec<Grade> {
    (0..n)
        .map(|i| {
            if i < a {
                Grade::A
            } else if i < a + b {
                Grade::B
            } else if i < a + b + c {
                Grade::C
            } else {
                Grade::D
            }
        })
        .collect()
}

fn assess(cat: &Catalogue, basic: &[Grade], starred: &[Grade], staff: u64, pop: u64) -> Assessment {
    let mut a = Assessment::new("t", cat, Profile::default(), now());
    for (i, g) in basic.iter().enumerate() {
        a.set_grade(&format!("b{:02}", i + 1), *g, now());
    }
    for (i, g) in starred.iter().enumerate() {
        a.set_grade(&format!("r{:02}", i + 1), *g, now());
    }
    a.set_input("medical_staff", Some(staff), now());
    a.set_input("resident_population", Some(pop), now());
    a.set_input("temporary_population", Some(0), now());
    a.set_input("beds", Some(0), now());
    a
}

fn report(cat: &Catalogue, a: &Assessment) -> TierReport {
    evaluate(cat, a).tiers.unwrap()
}

fn status(r: &TierReport, tier: &str) -> TierStatus {
    r.tiers.iter().find(|t| t.tier_id == tier).unwrap().status
}

fn shortfalls(r: &TierReport, tier: &str) -> Vec<BarCheck> {
    r.tiers
        .iter()
        .find(|t| t.tier_id == tier)
        .unwrap()
        .shortfalls()
        .copied()
        .collect()
}

const BIG: u64 = 30_000;

#[test]
fn basic_tier_c_bar_19_of_20_reaches_18_does_not() {
    let cat = synthetic();
    // 4 at A, 6 at B, 9 at C, 1 at D: C 19/20 = 95%, B 10/20 = 50%, A 4/20 = 20%.
    let a = assess(
        &cat,
        &grade_list(20, 4, 6, 9),
        &grade_list(10, 0, 0, 0),
        20,
        BIG,
    );
    let r = report(&cat, &a);
    assert_eq!(
        (r.basic.at_least_c, r.basic.at_least_b, r.basic.at_least_a),
        (19, 10, 4)
    );
    assert_eq!(status(&r, "basic"), TierStatus::Reached);
    assert_eq!(r.highest_reached.as_deref(), Some("basic"));

    let a = assess(&cat, &grade_list(20, 4, 6, 8), &[], 20, BIG);
    let r = report(&cat, &a);
    assert_eq!(status(&r, "basic"), TierStatus::Missed);
    let s = shortfalls(&r, "basic");
    assert_eq!(s.len(), 1, "{s:?}");
    let bar = s[0];
    assert_eq!(
        (
            bar.group,
            bar.level,
            bar.percent,
            bar.considered,
            bar.have,
            bar.needed,
            bar.missing
        ),
        (ClauseGroup::Basic, Grade::C, 95, 20, 18, 19, 1)
    );
    assert_eq!(
        bar_line(&bar, Lang::Zh),
        "基本条款 C 级及以上 ≥ 95%：现 18 / 20，需 19，还差 1 条"
    );
    let line = tier_line(
        &cat,
        r.tiers.iter().find(|t| t.tier_id == "basic").unwrap(),
        Lang::En,
    );
    assert_eq!(
        line,
        "Basic tier: not reached — basic clauses at C or better ≥ 95%: 18 of 20, need 19, 1 more needed"
    );
}

#[test]
fn basic_tier_b_and_a_bars() {
    let cat = synthetic();
    // B 9/20 = 45% < 50%; A 3/20 = 15% < 20%.
    let a = assess(&cat, &grade_list(20, 3, 6, 11), &[], 20, BIG);
    let r = report(&cat, &a);
    let s = shortfalls(&r, "basic");
    let got: Vec<(Grade, u64, u64)> = s.iter().map(|b| (b.level, b.needed, b.missing)).collect();
    assert_eq!(got, vec![(Grade::B, 10, 1), (Grade::A, 4, 1)]);
}

#[test]
fn cumulative_counting_a_counts_for_b_and_c() {
    let cat = synthetic();
    let a = assess(
        &cat,
        &grade_list(20, 20, 0, 0),
        &grade_list(10, 10, 0, 0),
        20,
        BIG,
    );
    let r = report(&cat, &a);
    assert_eq!(
        (r.basic.at_least_c, r.basic.at_least_b, r.basic.at_least_a),
        (20, 20, 20)
    );
    assert_eq!(status(&r, "basic"), TierStatus::Reached);
    assert_eq!(status(&r, "recommended"), TierStatus::Reached);
    assert_eq!(r.highest_reached.as_deref(), Some("recommended"));
}

#[test]
fn qualified_tier_bars_and_eligibility() {
    let cat = synthetic();
    // C 16/20 = 80%, B 4/20 = 20%, A 1/20 = 5%: exactly the 合格 bars.
    let grades = grade_list(20, 1, 3, 12);
    let eligible = assess(&cat, &grades, &[], 9, 9_999);
    let r = report(&cat, &eligible);
    assert_eq!(status(&r, "qualified"), TierStatus::Reached);
    assert_eq!(status(&r, "basic"), TierStatus::Missed);
    assert_eq!(r.highest_reached.as_deref(), Some("qualified"));

    let one_short = assess(&cat, &grade_list(20, 1, 3, 11), &[], 9, 9_999);
    let s = shortfalls(&report(&cat, &one_short), "qualified");
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].level, s[0].needed, s[0].missing), (Grade::C, 16, 1));

    // 10 medical staff: not eligible, whatever the grades; reported with the numbers.
    let r = report(&cat, &assess(&cat, &grades, &[], 10, 9_999));
    assert_eq!(status(&r, "qualified"), TierStatus::NotEligible);
    let q = r.tiers.iter().find(|t| t.tier_id == "qualified").unwrap();
    assert_eq!(q.eligibility[0].value, Some(10));
    assert_eq!(q.eligibility[0].passes, Some(false));
    assert_eq!(q.eligibility[1].passes, Some(true));
    assert_eq!(r.highest_reached, None);
    assert_eq!(
        tier_line(&cat, q, Lang::Zh),
        "合格标准：不符合申报条件——医务人员数 = 10（须 < 10）；服务人口 = 9,999（须 < 10,000）"
    );
    // 10,000 people: not eligible either.
    let r = report(&cat, &assess(&cat, &grades, &[], 9, 10_000));
    assert_eq!(status(&r, "qualified"), TierStatus::NotEligible);

    // Population not entered yet: eligibility undecided.
    let mut a = assess(&cat, &grades, &[], 9, 9_999);
    a.set_input("temporary_population", None, now());
    assert_eq!(
        status(&report(&cat, &a), "qualified"),
        TierStatus::EligibilityUnknown
    );
}

#[test]
fn recommended_tier_needs_both_groups() {
    let cat = synthetic();
    // Basic: C 20/20, B 12/20 = 60%, A 6/20 = 30%. Recommended: C 9/10, B 6/10, A 3/10.
    let basic = grade_list(20, 6, 6, 8);
    let a = assess(&cat, &basic, &grade_list(10, 3, 3, 3), 20, BIG);
    let r = report(&cat, &a);
    assert_eq!(status(&r, "recommended"), TierStatus::Reached);

    let a = assess(&cat, &basic, &grade_list(10, 3, 3, 2), 20, BIG);
    let r = report(&cat, &a);
    assert_eq!(status(&r, "recommended"), TierStatus::Missed);
    let s = shortfalls(&r, "recommended");
    assert_eq!(s.len(), 1);
    assert_eq!(
        (
            s[0].group,
            s[0].level,
            s[0].percent,
            s[0].needed,
            s[0].missing
        ),
        (ClauseGroup::Recommended, Grade::C, 90, 9, 1)
    );

    // One basic clause at D: 19/20 is not 100%.
    let a = assess(
        &cat,
        &grade_list(20, 6, 6, 7),
        &grade_list(10, 3, 3, 3),
        20,
        BIG,
    );
    let s = shortfalls(&report(&cat, &a), "recommended");
    assert_eq!(s.len(), 1);
    assert_eq!(
        (s[0].group, s[0].level, s[0].needed, s[0].missing),
        (ClauseGroup::Basic, Grade::C, 20, 1)
    );
}

#[test]
fn not_applicable_clauses_leave_the_denominators_and_are_listed() {
    let cat = synthetic();
    // 18 at C or better out of 20 misses 95%…
    let grades = grade_list(20, 4, 6, 8);
    let mut a = assess(&cat, &grades, &[], 20, BIG);
    assert_eq!(status(&report(&cat, &a), "basic"), TierStatus::Missed);
    // …but with the two D clauses marked not applicable, 18 of 18 reaches it.
    a.set_not_applicable("b19", true, now());
    a.set_status("b20", Status::NotApplicable, now());
    let r = report(&cat, &a);
    assert_eq!(r.basic.considered, 18);
    assert_eq!(r.excluded, vec!["b19".to_string(), "b20".to_string()]);
    assert_eq!(status(&r, "basic"), TierStatus::Reached);
}

#[test]
fn unanswered_clauses_stay_in_the_denominators() {
    let cat = synthetic();
    let mut a = assess(&cat, &grade_list(20, 4, 6, 9), &[], 20, BIG);
    a.set_answer("b20", None, now()); // the D clause, now unanswered
    let r = report(&cat, &a);
    assert_eq!(
        (r.basic.considered, r.basic.unanswered, r.basic.grade_d),
        (20, 1, 0)
    );
    assert_eq!(status(&r, "basic"), TierStatus::Reached);
    a.set_answer("b19", None, now()); // a C clause, now unanswered: 18 / 20
    assert_eq!(status(&report(&cat, &a), "basic"), TierStatus::Missed);
}

#[test]
fn sub_items_grade_cumulatively() {
    let cat = sample();
    let id = "g.2.3"; // C-1, C-2, B-1, B-2, A-1
    let grade_of = |met: &[&str]| {
        let mut a = Assessment::new("t", cat, Profile::default(), now());
        for s in met {
            a.set_sub_item(id, s, true, now());
        }
        a.set_sub_item(id, "B-2", met.contains(&"B-2"), now());
        evaluate(cat, &a).result(id).unwrap().clone()
    };
    let r = grade_of(&["C-1", "C-2", "B-1", "A-1"]);
    match &r.explanation {
        Explanation::Graded(g) => {
            assert_eq!(g.grade, Grade::C, "A-1 met but B-2 is not: stays at C");
            let p = g.sub_items.as_ref().unwrap();
            assert_eq!((p.met, p.total), (4, 5));
            assert_eq!(p.next_level, Some(Grade::B));
            assert_eq!(p.blocking, vec!["B-2".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(r.verdict, Verdict::Met);
    assert_eq!(
        thc_core::present::explain::explain(cat, &r, Lang::Zh),
        "评定等级 C（子项已达 4/5；达到 B 级还需：B-2）"
    );
    let r = grade_of(&["C-1", "C-2", "B-1", "B-2", "A-1"]);
    assert!(matches!(&r.explanation, Explanation::Graded(g) if g.grade == Grade::A));
    let r = grade_of(&["C-1", "B-1", "B-2", "A-1"]);
    assert!(matches!(&r.explanation, Explanation::Graded(g) if g.grade == Grade::D));
    assert_eq!(r.verdict, Verdict::Gap);

    // A direct grade on a clause with sub-items is the wrong kind of answer.
    let mut a = Assessment::new("t", cat, Profile::default(), now());
    a.set_answer(id, Some(Answer::Grade(Grade::A)), now());
    let r = evaluate(cat, &a).result(id).unwrap().clone();
    assert_eq!(
        (r.verdict, r.explanation),
        (Verdict::NotAnswered, Explanation::WrongAnswerKind)
    );
}

#[test]
fn the_sample_is_labelled_and_has_starred_and_sub_item_clauses() {
    let cat = sample();
    assert!(cat.sample);
    assert!(cat.title.zh.contains("样例") && cat.title.en.contains("SAMPLE"));
    assert!(cat.description.zh.contains("不是") && cat.description.en.contains("not the official"));
    let graded: Vec<_> = cat.criteria().filter(|c| c.criterion.is_graded()).collect();
    assert!((12..=20).contains(&graded.len()), "{}", graded.len());
    let starred = graded
        .iter()
        .filter(|c| c.criterion.importance == Importance::Recommended)
        .count();
    assert!(starred >= 3);
    assert!(graded.iter().any(|c| matches!(&c.criterion.kind,
        CriterionKind::Graded { graded } if !graded.sub_items.is_empty())));
    let chapters: Vec<&str> = cat.sections.iter().map(|s| s.title.zh.as_str()).collect();
    for name in [
        "功能任务和资源配置",
        "基本医疗和公共卫生服务",
        "业务管理",
        "综合管理",
    ] {
        assert!(chapters.iter().any(|t| t.contains(name)), "{name}");
    }
    let bars: Vec<(&str, u32, u32, u32)> = cat
        .tiers
        .iter()
        .map(|t| (t.id.as_str(), t.basic.c, t.basic.b, t.basic.a))
        .collect();
    assert_eq!(
        bars,
        vec![
            ("qualified", 80, 20, 5),
            ("basic", 95, 50, 20),
            ("recommended", 100, 60, 30)
        ]
    );
    let rec = cat.tier("recommended").unwrap().recommended.unwrap();
    assert_eq!((rec.c, rec.b, rec.a), (90, 60, 30));
    let q = cat.tier("qualified").unwrap().eligibility.as_ref().unwrap();
    let limits: Vec<u64> = q.all_below.iter().map(|l| l.below).collect();
    assert_eq!(limits, vec![10, 10_000]);
}

#[test]
fn starred_inpatient_clause_is_excluded_without_beds() {
    let cat = sample();
    let mut a = Assessment::new("t", cat, Profile::default(), now());
    a.set_input("beds", Some(0), now());
    let r = evaluate(cat, &a).tiers.unwrap();
    assert_eq!(r.excluded, vec!["g.2.6".to_string()]);
    assert_eq!(r.recommended.considered, 3);
    assert_eq!(r.basic.considered, 15);
    assert_eq!(r.basic.unanswered, 15);
}
