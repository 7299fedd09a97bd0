//! The centre's profile: name, county, type, year, who filled it in.

use leptos::prelude::*;

use crate::ui::common::text;
use crate::ui::session::Session;
use crate::ui::shell::Shell;
use thc_core::catalogue::CentreType;
use thc_core::workflow::route::Route;

#[component]
pub(super) fn ProfilePage() -> impl IntoView {
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
pub(super) fn TextField(
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
pub(super) fn YearField() -> impl IntoView {
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
