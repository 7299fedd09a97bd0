//! The assessment itself: profile, answers, evidence and actions by criterion, the JSON it is
//! stored as, the edits the UI makes, and how it fits a catalogue.

use super::inputs::{parse_input, InputError};
use super::issues::AssessmentIssue;
use crate::catalogue::{Catalogue, CentreType, CriterionKind, Lang};
use crate::i18n::fill;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The longest refused input text kept (a number field never needs more; a paste of a whole
/// document is cut, not stored).
pub const MAX_REJECTED_INPUT_CHARS: usize = 200;

/// The assessment file format this build reads and writes.
pub const ASSESSMENT_FORMAT_VERSION: u32 = 1;

/// Who and what is being assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Profile {
    pub centre_name: String,
    pub county: String,
    pub centre_type: Option<CentreType>,
    pub year: Option<i32>,
    pub filled_by: String,
    /// Ids of the catalogue's profile flags that are set (e.g. "obstetric_service").
    pub flags: BTreeSet<String>,
}

/// Checklist / department answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Met (for a department: present).
    Met,
    Partly,
    /// Not met (for a department: absent).
    NotMet,
    NotApplicable,
}

impl Status {
    /// The value in files ("met", "partly", "not_met", "not_applicable"); also a DOM-safe key.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partly => "partly",
            Status::NotMet => "not_met",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// An answer to one criterion. Rules and numeric-input criteria take no answer (they read the
/// inputs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Status(Status),
    /// Graded clause without sub-items: the director's grade.
    Grade(crate::catalogue::Grade),
    /// Graded clause with sub-items: which are met (a missing key counts as not met).
    SubItems(BTreeMap<String, bool>),
    /// The id of the option chosen for a choice criterion.
    Choice(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
}

/// An improvement action for a gap (the action plan is the list of these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Action {
    pub measure: String,
    pub owner: String,
    #[serde(deserialize_with = "crate::base::dates::serde_text::date_opt")]
    pub deadline: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// Everything recorded against one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ItemRecord {
    pub answer: Option<Answer>,
    /// The user marked this criterion not applicable; `evidence` holds the reason. Overrides
    /// computation for this criterion only.
    pub not_applicable: bool,
    /// Evidence note (or, when `not_applicable`, the reason).
    pub evidence: String,
    pub action: Option<Action>,
}

impl ItemRecord {
    pub fn is_empty(&self) -> bool {
        self == &ItemRecord::default()
    }
}

/// One centre's self-assessment against one catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub format_version: u32,
    pub id: String,
    pub catalogue_id: String,
    pub catalogue_version: u32,
    pub profile: Profile,
    /// Input values by input id, in stored units (percent inputs in hundredths).
    #[serde(default)]
    pub inputs: BTreeMap<String, u64>,
    /// Text the director typed for an input that is not a valid value ("120" for a rate,
    /// "48.5" people), kept exactly as typed so nothing is lost on reload. An input is in
    /// `inputs` or here, never both; criteria reading it need correction and are never judged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rejected_inputs: BTreeMap<String, String>,
    /// Records by criterion id. Empty records are dropped.
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
    #[serde(deserialize_with = "crate::base::dates::serde_text::time")]
    pub created_at: DateTime<FixedOffset>,
    #[serde(deserialize_with = "crate::base::dates::serde_text::time")]
    pub updated_at: DateTime<FixedOffset>,
    /// The county's review, when this assessment came back from the county in a reviewed file
    /// (issue 8). Shown beside the answers; it never changes them. Absent in older data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<crate::assessment::review::Review>,
}

impl Assessment {
    /// A new, empty assessment of `catalogue`.
    pub fn new(
        id: impl Into<String>,
        catalogue: &Catalogue,
        profile: Profile,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Assessment {
            format_version: ASSESSMENT_FORMAT_VERSION,
            id: id.into(),
            catalogue_id: catalogue.id.clone(),
            catalogue_version: catalogue.version,
            profile,
            inputs: BTreeMap::new(),
            rejected_inputs: BTreeMap::new(),
            items: BTreeMap::new(),
            created_at: now,
            updated_at: now,
            review: None,
        }
    }

    pub fn from_json(text: &str) -> Result<Assessment, AssessmentFileError> {
        let a: Assessment =
            serde_json::from_str(text).map_err(|e| AssessmentFileError::Syntax {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            })?;
        if a.format_version != ASSESSMENT_FORMAT_VERSION {
            return Err(AssessmentFileError::UnsupportedFormatVersion {
                found: a.format_version,
            });
        }
        Ok(a)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn item(&self, criterion_id: &str) -> Option<&ItemRecord> {
        self.items.get(criterion_id)
    }

    pub fn input(&self, input_id: &str) -> Option<u64> {
        self.inputs.get(input_id).copied()
    }

    /// Text typed for `input_id` that was refused as a value, if any.
    pub fn rejected_input(&self, input_id: &str) -> Option<&str> {
        self.rejected_inputs.get(input_id).map(String::as_str)
    }

    /// Sets (or with `None` clears) an input value; any refused text for it is dropped.
    pub fn set_input(&mut self, input_id: &str, value: Option<u64>, now: DateTime<FixedOffset>) {
        self.rejected_inputs.remove(input_id);
        match value {
            Some(v) => {
                self.inputs.insert(input_id.to_string(), v);
            }
            None => {
                self.inputs.remove(input_id);
            }
        }
        self.updated_at = now;
    }

    /// Parses the user's text for an input of `catalogue` and records what it means: a valid
    /// value is stored; empty text clears the input; text that is not a valid value is kept
    /// as typed (capped at [`MAX_REJECTED_INPUT_CHARS`]) and the input has no value, so no
    /// verdict is computed from a prefix or a guess. Returns the value, or why the text was
    /// refused.
    pub fn set_input_text(
        &mut self,
        catalogue: &Catalogue,
        input_id: &str,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<u64>, InputError> {
        let def = catalogue
            .input(input_id)
            .ok_or_else(|| InputError::UnknownInput {
                id: input_id.to_string(),
            })?;
        if text.trim().is_empty() {
            self.set_input(input_id, None, now);
            return Ok(None);
        }
        match parse_input(def, text) {
            Ok(v) => {
                self.set_input(input_id, Some(v), now);
                Ok(Some(v))
            }
            Err(e) => {
                self.inputs.remove(input_id);
                let kept: String = text.chars().take(MAX_REJECTED_INPUT_CHARS).collect();
                self.rejected_inputs.insert(input_id.to_string(), kept);
                self.updated_at = now;
                Err(e)
            }
        }
    }

    fn edit(
        &mut self,
        criterion_id: &str,
        now: DateTime<FixedOffset>,
        f: impl FnOnce(&mut ItemRecord),
    ) {
        let record = self.items.entry(criterion_id.to_string()).or_default();
        f(record);
        if record.is_empty() {
            self.items.remove(criterion_id);
        }
        self.updated_at = now;
    }

    pub fn set_answer(
        &mut self,
        criterion_id: &str,
        answer: Option<Answer>,
        now: DateTime<FixedOffset>,
    ) {
        self.edit(criterion_id, now, |r| r.answer = answer);
    }

    pub fn set_status(&mut self, criterion_id: &str, status: Status, now: DateTime<FixedOffset>) {
        self.set_answer(criterion_id, Some(Answer::Status(status)), now);
    }

    pub fn set_grade(
        &mut self,
        criterion_id: &str,
        grade: crate::catalogue::Grade,
        now: DateTime<FixedOffset>,
    ) {
        self.set_answer(criterion_id, Some(Answer::Grade(grade)), now);
    }

    /// Ticks or unticks one sub-item of a graded clause.
    pub fn set_sub_item(
        &mut self,
        criterion_id: &str,
        sub_item_id: &str,
        met: bool,
        now: DateTime<FixedOffset>,
    ) {
        self.edit(criterion_id, now, |r| {
            let mut map = match r.answer.take() {
                Some(Answer::SubItems(m)) => m,
                _ => BTreeMap::new(),
            };
            map.insert(sub_item_id.to_string(), met);
            r.answer = Some(Answer::SubItems(map));
        });
    }

    /// Marks any criterion not applicable (or undoes it); the evidence note is the reason.
    pub fn set_not_applicable(
        &mut self,
        criterion_id: &str,
        not_applicable: bool,
        now: DateTime<FixedOffset>,
    ) {
        self.edit(criterion_id, now, |r| r.not_applicable = not_applicable);
    }

    pub fn set_evidence(&mut self, criterion_id: &str, evidence: &str, now: DateTime<FixedOffset>) {
        self.edit(criterion_id, now, |r| r.evidence = evidence.to_string());
    }

    pub fn set_action(
        &mut self,
        criterion_id: &str,
        action: Option<Action>,
        now: DateTime<FixedOffset>,
    ) {
        self.edit(criterion_id, now, |r| r.action = action);
    }

    /// The action plan: criteria with an action, in criterion-id order.
    pub fn actions(&self) -> impl Iterator<Item = (&String, &Action)> {
        self.items
            .iter()
            .filter_map(|(id, r)| r.action.as_ref().map(|a| (id, a)))
    }

    /// How this assessment fits `catalogue`: wrong catalogue, changed version, answers or
    /// inputs the catalogue does not know, answers of the wrong kind. Nothing here is fatal;
    /// evaluation ignores what it cannot use.
    pub fn check_against(&self, catalogue: &Catalogue) -> Vec<AssessmentIssue> {
        let mut issues = Vec::new();
        if self.catalogue_id != catalogue.id {
            issues.push(AssessmentIssue::WrongCatalogue {
                assessment: self.catalogue_id.clone(),
                catalogue: catalogue.id.clone(),
            });
        }
        if self.catalogue_version != catalogue.version {
            issues.push(AssessmentIssue::CatalogueVersionChanged {
                assessment: self.catalogue_version,
                catalogue: catalogue.version,
            });
        }
        for id in self.inputs.keys().chain(self.rejected_inputs.keys()) {
            if catalogue.input(id).is_none() {
                issues.push(AssessmentIssue::UnknownInput { id: id.clone() });
            }
        }
        for (id, record) in &self.items {
            let Some(found) = catalogue.find_criterion(id) else {
                issues.push(AssessmentIssue::UnknownCriterion { id: id.clone() });
                continue;
            };
            let fits = match (&found.criterion.kind, &record.answer) {
                (_, None) => true,
                (
                    CriterionKind::Checklist | CriterionKind::Department { .. },
                    Some(Answer::Status(_)),
                ) => true,
                (CriterionKind::Choice { options }, Some(Answer::Choice(id))) => {
                    options.iter().any(|o| &o.id == id)
                }
                // Answered before the criterion became a choice: still read (see evaluation).
                (CriterionKind::Choice { .. }, Some(Answer::Status(_))) => true,
                (CriterionKind::Graded { graded }, Some(Answer::Grade(_))) => {
                    graded.sub_items.is_empty()
                }
                (CriterionKind::Graded { graded }, Some(Answer::SubItems(m))) => {
                    !graded.sub_items.is_empty()
                        && m.keys()
                            .all(|k| graded.sub_items.iter().any(|s| &s.id == k))
                }
                _ => false,
            };
            if !fits {
                issues.push(AssessmentIssue::AnswerDoesNotFit { id: id.clone() });
            }
        }
        for f in &self.profile.flags {
            if catalogue.flag(f).is_none() {
                issues.push(AssessmentIssue::UnknownFlag { id: f.clone() });
            }
        }
        issues
    }
}

/// Reading an assessment file failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessmentFileError {
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    UnsupportedFormatVersion {
        found: u32,
    },
}

impl AssessmentFileError {
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings().assessment;
        match self {
            AssessmentFileError::Syntax {
                line,
                column,
                detail,
            } => fill(
                s.file_syntax,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", detail),
                ],
            ),
            AssessmentFileError::UnsupportedFormatVersion { found } => fill(
                s.file_unsupported_version,
                &[
                    ("found", &found.to_string()),
                    ("supported", &ASSESSMENT_FORMAT_VERSION.to_string()),
                ],
            ),
        }
    }
}

impl Assessment {
    /// Next year's assessment started from this one: same centre, catalogue, inputs, answers and
    /// evidence, so the director only updates what changed. Dates are cleared (action deadlines
    /// belong to last year's plan), last year's county review stays with last year, and the
    /// year moves on by one.
    pub fn next_year_copy(&self, new_id: String, now: DateTime<FixedOffset>) -> Assessment {
        let mut next = self.clone();
        next.id = new_id;
        next.profile.year = self.profile.year.map(|y| y.saturating_add(1));
        for record in next.items.values_mut() {
            if let Some(action) = record.action.as_mut() {
                action.deadline = None;
            }
        }
        next.review = None;
        next.created_at = now;
        next.updated_at = now;
        next
    }
}
