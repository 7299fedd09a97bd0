//! Labels of verdicts, importance, provenance tags and grades, and a criterion's source line.

use crate::catalogue::{Catalogue, Grade, Importance, Lang, Provenance, ProvenanceTag};
use crate::evaluation::Verdict;

pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Met, Lang::Zh) => "达标",
        (Verdict::Met, Lang::En) => "Met",
        (Verdict::MetWithNote, Lang::Zh) => "达标（附注）",
        (Verdict::MetWithNote, Lang::En) => "Met, with a note",
        (Verdict::Partly, Lang::Zh) => "部分达标",
        (Verdict::Partly, Lang::En) => "Partly met",
        (Verdict::Gap, Lang::Zh) => "未达标",
        (Verdict::Gap, Lang::En) => "Gap",
        (Verdict::NotApplicable, Lang::Zh) => "不适用",
        (Verdict::NotApplicable, Lang::En) => "Not applicable",
        (Verdict::NotAnswered, Lang::Zh) => "未作答",
        (Verdict::NotAnswered, Lang::En) => "Not answered",
        (Verdict::Recorded, Lang::Zh) => "已填写",
        (Verdict::Recorded, Lang::En) => "Recorded",
    }
}

pub fn importance_label(i: Importance, lang: Lang) -> &'static str {
    match (i, lang) {
        (Importance::Core, Lang::Zh) => "核心",
        (Importance::Core, Lang::En) => "Core",
        (Importance::Recommended, Lang::Zh) => "推荐",
        (Importance::Recommended, Lang::En) => "Recommended",
    }
}

pub fn tag_label(tag: &ProvenanceTag, lang: Lang) -> String {
    match (tag, lang) {
        (ProvenanceTag::Seed(n), Lang::Zh) => format!("种子文件 {n}"),
        (ProvenanceTag::Seed(n), Lang::En) => format!("seed {n}"),
        (ProvenanceTag::National, Lang::Zh) => "国家文件（二手来源）".to_string(),
        (ProvenanceTag::National, Lang::En) => "national, secondary source".to_string(),
        (ProvenanceTag::Provincial, Lang::Zh) => "省级规定".to_string(),
        (ProvenanceTag::Provincial, Lang::En) => "provincial".to_string(),
        (ProvenanceTag::Decision, Lang::Zh) => "本工具的解释".to_string(),
        (ProvenanceTag::Decision, Lang::En) => "this tool's interpretation".to_string(),
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
    match (g, lang) {
        (Grade::A, Lang::Zh) => "A（持续改进、成效良好）",
        (Grade::A, Lang::En) => "A (continuous improvement, good results)",
        (Grade::B, Lang::Zh) => "B（有监管、有结果）",
        (Grade::B, Lang::En) => "B (supervised, with results)",
        (Grade::C, Lang::Zh) => "C（有制度、能落实）",
        (Grade::C, Lang::En) => "C (rules exist and are carried out)",
        (Grade::D, Lang::Zh) => "D（未达到）",
        (Grade::D, Lang::En) => "D (not met)",
    }
}
