//! One criterion across every centre in the workspace.

use leptos::prelude::*;

use super::workspace::{centre_label, Workspace};
use crate::platform::collate::name_collation;
use crate::ui::common::{text, verdict_class};
use thc_core::catalogue::Catalogue;
use thc_core::present::explain;

// ---------------------------------------------------------------------------------------------
// One criterion across centres
// ---------------------------------------------------------------------------------------------

#[component]
pub(super) fn CriterionAcross() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let picked = RwSignal::new(None::<String>);
    let only_failing = RwSignal::new(false);

    let toolbar = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let catalogue_id = ws.current_catalogue();
        // The catalogue of the first file that uses the current catalogue id.
        let file = ws.state.with(|st| {
            st.files()
                .into_iter()
                .find(|x| Some(&x.catalogue().id) == catalogue_id.as_ref())
        });
        let current = untrack(move || picked.get());
        let options = file.map(|file| {
            let c: &Catalogue = file.catalogue();
            c.sections
                .iter()
                .map(|section| {
                    let items = section
                        .criteria
                        .iter()
                        .map(|cr| {
                            let selected = current.as_deref() == Some(cr.id.as_str());
                            view! { <option value=cr.id.clone() selected=selected>{text(&cr.title, lang)}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=text(&section.title, lang)>{items}</optgroup> }
                })
                .collect_view()
        });
        view! {
            <h2 id="across-heading">{s.criterion_heading}</h2>
            <div class="toolbar">
                <div class="field">
                    <label for="criterion-pick">{s.pick_criterion}</label>
                    <select id="criterion-pick" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        picked.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=current.is_none()>{s.pick_criterion_placeholder}</option>
                        {options}
                    </select>
                </div>
                <div class="check-row">
                    <input type="checkbox" id="only-failing" prop:checked=move || only_failing.get()
                        on:change=move |ev| only_failing.set(event_target_checked(&ev)) />
                    <label for="only-failing">{s.only_failing}</label>
                </div>
            </div>
        }
    };

    let table = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let Some(id) = picked.get() else {
            return view! { <p class="muted">{s.pick_criterion_hint}</p> }.into_any();
        };
        let catalogue_id = ws.current_catalogue().unwrap_or_default();
        let rows = ws.state.with(|st| {
            let files = st.files();
            {
                thc_core::county::criterion_across(
                    files
                        .iter()
                        .filter(|f| f.catalogue().id == catalogue_id)
                        .map(|f| (f.as_ref(), st.review(&f.id))),
                    &id,
                    false,
                    lang,
                    &name_collation(),
                )
            }
        });
        let failing = rows.iter().filter(|r| r.verdict.needs_action()).count();
        let summary = s
            .criterion_count
            .replace("{n}", &failing.to_string())
            .replace("{total}", &rows.len().to_string());
        let only = only_failing.get();
        let body = rows
            .into_iter()
            .filter(|r| !only || r.verdict.needs_action())
            .map(|r| {
                let review_line = r
                    .review
                    .as_ref()
                    .map(|i| thc_core::present::review::item_text(i, lang))
                    .unwrap_or_default();
                view! {
                    <tr class=verdict_class(r.verdict)>
                        <th scope="row">{centre_label(&r.centre_name, lang)}</th>
                        <td>{r.county}</td>
                        <td class="verdict">{explain::verdict_label(r.verdict, lang)}</td>
                        <td>{r.figure}</td>
                        <td>{r.evidence}</td>
                        <td>{review_line}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="muted" role="status">{summary}</p>
            <div class="table-scroll" role="region" aria-labelledby="across-heading" tabindex="0">
                <table class="across">
                    <thead><tr>
                        <th scope="col">{s.col_centre}</th>
                        <th scope="col">{s.col_county}</th>
                        <th scope="col">{s.col_director_verdict}</th>
                        <th scope="col">{s.col_figure}</th>
                        <th scope="col">{s.col_evidence}</th>
                        <th scope="col">{s.col_review}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="across-view" aria-labelledby="across-heading">
            {toolbar}
            {table}
        </section>
    }
}
