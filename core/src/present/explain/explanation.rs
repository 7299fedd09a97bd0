//! One line explaining a criterion's result: its answer, numbers and formula, or why it does not
//! apply.

use super::ratio::ratio;
use super::threshold::threshold;
use crate::assessment::{format_value, Status};
use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, Criterion, CriterionKind, InputKind, Lang, Rule};
use crate::evaluation::{
    CriterionResult, Explanation, NotApplicableReason, ProfileMismatch, Requirement,
};

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
