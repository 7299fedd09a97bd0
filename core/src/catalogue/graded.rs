//! The graded framework: grades, graded clauses and their sub-items, and the tiers with their
//! bars and eligibility.

use super::inputs::Operand;
use super::provenance::Provenance;
use crate::base::text::Text;
use serde::{Deserialize, Serialize};

/// Grades of the graded framework. Cumulative: B needs C, A needs B. Ordered D < C < B < A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
}

impl Grade {
    /// D = 0, C = 1, B = 2, A = 3.
    pub fn rank(self) -> u8 {
        match self {
            Grade::D => 0,
            Grade::C => 1,
            Grade::B => 2,
            Grade::A => 3,
        }
    }

    /// `true` if this grade is `level` or better.
    pub fn at_least(self, level: Grade) -> bool {
        self.rank() >= level.rank()
    }

    /// The passing levels from lowest to highest.
    pub const PASSING: [Grade; 3] = [Grade::C, Grade::B, Grade::A];

    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
        }
    }
}

/// A graded sub-item of a clause, e.g. "B-1".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    pub id: String,
    pub level: Grade,
    pub text: Text,
}

/// A clause of the graded framework. With sub-items the grade is computed (the highest level L
/// such that every sub-item at L and below is met); without, the director picks A/B/C/D.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GradedSpec {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<SubItem>,
    /// What C, B and A mean for this clause, if the catalogue spells it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<LevelTexts>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelTexts {
    pub c: Text,
    pub b: Text,
    pub a: Text,
}

/// Percent bars for one clause group: shares of clauses at C-or-better, B-or-better,
/// A-or-better (whole percent, 0–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bars {
    pub c: u32,
    pub b: u32,
    pub a: u32,
}

impl Bars {
    pub fn get(&self, level: Grade) -> Option<u32> {
        match level {
            Grade::C => Some(self.c),
            Grade::B => Some(self.b),
            Grade::A => Some(self.a),
            Grade::D => None,
        }
    }
}

/// `operand < below`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub operand: Operand,
    pub below: u64,
}

/// Who may claim a tier at all (合格标准: fewer than 10 medical staff AND fewer than 10,000
/// people). All limits must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub all_below: Vec<Limit>,
}

/// A tier of the graded framework, as catalogue data so a province can change the bars.
/// Tiers are listed from lowest to highest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierDef {
    pub id: String,
    pub name: Text,
    pub provenance: Provenance,
    pub basic: Bars,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<Bars>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Eligibility>,
}
