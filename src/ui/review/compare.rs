//! Two files of one centre side by side.

use std::sync::Arc;

use leptos::prelude::*;

use super::workspace::Workspace;
use crate::ui::common::text;
use thc_core::county::{CentreFile, ChangeKind};
use thc_core::i18n::Lang;
use thc_core::present::explain;

// ---------------------------------------------------------------------------------------------
// Two files of one centre
// ---------------------------------------------------------------------------------------------

pub(super) fn file_option_label(f: &CentreFile, lang: Lang) -> String {
    let a = f.assessment();
    lang.strings()
        .review
        .file_option
        .replace("{file}", &f.file_name)
        .replace(
            "{year}",
            &a.profile.year.map(|y| y.to_string()).unwrap_or_default(),
        )
        .replace(
            "{date}",
            &thc_core::base::dates::ymd_hm(&f.imported.exported_at),
        )
}

#[component]
pub(super) fn CompareView() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let centre = RwSignal::new(None::<String>);
    let before = RwSignal::new(None::<String>);
    let after = RwSignal::new(None::<String>);

    let body = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        // Groups of files of the same centre (oldest first), by file id.
        let groups: Vec<(String, Vec<Arc<CentreFile>>)> = ws.state.with(|st| {
            let files = st.files();
            let refs: Vec<&CentreFile> = files.iter().map(Arc::as_ref).collect();
            thc_core::county::same_centre_groups(&refs)
                .into_iter()
                .map(|(name, g)| {
                    let ids: Vec<Arc<CentreFile>> = g
                        .iter()
                        .filter_map(|f| files.iter().find(|x| x.id == f.id).cloned())
                        .collect();
                    (name, ids)
                })
                .collect()
        });
        let heading = view! {
            <h2 id="compare-heading">{s.compare_heading}</h2>
            <p class="muted">{s.compare_intro}</p>
        };
        let picked = centre.get();
        let Some((name, group)) = groups
            .iter()
            .find(|(n, _)| Some(n) == picked.as_ref())
            .or_else(|| groups.first())
            .cloned()
        else {
            return view! { {heading}<p class="muted">{s.compare_none}</p> }.into_any();
        };
        let choose = |signal: RwSignal<Option<String>>, fallback: Option<&Arc<CentreFile>>| {
            signal
                .get()
                .and_then(|id| group.iter().find(|f| f.id == id).cloned())
                .or_else(|| fallback.cloned())
        };
        let (Some(b), Some(a)) = (choose(before, group.first()), choose(after, group.last()))
        else {
            return heading.into_any();
        };
        let file_options = |current: &str| {
            group
                .iter()
                .map(|f| {
                    let selected = f.id == current;
                    view! { <option value=f.id.clone() selected=selected>{file_option_label(f, lang)}</option> }
                })
                .collect_view()
        };
        let centre_options = groups
            .iter()
            .map(|(n, _)| {
                let selected = *n == name;
                view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
            })
            .collect_view();
        let result = if b.id == a.id {
            view! { <p class="muted">{s.compare_same_file}</p> }.into_any()
        } else if b.catalogue().id != a.catalogue().id {
            view! { <p class="field-warning">{s.compare_different_catalogue}</p> }.into_any()
        } else {
            comparison_view(&b, &a, lang).into_any()
        };
        view! {
            {heading}
            <div class="toolbar compare-pick">
                <div class="field">
                    <label for="compare-centre">{s.compare_centre}</label>
                    <select id="compare-centre" on:change=move |ev| {
                        centre.set(Some(event_target_value(&ev)));
                        before.set(None);
                        after.set(None);
                    }>{centre_options}</select>
                </div>
                <div class="field">
                    <label for="compare-before">{s.compare_before}</label>
                    <select id="compare-before" on:change=move |ev| before.set(Some(event_target_value(&ev)))>{file_options(&b.id)}</select>
                </div>
                <div class="field">
                    <label for="compare-after">{s.compare_after}</label>
                    <select id="compare-after" on:change=move |ev| after.set(Some(event_target_value(&ev)))>{file_options(&a.id)}</select>
                </div>
            </div>
            {result}
        }
        .into_any()
    };
    view! {
        <section class="compare-view" aria-labelledby="compare-heading">{body}</section>
    }
}

/// What changed between two files of one centre.
pub(super) fn comparison_view(
    before: &CentreFile,
    after: &CentreFile,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings().review;
    let catalogue = after.catalogue();
    let c = thc_core::county::compare(catalogue, before.assessment(), after.assessment());
    let overall = s
        .compare_overall
        .replace(
            "{before}",
            &thc_core::present::percent::percent_text(&c.before.overall.compliance()),
        )
        .replace(
            "{after}",
            &thc_core::present::percent::percent_text(&c.after.overall.compliance()),
        )
        .replace("{gaps_before}", &c.before.gaps.len().to_string())
        .replace("{gaps_after}", &c.after.gaps.len().to_string());
    let sections = c
        .sections
        .iter()
        .map(|d| {
            let title = catalogue.section(&d.section_id)
                .map(|x| text(&x.title, lang))
                .unwrap_or_default();
            let b = thc_core::present::percent::percent_text(&d.before.compliance());
            let a = thc_core::present::percent::percent_text(&d.after.compliance());
            view! { <tr><th scope="row">{title}</th><td class="num">{b}</td><td class="num">{a}</td></tr> }
        })
        .collect_view();
    let lists = ChangeKind::ALL
        .into_iter()
        .map(|kind| {
            let items: Vec<_> = c
                .of_kind(kind)
                .map(|ch| {
                    let title = catalogue
                        .find_criterion(&ch.criterion_id)
                        .map(|x| text(&x.criterion.title, lang))
                        .unwrap_or_else(|| ch.criterion_id.clone());
                    let figure = |r: Option<&thc_core::evaluation::CriterionResult>| {
                        r.map(|r| explain::explain(catalogue, r, lang))
                            .unwrap_or_default()
                    };
                    let verdicts = format!(
                        "{} → {}",
                        explain::verdict_label(ch.before, lang),
                        explain::verdict_label(ch.after, lang)
                    );
                    view! {
                        <li>
                            <strong>{title}</strong>{" "}<span class="verdict-change">{verdicts}</span>
                            <p class="figure">{s.before_label}{figure(c.before_result(ch))}</p>
                            <p class="figure">{s.after_label}{figure(c.after_result(ch))}</p>
                        </li>
                    }
                })
                .collect();
            let heading = format!("{}（{}）", kind.label(lang), items.len());
            let list = if items.is_empty() {
                view! { <p class="muted">{s.compare_nothing}</p> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            };
            view! {
                <section class=format!("change-list change-{}", kind.key())>
                    <h3>{heading}</h3>
                    {list}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="comparison">
            <p class="overall">{overall}</p>
            <div class="table-scroll" role="region" aria-label=s.compare_sections tabindex="0">
                <table class="compare-sections">
                    <thead><tr>
                        <th scope="col">{s.col_section}</th>
                        <th scope="col">{s.compare_before}</th>
                        <th scope="col">{s.compare_after}</th>
                    </tr></thead>
                    <tbody>{sections}</tbody>
                </table>
            </div>
            {lists}
        </div>
    }
}
