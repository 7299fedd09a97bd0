//! The line of a ratio rule: its formula on the display scale, the required range, and what is
//! short or over.

use crate::base::exact::{format_fraction_scaled, format_ratio_scaled, format_thousands, Fraction};
use crate::catalogue::{Catalogue, Lang, RatioDisplay, RatioRule};
use crate::evaluation::{RatioExplanation, RatioOutcome};

fn bounds(r: &RatioExplanation) -> Vec<Fraction> {
    [r.min, r.max, r.soft_max].into_iter().flatten().collect()
}

fn scale_of(display: RatioDisplay) -> u64 {
    match display {
        RatioDisplay::Percent => 100,
        RatioDisplay::PerUnit(u) => u.max(1),
        RatioDisplay::OneTo => 1,
    }
}

/// A threshold fraction on the display scale: "85%", "1", "1.5".
fn show_bound(f: Fraction, display: RatioDisplay) -> String {
    let s = format_fraction_scaled(f, scale_of(display));
    match display {
        RatioDisplay::Percent => format!("{s}%"),
        RatioDisplay::OneTo => format!("1 : {s}"),
        RatioDisplay::PerUnit(_) => s,
    }
}

fn range_text(r: &RatioExplanation, lang: Lang) -> String {
    let d = r.display;
    let mut parts: Vec<String> = Vec::new();
    match (r.min, r.soft_max.or(r.max)) {
        (Some(lo), Some(hi)) => parts.push(format!(
            "{}–{}",
            show_bound(lo, d).trim_end_matches('%'),
            show_bound(hi, d)
        )),
        (Some(lo), None) => parts.push(format!("≥ {}", show_bound(lo, d))),
        (None, Some(hi)) => parts.push(format!("≤ {}", show_bound(hi, d))),
        (None, None) => {}
    }
    if let (Some(hard), Some(_)) = (r.max, r.soft_max) {
        parts.push(match lang {
            Lang::Zh => format!("不得超过 {}", show_bound(hard, d)),
            Lang::En => format!("never above {}", show_bound(hard, d)),
        });
    }
    match lang {
        Lang::Zh => parts.join("，"),
        Lang::En => parts.join(", "),
    }
}

pub(super) fn ratio(
    catalogue: &Catalogue,
    rule: &RatioRule,
    e: &RatioExplanation,
    lang: Lang,
) -> String {
    let label = rule.label.get(lang);
    let n_label = catalogue.operand_label(&rule.numerator, lang);
    let d_label = catalogue.operand_label(&rule.denominator, lang);
    let n_unit = catalogue.operand_unit(&rule.numerator, lang);
    let d_unit = catalogue.operand_unit(&rule.denominator, lang);
    let n = format_thousands(e.numerator);
    let d = format_thousands(e.denominator);
    let sep = if lang == Lang::Zh { "，" } else { ", " };

    if e.outcome == RatioOutcome::ZeroDenominator {
        return match lang {
            Lang::Zh => format!("{label}：{d_label}为 0，无法计算，判为未达标"),
            Lang::En => format!("{label}: {d_label} is 0, so it cannot be computed (a gap)"),
        };
    }

    // Per-population staffing with an absolute floor reads best as a required head count:
    // "免疫规划人员 = 3 人，服务人口 32,000，要求 ≥ 4 人（每 10,000 人 1 人，至少 2 人）".
    if let (RatioDisplay::PerUnit(unit), Some(floor)) = (e.display, e.min_numerator) {
        let req = e.required_numerator.unwrap_or(floor);
        let per = e
            .min
            .map(|m| format_fraction_scaled(m, unit.max(1)))
            .unwrap_or_default();
        let mut s = match lang {
            Lang::Zh => format!(
                "{n_label} = {n} {n_unit}，{d_label} {d}，要求 ≥ {} {n_unit}（每 {} {d_unit} {per} {n_unit}，至少 {floor} {n_unit}）",
                format_thousands(req),
                format_thousands(unit)
            ),
            Lang::En => format!(
                "{n_label} = {n}, {d_label} {d}, required ≥ {} ({per} per {} {d_unit}, at least {floor})",
                format_thousands(req),
                format_thousands(unit)
            ),
        };
        if e.outcome == RatioOutcome::BelowMinimum {
            s.push_str(&match lang {
                Lang::Zh => format!(
                    "，还差 {} {n_unit}",
                    format_thousands(req - e.numerator.min(req))
                ),
                Lang::En => format!(", {} short", format_thousands(req - e.numerator.min(req))),
            });
        }
        return s;
    }

    let b = bounds(e);
    let scale = scale_of(e.display);
    let measured = format_ratio_scaled(e.numerator, e.denominator, scale, &b).unwrap_or_default();
    let formula = match e.display {
        RatioDisplay::Percent => format!("{label} = {n} ÷ {d} = {measured}%"),
        RatioDisplay::PerUnit(1) => format!("{label} = {n} ÷ {d} = {measured}"),
        RatioDisplay::PerUnit(u) => {
            format!("{label} = {n} ÷ {d} × {} = {measured}", format_thousands(u))
        }
        RatioDisplay::OneTo => format!("{label} = 1 : {measured}（{n_label} {n} ÷ {d_label} {d}）"),
    };
    let formula = if lang == Lang::En {
        formula.replace('（', " (").replace('）', ")")
    } else {
        formula
    };
    let mut s = match lang {
        Lang::Zh => format!("{formula}，要求 {}", range_text(e, lang)),
        Lang::En => format!("{formula}, required {}", range_text(e, lang)),
    };
    match e.outcome {
        RatioOutcome::BelowMinimum => {
            if let Some(req) = e.required_numerator {
                s.push_str(sep);
                s.push_str(&match lang {
                    Lang::Zh => format!(
                        "即{n_label}至少 {} {n_unit}，还差 {}",
                        format_thousands(req),
                        format_thousands(req.saturating_sub(e.numerator))
                    ),
                    Lang::En => format!(
                        "i.e. {n_label} at least {}, {} short",
                        format_thousands(req),
                        format_thousands(req.saturating_sub(e.numerator))
                    ),
                });
            }
        }
        RatioOutcome::AboveMaximum => {
            if let Some(allowed) = e.allowed_numerator {
                s.push_str(sep);
                s.push_str(&match lang {
                    Lang::Zh => format!(
                        "超过上限，{n_label}最多 {} {n_unit}",
                        format_thousands(allowed)
                    ),
                    Lang::En => format!(
                        "above the maximum; {n_label} at most {}",
                        format_thousands(allowed)
                    ),
                });
            }
        }
        RatioOutcome::AboveSoftMaximum => {
            s.push_str(sep);
            s.push_str(match lang {
                Lang::Zh => "高于范围上限，判为达标并附注",
                Lang::En => "above the range: met, with a note",
            });
        }
        RatioOutcome::Within | RatioOutcome::ZeroDenominator => {}
    }
    s
}
