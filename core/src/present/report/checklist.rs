//! The blank on-site checklist: `ChecklistModel`, its items and the blank figure fields.

use super::page::{strings, Ctx, LabelValue};
use crate::assessment::Assessment;
use crate::catalogue::{Catalogue, CriterionKind, Grade, InputKind, Lang, Rule};
use crate::evaluation::{Evaluation, Explanation, NotApplicableReason};
use crate::i18n::fill;
use crate::present::explain;

/// Blank note lines under each item of the blank checklist.
pub const CHECKLIST_NOTE_LINES: usize = 2;

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
                    CriterionKind::Choice { options } => {
                        boxes = options
                            .iter()
                            .map(|o| o.label.get(lang).to_string())
                            .chain(std::iter::once(s.box_na.to_string()))
                            .collect();
                    }
                    CriterionKind::NumericInputs { inputs, .. } => {
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
