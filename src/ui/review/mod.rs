//! The county reviewer's workspace (`#/review`, issue 8): open many centres' files at once, a
//! roll-up table across them (sortable, filterable, exportable), one criterion across centres,
//! two files of one centre compared, and the review of one centre with sign-off and export of
//! the reviewed file.
//!
//! Every figure, verdict, comparison and file comes from `thc_core::county` (and through it from
//! `evaluation` and `exchange`); what is kept in the browser is planned there and written by
//! `storage`. This module renders and sends intents.

mod across;
mod compare;
mod files;
mod pane;
mod rollup;
mod workspace;

use leptos::prelude::*;

use crate::ui::shell::Shell;
use thc_core::workflow::route::ReviewPlace;
use workspace::{Workspace, OTHER_TAB_DELAY};

use across::CriterionAcross;
use compare::CompareView;
use files::{CataloguePick, OpenFiles, RemoveConfirm};
use pane::ReviewPane;
use rollup::RollupTable;

// ---------------------------------------------------------------------------------------------

#[component]
pub fn ReviewView(place: Memo<ReviewPlace>) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let ws = Workspace::new(shell, place);
    provide_context(ws);
    ws.restore();

    // Write pending reviews when the page is hidden or closed, and when leaving the view.
    crate::platform::dom::flush_when_leaving(move || ws.flush());
    // Another tab of this browser opened, reviewed or removed files: show the same workspace.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        // No key: the other tab cleared all of this site's storage.
        let concerns_workspace = ev
            .key()
            .is_none_or(|k| k.starts_with(thc_core::store::workspace::ENTRY_PREFIX));
        if concerns_workspace {
            if let Some(pending) = ws.sync_timer.get_value() {
                pending.clear();
            }
            let handle =
                set_timeout_with_handle(move || ws.follow_other_tab(), OTHER_TAB_DELAY).ok();
            ws.sync_timer.set_value(handle);
        }
    });
    on_cleanup(move || {
        other_tab.remove();
        if let Some(pending) = ws.sync_timer.get_value() {
            pending.clear();
        }
    });

    // Only a change of the open file swaps the pane; tab changes stay inside the overview.
    let open_file = Memo::new(move |_| ws.open_file());
    view! {
        <section class="view review-view">
            {move || match open_file.get() {
                Some(id) => view! { <ReviewPane file_id=id /> }.into_any(),
                None => view! { <Overview /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let has_files = Memo::new(move |_| ws.state.with(|st| !st.is_empty()));
    let heading = move || {
        let lang = ws.lang.get();
        view! {
            <h1>{lang.strings().review_title}</h1>
            <p class="muted">{lang.strings().review.intro}</p>
        }
    };
    let body = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        if !has_files.get() {
            return view! { <p class="muted empty">{s.workspace_empty}</p> }.into_any();
        }
        let current = ws.tab();
        let tabs = [
            (ReviewPlace::Rollup, s.tab_rollup),
            (ReviewPlace::Criterion, s.tab_criterion),
            (ReviewPlace::Compare, s.tab_compare),
        ]
        .into_iter()
        .map(|(tab, label)| {
            let pressed = if tab == current { "true" } else { "false" };
            view! { <button type="button" aria-pressed=pressed on:click=move |_| ws.show_tab(tab.clone())>{label}</button> }
        })
        .collect_view();
        let content = match current {
            ReviewPlace::Rollup | ReviewPlace::File(_) => view! { <RollupTable /> }.into_any(),
            ReviewPlace::Criterion => view! { <CriterionAcross /> }.into_any(),
            ReviewPlace::Compare => view! { <CompareView /> }.into_any(),
        };
        view! {
            <div class="review-tabs" role="group" aria-label=s.views_label>{tabs}</div>
            <CataloguePick />
            <RemoveConfirm />
            {content}
        }
        .into_any()
    };
    view! {
        {heading}
        <OpenFiles />
        {body}
    }
}
