//! One criterion on screen: its controls (by kind), its live verdict with formula and source,
//! the evidence note, "not applicable", and the action for a gap.

use leptos::prelude::*;

use super::common::{card_dom_id, text, verdict_class};
use super::session::Session;
use super::shell::Shell;
use thc_core::assessment::{
    format_value, parse_input, Action, ActionStatus, Answer, InputIssueKind, Severity, Status,
};
use thc_core::base::dates::CalendarText;
use thc_core::catalogue::{Criterion, CriterionKind, Grade, ProvenanceTag};
use thc_core::evaluation::Verdict;
use thc_core::present::explain;

#[component]
pub fn CriterionCard(criterion: &'static Criterion) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let t = move || lang.get().strings();
    let cid = criterion.id.clone();
    let dom_id = card_dom_id(&cid);
    let heading_id = format!("{dom_id}-title");

    let result = {
        let cid = cid.clone();
        Memo::new(move |_| session.evaluation.with(|e| e.0.result(&cid).cloned()))
    };
    let verdict = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| r.verdict)
                .unwrap_or(Verdict::NotAnswered)
        })
    };
    let explanation = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| explain::explain(session.catalogue, r, lang.get()))
                .unwrap_or_default()
        })
    };
    let provenance =
        move || explain::provenance_line(session.catalogue, &criterion.provenance, lang.get());
    let is_decision = matches!(criterion.provenance.tag, ProvenanceTag::Decision);
    let record_na = {
        let cid = cid.clone();
        Memo::new(move |_| {
            session
                .assessment
                .with(|a| a.item(&cid).map(|r| r.not_applicable).unwrap_or(false))
        })
    };

    let controls = match &criterion.kind {
        CriterionKind::Checklist => view! { <StatusChoice criterion_id=cid.clone() department=false /> }.into_any(),
        CriterionKind::Department { .. } => view! { <StatusChoice criterion_id=cid.clone() department=true /> }.into_any(),
        CriterionKind::NumericInputs { inputs, .. } => inputs
            .iter()
            .map(|input_id| view! { <NumberField input_id=input_id.clone() /> })
            .collect_view()
            .into_any(),
        CriterionKind::Rule { .. } => ().into_any(),
        CriterionKind::Choice { options } => {
            view! { <OptionChoice criterion_id=cid.clone() options=options /> }.into_any()
        }
        CriterionKind::Graded { graded } if graded.sub_items.is_empty() => {
            view! { <GradeChoice criterion_id=cid.clone() /> }.into_any()
        }
        CriterionKind::Graded { graded } => graded
            .sub_items
            .iter()
            .map(|sub| {
                let cid = cid.clone();
                let cid_checked = cid.clone();
                let sub_id = sub.id.clone();
                let sub_id_checked = sub.id.clone();
                let dom = format!("{}-{}", card_dom_id(&cid), sub.id);
                let label = sub.text.clone();
                view! {
                    <div class="check-row">
                        <input type="checkbox" id=dom.clone()
                            prop:checked=move || session.assessment.with(|a| matches!(
                                a.item(&cid_checked).and_then(|r| r.answer.as_ref()),
                                Some(Answer::SubItems(m)) if m.get(&sub_id_checked).copied().unwrap_or(false)))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let (cid, sub_id) = (cid.clone(), sub_id.clone());
                                session.edit(move |a, now| a.set_sub_item(&cid, &sub_id, on, now));
                            } />
                        <label for=dom>{format!("{} ", sub.id)}{move || text(&label, lang.get())}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
    };

    // The county's review of this item, when the assessment came back reviewed (issue 8):
    // shown beside the answer, never changing it.
    let county_review = {
        let cid = cid.clone();
        move || {
            session.assessment.with(|a| {
                a.review
                    .as_ref()
                    .and_then(|r| r.item(&cid))
                    .filter(|i| !i.is_empty())
                    .map(|i| {
                        let class = format!(
                            "county-review review-{}",
                            i.verdict.map(|v| v.key()).unwrap_or("none")
                        );
                        view! { <p class=class>{thc_core::present::review::item_line(i, lang.get())}</p> }
                    })
            })
        }
    };

    let evidence_id = format!("{dom_id}-evidence");
    let na_id = format!("{dom_id}-na");
    let cid_evidence = cid.clone();
    let cid_evidence_input = cid.clone();
    let cid_na = cid.clone();
    let cid_action = cid.clone();
    view! {
        <article class=move || format!("criterion {}", verdict_class(verdict()))
            id=dom_id.clone() tabindex="-1" aria-labelledby=heading_id.clone()>
            <header class="criterion-head">
                <h3 id=heading_id.clone()>{move || text(&criterion.title, lang.get())}</h3>
                <span class="badge">{move || explain::badge_label(criterion, session.assessment.with(|a| a.profile.centre_type), lang.get())}</span>
                <span class="verdict" role="status">{move || result.with(|r| r.as_ref().map(|r| explain::result_label(r, lang.get())).unwrap_or_else(|| explain::verdict_label(Verdict::NotAnswered, lang.get())))}</span>
            </header>
            <p class="criterion-text">{move || text(&criterion.explanation, lang.get())}</p>
            <div class="controls">{controls}</div>
            <p class="figure" hidden=move || explanation().is_empty()>{explanation}</p>
            {county_review}
            <p class="source">
                {move || t().source_label}{provenance}
                {is_decision.then(|| view! { <span class="decision">{move || t().decision_note}</span> })}
            </p>
            <details class="evidence no-print-controls">
                <summary>{move || t().evidence_summary}</summary>
                <label for=evidence_id.clone()>{move || if record_na.get() { t().na_reason } else { t().evidence_label }}</label>
                <textarea id=evidence_id rows="2" maxlength="4000"
                    prop:value=move || session.assessment.with(|a| a.item(&cid_evidence).map(|r| r.evidence.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let cid = cid_evidence_input.clone();
                        session.edit(move |a, now| a.set_evidence(&cid, &v, now));
                    }></textarea>
                <div class="check-row">
                    <input type="checkbox" id=na_id.clone() prop:checked=move || record_na.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let cid = cid_na.clone();
                            session.edit(move |a, now| a.set_not_applicable(&cid, on, now));
                        } />
                    <label for=na_id>{move || t().mark_not_applicable}</label>
                </div>
            </details>
            {move || {
                let needs = verdict().needs_action()
                    || session.assessment.with(|a| a.item(&cid_action).and_then(|r| r.action.as_ref()).is_some());
                needs.then(|| view! { <ActionForm criterion_id=cid_action.clone() /> })
            }}
        </article>
    }
}

/// Picks the label of an answer from the interface strings.
type StatusLabel = fn(&'static thc_core::i18n::Strings) -> &'static str;

/// 符合 / 部分符合 / 不符合 (or 已设置 / 未设置 for a department).
#[component]
fn StatusChoice(criterion_id: String, department: bool) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let t = move || shell.lang.get().strings();
    let current = {
        let cid = criterion_id.clone();
        move || {
            session
                .assessment
                .with(|a| match a.item(&cid).and_then(|r| r.answer.as_ref()) {
                    Some(Answer::Status(s)) => Some(*s),
                    _ => None,
                })
        }
    };
    let options: Vec<(Status, StatusLabel)> = if department {
        vec![
            (Status::Met, |s| s.dept_present),
            (Status::NotMet, |s| s.dept_absent),
        ]
    } else {
        vec![
            (Status::Met, |s| s.status_met),
            (Status::Partly, |s| s.status_partly),
            (Status::NotMet, |s| s.status_not_met),
        ]
    };
    let group = format!("{}-status", card_dom_id(&criterion_id));
    let buttons = options
        .into_iter()
        .map(|(status, label)| {
            let cid = criterion_id.clone();
            let dom = format!("{group}-{}", status.key());
            let current = current.clone();
            view! {
                <span class="radio">
                    <input type="radio" name=group.clone() id=dom.clone()
                        prop:checked=move || current() == Some(status)
                        on:change=move |_| {
                            let cid = cid.clone();
                            session.edit(move |a, now| a.set_status(&cid, status, now));
                        } />
                    <label for=dom>{move || label(t())}</label>
                </span>
            }
        })
        .collect_view();
    view! { <div class="choice" role="radiogroup" aria-label=move || t().answer_label>{buttons}</div> }
}

/// One of the criterion's named options (the director's title level).
#[component]
fn OptionChoice(
    criterion_id: String,
    options: &'static [thc_core::catalogue::ChoiceOption],
) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let t = move || shell.lang.get().strings();
    let group = format!("{}-choice", card_dom_id(&criterion_id));
    let buttons = options
        .iter()
        .map(|option| {
            let cid = criterion_id.clone();
            let cid_checked = criterion_id.clone();
            let dom = format!("{group}-{}", option.id);
            let id = option.id.clone();
            let id_checked = option.id.clone();
            view! {
                <span class="radio">
                    <input type="radio" name=group.clone() id=dom.clone()
                        prop:checked=move || session.assessment.with(|a| matches!(
                            a.item(&cid_checked).and_then(|r| r.answer.as_ref()),
                            Some(Answer::Choice(c)) if *c == id_checked))
                        on:change=move |_| {
                            let (cid, id) = (cid.clone(), id.clone());
                            session.edit(move |a, now| a.set_answer(&cid, Some(Answer::Choice(id)), now));
                        } />
                    <label for=dom>{move || text(&option.label, shell.lang.get())}</label>
                </span>
            }
        })
        .collect_view();
    view! { <div class="choice" role="radiogroup" aria-label=move || t().answer_label>{buttons}</div> }
}

#[component]
fn GradeChoice(criterion_id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let t = move || shell.lang.get().strings();
    let group = format!("{}-grade", card_dom_id(&criterion_id));
    let buttons = [Grade::A, Grade::B, Grade::C, Grade::D]
        .into_iter()
        .map(|grade| {
            let cid = criterion_id.clone();
            let cid_checked = criterion_id.clone();
            let dom = format!("{group}-{}", grade.letter());
            view! {
                <span class="radio">
                    <input type="radio" name=group.clone() id=dom.clone()
                        prop:checked=move || session.assessment.with(|a| matches!(
                            a.item(&cid_checked).and_then(|r| r.answer.as_ref()), Some(Answer::Grade(g)) if *g == grade))
                        on:change=move |_| {
                            let cid = cid.clone();
                            session.edit(move |a, now| a.set_grade(&cid, grade, now));
                        } />
                    <label for=dom>{move || explain::grade_label(grade, shell.lang.get())}</label>
                </span>
            }
        })
        .collect_view();
    view! { <div class="choice" role="radiogroup" aria-label=move || t().grade_label>{buttons}</div> }
}

/// A number with its unit. Text that is not a valid value is kept as typed (on screen and in
/// storage) with its error, and the input has no value, so nothing is judged from it;
/// cross-field problems (卫技 above all staff) come from the evaluation.
#[component]
fn NumberField(input_id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let lang = shell.lang;
    let Some(def) = session.catalogue.input(&input_id) else {
        return ().into_any();
    };
    let kind = def.kind;
    let initial = session
        .assessment
        .with_untracked(|a| {
            a.rejected_input(&input_id)
                .map(str::to_string)
                .or_else(|| a.input(&input_id).map(|v| format_value(v, kind)))
        })
        .unwrap_or_default();
    let raw = RwSignal::new(initial);
    // The error of the text kept for this input, from the assessment itself (so a reload, an
    // import or another tab shows the same error as typing did).
    let parse_error = {
        let id = input_id.clone();
        move || {
            session.assessment.with(|a| {
                a.rejected_input(&id)
                    .and_then(|text| parse_input(def, text).err())
                    .map(|e| e.message(lang.get()))
            })
        }
    };
    let dom = format!("input-{}", card_dom_id(&input_id));
    let error_id = format!("{dom}-error");
    let id_for_issues = input_id.clone();
    let issues = move || {
        session.evaluation.with(|e| {
            // A contradiction shows on both fields: the part and the whole it exceeds.
            let involves = |i: &thc_core::assessment::InputIssue| {
                i.input_id == id_for_issues
                    || (matches!(i.kind, InputIssueKind::AboveOther { .. })
                        && session
                            .catalogue
                            .input(&i.input_id)
                            .and_then(|d| d.not_above.as_ref())
                            .is_some_and(|op| op.input_ids().any(|x| *x == id_for_issues)))
            };
            e.0.input_issues
                .iter()
                .filter(|i| involves(i))
                .map(|i| (i.severity, i.message(session.catalogue, lang.get())))
                .collect::<Vec<_>>()
        })
    };
    let has_error = {
        let issues = issues.clone();
        let parse_error = parse_error.clone();
        move || parse_error().is_some() || issues().iter().any(|(s, _)| *s == Severity::Error)
    };
    let label = def.label.clone();
    let unit = def.unit.clone();
    let help = def.help.clone();
    view! {
        <div class="field number-field">
            <label for=dom.clone()>{move || text(&label, lang.get())}</label>
            <span class="with-unit">
                <input type="text" id=dom inputmode="decimal" autocomplete="off" maxlength="200"
                    aria-invalid=move || has_error().then_some("true")
                    aria-describedby=error_id.clone()
                    prop:value=move || raw.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        raw.set(value.clone());
                        let id = input_id.clone();
                        let catalogue = session.catalogue;
                        // Valid text is stored as its value; invalid text is kept as typed and
                        // shown with its error (the result is read back from the assessment).
                        session.edit(move |a, now| {
                            let _ = a.set_input_text(catalogue, &id, &value, now);
                        });
                    } />
                <span class="unit">{move || text(&unit, lang.get())}</span>
            </span>
            {help.map(|h| view! { <p class="help">{move || text(&h, lang.get())}</p> })}
            <div id=error_id aria-live="polite">
                {move || parse_error().map(|m| view! { <p class="field-error">{m}</p> })}
                {move || issues().into_iter().map(|(severity, m)| {
                    let class = if severity == Severity::Error { "field-error" } else { "field-warning" };
                    view! { <p class=class>{m}</p> }
                }).collect_view()}
            </div>
        </div>
    }
    .into_any()
}

/// Measure, owner, deadline and status of the action that closes a gap.
#[component]
fn ActionForm(criterion_id: String) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let session = expect_context::<Session>();
    let t = move || shell.lang.get().strings();
    let base = card_dom_id(&criterion_id);
    let action = {
        let cid = criterion_id.clone();
        move || {
            session.assessment.with(|a| {
                a.item(&cid)
                    .and_then(|r| r.action.clone())
                    .unwrap_or_default()
            })
        }
    };
    let update = {
        let cid = criterion_id.clone();
        move |change: Box<dyn FnOnce(&mut Action) + Send>| {
            let cid = cid.clone();
            session.edit(move |a, now| {
                let mut action = a
                    .item(&cid)
                    .and_then(|r| r.action.clone())
                    .unwrap_or_default();
                change(&mut action);
                let empty = action == Action::default();
                a.set_action(&cid, (!empty).then_some(action), now);
            });
        }
    };
    let (measure_id, owner_id, deadline_id, status_id) = (
        format!("{base}-measure"),
        format!("{base}-owner"),
        format!("{base}-deadline"),
        format!("{base}-action-status"),
    );
    let status = {
        let action = action.clone();
        Memo::new(move |_| action().status)
    };
    let (a1, a2, a3) = (action.clone(), action.clone(), action);
    let (u1, u2, u3, u4) = (update.clone(), update.clone(), update.clone(), update);
    view! {
        <fieldset class="action-form">
            <legend>{move || t().action_heading}</legend>
            <div class="field">
                <label for=measure_id.clone()>{move || t().action_measure}</label>
                <textarea id=measure_id rows="2" maxlength="2000" prop:value=move || a1().measure
                    on:input=move |ev| { let v = event_target_value(&ev); u1(Box::new(move |a| a.measure = v)); }></textarea>
            </div>
            <div class="form-grid">
                <div class="field">
                    <label for=owner_id.clone()>{move || t().action_owner}</label>
                    <input type="text" id=owner_id maxlength="100" prop:value=move || a2().owner
                        on:input=move |ev| { let v = event_target_value(&ev); u2(Box::new(move |a| a.owner = v)); } />
                </div>
                <div class="field">
                    <label for=deadline_id.clone()>{move || t().action_deadline}</label>
                    <input type="date" id=deadline_id
                        prop:value=move || a3().deadline.map(|d| d.ymd()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let date = thc_core::base::dates::parse_ymd(&v);
                            u3(Box::new(move |a| a.deadline = date));
                        } />
                </div>
                <div class="field">
                    <label for=status_id.clone()>{move || t().action_status}</label>
                    <select id=status_id
                        on:change=move |ev| {
                            let status = match event_target_value(&ev).as_str() {
                                "in_progress" => ActionStatus::InProgress,
                                "done" => ActionStatus::Done,
                                _ => ActionStatus::Planned,
                            };
                            u4(Box::new(move |a| a.status = status));
                        }>
                        <option value="planned" selected=move || status.get() == ActionStatus::Planned>{move || t().action_planned}</option>
                        <option value="in_progress" selected=move || status.get() == ActionStatus::InProgress>{move || t().action_in_progress}</option>
                        <option value="done" selected=move || status.get() == ActionStatus::Done>{move || t().action_done}</option>
                    </select>
                </div>
            </div>
        </fieldset>
    }
}
