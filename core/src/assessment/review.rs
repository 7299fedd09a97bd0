//! The county review of one assessment, as data: the reviewer's verdict and comment per
//! criterion, the conclusion, the reviewer and the date, and the rules for signing off.
//!
//! # The review in the assessment file
//!
//! The exchange format reserves `content.review` (see [`crate::exchange`]). A review is written
//! there as
//!
//! ```json
//! "review": {
//!   "version": 1,
//!   "reviewer": "张科长",
//!   "reviewed_on": "2026-12-01",
//!   "conclusion": "recheck_after_rectification",
//!   "comment": "人员配备两项需补充证明材料。",
//!   "items": {
//!     "thc.staff.health-tech-share": { "verdict": "disagree", "comment": "花名册中 3 人为工勤人员" }
//!   }
//! }
//! ```
//!
//! `conclusion` is `pass` (通过), `recheck_after_rectification` (整改后复核) or `fail` (不通过);
//! an item's `verdict` is `agree` (同意), `disagree` (不同意) or `needs_evidence` (需补充材料).
//! The review never touches the director's answers: the reviewed file carries the assessment
//! exactly as the centre exported it, with a fresh digest over content plus review.
//!

use crate::base::dates::CalendarText;
use crate::catalogue::{Catalogue, Lang};
use crate::i18n::review::ReviewStrings;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

fn strings(lang: Lang) -> &'static ReviewStrings {
    lang.strings().review
}

/// The review format this build reads and writes (`content.review.version`).
pub const REVIEW_VERSION: u32 = 1;
/// Longest reviewer name, in characters.
pub const MAX_REVIEWER_CHARS: usize = 100;
/// Longest comment (per item or overall), in characters.
pub const MAX_COMMENT_CHARS: usize = 4000;

// ---------------------------------------------------------------------------------------------
// The review
// ---------------------------------------------------------------------------------------------

/// The reviewer's verdict on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemVerdict {
    /// 同意: the director's answer stands.
    Agree,
    /// 不同意: the reviewer finds otherwise (the comment says why).
    Disagree,
    /// 需补充材料: the evidence does not yet show it.
    NeedsEvidence,
}

impl ItemVerdict {
    pub const ALL: [ItemVerdict; 3] = [
        ItemVerdict::Agree,
        ItemVerdict::Disagree,
        ItemVerdict::NeedsEvidence,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            ItemVerdict::Agree => s.verdict_agree,
            ItemVerdict::Disagree => s.verdict_disagree,
            ItemVerdict::NeedsEvidence => s.verdict_needs_evidence,
        }
    }

    /// The value written in the file (also used as a DOM-safe key).
    pub fn key(self) -> &'static str {
        match self {
            ItemVerdict::Agree => "agree",
            ItemVerdict::Disagree => "disagree",
            ItemVerdict::NeedsEvidence => "needs_evidence",
        }
    }

    /// A verdict that asks something of the centre needs a comment saying what.
    pub fn needs_comment(self) -> bool {
        !matches!(self, ItemVerdict::Agree)
    }
}

/// The reviewer's overall conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conclusion {
    /// 通过.
    Pass,
    /// 整改后复核.
    RecheckAfterRectification,
    /// 不通过.
    Fail,
}

impl Conclusion {
    pub const ALL: [Conclusion; 3] = [
        Conclusion::Pass,
        Conclusion::RecheckAfterRectification,
        Conclusion::Fail,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            Conclusion::Pass => s.conclusion_pass,
            Conclusion::RecheckAfterRectification => s.conclusion_recheck,
            Conclusion::Fail => s.conclusion_fail,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Conclusion::Pass => "pass",
            Conclusion::RecheckAfterRectification => "recheck_after_rectification",
            Conclusion::Fail => "fail",
        }
    }
}

/// The reviewer's view of one criterion. An item with neither verdict nor comment is dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ItemReview {
    #[serde(default)]
    pub verdict: Option<ItemVerdict>,
    #[serde(default)]
    pub comment: String,
}

impl ItemReview {
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.comment.trim().is_empty()
    }
}

/// A county reviewer's review of one centre's assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// [`REVIEW_VERSION`].
    pub version: u32,
    pub reviewer: String,
    #[serde(deserialize_with = "crate::base::dates::serde_text::date")]
    pub reviewed_on: NaiveDate,
    /// `None` while the review is in progress.
    #[serde(default)]
    pub conclusion: Option<Conclusion>,
    /// Overall remarks.
    #[serde(default)]
    pub comment: String,
    /// By criterion id.
    #[serde(default)]
    pub items: BTreeMap<String, ItemReview>,
}

/// Why a review object cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// Written by a newer version of the tool.
    NewerVersion { found: u64 },
    /// Not the shape of a review (missing or unknown field, wrong type, bad date…).
    Shape { detail: String },
    /// A name or comment longer than this tool accepts.
    TooLong { field: String },
}

impl ReviewError {
    /// What is wrong, in the terms of the file (for a message that names the place).
    pub fn detail(&self) -> String {
        match self {
            ReviewError::NewerVersion { found } => format!("version {found}"),
            ReviewError::Shape { detail } => detail.clone(),
            ReviewError::TooLong { field } => format!("{field}: too long"),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let s = strings(lang);
        match self {
            ReviewError::NewerVersion { found } => s
                .error_newer_version
                .replace("{version}", &found.to_string()),
            ReviewError::Shape { detail } => s.error_shape.replace("{detail}", detail),
            ReviewError::TooLong { field } => s.error_too_long.replace("{field}", field),
        }
    }
}

/// What is still missing before a review can be signed off and exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOffProblem {
    NoReviewer,
    NoConclusion,
    /// 不同意 / 需补充材料 without a comment saying why.
    CommentMissing {
        criterion_id: String,
    },
}

impl SignOffProblem {
    pub fn message(&self, catalogue: &Catalogue, lang: Lang) -> String {
        let s = strings(lang);
        match self {
            SignOffProblem::NoReviewer => s.problem_no_reviewer.to_string(),
            SignOffProblem::NoConclusion => s.problem_no_conclusion.to_string(),
            SignOffProblem::CommentMissing { criterion_id } => {
                let title = catalogue
                    .find_criterion(criterion_id)
                    .map(|c| c.criterion.title.get(lang).to_string())
                    .unwrap_or_else(|| criterion_id.clone());
                s.problem_comment.replace("{criterion}", &title)
            }
        }
    }
}

/// Counts of item verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub agree: u32,
    pub disagree: u32,
    pub needs_evidence: u32,
}

impl Review {
    /// An empty review dated `reviewed_on`.
    pub fn new(reviewed_on: NaiveDate) -> Review {
        Review {
            version: REVIEW_VERSION,
            reviewer: String::new(),
            reviewed_on,
            conclusion: None,
            comment: String::new(),
            items: BTreeMap::new(),
        }
    }

    /// Reads `content.review` from a file. Unknown fields, a newer version, or overlong texts
    /// are refused; item ids are kept as they are (see [`Review::unknown_items`]).
    pub fn from_value(value: &Value) -> Result<Review, ReviewError> {
        let Some(map) = value.as_object() else {
            return Err(ReviewError::Shape {
                detail: "not an object".to_string(),
            });
        };
        Review::from_map(map)
    }

    pub fn from_map(map: &Map<String, Value>) -> Result<Review, ReviewError> {
        match map.get("version").and_then(Value::as_u64) {
            Some(v) if v > u64::from(REVIEW_VERSION) => {
                return Err(ReviewError::NewerVersion { found: v })
            }
            _ => {}
        }
        // Borrowed `&Value` deserialisation throughout: one instantiation of each type's
        // deserialiser in the wasm instead of one per input shape.
        let value = Value::Object(map.clone());
        let review = Review::deserialize(&value).map_err(|e| ReviewError::Shape {
            detail: e.to_string(),
        })?;
        if review.version != REVIEW_VERSION {
            return Err(ReviewError::Shape {
                detail: format!("version {}", review.version),
            });
        }
        if review.reviewer.chars().count() > MAX_REVIEWER_CHARS {
            return Err(ReviewError::TooLong {
                field: "reviewer".to_string(),
            });
        }
        if review.comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(ReviewError::TooLong {
                field: "comment".to_string(),
            });
        }
        if let Some((id, _)) = review
            .items
            .iter()
            .find(|(_, i)| i.comment.chars().count() > MAX_COMMENT_CHARS)
        {
            return Err(ReviewError::TooLong {
                field: format!("items.{id}.comment"),
            });
        }
        let mut review = review;
        review.items.retain(|_, i| !i.is_empty());
        Ok(review)
    }

    /// The object written as `content.review`.
    ///
    /// Through the compact text form storage also writes (then parsed back), so the wasm
    /// carries one serialiser for the review types, not a second one targeting `Value`.
    pub fn to_map(&self) -> Map<String, Value> {
        let value = serde_json::to_string(self)
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok());
        match value {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }

    pub fn item(&self, criterion_id: &str) -> Option<&ItemReview> {
        self.items.get(criterion_id)
    }

    fn edit_item(&mut self, criterion_id: &str, f: impl FnOnce(&mut ItemReview)) {
        let item = self.items.entry(criterion_id.to_string()).or_default();
        f(item);
        if item.is_empty() {
            self.items.remove(criterion_id);
        }
    }

    /// Sets (or with `None` clears) the verdict on one criterion.
    pub fn set_verdict(&mut self, criterion_id: &str, verdict: Option<ItemVerdict>) {
        self.edit_item(criterion_id, |i| i.verdict = verdict);
    }

    /// Sets the comment on one criterion (cut at [`MAX_COMMENT_CHARS`]).
    pub fn set_comment(&mut self, criterion_id: &str, comment: &str) {
        let comment: String = comment.chars().take(MAX_COMMENT_CHARS).collect();
        self.edit_item(criterion_id, |i| i.comment = comment);
    }

    pub fn set_reviewer(&mut self, reviewer: &str) {
        self.reviewer = reviewer.chars().take(MAX_REVIEWER_CHARS).collect();
    }

    pub fn set_overall_comment(&mut self, comment: &str) {
        self.comment = comment.chars().take(MAX_COMMENT_CHARS).collect();
    }

    /// Nothing entered yet (the date alone does not count).
    pub fn is_blank(&self) -> bool {
        self.reviewer.trim().is_empty()
            && self.conclusion.is_none()
            && self.comment.trim().is_empty()
            && self.items.is_empty()
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for item in self.items.values() {
            match item.verdict {
                Some(ItemVerdict::Agree) => t.agree += 1,
                Some(ItemVerdict::Disagree) => t.disagree += 1,
                Some(ItemVerdict::NeedsEvidence) => t.needs_evidence += 1,
                None => {}
            }
        }
        t
    }

    /// Items whose criterion `catalogue` does not have (kept and exported, shown as such).
    pub fn unknown_items<'a>(&'a self, catalogue: &Catalogue) -> Vec<&'a str> {
        self.items
            .keys()
            .filter(|id| catalogue.find_criterion(id).is_none())
            .map(String::as_str)
            .collect()
    }

    /// What must be filled in before sign-off: the reviewer's name, a conclusion, and a comment
    /// on every 不同意 / 需补充材料 (in criterion-id order).
    pub fn sign_off_problems(&self) -> Vec<SignOffProblem> {
        let mut problems = Vec::new();
        if self.reviewer.trim().is_empty() {
            problems.push(SignOffProblem::NoReviewer);
        }
        if self.conclusion.is_none() {
            problems.push(SignOffProblem::NoConclusion);
        }
        for (id, item) in &self.items {
            if item.verdict.is_some_and(ItemVerdict::needs_comment)
                && item.comment.trim().is_empty()
            {
                problems.push(SignOffProblem::CommentMissing {
                    criterion_id: id.clone(),
                });
            }
        }
        problems
    }

    pub fn status(&self) -> ReviewStatus {
        match self.conclusion {
            Some(c) => ReviewStatus::Concluded(c),
            None if self.is_blank() => ReviewStatus::NotStarted,
            None => ReviewStatus::InProgress,
        }
    }

    /// "县级复核：通过（张科长，2026-12-01）".
    pub fn signed_line(&self, lang: Lang) -> String {
        let s = strings(lang);
        let conclusion = self
            .conclusion
            .map(|c| c.label(lang))
            .unwrap_or(s.status_in_progress);
        s.signed_line
            .replace("{conclusion}", conclusion)
            .replace("{reviewer}", self.reviewer.trim())
            .replace("{date}", &self.reviewed_on.ymd())
    }
}

/// Where a centre's review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    NotStarted,
    InProgress,
    Concluded(Conclusion),
}

impl ReviewStatus {
    /// Every status, in sort order.
    pub const ALL: [ReviewStatus; 5] = [
        ReviewStatus::NotStarted,
        ReviewStatus::InProgress,
        ReviewStatus::Concluded(Conclusion::Pass),
        ReviewStatus::Concluded(Conclusion::RecheckAfterRectification),
        ReviewStatus::Concluded(Conclusion::Fail),
    ];

    /// Of a centre that may have no review at all.
    pub fn of(review: Option<&Review>) -> ReviewStatus {
        review
            .map(Review::status)
            .unwrap_or(ReviewStatus::NotStarted)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            ReviewStatus::NotStarted => s.status_not_started,
            ReviewStatus::InProgress => s.status_in_progress,
            ReviewStatus::Concluded(c) => c.label(lang),
        }
    }

    /// A stable key for a `<select>` value and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            ReviewStatus::NotStarted => "not_started",
            ReviewStatus::InProgress => "in_progress",
            ReviewStatus::Concluded(c) => c.key(),
        }
    }

    pub fn from_key(key: &str) -> Option<ReviewStatus> {
        ReviewStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    pub(crate) fn rank(self) -> u8 {
        match self {
            ReviewStatus::NotStarted => 0,
            ReviewStatus::InProgress => 1,
            ReviewStatus::Concluded(Conclusion::Pass) => 2,
            ReviewStatus::Concluded(Conclusion::RecheckAfterRectification) => 3,
            ReviewStatus::Concluded(Conclusion::Fail) => 4,
        }
    }
}
