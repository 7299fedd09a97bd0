//! Home: the assessments kept in this browser; create, start from last year's, rename, delete
//! (with undo), open.

use leptos::prelude::*;

use super::catalogues::CatalogueLoader;
use super::common::{percent_floor, text};
use super::shell::{NoticeKind, Shell};
use crate::platform::catalogues::{all_catalogues, find_catalogue};
use crate::platform::clock::{clock_time, new_id, now, writer_id};
use crate::platform::dom::navigate;
use crate::platform::storage::{self, SaveResult};
use thc_core::assessment::{Assessment, Profile};
use thc_core::base::dates::CalendarText;
use thc_core::catalogue::Catalogue;
use thc_core::evaluation::evaluate;
use thc_core::store::{LoadOutcome, StoredAssessment};
use thc_core::workflow::route::Route;

/// One row of the list, computed when the list is (re)read.
#[derive(Clone)]
struct Entry {
    id: String,
    stored: Option<StoredAssessment>,
    problem: Option<String>,
    /// (answered, applicable, gaps)
    progress: (u32, u32, u32),
    catalogue: Option<&'static Catalogue>,
}

fn read_entries(lang: thc_core::i18n::Lang) -> Result<Vec<Entry>, String> {
    let listed = storage::list_assessments().map_err(|e| e.message(lang))?;
    let mut entries: Vec<Entry> = listed
        .into_iter()
        .map(|(id, outcome)| {
            let (stored, problem) = match outcome {
                LoadOutcome::Loaded(s) => (Some(s), None),
                LoadOutcome::RecoveredFromBackup { stored, problem } => {
                    (Some(stored), Some(problem.message(lang)))
                }
                LoadOutcome::NewerVersion { problem } => (None, Some(problem.message(lang))),
                LoadOutcome::Unreadable { problem } => (None, Some(problem.message(lang))),
                LoadOutcome::Missing => (None, None),
            };
            let catalogue = stored
                .as_ref()
                .and_then(|s| find_catalogue(&s.assessment.catalogue_id));
            let progress = match (&stored, catalogue) {
                (Some(s), Some(c)) => {
                    let e = evaluate(c, &s.assessment);
                    (
                        e.overall.answered,
                        e.overall.applicable,
                        e.overall.gap + e.overall.partly,
                    )
                }
                _ => (0, 0, 0),
            };
            Entry {
                id,
                stored,
                problem,
                progress,
                catalogue,
            }
        })
        .collect();
    // Most recently saved first.
    thc_core::base::sorting::stable_sort_by(&mut entries, |a, b| {
        let at = |e: &Entry| e.stored.as_ref().map(|s| s.saved_at);
        at(b).cmp(&at(a))
    });
    Ok(entries)
}

#[component]
pub fn HomeView() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let entries = RwSignal::new(Vec::<Entry>::new());
    let refresh = move || match read_entries(lang.get_untracked()) {
        Ok(list) => entries.set(list),
        Err(message) => shell.notify(NoticeKind::Error, message),
    };
    refresh();
    // Another tab created, renamed or deleted an assessment.
    let listener = window_event_listener(leptos::ev::storage, move |_| refresh());
    on_cleanup(move || listener.remove());

    let list = move || {
        let rows = entries.get();
        if rows.is_empty() {
            return view! { <p class="muted empty">{t().home_empty}</p> }.into_any();
        }
        rows.into_iter()
            .map(|entry| view! { <EntryCard entry=entry on_change=Callback::new(move |_| refresh()) /> })
            .collect_view()
            .into_any()
    };

    view! {
        <section class="view">
            <h1>{move || t().home_title}</h1>
            <CreateForm />
            <super::transfer::ImportPanel />
            <h2>{move || t().home_list_heading}</h2>
            <div class="entries">{list}</div>
        </section>
    }
}

#[component]
fn CreateForm() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let catalogue_id = RwSignal::new(
        all_catalogues()
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_default(),
    );
    let centre_name = RwSignal::new(String::new());
    // Re-read when a province's catalogue file is added.
    let catalogues = RwSignal::new(all_catalogues());
    let options = move || {
        catalogues
            .get()
            .into_iter()
            .map(|c| {
                let id = c.id.clone();
                let id_selected = c.id.clone();
                view! {
                    <option value=id selected=move || catalogue_id.get() == id_selected>
                        {move || text(&c.title, lang.get())}
                    </option>
                }
            })
            .collect_view()
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(catalogue) = find_catalogue(&catalogue_id.get_untracked()) else {
            return;
        };
        let profile = Profile {
            centre_name: centre_name.get_untracked().trim().to_string(),
            year: Some(chrono::Datelike::year(&now())),
            ..Profile::default()
        };
        let assessment = Assessment::new(new_id(), catalogue, profile, now());
        match storage::create_assessment(&assessment, writer_id(), now()) {
            Ok(SaveResult::Saved { .. }) => navigate(&Route::Assessment {
                id: assessment.id.clone(),
                section: None,
            }),
            Ok(_) => shell.notify(NoticeKind::Error, t().save_failed.to_string()),
            Err(err) => shell.notify(NoticeKind::Error, err.message(lang.get_untracked())),
        }
    };
    view! {
        <form class="create-form panel" on:submit=create>
            <h2>{move || t().create_heading}</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="new-centre-name">{move || t().centre_name}</label>
                    <input type="text" id="new-centre-name" maxlength="200" prop:value=move || centre_name.get()
                        on:input=move |ev| centre_name.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="new-catalogue">{move || t().catalogue_label}</label>
                    <select id="new-catalogue" on:change=move |ev| catalogue_id.set(event_target_value(&ev))>{options}</select>
                </div>
            </div>
            <button type="submit" class="primary">{move || t().create_button}</button>
            <CatalogueLoader on_added=Callback::new(move |_| catalogues.set(all_catalogues())) />
        </form>
    }
}

#[component]
fn EntryCard(entry: Entry, on_change: Callback<()>) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let id = entry.id.clone();

    let Some(stored) = entry.stored.clone() else {
        let problem = entry.problem.clone().unwrap_or_default();
        return view! {
            <article class="entry panel entry-broken">
                <h3>{id}</h3>
                <p class="field-error">{problem}</p>
            </article>
        }
        .into_any();
    };
    let a = &stored.assessment;
    let name = if a.profile.centre_name.trim().is_empty() {
        None
    } else {
        Some(a.profile.centre_name.clone())
    };
    let year = a.profile.year;
    let (answered, applicable, gaps) = entry.progress;
    let catalogue_title = entry.catalogue.map(|c| c.title.clone());
    let saved = format!("{} {}", stored.saved_at.ymd(), clock_time(&stored.saved_at));
    let open_href = Route::Assessment {
        id: id.clone(),
        section: None,
    }
    .href();
    let percent = percent_floor(thc_core::base::exact::Fraction::new(
        u64::from(answered),
        u64::from(applicable),
    ));

    let rename_stored = stored.clone();
    let do_rename = move |_| {
        let mut copy = rename_stored.assessment.clone();
        copy.profile.centre_name = new_name.get_untracked().trim().to_string();
        copy.updated_at = now();
        match storage::save_assessment(
            &copy,
            rename_stored.revision,
            writer_id(),
            now(),
            rename_stored.last_exported_at,
        ) {
            Ok(SaveResult::Saved { .. }) => {
                renaming.set(false);
                on_change.run(());
            }
            Ok(SaveResult::Conflict { .. }) => {
                shell.notify(NoticeKind::Error, t().save_conflict.to_string())
            }
            Ok(SaveResult::Blocked { problem }) => {
                shell.notify(NoticeKind::Error, problem.message(lang.get_untracked()))
            }
            Err(err) => shell.notify(NoticeKind::Error, err.message(lang.get_untracked())),
        }
    };
    let copy_stored = stored.clone();
    let do_copy = move |_| {
        let next = copy_stored.assessment.next_year_copy(new_id(), now());
        match storage::create_assessment(&next, writer_id(), now()) {
            Ok(SaveResult::Saved { .. }) => navigate(&Route::Assessment {
                id: next.id.clone(),
                section: None,
            }),
            Ok(_) => shell.notify(NoticeKind::Error, t().save_failed.to_string()),
            Err(err) => shell.notify(NoticeKind::Error, err.message(lang.get_untracked())),
        }
    };
    let delete_id = id.clone();
    let do_delete = move |_| match storage::delete_assessment(&delete_id) {
        Ok(deleted) => {
            confirming.set(false);
            on_change.run(());
            shell.offer_undo(
                lang.get_untracked().strings().deleted_notice.to_string(),
                Callback::new(move |_| {
                    if let Err(err) = storage::undo_delete(&deleted) {
                        shell.notify(NoticeKind::Error, err.message(lang.get_untracked()));
                    }
                    on_change.run(());
                }),
            );
        }
        Err(err) => shell.notify(NoticeKind::Error, err.message(lang.get_untracked())),
    };
    let initial_name = name.clone().unwrap_or_default();
    let rename_input_id = format!("rename-{id}");
    view! {
        <article class="entry panel">
            <h3><a href=open_href.clone()>{move || name.clone().unwrap_or_else(|| t().unnamed_centre.to_string())}</a>
                {year.map(|y| format!(" · {y}"))}</h3>
            <p class="muted">{move || catalogue_title.as_ref().map(|c| text(c, lang.get())).unwrap_or_default()}</p>
            <p>
                {move || t().progress_line.replace("{answered}", &answered.to_string()).replace("{applicable}", &applicable.to_string()).replace("{gaps}", &gaps.to_string())}
                <span class="progress-mini" aria-hidden="true"><span class=format!("fill w{}", percent / 5 * 5)></span></span>
            </p>
            <p class="muted">{move || t().last_saved}{saved.clone()}</p>
            {entry.problem.clone().map(|p| view! { <p class="field-warning">{p}</p> })}
            <div class="button-row">
                <a class="button-link primary" href=open_href>{move || t().open}</a>
                <button type="button" on:click=move |_| { new_name.set(initial_name.clone()); renaming.set(true); }>{move || t().rename}</button>
                <button type="button" on:click=do_copy>{move || t().copy_next_year}</button>
                <button type="button" on:click=move |_| confirming.set(true)>{move || t().delete}</button>
            </div>
            <Show when=move || renaming.get()>
                <div class="inline-form">
                    <label for=rename_input_id.clone()>{move || t().centre_name}</label>
                    <input type="text" id=rename_input_id.clone() maxlength="200" prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                    <button type="button" class="primary" on:click=do_rename.clone()>{move || t().save}</button>
                    <button type="button" on:click=move |_| renaming.set(false)>{move || t().cancel}</button>
                </div>
            </Show>
            <Show when=move || confirming.get()>
                <div class="inline-form confirm" role="alertdialog" aria-label=move || t().delete>
                    <p>{move || t().delete_confirm}</p>
                    <button type="button" class="danger" on:click=do_delete.clone()>{move || t().delete_confirm_button}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{move || t().cancel}</button>
                </div>
            </Show>
        </article>
    }
    .into_any()
}
