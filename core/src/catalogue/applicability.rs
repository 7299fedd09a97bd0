//! When a criterion applies: centre types, bed classes, bands on an operand, profile flags.

use super::inputs::Operand;
use crate::base::text::Lang;
use serde::{Deserialize, Serialize};

/// 一般卫生院 / 中心卫生院.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CentreType {
    General,
    Central,
}

impl CentreType {
    pub const ALL: [CentreType; 2] = [CentreType::General, CentreType::Central];

    /// The value in catalogue and assessment files ("general", "central").
    pub fn key(self) -> &'static str {
        match self {
            CentreType::General => "general",
            CentreType::Central => "central",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let s = lang.strings().catalogue;
        match self {
            CentreType::General => s.centre_general,
            CentreType::Central => s.centre_central,
        }
    }
}

/// Bed-size class [seed 001, 篇5]: 0–10, 11–29, 30 and more. Both sources put 10 beds in the
/// lowest class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BedClass {
    #[serde(rename = "beds_0_10")]
    UpTo10,
    #[serde(rename = "beds_11_29")]
    From11To29,
    #[serde(rename = "beds_30_plus")]
    From30,
}

impl BedClass {
    pub fn of(beds: u64) -> BedClass {
        match beds {
            0..=10 => BedClass::UpTo10,
            11..=29 => BedClass::From11To29,
            _ => BedClass::From30,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let s = lang.strings().catalogue;
        match self {
            BedClass::UpTo10 => s.beds_up_to_10,
            BedClass::From11To29 => s.beds_11_to_29,
            BedClass::From30 => s.beds_30_plus,
        }
    }
}

/// A band on an operand (e.g. service population < 10,000).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub operand: Operand,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_exclusive: Option<u64>,
}

/// When a criterion applies. All given conditions must hold; if `any_of` is non-empty, at least
/// one of its alternatives must hold too. An empty applicability means "always".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre_types: Option<Vec<CentreType>>,
    /// Uses the catalogue's `beds_input`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bed_classes: Option<Vec<BedClass>>,
    /// Uses the catalogue's `beds_input` (beds > 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_beds: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    /// A [`FlagDef::id`] that must be set in the profile.
    ///
    /// [`FlagDef::id`]: super::inputs::FlagDef::id
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<Applicability>,
}

impl Applicability {
    pub fn is_always(&self) -> bool {
        self == &Applicability::default()
    }

    /// Every input id deciding whether this applies (`beds_input` for bed conditions).
    pub fn input_ids<'a>(&'a self, beds_input: Option<&'a String>, out: &mut Vec<&'a String>) {
        if self.bed_classes.is_some() || self.has_beds.is_some() {
            out.extend(beds_input);
        }
        if let Some(band) = &self.band {
            out.extend(band.operand.input_ids());
        }
        for alt in &self.any_of {
            alt.input_ids(beds_input, out);
        }
    }

    pub(super) fn uses_beds(&self) -> bool {
        self.bed_classes.is_some()
            || self.has_beds.is_some()
            || self.any_of.iter().any(Applicability::uses_beds)
    }
}
