//! Loading a province's catalogue file from the home page. The catalogues themselves, and the
//! rule that a loaded one never takes a bundled id, are `platform::catalogues` over the core's
//! `catalogue::Registry`.

use leptos::prelude::*;

use super::shell::{NoticeKind, Shell};
use crate::platform::catalogues::add_catalogue;

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
