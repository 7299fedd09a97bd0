//! Exact integer arithmetic for verdicts, plus display-only formatting.
//!
//! Every comparison that decides a verdict is done here in integers: a ratio `a/b` is compared
//! with a threshold `p/q` by cross-multiplying in `u128` (`a·q` vs `p·b`), which cannot overflow
//! for `u64` operands. So 17 of 20 is exactly 85% and passes a "≥ 85%" rule, with no float
//! rounding anywhere near the decision (criteria.md §7).
//!
//! The `format_*` helpers produce display strings only. They never feed back into a verdict, and
//! they choose their rounding so that a failing value can never be printed as if it passed
//! (84.96% against "≥ 85%" prints "84.96%", not "85.0%").

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A non-negative rational number `num / den`, kept unreduced (reduction is never needed for
/// comparison). A `den` of zero is invalid; the catalogue loader rejects such thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fraction {
    pub num: u64,
    pub den: u64,
}

impl Fraction {
    pub const fn new(num: u64, den: u64) -> Self {
        Fraction { num, den }
    }

    /// `true` when the denominator is non-zero (the only invalid fractions).
    pub const fn is_valid(&self) -> bool {
        self.den != 0
    }

    /// Exact comparison of two fractions by cross-multiplication in `u128`.
    /// Fractions with a zero denominator compare as larger than everything (never true as a
    /// threshold bound), but the loader rejects them before they reach evaluation.
    pub fn cmp_exact(&self, other: &Fraction) -> Ordering {
        ratio_cmp(self.num, self.den, other.num, other.den)
    }

    /// `true` when this fraction is above one (e.g. a share above 100%).
    pub fn exceeds_one(&self) -> bool {
        self.den != 0 && self.num > self.den
    }
}

/// Compares `a_num / a_den` with `b_num / b_den` exactly.
///
/// A zero denominator is treated as +∞ (so `x/0 > y/d` for any `d > 0`, and two `x/0` compare
/// equal). Callers that need different zero-handling check the denominator first.
pub fn ratio_cmp(a_num: u64, a_den: u64, b_num: u64, b_den: u64) -> Ordering {
    match (a_den == 0, b_den == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => {
            let left = u128::from(a_num) * u128::from(b_den);
            let right = u128::from(b_num) * u128::from(a_den);
            left.cmp(&right)
        }
    }
}

/// `ceil(a / b)`, or `None` when `b == 0`.
pub fn ceil_div(a: u128, b: u128) -> Option<u128> {
    (b != 0).then(|| a.div_ceil(b))
}

/// Saturating conversion from `u128` to `u64`.
pub fn clamp_u64(value: u128) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

/// Smallest numerator `n` with `n / den ≥ bound` (for "how many are needed").
/// With `den = 0` nothing is needed (returns 0); with an invalid bound returns `u64::MAX`.
pub fn min_numerator(den: u64, bound: Fraction) -> u64 {
    match ceil_div(
        u128::from(bound.num) * u128::from(den),
        u128::from(bound.den),
    ) {
        Some(v) => clamp_u64(v),
        None => u64::MAX,
    }
}

/// Largest numerator `n` with `n / den ≤ bound` (for "at most this many").
pub fn max_numerator(den: u64, bound: Fraction) -> u64 {
    if bound.den == 0 {
        return u64::MAX;
    }
    clamp_u64(u128::from(bound.num) * u128::from(den) / u128::from(bound.den))
}

/// For a share whose part is inside its whole (`part ≤ whole`), below `bound = p/q` (< 1):
/// how many more of the part are needed when each one added also adds to the whole. The
/// smallest `k` with `(part + k) / (whole + k) ≥ p/q`, i.e. `k = ⌈(p·whole − q·part) / (q − p)⌉`;
/// 0 when already met, `None` when no number of additions can reach it (`bound ≥ 1`).
pub fn nested_additions_needed(part: u64, whole: u64, bound: Fraction) -> Option<u64> {
    let (p, q) = (u128::from(bound.num), u128::from(bound.den));
    if q == 0 || p >= q {
        return None;
    }
    let want = p * u128::from(whole);
    let have = q * u128::from(part);
    if have >= want {
        return Some(0);
    }
    ceil_div(want - have, q - p).map(clamp_u64)
}

/// For the same share below `bound = p/q`: how many fewer of the rest of the whole (the
/// whole shrinking, the part unchanged) would reach it. The smallest `j ≤ whole − part` with
/// `part / (whole − j) ≥ p/q`, i.e. `j = whole − ⌊q·part / p⌋`; 0 when already met, `None`
/// when the part is 0 (no removal can help) or `part > whole`.
pub fn nested_removals_needed(part: u64, whole: u64, bound: Fraction) -> Option<u64> {
    if part == 0 || part > whole || bound.den == 0 || bound.num > bound.den {
        return None;
    }
    if bound.num == 0 {
        return Some(0);
    }
    let largest_whole = u128::from(bound.den) * u128::from(part) / u128::from(bound.num);
    let largest_whole = clamp_u64(largest_whole).max(part);
    Some(whole.saturating_sub(largest_whole))
}

/// For a share whose part is inside its whole, above `bound = p/q` (< 1): how many fewer of
/// the part are needed when each one removed also leaves the whole. The smallest `k ≤ part`
/// with `(part − k) / (whole − k) ≤ p/q`, i.e. `k = ⌈(q·part − p·whole) / (q − p)⌉`.
pub fn nested_removals_to_cap(part: u64, whole: u64, bound: Fraction) -> Option<u64> {
    let (p, q) = (u128::from(bound.num), u128::from(bound.den));
    if q == 0 || p >= q || part > whole {
        return None;
    }
    let have = q * u128::from(part);
    let limit = p * u128::from(whole);
    if have <= limit {
        return Some(0);
    }
    ceil_div(have - limit, q - p).map(clamp_u64)
}

/// `count / total ≥ percent / 100`, exactly (`100·count ≥ percent·total`). Used by tier bars.
pub fn meets_percent(count: u64, total: u64, percent: u32) -> bool {
    u128::from(count) * 100 >= u128::from(percent) * u128::from(total)
}

/// Smallest count reaching `percent` of `total`: `ceil(percent·total / 100)`.
pub fn count_needed_for_percent(total: u64, percent: u32) -> u64 {
    clamp_u64((u128::from(percent) * u128::from(total)).div_ceil(100))
}

// ---------------------------------------------------------------------------------------------
// Display helpers (strings only; never used for a verdict).
// ---------------------------------------------------------------------------------------------

/// Formats an integer with thousands separators: `32000` → `"32,000"`.
pub fn format_thousands(value: u64) -> String {
    format_thousands_wide(u128::from(value))
}

fn format_thousands_wide(value: u128) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let first = digits.len() % 3;
    for (i, ch) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Formats a value stored in hundredths (percent inputs: 9750 → `"97.5"`), exactly, without
/// trailing zeros and without the `%` sign.
pub fn format_hundredths(value: u64) -> String {
    let whole = value / 100;
    let frac = value % 100;
    if frac == 0 {
        format_thousands(whole)
    } else if frac.is_multiple_of(10) {
        format!("{}.{}", format_thousands(whole), frac / 10)
    } else {
        format!("{}.{:02}", format_thousands(whole), frac)
    }
}

/// Formats a fraction threshold on a display scale, exactly when it terminates within four
/// decimals (85/100 on scale 100 → `"85"`, 15/10 on scale 1 → `"1.5"`), otherwise rounded to
/// four decimals. For showing *thresholds*, which are catalogue data.
pub fn format_fraction_scaled(f: Fraction, scale: u64) -> String {
    if f.den == 0 {
        return "∞".to_string();
    }
    let num = u128::from(f.num) * u128::from(scale);
    let den = u128::from(f.den);
    for decimals in 0..=4u32 {
        let Some(scaled) = num.checked_mul(10u128.pow(decimals)) else {
            return approximate(num, den);
        };
        if scaled.is_multiple_of(den) {
            return format_scaled_integer(scaled / den, decimals);
        }
    }
    match num.checked_mul(10u128.pow(4)) {
        Some(scaled) => {
            // Round half up.
            let rounded = scaled / den + u128::from((scaled % den) * 2 >= den);
            format_scaled_integer(rounded, 4)
        }
        None => approximate(num, den),
    }
}

/// Display fallback for astronomically large values (only reachable with absurd catalogue
/// data such as a display unit of 10^19), where the scaled forms above would overflow: `num /
/// den` by long division, rounded half up to four decimals and marked with a leading "≈".
/// Integers only: the remainder stays below `den` (at most 2^64), so `remainder · 10` always
/// fits in `u128`.
fn approximate(num: u128, den: u128) -> String {
    let mut whole = num / den;
    let mut remainder = num % den;
    let mut frac: u128 = 0;
    for _ in 0..4 {
        remainder *= 10;
        frac = frac * 10 + remainder / den;
        remainder %= den;
    }
    if remainder * 2 >= den {
        frac += 1;
        if frac == 10_000 {
            frac = 0;
            whole = whole.saturating_add(1);
        }
    }
    format!("≈{}", format_whole_and_fraction(whole, frac, 4))
}

/// Renders `value / 10^decimals` with thousands separators, dropping trailing zeros.
fn format_scaled_integer(value: u128, decimals: u32) -> String {
    let p = 10u128.pow(decimals);
    format_whole_and_fraction(value / p, value % p, decimals)
}

/// "1,234.5" from whole 1234 and fraction 5000 of four decimals: trailing zeros dropped.
fn format_whole_and_fraction(whole: u128, mut frac: u128, mut decimals: u32) -> String {
    while decimals > 0 && frac.is_multiple_of(10) {
        frac /= 10;
        decimals -= 1;
    }
    join_whole_and_fraction(whole, frac, decimals)
}

/// Renders `value / 10^decimals` keeping exactly `decimals` digits (no trimming).
fn format_fixed(value: u128, decimals: u32) -> String {
    let p = 10u128.pow(decimals);
    join_whole_and_fraction(value / p, value % p, decimals)
}

/// `whole` with thousands separators, then `frac` as exactly `decimals` digits.
fn join_whole_and_fraction(whole: u128, frac: u128, decimals: u32) -> String {
    if decimals == 0 {
        format_thousands_wide(whole)
    } else {
        format!(
            "{}.{:0width$}",
            format_thousands_wide(whole),
            frac,
            width = decimals as usize
        )
    }
}

/// Formats the measured ratio `num / den` multiplied by `scale` (100 for a percentage, 1,000
/// for "per 1,000", 1 for a plain ratio) with one decimal when that is faithful, and more
/// decimals when one would blur a comparison with any of `bounds`.
///
/// "Faithful" means: for every bound, the displayed number sits on the same side of the bound
/// as the true value (below, equal or above). 84.96% against 85% needs two decimals
/// ("84.96"); 83.33…% against 85% is fine with one ("83.3"). If four decimals are still not
/// enough (only possible for odd bounds), the value is truncated toward the side that keeps
/// the verdict's direction.
///
/// Returns `None` for a zero denominator.
pub fn format_ratio_scaled(num: u64, den: u64, scale: u64, bounds: &[Fraction]) -> Option<String> {
    if den == 0 {
        return None;
    }
    let n = u128::from(num) * u128::from(scale);
    let d = u128::from(den);
    // The largest intermediate below is n·10⁴·2 + d; beyond u128, fall back to an approximation.
    if n.checked_mul(20_000)
        .and_then(|v| v.checked_add(d))
        .is_none()
    {
        return Some(approximate(n, d));
    }
    for decimals in 1..=4u32 {
        let p = 10u128.pow(decimals);
        // Round half up at this many decimals.
        let shown = (n * p * 2 + d) / (2 * d);
        if bounds
            .iter()
            .filter(|b| b.den != 0)
            .all(|b| same_side(num, den, shown, p * u128::from(scale), b))
        {
            return Some(format_fixed(shown, decimals));
        }
    }
    // Fallback: truncate toward the verdict. If the value is below any bound, floor (a value
    // under a minimum stays under it); otherwise ceil (a value over a maximum stays over it).
    let p = 10u128.pow(4);
    let below_some = bounds
        .iter()
        .filter(|b| b.den != 0)
        .any(|b| ratio_cmp(num, den, b.num, b.den) == Ordering::Less);
    let shown = if below_some {
        n * p / d
    } else {
        (n * p).div_ceil(d)
    };
    Some(format_fixed(shown, 4))
}

/// Whether `shown / shown_den` lies on the same side of `bound` as `num / den` does.
/// `shown_den` already includes the display scale, so both sides are ratios of the raw values.
fn same_side(num: u64, den: u64, shown: u128, shown_den: u128, bound: &Fraction) -> bool {
    let truth = ratio_cmp(num, den, bound.num, bound.den);
    // shown / shown_den vs bound.num / bound.den, in u128 with headroom: shown ≤ ~1.8e19·1e4·scale
    // can overflow u128 only for absurd inputs; use checked maths and treat overflow as "not
    // faithful" so a longer representation (or the directed fallback) is chosen.
    let left = shown.checked_mul(u128::from(bound.den));
    let right = u128::from(bound.num).checked_mul(shown_den);
    match (left, right) {
        (Some(l), Some(r)) => l.cmp(&r) == truth,
        _ => false,
    }
}

/// Formats a ratio as a percentage with a `%` sign (see [`format_ratio_scaled`]).
pub fn format_percent(num: u64, den: u64, bounds: &[Fraction]) -> Option<String> {
    format_ratio_scaled(num, den, 100, bounds).map(|s| format!("{s}%"))
}

/// Exact compliance share for summaries: `num/den` as a percentage truncated to one decimal
/// (display only; a summary is never a verdict). `None` when `den == 0`.
pub fn format_share_truncated(num: u64, den: u64) -> Option<String> {
    if den == 0 {
        return None;
    }
    let tenths = u128::from(num) * 1000 / u128::from(den);
    Some(format!("{}%", format_fixed(tenths, 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_multiplication_is_exact() {
        assert_eq!(ratio_cmp(17, 20, 85, 100), Ordering::Equal);
        assert_eq!(ratio_cmp(16, 20, 85, 100), Ordering::Less);
        assert_eq!(
            ratio_cmp(u64::MAX, u64::MAX - 1, 1, 1),
            Ordering::Greater,
            "no overflow at u64::MAX"
        );
    }

    #[test]
    fn needed_counts() {
        assert_eq!(min_numerator(32_000, Fraction::new(1, 10_000)), 4);
        assert_eq!(min_numerator(8_000, Fraction::new(1, 10_000)), 1);
        assert_eq!(min_numerator(10_000, Fraction::new(1, 10_000)), 1);
        assert_eq!(min_numerator(20, Fraction::new(85, 100)), 17);
        assert_eq!(max_numerator(48, Fraction::new(15, 100)), 7);
        assert_eq!(count_needed_for_percent(20, 95), 19);
        assert_eq!(count_needed_for_percent(19, 95), 19);
        assert!(meets_percent(19, 20, 95));
        assert!(!meets_percent(18, 20, 95));
    }

    #[test]
    fn display_never_rounds_a_failure_into_a_pass() {
        let b = [Fraction::new(85, 100)];
        assert_eq!(format_percent(40, 48, &b).unwrap(), "83.3%");
        // 8496/10000 = 84.96%
        assert_eq!(format_percent(8496, 10_000, &b).unwrap(), "84.96%");
        assert_eq!(format_percent(17, 20, &b).unwrap(), "85.0%");
        assert_eq!(format_percent(1, 0, &b), None);
        // 15.04% against a 15% maximum must not show 15.0%.
        assert_eq!(
            format_percent(1504, 10_000, &[Fraction::new(15, 100)]).unwrap(),
            "15.04%"
        );
    }

    #[test]
    fn thousands_and_hundredths() {
        assert_eq!(format_thousands(0), "0");
        assert_eq!(format_thousands(999), "999");
        assert_eq!(format_thousands(32_000), "32,000");
        assert_eq!(format_thousands(1_234_567), "1,234,567");
        assert_eq!(format_hundredths(9750), "97.5");
        assert_eq!(format_hundredths(9755), "97.55");
        assert_eq!(format_hundredths(9000), "90");
        assert_eq!(format_fraction_scaled(Fraction::new(85, 100), 100), "85");
        assert_eq!(format_fraction_scaled(Fraction::new(3, 2), 1), "1.5");
        assert_eq!(
            format_fraction_scaled(Fraction::new(1, 10_000), 10_000),
            "1"
        );
        assert_eq!(format_share_truncated(2, 3).unwrap(), "66.6%");
        assert_eq!(format_fraction_scaled(Fraction::new(1, 3), 100), "33.3333");
    }

    #[test]
    fn absurd_magnitudes_do_not_overflow() {
        // (2^64 − 1)² exactly, with thousands separators.
        let big = format_ratio_scaled(u64::MAX, 1, u64::MAX, &[Fraction::new(1, 2)]).unwrap();
        assert_eq!(big, "≈340,282,366,920,938,463,426,481,119,284,349,108,225");
        // (2^64 − 1)² / 7 = …046,335.5714285…: four decimals, rounded half up.
        let big = format_fraction_scaled(Fraction::new(u64::MAX, 7), u64::MAX);
        assert_eq!(
            big,
            "≈48,611,766,702,991,209,060,925,874,183,478,444,032.1429"
        );
        // Rounding that carries into the whole part.
        assert_eq!(approximate(199_999, 100_000), "≈2");
        assert_eq!(approximate(1, 3), "≈0.3333");
        assert_eq!(approximate(1, 8), "≈0.125");
        let exact = format_fraction_scaled(Fraction::new(u64::MAX, 1), 10);
        assert_eq!(exact, "184,467,440,737,095,516,150");
        assert_eq!(
            min_numerator(u64::MAX, Fraction::new(u64::MAX, 1)),
            u64::MAX
        );
        assert_eq!(ceil_div(1, 0), None);
    }
}
