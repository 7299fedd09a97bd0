//! Labels of verdicts, importance, provenance tags and grades, and a criterion's source line.

use crate::catalogue::{
    Catalogue, CentreType, Criterion, CriterionKind, Grade, Importance, Lang, Provenance,
    ProvenanceTag, Source,
};
use crate::evaluation::{CriterionResult, Explanation, NotApplicableReason, Verdict};
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

/// A result's label on its card: the verdict's, except that an optional department the centre
/// has not set up reads "未设置（选设）", not "不适用" (it does apply; it is simply optional).
pub fn result_label(r: &CriterionResult, lang: Lang) -> &'static str {
    match &r.explanation {
        Explanation::NotApplicable(NotApplicableReason::OptionalDepartmentAbsent) => {
            lang.strings().explain.verdict_optional_absent
        }
        _ => verdict_label(r.verdict, lang),
    }
}

/// The badge of a criterion for this centre: its importance, except that a department
/// optional for the centre's type reads "选设" (never "核心" beside a room it need not have).
pub fn badge_label(c: &Criterion, centre_type: Option<CentreType>, lang: Lang) -> &'static str {
    if let (CriterionKind::Department { department }, Some(t)) = (&c.kind, centre_type) {
        if department.optional_for.contains(&t) {
            return lang.strings().explain.badge_optional;
        }
    }
    importance_label(c.importance, lang)
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
        // The seed number is for maintainers: never shown.
        ProvenanceTag::Seed(_) => s.tag_seed.to_string(),
        ProvenanceTag::National => s.tag_national.to_string(),
        ProvenanceTag::Provincial => s.tag_provincial.to_string(),
        ProvenanceTag::City => s.tag_city.to_string(),
        ProvenanceTag::District => s.tag_district.to_string(),
        ProvenanceTag::Local => s.tag_local.to_string(),
        ProvenanceTag::Decision => s.tag_decision.to_string(),
    }
}

/// A source as a reader cites it: "《河北省创建标准化乡(镇)卫生院实施方案》（河北省卫生厅）", or a
/// descriptive title marked as such.
pub fn source_title(source: &Source, lang: Lang) -> String {
    let s = lang.strings().explain;
    if source.tag == ProvenanceTag::Decision {
        // "本工具的解释" is not a document: no quotes, no issuer.
        return source.title.get(lang).to_string();
    }
    let template = if source.descriptive_title {
        s.source_descriptive
    } else {
        s.source_official
    };
    let mut out = fill(template, &[("title", source.title.get(lang))]);
    if let Some(issuer) = &source.issuer {
        out.push_str(&fill(s.source_issuer, &[("issuer", issuer.get(lang))]));
    }
    out
}

/// "《河北省创建标准化乡(镇)卫生院实施方案》（河北省卫生厅）三(三)1 · 省级文件" plus the note, if
/// any. The criterion's own tag says how to read it: a reading of the tool's own is
/// "本工具的解释" whatever its source.
pub fn provenance_line(catalogue: &Catalogue, p: &Provenance, lang: Lang) -> String {
    let source = catalogue
        .source(&p.source)
        .map(|s| source_title(s, lang))
        .unwrap_or_else(|| p.source.clone());
    // Chinese runs the section on after a closing 》 or ）; otherwise a space separates them.
    let joiner = if source.ends_with(['》', '）']) {
        ""
    } else {
        " "
    };
    let mut out = if p.section.trim().is_empty() {
        format!("{source} · {}", tag_label(&p.tag, lang))
    } else {
        format!(
            "{source}{joiner}{} · {}",
            p.section,
            tag_label(&p.tag, lang)
        )
    };
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
