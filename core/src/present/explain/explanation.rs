//! One line explaining a criterion's result: its answer, numbers and formula, or why it does not
//! apply.

use super::ratio::ratio;
use super::threshold::threshold;
use crate::assessment::{format_value, parse_input, Status};
use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, Criterion, CriterionKind, InputKind, Lang, Rule};
use crate::evaluation::{
    CriterionResult, Explanation, NotApplicableReason, ProfileMismatch, Requirement,
};
use crate::i18n::fill;

fn criterion_of<'a>(catalogue: &'a Catalogue, result: &CriterionResult) -> Option<&'a Criterion> {
    catalogue
        .criterion_at(result.order)
        .filter(|c| c.criterion.id == result.criterion_id)
        .or_else(|| catalogue.find_criterion(&result.criterion_id))
        .map(|c| c.criterion)
}

/// One line explaining a result with its numbers, formula and threshold.
pub fn explain(catalogue: &Catalogue, result: &CriterionResult, lang: Lang) -> String {
    let strings = lang.strings();
    let s = strings.explain;
    let criterion = criterion_of(catalogue, result);
    let mut line = match &result.explanation {
        Explanation::Checklist { status } => checklist(*status, lang).to_string(),
        Explanation::Choice { option, meets } => {
            let label = match criterion.map(|c| &c.kind) {
                Some(CriterionKind::Choice { options }) => options
                    .iter()
                    .find(|o| &o.id == option)
                    .map(|o| o.label.get(lang).to_string()),
                _ => None,
            }
            .unwrap_or_else(|| option.clone());
            let verdict = if *meets {
                s.choice_meets
            } else {
                s.choice_does_not_meet
            };
            fill(s.choice_line, &[("option", &label), ("verdict", verdict)])
        }
        Explanation::Department {
            requirement,
            present,
            partly,
            ..
        } => department(*requirement, *present, *partly, lang),
        Explanation::InputsRecorded { count, summed } => match (summed, criterion) {
            (Some(values), Some(c)) => inputs_total(catalogue, c, values, lang)
                .unwrap_or_else(|| fill(s.inputs_recorded, &[("count", &count.to_string())])),
            _ => fill(s.inputs_recorded, &[("count", &count.to_string())]),
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
            let mut line = fill(
                s.bed_class_line,
                &[
                    ("beds", &format_thousands(e.beds)),
                    ("class", e.class.label(lang)),
                ],
            );
            if e.over_limit {
                line.push_str(&fill(
                    s.bed_over_limit,
                    &[("warn_above", &e.warn_above.to_string())],
                ));
            }
            line
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
            let formula = formula
                .replace('（', strings.paren_open)
                .replace('）', strings.paren_close);
            let verdict = if e.met { "" } else { s.linear_not_reached };
            fill(
                s.linear_line,
                &[
                    ("label", &label),
                    ("value", &format_value(e.value, kind)),
                    ("formula", &formula),
                    ("required", &format_value(e.required, kind)),
                    ("verdict", verdict),
                ],
            )
        }
        Explanation::Graded(g) => {
            let mut line = fill(s.graded_line, &[("grade", g.grade.letter())]);
            if let Some(p) = &g.sub_items {
                line.push_str(&fill(
                    s.graded_sub_items,
                    &[("met", &p.met.to_string()), ("total", &p.total.to_string())],
                ));
                if let Some(next) = p.next_level {
                    if !p.blocking.is_empty() {
                        line.push_str(&fill(
                            s.graded_still_needed,
                            &[
                                ("level", next.letter()),
                                ("blocking", &p.blocking.join(strings.list_sep)),
                            ],
                        ));
                    }
                }
                line.push_str(s.graded_close);
            }
            line
        }
        Explanation::MissingInputs { missing } => fill(
            s.missing_inputs,
            &[("names", &input_names(catalogue, missing, lang))],
        ),
        Explanation::PartlyAnswered { filled, missing } => fill(
            s.partly_answered,
            &[
                ("filled", &filled.to_string()),
                ("names", &input_names(catalogue, missing, lang)),
            ],
        ),
        Explanation::NeedsCorrection {
            rejected,
            contradicted,
        } => needs_correction(catalogue, rejected, contradicted, lang),
        Explanation::NotAnswered => s.not_answered.to_string(),
        Explanation::WrongAnswerKind => s.wrong_answer_kind.to_string(),
        Explanation::NotApplicable(reason) => not_applicable(catalogue, criterion, reason, lang),
    };
    if result.assumed_applicable {
        line.push_str(s.assumed_applicable);
    }
    line
}

fn input_label(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    catalogue
        .input(id)
        .map(|d| d.label.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn input_names(catalogue: &Catalogue, ids: &[String], lang: Lang) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| input_label(catalogue, id, lang))
        .collect();
    names.join(lang.strings().list_sep)
}

/// "服务人口 = 常住人口 30,000 + 暂住（流动）人口 2,000 = 32,000 人".
fn inputs_total(
    catalogue: &Catalogue,
    criterion: &Criterion,
    values: &[u64],
    lang: Lang,
) -> Option<String> {
    let CriterionKind::NumericInputs {
        inputs,
        total: Some(label),
    } = &criterion.kind
    else {
        return None;
    };
    let first = inputs.first().and_then(|id| catalogue.input(id))?;
    if values.len() != inputs.len() {
        return None;
    }
    let terms: Vec<String> = inputs
        .iter()
        .zip(values)
        .map(|(id, v)| {
            format!(
                "{} {}",
                input_label(catalogue, id, lang),
                format_value(*v, first.kind)
            )
        })
        .collect();
    let sum = values.iter().fold(0u64, |a, v| a.saturating_add(*v));
    let unit = match first.kind {
        InputKind::Count => format!(" {}", first.unit.get(lang)),
        InputKind::Percent | InputKind::Area => String::new(),
    };
    Some(fill(
        lang.strings().explain.inputs_total,
        &[
            ("label", label.get(lang)),
            ("formula", &terms.join(" + ")),
            ("total", &format!("{}{unit}", format_value(sum, first.kind))),
        ],
    ))
}

/// The refused and contradictory figures a criterion reads, each with why.
fn needs_correction(
    catalogue: &Catalogue,
    rejected: &[(String, String)],
    contradicted: &[String],
    lang: Lang,
) -> String {
    let strings = lang.strings();
    let s = strings.explain;
    let mut parts = Vec::new();
    if !rejected.is_empty() {
        let items: Vec<String> = rejected
            .iter()
            .map(|(id, text)| {
                let why = catalogue
                    .input(id)
                    .and_then(|d| parse_input(d, text).err())
                    .map(|e| e.message(lang))
                    .unwrap_or_default();
                fill(
                    s.rejected_input,
                    &[
                        ("label", &input_label(catalogue, id, lang)),
                        ("text", text),
                        ("why", &why),
                    ],
                )
            })
            .collect();
        parts.push(fill(
            s.needs_correction_rejected,
            &[("items", &items.join(strings.list_sep))],
        ));
    }
    if !contradicted.is_empty() {
        parts.push(fill(
            s.needs_correction_contradicted,
            &[("names", &input_names(catalogue, contradicted, lang))],
        ));
    }
    parts.join(strings.clause_sep)
}

fn checklist(status: Status, lang: Lang) -> &'static str {
    let s = lang.strings().explain;
    match status {
        Status::Met => s.checklist_met,
        Status::Partly => s.checklist_partly,
        Status::NotMet => s.checklist_not_met,
        Status::NotApplicable => s.checklist_not_applicable,
    }
}

fn department(requirement: Requirement, present: bool, partly: bool, lang: Lang) -> String {
    let s = lang.strings().explain;
    let req = match requirement {
        Requirement::Required => s.department_required,
        Requirement::Optional => s.department_optional,
    };
    let state = match (present, partly) {
        (true, false) => s.department_set,
        (true, true) => s.department_partly,
        (false, _) => s.department_not_set,
    };
    fill(s.department_line, &[("requirement", req), ("state", state)])
}

fn not_applicable(
    catalogue: &Catalogue,
    criterion: Option<&Criterion>,
    reason: &NotApplicableReason,
    lang: Lang,
) -> String {
    let s = lang.strings().explain;
    match reason {
        NotApplicableReason::MarkedByUser => s.na_marked.to_string(),
        NotApplicableReason::OptionalDepartmentAbsent => s.na_optional_absent.to_string(),
        NotApplicableReason::DepartmentNotInSet { centre_type } => {
            fill(s.na_not_in_set, &[("centre_type", centre_type.label(lang))])
        }
        NotApplicableReason::ByProfile(m) => match m {
            ProfileMismatch::CentreType { actual } => {
                fill(s.na_centre_type, &[("centre_type", actual.label(lang))])
            }
            ProfileMismatch::BedClass { actual, beds } => fill(
                s.na_bed_class,
                &[
                    ("beds", &format_thousands(*beds)),
                    ("class", actual.label(lang)),
                ],
            ),
            ProfileMismatch::HasBeds { required: true, .. } => s.na_needs_beds.to_string(),
            ProfileMismatch::HasBeds {
                required: false, ..
            } => s.na_needs_no_beds.to_string(),
            ProfileMismatch::Band {
                value,
                min,
                max_exclusive,
            } => {
                let label = criterion
                    .and_then(|c| c.applicability.band.as_ref())
                    .map(|b| catalogue.operand_label(&b.operand, lang))
                    .unwrap_or_default();
                let range = match (min, max_exclusive) {
                    (Some(a), Some(b)) => {
                        format!("{} – < {}", format_thousands(*a), format_thousands(*b))
                    }
                    (Some(a), None) => format!("≥ {}", format_thousands(*a)),
                    (None, Some(b)) => format!("< {}", format_thousands(*b)),
                    (None, None) => String::new(),
                };
                fill(
                    s.na_band,
                    &[
                        ("label", &label),
                        ("value", &format_thousands(*value)),
                        ("range", &range),
                    ],
                )
            }
            ProfileMismatch::FlagNotSet { flag } => {
                let label = catalogue
                    .flag(flag)
                    .map(|f| f.label.get(lang).to_string())
                    .unwrap_or_else(|| flag.clone());
                fill(s.na_flag, &[("flag", &label)])
            }
            ProfileMismatch::NoAlternative => s.na_no_alternative.to_string(),
        },
    }
}
