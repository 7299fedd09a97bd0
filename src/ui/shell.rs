//! The app frame: header, language switch, notices, and the view chosen by the URL fragment.

use leptos::prelude::*;

use super::editor::AssessmentView;
use super::home::HomeView;
use super::report::{ChecklistView, ReportView};
use super::review::ReviewView;
use crate::platform::storage;
use thc_core::i18n::Lang;
use thc_core::workflow::route::{ReviewPlace, Route};

/// How serious a notice is; decides its colour and its ARIA role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
}

#[derive(Clone)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    /// Offered as an "undo" button; the notice goes away by itself after a short while.
    pub undo: Option<Callback<()>>,
}

/// How long an undo offer stays on screen.
const UNDO_WINDOW: std::time::Duration = std::time::Duration::from_secs(12);

/// State every view shares, provided as context.
#[derive(Clone, Copy)]
pub struct Shell {
    pub lang: RwSignal<Lang>,
    pub notices: RwSignal<Vec<Notice>>,
    next_notice: StoredValue<u32>,
    /// The view in the URL fragment.
    pub route: RwSignal<Route>,
}

impl Shell {
    /// Shows `route` now and puts it in the URL (a history entry, so Back returns here).
    pub fn go(&self, route: Route) {
        crate::platform::dom::navigate(&route);
        self.route.set(route);
    }

    /// Shows a notice until the user dismisses it. The same text is never shown twice at once.
    pub fn notify(&self, kind: NoticeKind, text: String) {
        self.push(kind, text, None);
    }

    /// Says what just happened and offers to undo it for a short while.
    pub fn offer_undo(&self, text: String, undo: Callback<()>) {
        let id = self.push(NoticeKind::Warning, text, Some(undo));
        let notices = self.notices;
        set_timeout(
            move || notices.update(|l| l.retain(|n| n.id != id)),
            UNDO_WINDOW,
        );
    }

    fn push(&self, kind: NoticeKind, text: String, undo: Option<Callback<()>>) -> u32 {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id.wrapping_add(1));
        self.notices.update(|list| {
            if undo.is_some() || !list.iter().any(|n| n.text == text) {
                list.push(Notice {
                    id,
                    kind,
                    text,
                    undo,
                });
            }
        });
        id
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Trunk's page shows a spinner until the app starts; the app takes over from here.
fn remove_boot_indicator() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

fn set_document_language(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(lang.strings().app_title);
    }
}

#[component]
pub fn App() -> impl IntoView {
    remove_boot_indicator();

    let route = RwSignal::new(Route::parse(&current_hash()));
    let shell = Shell {
        lang: RwSignal::new(Lang::Zh),
        notices: RwSignal::new(Vec::new()),
        next_notice: StoredValue::new(1),
        route,
    };
    provide_context(shell);

    match storage::load_language() {
        Ok(lang) => shell.lang.set(lang),
        Err(err) => shell.notify(NoticeKind::Warning, err.message(Lang::Zh)),
    }
    if !storage::is_available() {
        shell.notify(
            NoticeKind::Warning,
            Lang::Zh.strings().storage_unavailable.to_string(),
        );
    }
    Effect::new(move |_| set_document_language(shell.lang.get()));

    // The app lives as long as the page, so the listener is never removed.
    let _hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });

    let t = move || shell.lang.get().strings();
    // The view re-renders when the view or the assessment changes, not when only the page
    // inside an assessment does: the open session (and its pending save) survives.
    let view_of = Memo::new(move |_| match route.get() {
        Route::Assessment { id, .. } => Route::Assessment { id, section: None },
        Route::Review(_) => Route::Review(ReviewPlace::Rollup),
        other => other,
    });
    let review_place = Memo::new(move |_| match route.get() {
        Route::Review(place) => place,
        _ => ReviewPlace::Rollup,
    });
    let page = Memo::new(move |_| match route.get() {
        Route::Assessment { section, .. } => section,
        _ => None,
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            // The fragment is the router's; move focus instead of navigating.
            ev.prevent_default();
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
            {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }>{move || t().skip_to_content}</a>
        <header class="app-header no-print">
            <div class="brand">
                <a href="#/" class="brand-title">{move || t().app_title}</a>
                <span class="brand-subtitle">{move || t().app_subtitle}</span>
            </div>
            <nav class="app-nav" aria-label=move || t().app_title>
                <NavLink route=route target=Route::Home label=move || t().nav_home />
                <NavLink route=route target=Route::Review(ReviewPlace::Rollup) label=move || t().nav_review />
                <NavLink route=route target=Route::About label=move || t().nav_about />
            </nav>
            <LanguageSwitch />
        </header>
        <Notices />
        <main id="main" tabindex="-1">
            {move || match view_of.get() {
                Route::Home => view! { <HomeView /> }.into_any(),
                Route::Review(_) => view! { <ReviewView place=review_place /> }.into_any(),
                Route::About => view! { <Placeholder title=move || t().about_title body=move || t().about_body /> }.into_any(),
                Route::Assessment { id, .. } => view! { <AssessmentView id=id page=page /> }.into_any(),
                Route::Report { id } => view! { <ReportView id=id /> }.into_any(),
                Route::Checklist { id } => view! { <ChecklistView id=id /> }.into_any(),
                Route::NotFound(_) => view! { <NotFound /> }.into_any(),
            }}
        </main>
        <footer class="app-footer no-print">
            <p>{move || t().data_local_notice}</p>
        </footer>
    }
}

#[component]
fn NavLink(
    route: RwSignal<Route>,
    target: Route,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let href = target.href();
    let active = Memo::new(move |_| {
        let current = route.get();
        match (&current, &target) {
            (
                Route::Assessment { .. } | Route::Report { .. } | Route::Checklist { .. },
                Route::Home,
            ) => true,
            (Route::Review(_), Route::Review(_)) => true,
            _ => current == target,
        }
    });
    view! {
        <a href=href class:active=move || active.get() aria-current=move || if active.get() { Some("page") } else { None }>
            {label}
        </a>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let choose = move |lang: Lang| {
        shell.lang.set(lang);
        if let Err(err) = storage::save_language(lang) {
            // Without storage the app still works for this visit; anything else is a real fault.
            let kind = match err {
                storage::StorageError::Unavailable => NoticeKind::Warning,
                _ => NoticeKind::Error,
            };
            shell.notify(kind, err.message(lang));
        }
    };
    let pressed = move |lang: Lang| {
        move || {
            if shell.lang.get() == lang {
                "true"
            } else {
                "false"
            }
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || shell.lang.get().strings().language_label>
            <button type="button" lang="zh-CN" aria-pressed=pressed(Lang::Zh) on:click=move |_| choose(Lang::Zh)>"中文"</button>
            <button type="button" lang="en" aria-pressed=pressed(Lang::En) on:click=move |_| choose(Lang::En)>"English"</button>
        </div>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let shell = expect_context::<Shell>();
    view! {
        <div class="notices no-print" aria-live="polite">
            <For
                each=move || shell.notices.get()
                key=|n| n.id
                children=move |n| {
                    let id = n.id;
                    let (class, role) = match n.kind {
                        NoticeKind::Error => ("notice notice-error", "alert"),
                        NoticeKind::Warning => ("notice notice-warning", "status"),
                    };
                    let undo = n.undo.map(|undo| view! {
                        <button type="button" class="primary" on:click=move |_| {
                            undo.run(());
                            shell.notices.update(|l| l.retain(|x| x.id != id));
                        }>{move || shell.lang.get().strings().undo}</button>
                    });
                    view! {
                        <div class=class role=role>
                            <p>{n.text}</p>
                            {undo}
                            <button type="button" on:click=move |_| shell.notices.update(|l| l.retain(|x| x.id != id))>
                                {move || shell.lang.get().strings().dismiss}
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}

#[component]
fn Placeholder(
    title: impl Fn() -> &'static str + Send + Sync + 'static,
    body: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <section class="view">
            <h1>{title}</h1>
            <p class="muted">{body}</p>
        </section>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let t = move || shell.lang.get().strings();
    view! {
        <section class="view">
            <h1>{move || t().not_found_title}</h1>
            <p>{move || t().not_found_body}</p>
            <p><a href="#/">{move || t().back_home}</a></p>
        </section>
    }
}
