//! The roll-up table: one row per centre, sortable, filterable, exportable.

use leptos::prelude::*;

use super::workspace::{centre_label, review_button_id, Workspace};
use crate::platform::clock::now;
use crate::platform::collate::name_collation;
use crate::platform::files::download;
use crate::platform::files::XLSX_TYPE;
use crate::ui::shell::NoticeKind;
use thc_core::assessment::review::ReviewStatus;
use thc_core::county::{RollupFilter, RollupRow, SortDirection, SortKey};

// ---------------------------------------------------------------------------------------------
// Roll-up
// ---------------------------------------------------------------------------------------------

/// The roll-up rows the table shows: filtered, then sorted.
pub(super) fn shown_rows(
    rollup: &thc_core::county::Rollup,
    filter: &RollupFilter,
    sort: (SortKey, SortDirection),
) -> Vec<RollupRow> {
    let mut rows: Vec<RollupRow> = rollup
        .rows
        .iter()
        .filter(|row| row.matches(filter))
        .cloned()
        .collect();
    thc_core::county::sort_rows(&mut rows, sort.0, sort.1, &name_collation());
    rows
}

/// Chinese collation from the browser's `Intl.Collator` ("zh-CN": pinyin, the order Excel gives
/// a county reviewer), so 白水 comes before 东岭. Names the collator finds equal fall back to code
/// point order, keeping the order total; so does a failed call.

#[component]
pub(super) fn RollupTable() -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let sort = RwSignal::new((SortKey::Centre, SortDirection::Ascending));
    let filter_text = RwSignal::new(String::new());
    let filter_status = RwSignal::new(None::<ReviewStatus>);
    let filter = move || RollupFilter {
        text: filter_text.get(),
        status: filter_status.get(),
    };

    let rollup = Memo::new(move |_| {
        let catalogue = ws.current_catalogue().unwrap_or_default();
        ws.state.with(|st| {
            let files = st.files();
            thc_core::county::rollup(
                files.iter().map(|f| (f.as_ref(), st.review(&f.id))),
                &catalogue,
            )
        })
    });

    let export = move |_| {
        let lang = ws.lang.get_untracked();
        let at = now();
        let bytes = rollup.with_untracked(|r| {
            let rows = shown_rows(r, &untrack(filter), sort.get_untracked());
            let refs: Vec<&RollupRow> = rows.iter().collect();
            thc_core::county::rollup_xlsx(r, &refs, lang, at)
        });
        if download(&thc_core::county::rollup_file_name(at), &bytes, XLSX_TYPE).is_err() {
            ws.shell.notify(
                NoticeKind::Error,
                lang.strings().exchange.download_failed.to_string(),
            );
        }
    };

    let toolbar = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let current = untrack(move || filter_status.get()).map(ReviewStatus::key);
        let options = ReviewStatus::ALL
            .into_iter()
            .map(|st| {
                let selected = current == Some(st.key());
                view! { <option value=st.key() selected=selected>{st.label(lang)}</option> }
            })
            .collect_view();
        view! {
            <h2 id="rollup-heading">{s.rollup_heading}</h2>
            <div class="toolbar rollup-filters">
                <div class="field">
                    <label for="rollup-filter">{s.filter_text}</label>
                    <input type="search" id="rollup-filter" maxlength="100" prop:value=move || filter_text.get()
                        on:input=move |ev| filter_text.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="rollup-status">{s.filter_status}</label>
                    <select id="rollup-status" on:change=move |ev| filter_status.set(ReviewStatus::from_key(&event_target_value(&ev)))>
                        <option value="all" selected=current.is_none()>{s.status_all}</option>
                        {options}
                    </select>
                </div>
                <button type="button" on:click=export>{s.export_xlsx}</button>
            </div>
        }
    };

    let table = move || {
        let lang = ws.lang.get();
        let s = lang.strings().review;
        let (sort_key, direction) = sort.get();
        let r = rollup.get();
        let rows = shown_rows(&r, &filter(), (sort_key, direction));
        let graded = !r.tiers.is_empty();
        let header = |key: SortKey, label: String| {
            let (aria, mark) = if key == sort_key {
                (
                    direction.aria(),
                    match direction {
                        SortDirection::Ascending => " ▲",
                        SortDirection::Descending => " ▼",
                    },
                )
            } else {
                ("none", "")
            };
            view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="sort" on:click=move |_| sort.update(|(k, d)| {
                        if *k == key { *d = d.flipped(); } else { *k = key; *d = SortDirection::Ascending; }
                    })>{label}<span class="sort-mark" aria-hidden="true">{mark}</span></button>
                </th>
            }
        };
        let mut heads = vec![
            header(SortKey::Centre, s.col_centre.to_string()),
            header(SortKey::County, s.col_county.to_string()),
            header(SortKey::CentreType, s.col_type.to_string()),
            header(SortKey::BedClass, s.col_beds.to_string()),
            header(SortKey::Progress, s.col_progress.to_string()),
        ];
        for (i, col) in r.sections.iter().enumerate() {
            heads.push(header(SortKey::Section(i), col.title.get(lang).to_string()));
        }
        heads.push(header(SortKey::Overall, s.col_overall.to_string()));
        if graded {
            heads.push(header(SortKey::Tier, s.col_tier.to_string()));
        }
        heads.push(header(SortKey::Gaps, s.col_gaps.to_string()));
        heads.push(header(SortKey::Status, s.col_status.to_string()));
        let not_kept = ws.state.with(|st| st.not_kept());
        let count = s
            .showing
            .replace("{shown}", &rows.len().to_string())
            .replace("{total}", &r.rows.len().to_string());
        let body = rows
            .iter()
            .map(|row| {
                let name = centre_label(&row.centre_name, lang);
                let open_id = row.file_id.clone();
                let remove_id = row.file_id.clone();
                let kept = !not_kept.contains(&row.file_id);
                let year = row.year.map(|y| format!(" · {y}")).unwrap_or_default();
                let mut cells: Vec<String> = Vec::with_capacity(row.sections.len() + 2);
                cells.push(thc_core::present::percent::percent_text(&row.progress));
                cells.extend(row.sections.iter().map(|f| {
                    f.as_ref()
                        .map(thc_core::present::percent::percent_text)
                        .unwrap_or_else(|| "—".to_string())
                }));
                cells.push(thc_core::present::percent::percent_text(&row.overall));
                let numbers = cells
                    .into_iter()
                    .map(|c| view! { <td class="num">{c}</td> })
                    .collect_view();
                let tier = graded.then(|| view! { <td>{thc_core::county::tier_text(&r, row, lang)}</td> });
                view! {
                    <tr>
                        <th scope="row">
                            <span class="centre-name">{name.clone()}</span>{year}
                            {(!kept).then(|| view! { <span class="badge badge-warn">{s.not_kept_badge}</span> })}
                            <span class="file-name">{row.file_name.clone()}</span>
                        </th>
                        <td>{row.county.clone()}</td>
                        <td>{thc_core::county::type_text(row, lang)}</td>
                        <td>{thc_core::county::bed_text(row, lang)}</td>
                        {numbers}
                        {tier}
                        <td class="num">{row.gaps.to_string()}</td>
                        <td><span class=format!("status status-{}", row.status.key())>{row.status.label(lang)}</span></td>
                        <td class="row-actions">
                            <button type="button" class="primary" id=review_button_id(&row.file_id)
                                aria-label=format!("{} {}", s.review_button, name)
                                on:click=move |_| ws.open_review(&open_id)>{s.review_button}</button>
                            <button type="button" aria-label=format!("{} {}", s.remove_button, name)
                                on:click=move |_| ws.removing.set(Some(remove_id.clone()))>{s.remove_button}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="muted rollup-count" role="status">{count}</p>
            {rows.is_empty().then(|| view! { <p class="muted">{s.no_rows}</p> })}
            <div class="table-scroll" role="region" aria-labelledby="rollup-heading" tabindex="0">
                <table class="rollup">
                    <thead><tr>{heads}<th scope="col">{s.col_actions}</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };

    view! {
        <section class="rollup-view" aria-labelledby="rollup-heading">
            {toolbar}
            {table}
        </section>
    }
}
