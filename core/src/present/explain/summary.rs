//! The progress and compliance line of a summary (a section or the whole assessment).

use crate::catalogue::Lang;
use crate::evaluation::Summary;
use crate::present::percent::percent_text;

/// "已答 30 / 40；达标率 82.5%" — progress and compliance of a summary.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let c = s.compliance();
    let share = percent_text(&c);
    match lang {
        Lang::Zh => format!(
            "已答 {} / {}；达标 {}，部分达标 {}，未达标 {}；符合度 {share}",
            s.answered,
            s.applicable,
            s.met + s.met_with_note,
            s.partly,
            s.gap
        ),
        Lang::En => format!(
            "Answered {} of {}; met {}, partly {}, gaps {}; compliance {share}",
            s.answered,
            s.applicable,
            s.met + s.met_with_note,
            s.partly,
            s.gap
        ),
    }
}
