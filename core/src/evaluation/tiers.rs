//! Tiers of the graded framework (合格 / 基本 / 推荐标准).
//!
//! A tier is reached when every bar is met: for each clause group (basic, ★ recommended) and
//! each level L in C, B, A, `100 · (clauses at L or better) ≥ percent · (clauses considered)`.
//! Clauses not applicable leave the denominators and are listed [decision]; unanswered clauses
//! stay in the denominators and reach no grade. A tier whose eligibility fails is reported as
//! not eligible (with the numbers), not as missed.

use super::result::{CriterionResult, Explanation, Verdict};
use crate::assessment::{operand_value, Assessment};
use crate::base::exact::{count_needed_for_percent, meets_percent};
use crate::catalogue::{Bars, Catalogue, Grade, Importance};

/// Basic clauses or ★ recommended clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseGroup {
    Basic,
    Recommended,
}

/// Grade counts of one clause group (cumulative: `at_least_b` includes A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GroupCounts {
    /// Applicable clauses (the denominator).
    pub considered: u64,
    pub at_least_c: u64,
    pub at_least_b: u64,
    pub at_least_a: u64,
    pub grade_d: u64,
    pub unanswered: u64,
}

impl GroupCounts {
    pub fn at_least(&self, level: Grade) -> u64 {
        match level {
            Grade::A => self.at_least_a,
            Grade::B => self.at_least_b,
            Grade::C => self.at_least_c,
            Grade::D => self.considered,
        }
    }

    fn add(&mut self, grade: Option<Grade>) {
        self.considered += 1;
        match grade {
            None => self.unanswered += 1,
            Some(g) => {
                if g.at_least(Grade::C) {
                    self.at_least_c += 1;
                } else {
                    self.grade_d += 1;
                }
                if g.at_least(Grade::B) {
                    self.at_least_b += 1;
                }
                if g.at_least(Grade::A) {
                    self.at_least_a += 1;
                }
            }
        }
    }
}

/// One bar of one tier, with what is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarCheck {
    pub group: ClauseGroup,
    pub level: Grade,
    /// Required share in whole percent.
    pub percent: u32,
    pub considered: u64,
    /// Clauses at `level` or better.
    pub have: u64,
    /// `ceil(percent · considered / 100)`.
    pub needed: u64,
    /// `needed − have`, 0 when met.
    pub missing: u64,
    pub met: bool,
}

/// One eligibility limit (`value < below`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityCheck {
    /// Index into the tier's `eligibility.all_below`.
    pub limit_index: usize,
    pub value: Option<u64>,
    pub below: u64,
    /// `None` while an input is missing.
    pub passes: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierStatus {
    Reached,
    Missed,
    /// The centre may not claim this tier (e.g. 合格标准 with ≥ 10 medical staff).
    NotEligible,
    /// Eligibility cannot be decided until the inputs it reads are entered.
    EligibilityUnknown,
    /// A clause group the tier reads has no applicable clause (all marked not applicable, or
    /// none in the catalogue): a share of nothing proves nothing, so the tier is not judged.
    NoClauses,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierOutcome {
    pub tier_id: String,
    pub status: TierStatus,
    /// Every bar, met or not, in order basic C, B, A then recommended C, B, A.
    pub bars: Vec<BarCheck>,
    pub eligibility: Vec<EligibilityCheck>,
}

impl TierOutcome {
    /// The bars not met: exactly what is missing for this tier.
    pub fn shortfalls(&self) -> impl Iterator<Item = &BarCheck> {
        self.bars.iter().filter(|b| !b.met)
    }

    pub fn bars_met(&self) -> bool {
        self.bars.iter().all(|b| b.met)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierReport {
    pub basic: GroupCounts,
    pub recommended: GroupCounts,
    /// Clauses left out of the denominators as not applicable.
    pub excluded: Vec<String>,
    /// Tiers in catalogue order (lowest first).
    pub tiers: Vec<TierOutcome>,
    /// The highest tier reached, if any.
    pub highest_reached: Option<String>,
}

fn bar_checks(group: ClauseGroup, counts: &GroupCounts, bars: &Bars, out: &mut Vec<BarCheck>) {
    for level in Grade::PASSING {
        let percent = bars.get(level).unwrap_or(0);
        let have = counts.at_least(level);
        let needed = count_needed_for_percent(counts.considered, percent);
        let met = meets_percent(have, counts.considered, percent);
        out.push(BarCheck {
            group,
            level,
            percent,
            considered: counts.considered,
            have,
            needed,
            missing: if met { 0 } else { needed.saturating_sub(have) },
            met,
        });
    }
}

pub(super) fn tier_report(
    catalogue: &Catalogue,
    assessment: &Assessment,
    results: &[CriterionResult],
) -> TierReport {
    let mut basic = GroupCounts::default();
    let mut recommended = GroupCounts::default();
    let mut excluded = Vec::new();
    for (r, c) in results.iter().zip(catalogue.criteria()) {
        if !c.criterion.is_graded() {
            continue;
        }
        if r.verdict == Verdict::NotApplicable {
            excluded.push(r.criterion_id.clone());
            continue;
        }
        let grade = match &r.explanation {
            Explanation::Graded(g) => Some(g.grade),
            _ => None,
        };
        match r.importance {
            Importance::Core => basic.add(grade),
            Importance::Recommended => recommended.add(grade),
        }
    }

    let mut tiers = Vec::with_capacity(catalogue.tiers.len());
    let mut highest_reached = None;
    for t in &catalogue.tiers {
        let mut bars = Vec::with_capacity(6);
        bar_checks(ClauseGroup::Basic, &basic, &t.basic, &mut bars);
        if let Some(rb) = &t.recommended {
            bar_checks(ClauseGroup::Recommended, &recommended, rb, &mut bars);
        }
        let mut eligibility = Vec::new();
        let mut eligible = Some(true);
        if let Some(e) = &t.eligibility {
            for (i, limit) in e.all_below.iter().enumerate() {
                let value = operand_value(&limit.operand, &assessment.inputs);
                let passes = value.map(|v| v < limit.below);
                eligible = match (eligible, passes) {
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    (Some(true), Some(true)) => Some(true),
                    _ => None,
                };
                eligibility.push(EligibilityCheck {
                    limit_index: i,
                    value,
                    below: limit.below,
                    passes,
                });
            }
        }
        let empty_group = bars.iter().any(|b| b.considered == 0);
        let status = match eligible {
            Some(false) => TierStatus::NotEligible,
            _ if empty_group => TierStatus::NoClauses,
            None => TierStatus::EligibilityUnknown,
            Some(true) if bars.iter().all(|b| b.met) => TierStatus::Reached,
            Some(true) => TierStatus::Missed,
        };
        if status == TierStatus::Reached {
            highest_reached = Some(t.id.clone());
        }
        tiers.push(TierOutcome {
            tier_id: t.id.clone(),
            status,
            bars,
            eligibility,
        });
    }
    TierReport {
        basic,
        recommended,
        excluded,
        tiers,
        highest_reached,
    }
}
