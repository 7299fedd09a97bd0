//! Reviewing one centre item by item, with sign-off and export of the reviewed file.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::files::RemoveConfirm;
use super::workspace::{centre_label, section_dom_id, Workspace};
use crate::platform::clock::{clock_time, now, today};
use crate::platform::dom::focus_by_id;
use crate::platform::files::download;
use crate::platform::files::JSON_TYPE;
use crate::ui::common::{card_dom_id, text, verdict_class};
use crate::ui::shell::NoticeKind;
use thc_core::assessment::format_value;
use thc_core::assessment::review::{Conclusion, ItemVerdict, Review};
use thc_core::base::dates::CalendarText;
use thc_core::catalogue::CriterionKind;
use thc_core::county::CentreFile;
use thc_core::evaluation::Verdict;
use thc_core::i18n::Lang;
use thc_core::present::explain;
use thc_core::workflow::workspace::SaveNote;

// ---------------------------------------------------------------------------------------------
// Reviewing one centre
// ---------------------------------------------------------------------------------------------

#[component]
pub(super) fn ReviewPane(file_id: String) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let Some(file) = ws.file(&file_id) else {
        return (move || {
            let lang = ws.lang.get();
            view! {
                <p>{lang.strings().not_found_title}</p>
                <button type="button" on:click=move |_| ws.close_review()>{lang.strings().review.back}</button>
            }
        })
        .into_any();
    };
    let only_gaps = RwSignal::new(false);
    let only_open = RwSignal::new(false);

    // Only the language re-renders the whole pane; edits update their own controls.
    (move || {
        let lang = ws.lang.get();
        let t = lang.strings();
        let s = t.review;
        let x = t.exchange;
        let a = file.assessment();
        let e = &file.evaluation;
        let catalogue = file.catalogue();
        let name = centre_label(a.profile.centre_name.as_str(), lang);
        let heading = match a.profile.year {
            Some(y) => format!("{name} · {y}"),
            None => name,
        };
        let beds = catalogue
            .beds_input
            .as_ref()
            .and_then(|b| a.inputs.get(b).copied());
        let facts: Vec<(&'static str, String)> = vec![
            (x.info_county, a.profile.county.clone()),
            (
                s.col_type,
                a.profile
                    .centre_type
                    .map(|t| t.label(lang).to_string())
                    .unwrap_or_else(|| s.not_entered.to_string()),
            ),
            (
                s.col_beds,
                beds.map(|b| {
                    s.beds_value
                        .replace("{beds}", &thc_core::base::exact::format_thousands(b))
                        .replace("{class}", thc_core::catalogue::BedClass::of(b).label(lang))
                })
                .unwrap_or_else(|| s.not_entered.to_string()),
            ),
            (x.info_filled_by, a.profile.filled_by.clone()),
            (x.info_catalogue, text(&catalogue.title, lang)),
            (s.col_file, file.file_name.clone()),
            (
                x.info_exported,
                thc_core::base::dates::ymd_hm(&file.imported.exported_at),
            ),
        ];
        let facts = facts
            .into_iter()
            .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
            .collect_view();
        let earlier = file.file_review.as_ref().map(|r| {
            view! { <p class="notice notice-warning" role="status">{s.earlier_review}{" "}{r.signed_line(lang)}</p> }
        });
        let tiers = e.tiers.as_ref().map(|report| {
            let items = report
                .tiers
                .iter()
                .map(|o| view! { <li>{explain::tier_line(catalogue, o, lang)}</li> })
                .collect_view();
            view! { <ul class="tiers">{items}</ul> }
        });
        let total = e
            .results
            .iter()
            .filter(|r| r.verdict != Verdict::NotApplicable)
            .count();
        let id = file.id.clone();
        let tally = move || {
            let t = ws
                .state
                .with(|st| st.review(&id).map(Review::tally))
                .unwrap_or_default();
            let reviewed = (t.agree + t.disagree + t.needs_evidence) as usize;
            s.tally
                .replace("{agree}", &t.agree.to_string())
                .replace("{disagree}", &t.disagree.to_string())
                .replace("{needs}", &t.needs_evidence.to_string())
                .replace("{open}", &total.saturating_sub(reviewed).to_string())
        };
        // Buttons, not links: the URL fragment is the router's.
        let jump = catalogue
            .sections
            .iter()
            .map(|section| {
                let target = section_dom_id(&section.id);
                view! {
                    <li><button type="button" class="link-button" on:click=move |_| {
                        if let Some(el) = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(&target))
                        {
                            el.scroll_into_view();
                        }
                        focus_by_id(&target);
                    }>{text(&section.title, lang)}</button></li>
                }
            })
            .collect_view();
        let sections = catalogue
            .sections
            .iter()
            .enumerate()
            .map(|(si, section)| {
                let summary = e
                    .sections
                    .get(si)
                    .map(|x| explain::summary_line(&x.summary, lang))
                    .unwrap_or_default();
                let items = section
                    .criteria
                    .iter()
                    .map(|criterion| review_item(&file, &criterion.id, only_gaps, only_open, lang))
                    .collect_view();
                view! {
                    <section class="review-section" id=section_dom_id(&section.id) tabindex="-1">
                        <h2>{text(&section.title, lang)}</h2>
                        <p class="muted">{summary}</p>
                        {items}
                    </section>
                }
            })
            .collect_view();
        let save_note = move || {
            ws.save_note.get().map(|n| match n {
                SaveNote::Saved(at) => view! { <span class="save-indicator" role="status">{s.saved.replace("{time}", &clock_time(&at))}</span> }.into_any(),
                SaveNote::Pending => view! { <span class="save-indicator" role="status">{t.saving}</span> }.into_any(),
                SaveNote::Failed(m) => view! { <span class="save-indicator field-error" role="alert">{m}</span> }.into_any(),
            })
        };
        let not_kept = {
            let id = file.id.clone();
            move || {
                ws.state
                    .with(|st| st.get(&id).is_some_and(|o| !o.kept))
                    .then(|| view! { <p class="field-warning">{s.not_kept_note}</p> })
            }
        };
        let remove_id = file.id.clone();
        view! {
            <div class="review-pane">
                <div class="button-row no-print">
                    <button type="button" on:click=move |_| ws.close_review()>{s.back}</button>
                </div>
                <div class="editor-header">
                    <div>
                        <h1 id="review-pane-heading" tabindex="-1">{s.review_heading.replace("{centre}", &heading)}</h1>
                        <p class="import-verified">{s.verified}</p>
                    </div>
                    <div class="editor-actions">{save_note}</div>
                </div>
                {not_kept}
                {earlier}
                <dl class="import-facts review-facts">{facts}</dl>
                <p class="overall">{explain::summary_line(&e.overall, lang)}</p>
                {tiers}
                <p class="tally" role="status">{tally}</p>
                <div class="toolbar">
                    <div class="check-row">
                        <input type="checkbox" id="review-only-gaps" prop:checked=move || only_gaps.get()
                            on:change=move |ev| only_gaps.set(event_target_checked(&ev)) />
                        <label for="review-only-gaps">{s.only_gaps}</label>
                    </div>
                    <div class="check-row">
                        <input type="checkbox" id="review-only-open" prop:checked=move || only_open.get()
                            on:change=move |ev| only_open.set(event_target_checked(&ev)) />
                        <label for="review-only-open">{s.only_open}</label>
                    </div>
                </div>
                <nav class="section-jump" aria-label=t.sections_label>
                    <ul>{jump}</ul>
                </nav>
                {sections}
                <SignOff file=file.clone() lang=lang />
                <div class="button-row">
                    <button type="button" on:click=move |_| ws.removing.set(Some(remove_id.clone()))>{s.remove_button}</button>
                </div>
                <RemoveConfirm />
            </div>
        }
    })
    .into_any()
}

/// One criterion: the director's answer read-only, and the reviewer's verdict and comment.
pub(super) fn review_item(
    file: &Arc<CentreFile>,
    criterion_id: &str,
    only_gaps: RwSignal<bool>,
    only_open: RwSignal<bool>,
    lang: Lang,
) -> AnyView {
    let ws = expect_context::<Workspace>();
    let s = lang.strings().review;
    let catalogue = file.catalogue();
    let (Some(found), Some(result)) = (
        catalogue.find_criterion(criterion_id),
        file.evaluation.result(criterion_id),
    ) else {
        return ().into_any();
    };
    let criterion = found.criterion;
    let record = file
        .assessment()
        .item(criterion_id)
        .cloned()
        .unwrap_or_default();
    let verdict = result.verdict;
    let dom = format!("r{}", card_dom_id(criterion_id));
    let heading_id = format!("{dom}-title");
    let comment_id = format!("{dom}-comment");
    let group = format!("{dom}-verdict");

    let fid = file.id.clone();
    let cid = criterion_id.to_string();
    let item = Memo::new(move |_| {
        ws.state
            .with(|st| st.review(&fid).and_then(|r| r.item(&cid)).cloned())
    });
    let hidden = move || {
        (only_gaps.get() && !verdict.needs_attention())
            || (only_open.get() && item.with(|i| i.as_ref().is_some_and(|i| i.verdict.is_some())))
    };

    // Numeric-input criteria show the figures entered.
    let inputs = match &criterion.kind {
        CriterionKind::NumericInputs { inputs, .. } => {
            let rows = inputs
                .iter()
                .filter_map(|id| {
                    let def = catalogue.input(id)?;
                    let a = file.assessment();
                    // A refused text is shown as typed, marked, never as "not entered".
                    let value = a
                        .input(id)
                        .map(|v| format_value(v, def.kind))
                        .or_else(|| {
                            a.rejected_input(id).map(|t| {
                                let label = explain::verdict_label(Verdict::NeedsCorrection, lang);
                                match lang {
                                    Lang::Zh => format!("“{t}”（{label}）"),
                                    Lang::En => format!("“{t}” ({label})"),
                                }
                            })
                        })
                        .unwrap_or_else(|| s.not_entered.to_string());
                    Some(view! { <li>{text(&def.label, lang)}{"："}{value}</li> })
                })
                .collect_view();
            Some(view! { <ul class="inputs">{rows}</ul> })
        }
        _ => None,
    };
    let evidence = record.evidence.trim().to_string();
    let evidence = (!evidence.is_empty()).then(|| {
        let prefix = if record.not_applicable {
            s.na_reason_prefix
        } else {
            s.evidence_prefix
        };
        view! { <p class="director-evidence">{prefix}{evidence}</p> }
    });
    let action = record.action.as_ref().map(|a| {
        let deadline = a.deadline.map(|d| d.ymd()).unwrap_or_default();
        let line = format!("{} {} {}", a.measure, a.owner, deadline)
            .trim()
            .to_string();
        view! { <p class="director-action">{s.action_prefix}{line}</p> }
    });
    let radios = ItemVerdict::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .map(|choice| {
            let fid = file.id.clone();
            let cid = criterion_id.to_string();
            let input_id = format!("{group}-{}", choice.map(ItemVerdict::key).unwrap_or("none"));
            let label = choice.map(|v| v.label(lang)).unwrap_or(s.verdict_none);
            view! {
                <span class="radio">
                    <input type="radio" name=group.clone() id=input_id.clone()
                        prop:checked=move || item.with(|i| i.as_ref().and_then(|i| i.verdict)) == choice
                        on:change=move |_| {
                            let cid = cid.clone();
                            ws.edit(&fid, move |r| r.set_verdict(&cid, choice));
                        } />
                    <label for=input_id>{label}</label>
                </span>
            }
        })
        .collect_view();
    let fid_comment = file.id.clone();
    let cid_comment = criterion_id.to_string();
    let director = format!(
        "{}{}",
        s.director_prefix,
        explain::result_label(result, lang)
    );
    view! {
        <article class=format!("criterion review-item {}", verdict_class(verdict)) id=dom
            aria-labelledby=heading_id.clone() hidden=hidden>
            <header class="criterion-head">
                <h3 id=heading_id.clone()>{text(&criterion.title, lang)}</h3>
                <span class="badge">{explain::badge_label(criterion, file.assessment().profile.centre_type, lang)}</span>
                <span class="verdict">{director}</span>
            </header>
            <p class="figure">{explain::explain(catalogue, result, lang)}</p>
            {inputs}
            {evidence}
            {action}
            <fieldset class="review-choice">
                <legend>{s.item_verdict}</legend>
                {radios}
            </fieldset>
            <div class="field">
                <label for=comment_id.clone()>{s.item_comment}</label>
                <textarea id=comment_id rows="2" maxlength="4000"
                    prop:value=move || item.with(|i| i.as_ref().map(|i| i.comment.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let cid = cid_comment.clone();
                        ws.edit(&fid_comment, move |r| r.set_comment(&cid, &v));
                    }></textarea>
            </div>
        </article>
    }
    .into_any()
}

/// Reviewer, date, conclusion, overall comment; export of the reviewed file.
#[component]
pub(super) fn SignOff(file: Arc<CentreFile>, lang: Lang) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let s = lang.strings().review;
    let fid = file.id.clone();
    let review = {
        let fid = fid.clone();
        let file = file.clone();
        Memo::new(move |_| {
            ws.state
                .with(|st| st.review(&fid).cloned())
                .unwrap_or_else(|| file.starting_review(today()))
        })
    };
    let problems = RwSignal::new(Vec::<String>::new());
    let exported = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(false);
    let edit = move |change: Box<dyn FnOnce(&mut Review)>| {
        exported.set(None);
        ws.edit(&fid, change);
    };
    let export = {
        let file = file.clone();
        move |_| {
            let r = review.get_untracked();
            let at = now();
            match file.export_reviewed(&r, at) {
                Err(list) => {
                    problems.set(
                        list.iter()
                            .map(|p| p.message(file.catalogue(), lang))
                            .collect(),
                    );
                    set_timeout(|| focus_by_id("signoff-problems"), Duration::from_millis(0));
                }
                Ok(json) => {
                    problems.set(Vec::new());
                    ws.flush();
                    let name = thc_core::county::reviewed_file_name(file.assessment(), at);
                    match download(&name, json.as_bytes(), JSON_TYPE) {
                        Ok(()) => exported.set(Some(name)),
                        Err(_) => ws.shell.notify(
                            NoticeKind::Error,
                            lang.strings().exchange.download_failed.to_string(),
                        ),
                    }
                }
            }
        }
    };
    let conclusions = Conclusion::ALL
        .into_iter()
        .map(|c| {
            let input_id = format!("conclusion-{}", c.key());
            let edit = edit.clone();
            view! {
                <span class="radio">
                    <input type="radio" name="review-conclusion" id=input_id.clone()
                        prop:checked=move || review.with(|r| r.conclusion == Some(c))
                        on:change=move |_| edit(Box::new(move |r| r.conclusion = Some(c))) />
                    <label for=input_id>{c.label(lang)}</label>
                </span>
            }
        })
        .collect_view();
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    view! {
        <section class="panel signoff" aria-labelledby="signoff-heading">
            <h2 id="signoff-heading">{s.signoff_heading}</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="review-reviewer">{s.reviewer_name}</label>
                    <input type="text" id="review-reviewer" maxlength="100" autocomplete="name"
                        prop:value=move || review.with(|r| r.reviewer.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            e1(Box::new(move |r| r.set_reviewer(&v)));
                        } />
                </div>
                <div class="field">
                    <label for="review-date">{s.reviewed_on}</label>
                    <input type="date" id="review-date" aria-invalid=move || date_error.get().then_some("true")
                        aria-describedby="review-date-error"
                        prop:value=move || review.with(|r| r.reviewed_on.ymd())
                        on:change=move |ev| match thc_core::base::dates::parse_ymd(&event_target_value(&ev)) {
                            Some(d) => {
                                date_error.set(false);
                                e2(Box::new(move |r| r.reviewed_on = d));
                            }
                            None => date_error.set(true),
                        } />
                    <p id="review-date-error" class="field-error" hidden=move || !date_error.get()>{s.date_error}</p>
                </div>
            </div>
            <fieldset class="field">
                <legend>{s.conclusion}</legend>
                {conclusions}
            </fieldset>
            <div class="field">
                <label for="review-comment">{s.overall_comment}</label>
                <textarea id="review-comment" rows="3" maxlength="4000"
                    prop:value=move || review.with(|r| r.comment.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        e3(Box::new(move |r| r.set_overall_comment(&v)));
                    }></textarea>
            </div>
            <p class="help">{s.export_help}</p>
            <div class="button-row">
                <button type="button" class="primary" on:click=export>{s.export_reviewed}</button>
            </div>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| {
                    let items = list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
                    view! {
                        <div class="notice notice-error" id="signoff-problems" tabindex="-1" role="alert">
                            <div><p>{s.signoff_problems}</p><ul>{items}</ul></div>
                        </div>
                    }
                })
            }}
            {move || exported.get().map(|name| view! {
                <p class="notice notice-warning" role="status">{s.exported.replace("{file}", &name)}</p>
            })}
        </section>
    }
}
