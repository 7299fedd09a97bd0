//! A centre's file opened for review: checked by the import rules, refused when edited after
//! export, evaluated; and the reviewed file the county sends back.

use crate::assessment::review::{Review, SignOffProblem};
use crate::assessment::Assessment;
use crate::base::dates::CalendarText;
use crate::catalogue::{Catalogue, Lang};
use crate::evaluation::{evaluate, Evaluation};
use crate::exchange::{self, ImportError, Imported, Integrity};
use crate::store::workspace::{EntryProblem, StoredEntry, ENTRY_LAYOUT};
use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::exchange::compact_file_text;

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
        let s = lang.strings().review;
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
        lang.strings()
            .review
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
