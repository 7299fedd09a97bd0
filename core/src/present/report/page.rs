//! What the report and the checklist both put on paper: the report strings and their
//! templates, labelled values, and the context that looks up titles, writes the header rows and
//! describes what a record holds.

use crate::assessment::{ActionStatus, Answer, Assessment, ItemRecord, Status};
use crate::base::dates::CalendarText;
use crate::base::exact::format_thousands;
use crate::catalogue::{BedClass, Catalogue, Lang};
use crate::evaluation::CriterionResult;
use crate::i18n::fill;
use crate::i18n::report::ReportStrings;

/// Input ids whose sum is the service population (see the module notes).
pub const POPULATION_INPUTS: [&str; 2] = ["resident_population", "temporary_population"];

/// The report strings of a language.
pub fn strings(lang: Lang) -> &'static ReportStrings {
    lang.strings().report
}

/// A labelled value (a header row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelValue {
    pub label: String,
    pub value: String,
}

impl LabelValue {
    pub(super) fn new(label: &str, value: impl Into<String>) -> Self {
        LabelValue {
            label: label.to_string(),
            value: value.into(),
        }
    }
}

pub(super) struct Ctx<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) assessment: &'a Assessment,
    pub(super) lang: Lang,
    pub(super) s: &'static ReportStrings,
}

impl Ctx<'_> {
    pub(super) fn or_not_entered(&self, v: &str) -> String {
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

    pub(super) fn section_title(&self, id: &str) -> String {
        self.catalogue
            .section(id)
            .map(|s| s.title.get(self.lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    pub(super) fn result_title(&self, r: &CriterionResult) -> String {
        match self.catalogue.criterion_at(r.order) {
            Some(c) if c.criterion.id == r.criterion_id => {
                c.criterion.title.get(self.lang).to_string()
            }
            _ => self.criterion_title(&r.criterion_id),
        }
    }

    pub(super) fn subtitle(&self) -> String {
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

    pub(super) fn header(&self) -> Vec<LabelValue> {
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
            Answer::Choice(id) => id.clone(),
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

    pub(super) fn list_sep(&self) -> &'static str {
        self.lang.strings().list_sep
    }

    fn clause_sep(&self) -> &'static str {
        self.lang.strings().clause_sep
    }

    /// Everything a record holds, as one line.
    pub(super) fn describe_record(&self, record: &ItemRecord) -> String {
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
            let t = self.lang.strings();
            let (colon, comma, open, close) = (t.colon, t.comma, t.paren_open, t.paren_close);
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

pub(super) fn action_status_label(s: &ReportStrings, status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => s.action_planned,
        ActionStatus::InProgress => s.action_in_progress,
        ActionStatus::Done => s.action_done,
    }
}
