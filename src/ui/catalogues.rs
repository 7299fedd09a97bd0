//! The catalogues this browser knows: the bundled ones plus any a province's file added.
//!
//! A loaded catalogue goes through the same validating loader as the bundled ones, may never
//! take a bundled id, and is kept in storage so assessments made with it open on later visits.
//! Catalogues live for the whole page (leaked once each): open sessions borrow them.

use std::cell::RefCell;

use leptos::prelude::*;

use super::shell::{NoticeKind, Shell};
use crate::platform::storage;
use thc_core::catalogue::{bundled, Catalogue, Registry};
use thc_core::i18n::Lang;

thread_local! {
    static LOADED: RefCell<Option<Vec<&'static Catalogue>>> = const { RefCell::new(None) };
}

fn with_loaded<R>(f: impl FnOnce(&mut Vec<&'static Catalogue>) -> R) -> R {
    LOADED.with(|cell| {
        let mut slot = cell.borrow_mut();
        let list = slot.get_or_insert_with(|| {
            // Stored texts were validated when added; one that no longer validates is skipped.
            storage::loaded_catalogue_texts()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|(_, text)| Catalogue::from_json(&text).ok())
                .filter(|c| !bundled().iter().any(|b| b.id == c.id))
                .map(|c| &*Box::leak(Box::new(c)))
                .collect()
        });
        f(list)
    })
}

/// Bundled catalogues first, then loaded ones.
pub fn all_catalogues() -> Vec<&'static Catalogue> {
    let mut all: Vec<&'static Catalogue> = bundled().iter().collect();
    with_loaded(|loaded| all.extend(loaded.iter().copied()));
    all
}

pub fn find_catalogue(id: &str) -> Option<&'static Catalogue> {
    bundled()
        .iter()
        .find(|c| c.id == id)
        .or_else(|| with_loaded(|loaded| loaded.iter().rev().find(|c| c.id == id).copied()))
}

/// Validates a catalogue file and keeps it. Errors come back as lines to show, in `lang`.
pub fn add_catalogue(text: &str, lang: Lang) -> Result<&'static Catalogue, Vec<String>> {
    let catalogue = Catalogue::from_json(text)
        .map_err(|errors| errors.iter().map(|e| e.message(lang)).collect::<Vec<_>>())?;
    let mut registry = Registry::with_bundled();
    registry
        .add_loaded(catalogue.clone())
        .map_err(|e| vec![e.message(lang)])?;
    storage::save_loaded_catalogue(&catalogue.id, text).map_err(|e| vec![e.message(lang)])?;
    let leaked: &'static Catalogue = Box::leak(Box::new(catalogue));
    with_loaded(|loaded| {
        loaded.retain(|c| c.id != leaked.id);
        loaded.push(leaked);
    });
    Ok(leaked)
}

/// "载入省级标准文件": a province's transcription of the graded framework, say.
#[component]
pub fn CatalogueLoader(on_added: Callback<()>) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let errors = RwSignal::new(Vec::<String>::new());
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(v) => v.as_string().unwrap_or_default(),
                Err(_) => String::new(),
            };
            match add_catalogue(&text, lang.get_untracked()) {
                Ok(c) => {
                    errors.set(Vec::new());
                    shell.notify(
                        NoticeKind::Warning,
                        format!(
                            "{}{}",
                            lang.get_untracked().strings().catalogue_added,
                            c.title.get(lang.get_untracked())
                        ),
                    );
                    on_added.run(());
                }
                Err(lines) => errors.set(lines),
            }
        });
    };
    view! {
        <details class="catalogue-loader">
            <summary>{move || t().catalogue_load}</summary>
            <p class="help">{move || t().catalogue_load_help}</p>
            <label for="catalogue-file">{move || t().catalogue_file_label}</label>
            <input type="file" id="catalogue-file" accept=".json,application/json" on:change=on_change />
            <div role="alert">
                {move || {
                    let lines = errors.get();
                    (!lines.is_empty()).then(|| view! {
                        <p class="field-error">{t().catalogue_invalid}</p>
                        <ul class="field-error">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })
                }}
            </div>
        </details>
    }
}
