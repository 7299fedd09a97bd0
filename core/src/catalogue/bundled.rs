//! The catalogues shipped with the app, embedded as JSON (compacted by `build.rs` from
//! `data/*.json`) and parsed through the same loader as a province's file (so they are validated
//! by the same rules).

use super::errors::CatalogueError;
use super::model::Catalogue;
use std::sync::OnceLock;

/// Ids of the bundled catalogues, in display order.
pub const BUNDLED_IDS: [&str; 3] = [
    "thc-standard",
    "community-hospital-readiness",
    "national-graded-sample",
];

const BUNDLED_JSON: [(&str, &str); 3] = [
    (
        "thc-standard",
        include_str!(concat!(env!("OUT_DIR"), "/thc-standard.json")),
    ),
    (
        "community-hospital-readiness",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/community-hospital-readiness.json"
        )),
    ),
    (
        "national-graded-sample",
        include_str!(concat!(env!("OUT_DIR"), "/national-graded-sample.json")),
    ),
];

struct Loaded {
    catalogues: Vec<Catalogue>,
    errors: Vec<(&'static str, Vec<CatalogueError>)>,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let mut catalogues = Vec::new();
        let mut errors = Vec::new();
        for (id, json) in BUNDLED_JSON {
            match Catalogue::from_json(json) {
                Ok(c) => catalogues.push(c),
                Err(e) => errors.push((id, e)),
            }
        }
        Loaded { catalogues, errors }
    })
}

/// The bundled catalogues, parsed once. A bundled file that fails validation is left out and
/// reported by [`bundled_errors`] (the test suite asserts there are none), rather than
/// panicking in the user's browser.
pub fn bundled() -> &'static [Catalogue] {
    &loaded().catalogues
}

/// Validation errors of bundled files (empty in a correct build).
pub fn bundled_errors() -> &'static [(&'static str, Vec<CatalogueError>)] {
    &loaded().errors
}

/// The raw JSON of each bundled catalogue, by id (e.g. to offer the sample as a template a
/// province can fill in).
pub fn bundled_json() -> &'static [(&'static str, &'static str)] {
    &BUNDLED_JSON
}
