//! The director's home list as steps: list what is stored (with each assessment's progress),
//! create, rename, start next year's from this year's, delete and undo. Each step applies its
//! storage effect to the [`KeyValue`] store it is given and returns what to show; on any failure
//! nothing is changed and the message says why, in the reader's language.

use crate::assessment::{Assessment, Profile};
use crate::base::sorting::stable_sort_by;
use crate::base::text::Lang;
use crate::catalogue::{Catalogue, Registry};
use crate::evaluation::evaluate;
use crate::store::io::assessments::{
    create_assessment, delete_assessment, list_assessments, save_assessment, undo_delete, Deleted,
    SaveResult,
};
use crate::store::kv::KeyValue;
use crate::store::{summarise, AssessmentListing, LoadOutcome, StoredAssessment};
use chrono::{DateTime, Datelike, FixedOffset};

/// An assessment id not used in the store, from `new_id` (retried on the rare collision).
pub fn unused_id(kv: &dyn KeyValue, new_id: &mut dyn FnMut() -> String) -> String {
    let taken: Vec<String> = list_assessments(kv)
        .map(|list| list.into_iter().map(|(id, _)| id).collect())
        .unwrap_or_default();
    loop {
        let id = new_id();
        if !taken.contains(&id) {
            return id;
        }
    }
}

/// How far an assessment has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: u32,
    pub applicable: u32,
    /// Gaps and partly met.
    pub gaps: u32,
}

/// One row of the home list.
#[derive(Debug, Clone)]
pub struct HomeEntry {
    pub id: String,
    /// What the card shows of it (name, year, saved, exported), when it could be read.
    pub listing: Option<AssessmentListing>,
    /// `None` when nothing of it could be read (the problem says why).
    pub stored: Option<StoredAssessment>,
    /// What went wrong reading it (recovered from the backup, damaged, newer version).
    pub problem: Option<String>,
    pub progress: Progress,
    /// Its catalogue, when this page knows it.
    pub catalogue: Option<&'static Catalogue>,
}

/// Every assessment stored, most recently saved first, each with its progress.
pub fn list(kv: &dyn KeyValue, registry: &Registry, lang: Lang) -> Result<Vec<HomeEntry>, String> {
    let listed = list_assessments(kv).map_err(|e| e.message(lang))?;
    let mut entries: Vec<HomeEntry> = listed
        .into_iter()
        .map(|(id, outcome)| {
            let (stored, problem) = match outcome {
                LoadOutcome::Loaded(s) => (Some(s), None),
                LoadOutcome::RecoveredFromBackup { stored, problem } => {
                    (Some(stored), Some(problem.message(lang)))
                }
                LoadOutcome::NewerVersion { problem } | LoadOutcome::Unreadable { problem } => {
                    (None, Some(problem.message(lang)))
                }
                LoadOutcome::Missing => (None, None),
            };
            let catalogue = stored
                .as_ref()
                .and_then(|s| registry.get(&s.assessment.catalogue_id));
            let progress = match (&stored, catalogue) {
                (Some(s), Some(c)) => {
                    let overall = evaluate(c, &s.assessment).overall;
                    Progress {
                        answered: overall.answered,
                        applicable: overall.applicable,
                        gaps: overall.gap + overall.partly,
                    }
                }
                _ => Progress::default(),
            };
            HomeEntry {
                id,
                listing: stored.as_ref().map(summarise),
                stored,
                problem,
                progress,
                catalogue,
            }
        })
        .collect();
    stable_sort_by(&mut entries, |a, b| {
        let at = |e: &HomeEntry| e.stored.as_ref().map(|s| s.saved_at);
        at(b).cmp(&at(a))
    });
    Ok(entries)
}

fn saved(
    result: Result<SaveResult, crate::store::kv::StoreError>,
    lang: Lang,
) -> Result<(), String> {
    match result.map_err(|e| e.message(lang))? {
        SaveResult::Saved { .. } => Ok(()),
        SaveResult::Conflict { .. } => Err(lang.strings().save_conflict.to_string()),
        SaveResult::Blocked { problem } => Err(problem.message(lang)),
    }
}

/// A new assessment of `catalogue` for the centre named (this year's), stored under `id`.
pub fn create(
    kv: &mut dyn KeyValue,
    catalogue: &Catalogue,
    centre_name: &str,
    id: String,
    writer: &str,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<String, String> {
    let profile = Profile {
        centre_name: centre_name.trim().to_string(),
        year: Some(now.year()),
        ..Profile::default()
    };
    let assessment = Assessment::new(id, catalogue, profile, now);
    saved(create_assessment(kv, &assessment, writer, now), lang)?;
    Ok(assessment.id)
}

/// Renames the centre of a stored assessment (over the revision the list showed: another tab's
/// newer save is never overwritten).
pub fn rename(
    kv: &mut dyn KeyValue,
    stored: &StoredAssessment,
    new_name: &str,
    writer: &str,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<(), String> {
    let mut renamed = stored.assessment.clone();
    renamed.profile.centre_name = new_name.trim().to_string();
    renamed.updated_at = now;
    saved(
        save_assessment(
            kv,
            &renamed,
            stored.revision,
            writer,
            now,
            stored.last_exported_at,
        ),
        lang,
    )
}

/// Starts next year's assessment from this one (what carries over is
/// [`Assessment::next_year_copy`]'s), stored under `id`.
pub fn start_next_year(
    kv: &mut dyn KeyValue,
    stored: &StoredAssessment,
    id: String,
    writer: &str,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<String, String> {
    let next = stored.assessment.next_year_copy(id, now);
    saved(create_assessment(kv, &next, writer, now), lang)?;
    Ok(next.id)
}

/// Deletes an assessment; what is returned undoes it, byte for byte.
pub fn delete(kv: &mut dyn KeyValue, id: &str, lang: Lang) -> Result<Deleted, String> {
    delete_assessment(kv, id).map_err(|e| e.message(lang))
}

pub fn undo(kv: &mut dyn KeyValue, deleted: &Deleted, lang: Lang) -> Result<(), String> {
    undo_delete(kv, deleted).map_err(|e| e.message(lang))
}
