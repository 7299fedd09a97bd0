//! Rendering evaluation results as one-line Chinese or English text.
//!
//! Display only: floats never appear, and ratios are printed with enough decimals that a
//! failing value never looks like a passing one (see [`crate::base::exact::format_ratio_scaled`]).

use crate::assessment::{format_value, Status};
use crate::base::exact::{
    format_fraction_scaled, format_ratio_scaled, format_share_truncated, format_thousands, Fraction,
};
use crate::catalogue::{
    Catalogue, Criterion, CriterionKind, Grade, Importance, InputKind, Lang, Operand, Provenance,
    ProvenanceTag, RatioDisplay, RatioRule, Rule,
};
use crate::evaluation::{
    BarCheck, ClauseGroup, CriterionResult, Explanation, NotApplicableReason, ProfileMismatch,
    RatioExplanation, RatioOutcome, Requirement, Summary, ThresholdExplanation, ThresholdOutcome,
    TierOutcome, TierStatus, Verdict,
};

pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Met, Lang::Zh) => "达标",
        (Verdict::Met, Lang::En) => "Met",
        (Verdict::MetWithNote, Lang::Zh) => "达标（附注）",
        (Verdict::MetWithNote, Lang::En) => "Met, with a note",
        (Verdict::Partly, Lang::Zh) => "部分达标",
        (Verdict::Partly, Lang::En) => "Partly met",
        (Verdict::Gap, Lang::Zh) => "未达标",
        (Verdict::Gap, Lang::En) => "Gap",
        (Verdict::NotApplicable, Lang::Zh) => "不适用",
        (Verdict::NotApplicable, Lang::En) => "Not applicable",
        (Verdict::NotAnswered, Lang::Zh) => "未作答",
        (Verdict::NotAnswered, Lang::En) => "Not answered",
        (Verdict::Recorded, Lang::Zh) => "已填写",
        (Verdict::Recorded, Lang::En) => "Recorded",
    }
}

pub fn importance_label(i: Importance, lang: Lang) -> &'static str {
    match (i, lang) {
        (Importance::Core, Lang::Zh) => "核心",
        (Importance::Core, Lang::En) => "Core",
        (Importance::Recommended, Lang::Zh) => "推荐",
        (Importance::Recommended, Lang::En) => "Recommended",
    }
}

pub fn tag_label(tag: &ProvenanceTag, lang: Lang) -> String {
    match (tag, lang) {
        (ProvenanceTag::Seed(n), Lang::Zh) => format!("种子文件 {n}"),
        (ProvenanceTag::Seed(n), Lang::En) => format!("seed {n}"),
        (ProvenanceTag::National, Lang::Zh) => "国家文件（二手来源）".to_string(),
        (ProvenanceTag::National, Lang::En) => "national, secondary source".to_string(),
        (ProvenanceTag::Provincial, Lang::Zh) => "省级规定".to_string(),
        (ProvenanceTag::Provincial, Lang::En) => "provincial".to_string(),
        (ProvenanceTag::Decision, Lang::Zh) => "本工具的解释".to_string(),
        (ProvenanceTag::Decision, Lang::En) => "this tool's interpretation".to_string(),
    }
}

/// "河北省…（篇5）· 三(三)1 · [种子文件 001]" plus the note, if any.
pub fn provenance_line(catalogue: &Catalogue, p: &Provenance, lang: Lang) -> String {
    let source = catalogue
        .source(&p.source)
        .map(|s| s.title.get(lang).to_string())
        .unwrap_or_else(|| p.source.clone());
    let mut out = format!("{source} · {} · [{}]", p.section, tag_label(&p.tag, lang));
    if let Some(n) = &p.note {
        out.push_str(" — ");
        out.push_str(n.get(lang));
    }
    out
}

/// "已答 30 / 40；达标率 82.5%" — progress and compliance of a summary.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let c = s.compliance();
    let share = format_share_truncated(c.num, c.den).unwrap_or_else(|| "—".to_string());
    match lang {
        Lang::Zh => format!(
            "已答 {} / {}；达标 {}，部分达标 {}，未达标 {}；符合度 {share}",
            s.answered,
            s.applicable,
            s.met + s.met_with_note,
            s.partly,
            s.gap
        ),
        Lang::En => format!(
            "Answered {} of {}; met {}, partly {}, gaps {}; compliance {share}",
            s.answered,
            s.applicable,
            s.met + s.met_with_note,
            s.partly,
            s.gap
        ),
    }
}

fn criterion_of<'a>(catalogue: &'a Catalogue, result: &CriterionResult) -> Option<&'a Criterion> {
    catalogue
        .criterion_at(result.order)
        .filter(|c| c.criterion.id == result.criterion_id)
        .or_else(|| catalogue.find_criterion(&result.criterion_id))
        .map(|c| c.criterion)
}

/// One line explaining a result with its numbers, formula and threshold.
pub fn explain(catalogue: &Catalogue, result: &CriterionResult, lang: Lang) -> String {
    let criterion = criterion_of(catalogue, result);
    let mut line = match &result.explanation {
        Explanation::Checklist { status } => checklist(*status, lang).to_string(),
        Explanation::Department {
            requirement,
            present,
            partly,
            ..
        } => department(*requirement, *present, *partly, lang),
        Explanation::InputsRecorded { count } => match lang {
            Lang::Zh => format!("已填写 {count} 项数据"),
            Lang::En => format!("{count} figure(s) recorded"),
        },
        Explanation::Ratio(e) => match criterion.map(|c| &c.kind) {
            Some(CriterionKind::Rule {
                rule: Rule::Ratio(r),
            }) => ratio(catalogue, r, e, lang),
            _ => String::new(),
        },
        Explanation::Threshold(e) => {
            let op = match criterion.map(|c| &c.kind) {
                Some(CriterionKind::Rule {
                    rule: Rule::Threshold(t),
                }) => Some(&t.value),
                _ => None,
            };
            threshold(catalogue, op, e, lang)
        }
        Explanation::BedClass(e) => {
            let class = e.class.label(lang);
            let mut s = match lang {
                Lang::Zh => format!("床位数 = {} 张，属 {class}", format_thousands(e.beds)),
                Lang::En => format!("Beds = {}, class {class}", format_thousands(e.beds)),
            };
            if e.over_limit {
                s.push_str(&match lang {
                    Lang::Zh => format!(
                        "；超过一般不宜超过的 {} 床（提示，不判为未达标）",
                        e.warn_above
                    ),
                    Lang::En => format!(
                        "; above the usual ceiling of {} beds (a warning, not a gap)",
                        e.warn_above
                    ),
                });
            }
            s
        }
        Explanation::LinearMinimum(e) => {
            let (label, value_op, terms) = match criterion.map(|c| &c.kind) {
                Some(CriterionKind::Rule {
                    rule: Rule::LinearMinimum(l),
                }) => (
                    l.label.get(lang).to_string(),
                    Some(&l.value),
                    l.terms.iter().map(|t| &t.operand).collect::<Vec<_>>(),
                ),
                _ => (String::new(), None, Vec::new()),
            };
            let kind = value_op
                .map(|o| catalogue.operand_kind(o))
                .unwrap_or(InputKind::Count);
            let mut formula = format_value(e.base, kind);
            for (i, t) in e.terms.iter().enumerate() {
                let name = terms
                    .get(i)
                    .map(|o| catalogue.operand_label(o, lang))
                    .unwrap_or_default();
                formula.push_str(&format!(
                    " + {} × {}（{name}）",
                    format_thousands(t.per),
                    format_thousands(t.value)
                ));
            }
            if lang == Lang::En {
                formula = formula.replace('（', " (").replace('）', ")");
            }
            let verdict = if e.met {
                ""
            } else {
                match lang {
                    Lang::Zh => "，未达到",
                    Lang::En => ", not reached",
                }
            };
            match lang {
                Lang::Zh => format!(
                    "{label} = {}，要求 ≥ {formula} = {}{verdict}",
                    format_value(e.value, kind),
                    format_value(e.required, kind)
                ),
                Lang::En => format!(
                    "{label} = {}, required ≥ {formula} = {}{verdict}",
                    format_value(e.value, kind),
                    format_value(e.required, kind)
                ),
            }
        }
        Explanation::Graded(g) => {
            let mut s = match lang {
                Lang::Zh => format!("评定等级 {}", g.grade.letter()),
                Lang::En => format!("Grade {}", g.grade.letter()),
            };
            if let Some(p) = &g.sub_items {
                s.push_str(&match lang {
                    Lang::Zh => format!("（子项已达 {}/{}", p.met, p.total),
                    Lang::En => format!(" (sub-items met {} of {}", p.met, p.total),
                });
                if let Some(next) = p.next_level {
                    if !p.blocking.is_empty() {
                        s.push_str(&match lang {
                            Lang::Zh => format!(
                                "；达到 {} 级还需：{}",
                                next.letter(),
                                p.blocking.join("、")
                            ),
                            Lang::En => format!(
                                "; for {} still needed: {}",
                                next.letter(),
                                p.blocking.join(", ")
                            ),
                        });
                    }
                }
                s.push_str(match lang {
                    Lang::Zh => "）",
                    Lang::En => ")",
                });
            }
            s
        }
        Explanation::MissingInputs { missing } => {
            let names: Vec<String> = missing
                .iter()
                .map(|id| {
                    catalogue
                        .input(id)
                        .map(|d| d.label.get(lang).to_string())
                        .unwrap_or_else(|| id.clone())
                })
                .collect();
            match lang {
                Lang::Zh => format!("尚缺数据：{}", names.join("、")),
                Lang::En => format!("Still needed: {}", names.join(", ")),
            }
        }
        Explanation::NotAnswered => match lang {
            Lang::Zh => "尚未作答".to_string(),
            Lang::En => "Not answered yet".to_string(),
        },
        Explanation::WrongAnswerKind => match lang {
            Lang::Zh => "保存的答案类型与本条目不符，按未作答处理".to_string(),
            Lang::En => {
                "The stored answer does not fit this criterion; treated as unanswered".to_string()
            }
        },
        Explanation::NotApplicable(reason) => not_applicable(catalogue, criterion, reason, lang),
    };
    if result.assumed_applicable {
        line.push_str(match lang {
            Lang::Zh => "（基本情况未填全，暂按适用处理）",
            Lang::En => " (profile incomplete; treated as applicable for now)",
        });
    }
    line
}

fn checklist(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Met, Lang::Zh) => "自评：已达到",
        (Status::Met, Lang::En) => "Self-assessed: met",
        (Status::Partly, Lang::Zh) => "自评：部分达到",
        (Status::Partly, Lang::En) => "Self-assessed: partly met",
        (Status::NotMet, Lang::Zh) => "自评：未达到",
        (Status::NotMet, Lang::En) => "Self-assessed: not met",
        (Status::NotApplicable, Lang::Zh) => "自评：不适用",
        (Status::NotApplicable, Lang::En) => "Self-assessed: not applicable",
    }
}

fn department(requirement: Requirement, present: bool, partly: bool, lang: Lang) -> String {
    let req = match (requirement, lang) {
        (Requirement::Required, Lang::Zh) => "必设科室",
        (Requirement::Required, Lang::En) => "Required department",
        (Requirement::Optional, Lang::Zh) => "选设科室",
        (Requirement::Optional, Lang::En) => "Optional department",
    };
    let state = match (present, partly, lang) {
        (true, false, Lang::Zh) => "已设置",
        (true, false, Lang::En) => "set up",
        (true, true, Lang::Zh) => "部分具备",
        (true, true, Lang::En) => "partly in place",
        (false, _, Lang::Zh) => "未设置",
        (false, _, Lang::En) => "not set up",
    };
    match lang {
        Lang::Zh => format!("{req}：{state}"),
        Lang::En => format!("{req}: {state}"),
    }
}

fn not_applicable(
    catalogue: &Catalogue,
    criterion: Option<&Criterion>,
    reason: &NotApplicableReason,
    lang: Lang,
) -> String {
    match reason {
        NotApplicableReason::MarkedByUser => match lang {
            Lang::Zh => "已标记为不适用（理由见佐证说明）".to_string(),
            Lang::En => "Marked not applicable (reason in the evidence note)".to_string(),
        },
        NotApplicableReason::OptionalDepartmentAbsent => match lang {
            Lang::Zh => "选设科室，未设置（不计为差距）".to_string(),
            Lang::En => "Optional department, not set up (not a gap)".to_string(),
        },
        NotApplicableReason::DepartmentNotInSet { centre_type } => match lang {
            Lang::Zh => format!("不在{}的科室设置范围内", centre_type.label(lang)),
            Lang::En => format!(
                "Not part of the department set of a {}",
                centre_type.label(lang)
            ),
        },
        NotApplicableReason::ByProfile(m) => match m {
            ProfileMismatch::CentreType { actual } => match lang {
                Lang::Zh => format!("不适用于{}", actual.label(lang)),
                Lang::En => format!("Does not apply to a {}", actual.label(lang)),
            },
            ProfileMismatch::BedClass { actual, beds } => match lang {
                Lang::Zh => format!(
                    "床位 {} 张（{}），不在适用范围内",
                    format_thousands(*beds),
                    actual.label(lang)
                ),
                Lang::En => format!(
                    "{} beds ({}): outside the classes this applies to",
                    format_thousands(*beds),
                    actual.label(lang)
                ),
            },
            ProfileMismatch::HasBeds { required, .. } => match (required, lang) {
                (true, Lang::Zh) => "仅适用于设有床位的卫生院".to_string(),
                (true, Lang::En) => "Applies only to centres with beds".to_string(),
                (false, Lang::Zh) => "仅适用于未设床位的卫生院".to_string(),
                (false, Lang::En) => "Applies only to centres without beds".to_string(),
            },
            ProfileMismatch::Band {
                value,
                min,
                max_exclusive,
            } => {
                let label = criterion
                    .and_then(|c| c.applicability.band.as_ref())
                    .map(|b| catalogue.operand_label(&b.operand, lang))
                    .unwrap_or_default();
                let range = match (min, max_exclusive, lang) {
                    (Some(a), Some(b), _) => {
                        format!("{} – < {}", format_thousands(*a), format_thousands(*b))
                    }
                    (Some(a), None, _) => format!("≥ {}", format_thousands(*a)),
                    (None, Some(b), _) => format!("< {}", format_thousands(*b)),
                    (None, None, _) => String::new(),
                };
                match lang {
                    Lang::Zh => format!(
                        "{label} = {}，不在适用范围 {range} 内",
                        format_thousands(*value)
                    ),
                    Lang::En => format!(
                        "{label} = {}, outside the range {range} this applies to",
                        format_thousands(*value)
                    ),
                }
            }
            ProfileMismatch::FlagNotSet { flag } => {
                let label = catalogue
                    .flag(flag)
                    .map(|f| f.label.get(lang).to_string())
                    .unwrap_or_else(|| flag.clone());
                match lang {
                    Lang::Zh => format!("仅在“{label}”时适用"),
                    Lang::En => format!("Applies only when: {label}"),
                }
            }
            ProfileMismatch::NoAlternative => match lang {
                Lang::Zh => "不符合任何适用条件".to_string(),
                Lang::En => "None of the conditions for this item holds".to_string(),
            },
        },
    }
}

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

fn ratio(catalogue: &Catalogue, rule: &RatioRule, e: &RatioExplanation, lang: Lang) -> String {
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

fn threshold(
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

fn group_label(g: ClauseGroup, lang: Lang) -> &'static str {
    match (g, lang) {
        (ClauseGroup::Basic, Lang::Zh) => "基本条款",
        (ClauseGroup::Basic, Lang::En) => "basic clauses",
        (ClauseGroup::Recommended, Lang::Zh) => "推荐条款（★）",
        (ClauseGroup::Recommended, Lang::En) => "recommended (★) clauses",
    }
}

/// "基本条款 B 级及以上 ≥ 50%：现 8 / 20，需 10，还差 2 条".
pub fn bar_line(bar: &BarCheck, lang: Lang) -> String {
    let level = bar.level.letter();
    let group = group_label(bar.group, lang);
    let mut s = match lang {
        Lang::Zh => format!(
            "{group} {level} 级及以上 ≥ {}%：现 {} / {}，需 {}",
            bar.percent, bar.have, bar.considered, bar.needed
        ),
        Lang::En => format!(
            "{group} at {level} or better ≥ {}%: {} of {}, need {}",
            bar.percent, bar.have, bar.considered, bar.needed
        ),
    };
    if !bar.met {
        s.push_str(&match lang {
            Lang::Zh => format!("，还差 {} 条", bar.missing),
            Lang::En => format!(", {} more needed", bar.missing),
        });
    }
    s
}

/// A tier's status with its shortfalls or eligibility numbers.
pub fn tier_line(catalogue: &Catalogue, outcome: &TierOutcome, lang: Lang) -> String {
    let def = catalogue.tier(&outcome.tier_id);
    let name = def
        .map(|t| t.name.get(lang).to_string())
        .unwrap_or_else(|| outcome.tier_id.clone());
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    match outcome.status {
        TierStatus::Reached => match lang {
            Lang::Zh => format!("{name}：已达到"),
            Lang::En => format!("{name}: reached"),
        },
        TierStatus::Missed => {
            let misses: Vec<String> = outcome.shortfalls().map(|b| bar_line(b, lang)).collect();
            match lang {
                Lang::Zh => format!("{name}：未达到——{}", misses.join(sep)),
                Lang::En => format!("{name}: not reached — {}", misses.join(sep)),
            }
        }
        TierStatus::NotEligible | TierStatus::EligibilityUnknown => {
            let checks: Vec<String> = outcome
                .eligibility
                .iter()
                .map(|c| {
                    let label = def
                        .and_then(|t| t.eligibility.as_ref())
                        .and_then(|e| e.all_below.get(c.limit_index))
                        .map(|l| catalogue.operand_label(&l.operand, lang))
                        .unwrap_or_default();
                    let value = c
                        .value
                        .map(format_thousands)
                        .unwrap_or_else(|| "?".to_string());
                    match lang {
                        Lang::Zh => {
                            format!("{label} = {value}（须 < {}）", format_thousands(c.below))
                        }
                        Lang::En => format!(
                            "{label} = {value} (must be < {})",
                            format_thousands(c.below)
                        ),
                    }
                })
                .collect();
            match (outcome.status, lang) {
                (TierStatus::NotEligible, Lang::Zh) => {
                    format!("{name}：不符合申报条件——{}", checks.join(sep))
                }
                (TierStatus::NotEligible, Lang::En) => {
                    format!("{name}: not eligible — {}", checks.join(sep))
                }
                (_, Lang::Zh) => format!("{name}：申报条件待定（请填写）——{}", checks.join(sep)),
                (_, Lang::En) => format!(
                    "{name}: eligibility undecided (enter the figures) — {}",
                    checks.join(sep)
                ),
            }
        }
    }
}

/// Label of a grade for selectors.
pub fn grade_label(g: Grade, lang: Lang) -> &'static str {
    match (g, lang) {
        (Grade::A, Lang::Zh) => "A（持续改进、成效良好）",
        (Grade::A, Lang::En) => "A (continuous improvement, good results)",
        (Grade::B, Lang::Zh) => "B（有监管、有结果）",
        (Grade::B, Lang::En) => "B (supervised, with results)",
        (Grade::C, Lang::Zh) => "C（有制度、能落实）",
        (Grade::C, Lang::En) => "C (rules exist and are carried out)",
        (Grade::D, Lang::Zh) => "D（未达到）",
        (Grade::D, Lang::En) => "D (not met)",
    }
}
