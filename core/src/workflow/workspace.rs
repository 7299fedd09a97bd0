//! The county reviewer's workspace as state: every open centre file with its stored entry, its
//! review so far and whether it is kept in this browser, in one map. Each step a reviewer takes
//! (open files, edit a review, save, remove, follow another tab) is a method that changes the
//! state and applies its storage effect to the [`KeyValue`] store it is given, so the whole
//! workflow runs natively on a [`MemoryStore`](crate::store::kv::MemoryStore) in tests and on
//! localStorage in the browser.

use crate::assessment::review::Review;
use crate::base::sorting::stable_sort_by;
use crate::base::text::Lang;
use crate::county::{catalogues_in, new_entry, reopen, CentreFile, FileRefusal};
use crate::store::io::workspace::{
    delete_review_entry, list_review_entries, save_review_entry, EntrySaveResult,
};
use crate::store::kv::{KeyValue, StoreError};
use crate::store::workspace::{plan_sync, EntryLoad, StoredEntry};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// One picked or dropped file: its name and its bytes (or why they could not be read).
pub type Picked = (String, Result<Vec<u8>, FileRefusal>);

/// How loud a message to the reviewer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    Warning,
    Error,
}

/// A message for the reviewer, in the language of the moment it arose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub level: NoticeLevel,
    pub text: String,
}

/// What the last batch of opened files came to.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LoadReport {
    pub loaded: usize,
    /// One line per refused file: its name and the reason.
    pub refused: Vec<String>,
    /// Names of files taken in but not kept in this browser.
    pub not_kept: Vec<String>,
    /// The storage's reason for the files not kept.
    pub storage_message: Option<String>,
}

/// What the save indicator of a review says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveNote {
    Saved(DateTime<FixedOffset>),
    Pending,
    Failed(String),
}

/// One open file and everything the workspace knows about it.
#[derive(Clone, Debug)]
pub struct OpenFile {
    pub file: Arc<CentreFile>,
    /// What is (or is to be) stored for it; `entry.revision` is the stored revision.
    pub entry: StoredEntry,
    /// The current review (absent: nothing entered and none in the file).
    pub review: Option<Review>,
    /// False while the file is open but not kept in this browser (storage full or failing).
    pub kept: bool,
    /// The review changed since it was last written.
    pub dirty: bool,
    /// Order of opening, for listing.
    position: u64,
}

/// The reviewer's workspace.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    open: BTreeMap<String, OpenFile>,
    next_position: u64,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    fn insert(&mut self, file: Arc<CentreFile>, entry: StoredEntry, kept: bool) {
        let position = self.next_position;
        self.next_position += 1;
        let review = entry.review.clone();
        self.open.insert(
            file.id.clone(),
            OpenFile {
                file,
                entry,
                review,
                kept,
                dirty: false,
                position,
            },
        );
    }

    /// Reopens what the workspace kept in the store; every stored file goes through the import
    /// checks again. Damaged, newer or refused entries are reported, never dropped silently.
    pub fn restore(kv: &mut dyn KeyValue, lang: Lang) -> (Workspace, Vec<Notice>) {
        let mut ws = Workspace::new();
        let mut notices = Vec::new();
        let listed = match list_review_entries(kv) {
            Ok(list) => list,
            Err(e) => {
                notices.push(error(e.message(lang)));
                return (ws, notices);
            }
        };
        let mut reopened = Vec::new();
        for (_, outcome) in listed {
            let entry = match outcome {
                EntryLoad::Loaded(entry) => entry,
                EntryLoad::Recovered { entry, problem } => {
                    notices.push(Notice {
                        level: NoticeLevel::Warning,
                        text: lang
                            .strings()
                            .review
                            .entry_recovered
                            .replace("{detail}", &problem.message(lang)),
                    });
                    entry
                }
                EntryLoad::Unreadable { problem } | EntryLoad::Newer { problem } => {
                    notices.push(error(problem.message(lang)));
                    continue;
                }
                EntryLoad::Missing => continue,
            };
            match reopen(&entry, lang) {
                Ok(file) => reopened.push((Arc::new(file), entry)),
                Err(problem) => notices.push(error(problem.message(lang))),
            }
        }
        stable_sort_by(&mut reopened, |a, b| {
            a.1.added_at
                .cmp(&b.1.added_at)
                .then_with(|| a.0.id.cmp(&b.0.id))
        });
        for (file, entry) in reopened {
            ws.insert(file, entry, true);
        }
        (ws, notices)
    }

    /// The open files, in the order they were opened.
    pub fn files(&self) -> Vec<Arc<CentreFile>> {
        let mut all: Vec<&OpenFile> = self.open.values().collect();
        stable_sort_by(&mut all, |a, b| a.position.cmp(&b.position));
        all.into_iter().map(|o| o.file.clone()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    pub fn len(&self) -> usize {
        self.open.len()
    }

    pub fn get(&self, id: &str) -> Option<&OpenFile> {
        self.open.get(id)
    }

    pub fn file(&self, id: &str) -> Option<Arc<CentreFile>> {
        self.open.get(id).map(|o| o.file.clone())
    }

    /// The current review of file `id`, if any.
    pub fn review(&self, id: &str) -> Option<&Review> {
        self.open.get(id).and_then(|o| o.review.as_ref())
    }

    /// The ids of files open but not kept in this browser.
    pub fn not_kept(&self) -> BTreeSet<String> {
        self.open
            .iter()
            .filter(|(_, o)| !o.kept)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// True when some review has changes not yet written.
    pub fn has_unsaved(&self) -> bool {
        self.open.values().any(|o| o.dirty)
    }

    /// The catalogue the roll-up and the criterion view show: the one `picked`, if a file uses
    /// it, else the one most files use.
    pub fn current_catalogue(&self, picked: Option<&str>) -> Option<String> {
        let files = self.files();
        let uses = catalogues_in(files.iter().map(|f| f.as_ref()));
        match picked {
            Some(id) if uses.iter().any(|u| u.id == id) => Some(id.to_string()),
            _ => uses.first().map(|u| u.id.clone()),
        }
    }

    /// Takes in a batch of opened files: each is checked with the import rules; a refused file
    /// is reported by name and skipped, never blocking the others. Each accepted file is stored
    /// at once; one that does not fit stays open (marked not kept) and is reported by name.
    pub fn add_batch(
        &mut self,
        kv: &mut dyn KeyValue,
        batch: Vec<Picked>,
        at: DateTime<FixedOffset>,
        new_id: &mut dyn FnMut() -> String,
        lang: Lang,
    ) -> LoadReport {
        let mut report = LoadReport::default();
        for (name, bytes) in batch {
            let bytes = match bytes {
                Ok(b) => b,
                Err(refusal) => {
                    report.refused.push(refusal.line(&name, lang));
                    continue;
                }
            };
            let id = loop {
                let id = new_id();
                if !self.open.contains_key(&id) {
                    break id;
                }
            };
            let file = match CentreFile::open(&id, &name, &bytes, at) {
                Ok(f) => f,
                Err(refusal) => {
                    report.refused.push(refusal.line(&name, lang));
                    continue;
                }
            };
            if self.open.values().any(|o| o.file.same_export(&file)) {
                let refusal = FileRefusal::Duplicate {
                    centre_name: file.centre_name().unwrap_or_default().to_string(),
                };
                report.refused.push(refusal.line(&name, lang));
                continue;
            }
            // read_file accepted the bytes, so they are UTF-8 (perhaps with a BOM).
            let text = String::from_utf8_lossy(&bytes);
            let mut entry = new_entry(&id, &name, &text, file.file_review.clone(), at);
            let kept = match save_review_entry(kv, &entry, at) {
                Ok(EntrySaveResult::Saved { revision }) => {
                    entry.revision = revision;
                    true
                }
                Ok(EntrySaveResult::Conflict) => false,
                Ok(EntrySaveResult::Blocked { problem }) => {
                    report.storage_message = Some(problem.message(lang));
                    false
                }
                Err(e) => {
                    report.storage_message = Some(match e {
                        StoreError::QuotaExceeded => lang.strings().review.storage_full.to_string(),
                        e => e.message(lang),
                    });
                    false
                }
            };
            if !kept {
                report.not_kept.push(name.clone());
            }
            self.insert(Arc::new(file), entry, kept);
            report.loaded += 1;
        }
        report
    }

    /// Applies a change to a file's review (starting from the file's own review, or a blank
    /// one dated `today`) and marks it for saving. False when no such file is open.
    pub fn edit(&mut self, id: &str, today: NaiveDate, change: impl FnOnce(&mut Review)) -> bool {
        let Some(open) = self.open.get_mut(id) else {
            return false;
        };
        let file = open.file.clone();
        change(
            open.review
                .get_or_insert_with(|| file.starting_review(today)),
        );
        open.dirty = true;
        true
    }

    /// Writes every changed review now, and says how each save went.
    pub fn save_changed(
        &mut self,
        kv: &mut dyn KeyValue,
        at: DateTime<FixedOffset>,
        lang: Lang,
    ) -> Vec<(String, SaveNote)> {
        let dirty: Vec<String> = self
            .open
            .iter()
            .filter(|(_, o)| o.dirty)
            .map(|(id, _)| id.clone())
            .collect();
        dirty
            .into_iter()
            .filter_map(|id| self.save(kv, &id, at, lang).map(|note| (id, note)))
            .collect()
    }

    /// Writes file `id`'s review. A failed save leaves the change in memory (still marked
    /// unsaved only through the note: the reviewer sees it failed and why).
    pub fn save(
        &mut self,
        kv: &mut dyn KeyValue,
        id: &str,
        at: DateTime<FixedOffset>,
        lang: Lang,
    ) -> Option<SaveNote> {
        let s = lang.strings().review;
        let open = self.open.get_mut(id)?;
        open.dirty = false;
        let mut entry = open.entry.clone();
        entry.review = open.review.clone();
        Some(match save_review_entry(kv, &entry, at) {
            Ok(EntrySaveResult::Saved { revision }) => {
                entry.revision = revision;
                open.entry = entry;
                open.kept = true;
                SaveNote::Saved(at)
            }
            Ok(EntrySaveResult::Conflict) => SaveNote::Failed(s.save_conflict.to_string()),
            Ok(EntrySaveResult::Blocked { problem }) => SaveNote::Failed(problem.message(lang)),
            Err(StoreError::QuotaExceeded) => SaveNote::Failed(s.save_quota.to_string()),
            Err(e) => SaveNote::Failed(e.message(lang)),
        })
    }

    /// Removes a file from the workspace and from the store (after the reviewer confirmed), and
    /// returns the centre's name for the notice. On a storage error nothing is removed.
    pub fn remove(
        &mut self,
        kv: &mut dyn KeyValue,
        id: &str,
        lang: Lang,
    ) -> Result<String, StoreError> {
        let name = self
            .open
            .get(id)
            .and_then(|o| o.file.centre_name().map(str::to_string))
            .unwrap_or_else(|| lang.strings().unnamed_centre.to_string());
        delete_review_entry(kv, id)?;
        self.open.remove(id);
        Ok(name)
    }

    /// Follows what another tab stored (files added, reviews saved, files removed there). Edits
    /// this tab has not saved yet, and files it could not keep, stay as they are
    /// ([`plan_sync`]). Returns the ids removed, so the shell can close a pane showing one.
    pub fn follow_other_tab(&mut self, kv: &mut dyn KeyValue, lang: Lang) -> Vec<String> {
        let Ok(listed) = list_review_entries(kv) else {
            // Reading failed: keep what is shown; this tab's own saves report any real problem.
            return Vec::new();
        };
        let stored = listed
            .into_iter()
            .filter_map(|(_, outcome)| match outcome {
                EntryLoad::Loaded(entry) | EntryLoad::Recovered { entry, .. } => Some(entry),
                _ => None,
            })
            .collect();
        let held: BTreeMap<String, StoredEntry> = self
            .open
            .iter()
            .map(|(id, o)| (id.clone(), o.entry.clone()))
            .collect();
        let unsaved: BTreeSet<String> = self
            .open
            .iter()
            .filter(|(_, o)| o.dirty)
            .map(|(id, _)| id.clone())
            .collect();
        let sync = plan_sync(&held, &unsaved, &self.not_kept(), stored);
        for id in &sync.removed {
            self.open.remove(id);
        }
        for entry in sync.updated {
            if let Some(open) = self.open.get_mut(&entry.id) {
                open.review = entry.review.clone();
                open.entry = entry;
            }
        }
        for entry in sync.added {
            if let Ok(file) = reopen(&entry, lang) {
                self.insert(Arc::new(file), entry, true);
            }
        }
        sync.removed
    }
}

fn error(text: String) -> Notice {
    Notice {
        level: NoticeLevel::Error,
        text,
    }
}
