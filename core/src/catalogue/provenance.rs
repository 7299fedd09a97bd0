//! Where a catalogue's facts come from: the sources it cites and each criterion's provenance.

use crate::base::text::Text;
use serde::{Deserialize, Serialize};

/// Where a fact comes from, as a class a director recognises (省级文件, 国家文件（二手来源）,
/// 本工具的解释 …).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceTag {
    /// Older catalogues named the project's seed document here ("001"). Still read; shown
    /// only as "来源文件", never with the number (seed numbers are for maintainers).
    Seed(String),
    /// A national document read in reposts or summaries ("national, secondary source").
    National,
    /// One province's rule.
    Provincial,
    /// A city's document (a city's plan applied to its townships).
    City,
    /// A district's or county's document.
    District,
    /// A local document whose issuing level the source does not say.
    Local,
    /// This tool's own interpretation where the sources are silent; the UI shows it as such
    /// ("本工具的解释") so a reviewer can disagree.
    Decision,
}

/// A source document a catalogue cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The document's own title, or where the source gives none, a plain description of it
    /// (then `descriptive_title` is set and the title is shown as such).
    pub title: Text,
    /// Who issued it, where known (河北省卫生厅).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descriptive_title: bool,
    pub tag: ProvenanceTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where maintainers find the text (a seed file and part). Never shown to users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintainer_ref: Option<String>,
}

/// Where one criterion comes from: a source, a locator inside it, and the tag that says how
/// much to trust it (a criterion can be a [`ProvenanceTag::Decision`] reading of a seed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// A [`Source::id`] of this catalogue.
    pub source: String,
    /// Locator inside the source document in its own numbering, e.g. "三(三)1". Kept verbatim,
    /// not translated.
    pub section: String,
    pub tag: ProvenanceTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
