//! Export and import panels (issue 6). The file formats, every check on an imported file and all
//! messages are `thc_core::exchange`'s; this module only moves bytes between the page and the
//! browser: downloads through a Blob and a temporary `<a download>`, the clipboard (with a
//! read-only text box when it is blocked, as in WeChat), a file picker, drag and drop, and a
//! paste box. Nothing is written to storage until a file has passed every check and the user
//! has chosen what to do with it.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::common::text;
use super::session::Session;
use super::shell::Shell;
use crate::platform::catalogues;
use crate::platform::clock::{new_id, now, writer_id};
use crate::platform::dom::navigate;
use crate::platform::files::{download, on_settled, CSV_TYPE, JSON_TYPE, XLSX_TYPE};
use crate::platform::storage::{self};
use thc_core::exchange::{self, ImportChoice, ImportError, Imported, MAX_FILE_BYTES};
use thc_core::i18n::Lang;
use thc_core::present::explain;
use thc_core::workflow::home::unused_id;
use thc_core::workflow::import::keep_import;
use thc_core::workflow::route::Route;

/// `navigator.clipboard.writeText(text)`, looked up dynamically: in-app browsers (WeChat) and
/// plain-HTTP pages have no clipboard object at all.
fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let navigator: JsValue = window.navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| c.is_object());
    let write = clipboard.as_ref().and_then(|c| {
        js_sys::Reflect::get(c, &JsValue::from_str("writeText"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    match (clipboard, write) {
        (Some(clipboard), Some(write)) => match write.call1(&clipboard, &JsValue::from_str(text)) {
            Ok(promise) => on_settled(&promise, move |r| done(r.is_ok())),
            Err(_) => done(false),
        },
        _ => done(false),
    }
}

/// Selects the whole content of a text box so it can be copied by hand.
fn select_all(id: &str) {
    if let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}

/// What the export panel last reported.
#[derive(Clone, PartialEq)]
enum ExportNote {
    Exported(String),
    DownloadFailed,
    Copied,
    CopyFallback,
}

/// The county's review the assessment came back with (issue 8): exported along with it.
fn county_review(
    a: &thc_core::assessment::Assessment,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    a.review
        .as_ref()
        .map(thc_core::assessment::review::Review::to_map)
}

/// Export the open assessment: JSON file, Excel, CSV, or the JSON as text to copy.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let note = RwSignal::new(None::<ExportNote>);
    let copy_text = RwSignal::new(None::<String>);

    let offer = move |ext: &str, mime: &str, bytes: Vec<u8>| -> bool {
        let at = now();
        let name = session
            .assessment
            .with_untracked(|a| exchange::file_name(&a.profile, at, ext));
        match download(&name, &bytes, mime) {
            Ok(()) => {
                note.set(Some(ExportNote::Exported(name)));
                true
            }
            Err(_) => {
                note.set(Some(ExportNote::DownloadFailed));
                false
            }
        }
    };
    let export_json = move |_| {
        let at = now();
        let json = session.assessment.with_untracked(|a| {
            exchange::export_json(a, session.catalogue, county_review(a).as_ref(), at)
        });
        if offer("json", JSON_TYPE, json.into_bytes()) {
            session.mark_exported(at);
        }
    };
    let export_xlsx = move |_| {
        let bytes = session.assessment.with_untracked(|a| {
            exchange::export_xlsx(session.catalogue, a, lang.get_untracked(), now())
        });
        offer("xlsx", XLSX_TYPE, bytes);
    };
    let export_csv = move |_| {
        let csv = session
            .assessment
            .with_untracked(|a| exchange::export_csv(session.catalogue, a, lang.get_untracked()));
        offer("csv", CSV_TYPE, csv.into_bytes());
    };
    let copy = move |_| {
        let json = session.assessment.with_untracked(|a| {
            exchange::export_json(a, session.catalogue, county_review(a).as_ref(), now())
        });
        copy_text.set(None);
        let fallback = json.clone();
        copy_to_clipboard(&json, move |ok| {
            if ok {
                note.set(Some(ExportNote::Copied));
            } else {
                note.set(Some(ExportNote::CopyFallback));
                copy_text.set(Some(fallback));
                set_timeout(
                    || select_all("export-text"),
                    std::time::Duration::from_millis(0),
                );
            }
        });
    };

    let note_view = move || {
        note.get().map(|n| {
            let x = lang.get().strings().exchange;
            let (class, role, message) = match n {
                ExportNote::Exported(name) => (
                    "notice notice-warning",
                    "status",
                    x.exported.replace("{file}", &name),
                ),
                ExportNote::Copied => ("notice notice-warning", "status", x.copied.to_string()),
                ExportNote::DownloadFailed => (
                    "notice notice-error",
                    "alert",
                    x.download_failed.to_string(),
                ),
                ExportNote::CopyFallback => {
                    ("notice notice-error", "alert", x.copy_fallback.to_string())
                }
            };
            view! { <div class=class role=role><p>{message}</p></div> }
        })
    };
    let copy_view = move || {
        copy_text.get().map(|content| {
            let x = lang.get().strings().exchange;
            view! {
                <div class="field">
                    <label for="export-text">{x.copy_text_label}</label>
                    <textarea id="export-text" readonly rows="8" prop:value=content
                        on:focus=move |_| select_all("export-text")></textarea>
                </div>
            }
        })
    };
    // Static texts, rebuilt as a whole when the language changes (far less code than one
    // reactive closure per text).
    move || {
        let x = lang.get().strings().exchange;
        view! {
            <section class="panel export-panel no-print" aria-labelledby="export-heading">
                <h3 id="export-heading">{x.export_heading}</h3>
                <p class="muted">{x.export_intro}</p>
                <div class="button-row">
                    <button type="button" class="primary" on:click=export_json>{x.export_json}</button>
                    <button type="button" on:click=export_xlsx>{x.export_xlsx}</button>
                    <button type="button" on:click=export_csv>{x.export_csv}</button>
                    <button type="button" on:click=copy>{x.copy_text}</button>
                </div>
                <p class="help">{x.wechat_hint}</p>
                {note_view}
                {copy_view}
            </section>
        }
    }
}

/// The state of the import panel.
#[derive(Clone)]
enum Loaded {
    Reading,
    Refused(ImportError),
    ReadFailed,
    Ready(Box<Imported>),
}

/// The ids stored in this browser (to say whether a file's assessment is already here).
fn stored_ids() -> Vec<String> {
    storage::list_assessments()
        .map(|list| list.into_iter().map(|(id, _)| id).collect())
        .unwrap_or_default()
}

/// Reads a picked or dropped file and hands its bytes to `done`. A file over the size limit is
/// refused before it is read into memory.
fn read_blob(
    file: web_sys::File,
    state: RwSignal<Option<Loaded>>,
    done: impl Fn(Vec<u8>) + 'static,
) {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        state.set(Some(Loaded::Refused(ImportError::TooLarge {
            bytes: size as usize,
        })));
        return;
    }
    state.set(Some(Loaded::Reading));
    let promise: JsValue = file.array_buffer().into();
    on_settled(&promise, move |r| match r {
        Ok(buffer) => done(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => state.set(Some(Loaded::ReadFailed)),
    });
}

/// Import a file exported by this tool: choose, drop or paste; preview; then store as a new
/// assessment, replace the one with the same id (after confirming), or only view.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let state = RwSignal::new(None::<Loaded>);
    let pasted = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let viewing = RwSignal::new(false);
    let store_error = RwSignal::new(None::<String>);

    let check = move |bytes: Vec<u8>| {
        confirming.set(false);
        viewing.set(false);
        store_error.set(None);
        let ids = stored_ids();
        state.set(Some(match exchange::read_file(&bytes, &ids) {
            Ok(imported) => Loaded::Ready(Box::new(imported)),
            Err(e) => Loaded::Refused(e),
        }));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_blob(file, state, check);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_blob(file, state, check);
        }
    };
    let on_paste_check = move |_| check(pasted.get_untracked().into_bytes());

    let store = move |choice: ImportChoice| {
        let Some(Loaded::Ready(imported)) = state.get_untracked() else {
            return;
        };
        let lang_now = lang.get_untracked();
        let kept = catalogues::with_registry(|registry| {
            keep_import(
                &mut storage::BrowserStore,
                registry,
                &mut catalogues::keep,
                &imported,
                &choice,
                writer_id(),
                now(),
                lang_now,
            )
        });
        match kept {
            Ok(id) => {
                state.set(None);
                navigate(&Route::Assessment { id, section: None });
            }
            Err(message) => store_error.set(Some(message)),
        }
    };
    let import_new = move |_| {
        let id = unused_id(&storage::BrowserStore, &mut new_id);
        store(ImportChoice::New { id });
    };
    let replace = move |_| store(ImportChoice::Replace);

    let result_view = move || {
        let lang_now = lang.get();
        let x = lang_now.strings().exchange;
        match state.get() {
            None => ().into_any(),
            Some(Loaded::Reading) => {
                view! { <p class="muted" role="status">{x.reading}</p> }.into_any()
            }
            Some(Loaded::ReadFailed) => view! {
                <div class="notice notice-error import-error" role="alert"><p>{x.read_failed}</p></div>
            }
            .into_any(),
            Some(Loaded::Refused(e)) => view! {
                <div class="notice notice-error import-error" role="alert"><p>{e.message(lang_now)}</p></div>
            }
            .into_any(),
            Some(Loaded::Ready(imported)) => view! {
                <ImportPreview imported=*imported lang=lang_now confirming=confirming viewing=viewing
                    on_new=Callback::new(import_new) on_replace=Callback::new(replace)
                    on_discard=Callback::new(move |_| { state.set(None); store_error.set(None); }) />
            }
            .into_any(),
        }
    };

    let store_error_view = move || {
        store_error
            .get()
            .map(|m| view! { <div class="notice notice-error" role="alert"><p>{m}</p></div> })
    };
    // Static texts, rebuilt as a whole when the language changes.
    move || {
        let x = lang.get().strings().exchange;
        view! {
            <section class="panel import-panel" aria-labelledby="import-heading">
                <h2 id="import-heading">{x.import_heading}</h2>
                <p class="muted">{x.import_intro}</p>
                <div class="drop-zone panel" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                    <div class="field">
                        <label for="import-file">{x.choose_file}</label>
                        <input type="file" id="import-file" accept=".json,application/json" on:change=on_pick />
                    </div>
                    <p class="help">{x.drop_zone}</p>
                </div>
                <div class="field">
                    <label for="import-paste">{x.paste_label}</label>
                    <textarea id="import-paste" rows="3" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </div>
                <div class="button-row">
                    <button type="button" on:click=on_paste_check disabled=move || pasted.with(|p| p.trim().is_empty())>
                        {x.paste_check}
                    </button>
                </div>
                {result_view}
                {store_error_view}
            </section>
        }
    }
}

/// What the file holds and what importing it would do, with the choices that apply.
#[component]
fn ImportPreview(
    imported: Imported,
    lang: Lang,
    confirming: RwSignal<bool>,
    viewing: RwSignal<bool>,
    on_new: Callback<()>,
    on_replace: Callback<()>,
    on_discard: Callback<()>,
) -> impl IntoView {
    let x = lang.strings().exchange;
    let p = imported.preview();
    let can_store = !p.tampered;
    let counts = x
        .counts_line
        .replace("{answers}", &p.answers.to_string())
        .replace("{inputs}", &p.inputs.to_string())
        .replace("{evidence}", &p.evidence_notes.to_string())
        .replace("{actions}", &p.actions.to_string());
    let integrity = imported.integrity.message(lang);
    let warnings: Vec<String> = imported.warnings.iter().map(|w| w.message(lang)).collect();
    let catalogue_title = text(&p.catalogue_title, lang);
    let summary = explain::summary_line(&p.summary, lang);
    let name = if p.centre_name.trim().is_empty() {
        lang.strings().unnamed_centre.to_string()
    } else {
        p.centre_name.clone()
    };
    let section_lines: Vec<(String, String)> = {
        let catalogue = imported.catalogue.get();
        let evaluation = thc_core::evaluation::evaluate(catalogue, &imported.assessment);
        evaluation
            .sections
            .iter()
            .map(|s| {
                let title = catalogue
                    .section(&s.section_id)
                    .map(|c| text(&c.title, lang))
                    .unwrap_or_default();
                (title, explain::summary_line(&s.summary, lang))
            })
            .collect()
    };
    let row = |label: &'static str, value: String| {
        view! { <dt>{label}</dt><dd>{value}</dd> }
    };
    view! {
        <section class="import-preview" aria-labelledby="import-preview-heading">
            <h3 id="import-preview-heading">{x.preview_heading}</h3>
            {match integrity {
                Some(message) => view! { <div class="notice notice-error import-integrity" role="alert"><p>{message}</p></div> }.into_any(),
                None => view! { <p class="import-verified" role="status">{x.verified}</p> }.into_any(),
            }}
            <dl class="import-facts">
                {row(x.info_centre, name)}
                {row(x.info_county, p.county.clone())}
                {row(x.info_year, p.year.map(|y| y.to_string()).unwrap_or_default())}
                {row(x.info_filled_by, p.filled_by.clone())}
                {row(x.info_catalogue, catalogue_title)}
                {row(x.info_exported, thc_core::base::dates::ymd_hm(&p.exported_at))}
                {row(x.info_app_version, p.app_version.clone())}
                {row(x.info_contents, counts)}
                {row(x.verdicts_heading, summary)}
            </dl>
            {imported.had_bom.then(|| view! { <p class="help">{x.bom_note}</p> })}
            {imported.assessment.review.as_ref().map(|r| view! { <p class="import-review">{r.signed_line(lang)}</p> })}
            {(!p.catalogue_bundled).then(|| view! { <div class="notice notice-warning import-embedded"><p>{x.embedded_note}</p></div> })}
            {can_store.then(|| view! {
                <p class="help">{if p.id_exists { x.exists_note } else { x.new_note }}</p>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <div class="notice notice-warning import-warnings"><p>{x.warnings_heading}</p>
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="button-row">
                {can_store.then(|| view! {
                    <button type="button" class="primary" on:click=move |_| on_new.run(())>{x.import_new}</button>
                })}
                {(can_store && p.id_exists).then(|| view! {
                    <button type="button" on:click=move |_| confirming.set(true)>{x.replace}</button>
                })}
                {(!can_store).then(|| view! {
                    <button type="button" aria-expanded=move || if viewing.get() { "true" } else { "false" }
                        on:click=move |_| viewing.update(|v| *v = !*v)>
                        {move || if viewing.get() { x.close_view } else { x.view_only }}
                    </button>
                })}
                <button type="button" on:click=move |_| on_discard.run(())>{x.discard}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="inline-form confirm" role="alertdialog" aria-label=x.replace>
                    <p>{x.replace_confirm}</p>
                    <button type="button" class="danger" on:click=move |_| on_replace.run(())>{x.replace_confirm_button}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{lang.strings().cancel}</button>
                </div>
            </Show>
        </section>
        <Show when=move || viewing.get()>
            <section class="panel import-view" aria-label=x.view_only>
                <h3>{x.verdicts_heading}</h3>
                <ul>{section_lines
                    .iter()
                    .map(|(title, line)| view! { <li><strong>{title.clone()}</strong>{" "}{line.clone()}</li> })
                    .collect_view()}</ul>
            </section>
        </Show>
    }
}
