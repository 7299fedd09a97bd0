//! Small view helpers every component may use (and the only ones they share): catalogue text
//! in the reader's language, DOM ids built from catalogue data, verdict colours.

use thc_core::catalogue::Text;
use thc_core::evaluation::Verdict;
use thc_core::i18n::Lang;

pub fn text(t: &Text, lang: Lang) -> String {
    t.get(lang).to_string()
}

/// The DOM id of a criterion's card (criterion ids are catalogue data: keep them inert).
pub fn card_dom_id(criterion_id: &str) -> String {
    let safe: String = criterion_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("c-{safe}")
}

/// The CSS class that colours a verdict (shared by the reviewer's read-only view).
pub fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "verdict-met",
        Verdict::MetWithNote => "verdict-note",
        Verdict::Partly => "verdict-partly",
        Verdict::Gap => "verdict-gap",
        Verdict::NotApplicable => "verdict-na",
        Verdict::NotAnswered => "verdict-open",
        Verdict::PartlyAnswered => "verdict-open-partly",
        Verdict::NeedsCorrection => "verdict-fix",
        Verdict::Recorded => "verdict-recorded",
    }
}
