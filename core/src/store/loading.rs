//! Loading: what to open for one assessment from its main and backup entries, and what to tell
//! the user.

use super::envelope::{decode_for, StoredAssessment};
use super::problem::LoadProblem;
use crate::base::ids::is_valid_id;
use crate::catalogue::Lang;
use crate::i18n::fill;

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
        let s = lang.strings().store;
        match self {
            LoadOutcome::Missing | LoadOutcome::Loaded(_) => None,
            LoadOutcome::RecoveredFromBackup { stored, problem } => {
                let when = crate::base::dates::ymd_hm(&stored.saved_at);
                Some(match problem {
                    LoadProblem::Corrupt { detail } => {
                        fill(s.recovered_corrupt, &[("detail", detail), ("when", &when)])
                    }
                    other => fill(
                        s.recovered_other,
                        &[("problem", &other.message(lang)), ("when", &when)],
                    ),
                })
            }
            LoadOutcome::NewerVersion { problem } => Some(problem.message(lang)),
            LoadOutcome::Unreadable { problem } => {
                Some(fill(s.unreadable, &[("problem", &problem.message(lang))]))
            }
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
