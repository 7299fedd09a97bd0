//! The progress and compliance line of a summary (a section or the whole assessment).

use crate::catalogue::Lang;
use crate::evaluation::Summary;
use crate::i18n::fill;
use crate::present::percent::percent_text;

/// "已答 30 / 40；达标率 82.5%" — progress and compliance of a summary.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let c = s.compliance();
    let share = percent_text(&c);
    let mut line = fill(
        lang.strings().explain.summary_line,
        &[
            ("answered", &s.answered.to_string()),
            ("applicable", &s.applicable.to_string()),
            ("met", &(s.met + s.met_with_note).to_string()),
            ("partly", &s.partly.to_string()),
            ("gap", &s.gap.to_string()),
            ("share", &share),
        ],
    );
    if s.needs_correction > 0 {
        line.push_str(&fill(
            lang.strings().explain.summary_needs_correction,
            &[("n", &s.needs_correction.to_string())],
        ));
    }
    line
}
