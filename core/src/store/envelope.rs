//! The stored envelope of one assessment (`StoredAssessment`) and reading an entry back:
//! probing its versions, migrating older layouts, checking the id.

use super::migrate::{LAYOUT_VERSION, MIGRATIONS};
use super::problem::LoadProblem;
use crate::assessment::{Assessment, ASSESSMENT_FORMAT_VERSION};
use crate::base::ids::is_valid_id;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What one main or backup entry holds (layout [`LAYOUT_VERSION`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAssessment {
    /// Storage layout of this entry; always [`LAYOUT_VERSION`] after [`decode`].
    pub layout: u32,
    /// Increases by one with every save; used to detect another tab's newer save.
    pub revision: u64,
    #[serde(deserialize_with = "crate::base::dates::serde_text::time")]
    pub saved_at: DateTime<FixedOffset>,
    /// Opaque id of the tab that wrote this revision.
    pub writer: String,
    /// When the user last exported this assessment to a file, if ever.
    #[serde(default, deserialize_with = "crate::base::dates::serde_text::time_opt")]
    pub last_exported_at: Option<DateTime<FixedOffset>>,
    pub assessment: Assessment,
}

/// Just enough of an entry to decide how to read it, without building the whole assessment.
/// Fields are `Value` so an odd type is reported by us, not as a parse failure of the probe.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    layout: Option<Value>,
    /// Layout 0 only: the bare assessment's own format version.
    #[serde(default)]
    format_version: Option<Value>,
    #[serde(default)]
    assessment: Option<AssessmentProbe>,
}

#[derive(Deserialize)]
struct AssessmentProbe {
    #[serde(default)]
    format_version: Option<Value>,
}

fn version_number(value: &Value, what: &str) -> Result<u32, LoadProblem> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| LoadProblem::corrupt(format!("{what} is not a version number: {value}")))
}

/// Reads one stored entry (main or backup), migrating older layouts to the current one.
///
/// * empty, not JSON, truncated or the wrong shape → [`LoadProblem::Corrupt`];
/// * a layout (or assessment format) newer than this build →
///   [`LoadProblem::FromNewerVersion`] / [`LoadProblem::NewerAssessmentFormat`]. **Callers must
///   leave such an entry untouched**: it belongs to a newer app and is not corrupt.
///
/// Never panics, whatever the text.
pub fn decode(text: &str) -> Result<StoredAssessment, LoadProblem> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(LoadProblem::corrupt("empty"));
    }
    // Every layout is a JSON object; checking up front keeps a JSON array from being read
    // positionally as a struct.
    if !trimmed.starts_with('{') {
        return Err(LoadProblem::corrupt("not a JSON object"));
    }
    // The probe parses the whole text, so syntax errors and truncation surface here.
    let probe: Probe =
        serde_json::from_str(text).map_err(|e| LoadProblem::corrupt(e.to_string()))?;
    let layout = match &probe.layout {
        None => 0,
        Some(v) => version_number(v, "layout")?,
    };
    if layout > LAYOUT_VERSION {
        return Err(LoadProblem::FromNewerVersion { layout });
    }
    // Checked before the full parse: a newer assessment format may not fit our types, and must
    // still be reported as "newer", never as corrupt (corrupt entries get overwritten).
    let format_version = if layout == 0 {
        probe.format_version.as_ref()
    } else {
        probe
            .assessment
            .as_ref()
            .and_then(|a| a.format_version.as_ref())
    };
    if let Some(v) = format_version {
        let found = version_number(v, "format_version")?;
        if found > ASSESSMENT_FORMAT_VERSION {
            return Err(LoadProblem::NewerAssessmentFormat {
                format_version: found,
            });
        }
        if found != ASSESSMENT_FORMAT_VERSION {
            return Err(LoadProblem::corrupt(format!(
                "unsupported assessment format {found}"
            )));
        }
    }

    // Always through a `Value` tree, even when no migration is needed: the wasm then carries one
    // deserialiser per type (from `&Value`, shared with import and migration) instead of two,
    // about 10 KB gzipped, for ~0.4 ms more per load of a 300-criterion entry (BENCHMARKS.md).
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| LoadProblem::corrupt(e.to_string()))?;
    for step in &MIGRATIONS[layout as usize..] {
        value = step(value)?;
    }
    let stored =
        StoredAssessment::deserialize(&value).map_err(|e| LoadProblem::corrupt(e.to_string()))?;
    if stored.layout != LAYOUT_VERSION {
        return Err(LoadProblem::corrupt(format!(
            "layout {} after migration",
            stored.layout
        )));
    }
    Ok(stored)
}

/// [`decode`], and also check that the entry holds the assessment `id` (the id in its key): an
/// entry holding another assessment is treated as corrupt.
pub fn decode_for(id: &str, text: &str) -> Result<StoredAssessment, LoadProblem> {
    if !is_valid_id(id) {
        return Err(LoadProblem::InvalidId { id: id.to_string() });
    }
    let stored = decode(text)?;
    if stored.assessment.id != id {
        return Err(LoadProblem::corrupt(format!(
            "the entry for “{id}” holds assessment “{}”",
            stored.assessment.id
        )));
    }
    Ok(stored)
}
