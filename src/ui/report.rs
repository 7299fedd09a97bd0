//! The printable gap report of one assessment (issue 7).

use leptos::prelude::*;

use super::shell::Shell;

#[component]
pub fn ReportView(id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let t = move || shell.lang.get().strings();
    let _ = id;
    view! {
        <section class="view">
            <h1>{move || t().report_title}</h1>
            <p class="muted">{move || t().report_placeholder}</p>
        </section>
    }
}

#[component]
pub fn ChecklistView(id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let t = move || shell.lang.get().strings();
    let _ = id;
    view! {
        <section class="view">
            <h1>{move || t().report.heading}</h1>
        </section>
    }
}
