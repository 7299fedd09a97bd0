//! The numbers and facts a catalogue's rules read: numeric inputs, yes/no flags, and operands
//! computed from inputs.

use crate::base::text::Text;
use serde::{Deserialize, Serialize};

/// How an input is entered and stored. All inputs are non-negative integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// A count of people, beds, rooms, events…
    Count,
    /// A rate entered as a percentage and stored in hundredths of a percent (97.5% = 9750),
    /// so thresholds compare exactly. Never above 10000.
    Percent,
    /// A floor area in whole square metres.
    Area,
}

/// A numeric input a catalogue's rules read. Profile numbers (beds, population, staff) are
/// inputs too; they live in one flat namespace keyed by stable id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputDef {
    pub id: String,
    pub label: Text,
    pub unit: Text,
    pub kind: InputKind,
    /// Largest accepted value (in stored units). Percent inputs are capped at 10000 anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// This input can never exceed that operand (e.g. 卫技 ≤ 全院职工). A violation is an input
    /// error shown to the user, not a verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_above: Option<Operand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

impl InputDef {
    /// The effective upper bound: the declared `max`, and for percentages never above 100%.
    pub fn effective_max(&self) -> Option<u64> {
        match (self.kind, self.max) {
            (InputKind::Percent, Some(m)) => Some(m.min(10_000)),
            (InputKind::Percent, None) => Some(10_000),
            (_, m) => m,
        }
    }
}

/// A yes/no profile fact that criteria can depend on (e.g. "has an obstetric service").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagDef {
    pub id: String,
    pub label: Text,
}

/// A value computed from inputs: `sum(add) − sum(subtract)` (saturating at zero; the input
/// cross-checks report the impossible case). In JSON a bare string is a single input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "OperandRepr", into = "OperandRepr")]
pub struct Operand {
    pub add: Vec<String>,
    pub subtract: Vec<String>,
    /// Label for a composite operand; a single input uses its own label.
    pub label: Option<Text>,
}

impl Operand {
    pub fn input(id: impl Into<String>) -> Self {
        Operand {
            add: vec![id.into()],
            subtract: Vec::new(),
            label: None,
        }
    }

    /// Every input id the operand reads.
    pub fn input_ids(&self) -> impl Iterator<Item = &String> {
        self.add.iter().chain(self.subtract.iter())
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum OperandRepr {
    Single(String),
    Composite {
        #[serde(default)]
        sum: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        minus: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
}

impl From<OperandRepr> for Operand {
    fn from(r: OperandRepr) -> Self {
        match r {
            OperandRepr::Single(id) => Operand::input(id),
            OperandRepr::Composite { sum, minus, label } => Operand {
                add: sum,
                subtract: minus,
                label,
            },
        }
    }
}

impl From<Operand> for OperandRepr {
    fn from(o: Operand) -> Self {
        if o.add.len() == 1 && o.subtract.is_empty() && o.label.is_none() {
            let mut add = o.add;
            OperandRepr::Single(add.pop().unwrap_or_default())
        } else {
            OperandRepr::Composite {
                sum: o.add,
                minus: o.subtract,
                label: o.label,
            }
        }
    }
}
