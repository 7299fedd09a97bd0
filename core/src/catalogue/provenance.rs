//! Where a catalogue's facts come from: the sources it cites and each criterion's provenance.

use crate::base::text::Text;
use serde::{Deserialize, Serialize};

/// Where a fact comes from (criteria.md's provenance tags).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceTag {
    /// Stated in one of the project's seed documents; the string is the seed number ("001").
    Seed(String),
    /// A national document read in reposts or summaries ("national, secondary source").
    National,
    /// One province's rule.
    Provincial,
    /// This tool's own interpretation where the sources are silent; the UI shows it as such
    /// ("本工具的解释") so a reviewer can disagree.
    Decision,
}

/// A source document a catalogue cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub tag: ProvenanceTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Where one criterion comes from: a source, a locator inside it, and the tag that says how
/// much to trust it (a criterion can be a [`ProvenanceTag::Decision`] reading of a seed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// A [`Source::id`] of this catalogue.
    pub source: String,
    /// Locator inside the source, e.g. "篇5 三(三)1". Kept verbatim, not translated.
    pub section: String,
    pub tag: ProvenanceTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
