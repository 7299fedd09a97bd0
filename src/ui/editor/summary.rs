//! The summary: tiers, section bars, top gaps, catalogue fit, export reminder.

use leptos::prelude::*;

use crate::ui::common::text;
use crate::ui::session::Session;
use crate::ui::shell::Shell;
use thc_core::i18n::Lang;
use thc_core::present::explain;
use thc_core::present::percent::{bar_percent, percent_text};
use thc_core::workflow::route::Route;

#[component]
pub(super) fn SummaryPage() -> impl IntoView {
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
                    let compliance = s.summary.compliance();
                    let progress = s.summary.progress();
                    let y = i as u32 * row_height;
                    view! {
                        <g>
                            <text x="0" y=y + 14 class="bar-label">{title}</text>
                            <rect x="0" y=y + 19 width="300" height="10" class="bar-track" />
                            <rect x="0" y=y + 19 width=bar_percent(&compliance) * 3 height="10" class="bar-fill" />
                            <text x="308" y=y + 28 class="bar-value">
                                {format!("{} · {} {}", percent_text(&compliance), t().answered_short, percent_text(&progress))}
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
            <crate::ui::transfer::ExportPanel />
        </section>
    }
}

/// How the assessment fits the catalogue it is shown with: a newer catalogue version, and
/// answers whose criterion no longer exists ("orphaned"). Orphaned answers are kept in the
/// assessment (and in exports) and listed here with what they held, never dropped.
#[component]
pub(super) fn CatalogueFit() -> impl IntoView {
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
pub(super) fn ExportReminderNote() -> impl IntoView {
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
pub(super) fn answer_text(answer: &thc_core::assessment::Answer, lang: Lang) -> String {
    use thc_core::assessment::{Answer, Status};
    let s = lang.strings();
    match answer {
        Answer::Status(Status::Met) => s.status_met.to_string(),
        Answer::Status(Status::Partly) => s.status_partly.to_string(),
        Answer::Status(Status::NotMet) => s.status_not_met.to_string(),
        Answer::Status(Status::NotApplicable) => s.mark_not_applicable.to_string(),
        Answer::Grade(g) => explain::grade_label(*g, lang).to_string(),
        // The criterion is unknown here, so its option labels are too: the stored id.
        Answer::Choice(id) => id.clone(),
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
