//! One assessable criterion and its kind (checklist, inputs, rule, department, graded clause),
//! its importance, and the sections that group criteria.

use super::applicability::{Applicability, CentreType};
use super::graded::GradedSpec;
use super::provenance::Provenance;
use super::rules::Rule;
use crate::base::text::Text;
use serde::{Deserialize, Serialize};

/// Core items decide compliance first; recommended items come after them in the gap list. For
/// graded clauses, `recommended` means a ★ clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Core,
    Recommended,
}

/// Department groups as the sources list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentGroup {
    Clinical,
    MedicalTechnical,
    /// Public-health rooms (社区医院基本标准 lists them as their own group).
    PublicHealth,
    Other,
}

/// Whether a department must exist, by centre type. A type in neither list means the
/// department is not part of that type's set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentSpec {
    pub group: DepartmentGroup,
    #[serde(default)]
    pub required_for: Vec<CentreType>,
    #[serde(default)]
    pub optional_for: Vec<CentreType>,
}

/// What kind of criterion this is, and so what answer it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CriterionKind {
    /// Met / partly met / not met / not applicable.
    Checklist,
    /// Records inputs; counts toward progress, not compliance (verdict `Recorded`).
    NumericInputs {
        inputs: Vec<String>,
        /// The name of the sum of these inputs when the card adds them up (服务人口 =
        /// 常住 + 暂住): the card then shows the total it uses. The inputs must share a kind.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        total: Option<Text>,
    },
    /// Computed from inputs.
    Rule { rule: Rule },
    /// Present / absent; required or optional by centre type.
    Department { department: DepartmentSpec },
    /// A/B/C/D clause of the graded framework.
    Graded {
        #[serde(default)]
        graded: GradedSpec,
    },
    /// One of named options, each meeting the criterion or not (the director's title level:
    /// 高级 / 中级 meet "中级及以上", 初级 / none do not). Where "partly" would mean nothing.
    Choice { options: Vec<ChoiceOption> },
}

/// One option of a [`CriterionKind::Choice`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id, stored as the answer.
    pub id: String,
    pub label: Text,
    /// Whether choosing it meets the criterion.
    pub meets: bool,
}

impl CriterionKind {
    pub const KINDS: [&'static str; 6] = [
        "checklist",
        "numeric_inputs",
        "rule",
        "department",
        "graded",
        "choice",
    ];
}

/// One assessable item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable id; never reused for a different meaning.
    pub id: String,
    pub title: Text,
    pub explanation: Text,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Applicability::is_always")]
    pub applicability: Applicability,
    pub importance: Importance,
    #[serde(flatten)]
    pub kind: CriterionKind,
}

impl Criterion {
    /// `true` for criteria that count toward compliance (everything except numeric inputs).
    pub fn counts_for_compliance(&self) -> bool {
        !matches!(self.kind, CriterionKind::NumericInputs { .. })
    }

    pub fn is_graded(&self) -> bool {
        matches!(self.kind, CriterionKind::Graded { .. })
    }
}

/// A group of criteria (a chapter of the graded framework, a part of the standard).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub criteria: Vec<Criterion>,
}
