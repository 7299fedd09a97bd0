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

mod bundled;
mod errors;
mod load;
mod registry;
mod validate;

pub use bundled::{bundled, bundled_errors, bundled_json, BUNDLED_IDS};
pub use errors::{CatalogueError, Location, Problem};
pub use registry::{AddOutcome, Registry, RegistryError};

pub use crate::base::exact::Fraction;
pub use crate::base::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// The catalogue file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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
        match (self, lang) {
            (CentreType::General, Lang::Zh) => "一般卫生院",
            (CentreType::General, Lang::En) => "general township health centre",
            (CentreType::Central, Lang::Zh) => "中心卫生院",
            (CentreType::Central, Lang::En) => "central township health centre",
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
        match (self, lang) {
            (BedClass::UpTo10, Lang::Zh) => "0–10 床",
            (BedClass::UpTo10, Lang::En) => "0–10 beds",
            (BedClass::From11To29, Lang::Zh) => "11–29 床",
            (BedClass::From11To29, Lang::En) => "11–29 beds",
            (BedClass::From30, Lang::Zh) => "30 床及以上",
            (BedClass::From30, Lang::En) => "30 beds or more",
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<Applicability>,
}

impl Applicability {
    pub fn is_always(&self) -> bool {
        self == &Applicability::default()
    }

    fn uses_beds(&self) -> bool {
        self.bed_classes.is_some()
            || self.has_beds.is_some()
            || self.any_of.iter().any(Applicability::uses_beds)
    }
}

/// Core items decide compliance first; recommended items come after them in the gap list. For
/// graded clauses, `recommended` means a ★ clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Core,
    Recommended,
}

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

/// What kind of criterion this is, and so what answer it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CriterionKind {
    /// Met / partly met / not met / not applicable.
    Checklist,
    /// Records inputs; counts toward progress, not compliance (verdict `Recorded`).
    NumericInputs { inputs: Vec<String> },
    /// Computed from inputs.
    Rule { rule: Rule },
    /// Present / absent; required or optional by centre type.
    Department { department: DepartmentSpec },
    /// A/B/C/D clause of the graded framework.
    Graded {
        #[serde(default)]
        graded: GradedSpec,
    },
}

impl CriterionKind {
    pub const KINDS: [&'static str; 5] = [
        "checklist",
        "numeric_inputs",
        "rule",
        "department",
        "graded",
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

/// A complete catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format_version: u32,
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub description: Text,
    /// A sample, not an official text (the UI must say so).
    #[serde(default)]
    pub sample: bool,
    /// The input holding the number of beds, used by bed-based applicability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds_input: Option<String>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub inputs: Vec<InputDef>,
    #[serde(default)]
    pub flags: Vec<FlagDef>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub tiers: Vec<TierDef>,
}

/// A criterion together with where it sits.
#[derive(Debug, Clone, Copy)]
pub struct CriterionRef<'a> {
    pub section_index: usize,
    pub index_in_section: usize,
    /// Position in catalogue order across all sections.
    pub order: usize,
    pub section: &'a Section,
    pub criterion: &'a Criterion,
}

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

    /// All criteria in catalogue order.
    pub fn criteria(&self) -> impl Iterator<Item = CriterionRef<'_>> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                s.criteria
                    .iter()
                    .enumerate()
                    .map(move |(ci, c)| (si, ci, s, c))
            })
            .enumerate()
            .map(|(order, (si, ci, s, c))| CriterionRef {
                section_index: si,
                index_in_section: ci,
                order,
                section: s,
                criterion: c,
            })
    }

    /// The criterion at position `order` in catalogue order (O(number of sections)).
    pub fn criterion_at(&self, order: usize) -> Option<CriterionRef<'_>> {
        let mut rest = order;
        for (si, s) in self.sections.iter().enumerate() {
            if rest < s.criteria.len() {
                return Some(CriterionRef {
                    section_index: si,
                    index_in_section: rest,
                    order,
                    section: s,
                    criterion: &s.criteria[rest],
                });
            }
            rest -= s.criteria.len();
        }
        None
    }

    pub fn criterion_count(&self) -> usize {
        self.sections.iter().map(|s| s.criteria.len()).sum()
    }

    pub fn find_criterion(&self, id: &str) -> Option<CriterionRef<'_>> {
        self.criteria().find(|r| r.criterion.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn input(&self, id: &str) -> Option<&InputDef> {
        self.inputs.iter().find(|i| i.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn flag(&self, id: &str) -> Option<&FlagDef> {
        self.flags.iter().find(|f| f.id == id)
    }

    pub fn tier(&self, id: &str) -> Option<&TierDef> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// `true` when the catalogue has graded clauses and tiers (the graded framework).
    pub fn is_graded(&self) -> bool {
        !self.tiers.is_empty()
    }

    /// Label of an operand: its own label, or its single input's label, or the input labels
    /// joined with + and −.
    pub fn operand_label(&self, operand: &Operand, lang: Lang) -> String {
        if let Some(l) = &operand.label {
            return l.get(lang).to_string();
        }
        let name = |id: &String| {
            self.input(id)
                .map(|d| d.label.get(lang).to_string())
                .unwrap_or_else(|| id.clone())
        };
        let mut out = String::new();
        for (i, id) in operand.add.iter().enumerate() {
            if i > 0 {
                out.push_str(" + ");
            }
            out.push_str(&name(id));
        }
        for id in &operand.subtract {
            out.push_str(" − ");
            out.push_str(&name(id));
        }
        out
    }

    /// Unit of an operand (the unit of its first input).
    pub fn operand_unit(&self, operand: &Operand, lang: Lang) -> String {
        operand
            .add
            .first()
            .and_then(|id| self.input(id))
            .map(|d| d.unit.get(lang).to_string())
            .unwrap_or_default()
    }

    /// Kind of an operand (the kind of its first input; the loader rejects mixed kinds).
    pub fn operand_kind(&self, operand: &Operand) -> InputKind {
        operand
            .add
            .first()
            .and_then(|id| self.input(id))
            .map(|d| d.kind)
            .unwrap_or(InputKind::Count)
    }
}
