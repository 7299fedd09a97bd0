//! `evaluate`: catalogue + assessment → an [`Evaluation`], with the applicability check, the
//! verdict of each criterion kind and the grade of a clause with sub-items.

use super::result::{
    CriterionResult, Explanation, GradedExplanation, NotApplicableReason, ProfileMismatch,
    Requirement, SectionSummary, SubItemProgress, Summary, Verdict,
};
use super::rules;
use super::tiers::{self, TierReport};
use crate::assessment::{
    check_inputs, operand_value, Answer, Assessment, InputIssue, InputIssueKind, Severity, Status,
};
use crate::catalogue::{
    Applicability, BedClass, Catalogue, Criterion, CriterionKind, Grade, GradedSpec,
};
use std::collections::BTreeMap;

/// The full evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub catalogue_id: String,
    pub catalogue_version: u32,
    /// The assessment was made for another catalogue id (evaluated anyway, by criterion id).
    pub catalogue_mismatch: bool,
    /// One per criterion, in catalogue order.
    pub results: Vec<CriterionResult>,
    pub sections: Vec<SectionSummary>,
    pub overall: Summary,
    /// For catalogues with tiers (the graded framework).
    pub tiers: Option<TierReport>,
    /// Indices into `results` needing action: core first, then catalogue order.
    pub gaps: Vec<usize>,
    /// Cross-field input problems (errors first).
    pub input_issues: Vec<InputIssue>,
}

impl Evaluation {
    pub fn result(&self, criterion_id: &str) -> Option<&CriterionResult> {
        self.results.iter().find(|r| r.criterion_id == criterion_id)
    }

    /// The gap list as results.
    pub fn gap_results(&self) -> impl Iterator<Item = &CriterionResult> {
        self.gaps.iter().filter_map(|&i| self.results.get(i))
    }
}

/// Tri-state applicability.
enum Applies {
    Yes,
    No(ProfileMismatch),
    Unknown,
}

struct Context<'a> {
    catalogue: &'a Catalogue,
    assessment: &'a Assessment,
    beds: Option<u64>,
    /// Inputs whose values contradict another input (a part larger than its whole): nothing
    /// is judged from them until corrected.
    contradicted: Vec<&'a str>,
}

/// Inputs a criterion reads that cannot be used: refused texts (id, text as typed) and
/// contradicted ids.
type Blocked = (Vec<(String, String)>, Vec<String>);

impl Context<'_> {
    /// The inputs among `ids` that were refused as typed or contradict another, each in
    /// catalogue input order, or `None` when all can be used.
    fn blocked<'i>(&self, ids: impl Iterator<Item = &'i String> + Clone) -> Option<Blocked> {
        if !self.any_blocked() {
            return None;
        }
        let reads = |id: &str| ids.clone().any(|i| i == id);
        let mut rejected = Vec::new();
        let mut contradicted = Vec::new();
        for def in &self.catalogue.inputs {
            if !reads(&def.id) {
                continue;
            }
            if let Some(text) = self.assessment.rejected_inputs.get(&def.id) {
                rejected.push((def.id.clone(), text.clone()));
            } else if self.contradicted.contains(&def.id.as_str()) {
                contradicted.push(def.id.clone());
            }
        }
        (!rejected.is_empty() || !contradicted.is_empty()).then_some((rejected, contradicted))
    }
}

impl Context<'_> {
    /// Whether any figure is refused or contradicted at all (the usual answer is no, and then
    /// nothing per criterion needs looking at).
    fn any_blocked(&self) -> bool {
        !self.assessment.rejected_inputs.is_empty() || !self.contradicted.is_empty()
    }
}

/// Every input an error-level cross-field issue involves: the input and what it may not
/// exceed.
fn contradicted_inputs<'a>(catalogue: &'a Catalogue, issues: &[InputIssue]) -> Vec<&'a str> {
    // A short list (a few inputs at most): a Vec costs less code than a set.
    let mut out = Vec::new();
    for issue in issues.iter().filter(|i| i.severity == Severity::Error) {
        let Some(def) = catalogue.input(&issue.input_id) else {
            continue;
        };
        out.push(def.id.as_str());
        if let (InputIssueKind::AboveOther { .. }, Some(op)) = (&issue.kind, &def.not_above) {
            for id in op.input_ids() {
                if let Some(other) = catalogue.input(id) {
                    out.push(other.id.as_str());
                }
            }
        }
    }
    out
}

impl Context<'_> {
    fn applies(&self, a: &Applicability) -> Applies {
        let mut unknown = false;
        if let Some(types) = &a.centre_types {
            match self.assessment.profile.centre_type {
                Some(t) if types.contains(&t) => {}
                Some(t) => return Applies::No(ProfileMismatch::CentreType { actual: t }),
                None => unknown = true,
            }
        }
        if a.bed_classes.is_some() || a.has_beds.is_some() {
            match self.beds {
                Some(beds) => {
                    if let Some(classes) = &a.bed_classes {
                        let actual = BedClass::of(beds);
                        if !classes.contains(&actual) {
                            return Applies::No(ProfileMismatch::BedClass { actual, beds });
                        }
                    }
                    if let Some(required) = a.has_beds {
                        if (beds > 0) != required {
                            return Applies::No(ProfileMismatch::HasBeds { required, beds });
                        }
                    }
                }
                None => unknown = true,
            }
        }
        if let Some(band) = &a.band {
            match operand_value(&band.operand, &self.assessment.inputs) {
                Some(value) => {
                    let below = band.min.is_some_and(|m| value < m);
                    let above = band.max_exclusive.is_some_and(|m| value >= m);
                    if below || above {
                        return Applies::No(ProfileMismatch::Band {
                            value,
                            min: band.min,
                            max_exclusive: band.max_exclusive,
                        });
                    }
                }
                None => unknown = true,
            }
        }
        if let Some(flag) = &a.flag {
            if !self.assessment.profile.flags.contains(flag) {
                return Applies::No(ProfileMismatch::FlagNotSet { flag: flag.clone() });
            }
        }
        if !a.any_of.is_empty() {
            let mut any_unknown = false;
            let mut any_yes = false;
            for alt in &a.any_of {
                match self.applies(alt) {
                    Applies::Yes => {
                        any_yes = true;
                        break;
                    }
                    Applies::Unknown => any_unknown = true,
                    Applies::No(_) => {}
                }
            }
            if !any_yes {
                if any_unknown {
                    unknown = true;
                } else {
                    return Applies::No(ProfileMismatch::NoAlternative);
                }
            }
        }
        if unknown {
            Applies::Unknown
        } else {
            Applies::Yes
        }
    }
}

/// Evaluates `assessment` against `catalogue`. Pure and total: never panics, whatever the
/// assessment holds (unknown ids and wrong-kind answers are ignored as unanswered).
pub fn evaluate(catalogue: &Catalogue, assessment: &Assessment) -> Evaluation {
    let input_issues = check_inputs(catalogue, &assessment.inputs);
    let ctx = Context {
        catalogue,
        assessment,
        beds: catalogue
            .beds_input
            .as_ref()
            .and_then(|id| assessment.inputs.get(id).copied()),
        contradicted: contradicted_inputs(catalogue, &input_issues),
    };
    let mut results = Vec::with_capacity(catalogue.criterion_count());
    let mut sections = Vec::with_capacity(catalogue.sections.len());
    let mut overall = Summary::default();
    for section in &catalogue.sections {
        let mut summary = Summary::default();
        for criterion in &section.criteria {
            let (verdict, explanation, assumed) = evaluate_criterion(&ctx, criterion);
            let counts = criterion.counts_for_compliance();
            summary.add(verdict, counts);
            overall.add(verdict, counts);
            results.push(CriterionResult {
                criterion_id: criterion.id.clone(),
                section_id: section.id.clone(),
                order: results.len(),
                verdict,
                importance: criterion.importance,
                counts_for_compliance: counts,
                assumed_applicable: assumed,
                explanation,
            });
        }
        sections.push(SectionSummary {
            section_id: section.id.clone(),
            summary,
        });
    }

    let mut gaps: Vec<usize> = results
        .iter()
        .enumerate()
        .filter(|(_, r)| r.verdict.needs_action())
        .map(|(i, _)| i)
        .collect();
    // Stable sort keeps catalogue order within each importance.
    crate::base::sorting::stable_sort_by_key(&mut gaps, |&i| results[i].importance);

    let tiers = if catalogue.tiers.is_empty() {
        None
    } else {
        Some(tiers::tier_report(catalogue, assessment, &results))
    };

    Evaluation {
        catalogue_id: catalogue.id.clone(),
        catalogue_version: catalogue.version,
        catalogue_mismatch: assessment.catalogue_id != catalogue.id,
        results,
        sections,
        overall,
        tiers,
        gaps,
        input_issues,
    }
}

fn evaluate_criterion(ctx: &Context<'_>, criterion: &Criterion) -> (Verdict, Explanation, bool) {
    // Whether it applies can hang on a figure too (the population band, the beds): a refused
    // or contradictory one decides nothing, so the criterion waits for the correction.
    let mut decides = Vec::new();
    if ctx.any_blocked() {
        criterion
            .applicability
            .input_ids(ctx.catalogue.beds_input.as_ref(), &mut decides);
    }
    if !decides.is_empty() {
        if let Some((rejected, contradicted)) = ctx.blocked(decides.iter().copied()) {
            return (
                Verdict::NeedsCorrection,
                Explanation::NeedsCorrection {
                    rejected,
                    contradicted,
                },
                false,
            );
        }
    }
    let assumed = match ctx.applies(&criterion.applicability) {
        Applies::No(m) => {
            return (
                Verdict::NotApplicable,
                Explanation::NotApplicable(NotApplicableReason::ByProfile(m)),
                false,
            )
        }
        Applies::Unknown => true,
        Applies::Yes => false,
    };
    let record = ctx.assessment.items.get(&criterion.id);
    if record.is_some_and(|r| r.not_applicable) {
        return (
            Verdict::NotApplicable,
            Explanation::NotApplicable(NotApplicableReason::MarkedByUser),
            assumed,
        );
    }
    let answer = record.and_then(|r| r.answer.as_ref());
    let (verdict, explanation) = match &criterion.kind {
        CriterionKind::Checklist => match answer {
            None => (Verdict::NotAnswered, Explanation::NotAnswered),
            Some(Answer::Status(s)) => (status_verdict(*s), status_explanation(*s)),
            Some(_) => (Verdict::NotAnswered, Explanation::WrongAnswerKind),
        },
        CriterionKind::NumericInputs { inputs, total } => {
            if let Some((rejected, contradicted)) = ctx.blocked(inputs.iter()) {
                return (
                    Verdict::NeedsCorrection,
                    Explanation::NeedsCorrection {
                        rejected,
                        contradicted,
                    },
                    assumed,
                );
            }
            let missing: Vec<String> = inputs
                .iter()
                .filter(|id| !ctx.assessment.inputs.contains_key(*id))
                .cloned()
                .collect();
            if missing.is_empty() {
                (
                    Verdict::Recorded,
                    Explanation::InputsRecorded {
                        count: inputs.len(),
                        summed: total.as_ref().map(|_| {
                            inputs
                                .iter()
                                .filter_map(|id| ctx.assessment.inputs.get(id).copied())
                                .collect()
                        }),
                    },
                )
            } else if missing.len() < inputs.len() {
                (
                    Verdict::PartlyAnswered,
                    Explanation::PartlyAnswered {
                        filled: inputs.len() - missing.len(),
                        missing,
                    },
                )
            } else {
                (Verdict::NotAnswered, Explanation::MissingInputs { missing })
            }
        }
        CriterionKind::Rule { rule } => {
            let blocked = if ctx.any_blocked() {
                ctx.blocked(rule.input_ids().iter().copied())
            } else {
                None
            };
            if let Some((rejected, contradicted)) = blocked {
                return (
                    Verdict::NeedsCorrection,
                    Explanation::NeedsCorrection {
                        rejected,
                        contradicted,
                    },
                    assumed,
                );
            }
            match rules::evaluate_rule(ctx.catalogue, rule, &ctx.assessment.inputs) {
                Ok(pair) => pair,
                Err(missing) => (Verdict::NotAnswered, Explanation::MissingInputs { missing }),
            }
        }
        CriterionKind::Department { department } => {
            let requirement = match ctx.assessment.profile.centre_type {
                Some(t) if department.required_for.contains(&t) => Requirement::Required,
                Some(t) if department.optional_for.contains(&t) => Requirement::Optional,
                Some(t) => {
                    return (
                        Verdict::NotApplicable,
                        Explanation::NotApplicable(NotApplicableReason::DepartmentNotInSet {
                            centre_type: t,
                        }),
                        assumed,
                    )
                }
                // Centre type not chosen yet: conservatively required if required for any type.
                None if !department.required_for.is_empty() => Requirement::Required,
                None => Requirement::Optional,
            };
            let assumed = assumed || ctx.assessment.profile.centre_type.is_none();
            let dept = |present: bool, partly: bool| Explanation::Department {
                group: department.group,
                requirement,
                present,
                partly,
            };
            let pair = match answer {
                None => (Verdict::NotAnswered, Explanation::NotAnswered),
                Some(Answer::Status(Status::Met)) => (Verdict::Met, dept(true, false)),
                Some(Answer::Status(Status::Partly)) => (Verdict::Partly, dept(true, true)),
                Some(Answer::Status(Status::NotMet)) => match requirement {
                    Requirement::Required => (Verdict::Gap, dept(false, false)),
                    Requirement::Optional => (
                        Verdict::NotApplicable,
                        Explanation::NotApplicable(NotApplicableReason::OptionalDepartmentAbsent),
                    ),
                },
                Some(Answer::Status(Status::NotApplicable)) => (
                    Verdict::NotApplicable,
                    Explanation::NotApplicable(NotApplicableReason::MarkedByUser),
                ),
                Some(_) => (Verdict::NotAnswered, Explanation::WrongAnswerKind),
            };
            return (pair.0, pair.1, assumed);
        }
        CriterionKind::Graded { graded } => graded_verdict(graded, answer),
        CriterionKind::Choice { options } => match answer {
            None => (Verdict::NotAnswered, Explanation::NotAnswered),
            Some(Answer::Choice(id)) => match options.iter().find(|o| &o.id == id) {
                Some(o) => (
                    if o.meets { Verdict::Met } else { Verdict::Gap },
                    Explanation::Choice {
                        option: o.id.clone(),
                        meets: o.meets,
                    },
                ),
                None => (Verdict::NotAnswered, Explanation::WrongAnswerKind),
            },
            // An answer given while this was a 符合/不符合 item keeps its verdict until the
            // director picks an option (nothing typed is lost).
            Some(Answer::Status(s)) => (status_verdict(*s), status_explanation(*s)),
            Some(_) => (Verdict::NotAnswered, Explanation::WrongAnswerKind),
        },
    };
    (verdict, explanation, assumed)
}

fn status_verdict(s: Status) -> Verdict {
    match s {
        Status::Met => Verdict::Met,
        Status::Partly => Verdict::Partly,
        Status::NotMet => Verdict::Gap,
        Status::NotApplicable => Verdict::NotApplicable,
    }
}

fn status_explanation(s: Status) -> Explanation {
    match s {
        Status::NotApplicable => Explanation::NotApplicable(NotApplicableReason::MarkedByUser),
        s => Explanation::Checklist { status: s },
    }
}

fn grade_verdict(grade: Grade) -> Verdict {
    if grade == Grade::D {
        Verdict::Gap
    } else {
        Verdict::Met
    }
}

/// Grade of a clause with sub-items: the highest level L (C, then B, then A) such that every
/// sub-item at L and every lower level is met. A level with no sub-items cannot be reached
/// (the loader requires levels to start at C without gaps).
pub fn grade_from_sub_items(
    graded: &GradedSpec,
    met: &BTreeMap<String, bool>,
) -> GradedExplanation {
    let is_met = |id: &str| met.get(id).copied().unwrap_or(false);
    let mut grade = Grade::D;
    let mut next_level = None;
    for level in Grade::PASSING {
        let mut any = false;
        let mut all = true;
        for s in graded.sub_items.iter().filter(|s| s.level == level) {
            any = true;
            all &= is_met(&s.id);
        }
        if any && all {
            grade = level;
        } else {
            if any {
                next_level = Some(level);
            }
            break;
        }
    }
    let blocking = match next_level {
        Some(level) => graded
            .sub_items
            .iter()
            .filter(|s| s.level == level && !is_met(&s.id))
            .map(|s| s.id.clone())
            .collect(),
        None => Vec::new(),
    };
    let met_count = graded.sub_items.iter().filter(|s| is_met(&s.id)).count();
    GradedExplanation {
        grade,
        sub_items: Some(SubItemProgress {
            met: u32::try_from(met_count).unwrap_or(u32::MAX),
            total: u32::try_from(graded.sub_items.len()).unwrap_or(u32::MAX),
            next_level,
            blocking,
        }),
    }
}

fn graded_verdict(graded: &GradedSpec, answer: Option<&Answer>) -> (Verdict, Explanation) {
    match (answer, graded.sub_items.is_empty()) {
        (None, _) => (Verdict::NotAnswered, Explanation::NotAnswered),
        (Some(Answer::Grade(g)), true) => (
            grade_verdict(*g),
            Explanation::Graded(GradedExplanation {
                grade: *g,
                sub_items: None,
            }),
        ),
        (Some(Answer::SubItems(m)), false) => {
            let e = grade_from_sub_items(graded, m);
            (grade_verdict(e.grade), Explanation::Graded(e))
        }
        (Some(Answer::Status(Status::NotApplicable)), _) => (
            Verdict::NotApplicable,
            Explanation::NotApplicable(NotApplicableReason::MarkedByUser),
        ),
        (Some(_), _) => (Verdict::NotAnswered, Explanation::WrongAnswerKind),
    }
}
