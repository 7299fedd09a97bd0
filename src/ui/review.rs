//! The county reviewer's workspace (`#/review`, issue 8): open many centres' files at once, a
//! roll-up table across them (sortable, filterable, exportable), one criterion across centres,
//! two files of one centre compared, and the review of one centre with sign-off and export of
//! the reviewed file.
//!
//! Every figure, verdict, comparison and file comes from `thc_core::county` (and through it from
//! `evaluation` and `exchange`); what is kept in the browser is planned there and written by
//! `storage`. This module renders and sends intents.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::criterion::card_dom_id;
use super::criterion::verdict_class;
use super::editor::text;
use super::session::{clock_time, new_id, now};
use super::shell::{NoticeKind, Shell};
use super::transfer::{download, on_settled};
use crate::storage;
use thc_core::assessment::format_value;
use thc_core::assessment::review::{Conclusion, ItemVerdict, Review, ReviewStatus};
use thc_core::base::dates::CalendarText;
use thc_core::catalogue::{Catalogue, CriterionKind};
use thc_core::county::{
    CentreFile, ChangeKind, FileRefusal, RollupFilter, RollupRow, SortDirection, SortKey,
};
use thc_core::evaluation::Verdict;
use thc_core::exchange::{ImportError, MAX_FILE_BYTES};
use thc_core::i18n::review::ReviewStrings;
use thc_core::i18n::Lang;
use thc_core::present::explain;
use thc_core::workflow::workspace::{
    LoadReport, Notice, NoticeLevel, Picked, SaveNote, Workspace as WorkspaceState,
};

/// How long typing may pause before a review is written.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);
/// How long to wait after the last write of another tab before catching up with it.
const OTHER_TAB_DELAY: Duration = Duration::from_millis(300);

const JSON_TYPE: &str = "application/json";
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn today() -> NaiveDate {
    now().date_naive()
}

// ---------------------------------------------------------------------------------------------
// Browser plumbing: reading picked or dropped files (downloads are `transfer`'s).
// ---------------------------------------------------------------------------------------------

/// Reads every file of `list` and hands them to `done` together, in the order given. A file
/// over the size limit is refused before it is read into memory.
fn read_all(list: web_sys::FileList, done: impl FnOnce(Vec<Picked>) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    let results: Rc<RefCell<Vec<Option<Picked>>>> = Rc::new(RefCell::new(vec![None; files.len()]));
    let remaining = Rc::new(RefCell::new(files.len()));
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let results = results.clone();
        move |index: usize, picked: Picked| {
            if let Some(slot) = results.borrow_mut().get_mut(index) {
                *slot = Some(picked);
            }
            let left = {
                let mut r = remaining.borrow_mut();
                *r = r.saturating_sub(1);
                *r
            };
            if left == 0 {
                if let Some(f) = done.borrow_mut().take() {
                    let all = results.borrow_mut().drain(..).flatten().collect();
                    f(all);
                }
            }
        }
    };
    for (index, file) in files.into_iter().enumerate() {
        let name = file.name();
        let size = file.size();
        if size > MAX_FILE_BYTES as f64 {
            finish(
                index,
                (
                    name,
                    Err(FileRefusal::Import(ImportError::TooLarge {
                        bytes: size as usize,
                    })),
                ),
            );
            continue;
        }
        let promise: JsValue = file.array_buffer().into();
        let finish = finish.clone();
        on_settled(&promise, move |r| {
            let bytes = match r {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                // The browser could not read it (moved, deleted, permissions).
                Err(_) => Err(FileRefusal::Unreadable),
            };
            finish(index, (name, bytes));
        });
    }
}

fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn scroll_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

// ---------------------------------------------------------------------------------------------
// The workspace: the core's state in a signal, plus what only the screen needs
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Rollup,
    Criterion,
    Compare,
}

/// The reviewer's workspace, shared by the views as context. What files are open, their
/// reviews and what is kept live in `state` (`thc_core::workflow::workspace`, where every step
/// is decided and tested); the rest is where the reviewer is on screen.
#[derive(Clone, Copy)]
struct Workspace {
    lang: RwSignal<Lang>,
    shell: Shell,
    state: RwSignal<WorkspaceState>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Pending catch-up with another tab's writes (one per burst: opening 200 files there
    /// fires 200 storage events here).
    sync_timer: StoredValue<Option<TimeoutHandle>>,
    save_note: RwSignal<Option<SaveNote>>,
    report: RwSignal<Option<LoadReport>>,
    /// The file under review, or `None` for the overview.
    open: RwSignal<Option<String>>,
    tab: RwSignal<Tab>,
    /// The catalogue the roll-up and the criterion view show (`None`: the most used).
    catalogue_id: RwSignal<Option<String>>,
    /// The file whose removal awaits confirmation.
    removing: RwSignal<Option<String>>,
}

impl Workspace {
    fn new(shell: Shell) -> Workspace {
        Workspace {
            lang: shell.lang,
            shell,
            state: RwSignal::new(WorkspaceState::new()),
            timer: StoredValue::new(None),
            sync_timer: StoredValue::new(None),
            save_note: RwSignal::new(None),
            report: RwSignal::new(None),
            open: RwSignal::new(None),
            tab: RwSignal::new(Tab::Rollup),
            catalogue_id: RwSignal::new(None),
            removing: RwSignal::new(None),
        }
    }

    fn s(&self) -> &'static ReviewStrings {
        self.lang.get().strings().review
    }

    fn file(&self, id: &str) -> Option<Arc<CentreFile>> {
        self.state.with_untracked(|st| st.file(id))
    }

    fn notify_all(&self, notices: Vec<Notice>) {
        for n in notices {
            let kind = match n.level {
                NoticeLevel::Warning => NoticeKind::Warning,
                NoticeLevel::Error => NoticeKind::Error,
            };
            self.shell.notify(kind, n.text);
        }
    }

    /// Reopens what the workspace kept in this browser.
    fn restore(&self) {
        let (state, notices) =
            WorkspaceState::restore(&mut storage::BrowserStore, self.lang.get_untracked());
        self.state.set(state);
        self.notify_all(notices);
    }

    /// Follows what another tab of this browser stored.
    fn follow_other_tab(&self) {
        let lang = self.lang.get_untracked();
        let mut removed = Vec::new();
        self.state.update(|st| {
            removed = st.follow_other_tab(&mut storage::BrowserStore, lang);
        });
        if let Some(open) = self.open.get_untracked() {
            if removed.contains(&open) {
                self.open.set(None);
            }
        }
    }

    /// Takes in a batch of opened files.
    fn add_batch(&self, batch: Vec<Picked>) {
        let lang = self.lang.get_untracked();
        let at = now();
        let mut report = LoadReport::default();
        self.state.update(|st| {
            report = st.add_batch(&mut storage::BrowserStore, batch, at, &mut new_id, lang);
        });
        self.report.set(Some(report));
    }

    /// Applies a change to a file's review and schedules its save.
    fn edit(&self, id: &str, change: impl FnOnce(&mut Review)) {
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
    fn flush(&self) {
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
        let open = self.open.get_untracked();
        for (id, note) in notes {
            if open.as_deref() == Some(id.as_str()) {
                self.save_note.set(Some(note));
            } else if let SaveNote::Failed(message) = note {
                self.shell.notify(NoticeKind::Error, message);
            }
        }
    }

    /// Removes a file from the workspace and from this browser (after the user confirmed).
    fn remove(&self, id: &str) {
        let lang = self.lang.get_untracked();
        let mut outcome = None;
        self.state.update(|st| {
            outcome = Some(st.remove(&mut storage::BrowserStore, id, lang));
        });
        match outcome {
            Some(Ok(name)) => {
                self.removing.set(None);
                if self.open.get_untracked().as_deref() == Some(id) {
                    self.open.set(None);
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
    fn current_catalogue(&self) -> Option<String> {
        let picked = self.catalogue_id.get();
        self.state
            .with(|st| st.current_catalogue(picked.as_deref()))
    }

    fn open_review(&self, id: &str) {
        self.flush();
        self.save_note.set(None);
        self.open.set(Some(id.to_string()));
        scroll_top();
        set_timeout(
            || focus_by_id("review-pane-heading"),
            Duration::from_millis(0),
        );
    }

    fn close_review(&self) {
        self.flush();
        let previous = self.open.get_untracked();
        self.open.set(None);
        if let Some(id) = previous {
            set_timeout(
                move || focus_by_id(&review_button_id(&id)),
                Duration::from_millis(0),
            );
        }
    }
}

fn section_dom_id(section_id: &str) -> String {
    let safe: String = section_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("rs-{safe}")
}

fn review_button_id(file_id: &str) -> String {
    format!("review-open-{file_id}")
}

fn centre_label(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        lang.strings().unnamed_centre.to_string()
    } else {
        name.trim().to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// The view
//
// Texts are rendered from a language snapshot: a block re-renders when the language changes
// (rare) instead of every label carrying its own reactive closure, which keeps the wasm small.
// ---------------------------------------------------------------------------------------------

#[component]
pub fn ReviewView() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let ws = Workspace::new(shell);
    provide_context(ws);
    ws.restore();

    // Write pending reviews when the page is hidden or closed, and when leaving the view.
    super::session::flush_when_leaving(move || ws.flush());
    // Another tab of this browser opened, reviewed or removed files: show the same workspace.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        // No key: the other tab cleared all of this site's storage.
        let concerns_workspace = ev
            .key()
            .is_none_or(|k| k.starts_with(thc_core::store::workspace::ENTRY_PREFIX));
        if concerns_workspace {
            if let Some(pending) = ws.sync_timer.get_value() {
                pending.clear();
            }
            let handle =
                set_timeout_with_handle(move || ws.follow_other_tab(), OTHER_TAB_DELAY).ok();
            ws.sync_timer.set_value(handle);
        }
    });
    on_cleanup(move || {
        other_tab.remove();
        if let Some(pending) = ws.sync_timer.get_value() {
            pending.clear();
        }
    });

    view! {
        <section class="view review-view">
            {move || match ws.open.get() {
                Some(id) => view! { <ReviewPane file_id=id /> }.into_any(),
                None => view! { <Overview /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let has_files = Memo::new(move |_| ws.state.with(|st| !st.is_empty()));
    let heading = move || {
        let lang = ws.lang.get();
        view! {
            <h1>{lang.strings().review_title}</h1>
            <p class="muted">{lang.strings().review.intro}</p>
        }
    };
    let body = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        if !has_files.get() {
            return view! { <p class="muted empty">{s.workspace_empty}</p> }.into_any();
        }
        let current = ws.tab.get();
        let tabs = [
            (Tab::Rollup, s.tab_rollup),
            (Tab::Criterion, s.tab_criterion),
            (Tab::Compare, s.tab_compare),
        ]
        .into_iter()
        .map(|(tab, label)| {
            let pressed = if tab == current { "true" } else { "false" };
            view! { <button type="button" aria-pressed=pressed on:click=move |_| ws.tab.set(tab)>{label}</button> }
        })
        .collect_view();
        let content = match current {
            Tab::Rollup => view! { <RollupTable /> }.into_any(),
            Tab::Criterion => view! { <CriterionAcross /> }.into_any(),
            Tab::Compare => view! { <CompareView /> }.into_any(),
        };
        view! {
            <div class="review-tabs" role="group" aria-label=s.views_label>{tabs}</div>
            <CataloguePick />
            <RemoveConfirm />
            {content}
        }
        .into_any()
    };
    view! {
        {heading}
        <OpenFiles />
        {body}
    }
}

/// The file picker (several at once) and drop zone, with what the last batch came to.
#[component]
fn OpenFiles() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let reading = RwSignal::new(None::<u32>);
    let take = move |list: web_sys::FileList| {
        let n = list.length();
        if n == 0 {
            return;
        }
        reading.set(Some(n));
        ws.report.set(None);
        read_all(list, move |batch| {
            ws.add_batch(batch);
            reading.set(None);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            take(list);
        }
        // Choosing the same files again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            take(list);
        }
    };
    let status = move || {
        let s = ws.s();
        let reading = reading
            .get()
            .map(|n| view! { <p class="muted" role="status">{s.reading.replace("{n}", &n.to_string())}</p> });
        let report = ws.report.get().map(|r| {
            let loaded = (r.loaded > 0).then(|| {
                view! {
                    <p class="notice notice-warning" role="status">{s.loaded_count.replace("{n}", &r.loaded.to_string())}</p>
                }
            });
            let refused = (!r.refused.is_empty()).then(|| {
                let lines = r
                    .refused
                    .iter()
                    .map(|line| view! { <li>{line.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="notice notice-error refused-files" role="alert">
                        <div><p>{s.refused_heading}</p><ul>{lines}</ul></div>
                    </div>
                }
            });
            let not_kept = (!r.not_kept.is_empty()).then(|| {
                let text = s
                    .not_kept
                    .replace("{n}", &r.not_kept.len().to_string())
                    .replace("{reason}", r.storage_message.as_deref().unwrap_or(""));
                view! { <div class="notice notice-error" role="alert"><p>{text}</p></div> }
            });
            view! { <div class="load-report">{loaded}{refused}{not_kept}</div> }
        });
        (reading, report)
    };
    let panel = move || {
        let s = ws.s();
        view! {
            <h2 id="open-files-heading">{s.open_heading}</h2>
            <div class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <div class="field">
                    <label for="review-files">{s.choose_files}</label>
                    <input type="file" id="review-files" multiple accept=".json,application/json" on:change=on_pick />
                </div>
                <p class="help">{s.drop_zone}</p>
            </div>
        }
    };
    view! {
        <section class="panel open-files" aria-labelledby="open-files-heading">
            {panel}
            {status}
        </section>
    }
}

/// Which catalogue the roll-up shows, when the files use more than one.
#[component]
fn CataloguePick() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    move || {
        let uses = ws
            .state
            .with(|st| thc_core::county::catalogues_in(st.files().iter().map(Arc::as_ref)));
        if uses.len() < 2 {
            return ().into_any();
        }
        let current = ws.current_catalogue();
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let options = uses
            .into_iter()
            .map(|u| {
                let selected = current.as_deref() == Some(u.id.as_str());
                let label = s
                    .catalogue_option
                    .replace("{title}", u.title.get(lang))
                    .replace("{n}", &u.files.to_string());
                view! { <option value=u.id selected=selected>{label}</option> }
            })
            .collect_view();
        view! {
            <div class="field catalogue-pick">
                <label for="review-catalogue">{s.catalogue_pick}</label>
                <select id="review-catalogue" on:change=move |ev| ws.catalogue_id.set(Some(event_target_value(&ev)))>
                    {options}
                </select>
            </div>
        }
        .into_any()
    }
}

/// Asks before a file leaves the workspace.
#[component]
fn RemoveConfirm() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    move || {
        let id = ws.removing.get()?;
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let file = ws.file(&id)?;
        let name = centre_label(file.centre_name().unwrap_or_default(), lang);
        let question = s
            .remove_confirm
            .replace("{centre}", &name)
            .replace("{file}", &file.file_name);
        set_timeout(|| focus_by_id("remove-confirm"), Duration::from_millis(0));
        Some(view! {
            <div class="inline-form confirm panel" id="remove-confirm" tabindex="-1" role="alertdialog" aria-label=s.remove_title>
                <p>{question}</p>
                <button type="button" class="danger" on:click=move |_| ws.remove(&id)>{s.remove_confirm_button}</button>
                <button type="button" on:click=move |_| ws.removing.set(None)>{lang.strings().cancel}</button>
            </div>
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Roll-up
// ---------------------------------------------------------------------------------------------

/// The roll-up rows the table shows: filtered, then sorted.
fn shown_rows(
    rollup: &thc_core::county::Rollup,
    filter: &RollupFilter,
    sort: (SortKey, SortDirection),
) -> Vec<RollupRow> {
    let mut rows: Vec<RollupRow> = rollup
        .rows
        .iter()
        .filter(|row| row.matches(filter))
        .cloned()
        .collect();
    thc_core::county::sort_rows(&mut rows, sort.0, sort.1, &name_collation());
    rows
}

/// Chinese collation from the browser's `Intl.Collator` ("zh-CN": pinyin, the order Excel gives
/// a county reviewer), so 白水 comes before 东岭. Names the collator finds equal fall back to code
/// point order, keeping the order total; so does a failed call.
fn name_collation() -> impl Fn(&str, &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let locales = js_sys::Array::of1(&JsValue::from_str("zh-CN"));
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    move |a: &str, b: &str| {
        let collated = compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|n| n.as_f64())
            .map(|n| {
                if n < 0.0 {
                    Ordering::Less
                } else if n > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                }
            })
            .unwrap_or(Ordering::Equal);
        collated.then_with(|| thc_core::county::code_point_order(a, b))
    }
}

#[component]
fn RollupTable() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let sort = RwSignal::new((SortKey::Centre, SortDirection::Ascending));
    let filter_text = RwSignal::new(String::new());
    let filter_status = RwSignal::new(None::<ReviewStatus>);
    let filter = move || RollupFilter {
        text: filter_text.get(),
        status: filter_status.get(),
    };

    let rollup = Memo::new(move |_| {
        let catalogue = ws.current_catalogue().unwrap_or_default();
        ws.state.with(|st| {
            let files = st.files();
            thc_core::county::rollup(
                files.iter().map(|f| (f.as_ref(), st.review(&f.id))),
                &catalogue,
            )
        })
    });

    let export = move |_| {
        let lang = ws.lang.get_untracked();
        let at = now();
        let bytes = rollup.with_untracked(|r| {
            let rows = shown_rows(r, &untrack(filter), sort.get_untracked());
            let refs: Vec<&RollupRow> = rows.iter().collect();
            thc_core::county::rollup_xlsx(r, &refs, lang, at)
        });
        if download(&thc_core::county::rollup_file_name(at), &bytes, XLSX_TYPE).is_err() {
            ws.shell.notify(
                NoticeKind::Error,
                lang.strings().exchange.download_failed.to_string(),
            );
        }
    };

    let toolbar = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let current = untrack(move || filter_status.get()).map(ReviewStatus::key);
        let options = ReviewStatus::ALL
            .into_iter()
            .map(|st| {
                let selected = current == Some(st.key());
                view! { <option value=st.key() selected=selected>{st.label(lang)}</option> }
            })
            .collect_view();
        view! {
            <h2 id="rollup-heading">{s.rollup_heading}</h2>
            <div class="toolbar rollup-filters">
                <div class="field">
                    <label for="rollup-filter">{s.filter_text}</label>
                    <input type="search" id="rollup-filter" maxlength="100" prop:value=move || filter_text.get()
                        on:input=move |ev| filter_text.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="rollup-status">{s.filter_status}</label>
                    <select id="rollup-status" on:change=move |ev| filter_status.set(ReviewStatus::from_key(&event_target_value(&ev)))>
                        <option value="all" selected=current.is_none()>{s.status_all}</option>
                        {options}
                    </select>
                </div>
                <button type="button" on:click=export>{s.export_xlsx}</button>
            </div>
        }
    };

    let table = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let (sort_key, direction) = sort.get();
        let r = rollup.get();
        let rows = shown_rows(&r, &filter(), (sort_key, direction));
        let graded = !r.tiers.is_empty();
        let header = |key: SortKey, label: String| {
            let (aria, mark) = if key == sort_key {
                (
                    direction.aria(),
                    match direction {
                        SortDirection::Ascending => " ▲",
                        SortDirection::Descending => " ▼",
                    },
                )
            } else {
                ("none", "")
            };
            view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="sort" on:click=move |_| sort.update(|(k, d)| {
                        if *k == key { *d = d.flipped(); } else { *k = key; *d = SortDirection::Ascending; }
                    })>{label}<span class="sort-mark" aria-hidden="true">{mark}</span></button>
                </th>
            }
        };
        let mut heads = vec![
            header(SortKey::Centre, s.col_centre.to_string()),
            header(SortKey::County, s.col_county.to_string()),
            header(SortKey::CentreType, s.col_type.to_string()),
            header(SortKey::BedClass, s.col_beds.to_string()),
            header(SortKey::Progress, s.col_progress.to_string()),
        ];
        for (i, col) in r.sections.iter().enumerate() {
            heads.push(header(SortKey::Section(i), col.title.get(lang).to_string()));
        }
        heads.push(header(SortKey::Overall, s.col_overall.to_string()));
        if graded {
            heads.push(header(SortKey::Tier, s.col_tier.to_string()));
        }
        heads.push(header(SortKey::Gaps, s.col_gaps.to_string()));
        heads.push(header(SortKey::Status, s.col_status.to_string()));
        let not_kept = ws.state.with(|st| st.not_kept());
        let count = s
            .showing
            .replace("{shown}", &rows.len().to_string())
            .replace("{total}", &r.rows.len().to_string());
        let body = rows
            .iter()
            .map(|row| {
                let name = centre_label(&row.centre_name, lang);
                let open_id = row.file_id.clone();
                let remove_id = row.file_id.clone();
                let kept = !not_kept.contains(&row.file_id);
                let year = row.year.map(|y| format!(" · {y}")).unwrap_or_default();
                let mut cells: Vec<String> = Vec::with_capacity(row.sections.len() + 2);
                cells.push(thc_core::county::percent_text(&row.progress));
                cells.extend(row.sections.iter().map(|f| {
                    f.as_ref()
                        .map(thc_core::county::percent_text)
                        .unwrap_or_else(|| "—".to_string())
                }));
                cells.push(thc_core::county::percent_text(&row.overall));
                let numbers = cells
                    .into_iter()
                    .map(|c| view! { <td class="num">{c}</td> })
                    .collect_view();
                let tier = graded.then(|| view! { <td>{thc_core::county::tier_text(&r, row, lang)}</td> });
                view! {
                    <tr>
                        <th scope="row">
                            <span class="centre-name">{name.clone()}</span>{year}
                            {(!kept).then(|| view! { <span class="badge badge-warn">{s.not_kept_badge}</span> })}
                            <span class="file-name">{row.file_name.clone()}</span>
                        </th>
                        <td>{row.county.clone()}</td>
                        <td>{thc_core::county::type_text(row, lang)}</td>
                        <td>{thc_core::county::bed_text(row, lang)}</td>
                        {numbers}
                        {tier}
                        <td class="num">{row.gaps.to_string()}</td>
                        <td><span class=format!("status status-{}", row.status.key())>{row.status.label(lang)}</span></td>
                        <td class="row-actions">
                            <button type="button" class="primary" id=review_button_id(&row.file_id)
                                aria-label=format!("{} {}", s.review_button, name)
                                on:click=move |_| ws.open_review(&open_id)>{s.review_button}</button>
                            <button type="button" aria-label=format!("{} {}", s.remove_button, name)
                                on:click=move |_| ws.removing.set(Some(remove_id.clone()))>{s.remove_button}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="muted rollup-count" role="status">{count}</p>
            {rows.is_empty().then(|| view! { <p class="muted">{s.no_rows}</p> })}
            <div class="table-scroll" role="region" aria-labelledby="rollup-heading" tabindex="0">
                <table class="rollup">
                    <thead><tr>{heads}<th scope="col">{s.col_actions}</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };

    view! {
        <section class="rollup-view" aria-labelledby="rollup-heading">
            {toolbar}
            {table}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// One criterion across centres
// ---------------------------------------------------------------------------------------------

#[component]
fn CriterionAcross() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let picked = RwSignal::new(None::<String>);
    let only_failing = RwSignal::new(false);

    let toolbar = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let catalogue_id = ws.current_catalogue();
        // The catalogue of the first file that uses the current catalogue id.
        let file = ws.state.with(|st| {
            st.files()
                .into_iter()
                .find(|x| Some(&x.catalogue().id) == catalogue_id.as_ref())
        });
        let current = untrack(move || picked.get());
        let options = file.map(|file| {
            let c: &Catalogue = file.catalogue();
            c.sections
                .iter()
                .map(|section| {
                    let items = section
                        .criteria
                        .iter()
                        .map(|cr| {
                            let selected = current.as_deref() == Some(cr.id.as_str());
                            view! { <option value=cr.id.clone() selected=selected>{text(&cr.title, lang)}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=text(&section.title, lang)>{items}</optgroup> }
                })
                .collect_view()
        });
        view! {
            <h2 id="across-heading">{s.criterion_heading}</h2>
            <div class="toolbar">
                <div class="field">
                    <label for="criterion-pick">{s.pick_criterion}</label>
                    <select id="criterion-pick" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        picked.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=current.is_none()>{s.pick_criterion_placeholder}</option>
                        {options}
                    </select>
                </div>
                <div class="check-row">
                    <input type="checkbox" id="only-failing" prop:checked=move || only_failing.get()
                        on:change=move |ev| only_failing.set(event_target_checked(&ev)) />
                    <label for="only-failing">{s.only_failing}</label>
                </div>
            </div>
        }
    };

    let table = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let Some(id) = picked.get() else {
            return view! { <p class="muted">{s.pick_criterion_hint}</p> }.into_any();
        };
        let catalogue_id = ws.current_catalogue().unwrap_or_default();
        let rows = ws.state.with(|st| {
            let files = st.files();
            {
                thc_core::county::criterion_across(
                    files
                        .iter()
                        .filter(|f| f.catalogue().id == catalogue_id)
                        .map(|f| (f.as_ref(), st.review(&f.id))),
                    &id,
                    false,
                    lang,
                    &name_collation(),
                )
            }
        });
        let failing = rows.iter().filter(|r| r.verdict.needs_action()).count();
        let summary = s
            .criterion_count
            .replace("{n}", &failing.to_string())
            .replace("{total}", &rows.len().to_string());
        let only = only_failing.get();
        let body = rows
            .into_iter()
            .filter(|r| !only || r.verdict.needs_action())
            .map(|r| {
                let review_line = r
                    .review
                    .as_ref()
                    .map(|i| thc_core::present::review::item_text(i, lang))
                    .unwrap_or_default();
                view! {
                    <tr class=verdict_class(r.verdict)>
                        <th scope="row">{centre_label(&r.centre_name, lang)}</th>
                        <td>{r.county}</td>
                        <td class="verdict">{explain::verdict_label(r.verdict, lang)}</td>
                        <td>{r.figure}</td>
                        <td>{r.evidence}</td>
                        <td>{review_line}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="muted" role="status">{summary}</p>
            <div class="table-scroll" role="region" aria-labelledby="across-heading" tabindex="0">
                <table class="across">
                    <thead><tr>
                        <th scope="col">{s.col_centre}</th>
                        <th scope="col">{s.col_county}</th>
                        <th scope="col">{s.col_director_verdict}</th>
                        <th scope="col">{s.col_figure}</th>
                        <th scope="col">{s.col_evidence}</th>
                        <th scope="col">{s.col_review}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="across-view" aria-labelledby="across-heading">
            {toolbar}
            {table}
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// Two files of one centre
// ---------------------------------------------------------------------------------------------

fn file_option_label(f: &CentreFile, lang: Lang) -> String {
    let a = f.assessment();
    lang.strings()
        .review
        .file_option
        .replace("{file}", &f.file_name)
        .replace(
            "{year}",
            &a.profile.year.map(|y| y.to_string()).unwrap_or_default(),
        )
        .replace(
            "{date}",
            &thc_core::base::dates::ymd_hm(&f.imported.exported_at),
        )
}

#[component]
fn CompareView() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let centre = RwSignal::new(None::<String>);
    let before = RwSignal::new(None::<String>);
    let after = RwSignal::new(None::<String>);

    let body = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        // Groups of files of the same centre (oldest first), by file id.
        let groups: Vec<(String, Vec<Arc<CentreFile>>)> = ws.state.with(|st| {
            let files = st.files();
            let refs: Vec<&CentreFile> = files.iter().map(Arc::as_ref).collect();
            thc_core::county::same_centre_groups(&refs)
                .into_iter()
                .map(|(name, g)| {
                    let ids: Vec<Arc<CentreFile>> = g
                        .iter()
                        .filter_map(|f| files.iter().find(|x| x.id == f.id).cloned())
                        .collect();
                    (name, ids)
                })
                .collect()
        });
        let heading = view! {
            <h2 id="compare-heading">{s.compare_heading}</h2>
            <p class="muted">{s.compare_intro}</p>
        };
        let picked = centre.get();
        let Some((name, group)) = groups
            .iter()
            .find(|(n, _)| Some(n) == picked.as_ref())
            .or_else(|| groups.first())
            .cloned()
        else {
            return view! { {heading}<p class="muted">{s.compare_none}</p> }.into_any();
        };
        let choose = |signal: RwSignal<Option<String>>, fallback: Option<&Arc<CentreFile>>| {
            signal
                .get()
                .and_then(|id| group.iter().find(|f| f.id == id).cloned())
                .or_else(|| fallback.cloned())
        };
        let (Some(b), Some(a)) = (choose(before, group.first()), choose(after, group.last()))
        else {
            return heading.into_any();
        };
        let file_options = |current: &str| {
            group
                .iter()
                .map(|f| {
                    let selected = f.id == current;
                    view! { <option value=f.id.clone() selected=selected>{file_option_label(f, lang)}</option> }
                })
                .collect_view()
        };
        let centre_options = groups
            .iter()
            .map(|(n, _)| {
                let selected = *n == name;
                view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
            })
            .collect_view();
        let result = if b.id == a.id {
            view! { <p class="muted">{s.compare_same_file}</p> }.into_any()
        } else if b.catalogue().id != a.catalogue().id {
            view! { <p class="field-warning">{s.compare_different_catalogue}</p> }.into_any()
        } else {
            comparison_view(&b, &a, lang).into_any()
        };
        view! {
            {heading}
            <div class="toolbar compare-pick">
                <div class="field">
                    <label for="compare-centre">{s.compare_centre}</label>
                    <select id="compare-centre" on:change=move |ev| {
                        centre.set(Some(event_target_value(&ev)));
                        before.set(None);
                        after.set(None);
                    }>{centre_options}</select>
                </div>
                <div class="field">
                    <label for="compare-before">{s.compare_before}</label>
                    <select id="compare-before" on:change=move |ev| before.set(Some(event_target_value(&ev)))>{file_options(&b.id)}</select>
                </div>
                <div class="field">
                    <label for="compare-after">{s.compare_after}</label>
                    <select id="compare-after" on:change=move |ev| after.set(Some(event_target_value(&ev)))>{file_options(&a.id)}</select>
                </div>
            </div>
            {result}
        }
        .into_any()
    };
    view! {
        <section class="compare-view" aria-labelledby="compare-heading">{body}</section>
    }
}

/// What changed between two files of one centre.
fn comparison_view(before: &CentreFile, after: &CentreFile, lang: Lang) -> impl IntoView {
    let s = lang.strings().review;
    let catalogue = after.catalogue();
    let c = thc_core::county::compare(catalogue, before.assessment(), after.assessment());
    let overall = s
        .compare_overall
        .replace(
            "{before}",
            &thc_core::county::percent_text(&c.before.overall.compliance()),
        )
        .replace(
            "{after}",
            &thc_core::county::percent_text(&c.after.overall.compliance()),
        )
        .replace("{gaps_before}", &c.before.gaps.len().to_string())
        .replace("{gaps_after}", &c.after.gaps.len().to_string());
    let sections = c
        .sections
        .iter()
        .map(|d| {
            let title = catalogue.section(&d.section_id)
                .map(|x| text(&x.title, lang))
                .unwrap_or_default();
            let b = thc_core::county::percent_text(&d.before.compliance());
            let a = thc_core::county::percent_text(&d.after.compliance());
            view! { <tr><th scope="row">{title}</th><td class="num">{b}</td><td class="num">{a}</td></tr> }
        })
        .collect_view();
    let lists = ChangeKind::ALL
        .into_iter()
        .map(|kind| {
            let items: Vec<_> = c
                .of_kind(kind)
                .map(|ch| {
                    let title = catalogue
                        .find_criterion(&ch.criterion_id)
                        .map(|x| text(&x.criterion.title, lang))
                        .unwrap_or_else(|| ch.criterion_id.clone());
                    let figure = |r: Option<&thc_core::evaluation::CriterionResult>| {
                        r.map(|r| explain::explain(catalogue, r, lang))
                            .unwrap_or_default()
                    };
                    let verdicts = format!(
                        "{} → {}",
                        explain::verdict_label(ch.before, lang),
                        explain::verdict_label(ch.after, lang)
                    );
                    view! {
                        <li>
                            <strong>{title}</strong>{" "}<span class="verdict-change">{verdicts}</span>
                            <p class="figure">{s.before_label}{figure(c.before_result(ch))}</p>
                            <p class="figure">{s.after_label}{figure(c.after_result(ch))}</p>
                        </li>
                    }
                })
                .collect();
            let heading = format!("{}（{}）", kind.label(lang), items.len());
            let list = if items.is_empty() {
                view! { <p class="muted">{s.compare_nothing}</p> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            };
            view! {
                <section class=format!("change-list change-{}", kind.key())>
                    <h3>{heading}</h3>
                    {list}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="comparison">
            <p class="overall">{overall}</p>
            <div class="table-scroll" role="region" aria-label=s.compare_sections tabindex="0">
                <table class="compare-sections">
                    <thead><tr>
                        <th scope="col">{s.col_section}</th>
                        <th scope="col">{s.compare_before}</th>
                        <th scope="col">{s.compare_after}</th>
                    </tr></thead>
                    <tbody>{sections}</tbody>
                </table>
            </div>
            {lists}
        </div>
    }
}

// ---------------------------------------------------------------------------------------------
// Reviewing one centre
// ---------------------------------------------------------------------------------------------

#[component]
fn ReviewPane(file_id: String) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let Some(file) = ws.file(&file_id) else {
        return (move || {
            let lang = ws.lang.get();
            view! {
                <p>{lang.strings().not_found_title}</p>
                <button type="button" on:click=move |_| ws.close_review()>{lang.strings().review.back}</button>
            }
        })
        .into_any();
    };
    let only_gaps = RwSignal::new(false);
    let only_open = RwSignal::new(false);

    // Only the language re-renders the whole pane; edits update their own controls.
    (move || {
        let lang = ws.lang.get();
        let t = lang.strings();
        let s = t.review;
        let x = t.exchange;
        let a = file.assessment();
        let e = &file.evaluation;
        let catalogue = file.catalogue();
        let name = centre_label(a.profile.centre_name.as_str(), lang);
        let heading = match a.profile.year {
            Some(y) => format!("{name} · {y}"),
            None => name,
        };
        let beds = catalogue
            .beds_input
            .as_ref()
            .and_then(|b| a.inputs.get(b).copied());
        let facts: Vec<(&'static str, String)> = vec![
            (x.info_county, a.profile.county.clone()),
            (
                s.col_type,
                a.profile
                    .centre_type
                    .map(|t| t.label(lang).to_string())
                    .unwrap_or_else(|| s.not_entered.to_string()),
            ),
            (
                s.col_beds,
                beds.map(|b| {
                    s.beds_value
                        .replace("{beds}", &thc_core::base::exact::format_thousands(b))
                        .replace("{class}", thc_core::catalogue::BedClass::of(b).label(lang))
                })
                .unwrap_or_else(|| s.not_entered.to_string()),
            ),
            (x.info_filled_by, a.profile.filled_by.clone()),
            (x.info_catalogue, text(&catalogue.title, lang)),
            (s.col_file, file.file_name.clone()),
            (
                x.info_exported,
                thc_core::base::dates::ymd_hm(&file.imported.exported_at),
            ),
        ];
        let facts = facts
            .into_iter()
            .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
            .collect_view();
        let earlier = file.file_review.as_ref().map(|r| {
            view! { <p class="notice notice-warning" role="status">{s.earlier_review}{" "}{r.signed_line(lang)}</p> }
        });
        let tiers = e.tiers.as_ref().map(|report| {
            let items = report
                .tiers
                .iter()
                .map(|o| view! { <li>{explain::tier_line(catalogue, o, lang)}</li> })
                .collect_view();
            view! { <ul class="tiers">{items}</ul> }
        });
        let total = e
            .results
            .iter()
            .filter(|r| r.verdict != Verdict::NotApplicable)
            .count();
        let id = file.id.clone();
        let tally = move || {
            let t = ws
                .state
                .with(|st| st.review(&id).map(Review::tally))
                .unwrap_or_default();
            let reviewed = (t.agree + t.disagree + t.needs_evidence) as usize;
            s.tally
                .replace("{agree}", &t.agree.to_string())
                .replace("{disagree}", &t.disagree.to_string())
                .replace("{needs}", &t.needs_evidence.to_string())
                .replace("{open}", &total.saturating_sub(reviewed).to_string())
        };
        // Buttons, not links: the URL fragment is the router's.
        let jump = catalogue
            .sections
            .iter()
            .map(|section| {
                let target = section_dom_id(&section.id);
                view! {
                    <li><button type="button" class="link-button" on:click=move |_| {
                        if let Some(el) = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(&target))
                        {
                            el.scroll_into_view();
                        }
                        focus_by_id(&target);
                    }>{text(&section.title, lang)}</button></li>
                }
            })
            .collect_view();
        let sections = catalogue
            .sections
            .iter()
            .enumerate()
            .map(|(si, section)| {
                let summary = e
                    .sections
                    .get(si)
                    .map(|x| explain::summary_line(&x.summary, lang))
                    .unwrap_or_default();
                let items = section
                    .criteria
                    .iter()
                    .map(|criterion| review_item(&file, &criterion.id, only_gaps, only_open, lang))
                    .collect_view();
                view! {
                    <section class="review-section" id=section_dom_id(&section.id) tabindex="-1">
                        <h2>{text(&section.title, lang)}</h2>
                        <p class="muted">{summary}</p>
                        {items}
                    </section>
                }
            })
            .collect_view();
        let save_note = move || {
            ws.save_note.get().map(|n| match n {
                SaveNote::Saved(at) => view! { <span class="save-indicator" role="status">{s.saved.replace("{time}", &clock_time(&at))}</span> }.into_any(),
                SaveNote::Pending => view! { <span class="save-indicator" role="status">{t.saving}</span> }.into_any(),
                SaveNote::Failed(m) => view! { <span class="save-indicator field-error" role="alert">{m}</span> }.into_any(),
            })
        };
        let not_kept = {
            let id = file.id.clone();
            move || {
                ws.state
                    .with(|st| st.get(&id).is_some_and(|o| !o.kept))
                    .then(|| view! { <p class="field-warning">{s.not_kept_note}</p> })
            }
        };
        let remove_id = file.id.clone();
        view! {
            <div class="review-pane">
                <div class="button-row no-print">
                    <button type="button" on:click=move |_| ws.close_review()>{s.back}</button>
                </div>
                <div class="editor-header">
                    <div>
                        <h1 id="review-pane-heading" tabindex="-1">{s.review_heading.replace("{centre}", &heading)}</h1>
                        <p class="import-verified">{s.verified}</p>
                    </div>
                    <div class="editor-actions">{save_note}</div>
                </div>
                {not_kept}
                {earlier}
                <dl class="import-facts review-facts">{facts}</dl>
                <p class="overall">{explain::summary_line(&e.overall, lang)}</p>
                {tiers}
                <p class="tally" role="status">{tally}</p>
                <div class="toolbar">
                    <div class="check-row">
                        <input type="checkbox" id="review-only-gaps" prop:checked=move || only_gaps.get()
                            on:change=move |ev| only_gaps.set(event_target_checked(&ev)) />
                        <label for="review-only-gaps">{s.only_gaps}</label>
                    </div>
                    <div class="check-row">
                        <input type="checkbox" id="review-only-open" prop:checked=move || only_open.get()
                            on:change=move |ev| only_open.set(event_target_checked(&ev)) />
                        <label for="review-only-open">{s.only_open}</label>
                    </div>
                </div>
                <nav class="section-jump" aria-label=t.sections_label>
                    <ul>{jump}</ul>
                </nav>
                {sections}
                <SignOff file=file.clone() lang=lang />
                <div class="button-row">
                    <button type="button" on:click=move |_| ws.removing.set(Some(remove_id.clone()))>{s.remove_button}</button>
                </div>
                <RemoveConfirm />
            </div>
        }
    })
    .into_any()
}

/// One criterion: the director's answer read-only, and the reviewer's verdict and comment.
fn review_item(
    file: &Arc<CentreFile>,
    criterion_id: &str,
    only_gaps: RwSignal<bool>,
    only_open: RwSignal<bool>,
    lang: Lang,
) -> AnyView {
    let ws = expect_context::<Workspace>();
    let s = lang.strings().review;
    let catalogue = file.catalogue();
    let (Some(found), Some(result)) = (
        catalogue.find_criterion(criterion_id),
        file.evaluation.result(criterion_id),
    ) else {
        return ().into_any();
    };
    let criterion = found.criterion;
    let record = file
        .assessment()
        .item(criterion_id)
        .cloned()
        .unwrap_or_default();
    let verdict = result.verdict;
    let dom = format!("r{}", card_dom_id(criterion_id));
    let heading_id = format!("{dom}-title");
    let comment_id = format!("{dom}-comment");
    let group = format!("{dom}-verdict");

    let fid = file.id.clone();
    let cid = criterion_id.to_string();
    let item = Memo::new(move |_| {
        ws.state
            .with(|st| st.review(&fid).and_then(|r| r.item(&cid)).cloned())
    });
    let hidden = move || {
        (only_gaps.get() && !verdict.needs_action())
            || (only_open.get() && item.with(|i| i.as_ref().is_some_and(|i| i.verdict.is_some())))
    };

    // Numeric-input criteria show the figures entered.
    let inputs = match &criterion.kind {
        CriterionKind::NumericInputs { inputs } => {
            let rows = inputs
                .iter()
                .filter_map(|id| {
                    let def = catalogue.input(id)?;
                    let value = file
                        .assessment()
                        .input(id)
                        .map(|v| format_value(v, def.kind))
                        .unwrap_or_else(|| s.not_entered.to_string());
                    Some(view! { <li>{text(&def.label, lang)}{"："}{value}</li> })
                })
                .collect_view();
            Some(view! { <ul class="inputs">{rows}</ul> })
        }
        _ => None,
    };
    let evidence = record.evidence.trim().to_string();
    let evidence = (!evidence.is_empty()).then(|| {
        let prefix = if record.not_applicable {
            s.na_reason_prefix
        } else {
            s.evidence_prefix
        };
        view! { <p class="director-evidence">{prefix}{evidence}</p> }
    });
    let action = record.action.as_ref().map(|a| {
        let deadline = a.deadline.map(|d| d.ymd()).unwrap_or_default();
        let line = format!("{} {} {}", a.measure, a.owner, deadline)
            .trim()
            .to_string();
        view! { <p class="director-action">{s.action_prefix}{line}</p> }
    });
    let radios = ItemVerdict::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .map(|choice| {
            let fid = file.id.clone();
            let cid = criterion_id.to_string();
            let input_id = format!("{group}-{}", choice.map(ItemVerdict::key).unwrap_or("none"));
            let label = choice.map(|v| v.label(lang)).unwrap_or(s.verdict_none);
            view! {
                <span class="radio">
                    <input type="radio" name=group.clone() id=input_id.clone()
                        prop:checked=move || item.with(|i| i.as_ref().and_then(|i| i.verdict)) == choice
                        on:change=move |_| {
                            let cid = cid.clone();
                            ws.edit(&fid, move |r| r.set_verdict(&cid, choice));
                        } />
                    <label for=input_id>{label}</label>
                </span>
            }
        })
        .collect_view();
    let fid_comment = file.id.clone();
    let cid_comment = criterion_id.to_string();
    let director = format!(
        "{}{}",
        s.director_prefix,
        explain::verdict_label(verdict, lang)
    );
    view! {
        <article class=format!("criterion review-item {}", verdict_class(verdict)) id=dom
            aria-labelledby=heading_id.clone() hidden=hidden>
            <header class="criterion-head">
                <h3 id=heading_id.clone()>{text(&criterion.title, lang)}</h3>
                <span class="badge">{explain::importance_label(criterion.importance, lang)}</span>
                <span class="verdict">{director}</span>
            </header>
            <p class="figure">{explain::explain(catalogue, result, lang)}</p>
            {inputs}
            {evidence}
            {action}
            <fieldset class="review-choice">
                <legend>{s.item_verdict}</legend>
                {radios}
            </fieldset>
            <div class="field">
                <label for=comment_id.clone()>{s.item_comment}</label>
                <textarea id=comment_id rows="2" maxlength="4000"
                    prop:value=move || item.with(|i| i.as_ref().map(|i| i.comment.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let cid = cid_comment.clone();
                        ws.edit(&fid_comment, move |r| r.set_comment(&cid, &v));
                    }></textarea>
            </div>
        </article>
    }
    .into_any()
}

/// Reviewer, date, conclusion, overall comment; export of the reviewed file.
#[component]
fn SignOff(file: Arc<CentreFile>, lang: Lang) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let s = lang.strings().review;
    let fid = file.id.clone();
    let review = {
        let fid = fid.clone();
        let file = file.clone();
        Memo::new(move |_| {
            ws.state
                .with(|st| st.review(&fid).cloned())
                .unwrap_or_else(|| file.starting_review(today()))
        })
    };
    let problems = RwSignal::new(Vec::<String>::new());
    let exported = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(false);
    let edit = move |change: Box<dyn FnOnce(&mut Review)>| {
        exported.set(None);
        ws.edit(&fid, change);
    };
    let export = {
        let file = file.clone();
        move |_| {
            let r = review.get_untracked();
            let at = now();
            match file.export_reviewed(&r, at) {
                Err(list) => {
                    problems.set(
                        list.iter()
                            .map(|p| p.message(file.catalogue(), lang))
                            .collect(),
                    );
                    set_timeout(|| focus_by_id("signoff-problems"), Duration::from_millis(0));
                }
                Ok(json) => {
                    problems.set(Vec::new());
                    ws.flush();
                    let name = thc_core::county::reviewed_file_name(file.assessment(), at);
                    match download(&name, json.as_bytes(), JSON_TYPE) {
                        Ok(()) => exported.set(Some(name)),
                        Err(_) => ws.shell.notify(
                            NoticeKind::Error,
                            lang.strings().exchange.download_failed.to_string(),
                        ),
                    }
                }
            }
        }
    };
    let conclusions = Conclusion::ALL
        .into_iter()
        .map(|c| {
            let input_id = format!("conclusion-{}", c.key());
            let edit = edit.clone();
            view! {
                <span class="radio">
                    <input type="radio" name="review-conclusion" id=input_id.clone()
                        prop:checked=move || review.with(|r| r.conclusion == Some(c))
                        on:change=move |_| edit(Box::new(move |r| r.conclusion = Some(c))) />
                    <label for=input_id>{c.label(lang)}</label>
                </span>
            }
        })
        .collect_view();
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    view! {
        <section class="panel signoff" aria-labelledby="signoff-heading">
            <h2 id="signoff-heading">{s.signoff_heading}</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="review-reviewer">{s.reviewer_name}</label>
                    <input type="text" id="review-reviewer" maxlength="100" autocomplete="name"
                        prop:value=move || review.with(|r| r.reviewer.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            e1(Box::new(move |r| r.set_reviewer(&v)));
                        } />
                </div>
                <div class="field">
                    <label for="review-date">{s.reviewed_on}</label>
                    <input type="date" id="review-date" aria-invalid=move || date_error.get().then_some("true")
                        aria-describedby="review-date-error"
                        prop:value=move || review.with(|r| r.reviewed_on.ymd())
                        on:change=move |ev| match thc_core::base::dates::parse_ymd(&event_target_value(&ev)) {
                            Some(d) => {
                                date_error.set(false);
                                e2(Box::new(move |r| r.reviewed_on = d));
                            }
                            None => date_error.set(true),
                        } />
                    <p id="review-date-error" class="field-error" hidden=move || !date_error.get()>{s.date_error}</p>
                </div>
            </div>
            <fieldset class="field">
                <legend>{s.conclusion}</legend>
                {conclusions}
            </fieldset>
            <div class="field">
                <label for="review-comment">{s.overall_comment}</label>
                <textarea id="review-comment" rows="3" maxlength="4000"
                    prop:value=move || review.with(|r| r.comment.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        e3(Box::new(move |r| r.set_overall_comment(&v)));
                    }></textarea>
            </div>
            <p class="help">{s.export_help}</p>
            <div class="button-row">
                <button type="button" class="primary" on:click=export>{s.export_reviewed}</button>
            </div>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| {
                    let items = list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
                    view! {
                        <div class="notice notice-error" id="signoff-problems" tabindex="-1" role="alert">
                            <div><p>{s.signoff_problems}</p><ul>{items}</ul></div>
                        </div>
                    }
                })
            }}
            {move || exported.get().map(|name| view! {
                <p class="notice notice-warning" role="status">{s.exported.replace("{file}", &name)}</p>
            })}
        </section>
    }
}
