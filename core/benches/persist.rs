//! Persistence cost of a LARGE assessment: 300 criteria, every one answered with a
//! 500-character Chinese evidence note and an action.
//!
//! Run with `cargo bench --bench persist` (harness = false). Prints median and p95 of:
//! * `encode`: serialising the envelope alone;
//! * `plan_save`: one whole save plan — decoding the stored main (to check for conflicts and
//!   keep it as the backup) plus serialising the new main;
//! * `load`: decoding it back (`load` with a good main).
// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use chrono::{DateTime, Duration, FixedOffset};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;
use thc_core::assessment::{Action, ActionStatus, Answer, Assessment, ItemRecord, Profile, Status};
use thc_core::store::{decode, encode_stored, load, plan_save, SavePlan, StoredAssessment};

const CRITERIA: usize = 300;
const NOTE_CHARS: usize = 500;
const ID: &str = "bench-large-1";

fn time(s: &str) -> DateTime<FixedOffset> {
    match DateTime::parse_from_rfc3339(s) {
        Ok(t) => t,
        Err(e) => panic!("bad bench time {s}: {e}"),
    }
}

fn note(i: usize) -> String {
    const SOURCE: &str = "院务公开栏已张贴本年度制度汇编，药剂科每月核对急救药品效期并登记，公共卫生科按季度开展慢病随访质控，检查发现问题已在院周会通报并限期整改。";
    SOURCE
        .chars()
        .cycle()
        .skip(i % 17)
        .take(NOTE_CHARS)
        .collect()
}

fn large_assessment() -> Assessment {
    let now = time("2026-11-20T14:03:27+08:00");
    let statuses = [
        Status::Met,
        Status::Partly,
        Status::NotMet,
        Status::NotApplicable,
    ];
    let items: BTreeMap<String, ItemRecord> = (0..CRITERIA)
        .map(|i| {
            let record = ItemRecord {
                answer: Some(Answer::Status(statuses[i % statuses.len()])),
                not_applicable: false,
                evidence: note(i),
                action: Some(Action {
                    measure: format!("第 {} 条：完善制度并指定专人每月检查，形成台账。", i + 1),
                    owner: "医务科 王敏".to_string(),
                    deadline: Some(now.date_naive() + Duration::days(30 + (i % 90) as i64)),
                    status: ActionStatus::InProgress,
                }),
            };
            (
                format!("{}.{}.{}", i / 100 + 1, (i / 10) % 10 + 1, i % 10 + 1),
                record,
            )
        })
        .collect();
    let inputs = (0..40)
        .map(|i| (format!("input_{i:02}"), 1000 + i))
        .collect();
    Assessment {
        rejected_inputs: BTreeMap::new(),
        format_version: 1,
        id: ID.to_string(),
        catalogue_id: "thc-standard".to_string(),
        catalogue_version: 1,
        profile: Profile {
            centre_name: "青山镇中心卫生院".to_string(),
            county: "平阳县".to_string(),
            year: Some(2026),
            filled_by: "王院长".to_string(),
            ..Profile::default()
        },
        inputs,
        items,
        created_at: time("2026-11-01T08:00:00+08:00"),
        updated_at: now,
        review: None,
    }
}

fn measure<R>(name: &str, runs: usize, mut f: impl FnMut() -> R) {
    for _ in 0..3 {
        black_box(f());
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<10} median {:>8.3} ms   p95 {:>8.3} ms   ({runs} runs)",
        pick(0.5),
        pick(0.95)
    );
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let a = large_assessment();
    let now = time("2026-11-20T14:05:00+08:00");
    let previous = match plan_save(ID, None, 0, "tab-bench", now, &a, None) {
        SavePlan::Write { main, .. } => main,
        other => panic!("first save not planned: {other:?}"),
    };
    let stored: StoredAssessment = match decode(&previous) {
        Ok(s) => s,
        Err(e) => panic!("cannot decode the bench entry: {e:?}"),
    };
    println!(
        "entry: {} criteria, {} bytes UTF-8, {} UTF-16 units (localStorage counts UTF-16)",
        stored.assessment.items.len(),
        previous.len(),
        previous.encode_utf16().count()
    );

    measure("encode", runs, || encode_stored(&stored));
    measure("plan_save", runs, || {
        plan_save(ID, Some(&previous), 1, "tab-bench", now, &a, None)
    });
    measure("load", runs, || load(ID, Some(&previous), Some(&previous)));
}
