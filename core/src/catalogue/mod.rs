//! Criteria catalogues: the versioned, bilingual description of what a centre is assessed
//! against.
//!
//! A catalogue is plain data (serde). The three bundled catalogues are JSON files embedded at
//! compile time and go through exactly the same loader ([`Catalogue::from_json`]) as a file a
//! province transcribes, so the bundled ones are validated by the same rules.
//!
//! Stability rule: a criterion id, section id or input id never changes meaning. A catalogue
//! that changes a criterion's meaning must give it a new id and bump `version`; assessments
//! store answers by id.

mod applicability;
mod bundled;
mod criterion;
mod errors;
mod graded;
mod inputs;
mod load;
mod model;
mod provenance;
mod registry;
mod rules;
mod validate;

pub use applicability::{Applicability, Band, BedClass, CentreType};
pub use bundled::{bundled, bundled_errors, bundled_json, BUNDLED_IDS};
pub use criterion::{
    ChoiceOption, Criterion, CriterionKind, DepartmentGroup, DepartmentSpec, Importance, Section,
};
pub use errors::{CatalogueError, Location, Problem};
pub use graded::{Bars, Eligibility, Grade, GradedSpec, LevelTexts, Limit, SubItem, TierDef};
pub use inputs::{FlagDef, InputDef, InputKind, Operand};
pub use model::{Catalogue, CriterionRef, FORMAT_VERSION};
pub use provenance::{Provenance, ProvenanceTag, Source};
pub use registry::{AddOutcome, Registry, RegistryError};
pub use rules::{
    BedClassRule, LinearMinimumRule, LinearTerm, RatioDisplay, RatioRule, Rule, ThresholdRule,
};

pub use crate::base::exact::Fraction;
pub use crate::base::text::{Lang, Text};

impl Catalogue {
    /// Parses and fully validates a catalogue file. Errors name the field and the criterion
    /// (or input, section…) they concern, and render in Chinese and English.
    pub fn from_json(text: &str) -> Result<Catalogue, Vec<CatalogueError>> {
        load::from_json(text)
    }

    /// Re-runs validation on an in-memory catalogue (e.g. one built in code).
    pub fn validate(&self) -> Result<(), Vec<CatalogueError>> {
        let errors = validate::validate(self);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// JSON in the loadable format (what storage keeps for a loaded catalogue).
    ///
    /// Through `serde_json::Value` on purpose: exported files embed a catalogue as a `Value`
    /// too, so the wasm carries one serialiser per catalogue type rather than one per output.
    pub fn to_json(&self) -> String {
        serde_json::to_value(self)
            .map(|value| value.to_string())
            .unwrap_or_default()
    }
}
