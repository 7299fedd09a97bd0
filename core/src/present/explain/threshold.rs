//! The line of a threshold rule: the value, the required bound, and what is short or over.

use crate::assessment::format_value;
use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, InputKind, Lang, Operand};
use crate::evaluation::{ThresholdExplanation, ThresholdOutcome};

pub(super) fn threshold(
    catalogue: &Catalogue,
    op: Option<&Operand>,
    e: &ThresholdExplanation,
    lang: Lang,
) -> String {
    let label = op
        .map(|o| catalogue.operand_label(o, lang))
        .unwrap_or_default();
    // Chinese counts carry their measure word (人, 次, 条); English reads better bare.
    let unit = match (e.kind, lang) {
        (InputKind::Count, Lang::Zh) => op
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
    let mut s = match lang {
        Lang::Zh => format!("{label} = {}，要求 {req}", v(e.value)),
        Lang::En => format!("{label} = {}, required {req}", v(e.value)),
    };
    match e.outcome {
        ThresholdOutcome::BelowMinimum => {
            if let Some(lo) = e.min {
                s.push_str(&match lang {
                    Lang::Zh => format!("，低于要求（差 {}）", v(lo - e.value.min(lo))),
                    Lang::En => format!(
                        ", below the requirement ({} short)",
                        v(lo - e.value.min(lo))
                    ),
                });
            }
        }
        ThresholdOutcome::AboveMaximum => s.push_str(match lang {
            Lang::Zh => "，超过上限",
            Lang::En => ", above the maximum",
        }),
        ThresholdOutcome::AboveSoftMaximum => s.push_str(match lang {
            Lang::Zh => "，高于范围上限，判为达标并附注",
            Lang::En => ", above the range: met, with a note",
        }),
        ThresholdOutcome::Within => {}
    }
    s
}
