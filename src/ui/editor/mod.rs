//! The director's assessment view: profile, sections with live verdicts, and the summary.
//!
//! Each control sends one intent to the session (`session.edit`); every figure, verdict and
//! explanation on screen is read from the session's evaluation memo.

mod profile;
mod section;
mod summary;

use leptos::prelude::*;

use crate::platform::clock::clock_time;
use crate::platform::storage;
use crate::ui::common::text;
use crate::ui::session::{SaveState, Session};
use crate::ui::shell::{NoticeKind, Shell};
use thc_core::i18n::Lang;
use thc_core::store::LoadOutcome;
use thc_core::workflow::route::Route;

use profile::ProfilePage;
use section::SectionPage;
use summary::{ExportReminderNote, SummaryPage};

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
        let catalogue =
            crate::platform::catalogues::find_catalogue(&stored.assessment.catalogue_id);
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
