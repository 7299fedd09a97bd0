//! Graded tiers: one bar's line and a tier's status with its shortfalls or eligibility figures.

use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, Lang};
use crate::evaluation::{BarCheck, ClauseGroup, TierOutcome, TierStatus};
use crate::i18n::fill;

fn group_label(g: ClauseGroup, lang: Lang) -> &'static str {
    let s = lang.strings().explain;
    match g {
        ClauseGroup::Basic => s.group_basic,
        ClauseGroup::Recommended => s.group_recommended,
    }
}

/// "基本条款 B 级及以上 ≥ 50%：现 8 / 20，需 10，还差 2 条".
pub fn bar_line(bar: &BarCheck, lang: Lang) -> String {
    let s = lang.strings().explain;
    let mut line = fill(
        s.bar_line,
        &[
            ("group", group_label(bar.group, lang)),
            ("level", bar.level.letter()),
            ("percent", &bar.percent.to_string()),
            ("have", &bar.have.to_string()),
            ("considered", &bar.considered.to_string()),
            ("needed", &bar.needed.to_string()),
        ],
    );
    if !bar.met {
        line.push_str(&fill(
            s.bar_missing,
            &[("missing", &bar.missing.to_string())],
        ));
    }
    line
}

/// A tier's status with its shortfalls or eligibility numbers.
pub fn tier_line(catalogue: &Catalogue, outcome: &TierOutcome, lang: Lang) -> String {
    let strings = lang.strings();
    let s = strings.explain;
    let def = catalogue.tier(&outcome.tier_id);
    let name = def
        .map(|t| t.name.get(lang).to_string())
        .unwrap_or_else(|| outcome.tier_id.clone());
    let sep = strings.clause_sep;
    match outcome.status {
        TierStatus::Reached => fill(s.tier_reached, &[("name", &name)]),
        TierStatus::NoClauses => {
            let group = match outcome
                .bars
                .iter()
                .find(|b| b.considered == 0)
                .map(|b| b.group)
            {
                Some(ClauseGroup::Recommended) => s.group_recommended,
                _ => s.group_basic,
            };
            fill(s.tier_no_clauses, &[("name", &name), ("group", group)])
        }
        TierStatus::Missed => {
            let misses: Vec<String> = outcome.shortfalls().map(|b| bar_line(b, lang)).collect();
            fill(
                s.tier_missed,
                &[("name", &name), ("shortfalls", &misses.join(sep))],
            )
        }
        TierStatus::NotEligible | TierStatus::EligibilityUnknown => {
            let checks: Vec<String> = outcome
                .eligibility
                .iter()
                .map(|c| {
                    let label = def
                        .and_then(|t| t.eligibility.as_ref())
                        .and_then(|e| e.all_below.get(c.limit_index))
                        .map(|l| catalogue.operand_label(&l.operand, lang))
                        .unwrap_or_default();
                    let value = c
                        .value
                        .map(format_thousands)
                        .unwrap_or_else(|| "?".to_string());
                    fill(
                        s.tier_check,
                        &[
                            ("label", &label),
                            ("value", &value),
                            ("below", &format_thousands(c.below)),
                        ],
                    )
                })
                .collect();
            let template = if outcome.status == TierStatus::NotEligible {
                s.tier_not_eligible
            } else {
                s.tier_eligibility_unknown
            };
            fill(template, &[("name", &name), ("checks", &checks.join(sep))])
        }
    }
}
