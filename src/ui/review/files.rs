//! Opening centres' files, choosing the catalogue shown, and confirming a removal.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::workspace::{centre_label, Workspace};
use crate::platform::dom::focus_by_id;
use crate::platform::files::read_all;

/// The file picker (several at once) and drop zone, with what the last batch came to.
#[component]
pub(super) fn OpenFiles() -> impl IntoView {
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
pub(super) fn CataloguePick() -> impl IntoView {
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
pub(super) fn RemoveConfirm() -> impl IntoView {
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
