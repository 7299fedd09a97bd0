//! The one way a share is shown as a percentage, on screen, in the report and in the roll-up.

use crate::base::exact::{format_share_truncated, Fraction};

/// "82.5%": truncated to one decimal, so a failing share never reads as a pass; "—" when nothing
/// is measured.
pub fn percent_text(f: &Fraction) -> String {
    format_share_truncated(f.num, f.den).unwrap_or_else(|| "—".to_string())
}

/// Whole percent rounded down and capped at 100, for the length of a bar (never shown as text).
pub fn bar_percent(f: &Fraction) -> u32 {
    if f.den == 0 {
        0
    } else {
        let p = u128::from(f.num) * 100 / u128::from(f.den);
        u32::try_from(p.min(100)).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_reads_the_same_everywhere_and_a_bar_never_overshoots() {
        assert_eq!(percent_text(&Fraction::new(33, 40)), "82.5%");
        assert_eq!(percent_text(&Fraction::new(0, 0)), "—");
        assert_eq!(percent_text(&Fraction::new(17, 20)), "85.0%");
        assert_eq!(bar_percent(&Fraction::new(33, 40)), 82);
        assert_eq!(bar_percent(&Fraction::new(0, 0)), 0);
        assert_eq!(bar_percent(&Fraction::new(5, 4)), 100);
    }
}
