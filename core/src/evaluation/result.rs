//! The result types: a criterion's verdict and the structured explanation behind it, and the
//! counts over a section or the whole catalogue.

use crate::assessment::Status;
use crate::base::exact::Fraction;
use crate::catalogue::{
    BedClass, CentreType, DepartmentGroup, Grade, Importance, InputKind, RatioDisplay,
};

/// The outcome for one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Met,
    /// Met, with something to note (above a soft maximum, more than 50 beds…).
    MetWithNote,
    Partly,
    Gap,
    NotApplicable,
    NotAnswered,
    /// A data card with some of its figures entered and some still missing.
    PartlyAnswered,
    /// A figure it reads was typed but is not a valid value, or contradicts another figure
    /// (a part larger than its whole): never judged until corrected (待更正).
    NeedsCorrection,
    /// Numeric inputs recorded (not a compliance item).
    Recorded,
}

impl Verdict {
    /// Fully answered with values that can be used (a card needing correction or only partly
    /// filled is not).
    pub fn is_answered(self) -> bool {
        !matches!(
            self,
            Verdict::NotAnswered | Verdict::PartlyAnswered | Verdict::NeedsCorrection
        )
    }

    /// Met or met with a note.
    pub fn is_met(self) -> bool {
        matches!(self, Verdict::Met | Verdict::MetWithNote)
    }

    /// Needs the director's attention: a gap, partly met, or a figure to correct. What a
    /// "only what needs work" filter shows.
    pub fn needs_attention(self) -> bool {
        self.needs_action() || self == Verdict::NeedsCorrection
    }

    /// Gap or partly met: belongs in the gap list / action plan.
    pub fn needs_action(self) -> bool {
        matches!(self, Verdict::Gap | Verdict::Partly)
    }
}

/// Whether a department must exist for this centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Requirement {
    Required,
    Optional,
}

/// Which profile condition excluded a criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileMismatch {
    CentreType {
        actual: CentreType,
    },
    BedClass {
        actual: BedClass,
        beds: u64,
    },
    HasBeds {
        required: bool,
        beds: u64,
    },
    Band {
        value: u64,
        min: Option<u64>,
        max_exclusive: Option<u64>,
    },
    FlagNotSet {
        flag: String,
    },
    /// None of the `any_of` alternatives holds.
    NoAlternative,
}

/// Why a criterion is not applicable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotApplicableReason {
    /// The user marked it (the evidence note is the reason), or answered "not applicable".
    MarkedByUser,
    ByProfile(ProfileMismatch),
    /// An optional department that the centre has not set up: not a gap.
    OptionalDepartmentAbsent,
    /// The department is in neither list for this centre type.
    DepartmentNotInSet {
        centre_type: CentreType,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioOutcome {
    Within,
    /// Below the minimum ratio or below the absolute floor on the numerator.
    BelowMinimum,
    AboveMaximum,
    AboveSoftMaximum,
    ZeroDenominator,
}

/// A ratio rule with its actual numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatioExplanation {
    pub numerator: u64,
    pub denominator: u64,
    pub min: Option<Fraction>,
    pub max: Option<Fraction>,
    pub soft_max: Option<Fraction>,
    pub min_numerator: Option<u64>,
    pub display: RatioDisplay,
    /// Smallest numerator meeting the minimum and the floor ("需要 4 人"), for this denominator.
    pub required_numerator: Option<u64>,
    /// Largest numerator within the hard maximum, for this denominator.
    pub allowed_numerator: Option<u64>,
    /// Largest numerator within the soft maximum (above it: met with a note).
    pub soft_numerator: Option<u64>,
    /// The numerator is counted inside the denominator (a share of staff), so "how many
    /// more" is not `required − n`: each one added grows the denominator too.
    pub nested: Option<NestedShortfall>,
    pub outcome: RatioOutcome,
}

/// For a share whose numerator is inside its denominator and that misses a bound: the two
/// real ways to meet it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NestedShortfall {
    /// Below the minimum: more of the numerator's group if only it grows (`(n+k)/(d+k)`);
    /// above a maximum: fewer of it if only it shrinks (`(n−k)/(d−k)`).
    pub change_in_group: Option<u64>,
    /// Below the minimum: fewer of the rest if the group stays (`n/(d−j)`); above a maximum:
    /// more of the rest (`n/(d+j)`).
    pub change_in_rest: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdOutcome {
    Within,
    BelowMinimum,
    AboveMaximum,
    AboveSoftMaximum,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThresholdExplanation {
    pub value: u64,
    pub kind: InputKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub soft_max: Option<u64>,
    pub outcome: ThresholdOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BedClassExplanation {
    pub beds: u64,
    pub class: BedClass,
    pub warn_above: u64,
    /// More beds than the usual ceiling: met with a warning, not a gap.
    pub over_limit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermValue {
    pub per: u64,
    pub value: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinearExplanation {
    pub value: u64,
    pub base: u64,
    pub terms: Vec<TermValue>,
    /// `base + Σ per·value`.
    pub required: u64,
    pub met: bool,
}

/// Sub-item tally of a graded clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubItemProgress {
    pub met: u32,
    pub total: u32,
    /// The next level up, if any, and its sub-items not yet met.
    pub next_level: Option<Grade>,
    pub blocking: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradedExplanation {
    pub grade: Grade,
    pub sub_items: Option<SubItemProgress>,
}

/// Why a verdict is what it is, with the numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Explanation {
    Checklist {
        status: Status,
    },
    /// The option chosen for a choice criterion, and whether it meets it.
    Choice {
        option: String,
        meets: bool,
    },
    Department {
        group: DepartmentGroup,
        requirement: Requirement,
        present: bool,
        partly: bool,
    },
    InputsRecorded {
        count: usize,
        /// The values added up, in the card's order, when the card names a total (服务人口).
        summed: Option<Vec<u64>>,
    },
    Ratio(RatioExplanation),
    Threshold(ThresholdExplanation),
    BedClass(BedClassExplanation),
    LinearMinimum(LinearExplanation),
    Graded(GradedExplanation),
    /// These inputs are needed and not yet entered.
    MissingInputs {
        missing: Vec<String>,
    },
    /// A data card with `filled` of its inputs entered; `missing` are still empty.
    PartlyAnswered {
        filled: usize,
        missing: Vec<String>,
    },
    /// Inputs whose typed text is not a valid value (`rejected`: id and the text as typed) or
    /// whose values contradict another input (`contradicted`), in catalogue input order:
    /// nothing is computed from them.
    NeedsCorrection {
        rejected: Vec<(String, String)>,
        contradicted: Vec<String>,
    },
    NotAnswered,
    /// The stored answer is of the wrong kind for this criterion (e.g. a grade for a clause
    /// with sub-items); treated as not answered.
    WrongAnswerKind,
    NotApplicable(NotApplicableReason),
}

/// One criterion's result. The criterion (and its provenance) is reachable by `criterion_id`
/// or by `order` in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionResult {
    pub criterion_id: String,
    pub section_id: String,
    /// Position in catalogue order.
    pub order: usize,
    pub verdict: Verdict,
    pub importance: Importance,
    pub counts_for_compliance: bool,
    /// The profile did not say whether this applies (e.g. centre type not chosen yet), so it
    /// was treated as applicable.
    pub assumed_applicable: bool,
    pub explanation: Explanation,
}

/// Counts over a set of criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub total: u32,
    pub applicable: u32,
    pub answered: u32,
    pub met: u32,
    pub met_with_note: u32,
    pub partly: u32,
    pub gap: u32,
    pub not_answered: u32,
    /// Data cards with some figures entered (counted apart from `not_answered`).
    pub partly_answered: u32,
    /// Criteria that read a refused or contradictory figure.
    pub needs_correction: u32,
    pub not_applicable: u32,
    pub recorded: u32,
    /// Applicable criteria that count toward compliance (all but numeric inputs).
    pub compliance_items: u32,
}

impl Summary {
    pub(super) fn add(&mut self, verdict: Verdict, counts_for_compliance: bool) {
        self.total += 1;
        match verdict {
            Verdict::NotApplicable => {
                self.not_applicable += 1;
                return;
            }
            Verdict::Met => self.met += 1,
            Verdict::MetWithNote => self.met_with_note += 1,
            Verdict::Partly => self.partly += 1,
            Verdict::Gap => self.gap += 1,
            Verdict::NotAnswered => self.not_answered += 1,
            Verdict::PartlyAnswered => self.partly_answered += 1,
            Verdict::NeedsCorrection => self.needs_correction += 1,
            Verdict::Recorded => self.recorded += 1,
        }
        self.applicable += 1;
        if verdict.is_answered() {
            self.answered += 1;
        }
        if counts_for_compliance {
            self.compliance_items += 1;
        }
    }

    /// Answered of applicable. Denominator 0 means nothing applies.
    pub fn progress(&self) -> Fraction {
        Fraction::new(u64::from(self.answered), u64::from(self.applicable))
    }

    /// (2·met + partly) / (2·compliance items), exact. Denominator 0 means nothing to measure.
    pub fn compliance(&self) -> Fraction {
        Fraction::new(
            2 * u64::from(self.met + self.met_with_note) + u64::from(self.partly),
            2 * u64::from(self.compliance_items),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSummary {
    pub section_id: String,
    pub summary: Summary,
}
