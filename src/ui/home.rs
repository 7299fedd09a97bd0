//! Home: the assessments kept in this browser; create, start from last year's, rename, delete
//! (with undo), open.

use leptos::prelude::*;

use super::catalogues::CatalogueLoader;
use super::common::text;
use super::shell::{NoticeKind, Shell};
use crate::platform::catalogues;
use crate::platform::catalogues::{all_catalogues, find_catalogue};
use crate::platform::clock::{clock_time, new_id, now, writer_id};
use crate::platform::dom::navigate;
use crate::platform::storage;
use thc_core::base::dates::CalendarText;
use thc_core::base::exact::Fraction;
use thc_core::present::percent::bar_percent;
use thc_core::workflow::home::unused_id;
use thc_core::workflow::home::{self, HomeEntry, Progress};
use thc_core::workflow::route::Route;

fn read_entries(lang: thc_core::i18n::Lang) -> Result<Vec<HomeEntry>, String> {
    catalogues::with_registry(|registry| home::list(&storage::BrowserStore, registry, lang))
}

#[component]
pub fn HomeView() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let entries = RwSignal::new(Vec::<HomeEntry>::new());
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
        let name = centre_name.get_untracked();
        let kv = &mut storage::BrowserStore;
        let id = unused_id(kv, &mut new_id);
        match home::create(
            kv,
            catalogue,
            &name,
            id,
            writer_id(),
            now(),
            lang.get_untracked(),
        ) {
            Ok(id) => navigate(&Route::Assessment { id, section: None }),
            Err(message) => shell.notify(NoticeKind::Error, message),
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
fn EntryCard(entry: HomeEntry, on_change: Callback<()>) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let id = entry.id.clone();

    let (Some(stored), Some(listing)) = (entry.stored.clone(), entry.listing.clone()) else {
        let problem = entry.problem.clone().unwrap_or_default();
        return view! {
            <article class="entry panel entry-broken">
                <h3>{id}</h3>
                <p class="field-error">{problem}</p>
            </article>
        }
        .into_any();
    };
    let name = if listing.centre_name.trim().is_empty() {
        None
    } else {
        Some(listing.centre_name.clone())
    };
    let year = listing.year;
    let Progress {
        answered,
        applicable,
        gaps,
    } = entry.progress;
    let catalogue_title = entry.catalogue.map(|c| c.title.clone());
    let saved = format!(
        "{} {}",
        listing.saved_at.ymd(),
        clock_time(&listing.saved_at)
    );
    let open_href = Route::Assessment {
        id: id.clone(),
        section: None,
    }
    .href();
    let percent = bar_percent(&Fraction::new(u64::from(answered), u64::from(applicable)));

    let rename_stored = stored.clone();
    let do_rename = move |_| {
        let name = new_name.get_untracked();
        let l = lang.get_untracked();
        match home::rename(
            &mut storage::BrowserStore,
            &rename_stored,
            &name,
            writer_id(),
            now(),
            l,
        ) {
            Ok(()) => {
                renaming.set(false);
                on_change.run(());
            }
            Err(message) => shell.notify(NoticeKind::Error, message),
        }
    };
    let copy_stored = stored.clone();
    let do_copy = move |_| {
        let kv = &mut storage::BrowserStore;
        let id = unused_id(kv, &mut new_id);
        let l = lang.get_untracked();
        match home::start_next_year(kv, &copy_stored, id, writer_id(), now(), l) {
            Ok(id) => navigate(&Route::Assessment { id, section: None }),
            Err(message) => shell.notify(NoticeKind::Error, message),
        }
    };
    let delete_id = id.clone();
    let do_delete = move |_| {
        let l = lang.get_untracked();
        match home::delete(&mut storage::BrowserStore, &delete_id, l) {
            Ok(deleted) => {
                confirming.set(false);
                on_change.run(());
                shell.offer_undo(
                    l.strings().deleted_notice.to_string(),
                    Callback::new(move |_| {
                        let l = lang.get_untracked();
                        if let Err(message) = home::undo(&mut storage::BrowserStore, &deleted, l) {
                            shell.notify(NoticeKind::Error, message);
                        }
                        on_change.run(());
                    }),
                );
            }
            Err(message) => shell.notify(NoticeKind::Error, message),
        }
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
