//! Labels of verdicts, importance, provenance tags and grades, and a criterion's source line.

use crate::catalogue::{Catalogue, Grade, Importance, Lang, Provenance, ProvenanceTag};
use crate::evaluation::Verdict;
use crate::i18n::fill;

pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    let s = lang.strings().explain;
    match v {
        Verdict::Met => s.verdict_met,
        Verdict::MetWithNote => s.verdict_met_with_note,
        Verdict::Partly => s.verdict_partly,
        Verdict::Gap => s.verdict_gap,
        Verdict::NotApplicable => s.verdict_not_applicable,
        Verdict::NotAnswered => s.verdict_not_answered,
        Verdict::PartlyAnswered => s.verdict_partly_answered,
        Verdict::NeedsCorrection => s.verdict_needs_correction,
        Verdict::Recorded => s.verdict_recorded,
    }
}

pub fn importance_label(i: Importance, lang: Lang) -> &'static str {
    let s = lang.strings().explain;
    match i {
        Importance::Core => s.importance_core,
        Importance::Recommended => s.importance_recommended,
    }
}

pub fn tag_label(tag: &ProvenanceTag, lang: Lang) -> String {
    let s = lang.strings().explain;
    match tag {
        ProvenanceTag::Seed(n) => fill(s.tag_seed, &[("n", n)]),
        ProvenanceTag::National => s.tag_national.to_string(),
        ProvenanceTag::Provincial => s.tag_provincial.to_string(),
        ProvenanceTag::Decision => s.tag_decision.to_string(),
    }
}

/// "河北省…（篇5）· 三(三)1 · [种子文件 001]" plus the note, if any.
pub fn provenance_line(catalogue: &Catalogue, p: &Provenance, lang: Lang) -> String {
    let source = catalogue
        .source(&p.source)
        .map(|s| s.title.get(lang).to_string())
        .unwrap_or_else(|| p.source.clone());
    let mut out = format!("{source} · {} · [{}]", p.section, tag_label(&p.tag, lang));
    if let Some(n) = &p.note {
        out.push_str(" — ");
        out.push_str(n.get(lang));
    }
    out
}

/// Label of a grade for selectors.
pub fn grade_label(g: Grade, lang: Lang) -> &'static str {
    let s = lang.strings().explain;
    match g {
        Grade::A => s.grade_a,
        Grade::B => s.grade_b,
        Grade::C => s.grade_c,
        Grade::D => s.grade_d,
    }
}
