//! The printable gap report and the blank on-site checklist of one assessment (issue 7).
//!
//! Both views load the stored assessment, evaluate it once, and render the plain data built by
//! [`thc_core::present::report`]; they decide nothing about content. Layout for paper is in
//! `style/report.css` and `style/print.css`. The SVG chart uses attributes only: the CSP forbids
//! inline style attributes.

use std::sync::Arc;

use leptos::prelude::*;

use super::shell::{NoticeKind, Shell};
use crate::platform::storage;
use thc_core::assessment::Assessment;
use thc_core::catalogue::Catalogue;
use thc_core::evaluation::{evaluate, Evaluation, TierStatus, Verdict};
use thc_core::present::report::{
    strings, ChecklistItem, ChecklistModel, FigureBlank, LabelValue, NaRow, ReportModel,
    SectionBar, SignatureLine, Signatures,
};
use thc_core::store::LoadOutcome;
use thc_core::workflow::route::Route;

/// What both views need: the catalogue, the assessment and its evaluation.
#[derive(Clone)]
struct Loaded {
    catalogue: &'static Catalogue,
    assessment: Arc<Assessment>,
    evaluation: Arc<Evaluation>,
}

/// Loads and evaluates assessment `id`, telling the user about anything that went wrong.
fn load(id: &str, shell: Shell) -> Option<Loaded> {
    let lang = shell.lang.get_untracked();
    let stored = match storage::load_assessment(id) {
        Ok(LoadOutcome::Loaded(stored)) => Some(stored),
        Ok(LoadOutcome::RecoveredFromBackup { stored, problem }) => {
            shell.notify(NoticeKind::Warning, problem.message(lang));
            Some(stored)
        }
        Ok(LoadOutcome::Missing) => None,
        Ok(LoadOutcome::NewerVersion { problem } | LoadOutcome::Unreadable { problem }) => {
            shell.notify(NoticeKind::Error, problem.message(lang));
            None
        }
        Err(err) => {
            shell.notify(NoticeKind::Error, err.message(lang));
            None
        }
    }?;
    let assessment = stored.assessment;
    let Some(catalogue) = thc_core::catalogue::bundled()
        .iter()
        .find(|c| c.id == assessment.catalogue_id)
    else {
        shell.notify(
            NoticeKind::Error,
            format!(
                "{}: {}",
                lang.strings().unknown_catalogue,
                assessment.catalogue_id
            ),
        );
        return None;
    };
    let evaluation = evaluate(catalogue, &assessment);
    Some(Loaded {
        catalogue,
        assessment: Arc::new(assessment),
        evaluation: Arc::new(evaluation),
    })
}

fn not_found(shell: Shell) -> AnyView {
    let t = move || shell.lang.get().strings();
    view! {
        <section class="view">
            <h1>{move || t().assessment_not_found}</h1>
            <p><a href="#/">{move || t().back_home}</a></p>
        </section>
    }
    .into_any()
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        // A browser that refuses (e.g. printing disabled) leaves the page as it is.
        let _ = w.print();
    }
}

#[component]
pub fn ReportView(id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let Some(loaded) = load(&id, shell) else {
        return not_found(shell);
    };
    let lang = shell.lang;
    let model = Memo::new(move |_| {
        ReportModel::build(
            loaded.catalogue,
            &loaded.assessment,
            &loaded.evaluation,
            lang.get(),
        )
    });
    let s = move || strings(lang.get());
    let back = Route::Assessment {
        id: id.clone(),
        section: None,
    }
    .href();
    let checklist = Route::Checklist { id: id.clone() }.href();
    view! {
        <article class="report" aria-labelledby="report-title">
            <div class="report-toolbar no-print">
                <button type="button" class="primary" on:click=move |_| print_page()>{move || s().print_button}</button>
                <a class="button-link" href=back>{move || s().back_to_assessment}</a>
                <a class="button-link" href=checklist>{move || s().open_checklist}</a>
                <p class="muted">{move || s().print_hint}</p>
            </div>
            {move || model.with(render_report)}
        </article>
    }
    .into_any()
}

fn facts(rows: &[LabelValue]) -> impl IntoView {
    let items = rows
        .iter()
        .map(|r| {
            let blank = r.value.is_empty();
            view! {
                <div class="fact">
                    <dt>{r.label.clone()}</dt>
                    <dd class:fill-in=blank>{r.value.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="report-facts">{items}</dl> }
}

/// Section compliance as horizontal bars: the title above, the bar and its value below.
fn chart(bars: &[SectionBar], label: &str) -> impl IntoView {
    const ROW: u32 = 36;
    const BAR: u32 = 360;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = u32::try_from(i).unwrap_or(0) * ROW;
            let width = b.percent_floor.min(100) * BAR / 100;
            view! {
                <g>
                    <text x="0" y=y + 13 class="chart-label">{b.title.clone()}</text>
                    <rect x="0" y=y + 18 width=BAR height="11" class="chart-track" />
                    <rect x="0" y=y + 18 width=width height="11" class="chart-fill" />
                    <text x=BAR + 8 y=y + 28 class="chart-value">{format!("{} · {}", b.compliance, b.detail)}</text>
                </g>
            }
        })
        .collect_view();
    let height = u32::try_from(bars.len()).unwrap_or(0) * ROW + 4;
    view! {
        <svg class="report-chart" viewBox=format!("0 0 640 {height}") width="100%"
            role="img" aria-label=label.to_string()>
            {rows}
        </svg>
    }
}

fn report_tag_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Partly => "verdict-tag partly",
        _ => "verdict-tag gap",
    }
}

fn tier_class(s: TierStatus) -> &'static str {
    match s {
        TierStatus::Reached => "tier-status reached",
        TierStatus::Missed => "tier-status missed",
        TierStatus::NotEligible | TierStatus::EligibilityUnknown | TierStatus::NoClauses => {
            "tier-status other"
        }
    }
}

fn na_table(rows: &[NaRow], s: &thc_core::i18n::report::ReportStrings) -> impl IntoView {
    let body = rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.section_title.clone()}</td>
                    <td>{r.title.clone()}</td>
                    <td class:missing=r.reason_missing class="wrap">{r.reason.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-table na-table">
            <thead><tr><th scope="col">{s.col_section}</th><th scope="col">{s.col_criterion}</th><th scope="col">{s.col_reason}</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

fn signature_line(line: &SignatureLine) -> impl IntoView {
    view! {
        <p class="sign-line">
            <span class="sign-label">{line.label.clone()}</span>
            <span class="sign-blank" aria-hidden="true"></span>
            <span class="sign-label">{line.date_label.clone()}</span>
            <span class="sign-blank short" aria-hidden="true"></span>
        </p>
    }
}

fn signature_block(sig: &Signatures) -> impl IntoView {
    let lines = (0..sig.review_blank_lines)
        .map(|_| view! { <div class="write-line" aria-hidden="true"></div> })
        .collect_view();
    view! {
        <section class="report-section signatures" id="report-signatures">
            <h2>{sig.heading.clone()}</h2>
            {signature_line(&sig.director)}
            {signature_line(&sig.filler)}
            <div class="review-box">
                <p class="review-opinion">{sig.review_opinion.clone()}</p>
                {lines}
                {signature_line(&sig.reviewer)}
            </div>
        </section>
    }
}

fn render_report(m: &ReportModel) -> AnyView {
    let s = strings(m.lang);
    let tiers = m.tiers.as_ref().map(|t| {
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let missing = r
                    .missing
                    .iter()
                    .map(|l| view! { <li>{l.clone()}</li> })
                    .collect_view();
                // A missed tier: the list of what is missing says it all. Otherwise the tier's
                // line (eligibility figures), then any bars still missing.
                let line = (r.status != TierStatus::Missed && r.status != TierStatus::Reached)
                    .then(|| view! { <p class="tier-line">{r.line.clone()}</p> });
                let list = (!r.missing.is_empty())
                    .then(|| view! { <ul class="tier-missing">{missing}</ul> });
                let detail = view! { {line}{list} };
                view! {
                    <tr>
                        <td>{r.name.clone()}</td>
                        <td><span class=tier_class(r.status)>{r.status_label.clone()}</span></td>
                        <td class="wrap">{detail}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h3>{s.tiers_heading}</h3>
            <p class="tier-highest">{t.highest.clone()}</p>
            <table class="report-table tier-table">
                <thead><tr><th scope="col">{s.tiers_heading}</th><th scope="col">{s.col_status}</th><th scope="col">{s.col_issue}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let input_issues = (!m.input_issues.is_empty()).then(|| {
        let items = m
            .input_issues
            .iter()
            .map(|i| view! { <li>{i.clone()}</li> })
            .collect_view();
        view! {
            <h3>{s.input_issues_heading}</h3>
            <ul class="input-issues">{items}</ul>
        }
    });

    let gaps = if m.gap_groups.is_empty() {
        view! { <p>{s.no_gaps}</p> }.into_any()
    } else {
        m.gap_groups
            .iter()
            .map(|g| {
                let items = g
                    .items
                    .iter()
                    .map(|i| {
                        let evidence = (!i.evidence.is_empty()).then(|| {
                            view! { <p class="gap-evidence"><span class="label">{s.evidence_label}</span>{i.evidence.clone()}</p> }
                        });
                        let decision = i
                            .decision_note
                            .clone()
                            .map(|d| view! { <span class="decision">{d}</span> });
                        view! {
                            <li class="gap-item" id=format!("gap-{}", i.number)>
                                <div class="gap-head">
                                    <span class="gap-no">{format!("{}.", i.number)}</span>
                                    <span class="gap-title">{i.title.clone()}</span>
                                    <span class="badge">{i.importance_label.clone()}</span>
                                    <span class=report_tag_class(i.verdict)>{i.verdict_label.clone()}</span>
                                </div>
                                <p class="gap-figure">{i.explanation.clone()}</p>
                                {evidence}
                                <p class="gap-source"><span class="label">{s.source_label}</span>{i.source.clone()}{decision}</p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h3 class="gap-section">{g.section_title.clone()}</h3>
                    <ol class="gap-list">{items}</ol>
                }
            })
            .collect_view()
            .into_any()
    };

    let actions = if m.actions.is_empty() {
        view! { <p>{s.no_actions}</p> }.into_any()
    } else {
        let rows = m
            .actions
            .iter()
            .map(|r| {
                let title = match &r.note {
                    Some(n) => format!("{}{}", r.criterion_title, n),
                    None => r.criterion_title.clone(),
                };
                view! {
                    <tr class:blank-row=r.status.is_none()>
                        <td class="num">{r.number}</td>
                        <td class="wrap">{title}</td>
                        <td class="wrap">{r.measure.clone()}</td>
                        <td class="wrap">{r.owner.clone()}</td>
                        <td class="nowrap">{r.deadline.clone()}</td>
                        <td>{r.status_label.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="muted">{s.actions_intro}</p>
            <table class="report-table action-table">
                <colgroup>
                    <col class="c-no" /><col class="c-criterion" /><col class="c-measure" />
                    <col class="c-owner" /><col class="c-deadline" /><col class="c-status" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">{s.col_no}</th>
                        <th scope="col">{s.col_criterion}</th>
                        <th scope="col">{s.col_measure}</th>
                        <th scope="col">{s.col_owner}</th>
                        <th scope="col">{s.col_deadline}</th>
                        <th scope="col">{s.col_status}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };

    let corrections = (!m.corrections.is_empty()).then(|| {
        let rows = m
            .corrections
            .iter()
            .map(|c| {
                view! {
                    <li data-criterion=c.criterion_id.clone()>
                        <strong>{c.title.clone()}</strong>{if m.lang == thc_core::catalogue::Lang::Zh { format!("（{}）", c.section_title) } else { format!(" ({})", c.section_title) }}
                        <p class="correction-line">{c.explanation.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="report-section" id="report-corrections">
                <h2>{s.corrections_heading}</h2>
                <p class="muted">{s.corrections_intro}</p>
                <ul class="corrections">{rows}</ul>
            </section>
        }
    });

    let unanswered = (!m.unanswered.is_empty()).then(|| {
        let groups = m
            .unanswered
            .iter()
            .map(|g| {
                let sep = if m.lang == thc_core::catalogue::Lang::Zh { "；" } else { "; " };
                view! {
                    <p class="unanswered"><span class="label">{format!("{}：", g.section_title)}</span>{g.titles.join(sep)}</p>
                }
            })
            .collect_view();
        view! {
            <section class="report-section" id="report-unanswered">
                <h2>{s.unanswered_heading}</h2>
                {groups}
            </section>
        }
    });

    let marked_na = (!m.marked_not_applicable.is_empty()).then(|| {
        view! {
            <section class="report-section" id="report-na">
                <h2>{s.na_heading}</h2>
                {na_table(&m.marked_not_applicable, s)}
            </section>
        }
    });
    let profile_na = (!m.not_applicable_by_profile.is_empty()).then(|| {
        view! {
            <section class="report-section" id="report-na-profile">
                <h2>{s.na_profile_heading}</h2>
                {na_table(&m.not_applicable_by_profile, s)}
            </section>
        }
    });

    let orphans = (!m.orphans.is_empty() || !m.catalogue_notes.is_empty()).then(|| {
        let notes = m
            .catalogue_notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        let rows = m
            .orphans
            .iter()
            .map(|o| {
                view! {
                    <tr>
                        <td class="wrap">{o.id.clone()}</td>
                        <td class="wrap">{o.stored.clone()}</td>
                        <td class="wrap">{o.issue.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let table = (!m.orphans.is_empty()).then(|| {
            view! {
                <p class="muted">{s.orphans_intro}</p>
                <table class="report-table orphan-table">
                    <thead><tr><th scope="col">{s.col_id}</th><th scope="col">{s.col_stored}</th><th scope="col">{s.col_issue}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        });
        let notes = (!m.catalogue_notes.is_empty())
            .then(|| view! { <ul class="catalogue-notes">{notes}</ul> });
        view! {
            <section class="report-section" id="report-orphans">
                <h2>{s.orphans_heading}</h2>
                {notes}
                {table}
            </section>
        }
    });

    let review = m.review.as_ref().map(|r| {
        let remarks = r
            .remarks
            .iter()
            .map(|lv| view! { <tr><td class="wrap">{lv.label.clone()}</td><td class="wrap">{lv.value.clone()}</td></tr> })
            .collect_view();
        view! {
            <section class="report-section" id="report-review">
                <h2>{s.review_heading}</h2>
                <p class="review-conclusion"><strong>{r.conclusion.clone()}</strong></p>
                <p class="muted">{format!("{} · {}", r.reviewer, r.reviewed_on)}</p>
                <p class="review-comment">{r.comment.clone()}</p>
                <table class="report-table review-table">
                    <thead><tr><th scope="col">{s.col_criterion}</th><th scope="col">{s.col_issue}</th></tr></thead>
                    <tbody>{remarks}</tbody>
                </table>
            </section>
        }
    });

    let compliance = format!("{} {}", s.compliance_label, m.overall.compliance);
    view! {
        <header class="report-head">
            <h1 id="report-title">{m.heading.clone()}</h1>
            <p class="report-subtitle">{m.subtitle.clone()}</p>
        </header>
        <section class="report-section" id="report-header">
            <h2>{s.header_heading}</h2>
            {facts(&m.header)}
            {m.sample_note.clone().map(|n| view! { <p class="sample-note">{n}</p> })}
        </section>
        <section class="report-section" id="report-overall">
            <h2>{s.overall_heading}</h2>
            <p class="overall-line"><strong>{compliance}</strong></p>
            <p>{m.overall.summary_line.clone()}</p>
            {m.overall.unanswered_note.clone().map(|n| view! { <p class="muted">{n}</p> })}
            {m.overall.corrections_note.clone().map(|n| view! { <p class="corrections-note">{n}</p> })}
            {input_issues}
            {tiers}
            <h3>{s.chart_heading}</h3>
            {chart(&m.sections, s.chart_label)}
        </section>
        {corrections}
        <section class="report-section" id="report-gaps">
            <h2>{m.gap_heading.clone()}</h2>
            <p class="muted">{s.gaps_intro}</p>
            {gaps}
        </section>
        <section class="report-section" id="report-actions">
            <h2>{s.actions_heading}</h2>
            {actions}
        </section>
        {unanswered}
        {marked_na}
        {profile_na}
        {orphans}
        {review}
        {signature_block(&m.signatures)}
        <p class="report-end" id="report-end"></p>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------------
// The blank checklist
// ---------------------------------------------------------------------------------------------

#[component]
pub fn ChecklistView(id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let Some(loaded) = load(&id, shell) else {
        return not_found(shell);
    };
    let lang = shell.lang;
    let model = Memo::new(move |_| {
        ChecklistModel::build(
            loaded.catalogue,
            &loaded.assessment,
            &loaded.evaluation,
            lang.get(),
        )
    });
    let s = move || strings(lang.get());
    let back = Route::Report { id: id.clone() }.href();
    view! {
        <article class="report checklist" aria-labelledby="report-title">
            <div class="report-toolbar no-print">
                <button type="button" class="primary" on:click=move |_| print_page()>{move || s().print_button}</button>
                <a class="button-link" href=back>{move || s().back_to_report}</a>
                <p class="muted">{move || s().print_hint}</p>
            </div>
            {move || model.with(render_checklist)}
        </article>
    }
    .into_any()
}

fn figure_blanks(figures: &[FigureBlank]) -> impl IntoView {
    figures
        .iter()
        .map(|f| {
            view! {
                <span class="figure-blank">
                    <span class="figure-label">{f.label.clone()}</span>
                    <span class="fill-box" aria-hidden="true"></span>
                    <span class="figure-unit">{f.unit.clone()}</span>
                </span>
            }
        })
        .collect_view()
}

fn checklist_item(
    item: &ChecklistItem,
    s: &'static thc_core::i18n::report::ReportStrings,
) -> impl IntoView {
    let boxes = (!item.boxes.is_empty()).then(|| {
        let b = item
            .boxes
            .iter()
            .map(|l| view! { <span class="tick">{format!("□ {l}")}</span> })
            .collect_view();
        view! { <p class="ticks">{b}</p> }
    });
    let subs = (!item.sub_items.is_empty()).then(|| {
        let li = item
            .sub_items
            .iter()
            .map(|sub| {
                view! { <li>{format!("□ {} [{}] {}", sub.id, sub.level, sub.text)}</li> }
            })
            .collect_view();
        view! { <ul class="sub-ticks">{li}</ul> }
    });
    let figures = (!item.figures.is_empty()).then(|| {
        view! { <p class="figures"><span class="label">{s.figures_label}</span>{figure_blanks(&item.figures)}</p> }
    });
    let computed = item
        .computed_note
        .clone()
        .map(|n| view! { <p class="computed muted">{n}</p> });
    let lines = (0..item.note_lines)
        .map(|_| view! { <div class="write-line" aria-hidden="true"></div> })
        .collect_view();
    view! {
        <div class="check-item">
            <div class="check-head">
                <span class="check-title">{item.title.clone()}</span>
                <span class="badge">{item.importance_label.clone()}</span>
            </div>
            <p class="check-text">{item.text.clone()}</p>
            {boxes}
            {subs}
            {figures}
            {computed}
            <div class="notes"><span class="label">{s.notes_label}</span>{lines}</div>
        </div>
    }
}

fn render_checklist(m: &ChecklistModel) -> AnyView {
    let s = strings(m.lang);
    let sections = m
        .sections
        .iter()
        .map(|sec| {
            let items = sec
                .items
                .iter()
                .map(|i| checklist_item(i, s))
                .collect_view();
            view! {
                <section class="report-section check-section">
                    <h2>{sec.title.clone()}</h2>
                    {items}
                </section>
            }
        })
        .collect_view();
    let other = (!m.other_figures.is_empty()).then(|| {
        view! {
            <section class="report-section check-section">
                <h2>{s.figures_label.trim_end_matches([':', '：', ' '])}</h2>
                <p class="figures">{figure_blanks(&m.other_figures)}</p>
            </section>
        }
    });
    view! {
        <header class="report-head">
            <h1 id="report-title">{m.heading.clone()}</h1>
            <p class="report-subtitle">{m.subtitle.clone()}</p>
        </header>
        <section class="report-section" id="checklist-header">
            {facts(&m.header)}
            <p>{m.intro.clone()}</p>
            {m.assumed_note.clone().map(|n| view! { <p class="muted">{n}</p> })}
            {m.sample_note.clone().map(|n| view! { <p class="sample-note">{n}</p> })}
        </section>
        {sections}
        {other}
        <p class="report-end" id="checklist-end"></p>
    }
    .into_any()
}
