//! Framework floor for the benchmarks: a counter whose value is written to localStorage.
//! It renders the same first-view markers the real app does (`main#main h1`, `#boot` removed) so
//! bench/run.mjs measures both with the same condition.
use leptos::prelude::*;

fn store(n: i32) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item("floor-app.count", &n.to_string());
    }
}

fn remove_boot_indicator() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

#[component]
fn App() -> impl IntoView {
    let (count, set_count) = signal(0);
    Effect::new(move |_| store(count.get()));
    remove_boot_indicator();
    view! {
        <main id="main">
            <h1>"Floor"</h1>
            <button id="inc" on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <output id="count">{count}</output>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
