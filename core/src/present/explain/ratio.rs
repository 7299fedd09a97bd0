//! The line of a ratio rule: its formula on the display scale, the required range, and what is
//! short or over.

use crate::base::exact::{format_fraction_scaled, format_ratio_scaled, format_thousands, Fraction};
use crate::catalogue::{Catalogue, Lang, RatioDisplay, RatioRule};
use crate::evaluation::{NestedShortfall, RatioExplanation, RatioOutcome};
use crate::i18n::fill;

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
    let strings = lang.strings();
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
        parts.push(fill(
            strings.explain.ratio_never_above,
            &[("bound", &show_bound(hard, d))],
        ));
    }
    parts.join(strings.comma)
}

/// What a share inside its whole really needs: "还需增加 6 人（达到 46 ÷ 54）；或其他人员减少
/// 1 人（40 ÷ 47）".
fn nested_line(
    e: &RatioExplanation,
    nested: NestedShortfall,
    n_label: &str,
    n_unit: &str,
    lang: Lang,
) -> Option<String> {
    let s = lang.strings().explain;
    let (n, d) = (e.numerator, e.denominator);
    match e.outcome {
        RatioOutcome::BelowMinimum => {
            let Some(grow) = nested.change_in_group else {
                // Adding to the group alone can never reach the bound: only the other way.
                let shrink = nested.change_in_rest.filter(|j| *j > 0)?;
                return Some(fill(
                    s.ratio_nested_shrink_only,
                    &[
                        ("n_label", n_label),
                        ("shrink", &format_thousands(shrink)),
                        ("n_unit", n_unit),
                        ("n", &format_thousands(n)),
                        ("d_after", &format_thousands(d.saturating_sub(shrink))),
                    ],
                ));
            };
            let mut line = fill(
                s.ratio_nested_grow,
                &[
                    ("n_label", n_label),
                    ("grow", &format_thousands(grow)),
                    ("n_unit", n_unit),
                    ("n_after", &format_thousands(n.saturating_add(grow))),
                    ("d_after", &format_thousands(d.saturating_add(grow))),
                ],
            );
            if let Some(shrink) = nested.change_in_rest.filter(|j| *j > 0) {
                line.push_str(&fill(
                    s.ratio_nested_shrink,
                    &[
                        ("n_label", n_label),
                        ("shrink", &format_thousands(shrink)),
                        ("n_unit", n_unit),
                        ("n", &format_thousands(n)),
                        ("d_after", &format_thousands(d.saturating_sub(shrink))),
                    ],
                ));
            }
            Some(line)
        }
        RatioOutcome::AboveMaximum => Some(fill(
            s.ratio_nested_over,
            &[
                ("n_label", n_label),
                ("fewer", &format_thousands(nested.change_in_group?)),
                ("more", &format_thousands(nested.change_in_rest?)),
                ("n_unit", n_unit),
            ],
        )),
        _ => None,
    }
}

pub(super) fn ratio(
    catalogue: &Catalogue,
    rule: &RatioRule,
    e: &RatioExplanation,
    lang: Lang,
) -> String {
    let strings = lang.strings();
    let s = strings.explain;
    let label = rule.label.get(lang);
    let n_label = catalogue.operand_label(&rule.numerator, lang);
    let d_label = catalogue.operand_label(&rule.denominator, lang);
    let n_unit = catalogue.operand_unit(&rule.numerator, lang);
    let d_unit = catalogue.operand_unit(&rule.denominator, lang);
    // The numerator's measure word with its space, where the language writes one.
    let n_unit = if s.count_measure_words {
        format!(" {n_unit}")
    } else {
        String::new()
    };
    let n = format_thousands(e.numerator);
    let d = format_thousands(e.denominator);
    let sep = strings.comma;

    if e.outcome == RatioOutcome::ZeroDenominator {
        return fill(
            s.ratio_zero_denominator,
            &[("label", label), ("d_label", &d_label)],
        );
    }

    // Per-population staffing with an absolute floor reads best as a required head count:
    // "免疫规划人员 = 3 人，服务人口 32,000，要求 ≥ 4 人（每 10,000 人 1 人，至少 2 人）".
    if let (RatioDisplay::PerUnit(unit), Some(floor)) = (e.display, e.min_numerator) {
        let req = e.required_numerator.unwrap_or(floor);
        let per = e
            .min
            .map(|m| format_fraction_scaled(m, unit.max(1)))
            .unwrap_or_default();
        let mut line = fill(
            s.ratio_head_count,
            &[
                ("n_label", &n_label),
                ("n", &n),
                ("n_unit", &n_unit),
                ("d_label", &d_label),
                ("d", &d),
                ("required", &format_thousands(req)),
                ("unit", &format_thousands(unit)),
                ("d_unit", &d_unit),
                ("per", &per),
                ("floor", &floor.to_string()),
            ],
        );
        if e.outcome == RatioOutcome::BelowMinimum {
            line.push_str(&fill(
                s.ratio_head_count_short,
                &[
                    ("short", &format_thousands(req - e.numerator.min(req))),
                    ("n_unit", &n_unit),
                ],
            ));
        }
        return line;
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
    let formula = formula
        .replace('（', strings.paren_open)
        .replace('）', strings.paren_close);
    let mut line = fill(
        s.ratio_required,
        &[("formula", &formula), ("range", &range_text(e, lang))],
    );
    if let Some(nested) = e.nested {
        if let Some(text) = nested_line(e, nested, &n_label, &n_unit, lang) {
            line.push_str(sep);
            line.push_str(&text);
            return line;
        }
    }
    match e.outcome {
        RatioOutcome::BelowMinimum => {
            if let Some(req) = e.required_numerator {
                line.push_str(sep);
                line.push_str(&fill(
                    s.ratio_short,
                    &[
                        ("n_label", &n_label),
                        ("required", &format_thousands(req)),
                        ("n_unit", &n_unit),
                        ("short", &format_thousands(req.saturating_sub(e.numerator))),
                    ],
                ));
            }
        }
        RatioOutcome::AboveMaximum => {
            if let Some(allowed) = e.allowed_numerator {
                line.push_str(sep);
                line.push_str(&fill(
                    s.ratio_above_max,
                    &[
                        ("n_label", &n_label),
                        ("allowed", &format_thousands(allowed)),
                        ("n_unit", &n_unit),
                    ],
                ));
            }
        }
        RatioOutcome::AboveSoftMaximum => {
            line.push_str(sep);
            line.push_str(s.ratio_above_soft_max);
        }
        RatioOutcome::Within | RatioOutcome::ZeroDenominator => {}
    }
    line
}
