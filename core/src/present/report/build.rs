//! Building the gap report: `ReportModel::build` from an assessment and its evaluation.

use super::model::{
    ActionRow, CorrectionRow, Counts, GapGroup, GapItem, NaRow, OrphanKind, OrphanRow, Overall,
    ReportModel, SectionBar, SignatureLine, Signatures, TierBlock, TierRow, UnansweredGroup,
    REVIEW_BLANK_LINES,
};
use super::page::{action_status_label, strings, Ctx};
use super::review_summary::report_summary;
use crate::assessment::{Action, ActionStatus, Assessment, AssessmentIssue};
use crate::base::dates::CalendarText;
use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, Lang, ProvenanceTag};
use crate::evaluation::{Evaluation, Explanation, NotApplicableReason, TierStatus, Verdict};
use crate::i18n::fill;
use crate::i18n::report::ReportStrings;
use crate::present::explain;
use crate::present::percent::{bar_percent, percent_text};

fn is_blank_action(a: &Action) -> bool {
    a.measure.trim().is_empty()
        && a.owner.trim().is_empty()
        && a.deadline.is_none()
        && a.status == ActionStatus::Planned
}

impl ReportModel {
    /// The report of `assessment` against `catalogue`, with `evaluation` =
    /// `evaluate(catalogue, assessment)`. Pure and total: whatever the assessment holds, this
    /// never panics (unknown ids become orphan rows).
    pub fn build(
        catalogue: &Catalogue,
        assessment: &Assessment,
        evaluation: &Evaluation,
        lang: Lang,
    ) -> ReportModel {
        let s = strings(lang);
        let ctx = Ctx {
            catalogue,
            assessment,
            lang,
            s,
        };

        // Overall result.
        let o = &evaluation.overall;
        let c = o.compliance();
        let overall = Overall {
            summary_line: explain::summary_line(o, lang),
            compliance: percent_text(&c),
            counts: Counts {
                applicable: o.applicable,
                answered: o.answered,
                met: o.met + o.met_with_note,
                partly: o.partly,
                gaps: o.gap,
                not_answered: o.not_answered,
                partly_answered: o.partly_answered,
                needs_correction: o.needs_correction,
                not_applicable: o.not_applicable,
            },
            unanswered_note: (o.not_answered + o.partly_answered > 0).then(|| {
                fill(
                    s.unanswered_note,
                    &[("n", &(o.not_answered + o.partly_answered).to_string())],
                )
            }),
            corrections_note: (o.needs_correction > 0).then(|| {
                fill(
                    s.corrections_note,
                    &[("n", &o.needs_correction.to_string())],
                )
            }),
        };

        let sections = evaluation
            .sections
            .iter()
            .map(|sec| {
                let sum = &sec.summary;
                let c = sum.compliance();
                SectionBar {
                    section_id: sec.section_id.clone(),
                    title: ctx.section_title(&sec.section_id),
                    percent_floor: bar_percent(&c),
                    compliance: percent_text(&c),
                    detail: fill(
                        s.chart_row_detail,
                        &[
                            ("answered", &sum.answered.to_string()),
                            ("applicable", &sum.applicable.to_string()),
                            ("gaps", &(sum.gap + sum.partly).to_string()),
                        ],
                    ),
                }
            })
            .collect();

        let tiers = evaluation.tiers.as_ref().map(|report| {
            let rows = report
                .tiers
                .iter()
                .map(|t| TierRow {
                    tier_id: t.tier_id.clone(),
                    name: catalogue
                        .tier(&t.tier_id)
                        .map(|d| d.name.get(lang).to_string())
                        .unwrap_or_else(|| t.tier_id.clone()),
                    status: t.status,
                    status_label: match t.status {
                        TierStatus::Reached => s.tier_reached,
                        TierStatus::Missed => s.tier_missed,
                        TierStatus::NotEligible => s.tier_not_eligible,
                        TierStatus::EligibilityUnknown => s.tier_unknown,
                        TierStatus::NoClauses => s.tier_no_clauses,
                    }
                    .to_string(),
                    line: explain::tier_line(catalogue, t, lang),
                    missing: if matches!(t.status, TierStatus::NotEligible | TierStatus::NoClauses)
                    {
                        Vec::new()
                    } else {
                        t.shortfalls().map(|b| explain::bar_line(b, lang)).collect()
                    },
                })
                .collect();
            let highest = match report.highest_reached.as_ref() {
                Some(id) => {
                    let name = catalogue
                        .tier(id)
                        .map(|d| d.name.get(lang).to_string())
                        .unwrap_or_else(|| id.clone());
                    fill(s.highest_tier, &[("tier", &name)])
                }
                None => s.no_tier.to_string(),
            };
            TierBlock { rows, highest }
        });

        let input_issues = evaluation
            .input_issues
            .iter()
            .map(|i| i.message(catalogue, lang))
            .collect();

        // Gap list: sections in catalogue order, each in the evaluation's gap order (core
        // first, then catalogue order).
        let mut gap_groups: Vec<GapGroup> = Vec::new();
        let mut number = 0;
        for section in &catalogue.sections {
            let items: Vec<GapItem> = evaluation
                .gap_results()
                .filter(|r| r.section_id == section.id)
                .map(|r| {
                    number += 1;
                    let criterion = catalogue
                        .criterion_at(r.order)
                        .filter(|c| c.criterion.id == r.criterion_id)
                        .or_else(|| catalogue.find_criterion(&r.criterion_id))
                        .map(|c| c.criterion);
                    let is_decision = criterion
                        .is_some_and(|c| matches!(c.provenance.tag, ProvenanceTag::Decision));
                    GapItem {
                        number,
                        criterion_id: r.criterion_id.clone(),
                        title: ctx.result_title(r),
                        importance: r.importance,
                        importance_label: explain::importance_label(r.importance, lang).to_string(),
                        verdict: r.verdict,
                        verdict_label: explain::verdict_label(r.verdict, lang).to_string(),
                        explanation: explain::explain(catalogue, r, lang),
                        source: criterion
                            .map(|c| explain::provenance_line(catalogue, &c.provenance, lang))
                            .unwrap_or_default(),
                        decision_note: is_decision.then(|| s.decision_note.to_string()),
                        evidence: assessment
                            .item(&r.criterion_id)
                            .map(|rec| rec.evidence.trim().to_string())
                            .unwrap_or_default(),
                    }
                })
                .collect();
            if !items.is_empty() {
                gap_groups.push(GapGroup {
                    section_id: section.id.clone(),
                    section_title: section.title.get(lang).to_string(),
                    items,
                });
            }
        }
        let gap_count = number;

        // Action plan: every gap in gap-list order, then actions on items no longer gaps.
        let mut actions: Vec<ActionRow> = Vec::new();
        let row = |number: usize,
                   id: &str,
                   title: String,
                   gap_number: Option<usize>,
                   action: Option<&Action>| {
            let note = gap_number.is_none().then(|| s.action_not_a_gap.to_string());
            match action {
                Some(a) => ActionRow {
                    number,
                    criterion_id: id.to_string(),
                    criterion_title: title,
                    gap_number,
                    note,
                    measure: a.measure.trim().to_string(),
                    owner: a.owner.trim().to_string(),
                    deadline: a.deadline.map(|d| d.ymd()).unwrap_or_default(),
                    status: Some(a.status),
                    status_label: action_status_label(s, a.status).to_string(),
                },
                None => ActionRow {
                    number,
                    criterion_id: id.to_string(),
                    criterion_title: title,
                    gap_number,
                    note,
                    measure: String::new(),
                    owner: String::new(),
                    deadline: String::new(),
                    status: None,
                    status_label: s.action_missing.to_string(),
                },
            }
        };
        for item in gap_groups.iter().flat_map(|g| g.items.iter()) {
            let action = assessment
                .item(&item.criterion_id)
                .and_then(|r| r.action.as_ref());
            actions.push(row(
                actions.len() + 1,
                &item.criterion_id,
                item.title.clone(),
                Some(item.number),
                action,
            ));
        }
        for r in &evaluation.results {
            if r.verdict.needs_action() {
                continue;
            }
            if let Some(a) = assessment
                .item(&r.criterion_id)
                .and_then(|rec| rec.action.as_ref())
                .filter(|a| !is_blank_action(a))
            {
                let mut action_row = row(
                    actions.len() + 1,
                    &r.criterion_id,
                    ctx.result_title(r),
                    None,
                    Some(a),
                );
                if r.verdict == Verdict::NeedsCorrection {
                    // Not judged, so not "no longer a gap" either.
                    action_row.note = Some(s.action_needs_correction.to_string());
                }
                actions.push(action_row);
            }
        }

        // Items not judged until a figure is corrected.
        let corrections: Vec<CorrectionRow> = evaluation
            .results
            .iter()
            .filter(|r| r.verdict == Verdict::NeedsCorrection)
            .map(|r| CorrectionRow {
                criterion_id: r.criterion_id.clone(),
                section_title: ctx.section_title(&r.section_id),
                title: ctx.result_title(r),
                explanation: explain::explain(catalogue, r, lang),
            })
            .collect();

        // Unanswered items, by section.
        let mut unanswered: Vec<UnansweredGroup> = Vec::new();
        for section in &catalogue.sections {
            let titles: Vec<String> = evaluation
                .results
                .iter()
                .filter(|r| r.section_id == section.id)
                .filter_map(|r| match r.verdict {
                    Verdict::NotAnswered => Some(ctx.result_title(r)),
                    Verdict::PartlyAnswered => Some(format!(
                        "{}{}",
                        ctx.result_title(r),
                        fill(
                            s.partly_answered_suffix,
                            &[("detail", &explain::explain(catalogue, r, lang))]
                        )
                    )),
                    _ => None,
                })
                .collect();
            if !titles.is_empty() {
                unanswered.push(UnansweredGroup {
                    section_title: section.title.get(lang).to_string(),
                    titles,
                });
            }
        }

        // Not applicable: marked by the user (reason = evidence note) or by profile.
        let mut marked_not_applicable = Vec::new();
        let mut not_applicable_by_profile = Vec::new();
        for r in &evaluation.results {
            let Explanation::NotApplicable(reason) = &r.explanation else {
                continue;
            };
            let base = |reason: String, reason_missing: bool| NaRow {
                criterion_id: r.criterion_id.clone(),
                section_title: ctx.section_title(&r.section_id),
                title: ctx.result_title(r),
                reason,
                reason_missing,
            };
            match reason {
                NotApplicableReason::MarkedByUser => {
                    let note = assessment
                        .item(&r.criterion_id)
                        .map(|rec| rec.evidence.trim().to_string())
                        .unwrap_or_default();
                    marked_not_applicable.push(if note.is_empty() {
                        base(s.missing_reason.to_string(), true)
                    } else {
                        base(note, false)
                    });
                }
                _ => not_applicable_by_profile
                    .push(base(explain::explain(catalogue, r, lang), false)),
            }
        }

        // What the assessment holds that the catalogue does not know.
        let mut orphans = Vec::new();
        let mut catalogue_notes = Vec::new();
        for issue in assessment.check_against(catalogue) {
            let message = issue.message(lang);
            match &issue {
                AssessmentIssue::UnknownCriterion { id } => orphans.push(OrphanRow {
                    kind: OrphanKind::Criterion,
                    id: id.clone(),
                    stored: assessment
                        .item(id)
                        .map(|rec| ctx.describe_record(rec))
                        .unwrap_or_default(),
                    issue: message,
                }),
                AssessmentIssue::UnknownInput { id } => orphans.push(OrphanRow {
                    kind: OrphanKind::Input,
                    id: id.clone(),
                    stored: assessment
                        .input(id)
                        .map(|v| format!("{}{}", s.stored_value, format_thousands(v)))
                        .unwrap_or_default(),
                    issue: message,
                }),
                AssessmentIssue::UnknownFlag { id } => orphans.push(OrphanRow {
                    kind: OrphanKind::Flag,
                    id: id.clone(),
                    stored: s.stored_flag.to_string(),
                    issue: message,
                }),
                AssessmentIssue::WrongCatalogue { .. }
                | AssessmentIssue::CatalogueVersionChanged { .. }
                | AssessmentIssue::AnswerDoesNotFit { .. } => catalogue_notes.push(message),
            }
        }

        ReportModel {
            lang,
            heading: s.heading.to_string(),
            subtitle: ctx.subtitle(),
            header: ctx.header(),
            sample_note: catalogue.sample.then(|| s.sample_note.to_string()),
            overall,
            sections,
            tiers,
            input_issues,
            gap_heading: fill(s.gaps_heading_count, &[("n", &gap_count.to_string())]),
            gap_groups,
            gap_count,
            actions,
            unanswered,
            corrections,
            marked_not_applicable,
            not_applicable_by_profile,
            orphans,
            catalogue_notes,
            signatures: signatures(s),
            review: assessment
                .review
                .as_ref()
                .map(|r| report_summary(r, catalogue, lang)),
        }
    }

    /// The gap items in gap-list order.
    pub fn gap_items(&self) -> impl Iterator<Item = &GapItem> {
        self.gap_groups.iter().flat_map(|g| g.items.iter())
    }
}

fn signatures(s: &ReportStrings) -> Signatures {
    let line = |label: &str| SignatureLine {
        label: label.to_string(),
        date_label: s.sign_date.to_string(),
    };
    Signatures {
        heading: s.signatures_heading.to_string(),
        director: line(s.sign_director),
        filler: line(s.sign_filler),
        review_opinion: s.review_opinion.to_string(),
        review_blank_lines: REVIEW_BLANK_LINES,
        reviewer: line(s.sign_reviewer),
    }
}
