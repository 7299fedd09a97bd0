//! The reviewer workspace on screen: the core's workspace state in a signal, and where the
//! reviewer is (open file, tab, picked catalogue, pending confirmation, save indicator).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::platform::clock::{new_id, now, today};
use crate::platform::dom::{focus_by_id, scroll_top};
use crate::platform::storage;
use crate::ui::shell::{NoticeKind, Shell};
use thc_core::assessment::review::Review;
use thc_core::county::CentreFile;
use thc_core::i18n::review::ReviewStrings;
use thc_core::i18n::Lang;
use thc_core::workflow::route::{ReviewPlace, Route};
use thc_core::workflow::workspace::{
    LoadReport, Notice, NoticeLevel, Picked, SaveNote, Workspace as WorkspaceState,
};

/// How long typing may pause before a review is written.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);
/// How long to wait after the last write of another tab before catching up with it.
pub(super) const OTHER_TAB_DELAY: Duration = Duration::from_millis(300);

// ---------------------------------------------------------------------------------------------
// The workspace: the core's state in a signal, plus what only the screen needs
// ---------------------------------------------------------------------------------------------

/// The reviewer's workspace, shared by the views as context. What files are open, their
/// reviews and what is kept live in `state` (`thc_core::workflow::workspace`, where every step
/// is decided and tested); the rest is where the reviewer is on screen.
#[derive(Clone, Copy)]
pub(super) struct Workspace {
    pub(super) lang: RwSignal<Lang>,
    pub(super) shell: Shell,
    pub(super) state: RwSignal<WorkspaceState>,
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    /// Pending catch-up with another tab's writes (one per burst: opening 200 files there
    /// fires 200 storage events here).
    pub(super) sync_timer: StoredValue<Option<TimeoutHandle>>,
    pub(super) save_note: RwSignal<Option<SaveNote>>,
    pub(super) report: RwSignal<Option<LoadReport>>,
    /// Where the reviewer is (a tab, or a file under review): the URL's, so reload and Back
    /// return there.
    pub(super) place: Memo<ReviewPlace>,
    /// The tab to return to from a file.
    last_tab: StoredValue<ReviewPlace>,
    /// The catalogue the roll-up and the criterion view show (`None`: the most used).
    pub(super) catalogue_id: RwSignal<Option<String>>,
    /// The file whose removal awaits confirmation.
    pub(super) removing: RwSignal<Option<String>>,
}

impl Workspace {
    pub(super) fn new(shell: Shell, place: Memo<ReviewPlace>) -> Workspace {
        Workspace {
            lang: shell.lang,
            shell,
            state: RwSignal::new(WorkspaceState::new()),
            timer: StoredValue::new(None),
            sync_timer: StoredValue::new(None),
            save_note: RwSignal::new(None),
            report: RwSignal::new(None),
            place,
            last_tab: StoredValue::new(ReviewPlace::Rollup),
            catalogue_id: RwSignal::new(None),
            removing: RwSignal::new(None),
        }
    }

    pub(super) fn s(&self) -> &'static ReviewStrings {
        self.lang.get().strings().review
    }

    pub(super) fn file(&self, id: &str) -> Option<Arc<CentreFile>> {
        self.state.with_untracked(|st| st.file(id))
    }

    pub(super) fn notify_all(&self, notices: Vec<Notice>) {
        for n in notices {
            let kind = match n.level {
                NoticeLevel::Warning => NoticeKind::Warning,
                NoticeLevel::Error => NoticeKind::Error,
            };
            self.shell.notify(kind, n.text);
        }
    }

    /// Reopens what the workspace kept in this browser.
    pub(super) fn restore(&self) {
        let (state, notices) =
            WorkspaceState::restore(&mut storage::BrowserStore, self.lang.get_untracked());
        self.state.set(state);
        self.notify_all(notices);
    }

    /// Follows what another tab of this browser stored.
    pub(super) fn follow_other_tab(&self) {
        let lang = self.lang.get_untracked();
        let mut removed = Vec::new();
        self.state.update(|st| {
            removed = st.follow_other_tab(&mut storage::BrowserStore, lang);
        });
        if let Some(open) = self.open_file_untracked() {
            if removed.contains(&open) {
                self.show_overview();
            }
        }
    }

    /// Takes in a batch of opened files.
    pub(super) fn add_batch(&self, batch: Vec<Picked>) {
        let lang = self.lang.get_untracked();
        let at = now();
        let mut report = LoadReport::default();
        self.state.update(|st| {
            report = st.add_batch(&mut storage::BrowserStore, batch, at, &mut new_id, lang);
        });
        self.report.set(Some(report));
    }

    /// Applies a change to a file's review and schedules its save.
    pub(super) fn edit(&self, id: &str, change: impl FnOnce(&mut Review)) {
        let mut changed = false;
        self.state
            .update(|st| changed = st.edit(id, today(), change));
        if !changed {
            return;
        }
        self.save_note.set(Some(SaveNote::Pending));
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let ws = *self;
        let handle = set_timeout_with_handle(move || ws.flush(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Writes every changed review now (timer fired, page hidden or closed, view left).
    pub(super) fn flush(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        if !self.state.with_untracked(WorkspaceState::has_unsaved) {
            return;
        }
        let lang = self.lang.get_untracked();
        let mut notes = Vec::new();
        self.state.update(|st| {
            notes = st.save_changed(&mut storage::BrowserStore, now(), lang);
        });
        let open = self.open_file_untracked();
        for (id, note) in notes {
            if open.as_deref() == Some(id.as_str()) {
                self.save_note.set(Some(note));
            } else if let SaveNote::Failed(message) = note {
                self.shell.notify(NoticeKind::Error, message);
            }
        }
    }

    /// Removes a file from the workspace and from this browser (after the user confirmed).
    pub(super) fn remove(&self, id: &str) {
        let lang = self.lang.get_untracked();
        let mut outcome = None;
        self.state.update(|st| {
            outcome = Some(st.remove(&mut storage::BrowserStore, id, lang));
        });
        match outcome {
            Some(Ok(name)) => {
                self.removing.set(None);
                if self.open_file_untracked().as_deref() == Some(id) {
                    self.show_overview();
                }
                self.shell.notify(
                    NoticeKind::Warning,
                    lang.strings().review.removed.replace("{centre}", &name),
                );
            }
            Some(Err(e)) => self.shell.notify(NoticeKind::Error, e.message(lang)),
            None => {}
        }
    }

    /// The catalogue shown by the roll-up and the criterion view.
    pub(super) fn current_catalogue(&self) -> Option<String> {
        let picked = self.catalogue_id.get();
        self.state
            .with(|st| st.current_catalogue(picked.as_deref()))
    }

    /// The file under review, if any.
    pub(super) fn open_file(&self) -> Option<String> {
        self.place.with(|p| p.file().map(str::to_string))
    }

    fn open_file_untracked(&self) -> Option<String> {
        self.place.with_untracked(|p| p.file().map(str::to_string))
    }

    /// The overview tab shown (the one last left when a file is open).
    pub(super) fn tab(&self) -> ReviewPlace {
        let place = self.place.get();
        if place.is_tab() {
            place
        } else {
            self.last_tab.get_value()
        }
    }

    pub(super) fn show_tab(&self, tab: ReviewPlace) {
        self.shell.go(Route::Review(tab));
    }

    /// Back to the overview tab last shown.
    fn show_overview(&self) {
        self.shell.go(Route::Review(self.last_tab.get_value()));
    }

    pub(super) fn open_review(&self, id: &str) {
        self.flush();
        self.save_note.set(None);
        let here = self.place.get_untracked();
        if here.is_tab() {
            self.last_tab.set_value(here);
        }
        self.shell
            .go(Route::Review(ReviewPlace::File(id.to_string())));
        scroll_top();
        set_timeout(
            || focus_by_id("review-pane-heading"),
            Duration::from_millis(0),
        );
    }

    pub(super) fn close_review(&self) {
        self.flush();
        let previous = self.open_file_untracked();
        self.show_overview();
        if let Some(id) = previous {
            set_timeout(
                move || focus_by_id(&review_button_id(&id)),
                Duration::from_millis(0),
            );
        }
    }
}

pub(super) fn section_dom_id(section_id: &str) -> String {
    let safe: String = section_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("rs-{safe}")
}

pub(super) fn review_button_id(file_id: &str) -> String {
    format!("review-open-{file_id}")
}

pub(super) fn centre_label(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        lang.strings().unnamed_centre.to_string()
    } else {
        name.trim().to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// The view
//
