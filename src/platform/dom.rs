//! The page itself: focus, scroll, the URL fragment, and the events of leaving the page.

use leptos::prelude::*;
use thc_core::workflow::route::Route;
use wasm_bindgen::JsCast;

/// Moves focus to the element with `id`, if there is one (after a view change, so keyboard and
/// screen-reader users land where the view starts).
pub fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls the page to its top.
pub fn scroll_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Shows `route` (sets the URL fragment; the router follows).
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

/// Runs `flush` when the page is hidden or closed (a phone switching apps, a closed tab), and
/// when the calling view is left, so debounced work is never lost.
pub fn flush_when_leaving(flush: impl Fn() + Clone + Send + Sync + 'static) {
    let on_hide = flush.clone();
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .map(|d| d.hidden())
            .unwrap_or(false);
        if hidden {
            on_hide();
        }
    });
    let on_pagehide = flush.clone();
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| on_pagehide());
    on_cleanup(move || {
        flush();
        hidden.remove();
        pagehide.remove();
    });
}
