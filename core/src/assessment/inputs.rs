//! Numeric inputs: parsing the user's text into stored units, formatting stored values,
//! operand values, and the cross-field checks over the entered figures.

use crate::base::exact::{format_hundredths, format_thousands};
use crate::catalogue::{Catalogue, CriterionKind, InputDef, InputKind, Lang, Rule};
use crate::i18n::assessment::AssessmentStrings;
use crate::i18n::fill;
use std::collections::BTreeMap;

/// Why a user's text is not a valid value for an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    Negative,
    /// Counts and areas are whole numbers.
    NotInteger,
    /// Percentages take at most two decimals (stored in hundredths).
    TooManyDecimals {
        max_decimals: u8,
    },
    /// Above the input's maximum (`max` in stored units; `kind` for formatting).
    AboveMax {
        max: u64,
        kind: InputKind,
    },
    TooLarge,
    UnknownInput {
        id: String,
    },
}

impl InputError {
    pub fn message(&self, lang: Lang) -> String {
        self.message_in(lang.strings().assessment)
    }

    pub fn message_zh(&self) -> String {
        self.message_in(crate::i18n::ZH.assessment)
    }

    pub fn message_en(&self) -> String {
        self.message_in(crate::i18n::EN.assessment)
    }

    fn message_in(&self, s: &AssessmentStrings) -> String {
        match self {
            InputError::Empty => s.input_empty.to_string(),
            InputError::NotANumber => s.input_not_a_number.to_string(),
            InputError::Negative => s.input_negative.to_string(),
            InputError::NotInteger => s.input_not_integer.to_string(),
            InputError::TooManyDecimals { max_decimals } => fill(
                s.input_too_many_decimals,
                &[("max_decimals", &max_decimals.to_string())],
            ),
            InputError::AboveMax { max, kind } => {
                fill(s.input_above_max, &[("max", &format_value(*max, *kind))])
            }
            InputError::TooLarge => s.input_too_large.to_string(),
            InputError::UnknownInput { id } => fill(s.input_unknown, &[("id", id)]),
        }
    }
}

/// Formats a stored value for display: counts with thousands separators, percentages from
/// hundredths with a % sign, areas with m².
pub fn format_value(value: u64, kind: InputKind) -> String {
    match kind {
        InputKind::Count => format_thousands(value),
        InputKind::Percent => format!("{}%", format_hundredths(value)),
        InputKind::Area => format!("{} m²", format_thousands(value)),
    }
}

/// Parses a user's text for `def` into stored units.
///
/// Accepts ASCII or full-width digits, thousands separators (`32,000`, `32，000`), surrounding
/// spaces, and for percentages an optional `%` sign and up to two decimals (`97.5` → 9750).
/// Counts and areas accept a zero fractional part (`12.0`) but not `12.5`.
pub fn parse_input(def: &InputDef, text: &str) -> Result<u64, InputError> {
    let mut s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '％' => '%',
            other => other,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .collect();
    if s.is_empty() {
        return Err(InputError::Empty);
    }
    if def.kind == InputKind::Percent {
        if let Some(stripped) = s.strip_suffix('%') {
            s = stripped.to_string();
        }
    } else if def.kind == InputKind::Area {
        for suffix in ["m²", "m2", "平方米"] {
            if let Some(stripped) = s.strip_suffix(suffix) {
                s = stripped.to_string();
                break;
            }
        }
    }
    if let Some(rest) = s.strip_prefix('-') {
        return if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.') {
            Err(InputError::Negative)
        } else {
            Err(InputError::NotANumber)
        };
    }
    let s = s.strip_prefix('+').unwrap_or(&s);
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits_ok(whole) || !digits_ok(frac) {
        return Err(InputError::NotANumber);
    }
    let whole_value: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| InputError::TooLarge)?
    };
    let value = match def.kind {
        InputKind::Count | InputKind::Area => {
            if frac.chars().any(|c| c != '0') {
                return Err(InputError::NotInteger);
            }
            whole_value
        }
        InputKind::Percent => {
            let frac = frac.trim_end_matches('0');
            if frac.len() > 2 {
                return Err(InputError::TooManyDecimals { max_decimals: 2 });
            }
            let hundredths: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
            whole_value
                .checked_mul(100)
                .and_then(|v| v.checked_add(hundredths))
                .ok_or(InputError::TooLarge)?
        }
    };
    if let Some(max) = def.effective_max() {
        if value > max {
            return Err(InputError::AboveMax {
                max,
                kind: def.kind,
            });
        }
    }
    Ok(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The numbers contradict each other; verdicts based on them are unreliable.
    Error,
    /// Allowed, but worth a second look (e.g. more than 50 beds).
    Warning,
}

/// A cross-field problem among the entered inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputIssueKind {
    /// `value` exceeds the operand it may never exceed (`limit`), e.g. 卫技 > 全院职工.
    AboveOther { value: u64, limit: u64 },
    /// Above the input's maximum (possible when set programmatically or from a file).
    AboveMax { value: u64, max: u64 },
    /// Beds above the rule's warning level (more than 50 beds): warn, do not fail.
    BedsAboveWarning { value: u64, warn_above: u64 },
    /// A rate of at most 1% (`value` in hundredths): probably a fraction typed for a
    /// percentage (0.92 for 92%). A hint only; the value typed is the value judged.
    LooksLikeFraction { value: u64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputIssue {
    pub input_id: String,
    pub severity: Severity,
    pub kind: InputIssueKind,
}

impl InputIssue {
    /// One-line message naming the inputs by their labels.
    pub fn message(&self, catalogue: &Catalogue, lang: Lang) -> String {
        let def = catalogue.input(&self.input_id);
        let label = def
            .map(|d| d.label.get(lang).to_string())
            .unwrap_or_else(|| self.input_id.clone());
        let kind = def.map(|d| d.kind).unwrap_or(InputKind::Count);
        let s = lang.strings().assessment;
        match &self.kind {
            InputIssueKind::AboveOther { value, limit } => {
                let other = def
                    .and_then(|d| d.not_above.as_ref())
                    .map(|op| catalogue.operand_label(op, lang))
                    .unwrap_or_default();
                fill(
                    s.check_above_other,
                    &[
                        ("label", &label),
                        ("value", &format_value(*value, kind)),
                        ("other", &other),
                        ("limit", &format_value(*limit, kind)),
                    ],
                )
            }
            InputIssueKind::AboveMax { value, max } => fill(
                s.check_above_max,
                &[
                    ("label", &label),
                    ("value", &format_value(*value, kind)),
                    ("max", &format_value(*max, kind)),
                ],
            ),
            InputIssueKind::LooksLikeFraction { value } => fill(
                s.looks_like_fraction,
                &[
                    ("label", &label),
                    ("value", &format_value(*value, InputKind::Percent)),
                    (
                        "meant",
                        &format_value(value.saturating_mul(100), InputKind::Percent),
                    ),
                ],
            ),
            InputIssueKind::BedsAboveWarning { value, warn_above } => fill(
                s.beds_warning,
                &[
                    ("label", &label),
                    ("value", &format_thousands(*value)),
                    ("warn_above", &format_thousands(*warn_above)),
                ],
            ),
        }
    }
}

/// Sum of an operand's inputs minus its subtracted inputs (saturating), or `None` if any is
/// missing.
pub fn operand_value(
    op: &crate::catalogue::Operand,
    inputs: &BTreeMap<String, u64>,
) -> Option<u64> {
    let mut add: u64 = 0;
    for id in &op.add {
        add = add.saturating_add(*inputs.get(id)?);
    }
    let mut sub: u64 = 0;
    for id in &op.subtract {
        sub = sub.saturating_add(*inputs.get(id)?);
    }
    Some(add.saturating_sub(sub))
}

/// Cross-field checks over the entered inputs: an input above the operand it may not exceed is
/// an error; beds above a bed-class rule's warning level is a warning. Errors come first.
pub fn check_inputs(catalogue: &Catalogue, inputs: &BTreeMap<String, u64>) -> Vec<InputIssue> {
    let mut issues = Vec::new();
    for def in &catalogue.inputs {
        let Some(&value) = inputs.get(&def.id) else {
            continue;
        };
        if def.kind == InputKind::Percent && value > 0 && value <= 100 {
            issues.push(InputIssue {
                input_id: def.id.clone(),
                severity: Severity::Warning,
                kind: InputIssueKind::LooksLikeFraction { value },
            });
        }
        if let Some(max) = def.effective_max() {
            if value > max {
                issues.push(InputIssue {
                    input_id: def.id.clone(),
                    severity: Severity::Error,
                    kind: InputIssueKind::AboveMax { value, max },
                });
            }
        }
        if let Some(op) = &def.not_above {
            if let Some(limit) = operand_value(op, inputs) {
                // A subtraction below zero also means the numbers contradict each other.
                let sub_exceeds = {
                    let total = |ids: &[String]| {
                        ids.iter()
                            .filter_map(|i| inputs.get(i))
                            .fold(0u64, |acc, v| acc.saturating_add(*v))
                    };
                    let (add, sub) = (total(&op.add), total(&op.subtract));
                    sub > add
                };
                if value > limit || sub_exceeds {
                    issues.push(InputIssue {
                        input_id: def.id.clone(),
                        severity: Severity::Error,
                        kind: InputIssueKind::AboveOther { value, limit },
                    });
                }
            }
        }
    }
    let mut warned: Vec<&str> = Vec::new();
    for c in catalogue.criteria() {
        if let CriterionKind::Rule {
            rule: Rule::BedClass(b),
        } = &c.criterion.kind
        {
            if let Some(&beds) = inputs.get(&b.beds) {
                if beds > b.warn_above && !warned.contains(&b.beds.as_str()) {
                    warned.push(&b.beds);
                    issues.push(InputIssue {
                        input_id: b.beds.clone(),
                        severity: Severity::Warning,
                        kind: InputIssueKind::BedsAboveWarning {
                            value: beds,
                            warn_above: b.warn_above,
                        },
                    });
                }
            }
        }
    }
    crate::base::sorting::stable_sort_by_key(&mut issues, |i| i.severity);
    issues
}
