//! Evaluation benchmark (plain `std::time::Instant`, `harness = false`).
//!
//! Prints median and p95 time per iteration for: each bundled catalogue fully evaluated with a
//! realistic, fully answered assessment; rendering every explanation line; loading each bundled
//! catalogue from JSON; and a synthetic 2,000-criterion catalogue.
//!
//! Run: `cargo bench --bench evaluation`.
// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::DateTime;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};
use thc_core::assessment::{Answer, Assessment, Profile, Status};
use thc_core::catalogue::{
    bundled, bundled_json, Catalogue, CentreType, Criterion, CriterionKind, DepartmentGroup,
    DepartmentSpec, Fraction, Grade, GradedSpec, Importance, InputDef, InputKind, Lang, Operand,
    Provenance, ProvenanceTag, RatioDisplay, RatioRule, Rule, Section, SubItem, Text,
    ThresholdRule,
};
use thc_core::evaluation::evaluate;
use thc_core::present::explain::explain;

fn stats(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    (median, p95)
}

fn run(name: &str, iterations: usize, mut f: impl FnMut()) {
    for _ in 0..iterations.min(50) {
        f(); // warm-up
    }
    let mut samples = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        f();
        samples.push(start.elapsed());
    }
    let (median, p95) = stats(samples);
    println!(
        "{name:<58} median {:>9.1} µs   p95 {:>9.1} µs   ({iterations} iterations)",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6
    );
}

/// Plausible figures for a 20-bed central centre serving 32,000 people.
fn realistic_value(def: &InputDef) -> u64 {
    match (def.kind, def.id.as_str()) {
        (InputKind::Percent, _) => 9_250,
        (InputKind::Area, _) => 1_200,
        (_, "resident_population") => 29_000,
        (_, "temporary_population") => 3_000,
        (_, "beds" | "open_beds") => 32,
        (_, "staff_total") => 60,
        (_, "health_tech_staff") => 52,
        (_, "clinical_physicians" | "physicians") => 20,
        (_, "clinical_assistant_physicians") => 5,
        (_, "tcm_physicians") => 2,
        (_, "tcm_assistant_physicians") => 1,
        (_, "nurses") => 30,
        (_, "medical_staff") => 40,
        (_, "immunization_staff") => 4,
        (_, "prevention_staff") => 4,
        (_, "tcm_consult_rooms") => 1,
        (_, "tcm_rehab_rooms") => 1,
        (_, "tcm_techniques") => 8,
        _ => 3,
    }
}

/// Every input filled and every criterion answered (a mix of answers, as a real centre's).
fn fully_answered(cat: &Catalogue) -> Assessment {
    let now = DateTime::parse_from_rfc3339("2024-05-01T09:00:00+08:00").unwrap_or_default();
    let profile = Profile {
        centre_name: "城关镇中心卫生院".into(),
        centre_type: Some(CentreType::Central),
        year: Some(2024),
        flags: cat.flags.iter().map(|f| f.id.clone()).collect(),
        ..Profile::default()
    };
    let mut a = Assessment::new("bench", cat, profile, now);
    for def in &cat.inputs {
        a.set_input(&def.id, Some(realistic_value(def)), now);
    }
    for (i, c) in cat.criteria().enumerate() {
        let answer = match &c.criterion.kind {
            CriterionKind::Checklist | CriterionKind::Department { .. } => {
                Some(Answer::Status(match i % 7 {
                    0 => Status::NotMet,
                    1 => Status::Partly,
                    _ => Status::Met,
                }))
            }
            CriterionKind::Graded { graded } if graded.sub_items.is_empty() => Some(Answer::Grade(
                [Grade::A, Grade::B, Grade::C, Grade::C, Grade::D][i % 5],
            )),
            CriterionKind::Graded { graded } => Some(Answer::SubItems(
                graded
                    .sub_items
                    .iter()
                    .enumerate()
                    .map(|(j, s)| (s.id.clone(), j % 3 != 2))
                    .collect::<BTreeMap<_, _>>(),
            )),
            _ => None,
        };
        if answer.is_some() {
            a.set_answer(&c.criterion.id, answer, now);
            a.set_evidence(&c.criterion.id, "见台账", now);
        }
    }
    a
}

fn text(s: &str) -> Text {
    Text::new(format!("{s}（中文）"), s.to_string())
}

/// 20 sections × 100 criteria over 50 inputs, cycling through every kind.
fn synthetic(n_criteria: usize) -> Catalogue {
    let mut cat = bundled()
        .iter()
        .find(|c| c.id == "national-graded-sample")
        .cloned()
        .unwrap_or_else(|| bundled()[0].clone());
    cat.id = "synthetic".into();
    let inputs: Vec<InputDef> = (0..50usize)
        .map(|i| InputDef {
            id: format!("in{i}"),
            label: text(&format!("Input {i}")),
            unit: text("persons"),
            kind: if i.is_multiple_of(5) {
                InputKind::Percent
            } else {
                InputKind::Count
            },
            max: None,
            not_above: None,
            help: None,
        })
        .collect();
    let source = cat.sources[0].id.clone();
    let provenance = |i: usize| Provenance {
        source: source.clone(),
        section: format!("§{i}"),
        tag: ProvenanceTag::Decision,
        note: None,
    };
    let mut sections = Vec::new();
    for s in 0..20 {
        let mut criteria = Vec::new();
        for k in 0..n_criteria / 20 {
            let i = s * (n_criteria / 20) + k;
            // Count inputs are the ids that are not multiples of 5.
            let count_input = |j: usize| format!("in{}", (j % 10) * 5 + 1 + j % 4);
            let kind = match i % 6 {
                0 => CriterionKind::Checklist,
                1 => CriterionKind::Rule {
                    rule: Rule::Ratio(RatioRule {
                        label: text("share"),
                        numerator: Operand::input(count_input(i)),
                        denominator: Operand {
                            add: vec![count_input(i + 1), count_input(i + 2)],
                            subtract: Vec::new(),
                            label: None,
                        },
                        min: Some(Fraction::new(85, 100)),
                        max: None,
                        soft_max: Some(Fraction::new(95, 100)),
                        min_numerator: Some(2),
                        display: RatioDisplay::Percent,
                    }),
                },
                2 => CriterionKind::Rule {
                    rule: Rule::Threshold(ThresholdRule {
                        value: Operand::input(format!("in{}", (i % 10) * 5)),
                        min: Some(9000),
                        max: None,
                        soft_max: None,
                    }),
                },
                3 => CriterionKind::Department {
                    department: DepartmentSpec {
                        group: DepartmentGroup::Clinical,
                        required_for: vec![CentreType::Central],
                        optional_for: vec![CentreType::General],
                    },
                },
                4 => CriterionKind::Graded {
                    graded: GradedSpec::default(),
                },
                _ => CriterionKind::Graded {
                    graded: GradedSpec {
                        sub_items: ["C", "B", "A"]
                            .iter()
                            .zip([Grade::C, Grade::B, Grade::A])
                            .map(|(n, level)| SubItem {
                                id: format!("{n}-1"),
                                level,
                                text: text("sub-item"),
                            })
                            .collect(),
                        levels: None,
                    },
                },
            };
            criteria.push(Criterion {
                id: format!("syn.{i:04}"),
                title: text(&format!("Criterion {i}")),
                explanation: text("Explanation"),
                provenance: provenance(i),
                applicability: Default::default(),
                importance: if i.is_multiple_of(9) {
                    Importance::Recommended
                } else {
                    Importance::Core
                },
                kind,
            });
        }
        sections.push(Section {
            id: format!("s{s}"),
            title: text(&format!("Section {s}")),
            description: None,
            criteria,
        });
    }
    cat.inputs.extend(inputs);
    cat.sections = sections;
    cat
}

fn main() {
    println!("thc-assess evaluation benchmark (release profile)");
    for cat in bundled() {
        let a = fully_answered(cat);
        let name = format!("evaluate {} ({} criteria)", cat.id, cat.criterion_count());
        run(&name, 5_000, || {
            black_box(evaluate(black_box(cat), black_box(&a)));
        });
    }
    for cat in bundled() {
        let a = fully_answered(cat);
        let ev = evaluate(cat, &a);
        let name = format!("explain all lines zh+en {}", cat.id);
        run(&name, 1_000, || {
            for r in &ev.results {
                black_box(explain(cat, r, Lang::Zh));
                black_box(explain(cat, r, Lang::En));
            }
        });
    }
    for (id, json) in bundled_json() {
        let name = format!("load+validate {id} from JSON ({} KB)", json.len() / 1024);
        run(&name, 300, || {
            black_box(Catalogue::from_json(black_box(json)).ok());
        });
    }
    let synthetic = synthetic(2_000);
    if let Err(e) = synthetic.validate() {
        println!("synthetic catalogue invalid: {:?}", e.first());
        return;
    }
    let a = fully_answered(&synthetic);
    let name = format!(
        "evaluate synthetic ({} criteria)",
        synthetic.criterion_count()
    );
    run(&name, 1_000, || {
        black_box(evaluate(black_box(&synthetic), black_box(&a)));
    });
}
