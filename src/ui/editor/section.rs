//! One catalogue section: its criteria as cards, with "next unanswered" and "gaps only".

use leptos::prelude::*;

use super::SUMMARY_PAGE;

use crate::ui::common::text;
use crate::ui::criterion::CriterionCard;
use crate::ui::session::Session;
use crate::ui::shell::{NoticeKind, Shell};
use thc_core::workflow::route::Route;

#[component]
pub(super) fn SectionPage(section_id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let only_gaps = RwSignal::new(false);
    let Some(section) = session.catalogue.section(&section_id) else {
        return ().into_any();
    };
    let section_index = session
        .catalogue
        .sections
        .iter()
        .position(|s| s.id == section_id)
        .unwrap_or(0);
    let next_href = {
        let sections = &session.catalogue.sections;
        let next = sections
            .get(section_index + 1)
            .map(|s| s.id.clone())
            .unwrap_or_else(|| SUMMARY_PAGE.to_string());
        Route::Assessment {
            id: session.assessment.with_untracked(|a| a.id.clone()),
            section: Some(next),
        }
        .href()
    };
    let cards = section
        .criteria
        .iter()
        .map(|c| {
            let cid = c.id.clone();
            let visible = move || {
                !only_gaps.get()
                    || session.evaluation.with(|e| {
                        e.0.result(&cid)
                            .map(|r| r.verdict.needs_attention())
                            .unwrap_or(false)
                    })
            };
            view! {
                <div hidden=move || !visible()>
                    <CriterionCard criterion=c />
                </div>
            }
        })
        .collect_view();
    let sid = section_id.clone();
    let jump_to_unanswered = move |_| {
        let target = session.evaluation.with(|e| {
            e.0.results
                .iter()
                .find(|r| r.section_id == sid && !r.verdict.is_answered())
                .map(|r| r.criterion_id.clone())
        });
        match target {
            Some(cid) => focus_criterion(&cid),
            None => shell.notify(NoticeKind::Warning, t().all_answered.to_string()),
        }
    };
    let description = section.description.clone();
    let title = section.title.clone();
    view! {
        <section class="page">
            <h2>{move || text(&title, lang.get())}</h2>
            {description.map(|d| view! { <p class="muted">{move || text(&d, lang.get())}</p> })}
            <div class="toolbar no-print">
                <button type="button" on:click=jump_to_unanswered>{move || t().next_unanswered}</button>
                <span class="check-row">
                    <input type="checkbox" id="only-gaps" prop:checked=move || only_gaps.get()
                        on:change=move |ev| only_gaps.set(event_target_checked(&ev)) />
                    <label for="only-gaps">{move || t().only_gaps}</label>
                </span>
            </div>
            <div class="criteria">{cards}</div>
            <p class="page-next"><a class="button-link" href=next_href>{move || t().next_section}</a></p>
        </section>
    }
    .into_any()
}

/// Scrolls to a criterion card and moves keyboard focus to it.
pub(super) fn focus_criterion(criterion_id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&crate::ui::common::card_dom_id(criterion_id)))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
