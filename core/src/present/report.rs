//! The printable gap report and the blank on-site checklist, as plain data (issue 7).
//!
//! Everything that decides what goes on paper lives here, so it is tested natively: which gaps,
//! in which order, with which explanation and source line; which rows the action plan has; what
//! was marked not applicable and why; what the assessment holds that the catalogue no longer
//! knows; the signature block. The views in `ui/report.rs` only render these values.
//!
//! Conventions:
//! - The gap list is grouped by section in catalogue order; inside a section, core items come
//!   before recommended ones, then catalogue order (the evaluation's gap order, filtered).
//!   Items are numbered 1..n across the whole list, and action rows refer to these numbers.
//! - The action plan has one row per gap, in gap-list order, with its action or blank cells to
//!   fill in on paper; then any non-empty action recorded on an item that is no longer a gap.
//! - "Service population" is the sum of the inputs `resident_population` and
//!   `temporary_population` (the ids every bundled catalogue uses); the row is left out for a
//!   catalogue without them, and shows "not entered" until both are entered.
//! - Not applicable: items the user marked (reason = the evidence note) are listed apart from
//!   items the profile excludes (reason = the evaluation's explanation).

use crate::assessment::{
    Action, ActionStatus, Answer, Assessment, AssessmentIssue, ItemRecord, Status,
};
use crate::base::dates::CalendarText;
use crate::base::exact::{format_share_truncated, format_thousands};
use crate::catalogue::{
    BedClass, Catalogue, CriterionKind, Grade, Importance, InputKind, Lang, ProvenanceTag, Rule,
};
use crate::evaluation::{
    CriterionResult, Evaluation, Explanation, NotApplicableReason, TierStatus, Verdict,
};
use crate::i18n::report::{ReportStrings, EN, ZH};
use crate::present::explain;

/// Blank lines under "县级复核意见" for the reviewer's handwriting.
pub const REVIEW_BLANK_LINES: usize = 4;
/// Blank note lines under each item of the blank checklist.
pub const CHECKLIST_NOTE_LINES: usize = 2;
/// Input ids whose sum is the service population (see the module notes).
pub const POPULATION_INPUTS: [&str; 2] = ["resident_population", "temporary_population"];

/// The report strings of a language.
pub fn strings(lang: Lang) -> &'static ReportStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A labelled value (a header row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelValue {
    pub label: String,
    pub value: String,
}

impl LabelValue {
    fn new(label: &str, value: impl Into<String>) -> Self {
        LabelValue {
            label: label.to_string(),
            value: value.into(),
        }
    }
}

/// Counts of the whole assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub applicable: u32,
    pub answered: u32,
    /// Met, including met with a note.
    pub met: u32,
    pub partly: u32,
    pub gaps: u32,
    pub not_answered: u32,
    pub not_applicable: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overall {
    /// `explain::summary_line` of the whole assessment.
    pub summary_line: String,
    /// "82.5%" (truncated, never rounded up), or "—" when nothing is measurable.
    pub compliance: String,
    pub counts: Counts,
    /// Said when some applicable items are still unanswered.
    pub unanswered_note: Option<String>,
}

/// One bar of the per-section compliance chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionBar {
    pub section_id: String,
    pub title: String,
    /// Whole percent, rounded down (the bar's length).
    pub percent_floor: u32,
    /// "82.5%" or "—" when the section has no compliance items.
    pub compliance: String,
    /// "已答 8/10，差距 2".
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierRow {
    pub tier_id: String,
    pub name: String,
    pub status: TierStatus,
    pub status_label: String,
    /// `explain::tier_line`: the status with what is missing.
    pub line: String,
    /// `explain::bar_line` of every bar not met: exactly what is missing. Empty for a tier
    /// reached, and for one the centre may not claim (its `line` gives the eligibility figures).
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierBlock {
    pub rows: Vec<TierRow>,
    /// "已达到的最高等级：基本标准" or "尚未达到任何等级。".
    pub highest: String,
}

/// One item of the gap list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapItem {
    /// 1-based position in the whole gap list.
    pub number: usize,
    pub criterion_id: String,
    pub title: String,
    pub importance: Importance,
    pub importance_label: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// `explain::explain`: the numbers, formula or threshold.
    pub explanation: String,
    /// `explain::provenance_line`.
    pub source: String,
    /// Set for the tool's own interpretation ("本工具的解释").
    pub decision_note: Option<String>,
    /// The director's evidence note (may be long; never truncated).
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapGroup {
    pub section_id: String,
    pub section_title: String,
    pub items: Vec<GapItem>,
}

/// One row of the action plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// 1-based row number.
    pub number: usize,
    pub criterion_id: String,
    pub criterion_title: String,
    /// The gap's number in the gap list, if the item is a gap.
    pub gap_number: Option<usize>,
    /// "（目前已不是差距）" for an action on an item that is no longer a gap.
    pub note: Option<String>,
    pub measure: String,
    pub owner: String,
    /// "2026-12-31" or empty.
    pub deadline: String,
    /// `None` when no action has been recorded yet (the cells stay blank for paper).
    pub status: Option<ActionStatus>,
    pub status_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnansweredGroup {
    pub section_title: String,
    pub titles: Vec<String>,
}

/// An item not applicable, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NaRow {
    pub criterion_id: String,
    pub section_title: String,
    pub title: String,
    pub reason: String,
    /// Marked by the user without an evidence note.
    pub reason_missing: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrphanKind {
    Criterion,
    Input,
    Flag,
}

/// Something stored in the assessment that the catalogue does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanRow {
    pub kind: OrphanKind,
    pub id: String,
    /// What was stored, so nothing is lost on paper.
    pub stored: String,
    /// `AssessmentIssue::message`.
    pub issue: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureLine {
    pub label: String,
    pub date_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatures {
    pub heading: String,
    pub director: SignatureLine,
    pub filler: SignatureLine,
    pub review_opinion: String,
    pub review_blank_lines: usize,
    pub reviewer: SignatureLine,
}

/// The county review of this assessment (issue 8), as display strings, when the assessment came
/// back from the county with one ([`crate::present::review::report_summary`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewSummary {
    pub reviewer: String,
    /// "2026-12-01".
    pub reviewed_on: String,
    /// The conclusion's label ("通过", "整改后复核", "不通过"), or empty while in progress.
    pub conclusion: String,
    /// The reviewer's overall remarks.
    pub comment: String,
    /// Per-criterion remarks in catalogue order: criterion title → "不同意：……".
    pub remarks: Vec<LabelValue>,
}

/// Everything the printed gap report shows, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportModel {
    pub lang: Lang,
    pub heading: String,
    /// "青山镇卫生院 · 2026 年度".
    pub subtitle: String,
    pub header: Vec<LabelValue>,
    pub sample_note: Option<String>,
    pub overall: Overall,
    pub sections: Vec<SectionBar>,
    /// For graded catalogues.
    pub tiers: Option<TierBlock>,
    /// Cross-field problems in the entered figures.
    pub input_issues: Vec<String>,
    /// "差距清单（7）".
    pub gap_heading: String,
    pub gap_groups: Vec<GapGroup>,
    pub gap_count: usize,
    pub actions: Vec<ActionRow>,
    pub unanswered: Vec<UnansweredGroup>,
    pub marked_not_applicable: Vec<NaRow>,
    pub not_applicable_by_profile: Vec<NaRow>,
    pub orphans: Vec<OrphanRow>,
    /// Other mismatches between assessment and catalogue (other catalogue, changed version,
    /// answers of the wrong kind).
    pub catalogue_notes: Vec<String>,
    pub signatures: Signatures,
    /// The county's review, when the assessment carries one.
    pub review: Option<ReviewSummary>,
}

struct Ctx<'a> {
    catalogue: &'a Catalogue,
    assessment: &'a Assessment,
    lang: Lang,
    s: &'static ReportStrings,
}

impl Ctx<'_> {
    fn or_not_entered(&self, v: &str) -> String {
        if v.trim().is_empty() {
            self.s.not_entered.to_string()
        } else {
            v.trim().to_string()
        }
    }

    fn criterion_title(&self, id: &str) -> String {
        self.catalogue
            .find_criterion(id)
            .map(|c| c.criterion.title.get(self.lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    fn section_title(&self, id: &str) -> String {
        self.catalogue
            .section(id)
            .map(|s| s.title.get(self.lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    fn result_title(&self, r: &CriterionResult) -> String {
        match self.catalogue.criterion_at(r.order) {
            Some(c) if c.criterion.id == r.criterion_id => {
                c.criterion.title.get(self.lang).to_string()
            }
            _ => self.criterion_title(&r.criterion_id),
        }
    }

    fn subtitle(&self) -> String {
        let p = &self.assessment.profile;
        let centre = if p.centre_name.trim().is_empty() {
            self.s.not_entered.to_string()
        } else {
            p.centre_name.trim().to_string()
        };
        match p.year {
            Some(y) => fill(
                self.s.subtitle_year,
                &[("centre", &centre), ("year", &y.to_string())],
            ),
            None => centre,
        }
    }

    fn header(&self) -> Vec<LabelValue> {
        let s = self.s;
        let p = &self.assessment.profile;
        let mut rows = vec![
            LabelValue::new(s.centre_name, self.or_not_entered(&p.centre_name)),
            LabelValue::new(s.county, self.or_not_entered(&p.county)),
            LabelValue::new(
                s.centre_type,
                p.centre_type
                    .map(|t| t.label(self.lang).to_string())
                    .unwrap_or_else(|| s.not_entered.to_string()),
            ),
        ];
        if let Some(beds_id) = self
            .catalogue
            .beds_input
            .as_ref()
            .filter(|id| self.catalogue.input(id).is_some())
        {
            let value = match self.assessment.input(beds_id) {
                Some(beds) => fill(
                    s.beds_value,
                    &[
                        ("beds", &format_thousands(beds)),
                        ("class", BedClass::of(beds).label(self.lang)),
                    ],
                ),
                None => s.not_entered.to_string(),
            };
            rows.push(LabelValue::new(s.bed_class, value));
        }
        if POPULATION_INPUTS
            .iter()
            .all(|id| self.catalogue.input(id).is_some())
        {
            let [resident, temporary] = POPULATION_INPUTS.map(|id| self.assessment.input(id));
            let value = match (resident, temporary) {
                (Some(r), Some(t)) => fill(
                    s.population_value,
                    &[
                        ("total", &format_thousands(r.saturating_add(t))),
                        ("resident", &format_thousands(r)),
                        ("temporary", &format_thousands(t)),
                    ],
                ),
                _ => s.not_entered.to_string(),
            };
            rows.push(LabelValue::new(s.service_population, value));
        }
        rows.push(LabelValue::new(
            s.year,
            p.year
                .map(|y| y.to_string())
                .unwrap_or_else(|| s.not_entered.to_string()),
        ));
        rows.push(LabelValue::new(
            s.last_changed,
            self.assessment.updated_at.ymd(),
        ));
        rows.push(LabelValue::new(
            s.catalogue,
            fill(
                s.catalogue_value,
                &[
                    ("title", self.catalogue.title.get(self.lang)),
                    ("version", &self.catalogue.version.to_string()),
                ],
            ),
        ));
        rows.push(LabelValue::new(
            s.filled_by,
            self.or_not_entered(&p.filled_by),
        ));
        rows
    }

    fn answer_text(&self, answer: &Answer) -> String {
        let s = self.s;
        match answer {
            Answer::Status(Status::Met) => s.answer_met.to_string(),
            Answer::Status(Status::Partly) => s.answer_partly.to_string(),
            Answer::Status(Status::NotMet) => s.answer_not_met.to_string(),
            Answer::Status(Status::NotApplicable) => s.answer_na.to_string(),
            Answer::Grade(g) => fill(s.answer_grade, &[("grade", g.letter())]),
            Answer::SubItems(m) => {
                let parts: Vec<String> = m
                    .iter()
                    .map(|(id, met)| {
                        let state = if *met {
                            s.sub_item_met
                        } else {
                            s.sub_item_not_met
                        };
                        format!("{id} {state}")
                    })
                    .collect();
                parts.join(self.list_sep())
            }
        }
    }

    fn list_sep(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }

    fn clause_sep(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        }
    }

    /// Everything a record holds, as one line.
    fn describe_record(&self, record: &ItemRecord) -> String {
        let s = self.s;
        let mut parts = Vec::new();
        if let Some(answer) = &record.answer {
            parts.push(format!("{}{}", s.stored_answer, self.answer_text(answer)));
        }
        if record.not_applicable {
            parts.push(s.stored_na.to_string());
        }
        if !record.evidence.trim().is_empty() {
            parts.push(format!("{}{}", s.stored_evidence, record.evidence.trim()));
        }
        if let Some(action) = &record.action {
            let mut line = format!("{}{}", s.stored_action, action.measure.trim());
            let (colon, comma, open, close) = match self.lang {
                Lang::Zh => ("：", "，", "（", "）"),
                Lang::En => (": ", ", ", " (", ")"),
            };
            let mut extra = Vec::new();
            if !action.owner.trim().is_empty() {
                extra.push(format!("{}{colon}{}", s.col_owner, action.owner.trim()));
            }
            if let Some(d) = action.deadline {
                extra.push(format!("{}{colon}{}", s.col_deadline, d.ymd()));
            }
            extra.push(format!(
                "{}{colon}{}",
                s.col_status,
                action_status_label(s, action.status)
            ));
            line.push_str(&format!("{open}{}{close}", extra.join(comma)));
            parts.push(line);
        }
        parts.join(self.clause_sep())
    }
}

fn action_status_label(s: &ReportStrings, status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => s.action_planned,
        ActionStatus::InProgress => s.action_in_progress,
        ActionStatus::Done => s.action_done,
    }
}

fn is_blank_action(a: &Action) -> bool {
    a.measure.trim().is_empty()
        && a.owner.trim().is_empty()
        && a.deadline.is_none()
        && a.status == ActionStatus::Planned
}

fn percent_floor(num: u64, den: u64) -> u32 {
    if den == 0 {
        0
    } else {
        let p = u128::from(num) * 100 / u128::from(den);
        u32::try_from(p.min(100)).unwrap_or(100)
    }
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
            compliance: format_share_truncated(c.num, c.den).unwrap_or_else(|| "—".to_string()),
            counts: Counts {
                applicable: o.applicable,
                answered: o.answered,
                met: o.met + o.met_with_note,
                partly: o.partly,
                gaps: o.gap,
                not_answered: o.not_answered,
                not_applicable: o.not_applicable,
            },
            unanswered_note: (o.not_answered > 0)
                .then(|| fill(s.unanswered_note, &[("n", &o.not_answered.to_string())])),
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
                    percent_floor: percent_floor(c.num, c.den),
                    compliance: format_share_truncated(c.num, c.den)
                        .unwrap_or_else(|| "—".to_string()),
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
                    }
                    .to_string(),
                    line: explain::tier_line(catalogue, t, lang),
                    missing: if t.status == TierStatus::NotEligible {
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
                actions.push(row(
                    actions.len() + 1,
                    &r.criterion_id,
                    ctx.result_title(r),
                    None,
                    Some(a),
                ));
            }
        }

        // Unanswered items, by section.
        let mut unanswered: Vec<UnansweredGroup> = Vec::new();
        for section in &catalogue.sections {
            let titles: Vec<String> = evaluation
                .results
                .iter()
                .filter(|r| r.section_id == section.id && r.verdict == Verdict::NotAnswered)
                .map(|r| ctx.result_title(r))
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
            marked_not_applicable,
            not_applicable_by_profile,
            orphans,
            catalogue_notes,
            signatures: signatures(s),
            review: assessment
                .review
                .as_ref()
                .map(|r| crate::present::review::report_summary(r, catalogue, lang)),
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

// ---------------------------------------------------------------------------------------------
// The blank checklist
// ---------------------------------------------------------------------------------------------

/// A blank field for one numeric input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureBlank {
    pub input_id: String,
    pub label: String,
    /// "人", "m²", "%"…
    pub unit: String,
}

/// A graded sub-item to tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubItemLine {
    pub id: String,
    /// "C", "B" or "A".
    pub level: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    pub criterion_id: String,
    pub title: String,
    pub importance_label: String,
    /// The criterion's own explanation (what to look for).
    pub text: String,
    /// Labels of the boxes to tick (□ 符合 □ 部分符合 …); empty for computed items.
    pub boxes: Vec<String>,
    pub sub_items: Vec<SubItemLine>,
    /// Blank fields for the figures this item asks for (each input appears once in the list).
    pub figures: Vec<FigureBlank>,
    /// For computed items: "由数据自动计算……所需数据：床位数、……".
    pub computed_note: Option<String>,
    pub note_lines: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistSection {
    pub section_id: String,
    pub title: String,
    pub items: Vec<ChecklistItem>,
}

/// The blank on-site checklist of an assessment's catalogue, for its profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistModel {
    pub lang: Lang,
    pub heading: String,
    pub subtitle: String,
    pub intro: String,
    /// Said when some items are listed only because the profile is incomplete.
    pub assumed_note: Option<String>,
    pub sample_note: Option<String>,
    /// Centre, catalogue, year, and blank "检查日期" / "检查人" (empty values).
    pub header: Vec<LabelValue>,
    pub sections: Vec<ChecklistSection>,
    /// Inputs no applicable item asks for (e.g. read only by tier eligibility).
    pub other_figures: Vec<FigureBlank>,
}

fn unit_of(catalogue: &Catalogue, input_id: &str, lang: Lang) -> String {
    catalogue
        .input(input_id)
        .map(|d| match d.kind {
            InputKind::Percent => "%".to_string(),
            InputKind::Area => "m²".to_string(),
            InputKind::Count => d.unit.get(lang).to_string(),
        })
        .unwrap_or_default()
}

fn figure(catalogue: &Catalogue, input_id: &str, lang: Lang) -> FigureBlank {
    FigureBlank {
        input_id: input_id.to_string(),
        label: catalogue
            .input(input_id)
            .map(|d| d.label.get(lang).to_string())
            .unwrap_or_else(|| input_id.to_string()),
        unit: unit_of(catalogue, input_id, lang),
    }
}

impl ChecklistModel {
    /// Every criterion of `catalogue` that applies to `assessment`'s profile (those the profile
    /// excludes are left out; items the user marked not applicable stay, to be looked at again),
    /// grouped by section, with boxes to tick, sub-items, and a blank field for every input.
    pub fn build(
        catalogue: &Catalogue,
        assessment: &Assessment,
        evaluation: &Evaluation,
        lang: Lang,
    ) -> ChecklistModel {
        let s = strings(lang);
        let ctx = Ctx {
            catalogue,
            assessment,
            lang,
            s,
        };
        let status_boxes = vec![
            s.box_met.to_string(),
            s.box_partly.to_string(),
            s.box_not_met.to_string(),
            s.box_na.to_string(),
        ];
        let department_boxes = vec![
            s.box_present.to_string(),
            s.box_partly_present.to_string(),
            s.box_absent.to_string(),
            s.box_na.to_string(),
        ];
        let mut shown: Vec<&str> = Vec::new();
        let mut assumed = false;
        let mut sections = Vec::new();
        for section in &catalogue.sections {
            let mut items = Vec::new();
            for criterion in &section.criteria {
                let result = evaluation.result(&criterion.id);
                let excluded = result.is_some_and(|r| {
                    matches!(
                        r.explanation,
                        Explanation::NotApplicable(
                            NotApplicableReason::ByProfile(_)
                                | NotApplicableReason::DepartmentNotInSet { .. }
                        )
                    )
                });
                if excluded {
                    continue;
                }
                assumed |= result.is_some_and(|r| r.assumed_applicable);
                let mut figures = Vec::new();
                let mut boxes = Vec::new();
                let mut sub_items = Vec::new();
                let mut computed_note = None;
                match &criterion.kind {
                    CriterionKind::Checklist => boxes = status_boxes.clone(),
                    CriterionKind::Department { .. } => boxes = department_boxes.clone(),
                    CriterionKind::NumericInputs { inputs } => {
                        let ids: Vec<&str> = inputs.iter().map(String::as_str).collect();
                        add_figures(catalogue, &ids, &mut shown, &mut figures, lang);
                    }
                    CriterionKind::Rule { rule } => {
                        let ids: Vec<&str> = rule_inputs(rule);
                        let labels: Vec<String> = ids
                            .iter()
                            .map(|id| figure(catalogue, id, lang).label)
                            .collect();
                        computed_note = Some(format!(
                            "{}{}",
                            s.computed_note,
                            dedup(labels).join(ctx.list_sep())
                        ));
                        add_figures(catalogue, &ids, &mut shown, &mut figures, lang);
                    }
                    CriterionKind::Graded { graded } if graded.sub_items.is_empty() => {
                        boxes = [Grade::A, Grade::B, Grade::C, Grade::D]
                            .iter()
                            .map(|g| g.letter().to_string())
                            .chain(std::iter::once(s.box_na.to_string()))
                            .collect();
                    }
                    CriterionKind::Graded { graded } => {
                        boxes = vec![s.box_na.to_string()];
                        sub_items = graded
                            .sub_items
                            .iter()
                            .map(|sub| SubItemLine {
                                id: sub.id.clone(),
                                level: sub.level.letter().to_string(),
                                text: sub.text.get(lang).to_string(),
                            })
                            .collect();
                    }
                }
                items.push(ChecklistItem {
                    criterion_id: criterion.id.clone(),
                    title: criterion.title.get(lang).to_string(),
                    importance_label: explain::importance_label(criterion.importance, lang)
                        .to_string(),
                    text: criterion.explanation.get(lang).to_string(),
                    boxes,
                    sub_items,
                    figures,
                    computed_note,
                    note_lines: CHECKLIST_NOTE_LINES,
                });
            }
            if !items.is_empty() {
                sections.push(ChecklistSection {
                    section_id: section.id.clone(),
                    title: section.title.get(lang).to_string(),
                    items,
                });
            }
        }
        let other_figures = catalogue
            .inputs
            .iter()
            .filter(|d| !shown.contains(&d.id.as_str()))
            .map(|d| figure(catalogue, &d.id, lang))
            .collect();

        let p = &assessment.profile;
        let header = vec![
            LabelValue::new(s.centre_name, ctx.or_not_entered(&p.centre_name)),
            LabelValue::new(
                s.centre_type,
                p.centre_type
                    .map(|t| t.label(lang).to_string())
                    .unwrap_or_else(|| s.not_entered.to_string()),
            ),
            LabelValue::new(
                s.catalogue,
                fill(
                    s.catalogue_value,
                    &[
                        ("title", catalogue.title.get(lang)),
                        ("version", &catalogue.version.to_string()),
                    ],
                ),
            ),
            LabelValue::new(
                s.year,
                p.year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| s.not_entered.to_string()),
            ),
            LabelValue::new(s.check_date, ""),
            LabelValue::new(s.checked_by, ""),
        ];
        ChecklistModel {
            lang,
            heading: s.checklist_heading.to_string(),
            subtitle: ctx.subtitle(),
            intro: s.checklist_intro.to_string(),
            assumed_note: assumed.then(|| s.checklist_assumed.to_string()),
            sample_note: catalogue.sample.then(|| s.sample_note.to_string()),
            header,
            sections,
            other_figures,
        }
    }

    /// Every checklist item in order.
    pub fn items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }
}

/// Adds a blank for each of `ids` not shown yet.
fn add_figures<'c>(
    catalogue: &Catalogue,
    ids: &[&'c str],
    shown: &mut Vec<&'c str>,
    figures: &mut Vec<FigureBlank>,
    lang: Lang,
) {
    for id in ids {
        if !shown.contains(id) {
            shown.push(id);
            figures.push(figure(catalogue, id, lang));
        }
    }
}

fn rule_inputs(rule: &Rule) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for id in rule.input_ids() {
        if !ids.contains(&id.as_str()) {
            ids.push(id.as_str());
        }
    }
    ids
}

fn dedup(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for l in list {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}
