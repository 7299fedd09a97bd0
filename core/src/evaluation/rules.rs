//! Derived rules, evaluated exactly in integers.

use super::result::{
    BedClassExplanation, Explanation, LinearExplanation, NestedShortfall, RatioExplanation,
    RatioOutcome, TermValue, ThresholdExplanation, ThresholdOutcome, Verdict,
};
use crate::assessment::operand_value;
use crate::base::exact::{
    ceil_div, clamp_u64, max_numerator, min_numerator, nested_additions_needed,
    nested_removals_needed, nested_removals_to_cap, ratio_cmp, Fraction,
};
use crate::catalogue::{
    BedClass, Catalogue, InputKind, LinearMinimumRule, Operand, RatioDisplay, RatioRule, Rule,
    ThresholdRule,
};
use std::cmp::Ordering;
use std::collections::BTreeMap;

type Inputs = BTreeMap<String, u64>;

/// Evaluates a rule, or returns the ids of the inputs it still needs (in rule order, no
/// duplicates).
pub(super) fn evaluate_rule(
    catalogue: &Catalogue,
    rule: &Rule,
    inputs: &Inputs,
) -> Result<(Verdict, Explanation), Vec<String>> {
    // Fast path: check presence without allocating; collect only when something is missing.
    let ids = rule.input_ids();
    if ids.iter().any(|id| !inputs.contains_key(*id)) {
        let mut missing: Vec<String> = Vec::new();
        for id in ids {
            if !inputs.contains_key(id) && !missing.contains(id) {
                missing.push(id.clone());
            }
        }
        return Err(missing);
    }
    Ok(match rule {
        Rule::Ratio(r) => ratio(
            r,
            catalogue.is_part_of(&r.numerator, &r.denominator),
            inputs,
        ),
        Rule::Threshold(t) => threshold(t, catalogue.operand_kind(&t.value), inputs),
        Rule::BedClass(b) => {
            let beds = value(&Operand::input(b.beds.clone()), inputs);
            let over_limit = beds > b.warn_above;
            (
                if over_limit {
                    Verdict::MetWithNote
                } else {
                    Verdict::Met
                },
                Explanation::BedClass(BedClassExplanation {
                    beds,
                    class: BedClass::of(beds),
                    warn_above: b.warn_above,
                    over_limit,
                }),
            )
        }
        Rule::LinearMinimum(l) => linear(l, inputs),
    })
}

fn value(op: &Operand, inputs: &Inputs) -> u64 {
    // Presence was checked by the caller.
    operand_value(op, inputs).unwrap_or(0)
}

fn ratio(r: &RatioRule, nested: bool, inputs: &Inputs) -> (Verdict, Explanation) {
    let n = value(&r.numerator, inputs);
    let d = value(&r.denominator, inputs);

    let from_min = r.min.filter(|f| f.den != 0).map(|f| min_numerator(d, f));
    let required_numerator = match (from_min, r.min_numerator) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let allowed_numerator = r.max.filter(|f| f.den != 0).map(|f| max_numerator(d, f));
    let soft_numerator = r
        .soft_max
        .filter(|f| f.den != 0)
        .map(|f| max_numerator(d, f));

    let outcome = if d == 0 {
        // Per-population staffing with a floor ("1 per 10,000, never fewer than 2") still has
        // a requirement when the population is 0: the floor [decision, criteria.md §8].
        match (r.display, r.min_numerator, r.max) {
            (RatioDisplay::PerUnit(_), Some(floor), None) if n >= floor => RatioOutcome::Within,
            (RatioDisplay::PerUnit(_), Some(_), None) => RatioOutcome::BelowMinimum,
            _ => RatioOutcome::ZeroDenominator,
        }
    } else {
        let below_min = r
            .min
            .is_some_and(|f| ratio_cmp(n, d, f.num, f.den) == Ordering::Less);
        let below_floor = r.min_numerator.is_some_and(|m| n < m);
        let above = |bound: Option<Fraction>| {
            bound.is_some_and(|f| ratio_cmp(n, d, f.num, f.den) == Ordering::Greater)
        };
        if below_min || below_floor {
            RatioOutcome::BelowMinimum
        } else if above(r.max) {
            RatioOutcome::AboveMaximum
        } else if above(r.soft_max) {
            RatioOutcome::AboveSoftMaximum
        } else {
            RatioOutcome::Within
        }
    };
    let verdict = match outcome {
        RatioOutcome::Within => Verdict::Met,
        RatioOutcome::AboveSoftMaximum => Verdict::MetWithNote,
        RatioOutcome::BelowMinimum | RatioOutcome::AboveMaximum | RatioOutcome::ZeroDenominator => {
            Verdict::Gap
        }
    };
    let nested = (nested && d > 0 && n <= d)
        .then(|| nested_shortfall(r, n, d, outcome))
        .flatten();
    (
        verdict,
        Explanation::Ratio(RatioExplanation {
            numerator: n,
            denominator: d,
            min: r.min,
            max: r.max,
            soft_max: r.soft_max,
            min_numerator: r.min_numerator,
            display: r.display,
            required_numerator,
            allowed_numerator,
            soft_numerator,
            nested,
            outcome,
        }),
    )
}

/// The two ways a share inside its whole can meet the bound it misses.
fn nested_shortfall(
    r: &RatioRule,
    n: u64,
    d: u64,
    outcome: RatioOutcome,
) -> Option<NestedShortfall> {
    match outcome {
        RatioOutcome::BelowMinimum => {
            let mut grow = match r.min {
                Some(f) => nested_additions_needed(n, d, f),
                None => Some(0),
            };
            let mut shrink = match r.min {
                Some(f) => nested_removals_needed(n, d, f),
                None => Some(0),
            };
            if let Some(floor) = r.min_numerator {
                // The floor is on the group itself: only adding to it can reach it.
                let to_floor = floor.saturating_sub(n);
                grow = grow.map(|k| k.max(to_floor));
                if to_floor > 0 {
                    shrink = None;
                }
            }
            Some(NestedShortfall {
                change_in_group: grow,
                change_in_rest: shrink,
            })
        }
        RatioOutcome::AboveMaximum => {
            let f = r.max?;
            // An answer must leave someone in the group and still meet the minimum and floor.
            let still_meets = |n2: u64, d2: u64| {
                d2 > 0
                    && r.min_numerator.is_none_or(|m| n2 >= m)
                    && r.min
                        .is_none_or(|m| ratio_cmp(n2, d2, m.num, m.den) != Ordering::Less)
            };
            let fewer =
                nested_removals_to_cap(n, d, f).filter(|k| *k < n && still_meets(n - k, d - k));
            // n / (d + j) ≤ p/q ⇔ j ≥ ⌈q·n / p⌉ − d.
            let more_rest = ceil_div(u128::from(f.den) * u128::from(n), u128::from(f.num))
                .map(|w| clamp_u64(w).saturating_sub(d))
                .filter(|j| still_meets(n, d.saturating_add(*j)));
            Some(NestedShortfall {
                change_in_group: fewer,
                change_in_rest: more_rest,
            })
        }
        _ => None,
    }
}

fn threshold(t: &ThresholdRule, kind: InputKind, inputs: &Inputs) -> (Verdict, Explanation) {
    let v = value(&t.value, inputs);
    let outcome = if t.min.is_some_and(|m| v < m) {
        ThresholdOutcome::BelowMinimum
    } else if t.max.is_some_and(|m| v > m) {
        ThresholdOutcome::AboveMaximum
    } else if t.soft_max.is_some_and(|m| v > m) {
        ThresholdOutcome::AboveSoftMaximum
    } else {
        ThresholdOutcome::Within
    };
    let verdict = match outcome {
        ThresholdOutcome::Within => Verdict::Met,
        ThresholdOutcome::AboveSoftMaximum => Verdict::MetWithNote,
        ThresholdOutcome::BelowMinimum | ThresholdOutcome::AboveMaximum => Verdict::Gap,
    };
    (
        verdict,
        Explanation::Threshold(ThresholdExplanation {
            value: v,
            kind,
            min: t.min,
            max: t.max,
            soft_max: t.soft_max,
            outcome,
        }),
    )
}

fn linear(l: &LinearMinimumRule, inputs: &Inputs) -> (Verdict, Explanation) {
    let v = value(&l.value, inputs);
    let mut required = l.base;
    let mut terms = Vec::with_capacity(l.terms.len());
    for t in &l.terms {
        let tv = value(&t.operand, inputs);
        required = required.saturating_add(t.per.saturating_mul(tv));
        terms.push(TermValue {
            per: t.per,
            value: tv,
        });
    }
    let met = v >= required;
    (
        if met { Verdict::Met } else { Verdict::Gap },
        Explanation::LinearMinimum(LinearExplanation {
            value: v,
            base: l.base,
            terms,
            required,
            met,
        }),
    )
}
