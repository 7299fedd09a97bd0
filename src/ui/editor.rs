//! The director's assessment view: profile, sections with live verdicts, and the summary.
//!
//! Each control sends one intent to the session (`session.edit`); every figure, verdict and
//! explanation on screen is read from the session's evaluation memo.

use leptos::prelude::*;

use super::common::{percent_floor, text};
use super::criterion::CriterionCard;
use super::session::{SaveState, Session};
use super::shell::{NoticeKind, Shell};
use crate::platform::clock::clock_time;
use crate::platform::storage;
use thc_core::catalogue::CentreType;
use thc_core::i18n::Lang;
use thc_core::present::explain;
use thc_core::store::LoadOutcome;
use thc_core::workflow::route::Route;

/// Pseudo-sections that are not catalogue sections.
pub const PROFILE_PAGE: &str = "_profile";
pub const SUMMARY_PAGE: &str = "_summary";

/// Loads the assessment `id` and shows it; keeps one session while only the page changes.
#[component]
pub fn AssessmentView(id: String, page: Memo<Option<String>>) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let lang = shell.lang;
    let t = move || lang.get().strings();

    let outcome = storage::load_assessment(&id);
    if let Some(notice) = outcome
        .as_ref()
        .ok()
        .and_then(|o| o.notice(lang.get_untracked()))
        .filter(|_| matches!(outcome, Ok(LoadOutcome::RecoveredFromBackup { .. })))
    {
        shell.notify(NoticeKind::Warning, notice);
    }
    let session = match outcome {
        Ok(LoadOutcome::Loaded(stored)) => Some(stored),
        Ok(LoadOutcome::RecoveredFromBackup { stored, .. }) => Some(stored),
        Ok(LoadOutcome::Missing) => None,
        Ok(LoadOutcome::NewerVersion { problem }) => {
            shell.notify(NoticeKind::Error, problem.message(lang.get_untracked()));
            None
        }
        Ok(LoadOutcome::Unreadable { problem }) => {
            shell.notify(NoticeKind::Error, problem.message(lang.get_untracked()));
            None
        }
        Err(err) => {
            shell.notify(NoticeKind::Error, err.message(lang.get_untracked()));
            None
        }
    }
    .and_then(|stored| {
        let catalogue = super::catalogues::find_catalogue(&stored.assessment.catalogue_id);
        match catalogue {
            Some(c) => Some(Session::new(c, stored, lang)),
            None => {
                shell.notify(
                    NoticeKind::Error,
                    format!(
                        "{}: {}",
                        t().unknown_catalogue,
                        stored.assessment.catalogue_id
                    ),
                );
                None
            }
        }
    });

    let Some(session) = session else {
        return view! {
            <section class="view">
                <h1>{move || t().assessment_not_found}</h1>
                <p><a href="#/">{move || t().back_home}</a></p>
            </section>
        }
        .into_any();
    };
    provide_context(session);

    crate::platform::dom::flush_when_leaving(move || session.flush());
    let key = thc_core::store::main_key(&id).unwrap_or_default();
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(key.as_str()) {
            session.check_other_tab(ev.new_value());
        }
    });
    on_cleanup(move || other_tab.remove());

    // A new page starts at its top, as a new paper page would.
    Effect::new(move |previous: Option<Option<String>>| {
        let current = page.get();
        if previous.is_some() {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        current
    });

    let id_for_nav = id.clone();
    view! {
        <div class="editor">
            <EditorHeader />
            <div class="editor-body">
                <SectionNav id=id_for_nav page=page />
                <div class="editor-page">
                    {move || {
                        session.generation.track();
                        let current = page.get().unwrap_or_else(|| PROFILE_PAGE.to_string());
                        if current == PROFILE_PAGE {
                            view! { <ProfilePage /> }.into_any()
                        } else if current == SUMMARY_PAGE {
                            view! { <SummaryPage /> }.into_any()
                        } else if session.catalogue.sections.iter().any(|s| s.id == current) {
                            view! { <SectionPage section_id=current /> }.into_any()
                        } else {
                            view! { <p>{move || t().not_found_title}</p> }.into_any()
                        }
                    }}
                </div>
            </div>
        </div>
    }
    .into_any()
}

/// Centre name, catalogue, and the save indicator with conflict choices.
#[component]
fn EditorHeader() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let title = move || {
        session.assessment.with(|a| {
            let name = if a.profile.centre_name.trim().is_empty() {
                t().unnamed_centre.to_string()
            } else {
                a.profile.centre_name.clone()
            };
            match a.profile.year {
                Some(y) => format!("{name} · {y}"),
                None => name,
            }
        })
    };
    let report_href = move || {
        Route::Report {
            id: session.assessment.with(|a| a.id.clone()),
        }
        .href()
    };
    view! {
        <div class="editor-header">
            <div>
                <h1>{title}</h1>
                <p class="muted">{move || text(&session.catalogue.title, lang.get())}
                    {move || if session.catalogue.sample { format!(" · {}", t().sample_catalogue) } else { String::new() }}
                </p>
            </div>
            <div class="editor-actions">
                <SaveIndicator />
                <a class="button-link no-print" href=report_href>{move || t().open_report}</a>
            </div>
        </div>
        <ExportReminderNote />
        {move || county_review_banner(session, lang.get())}
        {move || match session.save_state.get() {
            SaveState::Conflict { theirs } => {
                let at = clock_time(&theirs.saved_at);
                view! {
                    <div class="notice notice-error" role="alert">
                        <p>{move || t().conflict_text.replace("{time}", &at)}</p>
                        <div class="button-row">
                            <button type="button" on:click=move |_| session.take_theirs()>{move || t().conflict_take_theirs}</button>
                            <button type="button" on:click=move |_| session.keep_mine()>{move || t().conflict_keep_mine}</button>
                        </div>
                    </div>
                }.into_any()
            }
            SaveState::Failed(message) => view! {
                <div class="notice notice-error" role="alert"><p>{message}</p></div>
            }.into_any(),
            _ => ().into_any(),
        }}
    }
}

/// When the assessment came back from the county: its conclusion, reviewer, date and overall
/// remarks at the top of every page (item remarks sit on their cards).
fn county_review_banner(session: Session, lang: Lang) -> Option<impl IntoView> {
    session.assessment.with(|a| {
        let review = a.review.as_ref().filter(|r| !r.is_blank())?;
        let line = review.signed_line(lang);
        let comment = review.comment.trim().to_string();
        Some(view! {
            <div class="county-review county-review-banner" role="note">
                <p><strong>{line}</strong></p>
                {(!comment.is_empty()).then(|| view! { <p>{comment}</p> })}
            </div>
        })
    })
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let t = move || shell.lang.get().strings();
    view! {
        <span class="save-indicator" role="status" aria-live="polite">
            {move || match session.save_state.get() {
                SaveState::Saved { at } => t().saved_at.replace("{time}", &clock_time(&at)),
                SaveState::Pending => t().saving.to_string(),
                SaveState::Failed(_) => t().save_failed.to_string(),
                SaveState::Conflict { .. } => t().save_conflict.to_string(),
                SaveState::MemoryOnly => t().memory_only.to_string(),
            }}
        </span>
    }
}

/// Sections with their progress; on a phone it wraps above the page.
#[component]
fn SectionNav(id: String, page: Memo<Option<String>>) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let current = move || page.get().unwrap_or_else(|| PROFILE_PAGE.to_string());
    let link = move |page_id: String| {
        Route::Assessment {
            id: id.clone(),
            section: Some(page_id),
        }
        .href()
    };
    let link_profile = link.clone();
    let link_summary = link.clone();
    let sections = session
        .catalogue
        .sections
        .iter()
        .map(|s| {
            let sid = s.id.clone();
            let sid_active = s.id.clone();
            let sid_progress = s.id.clone();
            let title = s.title.clone();
            let progress = Memo::new(move |_| {
                session.evaluation.with(|e| {
                    e.0.sections
                        .iter()
                        .find(|x| x.section_id == sid_progress)
                        .map(|x| {
                            let s = x.summary;
                            (s.answered, s.applicable, s.gap + s.partly)
                        })
                        .unwrap_or((0, 0, 0))
                })
            });
            let active = Memo::new(move |_| current() == sid_active);
            view! {
                <li>
                    <a href=link(sid) class:active=move || active.get() aria-current=move || active.get().then_some("page")>
                        <span class="nav-title">{move || text(&title, lang.get())}</span>
                        <span class="nav-progress">
                            {move || { let (a, n, _) = progress.get(); format!("{a}/{n}") }}
                            {move || { let (_, _, g) = progress.get(); (g > 0).then(|| view! { <span class="nav-gaps">{format!(" · {g}")}</span> }) }}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="section-nav" aria-label=move || t().sections_label>
            <ul>
                <li><a href=link_profile(PROFILE_PAGE.to_string()) class:active=move || current() == PROFILE_PAGE>{move || t().profile_page}</a></li>
                {sections}
                <li><a href=link_summary(SUMMARY_PAGE.to_string()) class:active=move || current() == SUMMARY_PAGE>{move || t().summary_page}</a></li>
            </ul>
        </nav>
    }
}

#[component]
fn ProfilePage() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let profile_text = move |field: fn(&thc_core::assessment::Profile) -> &String| {
        move || session.assessment.with(|a| field(&a.profile).clone())
    };
    let flags = session
        .catalogue
        .flags
        .iter()
        .map(|f| {
            let fid = f.id.clone();
            let fid_checked = f.id.clone();
            let label = f.label.clone();
            let dom_id = format!("flag-{}", f.id);
            view! {
                <div class="check-row">
                    <input type="checkbox" id=dom_id.clone()
                        prop:checked=move || session.assessment.with(|a| a.profile.flags.contains(&fid_checked))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let fid = fid.clone();
                            session.edit(move |a, now| {
                                if on { a.profile.flags.insert(fid); } else { a.profile.flags.remove(&fid); }
                                a.updated_at = now;
                            });
                        } />
                    <label for=dom_id>{move || text(&label, lang.get())}</label>
                </div>
            }
        })
        .collect_view();
    let centre_type = move || session.assessment.with(|a| a.profile.centre_type);
    let type_radio = move |ct: CentreType| {
        let dom_id = format!("centre-type-{}", ct.key());
        view! {
            <span class="radio">
                <input type="radio" name="centre-type" id=dom_id.clone()
                    prop:checked=move || centre_type() == Some(ct)
                    on:change=move |_| session.edit(move |a, now| { a.profile.centre_type = Some(ct); a.updated_at = now; }) />
                <label for=dom_id>{move || ct.label(lang.get())}</label>
            </span>
        }
    };
    view! {
        <section class="page">
            <h2>{move || t().profile_page}</h2>
            <p class="muted">{move || t().profile_intro}</p>
            <div class="form-grid">
                <TextField id="centre-name" label=move || t().centre_name value=profile_text(|p| &p.centre_name)
                    on_input=move |v| session.edit(move |a, now| { a.profile.centre_name = v; a.updated_at = now; }) />
                <TextField id="county" label=move || t().county value=profile_text(|p| &p.county)
                    on_input=move |v| session.edit(move |a, now| { a.profile.county = v; a.updated_at = now; }) />
                <TextField id="filled-by" label=move || t().filled_by value=profile_text(|p| &p.filled_by)
                    on_input=move |v| session.edit(move |a, now| { a.profile.filled_by = v; a.updated_at = now; }) />
                <YearField />
            </div>
            <fieldset class="field">
                <legend>{move || t().centre_type}</legend>
                {type_radio(CentreType::General)}
                {type_radio(CentreType::Central)}
                <p class="help">{move || t().centre_type_help}</p>
            </fieldset>
            {(!session.catalogue.flags.is_empty()).then(|| view! {
                <fieldset class="field">
                    <legend>{move || t().profile_flags}</legend>
                    {flags}
                </fieldset>
            })}
            <p><a class="button-link" href=move || Route::Assessment {
                id: session.assessment.with(|a| a.id.clone()),
                section: session.catalogue.sections.first().map(|s| s.id.clone()),
            }.href()>{move || t().start_sections}</a></p>
        </section>
    }
}

#[component]
fn TextField(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: impl Fn() -> String + Send + Sync + 'static,
    on_input: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input type="text" id=id maxlength="200" prop:value=value
                on:input=move |ev| on_input(event_target_value(&ev)) />
        </div>
    }
}

#[component]
fn YearField() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let t = move || shell.lang.get().strings();
    let error = RwSignal::new(false);
    view! {
        <div class="field">
            <label for="year">{move || t().year}</label>
            <input type="text" id="year" inputmode="numeric" maxlength="4"
                aria-invalid=move || error.get().then_some("true")
                aria-describedby="year-error"
                prop:value=move || session.assessment.with(|a| a.profile.year.map(|y| y.to_string()).unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let trimmed = v.trim();
                    if trimmed.is_empty() {
                        error.set(false);
                        session.edit(|a, now| { a.profile.year = None; a.updated_at = now; });
                    } else {
                        match trimmed.parse::<i32>() {
                            Ok(y) if (2000..=2100).contains(&y) => {
                                error.set(false);
                                session.edit(move |a, now| { a.profile.year = Some(y); a.updated_at = now; });
                            }
                            _ => error.set(true),
                        }
                    }
                } />
            <p id="year-error" class="field-error" hidden=move || !error.get()>{move || t().year_error}</p>
        </div>
    }
}

#[component]
fn SectionPage(section_id: String) -> impl IntoView {
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
                            .map(|r| r.verdict.needs_action())
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
fn focus_criterion(criterion_id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&super::common::card_dom_id(criterion_id)))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

#[component]
fn SummaryPage() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let catalogue = session.catalogue;
    let bars = move || {
        session.evaluation.with(|e| {
            let row_height = 34;
            let rows: Vec<_> = e
                .0
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let title = catalogue.section(&s.section_id)
                        .map(|x| text(&x.title, lang.get()))
                        .unwrap_or_default();
                    let compliance = percent_floor(s.summary.compliance());
                    let progress = percent_floor(s.summary.progress());
                    let y = i as u32 * row_height;
                    view! {
                        <g>
                            <text x="0" y=y + 14 class="bar-label">{title}</text>
                            <rect x="0" y=y + 19 width="300" height="10" class="bar-track" />
                            <rect x="0" y=y + 19 width=compliance * 3 height="10" class="bar-fill" />
                            <text x="308" y=y + 28 class="bar-value">
                                {format!("{compliance}% · {} {progress}%", t().answered_short)}
                            </text>
                        </g>
                    }
                })
                .collect();
            let height = rows.len() as u32 * row_height + 4;
            view! {
                <svg class="section-bars" viewBox=format!("0 0 420 {height}") width="100%"
                    role="img" aria-label=t().compliance_chart_label>
                    {rows}
                </svg>
            }
        })
    };
    let overall = move || {
        session
            .evaluation
            .with(|e| explain::summary_line(&e.0.overall, lang.get()))
    };
    let tiers = move || {
        session.evaluation.with(|e| {
            e.0.tiers.as_ref().map(|report| {
                let items = report
                    .tiers
                    .iter()
                    .map(|o| view! { <li>{explain::tier_line(catalogue, o, lang.get())}</li> })
                    .collect_view();
                view! {
                    <h3>{t().tiers_heading}</h3>
                    <ul class="tiers">{items}</ul>
                }
            })
        })
    };
    let top_gaps = move || {
        session.evaluation.with(|e| {
            let items: Vec<_> = e
                .0
                .gap_results()
                .take(10)
                .map(|r| {
                    let title = catalogue
                        .find_criterion(&r.criterion_id)
                        .map(|c| text(&c.criterion.title, lang.get()))
                        .unwrap_or_default();
                    let line = explain::explain(catalogue, r, lang.get());
                    let href = Route::Assessment {
                        id: session.assessment.with_untracked(|a| a.id.clone()),
                        section: Some(r.section_id.clone()),
                    }
                    .href();
                    view! {
                        <li>
                            <a href=href>{title}</a>
                            <span class="badge">{explain::importance_label(r.importance, lang.get())}</span>
                            <br /><span class="figure">{line}</span>
                        </li>
                    }
                })
                .collect();
            if items.is_empty() {
                view! { <p>{t().no_gaps}</p> }.into_any()
            } else {
                view! { <ol class="top-gaps">{items}</ol> }.into_any()
            }
        })
    };
    view! {
        <section class="page">
            <h2>{move || t().summary_page}</h2>
            <CatalogueFit />
            <p class="overall">{overall}</p>
            {bars}
            {tiers}
            <h3>{move || t().top_gaps}</h3>
            {top_gaps}
            <p><a class="button-link" href=move || Route::Report { id: session.assessment.with(|a| a.id.clone()) }.href()>
                {move || t().open_report}</a></p>
            <super::transfer::ExportPanel />
        </section>
    }
}

/// How the assessment fits the catalogue it is shown with: a newer catalogue version, and
/// answers whose criterion no longer exists ("orphaned"). Orphaned answers are kept in the
/// assessment (and in exports) and listed here with what they held, never dropped.
#[component]
fn CatalogueFit() -> impl IntoView {
    use thc_core::assessment::AssessmentIssue;
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let issues = move || {
        session
            .assessment
            .with(|a| (a.check_against(session.catalogue), a.items.clone()))
    };
    move || {
        let (issues, items) = issues();
        if issues.is_empty() {
            return ().into_any();
        }
        let rows = issues
            .iter()
            .map(|issue| {
                let held = match issue {
                    AssessmentIssue::UnknownCriterion { id } => items.get(id).map(|r| {
                        let mut parts = Vec::new();
                        if let Some(answer) = &r.answer {
                            parts.push(answer_text(answer, lang.get()));
                        }
                        if !r.evidence.is_empty() {
                            parts.push(r.evidence.clone());
                        }
                        if let Some(action) = &r.action {
                            parts.push(action.measure.clone());
                        }
                        parts.join(" · ")
                    }),
                    _ => None,
                };
                view! {
                    <li>{issue.message(lang.get())}
                        {held.filter(|h| !h.is_empty()).map(|h| view! { <br /><span class="muted">{h}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="panel catalogue-fit" role="note">
                <h3>{t().orphans_heading}</h3>
                <p class="muted">{t().orphans_intro}</p>
                <ul>{rows}</ul>
            </div>
        }
        .into_any()
    }
}

/// A reminder to export when work has not been exported for a while: the data lives only in
/// this browser.
#[component]
fn ExportReminderNote() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    move || {
        // Re-checked whenever a save lands.
        let _ = session.save_state.get();
        session
            .export_reminder()
            .map(|r| view! { <p class="notice notice-warning export-reminder" role="status">{r.message(lang.get())}</p> })
    }
}

/// An answer as the director gave it, in words (for answers shown outside their criterion).
fn answer_text(answer: &thc_core::assessment::Answer, lang: Lang) -> String {
    use thc_core::assessment::{Answer, Status};
    let s = lang.strings();
    match answer {
        Answer::Status(Status::Met) => s.status_met.to_string(),
        Answer::Status(Status::Partly) => s.status_partly.to_string(),
        Answer::Status(Status::NotMet) => s.status_not_met.to_string(),
        Answer::Status(Status::NotApplicable) => s.mark_not_applicable.to_string(),
        Answer::Grade(g) => explain::grade_label(*g, lang).to_string(),
        Answer::SubItems(items) => {
            let met: Vec<&str> = items
                .iter()
                .filter(|(_, &on)| on)
                .map(|(id, _)| id.as_str())
                .collect();
            format!("{} {}", s.grade_label, met.join(", "))
        }
    }
}
