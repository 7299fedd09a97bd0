//! An assessment: one centre's answers against one catalogue, as plain serde data, plus pure
//! operations on it. No clock access: callers pass timestamps.

pub mod review;

use crate::base::exact::{format_hundredths, format_thousands};
use crate::catalogue::{Catalogue, CentreType, CriterionKind, InputDef, InputKind, Lang, Rule};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
    /// Records by criterion id. Empty records are dropped.
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
    pub created_at: DateTime<FixedOffset>,
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

    /// Sets (or with `None` clears) an input value.
    pub fn set_input(&mut self, input_id: &str, value: Option<u64>, now: DateTime<FixedOffset>) {
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

    /// Parses the user's text for an input of `catalogue` and stores it. Empty text clears the
    /// value. Errors leave the stored value unchanged.
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
        let v = parse_input(def, text)?;
        self.set_input(input_id, Some(v), now);
        Ok(Some(v))
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
        for id in self.inputs.keys() {
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
        match (self, lang) {
            (AssessmentFileError::Syntax { line, column, detail }, Lang::Zh) => {
                format!("评估文件无法读取：第 {line} 行第 {column} 列（{detail}）")
            }
            (AssessmentFileError::Syntax { line, column, detail }, Lang::En) => {
                format!("The assessment file cannot be read: line {line}, column {column} ({detail})")
            }
            (AssessmentFileError::UnsupportedFormatVersion { found }, Lang::Zh) => format!(
                "评估文件格式版本 {found} 不受支持（本工具读取版本 {ASSESSMENT_FORMAT_VERSION}）"
            ),
            (AssessmentFileError::UnsupportedFormatVersion { found }, Lang::En) => format!(
                "Assessment format version {found} is not supported (this tool reads version {ASSESSMENT_FORMAT_VERSION})"
            ),
        }
    }
}

/// A mismatch between an assessment and a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessmentIssue {
    WrongCatalogue {
        assessment: String,
        catalogue: String,
    },
    CatalogueVersionChanged {
        assessment: u32,
        catalogue: u32,
    },
    UnknownCriterion {
        id: String,
    },
    UnknownInput {
        id: String,
    },
    UnknownFlag {
        id: String,
    },
    AnswerDoesNotFit {
        id: String,
    },
}

impl AssessmentIssue {
    pub fn message(&self, lang: Lang) -> String {
        use AssessmentIssue::*;
        match (self, lang) {
            (WrongCatalogue { assessment, catalogue }, Lang::Zh) => {
                format!("此评估对应目录“{assessment}”，而不是“{catalogue}”")
            }
            (WrongCatalogue { assessment, catalogue }, Lang::En) => {
                format!("This assessment belongs to catalogue \"{assessment}\", not \"{catalogue}\"")
            }
            (CatalogueVersionChanged { assessment, catalogue }, Lang::Zh) => {
                format!("评估按目录第 {assessment} 版填写，当前目录为第 {catalogue} 版")
            }
            (CatalogueVersionChanged { assessment, catalogue }, Lang::En) => format!(
                "The assessment was filled against version {assessment}; the catalogue is now version {catalogue}"
            ),
            (UnknownCriterion { id }, Lang::Zh) => format!("目录中没有条目“{id}”，其答案被忽略"),
            (UnknownCriterion { id }, Lang::En) => {
                format!("The catalogue has no criterion \"{id}\"; its answer is ignored")
            }
            (UnknownInput { id }, Lang::Zh) => format!("目录中没有数据项“{id}”，其数值被忽略"),
            (UnknownInput { id }, Lang::En) => {
                format!("The catalogue has no input \"{id}\"; its value is ignored")
            }
            (UnknownFlag { id }, Lang::Zh) => format!("目录中没有情况标记“{id}”"),
            (UnknownFlag { id }, Lang::En) => format!("The catalogue has no flag \"{id}\""),
            (AnswerDoesNotFit { id }, Lang::Zh) => {
                format!("条目“{id}”的答案类型与目录不符，按未作答处理")
            }
            (AnswerDoesNotFit { id }, Lang::En) => format!(
                "The answer to \"{id}\" does not fit the criterion's kind and is treated as unanswered"
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Input parsing and cross-field checks.
// ---------------------------------------------------------------------------------------------

/// Why a user's text is not a valid value for an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    Negative,
    /// Counts and areas are whole numbers.
    NotInteger,
    /// Percentages take at most two decimals (stored in hundredths).
    TooManyDecimals {
        max_decimals: u8,
    },
    /// Above the input's maximum (`max` in stored units; `kind` for formatting).
    AboveMax {
        max: u64,
        kind: InputKind,
    },
    TooLarge,
    UnknownInput {
        id: String,
    },
}

impl InputError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            InputError::Empty => "请填写数值".to_string(),
            InputError::NotANumber => "不是数字".to_string(),
            InputError::Negative => "不能为负数".to_string(),
            InputError::NotInteger => "须为整数".to_string(),
            InputError::TooManyDecimals { max_decimals } => {
                format!("最多保留 {max_decimals} 位小数")
            }
            InputError::AboveMax { max, kind } => {
                format!("不能大于 {}", format_value(*max, *kind))
            }
            InputError::TooLarge => "数值过大".to_string(),
            InputError::UnknownInput { id } => format!("目录中没有数据项“{id}”"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            InputError::Empty => "Enter a number".to_string(),
            InputError::NotANumber => "Not a number".to_string(),
            InputError::Negative => "Cannot be negative".to_string(),
            InputError::NotInteger => "Must be a whole number".to_string(),
            InputError::TooManyDecimals { max_decimals } => {
                format!("At most {max_decimals} decimal places")
            }
            InputError::AboveMax { max, kind } => {
                format!("Cannot be more than {}", format_value(*max, *kind))
            }
            InputError::TooLarge => "The number is too large".to_string(),
            InputError::UnknownInput { id } => format!("The catalogue has no input \"{id}\""),
        }
    }
}

/// Formats a stored value for display: counts with thousands separators, percentages from
/// hundredths with a % sign, areas with m².
pub fn format_value(value: u64, kind: InputKind) -> String {
    match kind {
        InputKind::Count => format_thousands(value),
        InputKind::Percent => format!("{}%", format_hundredths(value)),
        InputKind::Area => format!("{} m²", format_thousands(value)),
    }
}

/// Parses a user's text for `def` into stored units.
///
/// Accepts ASCII or full-width digits, thousands separators (`32,000`, `32，000`), surrounding
/// spaces, and for percentages an optional `%` sign and up to two decimals (`97.5` → 9750).
/// Counts and areas accept a zero fractional part (`12.0`) but not `12.5`.
pub fn parse_input(def: &InputDef, text: &str) -> Result<u64, InputError> {
    let mut s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '％' => '%',
            other => other,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .collect();
    if s.is_empty() {
        return Err(InputError::Empty);
    }
    if def.kind == InputKind::Percent {
        if let Some(stripped) = s.strip_suffix('%') {
            s = stripped.to_string();
        }
    } else if def.kind == InputKind::Area {
        for suffix in ["m²", "m2", "平方米"] {
            if let Some(stripped) = s.strip_suffix(suffix) {
                s = stripped.to_string();
                break;
            }
        }
    }
    if let Some(rest) = s.strip_prefix('-') {
        return if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.') {
            Err(InputError::Negative)
        } else {
            Err(InputError::NotANumber)
        };
    }
    let s = s.strip_prefix('+').unwrap_or(&s);
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits_ok(whole) || !digits_ok(frac) {
        return Err(InputError::NotANumber);
    }
    let whole_value: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| InputError::TooLarge)?
    };
    let value = match def.kind {
        InputKind::Count | InputKind::Area => {
            if frac.chars().any(|c| c != '0') {
                return Err(InputError::NotInteger);
            }
            whole_value
        }
        InputKind::Percent => {
            let frac = frac.trim_end_matches('0');
            if frac.len() > 2 {
                return Err(InputError::TooManyDecimals { max_decimals: 2 });
            }
            let hundredths: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
            whole_value
                .checked_mul(100)
                .and_then(|v| v.checked_add(hundredths))
                .ok_or(InputError::TooLarge)?
        }
    };
    if let Some(max) = def.effective_max() {
        if value > max {
            return Err(InputError::AboveMax {
                max,
                kind: def.kind,
            });
        }
    }
    Ok(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The numbers contradict each other; verdicts based on them are unreliable.
    Error,
    /// Allowed, but worth a second look (e.g. more than 50 beds).
    Warning,
}

/// A cross-field problem among the entered inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputIssueKind {
    /// `value` exceeds the operand it may never exceed (`limit`), e.g. 卫技 > 全院职工.
    AboveOther { value: u64, limit: u64 },
    /// Above the input's maximum (possible when set programmatically or from a file).
    AboveMax { value: u64, max: u64 },
    /// Beds above the rule's warning level (more than 50 beds): warn, do not fail.
    BedsAboveWarning { value: u64, warn_above: u64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputIssue {
    pub input_id: String,
    pub severity: Severity,
    pub kind: InputIssueKind,
}

impl InputIssue {
    /// One-line message naming the inputs by their labels.
    pub fn message(&self, catalogue: &Catalogue, lang: Lang) -> String {
        let def = catalogue.input(&self.input_id);
        let label = def
            .map(|d| d.label.get(lang).to_string())
            .unwrap_or_else(|| self.input_id.clone());
        let kind = def.map(|d| d.kind).unwrap_or(InputKind::Count);
        match (&self.kind, lang) {
            (InputIssueKind::AboveOther { value, limit }, _) => {
                let other = def
                    .and_then(|d| d.not_above.as_ref())
                    .map(|op| catalogue.operand_label(op, lang))
                    .unwrap_or_default();
                match lang {
                    Lang::Zh => format!(
                        "{label}（{}）不能大于{other}（{}）",
                        format_value(*value, kind),
                        format_value(*limit, kind)
                    ),
                    Lang::En => format!(
                        "{label} ({}) cannot exceed {other} ({})",
                        format_value(*value, kind),
                        format_value(*limit, kind)
                    ),
                }
            }
            (InputIssueKind::AboveMax { value, max }, Lang::Zh) => format!(
                "{label}（{}）超过上限 {}",
                format_value(*value, kind),
                format_value(*max, kind)
            ),
            (InputIssueKind::AboveMax { value, max }, Lang::En) => format!(
                "{label} ({}) is above its maximum {}",
                format_value(*value, kind),
                format_value(*max, kind)
            ),
            (InputIssueKind::BedsAboveWarning { value, warn_above }, Lang::Zh) => format!(
                "{label}为 {}，超过一般不宜超过的 {} 床（提示，不判为未达标）",
                format_thousands(*value),
                format_thousands(*warn_above)
            ),
            (InputIssueKind::BedsAboveWarning { value, warn_above }, Lang::En) => format!(
                "{label} is {}, above the usual ceiling of {} beds (a warning, not a gap)",
                format_thousands(*value),
                format_thousands(*warn_above)
            ),
        }
    }
}

/// Sum of an operand's inputs minus its subtracted inputs (saturating), or `None` if any is
/// missing.
pub fn operand_value(
    op: &crate::catalogue::Operand,
    inputs: &BTreeMap<String, u64>,
) -> Option<u64> {
    let mut add: u64 = 0;
    for id in &op.add {
        add = add.saturating_add(*inputs.get(id)?);
    }
    let mut sub: u64 = 0;
    for id in &op.subtract {
        sub = sub.saturating_add(*inputs.get(id)?);
    }
    Some(add.saturating_sub(sub))
}

/// Cross-field checks over the entered inputs: an input above the operand it may not exceed is
/// an error; beds above a bed-class rule's warning level is a warning. Errors come first.
pub fn check_inputs(catalogue: &Catalogue, inputs: &BTreeMap<String, u64>) -> Vec<InputIssue> {
    let mut issues = Vec::new();
    for def in &catalogue.inputs {
        let Some(&value) = inputs.get(&def.id) else {
            continue;
        };
        if let Some(max) = def.effective_max() {
            if value > max {
                issues.push(InputIssue {
                    input_id: def.id.clone(),
                    severity: Severity::Error,
                    kind: InputIssueKind::AboveMax { value, max },
                });
            }
        }
        if let Some(op) = &def.not_above {
            if let Some(limit) = operand_value(op, inputs) {
                // A subtraction below zero also means the numbers contradict each other.
                let sub_exceeds = {
                    let total = |ids: &[String]| {
                        ids.iter()
                            .filter_map(|i| inputs.get(i))
                            .fold(0u64, |acc, v| acc.saturating_add(*v))
                    };
                    let (add, sub) = (total(&op.add), total(&op.subtract));
                    sub > add
                };
                if value > limit || sub_exceeds {
                    issues.push(InputIssue {
                        input_id: def.id.clone(),
                        severity: Severity::Error,
                        kind: InputIssueKind::AboveOther { value, limit },
                    });
                }
            }
        }
    }
    let mut warned: Vec<&str> = Vec::new();
    for c in catalogue.criteria() {
        if let CriterionKind::Rule {
            rule: Rule::BedClass(b),
        } = &c.criterion.kind
        {
            if let Some(&beds) = inputs.get(&b.beds) {
                if beds > b.warn_above && !warned.contains(&b.beds.as_str()) {
                    warned.push(&b.beds);
                    issues.push(InputIssue {
                        input_id: b.beds.clone(),
                        severity: Severity::Warning,
                        kind: InputIssueKind::BedsAboveWarning {
                            value: beds,
                            warn_above: b.warn_above,
                        },
                    });
                }
            }
        }
    }
    crate::base::sorting::stable_sort_by_key(&mut issues, |i| i.severity);
    issues
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
