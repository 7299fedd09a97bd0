//! Derived rules, evaluated exactly in integers.

use super::result::{
    BedClassExplanation, Explanation, LinearExplanation, RatioExplanation, RatioOutcome, TermValue,
    ThresholdExplanation, ThresholdOutcome, Verdict,
};
use crate::assessment::operand_value;
use crate::base::exact::{max_numerator, min_numerator, ratio_cmp};
use crate::catalogue::{
    BedClass, Catalogue, InputKind, LinearMinimumRule, Operand, RatioRule, Rule, ThresholdRule,
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
        Rule::Ratio(r) => ratio(r, inputs),
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

fn ratio(r: &RatioRule, inputs: &Inputs) -> (Verdict, Explanation) {
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
        RatioOutcome::ZeroDenominator
    } else {
        let below_min = r
            .min
            .is_some_and(|f| ratio_cmp(n, d, f.num, f.den) == Ordering::Less);
        let below_floor = r.min_numerator.is_some_and(|m| n < m);
        let above = |bound: Option<crate::base::exact::Fraction>| {
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
            outcome,
        }),
    )
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
