//! County review (issue 8): the reviewer's verdicts on one centre's assessment, the county
//! roll-up across many centres, the per-criterion view across centres, the comparison of two
//! assessments of one centre, and what the reviewer's workspace keeps in the browser.
//!
//! Pure: no browser types, no clock, no storage. `ui/review.rs` renders what is computed here
//! and `storage.rs` writes the strings planned here.
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
//! # The reviewer's workspace in localStorage
//!
//! | key                       | holds                                                         |
//! |---------------------------|---------------------------------------------------------------|
//! | `thc-assess.r.<id>`       | one loaded file: its name, its text and its review ([`StoredEntry`]) |
//! | `thc-assess.rb.<id>`      | the previous good revision of that entry (written first)     |
//!
//! `<id>` is the workspace's own id for the file (not the assessment's: the same assessment can
//! be loaded twice, once as the self-assessment and once as the reviewed version). Unreadable
//! text is moved to `thc-assess.quarantine.r-<id>.<n>`, never deleted.

use crate::assessment::{Assessment, Status};
use crate::catalogue::{BedClass, Catalogue, CentreType, Grade, Importance, Lang, Text};
use crate::dates::CalendarText;
use crate::evaluation::explain::explain;
use crate::evaluation::{evaluate, CriterionResult, Evaluation, Explanation, Summary, Verdict};
use crate::exact::{ratio_cmp, Fraction};
use crate::exchange::{self, workbook, Cell, ImportError, Imported, Integrity, Sheet};
use crate::i18n::review::ReviewStrings;
use crate::persist::is_valid_id;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

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

/// "县级复核：不同意 — 花名册中 3 人为工勤人员": what the director sees beside an answer.
pub fn item_line(item: &ItemReview, lang: Lang) -> String {
    let s = strings(lang);
    let verdict = item
        .verdict
        .map(|v| v.label(lang))
        .unwrap_or(s.verdict_none);
    let comment = item.comment.trim();
    if comment.is_empty() {
        format!("{}{verdict}", s.county_review_prefix)
    } else {
        format!("{}{verdict} — {comment}", s.county_review_prefix)
    }
}

/// "不同意：花名册中 3 人为工勤人员" — an item's verdict and comment, without the prefix.
pub fn item_text(item: &ItemReview, lang: Lang) -> String {
    let s = strings(lang);
    let verdict = item
        .verdict
        .map(|v| v.label(lang))
        .unwrap_or(s.verdict_none);
    let comment = item.comment.trim();
    if comment.is_empty() {
        verdict.to_string()
    } else {
        format!("{verdict}{}{comment}", s.label_separator)
    }
}

/// The review as the printed gap report shows it: the conclusion's label (empty while in
/// progress), and the remarks in catalogue order, then those on criteria the catalogue does not
/// know (by id).
pub fn report_summary(
    review: &Review,
    catalogue: &Catalogue,
    lang: Lang,
) -> crate::report::ReviewSummary {
    let mut remarks: Vec<crate::report::LabelValue> = catalogue
        .criteria()
        .filter_map(|c| {
            review
                .item(&c.criterion.id)
                .map(|item| crate::report::LabelValue {
                    label: c.criterion.title.get(lang).to_string(),
                    value: item_text(item, lang),
                })
        })
        .collect();
    for id in review.unknown_items(catalogue) {
        if let Some(item) = review.item(id) {
            remarks.push(crate::report::LabelValue {
                label: id.to_string(),
                value: item_text(item, lang),
            });
        }
    }
    crate::report::ReviewSummary {
        reviewer: review.reviewer.trim().to_string(),
        reviewed_on: review.reviewed_on.ymd(),
        conclusion: review
            .conclusion
            .map(|c| c.label(lang).to_string())
            .unwrap_or_default(),
        comment: review.comment.trim().to_string(),
        remarks,
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

    fn rank(self) -> u8 {
        match self {
            ReviewStatus::NotStarted => 0,
            ReviewStatus::InProgress => 1,
            ReviewStatus::Concluded(Conclusion::Pass) => 2,
            ReviewStatus::Concluded(Conclusion::RecheckAfterRectification) => 3,
            ReviewStatus::Concluded(Conclusion::Fail) => 4,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A file in the workspace
// ---------------------------------------------------------------------------------------------

/// Why a file was not taken into the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum FileRefusal {
    /// Refused by the import rules ([`exchange::read_file`]).
    Import(ImportError),
    /// Changed after export, or without a digest: a reviewer may not sign it.
    NotVerified(Integrity),
    /// The same export is already in the workspace.
    Duplicate { centre_name: String },
    /// The browser could not read the file (moved or deleted since it was chosen).
    Unreadable,
}

impl FileRefusal {
    pub fn message(&self, lang: Lang) -> String {
        let s = strings(lang);
        match self {
            FileRefusal::Import(e) => e.message(lang),
            FileRefusal::NotVerified(Integrity::Missing) => s.refused_no_digest.to_string(),
            FileRefusal::NotVerified(_) => s.refused_tampered.to_string(),
            FileRefusal::Duplicate { centre_name } => {
                s.refused_duplicate.replace("{centre}", centre_name)
            }
            FileRefusal::Unreadable => lang.strings().exchange.read_failed.to_string(),
        }
    }

    /// "青山镇卫生院.json：文件是空的……" — the file named, then the reason.
    pub fn line(&self, file_name: &str, lang: Lang) -> String {
        strings(lang)
            .file_reason
            .replace("{file}", file_name)
            .replace("{reason}", &self.message(lang))
    }
}

/// One centre's file, loaded and checked, with its evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct CentreFile {
    /// The workspace's id for this file (its storage key), not the assessment's id.
    pub id: String,
    pub file_name: String,
    pub imported: Imported,
    /// The review the file arrived with, if any.
    pub file_review: Option<Review>,
    pub evaluation: Evaluation,
    pub added_at: DateTime<FixedOffset>,
}

impl CentreFile {
    /// Reads a file with the import rules (which include the review's own rules), and refuses
    /// what a reviewer must not work on: a file changed after export.
    pub fn open(
        id: &str,
        file_name: &str,
        bytes: &[u8],
        added_at: DateTime<FixedOffset>,
    ) -> Result<CentreFile, FileRefusal> {
        let imported = exchange::read_file::<&str>(bytes, &[]).map_err(FileRefusal::Import)?;
        if !imported.integrity.is_verified() {
            return Err(FileRefusal::NotVerified(imported.integrity));
        }
        let file_review = imported.assessment.review.clone();
        let evaluation = evaluate(imported.catalogue.get(), &imported.assessment);
        Ok(CentreFile {
            id: id.to_string(),
            file_name: file_name.to_string(),
            imported,
            file_review,
            evaluation,
            added_at,
        })
    }

    pub fn catalogue(&self) -> &Catalogue {
        self.imported.catalogue.get()
    }

    pub fn assessment(&self) -> &Assessment {
        &self.imported.assessment
    }

    /// The centre's name, or `None` when the file has none.
    pub fn centre_name(&self) -> Option<&str> {
        let name = self.imported.assessment.profile.centre_name.trim();
        (!name.is_empty()).then_some(name)
    }

    /// Two loads of the same export (same assessment, same export time, same review).
    pub fn same_export(&self, other: &CentreFile) -> bool {
        self.imported.assessment.id == other.imported.assessment.id
            && self.imported.exported_at == other.imported.exported_at
            && self.file_review == other.file_review
    }

    /// The review to start from: the file's own, or a blank one dated `today`.
    pub fn starting_review(&self, today: NaiveDate) -> Review {
        self.file_review
            .clone()
            .unwrap_or_else(|| Review::new(today))
    }

    /// The reviewed file: the assessment exactly as the centre exported it, with `review` as
    /// `content.review` and a fresh digest. Refused until the review can be signed off.
    pub fn export_reviewed(
        &self,
        review: &Review,
        exported_at: DateTime<FixedOffset>,
    ) -> Result<String, Vec<SignOffProblem>> {
        let problems = review.sign_off_problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(exchange::export_json(
            &self.imported.assessment,
            self.catalogue(),
            Some(&review.to_map()),
            exported_at,
        ))
    }
}

/// `青山镇卫生院-2026自评-复核-20261201.json`.
pub fn reviewed_file_name(assessment: &Assessment, exported_at: DateTime<FixedOffset>) -> String {
    let name = exchange::file_name(&assessment.profile, exported_at, "json");
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    match stem.rsplit_once('-') {
        Some((head, date)) => format!("{head}-复核-{date}.json"),
        None => format!("{stem}-复核.json"),
    }
}

/// `县级复核汇总-20261201.xlsx`.
pub fn rollup_file_name(exported_at: DateTime<FixedOffset>) -> String {
    format!("县级复核汇总-{}.xlsx", exported_at.ymd_compact())
}

// ---------------------------------------------------------------------------------------------
// The county roll-up
// ---------------------------------------------------------------------------------------------

/// A catalogue used by some of the loaded files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueUse {
    pub id: String,
    pub title: Text,
    pub files: usize,
}

/// The catalogues of `files`, most used first (then by id).
pub fn catalogues_in<'a>(files: impl IntoIterator<Item = &'a CentreFile>) -> Vec<CatalogueUse> {
    let mut uses: Vec<CatalogueUse> = Vec::new();
    for f in files {
        let c = f.catalogue();
        match uses.iter_mut().find(|u| u.id == c.id) {
            Some(u) => u.files += 1,
            None => uses.push(CatalogueUse {
                id: c.id.clone(),
                title: c.title.clone(),
                files: 1,
            }),
        }
    }
    crate::sorting::stable_sort_by(&mut uses, |a, b| {
        b.files.cmp(&a.files).then_with(|| a.id.cmp(&b.id))
    });
    uses
}

/// A section or tier column of the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub id: String,
    pub title: Text,
}

/// One centre's line of the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupRow {
    /// The workspace id of the file.
    pub file_id: String,
    pub file_name: String,
    pub centre_name: String,
    pub county: String,
    pub year: Option<i32>,
    pub centre_type: Option<CentreType>,
    pub beds: Option<u64>,
    pub bed_class: Option<BedClass>,
    /// Answered of applicable.
    pub progress: Fraction,
    /// Compliance per section column (`den == 0`: nothing to measure).
    pub sections: Vec<Option<Fraction>>,
    pub overall: Fraction,
    /// Graded catalogues: index into [`Rollup::tiers`] of the highest tier reached
    /// (`Some(None)`: none reached); `None` for catalogues without tiers.
    pub tier: Option<Option<usize>>,
    /// Gaps and partly met items (the gap list).
    pub gaps: usize,
    pub status: ReviewStatus,
}

impl RollupRow {
    pub fn of(file: &CentreFile, review: Option<&Review>, columns: &[Column]) -> RollupRow {
        let a = file.assessment();
        let e = &file.evaluation;
        let catalogue = file.catalogue();
        let beds = catalogue
            .beds_input
            .as_ref()
            .and_then(|id| a.inputs.get(id).copied());
        let sections = columns
            .iter()
            .map(|col| {
                e.sections
                    .iter()
                    .find(|s| s.section_id == col.id)
                    .map(|s| s.summary.compliance())
            })
            .collect();
        let tier = e.tiers.as_ref().map(|t| {
            t.highest_reached
                .as_ref()
                .and_then(|id| catalogue.tiers.iter().position(|d| &d.id == id))
        });
        RollupRow {
            file_id: file.id.clone(),
            file_name: file.file_name.clone(),
            centre_name: a.profile.centre_name.trim().to_string(),
            county: a.profile.county.trim().to_string(),
            year: a.profile.year,
            centre_type: a.profile.centre_type,
            beds,
            bed_class: beds.map(BedClass::of),
            progress: e.overall.progress(),
            sections,
            overall: e.overall.compliance(),
            tier,
            gaps: e.gaps.len(),
            status: ReviewStatus::of(review),
        }
    }

    /// Does the row pass `filter`? Every word of the text must occur in the centre's name,
    /// county or file name (ASCII letters case-insensitive; names are Chinese, file names may
    /// be in pinyin).
    pub fn matches(&self, filter: &RollupFilter) -> bool {
        if let Some(status) = filter.status {
            if self.status != status {
                return false;
            }
        }
        let haystack =
            format!("{} {} {}", self.centre_name, self.county, self.file_name).to_ascii_lowercase();
        filter
            .text
            .split_whitespace()
            .all(|w| haystack.contains(&w.to_ascii_lowercase()))
    }
}

/// The roll-up of the files that use one catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollup {
    pub catalogue_id: String,
    pub sections: Vec<Column>,
    /// The catalogue's tiers (lowest first); empty for catalogues without tiers.
    pub tiers: Vec<Column>,
    pub rows: Vec<RollupRow>,
}

/// The roll-up of the `files` that use catalogue `catalogue_id`, each with its current review,
/// in the order given. Section and tier columns come from the first such file's catalogue.
pub fn rollup<'a>(
    files: impl IntoIterator<Item = (&'a CentreFile, Option<&'a Review>)>,
    catalogue_id: &str,
) -> Rollup {
    let mut sections = Vec::new();
    let mut tiers = Vec::new();
    let mut rows = Vec::new();
    let mut first = true;
    for (file, review) in files {
        let c = file.catalogue();
        if c.id != catalogue_id {
            continue;
        }
        if first {
            sections = c
                .sections
                .iter()
                .map(|s| Column {
                    id: s.id.clone(),
                    title: s.title.clone(),
                })
                .collect();
            tiers = c
                .tiers
                .iter()
                .map(|t| Column {
                    id: t.id.clone(),
                    title: t.name.clone(),
                })
                .collect();
            first = false;
        }
        rows.push(RollupRow::of(file, review, &sections));
    }
    Rollup {
        catalogue_id: catalogue_id.to_string(),
        sections,
        tiers,
        rows,
    }
}

/// What the roll-up table is filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RollupFilter {
    pub text: String,
    /// `None`: every status.
    pub status: Option<ReviewStatus>,
}

/// A column to sort the roll-up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Centre,
    County,
    CentreType,
    BedClass,
    Progress,
    /// Compliance of the section column with this index.
    Section(usize),
    Overall,
    Tier,
    Gaps,
    Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortDirection {
    #[default]
    Ascending,
    Descending,
}

impl SortDirection {
    pub fn flipped(self) -> SortDirection {
        match self {
            SortDirection::Ascending => SortDirection::Descending,
            SortDirection::Descending => SortDirection::Ascending,
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            SortDirection::Ascending => "ascending",
            SortDirection::Descending => "descending",
        }
    }
}

fn cmp_fraction(a: &Fraction, b: &Fraction) -> Ordering {
    ratio_cmp(a.num, a.den, b.num, b.den)
}

/// Missing values (no name, nothing to measure…) sort after every value in either direction.
fn cmp_option<T>(
    a: Option<T>,
    b: Option<T>,
    dir: SortDirection,
    f: impl Fn(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => match dir {
            SortDirection::Ascending => f(&x, &y),
            SortDirection::Descending => f(&y, &x),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn measured(f: &Fraction) -> Option<Fraction> {
    (f.den > 0).then_some(*f)
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// How names compare. In the browser this is the Chinese collation reviewers know from Excel
/// (pinyin: 白水 before 东岭 before 青山); [`code_point_order`] is the fallback, which would put
/// 东 (U+4E1C) before 白 (U+767D).
pub type Collation<'a> = &'a dyn Fn(&str, &str) -> Ordering;

/// Unicode code point order, for where no collation is available (and for tests).
pub fn code_point_order(a: &str, b: &str) -> Ordering {
    a.cmp(b)
}

/// Sorts rows by `key` in `direction`, names by `collate`. Stable: equal rows keep their order,
/// then fall back to centre name. Exact: shares compare by cross-multiplication, never by
/// rounded percentages.
pub fn sort_rows(
    rows: &mut [RollupRow],
    key: SortKey,
    direction: SortDirection,
    collate: Collation<'_>,
) {
    let d = direction;
    crate::sorting::stable_sort_by(rows, |a, b| {
        let primary = match key {
            SortKey::Centre => cmp_option(
                non_empty(&a.centre_name),
                non_empty(&b.centre_name),
                d,
                |x, y| collate(x, y),
            ),
            SortKey::County => cmp_option(non_empty(&a.county), non_empty(&b.county), d, |x, y| {
                collate(x, y)
            }),
            SortKey::CentreType => cmp_option(a.centre_type, b.centre_type, d, Ord::cmp),
            SortKey::BedClass => cmp_option(
                a.bed_class.zip(a.beds),
                b.bed_class.zip(b.beds),
                d,
                Ord::cmp,
            ),
            SortKey::Progress => cmp_option(
                measured(&a.progress),
                measured(&b.progress),
                d,
                cmp_fraction,
            ),
            SortKey::Section(i) => cmp_option(
                a.sections
                    .get(i)
                    .copied()
                    .flatten()
                    .as_ref()
                    .and_then(measured),
                b.sections
                    .get(i)
                    .copied()
                    .flatten()
                    .as_ref()
                    .and_then(measured),
                d,
                cmp_fraction,
            ),
            SortKey::Overall => {
                cmp_option(measured(&a.overall), measured(&b.overall), d, cmp_fraction)
            }
            SortKey::Tier => cmp_option(
                a.tier.map(|t| t.map_or(0, |i| i + 1)),
                b.tier.map(|t| t.map_or(0, |i| i + 1)),
                d,
                Ord::cmp,
            ),
            SortKey::Gaps => cmp_option(Some(a.gaps), Some(b.gaps), d, Ord::cmp),
            SortKey::Status => {
                cmp_option(Some(a.status.rank()), Some(b.status.rank()), d, Ord::cmp)
            }
        };
        primary.then_with(|| collate(&a.centre_name, &b.centre_name))
    });
}

/// Compliance as shown in the table: "82.5%" truncated (never rounded up to a pass), "—" when
/// nothing is measured.
pub fn percent_text(f: &Fraction) -> String {
    crate::exact::format_share_truncated(f.num, f.den).unwrap_or_else(|| "—".to_string())
}

/// Tenths of a percent, truncated, for a spreadsheet number cell.
fn tenths(f: &Fraction) -> Option<u64> {
    (f.den > 0)
        .then(|| u64::try_from(u128::from(f.num) * 1000 / u128::from(f.den)).unwrap_or(u64::MAX))
}

/// The displayed text of one roll-up cell that is not a number: type, bed class, tier.
pub fn type_text(row: &RollupRow, lang: Lang) -> String {
    row.centre_type
        .map(|t| t.label(lang).to_string())
        .unwrap_or_else(|| strings(lang).not_entered.to_string())
}

pub fn bed_text(row: &RollupRow, lang: Lang) -> String {
    match (row.bed_class, row.beds) {
        (Some(c), Some(b)) => strings(lang)
            .beds_value
            .replace("{beds}", &crate::exact::format_thousands(b))
            .replace("{class}", c.label(lang)),
        _ => strings(lang).not_entered.to_string(),
    }
}

pub fn tier_text(rollup: &Rollup, row: &RollupRow, lang: Lang) -> String {
    match row.tier {
        None => String::new(),
        Some(None) => strings(lang).no_tier.to_string(),
        Some(Some(i)) => rollup
            .tiers
            .get(i)
            .map(|c| c.title.get(lang).to_string())
            .unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------------
// One criterion across centres
// ---------------------------------------------------------------------------------------------

/// One centre's result on one criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcrossRow {
    pub file_id: String,
    pub centre_name: String,
    pub county: String,
    pub verdict: Verdict,
    /// The figure and formula (or the answer), as [`explain`] renders it.
    pub figure: String,
    pub evidence: String,
    pub review: Option<ItemReview>,
}

/// Sort order of verdicts in the per-criterion view: gaps first.
pub fn verdict_order(v: Verdict) -> u8 {
    match v {
        Verdict::Gap => 0,
        Verdict::Partly => 1,
        Verdict::NotAnswered => 2,
        Verdict::MetWithNote => 3,
        Verdict::Met => 4,
        Verdict::Recorded => 5,
        Verdict::NotApplicable => 6,
    }
}

/// How every file that has criterion `criterion_id` fares on it, gaps first, then by centre
/// name. With `only_needing_action`, only gaps and partly met.
pub fn criterion_across<'a>(
    files: impl IntoIterator<Item = (&'a CentreFile, Option<&'a Review>)>,
    criterion_id: &str,
    only_needing_action: bool,
    lang: Lang,
    collate: Collation<'_>,
) -> Vec<AcrossRow> {
    let mut rows: Vec<AcrossRow> = files
        .into_iter()
        .filter_map(|(file, review)| {
            let result = file.evaluation.result(criterion_id)?;
            if only_needing_action && !result.verdict.needs_action() {
                return None;
            }
            let a = file.assessment();
            Some(AcrossRow {
                file_id: file.id.clone(),
                centre_name: a.profile.centre_name.trim().to_string(),
                county: a.profile.county.trim().to_string(),
                verdict: result.verdict,
                figure: explain(file.catalogue(), result, lang),
                evidence: a
                    .item(criterion_id)
                    .map(|r| r.evidence.trim().to_string())
                    .unwrap_or_default(),
                review: review.and_then(|r| r.item(criterion_id)).cloned(),
            })
        })
        .collect();
    crate::sorting::stable_sort_by(&mut rows, |a, b| {
        verdict_order(a.verdict)
            .cmp(&verdict_order(b.verdict))
            .then_with(|| collate(&a.centre_name, &b.centre_name))
    });
    rows
}

// ---------------------------------------------------------------------------------------------
// Comparing two assessments of one centre
// ---------------------------------------------------------------------------------------------

/// How one criterion changed between two assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Better than before (a gap closed, partly → met, a higher grade).
    Improved,
    /// Worse than before, but not a new gap (gap stays a gap at a lower grade, met → partly
    /// when partly was already a gap…).
    Regressed,
    /// Needs action now and did not before (was met, not answered or not applicable).
    NewGap,
    /// Changed in a way that is neither better nor worse (became not applicable, newly
    /// answered as met, answer withdrawn).
    Other,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::NewGap,
        ChangeKind::Regressed,
        ChangeKind::Improved,
        ChangeKind::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = strings(lang);
        match self {
            ChangeKind::Improved => s.change_improved,
            ChangeKind::Regressed => s.change_regressed,
            ChangeKind::NewGap => s.change_new_gap,
            ChangeKind::Other => s.change_other,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Improved => "improved",
            ChangeKind::Regressed => "regressed",
            ChangeKind::NewGap => "new-gap",
            ChangeKind::Other => "other",
        }
    }
}

/// One criterion whose verdict changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub criterion_id: String,
    pub section_id: String,
    pub importance: Importance,
    pub kind: ChangeKind,
    pub before: Verdict,
    pub after: Verdict,
    /// Index into the comparison's `before.results` / `after.results`.
    pub before_index: usize,
    pub after_index: usize,
}

/// Section figures before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDelta {
    pub section_id: String,
    pub before: Summary,
    pub after: Summary,
}

/// Two assessments of one centre, criterion by criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub before: Evaluation,
    pub after: Evaluation,
    /// Criteria whose verdict (or grade) changed, in catalogue order.
    pub changes: Vec<Change>,
    pub sections: Vec<SectionDelta>,
}

impl Comparison {
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }

    pub fn count(&self, kind: ChangeKind) -> usize {
        self.of_kind(kind).count()
    }

    pub fn before_result(&self, change: &Change) -> Option<&CriterionResult> {
        self.before.results.get(change.before_index)
    }

    pub fn after_result(&self, change: &Change) -> Option<&CriterionResult> {
        self.after.results.get(change.after_index)
    }
}

fn grade_of(r: &CriterionResult) -> Option<Grade> {
    match &r.explanation {
        Explanation::Graded(g) => Some(g.grade),
        _ => None,
    }
}

/// How good a result is, for results that can be ranked: gap < partly < met, and for graded
/// clauses D < C < B < A. `None` for not answered, not applicable and recorded inputs.
fn rank(r: &CriterionResult) -> Option<u8> {
    if let Some(g) = grade_of(r) {
        if r.verdict.is_met() || r.verdict == Verdict::Gap {
            return Some(match g {
                Grade::D => 0,
                Grade::C => 2,
                Grade::B => 3,
                Grade::A => 4,
            });
        }
    }
    match r.verdict {
        Verdict::Gap => Some(0),
        Verdict::Partly => Some(1),
        Verdict::Met | Verdict::MetWithNote => Some(2),
        Verdict::NotApplicable | Verdict::NotAnswered | Verdict::Recorded => None,
    }
}

fn classify(before: &CriterionResult, after: &CriterionResult) -> Option<ChangeKind> {
    let (rb, ra) = (rank(before), rank(after));
    if before.verdict == after.verdict && rb == ra {
        return None;
    }
    if after.verdict.needs_action() && !before.verdict.needs_action() {
        return Some(ChangeKind::NewGap);
    }
    match (rb, ra) {
        (Some(b), Some(a)) if a > b => Some(ChangeKind::Improved),
        (Some(b), Some(a)) if a < b => Some(ChangeKind::Regressed),
        // Same rank, different verdict (met ↔ met with a note): not a change worth listing.
        (Some(_), Some(_)) => None,
        _ => Some(ChangeKind::Other),
    }
}

/// Compares two assessments of one centre against `catalogue`, criterion by criterion: what
/// improved, what regressed, which gaps are new. Criteria are matched by id, so the two may
/// have been filled against different versions of the catalogue; both are evaluated against
/// `catalogue`.
pub fn compare(catalogue: &Catalogue, before: &Assessment, after: &Assessment) -> Comparison {
    let eb = evaluate(catalogue, before);
    let ea = evaluate(catalogue, after);
    let mut changes = Vec::new();
    // Both evaluations run over the same catalogue, so results line up by index.
    for (i, (b, a)) in eb.results.iter().zip(ea.results.iter()).enumerate() {
        if let Some(kind) = classify(b, a) {
            changes.push(Change {
                criterion_id: a.criterion_id.clone(),
                section_id: a.section_id.clone(),
                importance: a.importance,
                kind,
                before: b.verdict,
                after: a.verdict,
                before_index: i,
                after_index: i,
            });
        }
    }
    let sections = eb
        .sections
        .iter()
        .zip(ea.sections.iter())
        .map(|(b, a)| SectionDelta {
            section_id: a.section_id.clone(),
            before: b.summary,
            after: a.summary,
        })
        .collect();
    Comparison {
        before: eb,
        after: ea,
        changes,
        sections,
    }
}

/// Files of the same centre (same trimmed name, case-insensitive), as groups of two or more,
/// each ordered oldest first (by year, then last change, then export time). Groups are ordered
/// by centre name. Files without a centre name are left out.
pub fn same_centre_groups<'a>(files: &[&'a CentreFile]) -> Vec<(String, Vec<&'a CentreFile>)> {
    let mut groups: BTreeMap<String, (String, Vec<&'a CentreFile>)> = BTreeMap::new();
    for f in files {
        let Some(name) = f.centre_name() else {
            continue;
        };
        groups
            .entry(name.to_ascii_lowercase())
            .or_insert_with(|| (name.to_string(), Vec::new()))
            .1
            .push(f);
    }
    groups
        .into_values()
        .filter(|(_, g)| g.len() >= 2)
        .map(|(name, mut g)| {
            crate::sorting::stable_sort_by(&mut g, |a, b| {
                let key = |f: &CentreFile| {
                    (
                        f.assessment().profile.year,
                        f.assessment().updated_at,
                        f.imported.exported_at,
                    )
                };
                key(a).cmp(&key(b))
            });
            (name, g)
        })
        .collect()
}

/// The answer a director gave, as a short text (for the read-only view of answers that have no
/// figure of their own).
pub fn status_text(status: Status, lang: Lang) -> &'static str {
    let t = lang.strings();
    match status {
        Status::Met => t.status_met,
        Status::Partly => t.status_partly,
        Status::NotMet => t.status_not_met,
        Status::NotApplicable => strings(lang).not_applicable,
    }
}

// ---------------------------------------------------------------------------------------------
// The roll-up as a spreadsheet
// ---------------------------------------------------------------------------------------------

fn decimal_tenths(t: u64) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// The roll-up rows given (already filtered and sorted as on screen) as an .xlsx workbook with
/// one sheet: one row per centre, compliance columns as numbers in percent (truncated to one
/// decimal).
pub fn rollup_xlsx(
    rollup: &Rollup,
    rows: &[&RollupRow],
    lang: Lang,
    exported_at: DateTime<FixedOffset>,
) -> Vec<u8> {
    let s = strings(lang);
    let graded = !rollup.tiers.is_empty();
    let mut header = vec![
        Cell::Text(s.col_centre.to_string()),
        Cell::Text(s.col_county.to_string()),
        Cell::Text(s.col_year.to_string()),
        Cell::Text(s.col_type.to_string()),
        Cell::Text(s.col_beds.to_string()),
        Cell::Text(s.col_progress_percent.to_string()),
    ];
    let mut widths = vec![24, 14, 8, 16, 18, 12];
    for col in &rollup.sections {
        header.push(Cell::Text(format!(
            "{}{}",
            col.title.get(lang),
            s.percent_suffix
        )));
        widths.push(14);
    }
    header.push(Cell::Text(format!("{}{}", s.col_overall, s.percent_suffix)));
    widths.push(12);
    if graded {
        header.push(Cell::Text(s.col_tier.to_string()));
        widths.push(14);
    }
    header.push(Cell::Text(s.col_gaps.to_string()));
    header.push(Cell::Text(s.col_status.to_string()));
    header.push(Cell::Text(s.col_file.to_string()));
    widths.extend([10, 14, 36]);

    let share = |f: &Fraction| {
        tenths(f)
            .map(|t| Cell::Decimal(decimal_tenths(t)))
            .unwrap_or(Cell::Empty)
    };
    let mut table = vec![header];
    for row in rows {
        let mut cells = vec![
            Cell::Text(row.centre_name.clone()),
            Cell::Text(row.county.clone()),
            row.year
                .and_then(|y| u64::try_from(y).ok())
                .map(Cell::Int)
                .unwrap_or(Cell::Empty),
            Cell::Text(type_text(row, lang)),
            Cell::Text(bed_text(row, lang)),
            share(&row.progress),
        ];
        for f in &row.sections {
            cells.push(f.as_ref().map(share).unwrap_or(Cell::Empty));
        }
        cells.push(share(&row.overall));
        if graded {
            cells.push(Cell::Text(tier_text(rollup, row, lang)));
        }
        cells.push(Cell::Int(u64::try_from(row.gaps).unwrap_or(u64::MAX)));
        cells.push(Cell::Text(row.status.label(lang).to_string()));
        cells.push(Cell::Text(row.file_name.clone()));
        table.push(cells);
    }
    let sheet = Sheet {
        name: s.sheet_name,
        widths,
        rows: table,
        header: 0,
        freeze: true,
    };
    workbook(&[sheet], exported_at.naive_local())
}

// ---------------------------------------------------------------------------------------------
// The workspace in localStorage
// ---------------------------------------------------------------------------------------------

/// Prefix of workspace entries: `thc-assess.r.<id>`.
pub const ENTRY_PREFIX: &str = "thc-assess.r.";
/// Prefix of their last-good backups: `thc-assess.rb.<id>`.
pub const ENTRY_BACKUP_PREFIX: &str = "thc-assess.rb.";
/// The entry layout this build reads and writes.
pub const ENTRY_LAYOUT: u32 = 1;

/// `thc-assess.r.<id>`, or `None` for an id that cannot be part of a key.
pub fn entry_key(id: &str) -> Option<String> {
    is_valid_id(id).then(|| format!("{ENTRY_PREFIX}{id}"))
}

/// `thc-assess.rb.<id>`.
pub fn entry_backup_key(id: &str) -> Option<String> {
    is_valid_id(id).then(|| format!("{ENTRY_BACKUP_PREFIX}{id}"))
}

/// The id under which unreadable text of entry `id` is quarantined (`r-<id>`), so it never
/// collides with an assessment's quarantine. `None` when the result would be too long.
pub fn quarantine_id(id: &str) -> Option<String> {
    let q = format!("r-{id}");
    is_valid_id(&q).then_some(q)
}

/// The workspace ids among `keys` (all keys in storage), sorted.
pub fn entry_ids<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = keys
        .into_iter()
        .filter_map(|k| k.strip_prefix(ENTRY_PREFIX))
        .filter(|id| is_valid_id(id))
        .collect();
    crate::sorting::stable_sort(&mut ids);
    ids.dedup();
    ids
}

/// One file of the workspace as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredEntry {
    pub layout: u32,
    /// The workspace id (repeated inside so a value copied under another key is recognised).
    pub id: String,
    /// Increases by one with every save; another tab's newer save is never overwritten.
    pub revision: u64,
    pub saved_at: DateTime<FixedOffset>,
    pub added_at: DateTime<FixedOffset>,
    pub file_name: String,
    /// The file's JSON, compacted (its digest covers the data, not the layout, so it still
    /// verifies).
    pub text: String,
    /// The reviewer's review so far (`None` until something is entered).
    pub review: Option<Review>,
}

/// The file's JSON without a byte-order mark or layout whitespace (JSON whitespace outside
/// strings), in one pass over text that the import checks already found to be valid JSON.
pub fn compact_file_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Byte-wise: every byte of a multi-byte UTF-8 character is ≥ 0x80, so it never looks like
    // a quote, a backslash or whitespace, and whole characters are copied.
    let mut out = Vec::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in text.as_bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            continue;
        }
        out.push(b);
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Why a stored workspace entry cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    Corrupt {
        detail: String,
    },
    /// Written by a newer build: left untouched.
    FromNewerVersion {
        layout: u64,
    },
    /// The stored file no longer passes the import checks.
    FileRefused {
        file_name: String,
        reason: String,
    },
}

impl EntryProblem {
    pub fn message(&self, lang: Lang) -> String {
        let s = strings(lang);
        match self {
            EntryProblem::Corrupt { detail } => s.entry_corrupt.replace("{detail}", detail),
            EntryProblem::FromNewerVersion { layout } => {
                s.entry_newer.replace("{layout}", &layout.to_string())
            }
            EntryProblem::FileRefused { file_name, reason } => s
                .file_reason
                .replace("{file}", file_name)
                .replace("{reason}", reason),
        }
    }
}

/// Decodes one stored entry written under `id`.
pub fn decode_entry(id: &str, text: &str) -> Result<StoredEntry, EntryProblem> {
    let value: Value = serde_json::from_str(text).map_err(|e| EntryProblem::Corrupt {
        detail: e.to_string(),
    })?;
    match value.get("layout").and_then(Value::as_u64) {
        Some(l) if l > u64::from(ENTRY_LAYOUT) => {
            return Err(EntryProblem::FromNewerVersion { layout: l })
        }
        Some(l) if l == u64::from(ENTRY_LAYOUT) => {}
        _ => {
            return Err(EntryProblem::Corrupt {
                detail: "layout".to_string(),
            })
        }
    }
    let entry = StoredEntry::deserialize(&value).map_err(|e| EntryProblem::Corrupt {
        detail: e.to_string(),
    })?;
    if entry.id != id {
        return Err(EntryProblem::Corrupt {
            detail: format!("id {}", entry.id),
        });
    }
    Ok(entry)
}

pub fn encode_entry(entry: &StoredEntry) -> String {
    serde_json::to_string(entry).unwrap_or_default()
}

/// What reading one entry found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryLoad {
    Loaded(StoredEntry),
    /// The main entry was unreadable; its backup was good. `main_text` must be quarantined
    /// and the backup written back as the main entry.
    Recovered {
        entry: StoredEntry,
        problem: EntryProblem,
    },
    Unreadable {
        problem: EntryProblem,
    },
    /// Written by a newer build: leave every key of this entry untouched.
    Newer {
        problem: EntryProblem,
    },
    Missing,
}

/// How a tab's workspace follows what another tab of the same browser stored (it learns of it
/// through a `storage` event): files added there, reviews saved there, files removed there.
/// A file with edits this tab has not saved yet is left as this tab has it; its next save meets
/// the newer revision and is refused with a message, never overwriting the other tab's work.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WorkspaceSync {
    pub added: Vec<StoredEntry>,
    pub updated: Vec<StoredEntry>,
    pub removed: Vec<String>,
}

impl WorkspaceSync {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// Compares what this tab holds (`held`, of which `not_kept` never reached storage and
/// `unsaved` has edits not yet written) with what storage now holds.
pub fn plan_sync(
    held: &BTreeMap<String, StoredEntry>,
    unsaved: &BTreeSet<String>,
    not_kept: &BTreeSet<String>,
    stored: Vec<StoredEntry>,
) -> WorkspaceSync {
    // A linear scan, not a set: a workspace holds a few hundred files at most, and this keeps a
    // sorted-set builder for strings out of the wasm.
    let removed = held
        .keys()
        .filter(|id| {
            !stored.iter().any(|e| &e.id == *id)
                && !not_kept.contains(*id)
                && !unsaved.contains(*id)
        })
        .cloned()
        .collect();
    let mut sync = WorkspaceSync {
        removed,
        ..WorkspaceSync::default()
    };
    for entry in stored {
        match held.get(&entry.id) {
            None => sync.added.push(entry),
            Some(mine) if entry.revision > mine.revision && !unsaved.contains(&entry.id) => {
                sync.updated.push(entry)
            }
            Some(_) => {}
        }
    }
    sync
}

/// Reads an entry from its main and backup texts.
pub fn load_entry(id: &str, main: Option<&str>, backup: Option<&str>) -> EntryLoad {
    let Some(main) = main else {
        return EntryLoad::Missing;
    };
    match decode_entry(id, main) {
        Ok(entry) => EntryLoad::Loaded(entry),
        Err(problem @ EntryProblem::FromNewerVersion { .. }) => EntryLoad::Newer { problem },
        Err(problem) => match backup.map(|b| decode_entry(id, b)) {
            Some(Ok(entry)) => EntryLoad::Recovered { entry, problem },
            _ => EntryLoad::Unreadable { problem },
        },
    }
}

/// What to write to save an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntrySavePlan {
    /// Write `backup` (if any) first, then `main`.
    Write {
        backup: Option<String>,
        main: String,
        revision: u64,
    },
    /// Another tab saved a newer revision; nothing is written.
    Conflict { theirs: u64 },
    /// The stored entry was written by a newer build; nothing is written.
    Blocked { problem: EntryProblem },
}

/// Plans the save of `entry` (whose `revision` is the one this page's state is based on) over
/// what is stored now (`stored`, the main entry's text). The previous good entry becomes the
/// backup; an unreadable one gets no backup (the caller quarantines it).
pub fn plan_entry_save(
    stored: Option<&str>,
    entry: &StoredEntry,
    now: DateTime<FixedOffset>,
) -> EntrySavePlan {
    let previous = stored.map(|t| (t, decode_entry(&entry.id, t)));
    let backup = match &previous {
        None => None,
        Some((_, Err(problem @ EntryProblem::FromNewerVersion { .. }))) => {
            return EntrySavePlan::Blocked {
                problem: problem.clone(),
            }
        }
        Some((_, Ok(theirs))) if theirs.revision > entry.revision => {
            return EntrySavePlan::Conflict {
                theirs: theirs.revision,
            }
        }
        Some((text, Ok(_))) => Some((*text).to_string()),
        Some((_, Err(_))) => None,
    };
    let revision = entry.revision.saturating_add(1);
    let mut next = entry.clone();
    next.revision = revision;
    next.saved_at = now;
    EntrySavePlan::Write {
        backup,
        main: encode_entry(&next),
        revision,
    }
}

/// A new workspace entry (revision 0 until saved).
pub fn new_entry(
    id: &str,
    file_name: &str,
    text: &str,
    review: Option<Review>,
    now: DateTime<FixedOffset>,
) -> StoredEntry {
    StoredEntry {
        layout: ENTRY_LAYOUT,
        id: id.to_string(),
        revision: 0,
        saved_at: now,
        added_at: now,
        file_name: file_name.to_string(),
        text: compact_file_text(text),
        review,
    }
}

/// Reopens a stored entry: the file goes through the import checks again.
pub fn reopen(entry: &StoredEntry, lang: Lang) -> Result<CentreFile, EntryProblem> {
    CentreFile::open(
        &entry.id,
        &entry.file_name,
        entry.text.as_bytes(),
        entry.added_at,
    )
    .map_err(|refusal| EntryProblem::FileRefused {
        file_name: entry.file_name.clone(),
        reason: refusal.message(lang),
    })
}
