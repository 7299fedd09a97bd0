//! Graded tiers: one bar's line and a tier's status with its shortfalls or eligibility figures.

use crate::base::exact::format_thousands;
use crate::catalogue::{Catalogue, Lang};
use crate::evaluation::{BarCheck, ClauseGroup, TierOutcome, TierStatus};

fn group_label(g: ClauseGroup, lang: Lang) -> &'static str {
    match (g, lang) {
        (ClauseGroup::Basic, Lang::Zh) => "基本条款",
        (ClauseGroup::Basic, Lang::En) => "basic clauses",
        (ClauseGroup::Recommended, Lang::Zh) => "推荐条款（★）",
        (ClauseGroup::Recommended, Lang::En) => "recommended (★) clauses",
    }
}

/// "基本条款 B 级及以上 ≥ 50%：现 8 / 20，需 10，还差 2 条".
pub fn bar_line(bar: &BarCheck, lang: Lang) -> String {
    let level = bar.level.letter();
    let group = group_label(bar.group, lang);
    let mut s = match lang {
        Lang::Zh => format!(
            "{group} {level} 级及以上 ≥ {}%：现 {} / {}，需 {}",
            bar.percent, bar.have, bar.considered, bar.needed
        ),
        Lang::En => format!(
            "{group} at {level} or better ≥ {}%: {} of {}, need {}",
            bar.percent, bar.have, bar.considered, bar.needed
        ),
    };
    if !bar.met {
        s.push_str(&match lang {
            Lang::Zh => format!("，还差 {} 条", bar.missing),
            Lang::En => format!(", {} more needed", bar.missing),
        });
    }
    s
}

/// A tier's status with its shortfalls or eligibility numbers.
pub fn tier_line(catalogue: &Catalogue, outcome: &TierOutcome, lang: Lang) -> String {
    let def = catalogue.tier(&outcome.tier_id);
    let name = def
        .map(|t| t.name.get(lang).to_string())
        .unwrap_or_else(|| outcome.tier_id.clone());
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    match outcome.status {
        TierStatus::Reached => match lang {
            Lang::Zh => format!("{name}：已达到"),
            Lang::En => format!("{name}: reached"),
        },
        TierStatus::Missed => {
            let misses: Vec<String> = outcome.shortfalls().map(|b| bar_line(b, lang)).collect();
            match lang {
                Lang::Zh => format!("{name}：未达到——{}", misses.join(sep)),
                Lang::En => format!("{name}: not reached — {}", misses.join(sep)),
            }
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
                    match lang {
                        Lang::Zh => {
                            format!("{label} = {value}（须 < {}）", format_thousands(c.below))
                        }
                        Lang::En => format!(
                            "{label} = {value} (must be < {})",
                            format_thousands(c.below)
                        ),
                    }
                })
                .collect();
            match (outcome.status, lang) {
                (TierStatus::NotEligible, Lang::Zh) => {
                    format!("{name}：不符合申报条件——{}", checks.join(sep))
                }
                (TierStatus::NotEligible, Lang::En) => {
                    format!("{name}: not eligible — {}", checks.join(sep))
                }
                (_, Lang::Zh) => format!("{name}：申报条件待定（请填写）——{}", checks.join(sep)),
                (_, Lang::En) => format!(
                    "{name}: eligibility undecided (enter the figures) — {}",
                    checks.join(sep)
                ),
            }
        }
    }
}
