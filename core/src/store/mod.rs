//! What to write to the browser's localStorage and how to read back what was stored (issue 5:
//! "Local storage that never loses work").
//!
//! This module is pure: it never touches storage or a clock. `storage.rs` reads raw strings from
//! localStorage, hands them to [`load`] / [`plan_save`], and writes exactly the strings returned.
//!
//! # Key layout
//!
//! | key                                  | holds                                                  |
//! |--------------------------------------|--------------------------------------------------------|
//! | `thc-assess.a.<id>`                  | the main entry of one assessment ([`StoredAssessment`]) |
//! | `thc-assess.b.<id>`                  | its last-good backup (the previous good revision)       |
//! | `thc-assess.quarantine.<id>.<n>`     | raw text of an unreadable entry, moved aside, never deleted |
//!
//! # Rules callers follow
//!
//! * **Save** ([`SavePlan::Write`]): write `backup` (if any) first, then `main`. A failure between
//!   the two leaves a good main and a good backup.
//! * **Unreadable entry**: copy its raw text to a fresh [`quarantine_key`] (see
//!   [`next_quarantine_key`]) before anything overwrites it. Quarantined text is never deleted by
//!   the app.
//! * **Newer version** ([`LoadProblem::is_from_newer_version`]): leave every entry of that
//!   assessment untouched and open nothing; the user must use the newer app.
//! * **Delete**: remove the backup first, then the main entry, so a half-done delete leaves a
//!   loadable main rather than an orphan backup.

pub mod io;
pub mod kv;
pub mod workspace;

use crate::assessment::{Assessment, ASSESSMENT_FORMAT_VERSION};
use crate::base::dates::CalendarText;
pub use crate::base::ids::is_valid_id;
pub use crate::base::ids::MAX_ID_LEN;
use crate::catalogue::Lang;
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "thc-assess.";
/// Prefix of main entries: `thc-assess.a.<id>`.
pub const MAIN_PREFIX: &str = "thc-assess.a.";
/// Prefix of last-good backups: `thc-assess.b.<id>`.
pub const BACKUP_PREFIX: &str = "thc-assess.b.";
/// Prefix of quarantined raw text: `thc-assess.quarantine.<id>.<n>`.
pub const QUARANTINE_PREFIX: &str = "thc-assess.quarantine.";

/// The storage layout (envelope shape) this build reads and writes. Bump it together with a new
/// step in `MIGRATIONS`.
pub const LAYOUT_VERSION: u32 = 1;

/// The `writer` recorded on entries produced by migrating an older layout.
pub const MIGRATED_WRITER: &str = "migrated";

/// A save whose stored copy has not been exported for longer than this gets a reminder.
pub const EXPORT_STALE_DAYS: i64 = 7;
/// A never-exported assessment with answers gets a reminder once it is older than this.
pub const NEVER_EXPORTED_GRACE_DAYS: i64 = 1;

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/// An id that cannot be used in a storage key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidId {
    pub id: String,
}

impl InvalidId {
    pub fn message(&self, lang: Lang) -> String {
        LoadProblem::InvalidId {
            id: self.id.clone(),
        }
        .message(lang)
    }
}

fn checked_id(id: &str) -> Result<&str, InvalidId> {
    if is_valid_id(id) {
        Ok(id)
    } else {
        Err(InvalidId { id: id.to_string() })
    }
}

/// `thc-assess.a.<id>`: the main entry of one assessment.
pub fn main_key(id: &str) -> Result<String, InvalidId> {
    Ok(format!("{MAIN_PREFIX}{}", checked_id(id)?))
}

/// `thc-assess.b.<id>`: the last-good backup of one assessment.
pub fn backup_key(id: &str) -> Result<String, InvalidId> {
    Ok(format!("{BACKUP_PREFIX}{}", checked_id(id)?))
}

/// `thc-assess.quarantine.<id>.<n>`: the `n`th piece of unreadable text moved aside for `id`.
pub fn quarantine_key(id: &str, n: u32) -> Result<String, InvalidId> {
    Ok(format!("{QUARANTINE_PREFIX}{}.{n}", checked_id(id)?))
}

/// The assessment id of a main-entry key, or `None` for any other key (backups, quarantine,
/// preferences, other apps, forged ids). Used to list assessments by scanning keys.
pub fn assessment_id_from_main_key(key: &str) -> Option<&str> {
    key.strip_prefix(MAIN_PREFIX).filter(|id| is_valid_id(id))
}

/// `(id, n)` of a quarantine key, or `None` for any other key.
pub fn parse_quarantine_key(key: &str) -> Option<(&str, u32)> {
    let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
    let (id, n) = rest.rsplit_once('.')?;
    // `u32::from_str` accepts a leading '+'; a key we wrote never has one.
    if !is_valid_id(id) || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((id, n.parse().ok()?))
}

/// A quarantine key for `id` that is not among `existing_keys` (all keys currently in storage):
/// one past the highest number used so far, starting at 1, so earlier quarantined text is never
/// overwritten.
pub fn next_quarantine_key<'a>(
    id: &str,
    existing_keys: impl IntoIterator<Item = &'a str>,
) -> Result<String, InvalidId> {
    let id = checked_id(id)?;
    let highest = existing_keys
        .into_iter()
        .filter_map(parse_quarantine_key)
        .filter(|(qid, _)| *qid == id)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0);
    // u32::MAX quarantined entries cannot happen in a 5 MB store; saturate rather than wrap.
    quarantine_key(id, highest.saturating_add(1))
}

/// The ids of all assessments among `keys` (all keys in storage), sorted, without duplicates.
pub fn assessment_ids<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = keys
        .into_iter()
        .filter_map(assessment_id_from_main_key)
        .collect();
    crate::base::sorting::stable_sort(&mut ids);
    ids.dedup();
    ids
}

// ---------------------------------------------------------------------------------------------
// The stored envelope
// ---------------------------------------------------------------------------------------------

/// What one main or backup entry holds (layout [`LAYOUT_VERSION`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAssessment {
    /// Storage layout of this entry; always [`LAYOUT_VERSION`] after [`decode`].
    pub layout: u32,
    /// Increases by one with every save; used to detect another tab's newer save.
    pub revision: u64,
    pub saved_at: DateTime<FixedOffset>,
    /// Opaque id of the tab that wrote this revision.
    pub writer: String,
    /// When the user last exported this assessment to a file, if ever.
    #[serde(default)]
    pub last_exported_at: Option<DateTime<FixedOffset>>,
    pub assessment: Assessment,
}

/// Why a stored entry cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Not JSON, truncated, empty, the wrong shape, or holding another assessment's id.
    Corrupt { detail: String },
    /// Written by a newer build with a storage layout this build does not know. Callers must
    /// leave the entry untouched (never overwrite, never quarantine).
    FromNewerVersion { layout: u32 },
    /// The envelope is known but the assessment inside uses a newer assessment format. Treated
    /// exactly like [`LoadProblem::FromNewerVersion`]: leave it untouched.
    NewerAssessmentFormat { format_version: u32 },
    /// The main entry is absent but a backup exists (only arises if storage was edited outside
    /// the app or cleared part-way).
    MainMissing,
    /// The id cannot be part of a key; nothing can be stored under it.
    InvalidId { id: String },
}

impl LoadProblem {
    fn corrupt(detail: impl Into<String>) -> Self {
        LoadProblem::Corrupt {
            detail: detail.into(),
        }
    }

    /// True when the entry was written by a newer app: it must be left untouched.
    pub fn is_from_newer_version(&self) -> bool {
        matches!(
            self,
            LoadProblem::FromNewerVersion { .. } | LoadProblem::NewerAssessmentFormat { .. }
        )
    }

    /// A message for the person at the screen, Chinese first.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadProblem::Corrupt { detail }, Lang::Zh) => {
                format!("这份自评的本机数据已损坏（{detail}）。")
            }
            (LoadProblem::Corrupt { detail }, Lang::En) => {
                format!("This assessment's data in this browser is damaged ({detail}).")
            }
            (LoadProblem::FromNewerVersion { layout }, Lang::Zh) => format!(
                "这份数据由更新版本的工具保存（数据格式 {layout}），请使用新版工具打开；本机数据未被改动。"
            ),
            (LoadProblem::FromNewerVersion { layout }, Lang::En) => format!(
                "This data was saved by a newer version of the tool (storage layout {layout}). Open it with the newer version; the data in this browser has not been changed."
            ),
            (LoadProblem::NewerAssessmentFormat { format_version }, Lang::Zh) => format!(
                "这份数据由更新版本的工具保存（评估格式 {format_version}），请使用新版工具打开；本机数据未被改动。"
            ),
            (LoadProblem::NewerAssessmentFormat { format_version }, Lang::En) => format!(
                "This data was saved by a newer version of the tool (assessment format {format_version}). Open it with the newer version; the data in this browser has not been changed."
            ),
            (LoadProblem::MainMissing, Lang::Zh) => "这份自评的本机主数据缺失。".to_string(),
            (LoadProblem::MainMissing, Lang::En) => {
                "This assessment's main copy is missing from this browser.".to_string()
            }
            (LoadProblem::InvalidId { id }, Lang::Zh) => format!(
                "自评编号“{id}”无效：只能由 1–{MAX_ID_LEN} 个英文字母、数字、“-”或“_”组成。"
            ),
            (LoadProblem::InvalidId { id }, Lang::En) => format!(
                "The assessment id \"{id}\" is invalid: use 1–{MAX_ID_LEN} ASCII letters, digits, '-' or '_'."
            ),
        }
    }
}

/// One migration step: the JSON of layout `n` in, the JSON of layout `n + 1` out.
type Migration = fn(Value) -> Result<Value, LoadProblem>;

/// `MIGRATIONS[n]` turns layout `n` into layout `n + 1`. The array length is tied to
/// [`LAYOUT_VERSION`], so bumping the layout without adding a step does not compile.
const MIGRATIONS: [Migration; LAYOUT_VERSION as usize] = [migrate_0_to_1];

/// Layout 0 (early development builds): the bare `Assessment` JSON with no envelope. Wrap it in
/// an envelope as revision 1, saved when it was last updated, never exported.
fn migrate_0_to_1(value: Value) -> Result<Value, LoadProblem> {
    // Read `updated_at` through the real type so a malformed bare assessment is Corrupt here,
    // not a confusing error about the envelope later.
    let assessment = Assessment::deserialize(&value)
        .map_err(|e| LoadProblem::corrupt(format!("layout 0: {e}")))?;
    let saved_at = serde_json::to_value(assessment.updated_at)
        .map_err(|e| LoadProblem::corrupt(format!("layout 0: {e}")))?;
    Ok(serde_json::json!({
        "layout": 1,
        "revision": 1,
        "saved_at": saved_at,
        "writer": MIGRATED_WRITER,
        "last_exported_at": null,
        "assessment": value,
    }))
}

/// Just enough of an entry to decide how to read it, without building the whole assessment.
/// Fields are `Value` so an odd type is reported by us, not as a parse failure of the probe.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    layout: Option<Value>,
    /// Layout 0 only: the bare assessment's own format version.
    #[serde(default)]
    format_version: Option<Value>,
    #[serde(default)]
    assessment: Option<AssessmentProbe>,
}

#[derive(Deserialize)]
struct AssessmentProbe {
    #[serde(default)]
    format_version: Option<Value>,
}

fn version_number(value: &Value, what: &str) -> Result<u32, LoadProblem> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| LoadProblem::corrupt(format!("{what} is not a version number: {value}")))
}

/// Reads one stored entry (main or backup), migrating older layouts to the current one.
///
/// * empty, not JSON, truncated or the wrong shape → [`LoadProblem::Corrupt`];
/// * a layout (or assessment format) newer than this build →
///   [`LoadProblem::FromNewerVersion`] / [`LoadProblem::NewerAssessmentFormat`]. **Callers must
///   leave such an entry untouched**: it belongs to a newer app and is not corrupt.
///
/// Never panics, whatever the text.
pub fn decode(text: &str) -> Result<StoredAssessment, LoadProblem> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(LoadProblem::corrupt("empty"));
    }
    // Every layout is a JSON object; checking up front keeps a JSON array from being read
    // positionally as a struct.
    if !trimmed.starts_with('{') {
        return Err(LoadProblem::corrupt("not a JSON object"));
    }
    // The probe parses the whole text, so syntax errors and truncation surface here.
    let probe: Probe =
        serde_json::from_str(text).map_err(|e| LoadProblem::corrupt(e.to_string()))?;
    let layout = match &probe.layout {
        None => 0,
        Some(v) => version_number(v, "layout")?,
    };
    if layout > LAYOUT_VERSION {
        return Err(LoadProblem::FromNewerVersion { layout });
    }
    // Checked before the full parse: a newer assessment format may not fit our types, and must
    // still be reported as "newer", never as corrupt (corrupt entries get overwritten).
    let format_version = if layout == 0 {
        probe.format_version.as_ref()
    } else {
        probe
            .assessment
            .as_ref()
            .and_then(|a| a.format_version.as_ref())
    };
    if let Some(v) = format_version {
        let found = version_number(v, "format_version")?;
        if found > ASSESSMENT_FORMAT_VERSION {
            return Err(LoadProblem::NewerAssessmentFormat {
                format_version: found,
            });
        }
        if found != ASSESSMENT_FORMAT_VERSION {
            return Err(LoadProblem::corrupt(format!(
                "unsupported assessment format {found}"
            )));
        }
    }

    // Always through a `Value` tree, even when no migration is needed: the wasm then carries one
    // deserialiser per type (from `&Value`, shared with import and migration) instead of two,
    // about 10 KB gzipped, for ~0.4 ms more per load of a 300-criterion entry (BENCHMARKS.md).
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| LoadProblem::corrupt(e.to_string()))?;
    for step in &MIGRATIONS[layout as usize..] {
        value = step(value)?;
    }
    let stored =
        StoredAssessment::deserialize(&value).map_err(|e| LoadProblem::corrupt(e.to_string()))?;
    if stored.layout != LAYOUT_VERSION {
        return Err(LoadProblem::corrupt(format!(
            "layout {} after migration",
            stored.layout
        )));
    }
    Ok(stored)
}

/// [`decode`], and also check that the entry holds the assessment `id` (the id in its key): an
/// entry holding another assessment is treated as corrupt.
pub fn decode_for(id: &str, text: &str) -> Result<StoredAssessment, LoadProblem> {
    if !is_valid_id(id) {
        return Err(LoadProblem::InvalidId { id: id.to_string() });
    }
    let stored = decode(text)?;
    if stored.assessment.id != id {
        return Err(LoadProblem::corrupt(format!(
            "the entry for “{id}” holds assessment “{}”",
            stored.assessment.id
        )));
    }
    Ok(stored)
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// What to open for one assessment, given its main and backup entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Neither entry exists.
    Missing,
    /// The main entry is good (the backup was not needed and may be anything).
    Loaded(StoredAssessment),
    /// The main entry is unreadable or missing, the backup is good. Callers quarantine the main
    /// text (if any), open `stored`, and tell the user ([`LoadOutcome::notice`]).
    RecoveredFromBackup {
        stored: StoredAssessment,
        problem: LoadProblem,
    },
    /// An entry was written by a newer app: leave both entries untouched, open nothing, and tell
    /// the user to use the newer app.
    NewerVersion { problem: LoadProblem },
    /// No entry is usable. Callers quarantine every entry present, tell the user, and keep
    /// running. `problem` is the main entry's (or the backup's, if the main is missing).
    Unreadable { problem: LoadProblem },
}

impl LoadOutcome {
    /// The assessment to open, if any.
    pub fn stored(&self) -> Option<&StoredAssessment> {
        match self {
            LoadOutcome::Loaded(s) | LoadOutcome::RecoveredFromBackup { stored: s, .. } => Some(s),
            _ => None,
        }
    }

    /// What to tell the user, if anything (Chinese first).
    pub fn notice(&self, lang: Lang) -> Option<String> {
        match (self, lang) {
            (LoadOutcome::Missing | LoadOutcome::Loaded(_), _) => None,
            (LoadOutcome::RecoveredFromBackup { stored, problem }, Lang::Zh) => {
                let when = crate::base::dates::ymd_hm(&stored.saved_at);
                Some(match problem {
                    LoadProblem::Corrupt { detail } => format!(
                        "这份自评的本机数据已损坏（{detail}），已从备份恢复到 {when} 保存的版本。损坏的原始内容已另存，不会删除。"
                    ),
                    other => format!(
                        "{}已从备份恢复到 {when} 保存的版本。",
                        other.message(Lang::Zh)
                    ),
                })
            }
            (LoadOutcome::RecoveredFromBackup { stored, problem }, Lang::En) => {
                let when = crate::base::dates::ymd_hm(&stored.saved_at);
                Some(match problem {
                    LoadProblem::Corrupt { detail } => format!(
                        "This assessment's data in this browser was damaged ({detail}). It has been restored from the backup saved at {when}. The damaged text has been set aside, not deleted."
                    ),
                    other => format!(
                        "{} It has been restored from the backup saved at {when}.",
                        other.message(Lang::En)
                    ),
                })
            }
            (LoadOutcome::NewerVersion { problem }, _) => Some(problem.message(lang)),
            (LoadOutcome::Unreadable { problem }, Lang::Zh) => Some(format!(
                "{}备份也无法使用。原始内容已另存，不会删除；其余自评不受影响。",
                problem.message(Lang::Zh)
            )),
            (LoadOutcome::Unreadable { problem }, Lang::En) => Some(format!(
                "{} No usable backup either. The original text has been set aside, not deleted; other assessments are not affected.",
                problem.message(Lang::En)
            )),
        }
    }
}

/// Decides what to open for assessment `id` from the raw text of its main and backup entries
/// (`None` = key absent). A good main always wins, even over a bad backup.
pub fn load(id: &str, main: Option<&str>, backup: Option<&str>) -> LoadOutcome {
    if !is_valid_id(id) {
        return LoadOutcome::Unreadable {
            problem: LoadProblem::InvalidId { id: id.to_string() },
        };
    }
    let main_problem = match main.map(|text| decode_for(id, text)) {
        Some(Ok(stored)) => return LoadOutcome::Loaded(stored),
        Some(Err(problem)) if problem.is_from_newer_version() => {
            return LoadOutcome::NewerVersion { problem }
        }
        Some(Err(problem)) => Some(problem),
        None => None,
    };
    match (backup.map(|text| decode_for(id, text)), main_problem) {
        (None, None) => LoadOutcome::Missing,
        (None, Some(problem)) => LoadOutcome::Unreadable { problem },
        // A newer app's backup next to a broken main: still the newer app's data.
        (Some(Err(problem)), _) if problem.is_from_newer_version() => {
            LoadOutcome::NewerVersion { problem }
        }
        (Some(Err(backup_problem)), main_problem) => LoadOutcome::Unreadable {
            problem: main_problem.unwrap_or(backup_problem),
        },
        (Some(Ok(stored)), main_problem) => LoadOutcome::RecoveredFromBackup {
            stored,
            problem: main_problem.unwrap_or(LoadProblem::MainMissing),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------

/// What a save should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavePlan {
    /// Write `backup` to [`backup_key`] first (when `Some`), then `main` to [`main_key`].
    /// `backup: None` means leave the backup key as it is.
    Write {
        backup: Option<String>,
        main: String,
        revision: u64,
    },
    /// Another tab saved a newer revision since we loaded (`theirs`). Nothing may be written
    /// until the user chooses: "keep mine" = plan again with `base_revision = theirs.revision`;
    /// "take theirs" = open `theirs`. (Boxed: it is far larger than the other variants.)
    Conflict { theirs: Box<StoredAssessment> },
    /// The stored main must not be overwritten (written by a newer app), or the request itself
    /// is invalid (bad id, assessment id not matching).
    Blocked { problem: LoadProblem },
}

/// Plans saving `assessment` under `id`.
///
/// * `stored_main`: the main entry's raw text as it is in storage right now (read just before
///   saving, so another tab's save is seen);
/// * `base_revision`: the revision this tab loaded or last saved (0 for a new assessment);
/// * `writer`: this tab's opaque id.
///
/// The new revision is one past both the stored and the base revision (1 if nothing is stored).
/// A good stored main becomes the backup; a corrupt one does not (callers quarantine it first),
/// so a possibly-good backup is never replaced by garbage.
pub fn plan_save(
    id: &str,
    stored_main: Option<&str>,
    base_revision: u64,
    writer: &str,
    now: DateTime<FixedOffset>,
    assessment: &Assessment,
    last_exported_at: Option<DateTime<FixedOffset>>,
) -> SavePlan {
    if !is_valid_id(id) {
        return SavePlan::Blocked {
            problem: LoadProblem::InvalidId { id: id.to_string() },
        };
    }
    if assessment.id != id {
        return SavePlan::Blocked {
            problem: LoadProblem::corrupt(format!(
                "saving assessment “{}” under “{id}”",
                assessment.id
            )),
        };
    }
    let (backup, stored_revision) = match stored_main.map(|text| (text, decode_for(id, text))) {
        None => (None, 0),
        Some((_, Err(problem))) if problem.is_from_newer_version() => {
            return SavePlan::Blocked { problem }
        }
        Some((_, Err(_))) => (None, 0),
        Some((_, Ok(theirs))) if theirs.revision > base_revision && theirs.writer != writer => {
            return SavePlan::Conflict {
                theirs: Box::new(theirs),
            }
        }
        Some((text, Ok(stored))) => (Some(text.to_string()), stored.revision),
    };
    // Never reuse a revision number another copy already carried.
    let revision = stored_revision.max(base_revision).saturating_add(1);
    match encode(&StoredRef {
        layout: LAYOUT_VERSION,
        revision,
        saved_at: now,
        writer,
        last_exported_at,
        assessment,
    }) {
        Ok(main) => SavePlan::Write {
            backup,
            main,
            revision,
        },
        Err(problem) => SavePlan::Blocked { problem },
    }
}

/// The same shape as [`StoredAssessment`], borrowing, so a save does not clone the assessment.
#[derive(Serialize)]
struct StoredRef<'a> {
    layout: u32,
    revision: u64,
    saved_at: DateTime<FixedOffset>,
    writer: &'a str,
    last_exported_at: Option<DateTime<FixedOffset>>,
    assessment: &'a Assessment,
}

fn encode(stored: &StoredRef<'_>) -> Result<String, LoadProblem> {
    // Compact JSON: localStorage quota is small (about 5 M UTF-16 units per origin).
    serde_json::to_string(stored).map_err(|e| LoadProblem::corrupt(format!("cannot encode: {e}")))
}

/// Serialises an envelope as it would be stored (e.g. to write a recovered copy back).
pub fn encode_stored(stored: &StoredAssessment) -> Result<String, LoadProblem> {
    encode(&StoredRef {
        layout: stored.layout,
        revision: stored.revision,
        saved_at: stored.saved_at,
        writer: &stored.writer,
        last_exported_at: stored.last_exported_at,
        assessment: &stored.assessment,
    })
}

// ---------------------------------------------------------------------------------------------
// Listing
// ---------------------------------------------------------------------------------------------

/// One row of the list of assessments in this browser (the UI adds progress by evaluating).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentListing {
    pub id: String,
    pub centre_name: String,
    pub county: String,
    pub year: Option<i32>,
    pub catalogue_id: String,
    pub catalogue_version: u32,
    pub revision: u64,
    pub saved_at: DateTime<FixedOffset>,
    pub last_exported_at: Option<DateTime<FixedOffset>>,
}

pub fn summarise(stored: &StoredAssessment) -> AssessmentListing {
    let a = &stored.assessment;
    AssessmentListing {
        id: a.id.clone(),
        centre_name: a.profile.centre_name.clone(),
        county: a.profile.county.clone(),
        year: a.profile.year,
        catalogue_id: a.catalogue_id.clone(),
        catalogue_version: a.catalogue_version,
        revision: stored.revision,
        saved_at: stored.saved_at,
        last_exported_at: stored.last_exported_at,
    }
}

// ---------------------------------------------------------------------------------------------
// Export reminder
// ---------------------------------------------------------------------------------------------

/// Why the user should export a file now: browser data can be cleared at any time, a file
/// cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportReminder {
    /// Never exported, has answers or inputs, and was created `days_since_created` days ago.
    NeverExported { days_since_created: i64 },
    /// Saved more than [`EXPORT_STALE_DAYS`] days after the last export, which was
    /// `days_since_export` days ago.
    Outdated {
        exported_at: DateTime<FixedOffset>,
        days_since_export: i64,
    },
}

impl ExportReminder {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExportReminder::NeverExported { days_since_created }, Lang::Zh) => format!(
                "这份自评创建已 {days_since_created} 天，还从未导出。浏览器数据可能被清除，建议现在导出一份文件保存。"
            ),
            (ExportReminder::NeverExported { days_since_created }, Lang::En) => format!(
                "This assessment was started {days_since_created} day(s) ago and has never been exported. Browser data can be cleared; export a file now to keep a copy."
            ),
            (
                ExportReminder::Outdated {
                    exported_at,
                    days_since_export,
                },
                Lang::Zh,
            ) => format!(
                "上次导出是 {days_since_export} 天前（{}），之后又有修改。建议重新导出一份文件保存。",
                exported_at.ymd()
            ),
            (
                ExportReminder::Outdated {
                    exported_at,
                    days_since_export,
                },
                Lang::En,
            ) => format!(
                "The last export was {days_since_export} day(s) ago ({}) and the assessment has changed since. Export a new file to keep a copy.",
                exported_at.ymd()
            ),
        }
    }
}

/// Whether to remind the user to export `stored`, as of `now`.
pub fn export_reminder(
    stored: &StoredAssessment,
    now: DateTime<FixedOffset>,
) -> Option<ExportReminder> {
    let a = &stored.assessment;
    match stored.last_exported_at {
        None => {
            let has_work = !a.items.is_empty() || !a.inputs.is_empty();
            let age = now.signed_duration_since(a.created_at);
            (has_work && age > Duration::days(NEVER_EXPORTED_GRACE_DAYS)).then(|| {
                ExportReminder::NeverExported {
                    days_since_created: age.num_days(),
                }
            })
        }
        Some(exported_at) => {
            let unexported = stored.saved_at.signed_duration_since(exported_at);
            (unexported > Duration::days(EXPORT_STALE_DAYS)).then(|| ExportReminder::Outdated {
                exported_at,
                days_since_export: now.signed_duration_since(exported_at).num_days(),
            })
        }
    }
}
