//! The line of a threshold rule: the value, the required bound, and what is short or over.

use crate::assessment::format_value;
use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, InputKind, Lang, Operand};
use crate::evaluation::{ThresholdExplanation, ThresholdOutcome};
use crate::i18n::fill;

pub(super) fn threshold(
    catalogue: &Catalogue,
    op: Option<&Operand>,
    e: &ThresholdExplanation,
    lang: Lang,
) -> String {
    let s = lang.strings().explain;
    let label = op
        .map(|o| catalogue.operand_label(o, lang))
        .unwrap_or_default();
    // Chinese counts carry their measure word (人, 次, 条); English reads better bare.
    let unit = match e.kind {
        InputKind::Count if s.count_measure_words => op
            .map(|o| catalogue.operand_unit(o, lang))
            .filter(|u| !u.is_empty())
            .map(|u| format!(" {u}"))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let v = |x: u64| format!("{}{unit}", format_value(x, e.kind));
    let bare = |x: u64| match e.kind {
        InputKind::Percent => crate::base::exact::format_hundredths(x),
        _ => format_thousands(x),
    };
    let hi = e.soft_max.or(e.max);
    let req = match (e.min, hi) {
        (Some(lo), Some(h)) => format!("{}–{}", bare(lo), v(h)),
        (Some(lo), None) => format!("≥ {}", v(lo)),
        (None, Some(h)) => format!("≤ {}", v(h)),
        (None, None) => String::new(),
    };
    let mut line = fill(
        s.threshold_line,
        &[
            ("label", &label),
            ("value", &v(e.value)),
            ("required", &req),
        ],
    );
    match e.outcome {
        ThresholdOutcome::BelowMinimum => {
            if let Some(lo) = e.min {
                line.push_str(&fill(
                    s.threshold_below,
                    &[("short", &v(lo - e.value.min(lo)))],
                ));
            }
        }
        ThresholdOutcome::AboveMaximum => line.push_str(s.threshold_above_max),
        ThresholdOutcome::AboveSoftMaximum => line.push_str(s.threshold_above_soft_max),
        ThresholdOutcome::Within => {}
    }
    line
}
