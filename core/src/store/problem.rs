//! Why a stored entry cannot be used, and what to tell the user about it.

use crate::base::ids::MAX_ID_LEN;
use crate::catalogue::Lang;
use crate::i18n::fill;

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
    pub(super) fn corrupt(detail: impl Into<String>) -> Self {
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
        let s = lang.strings().store;
        match self {
            LoadProblem::Corrupt { detail } => fill(s.problem_corrupt, &[("detail", detail)]),
            LoadProblem::FromNewerVersion { layout } => {
                fill(s.problem_newer_layout, &[("layout", &layout.to_string())])
            }
            LoadProblem::NewerAssessmentFormat { format_version } => fill(
                s.problem_newer_format,
                &[("format_version", &format_version.to_string())],
            ),
            LoadProblem::MainMissing => s.problem_main_missing.to_string(),
            LoadProblem::InvalidId { id } => fill(
                s.problem_invalid_id,
                &[("id", id), ("max_len", &MAX_ID_LEN.to_string())],
            ),
        }
    }
}
