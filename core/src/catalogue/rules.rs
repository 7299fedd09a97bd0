//! Rules computed from inputs: ratios, thresholds, the bed class and linear minimums.

use super::inputs::Operand;
use crate::base::exact::Fraction;
use crate::base::text::Text;
use serde::{Deserialize, Serialize};

/// How a ratio is shown (never how it is compared).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatioDisplay {
    /// As a percentage: 40 ÷ 48 = 83.3%.
    Percent,
    /// Per so many units of the denominator: 1.2 per 1,000.
    PerUnit(u64),
    /// As "1 : x" (doctor : nurse = 1 : 1.5).
    OneTo,
}

/// `numerator / denominator` compared with bounds, exactly. One kind covers shares (卫技 ≥ 85%
/// of staff), per-population staffing (免疫 ≥ 1 per 10,000, at least 2), per-bed staffing,
/// doctor : nurse, and ranges (中医 8–12%).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioRule {
    /// Short name of the measured quantity, e.g. "卫技占比".
    pub label: Text,
    pub numerator: Operand,
    pub denominator: Operand,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Fraction>,
    /// Hard maximum: above it is a gap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Fraction>,
    /// Soft maximum: above it is met with a note (criteria.md §7 ranges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soft_max: Option<Fraction>,
    /// Absolute floor on the numerator (immunization staff: at least 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_numerator: Option<u64>,
    pub display: RatioDisplay,
}

/// An operand compared with fixed bounds in its input's units (percent inputs in hundredths).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdRule {
    pub value: Operand,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soft_max: Option<u64>,
}

/// Derives the bed class from the beds input; above `warn_above` is met with a warning, not a
/// gap (seed 001: "一般不宜超过50床").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BedClassRule {
    pub beds: String,
    pub warn_above: u64,
}

/// One `per × operand` term of a linear minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinearTerm {
    pub per: u64,
    pub operand: Operand,
}

/// `value ≥ base + Σ per·operand` (floor area ≥ 300 m² + 20 m² per bed; 中医类别医师 ≥ 2 per
/// 诊室 + 1 per 康复治疗室).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinearMinimumRule {
    pub label: Text,
    pub value: Operand,
    pub base: u64,
    #[serde(default)]
    pub terms: Vec<LinearTerm>,
}

/// A rule computed from inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Rule {
    Ratio(RatioRule),
    Threshold(ThresholdRule),
    BedClass(BedClassRule),
    LinearMinimum(LinearMinimumRule),
}

impl Rule {
    pub const TYPES: [&'static str; 4] = ["ratio", "threshold", "bed_class", "linear_minimum"];

    /// Every input id the rule reads, in a fixed order.
    pub fn input_ids(&self) -> Vec<&String> {
        match self {
            Rule::Ratio(r) => r
                .numerator
                .input_ids()
                .chain(r.denominator.input_ids())
                .collect(),
            Rule::Threshold(t) => t.value.input_ids().collect(),
            Rule::BedClass(b) => vec![&b.beds],
            Rule::LinearMinimum(l) => l
                .value
                .input_ids()
                .chain(l.terms.iter().flat_map(|t| t.operand.input_ids()))
                .collect(),
        }
    }
}
