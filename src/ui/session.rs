//! The open assessment: its state, its live evaluation, and autosave.
//!
//! Every edit goes through [`Session::edit`], which updates the state (the evaluation follows as
//! a memo) and schedules a save. Saving is debounced and flushed when the page is hidden or
//! closed. What to write, and whether another tab got there first, is decided by `persist`; the
//! writing itself is `storage`'s. The session only keeps the state honest on screen.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::platform::clock::{now, writer_id};
use crate::platform::storage::{self, SaveResult};
use thc_core::assessment::Assessment;
use thc_core::catalogue::Catalogue;
use thc_core::evaluation::{evaluate, Evaluation};
use thc_core::i18n::Lang;
use thc_core::store::StoredAssessment;

/// How long typing may pause before the change is written.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

/// An evaluation shared without copying; two are equal only if they are the same computation.
#[derive(Clone)]
pub struct Evaluated(pub std::sync::Arc<Evaluation>);

impl PartialEq for Evaluated {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the save indicator says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything on screen is stored.
    Saved { at: DateTime<FixedOffset> },
    /// A change waits for the autosave timer.
    Pending,
    /// The last write failed; the message says why and what to do. The state on screen is kept.
    Failed(String),
    /// Another tab saved a newer revision; the user chooses.
    Conflict { theirs: Box<StoredAssessment> },
    /// localStorage is unavailable: changes live only in this page.
    MemoryOnly,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub catalogue: &'static Catalogue,
    pub assessment: RwSignal<Assessment>,
    pub evaluation: Memo<Evaluated>,
    pub save_state: RwSignal<SaveState>,
    /// Bumped when the whole state is replaced (another tab's version taken), so views that
    /// keep their own text (number fields) are rebuilt from it.
    pub generation: RwSignal<u32>,
    /// The stored revision this page's state is based on.
    base_revision: StoredValue<u64>,
    last_exported_at: StoredValue<Option<DateTime<FixedOffset>>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    lang: RwSignal<Lang>,
}

impl Session {
    pub fn new(
        catalogue: &'static Catalogue,
        stored: StoredAssessment,
        lang: RwSignal<Lang>,
    ) -> Session {
        let assessment = RwSignal::new(stored.assessment);
        let evaluation = Memo::new(move |_| {
            Evaluated(std::sync::Arc::new(
                assessment.with(|a| evaluate(catalogue, a)),
            ))
        });
        let save_state = RwSignal::new(if storage::is_available() {
            SaveState::Saved {
                at: stored.saved_at,
            }
        } else {
            SaveState::MemoryOnly
        });
        Session {
            catalogue,
            assessment,
            evaluation,
            save_state,
            generation: RwSignal::new(0),
            base_revision: StoredValue::new(stored.revision),
            last_exported_at: StoredValue::new(stored.last_exported_at),
            timer: StoredValue::new(None),
            lang,
        }
    }

    /// Applies a user's change and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment, DateTime<FixedOffset>)) {
        if matches!(self.save_state.get_untracked(), SaveState::Conflict { .. }) {
            // Until the user settles the conflict, edits stay on screen but are not written.
            self.assessment.update(|a| change(a, now()));
            return;
        }
        self.assessment.update(|a| change(a, now()));
        self.save_state.set(SaveState::Pending);
        self.schedule_save();
    }

    fn schedule_save(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let session = *self;
        let handle = set_timeout_with_handle(move || session.flush(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Writes now if anything is waiting (page hidden, closed, or the timer fired).
    pub fn flush(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        if self.save_state.get_untracked() == SaveState::Pending {
            self.save_now();
        }
    }

    fn save_now(&self) {
        let lang = self.lang.get_untracked();
        let result = self.assessment.with_untracked(|a| {
            storage::save_assessment(
                a,
                self.base_revision.get_value(),
                writer_id(),
                now(),
                self.last_exported_at.get_value(),
            )
        });
        match result {
            Ok(SaveResult::Saved { revision, saved_at }) => {
                self.base_revision.set_value(revision);
                self.save_state.set(if storage::is_available() {
                    SaveState::Saved { at: saved_at }
                } else {
                    SaveState::MemoryOnly
                });
            }
            Ok(SaveResult::Conflict { theirs }) => {
                self.save_state.set(SaveState::Conflict { theirs });
            }
            Ok(SaveResult::Blocked { problem }) => self
                .save_state
                .set(SaveState::Failed(problem.message(lang))),
            Err(storage::StorageError::Unavailable) => self.save_state.set(SaveState::MemoryOnly),
            Err(err) => self.save_state.set(SaveState::Failed(err.message(lang))),
        }
    }

    /// Another tab wrote this assessment: if its revision is newer than ours, ask the user.
    pub fn check_other_tab(&self, stored_text: Option<String>) {
        let Some(text) = stored_text else { return };
        let Ok(theirs) = thc_core::store::decode(&text) else {
            return;
        };
        if theirs.revision > self.base_revision.get_value() && theirs.writer != writer_id() {
            self.save_state.set(SaveState::Conflict {
                theirs: Box::new(theirs),
            });
        }
    }

    /// Whether to remind the user to export (never exported, or long ago).
    pub fn export_reminder(&self) -> Option<thc_core::store::ExportReminder> {
        let stored = StoredAssessment {
            layout: thc_core::store::LAYOUT_VERSION,
            revision: self.base_revision.get_value(),
            saved_at: now(),
            writer: writer_id().to_string(),
            last_exported_at: self.last_exported_at.get_value(),
            assessment: self.assessment.get_untracked(),
        };
        thc_core::store::export_reminder(&stored, now())
    }

    /// Records that the state on screen was just exported to a file, and saves that at once, so
    /// the export reminder goes away and stays away after a reload.
    pub fn mark_exported(&self, at: DateTime<FixedOffset>) {
        self.last_exported_at.set_value(Some(at));
        if matches!(self.save_state.get_untracked(), SaveState::Conflict { .. }) {
            // Written with whichever version the user keeps.
            return;
        }
        self.save_state.set(SaveState::Pending);
        self.flush();
    }

    /// Conflict resolved by keeping this page's version: it is written over theirs.
    pub fn keep_mine(&self) {
        if let SaveState::Conflict { theirs } = self.save_state.get_untracked() {
            self.base_revision.set_value(theirs.revision);
            self.save_state.set(SaveState::Pending);
            self.save_now();
        }
    }

    /// Conflict resolved by taking the other tab's version: this page shows theirs.
    pub fn take_theirs(&self) {
        if let SaveState::Conflict { theirs } = self.save_state.get_untracked() {
            self.base_revision.set_value(theirs.revision);
            self.last_exported_at.set_value(theirs.last_exported_at);
            let saved_at = theirs.saved_at;
            self.assessment.set(theirs.assessment);
            self.save_state.set(SaveState::Saved { at: saved_at });
            self.generation.update(|g| *g = g.wrapping_add(1));
        }
    }
}
