//! Keeping an imported assessment file, as the director chose in the preview: as a new
//! assessment under a fresh id, or over the stored one with the same id (after confirming).
//! A file changed after export is never kept (view only). Nothing is written until every check
//! has passed; a province's catalogue carried in the file is kept first, so the assessment
//! opens; a failure at any step says why and leaves what is stored as it was, apart from a
//! kept catalogue (which changes no assessment).

use crate::base::text::Lang;
use crate::catalogue::{Catalogue, Registry};
use crate::exchange::{ImportChoice, Imported, ImportedCatalogue};
use crate::store::io::assessments::{load_assessment, save_assessment, SaveResult};
use crate::store::io::catalogues::save_loaded_catalogue;
use crate::store::kv::KeyValue;
use chrono::{DateTime, FixedOffset};

/// Keeps `imported` as `choice` says. Returns the id of the stored assessment, or the message
/// to show (in `lang`). `keep` makes a loaded catalogue live for the page. The stored copy
/// counts as exported at `at`: the file the director holds is this state.
#[allow(clippy::too_many_arguments)] // each is a separate fact the caller owns
pub fn keep_import(
    kv: &mut dyn KeyValue,
    registry: &mut Registry,
    keep: &mut dyn FnMut(Catalogue) -> &'static Catalogue,
    imported: &Imported,
    choice: &ImportChoice,
    writer: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<String, String> {
    let assessment = imported
        .assessment_for(choice)
        .map_err(|refusal| refusal.message(lang))?;
    let base_revision = match choice {
        ImportChoice::New { .. } => 0,
        ImportChoice::Replace => load_assessment(kv, &assessment.id)
            .map_err(|e| e.message(lang))?
            .stored()
            .map(|s| s.revision)
            .unwrap_or(0),
    };
    if let ImportedCatalogue::Embedded(catalogue) = &imported.catalogue {
        let known = registry
            .get(&catalogue.id)
            .is_some_and(|c| c == catalogue.as_ref());
        if !known {
            registry
                .check_loadable(catalogue)
                .map_err(|e| e.message(lang))?;
            save_loaded_catalogue(kv, &catalogue.id, &catalogue.to_json())
                .map_err(|e| e.message(lang))?;
            registry
                .add_loaded(keep(catalogue.as_ref().clone()))
                .map_err(|e| e.message(lang))?;
        }
    }
    match save_assessment(kv, &assessment, base_revision, writer, at, Some(at))
        .map_err(|e| e.message(lang))?
    {
        SaveResult::Saved { .. } => Ok(assessment.id),
        SaveResult::Conflict { .. } => Err(lang.strings().save_conflict.to_string()),
        SaveResult::Blocked { problem } => Err(problem.message(lang)),
    }
}
