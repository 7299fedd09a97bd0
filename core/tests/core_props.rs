// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]
//! Property tests over the bundled catalogues with random (realistic and hostile) assessments.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;
use std::collections::BTreeMap;
use thc_core::assessment::{parse_input, Answer, Assessment, ItemRecord, Profile, Status};
use thc_core::base::exact::{
    format_hundredths, format_percent, format_thousands, ratio_cmp, Fraction,
};
use thc_core::catalogue::{
    bundled, bundled_json, Catalogue, CentreType, CriterionKind, Grade, InputKind, Lang, Rule,
};
use thc_core::evaluation::{evaluate, TierStatus, Verdict};
use thc_core::present::explain::{explain, summary_line, tier_line};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-05-01T09:00:00+08:00").unwrap()
}

/// Raw random material, turned into an assessment of a given catalogue.
#[derive(Debug, Clone)]
struct Raw {
    catalogue: usize,
    centre_type: u8,
    flag: bool,
    inputs: Vec<Option<u64>>,
    answers: Vec<(u8, u8, bool)>,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        0usize..3,
        0u8..3,
        any::<bool>(),
        prop::collection::vec(prop::option::weighted(0.9, 0u64..10_001), 40),
        prop::collection::vec((0u8..6, any::<u8>(), prop::bool::weighted(0.05)), 160),
    )
        .prop_map(|(catalogue, centre_type, flag, inputs, answers)| Raw {
            catalogue,
            centre_type,
            flag,
            inputs,
            answers,
        })
}

fn realistic_value(id: &str, kind: InputKind, v: u64) -> u64 {
    match kind {
        InputKind::Percent => v,
        InputKind::Area => v / 5,
        InputKind::Count if id.contains("population") => v * 5,
        InputKind::Count => v % 120,
    }
}

fn build(raw: &Raw) -> (&'static Catalogue, Assessment) {
    let cat = &bundled()[raw.catalogue];
    let profile = Profile {
        centre_type: match raw.centre_type {
            0 => None,
            1 => Some(CentreType::General),
            _ => Some(CentreType::Central),
        },
        flags: if raw.flag {
            cat.flags.iter().map(|f| f.id.clone()).collect()
        } else {
            Default::default()
        },
        ..Profile::default()
    };
    let mut a = Assessment::new("p", cat, profile, now());
    for (def, v) in cat.inputs.iter().zip(raw.inputs.iter()) {
        if let Some(v) = v {
            a.inputs
                .insert(def.id.clone(), realistic_value(&def.id, def.kind, *v));
        }
    }
    for (c, &(choice, extra, na)) in cat.criteria().zip(raw.answers.iter()) {
        let answer = match (&c.criterion.kind, choice) {
            (_, 0) => None,
            (CriterionKind::Graded { graded }, _) if !graded.sub_items.is_empty() => {
                let map: BTreeMap<String, bool> = graded
                    .sub_items
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.clone(), extra & (1 << (i % 8)) != 0))
                    .collect();
                Some(Answer::SubItems(map))
            }
            (CriterionKind::Graded { .. }, _) => Some(Answer::Grade(
                [Grade::A, Grade::B, Grade::C, Grade::D][usize::from(extra % 4)],
            )),
            (_, 1 | 2) => Some(Answer::Status(Status::Met)),
            (_, 3) => Some(Answer::Status(Status::Partly)),
            (_, 4) => Some(Answer::Status(Status::NotMet)),
            _ => Some(Answer::Status(Status::NotApplicable)),
        };
        let record = ItemRecord {
            answer,
            not_applicable: na,
            ..ItemRecord::default()
        };
        if !record.is_empty() {
            a.items.insert(c.criterion.id.clone(), record);
        }
    }
    (cat, a)
}

/// (criterion index, input to raise) pairs where the rule wants that input higher: it is in the
/// numerator (or value) of a rule with a minimum and no hard maximum, and nowhere else in it.
fn raisable(cat: &Catalogue) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for c in cat.criteria() {
        let CriterionKind::Rule { rule } = &c.criterion.kind else {
            continue;
        };
        let (up, elsewhere): (Vec<&String>, Vec<&String>) = match rule {
            Rule::Ratio(r) if (r.min.is_some() || r.min_numerator.is_some()) && r.max.is_none() => {
                (
                    r.numerator.add.iter().collect(),
                    r.numerator
                        .subtract
                        .iter()
                        .chain(r.denominator.input_ids())
                        .collect(),
                )
            }
            Rule::Threshold(t) if t.min.is_some() && t.max.is_none() => (
                t.value.add.iter().collect(),
                t.value.subtract.iter().collect(),
            ),
            Rule::LinearMinimum(l) => (
                l.value.add.iter().collect(),
                l.value
                    .subtract
                    .iter()
                    .chain(l.terms.iter().flat_map(|t| t.operand.input_ids()))
                    .collect(),
            ),
            _ => continue,
        };
        for id in up {
            if !elsewhere.contains(&id) {
                out.push((c.order, id.clone()));
            }
        }
    }
    out
}

/// JSON pointers of every leaf (and every container) in a value.
fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn hostile(choice: u8) -> serde_json::Value {
    use serde_json::json;
    match choice % 10 {
        0 => json!(u64::MAX),
        1 => json!(0),
        2 => json!(""),
        3 => json!("x"),
        4 => json!(null),
        5 => json!(-1),
        6 => json!(1.5),
        7 => json!({}),
        8 => json!([]),
        _ => json!(1_000_000_000_000u64),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Raising a count that a rule wants higher never turns met into a gap.
    #[test]
    fn raising_a_wanted_count_never_turns_met_into_gap(raw in raw(), pick in any::<usize>(), delta in 1u64..5_000) {
        let (cat, mut a) = build(&raw);
        let candidates = raisable(cat);
        prop_assume!(!candidates.is_empty());
        let (index, input) = &candidates[pick % candidates.len()];
        let before = evaluate(cat, &a).results[*index].verdict;
        let current = a.inputs.get(input).copied().unwrap_or(0);
        a.inputs.insert(input.clone(), current + delta);
        let after = evaluate(cat, &a).results[*index].verdict;
        if before.is_met() {
            prop_assert!(after != Verdict::Gap, "{} raising {input}: {before:?} -> {after:?}", cat.criteria().nth(*index).unwrap().criterion.id);
        }
        if before == Verdict::Gap {
            prop_assert!(after != Verdict::NotAnswered);
        }
    }

    /// Marking one criterion not applicable never changes another criterion's result.
    #[test]
    fn marking_one_not_applicable_leaves_the_others_alone(raw in raw(), pick in any::<usize>()) {
        let (cat, mut a) = build(&raw);
        let before = evaluate(cat, &a);
        let k = pick % before.results.len();
        let id = before.results[k].criterion_id.clone();
        a.set_not_applicable(&id, true, now());
        let after = evaluate(cat, &a);
        prop_assert_eq!(after.results[k].verdict, Verdict::NotApplicable);
        for (i, (x, y)) in before.results.iter().zip(after.results.iter()).enumerate() {
            if i != k {
                prop_assert_eq!(x, y);
            }
        }
    }

    /// Evaluation and every display helper are total, even on hostile data: unknown ids,
    /// answers of the wrong kind, values up to u64::MAX.
    #[test]
    fn evaluation_and_display_never_panic(
        raw in raw(),
        huge in prop::collection::vec((any::<u8>(), any::<u64>()), 0..12),
        junk in prop::collection::vec(("[a-z.]{1,12}", 0u8..4), 0..6),
    ) {
        let (cat, mut a) = build(&raw);
        for (i, v) in huge {
            if let Some(def) = cat.inputs.get(usize::from(i) % cat.inputs.len().max(1)) {
                a.inputs.insert(def.id.clone(), v);
            }
        }
        for (id, kind) in junk {
            a.inputs.insert(id.clone(), 1);
            let answer = match kind {
                0 => Answer::Grade(Grade::B),
                1 => Answer::SubItems(BTreeMap::from([("Z-9".to_string(), true)])),
                _ => Answer::Status(Status::Met),
            };
            a.items.insert(id, ItemRecord { answer: Some(answer), ..ItemRecord::default() });
        }
        // Wrong-kind answers on real criteria too.
        if let Some(first) = cat.criteria().next() {
            a.set_grade(&first.criterion.id, Grade::A, now());
        }
        let ev = evaluate(cat, &a);
        prop_assert_eq!(ev.results.len(), cat.criterion_count());
        for lang in [Lang::Zh, Lang::En] {
            for r in &ev.results {
                let _ = explain(cat, r, lang);
            }
            let _ = summary_line(&ev.overall, lang);
            for i in &ev.input_issues {
                let _ = i.message(cat, lang);
            }
            if let Some(t) = &ev.tiers {
                for o in &t.tiers {
                    let _ = tier_line(cat, o, lang);
                }
            }
        }
        let _ = a.check_against(cat);
    }

    /// A mutated catalogue file either loads (and then evaluates and renders without panicking,
    /// even with extreme inputs) or is refused with errors; the loader never panics.
    #[test]
    fn mutated_catalogue_files_never_panic(which in 0usize..3, picks in prop::collection::vec((any::<usize>(), any::<u8>()), 1..4), big in any::<bool>()) {
        let (_, text) = bundled_json()[which];
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        for (pick, choice) in picks {
            let mut ps = Vec::new();
            pointers(&v, String::new(), &mut ps);
            let p = &ps[pick % ps.len()];
            if p.is_empty() {
                continue;
            }
            if let Some(slot) = v.pointer_mut(p) {
                *slot = hostile(choice);
            }
        }
        match Catalogue::from_json(&v.to_string()) {
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
                }
            }
            Ok(cat) => {
                let mut a = Assessment::new("m", &cat, Profile::default(), now());
                for def in &cat.inputs {
                    a.inputs.insert(def.id.clone(), if big { u64::MAX } else { 0 });
                }
                for c in cat.criteria() {
                    a.set_status(&c.criterion.id, Status::Met, now());
                }
                let ev = evaluate(&cat, &a);
                for r in &ev.results {
                    let _ = explain(&cat, r, Lang::Zh);
                    let _ = explain(&cat, r, Lang::En);
                }
                if let Some(t) = &ev.tiers {
                    for o in &t.tiers {
                        let _ = tier_line(&cat, o, Lang::En);
                    }
                }
            }
        }
    }

    /// Raising one clause's grade never loses a tier.
    #[test]
    fn raising_a_grade_never_loses_a_tier(raw in raw(), pick in any::<usize>()) {
        let raw = Raw { catalogue: 2, ..raw };
        let (cat, mut a) = build(&raw);
        let before = evaluate(cat, &a).tiers.unwrap();
        let plain: Vec<&str> = cat
            .criteria()
            .filter(|c| matches!(&c.criterion.kind, CriterionKind::Graded { graded } if graded.sub_items.is_empty()))
            .map(|c| c.criterion.id.as_str())
            .collect();
        let id = plain[pick % plain.len()];
        let raised = match a.item(id).and_then(|r| r.answer.clone()) {
            Some(Answer::Grade(Grade::D)) | None => Grade::C,
            Some(Answer::Grade(Grade::C)) => Grade::B,
            _ => Grade::A,
        };
        a.set_grade(id, raised, now());
        let after = evaluate(cat, &a).tiers.unwrap();
        for (x, y) in before.tiers.iter().zip(after.tiers.iter()) {
            if x.status == TierStatus::Reached {
                prop_assert_eq!(y.status, TierStatus::Reached, "{}", x.tier_id);
            }
        }
    }

    /// Displayed counts and percentages parse back to the same stored value.
    #[test]
    fn formatted_values_parse_back(count in 0u64..10_000_000_000, pct in 0u64..=10_000) {
        let cat = &bundled()[0];
        let count_def = cat.input("resident_population").unwrap();
        let pct_def = cat.input("vaccine_coverage").unwrap();
        prop_assert_eq!(parse_input(count_def, &format_thousands(count)), Ok(count));
        prop_assert_eq!(parse_input(pct_def, &format_hundredths(pct)), Ok(pct));
        prop_assert_eq!(parse_input(pct_def, &format!("{}%", format_hundredths(pct))), Ok(pct));
    }

    /// Parsing arbitrary text never panics.
    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,40}") {
        for def in &bundled()[0].inputs {
            let _ = parse_input(def, &text);
        }
    }

    /// A displayed percentage always sits on the same side of the bound as the true value.
    #[test]
    fn displayed_percentages_keep_the_verdict(num in 0u64..100_000, den in 1u64..100_000, bound in 1u64..1000) {
        let b = Fraction::new(bound, 1000);
        let shown = format_percent(num, den, &[b]).unwrap();
        let digits = shown.trim_end_matches('%').replace(',', "");
        let (whole, frac) = digits.split_once('.').unwrap_or((&digits, ""));
        let scale = 10u64.pow(frac.len() as u32) * 100;
        let value: u64 = format!("{whole}{frac}").parse().unwrap();
        let truth = ratio_cmp(num, den, b.num, b.den);
        let displayed = ratio_cmp(value, scale, b.num, b.den);
        prop_assert_eq!(truth, displayed, "{}/{} shown as {}", num, den, shown);
    }
}

// --- Dates read by hand (base::dates::parse_rfc3339) agree with chrono --------------------------

proptest! {
    /// Every time chrono writes (with any fraction and offset) reads back to the same instant
    /// and offset.
    #[test]
    fn recorded_times_read_back_exactly(
        secs in 0i64..4_102_444_800, // 1970 .. 2100
        nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000, (0u32..1000).prop_map(|n| n * 1_000_000)],
        offset_minutes in -(14 * 60)..=(14 * 60),
    ) {
        use chrono::{DateTime, FixedOffset};
        let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
        let t = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
        let written = serde_json::to_value(t).unwrap();
        let text = written.as_str().unwrap();
        let read = thc_core::base::dates::parse_rfc3339(text);
        prop_assert_eq!(read, Some(t), "{}", text);
        let offset_read = read.map(|r| r.offset().local_minus_utc());
        prop_assert_eq!(offset_read, Some(t.offset().local_minus_utc()));
    }

    /// Whatever the hand-written parser accepts, chrono's parser accepts with the same value (so
    /// no file or stored entry reads differently than it did).
    #[test]
    fn the_hand_written_parser_accepts_nothing_chrono_would_not(
        text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,10})?(Z|z|[+-][0-9]{2}:?[0-9]{2}|)",
    ) {
        use chrono::{DateTime, FixedOffset};
        if let Some(mine) = thc_core::base::dates::parse_rfc3339(&text) {
            let theirs: DateTime<FixedOffset> = text.parse().unwrap();
            prop_assert_eq!(mine, theirs);
            prop_assert_eq!(mine.offset().local_minus_utc(), theirs.offset().local_minus_utc());
        }
    }
}

#[test]
fn hand_read_times_refuse_what_is_not_a_time() {
    use thc_core::base::dates::parse_rfc3339;
    for bad in [
        "",
        "2026-11-23",
        "2026-11-23T10:15:00",
        "2026-11-23T10:15:00+08",
        "2026-02-30T10:15:00+08:00",
        "2026-11-23T24:00:00+08:00",
        "2026-11-23T10:15:00.+08:00",
        "2026-11-23T10:15:00+08:00 ",
        "２０２６-11-23T10:15:00+08:00",
        "2026-11-23T10:15:00+24:00",
    ] {
        assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
    }
    assert!(parse_rfc3339("2026-11-23T10:15:00Z").is_some());
    assert!(parse_rfc3339("2026-11-23 10:15:00.5+0800").is_some());
}
