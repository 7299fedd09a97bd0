//! Comparing two assessments of one centre (two years, or before and after review).

use super::centre_file::CentreFile;
use crate::assessment::{Assessment, Status};
use crate::catalogue::{Catalogue, Grade, Importance, Lang};
use crate::evaluation::{evaluate, CriterionResult, Evaluation, Explanation, Summary, Verdict};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// Comparing two assessments of one centre
// ---------------------------------------------------------------------------------------------

/// How one criterion changed between two assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Better than before (a gap closed, partly → met, a higher grade).
    Improved,
    /// Worse than before, but not a new gap (gap stays a gap at a lower grade, met → partly
    /// when partly was already a gap…).
    Regressed,
    /// Needs action now and did not before (was met, not answered or not applicable).
    NewGap,
    /// Changed in a way that is neither better nor worse (became not applicable, newly
    /// answered as met, answer withdrawn).
    Other,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::NewGap,
        ChangeKind::Regressed,
        ChangeKind::Improved,
        ChangeKind::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let s = lang.strings().review;
        match self {
            ChangeKind::Improved => s.change_improved,
            ChangeKind::Regressed => s.change_regressed,
            ChangeKind::NewGap => s.change_new_gap,
            ChangeKind::Other => s.change_other,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Improved => "improved",
            ChangeKind::Regressed => "regressed",
            ChangeKind::NewGap => "new-gap",
            ChangeKind::Other => "other",
        }
    }
}

/// One criterion whose verdict changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub criterion_id: String,
    pub section_id: String,
    pub importance: Importance,
    pub kind: ChangeKind,
    pub before: Verdict,
    pub after: Verdict,
    /// Index into the comparison's `before.results` / `after.results`.
    pub before_index: usize,
    pub after_index: usize,
}

/// Section figures before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDelta {
    pub section_id: String,
    pub before: Summary,
    pub after: Summary,
}

/// Two assessments of one centre, criterion by criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub before: Evaluation,
    pub after: Evaluation,
    /// Criteria whose verdict (or grade) changed, in catalogue order.
    pub changes: Vec<Change>,
    pub sections: Vec<SectionDelta>,
}

impl Comparison {
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }

    pub fn count(&self, kind: ChangeKind) -> usize {
        self.of_kind(kind).count()
    }

    pub fn before_result(&self, change: &Change) -> Option<&CriterionResult> {
        self.before.results.get(change.before_index)
    }

    pub fn after_result(&self, change: &Change) -> Option<&CriterionResult> {
        self.after.results.get(change.after_index)
    }
}

fn grade_of(r: &CriterionResult) -> Option<Grade> {
    match &r.explanation {
        Explanation::Graded(g) => Some(g.grade),
        _ => None,
    }
}

/// How good a result is, for results that can be ranked: gap < partly < met, and for graded
/// clauses D < C < B < A. `None` for not answered, not applicable and recorded inputs.
fn rank(r: &CriterionResult) -> Option<u8> {
    if let Some(g) = grade_of(r) {
        if r.verdict.is_met() || r.verdict == Verdict::Gap {
            return Some(match g {
                Grade::D => 0,
                Grade::C => 2,
                Grade::B => 3,
                Grade::A => 4,
            });
        }
    }
    match r.verdict {
        Verdict::Gap => Some(0),
        Verdict::Partly => Some(1),
        Verdict::Met | Verdict::MetWithNote => Some(2),
        Verdict::NotApplicable
        | Verdict::NotAnswered
        | Verdict::PartlyAnswered
        | Verdict::NeedsCorrection
        | Verdict::Recorded => None,
    }
}

fn classify(before: &CriterionResult, after: &CriterionResult) -> Option<ChangeKind> {
    let (rb, ra) = (rank(before), rank(after));
    if before.verdict == after.verdict && rb == ra {
        return None;
    }
    if after.verdict.needs_action() && !before.verdict.needs_action() {
        return Some(ChangeKind::NewGap);
    }
    match (rb, ra) {
        (Some(b), Some(a)) if a > b => Some(ChangeKind::Improved),
        (Some(b), Some(a)) if a < b => Some(ChangeKind::Regressed),
        // Same rank, different verdict (met ↔ met with a note): not a change worth listing.
        (Some(_), Some(_)) => None,
        _ => Some(ChangeKind::Other),
    }
}

/// Compares two assessments of one centre against `catalogue`, criterion by criterion: what
/// improved, what regressed, which gaps are new. Criteria are matched by id, so the two may
/// have been filled against different versions of the catalogue; both are evaluated against
/// `catalogue`.
pub fn compare(catalogue: &Catalogue, before: &Assessment, after: &Assessment) -> Comparison {
    let eb = evaluate(catalogue, before);
    let ea = evaluate(catalogue, after);
    let mut changes = Vec::new();
    // Both evaluations run over the same catalogue, so results line up by index.
    for (i, (b, a)) in eb.results.iter().zip(ea.results.iter()).enumerate() {
        if let Some(kind) = classify(b, a) {
            changes.push(Change {
                criterion_id: a.criterion_id.clone(),
                section_id: a.section_id.clone(),
                importance: a.importance,
                kind,
                before: b.verdict,
                after: a.verdict,
                before_index: i,
                after_index: i,
            });
        }
    }
    let sections = eb
        .sections
        .iter()
        .zip(ea.sections.iter())
        .map(|(b, a)| SectionDelta {
            section_id: a.section_id.clone(),
            before: b.summary,
            after: a.summary,
        })
        .collect();
    Comparison {
        before: eb,
        after: ea,
        changes,
        sections,
    }
}

/// Files of the same centre (same trimmed name, case-insensitive), as groups of two or more,
/// each ordered oldest first (by year, then last change, then export time). Groups are ordered
/// by centre name. Files without a centre name are left out.
pub fn same_centre_groups<'a>(files: &[&'a CentreFile]) -> Vec<(String, Vec<&'a CentreFile>)> {
    let mut groups: BTreeMap<String, (String, Vec<&'a CentreFile>)> = BTreeMap::new();
    for f in files {
        let Some(name) = f.centre_name() else {
            continue;
        };
        groups
            .entry(name.to_ascii_lowercase())
            .or_insert_with(|| (name.to_string(), Vec::new()))
            .1
            .push(f);
    }
    groups
        .into_values()
        .filter(|(_, g)| g.len() >= 2)
        .map(|(name, mut g)| {
            crate::base::sorting::stable_sort_by(&mut g, |a, b| {
                let key = |f: &CentreFile| {
                    (
                        f.assessment().profile.year,
                        f.assessment().updated_at,
                        f.imported.exported_at,
                    )
                };
                key(a).cmp(&key(b))
            });
            (name, g)
        })
        .collect()
}

/// The answer a director gave, as a short text (for the read-only view of answers that have no
/// figure of their own).
pub fn status_text(status: Status, lang: Lang) -> &'static str {
    let t = lang.strings();
    match status {
        Status::Met => t.status_met,
        Status::Partly => t.status_partly,
        Status::NotMet => t.status_not_met,
        Status::NotApplicable => lang.strings().review.not_applicable,
    }
}
