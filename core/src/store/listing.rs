//! The list of assessments stored in this browser: one row per stored envelope.

use super::envelope::StoredAssessment;
use chrono::{DateTime, FixedOffset};

/// One row of the list of assessments in this browser (the UI adds progress by evaluating).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentListing {
    pub id: String,
    pub centre_name: String,
    pub county: String,
    pub year: Option<i32>,
    pub catalogue_id: String,
    pub catalogue_version: u32,
    pub revision: u64,
    pub saved_at: DateTime<FixedOffset>,
    pub last_exported_at: Option<DateTime<FixedOffset>>,
}

pub fn summarise(stored: &StoredAssessment) -> AssessmentListing {
    let a = &stored.assessment;
    AssessmentListing {
        id: a.id.clone(),
        centre_name: a.profile.centre_name.clone(),
        county: a.profile.county.clone(),
        year: a.profile.year,
        catalogue_id: a.catalogue_id.clone(),
        catalogue_version: a.catalogue_version,
        revision: stored.revision,
        saved_at: stored.saved_at,
        last_exported_at: stored.last_exported_at,
    }
}
