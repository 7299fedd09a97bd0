//! The whole catalogue: `Catalogue`, its lookups by id and by position, and operand labels.

use super::criterion::{Criterion, Section};
use super::graded::TierDef;
use super::inputs::{FlagDef, InputDef, InputKind, Operand};
use super::provenance::Source;
use crate::base::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// The catalogue file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A complete catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format_version: u32,
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub description: Text,
    /// A sample, not an official text (the UI must say so).
    #[serde(default)]
    pub sample: bool,
    /// The input holding the number of beds, used by bed-based applicability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds_input: Option<String>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub inputs: Vec<InputDef>,
    #[serde(default)]
    pub flags: Vec<FlagDef>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub tiers: Vec<TierDef>,
}

/// A criterion together with where it sits.
#[derive(Debug, Clone, Copy)]
pub struct CriterionRef<'a> {
    pub section_index: usize,
    pub index_in_section: usize,
    /// Position in catalogue order across all sections.
    pub order: usize,
    pub section: &'a Section,
    pub criterion: &'a Criterion,
}

impl Catalogue {
    /// All criteria in catalogue order.
    pub fn criteria(&self) -> impl Iterator<Item = CriterionRef<'_>> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                s.criteria
                    .iter()
                    .enumerate()
                    .map(move |(ci, c)| (si, ci, s, c))
            })
            .enumerate()
            .map(|(order, (si, ci, s, c))| CriterionRef {
                section_index: si,
                index_in_section: ci,
                order,
                section: s,
                criterion: c,
            })
    }

    /// The criterion at position `order` in catalogue order (O(number of sections)).
    pub fn criterion_at(&self, order: usize) -> Option<CriterionRef<'_>> {
        let mut rest = order;
        for (si, s) in self.sections.iter().enumerate() {
            if rest < s.criteria.len() {
                return Some(CriterionRef {
                    section_index: si,
                    index_in_section: rest,
                    order,
                    section: s,
                    criterion: &s.criteria[rest],
                });
            }
            rest -= s.criteria.len();
        }
        None
    }

    pub fn criterion_count(&self) -> usize {
        self.sections.iter().map(|s| s.criteria.len()).sum()
    }

    pub fn find_criterion(&self, id: &str) -> Option<CriterionRef<'_>> {
        self.criteria().find(|r| r.criterion.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn input(&self, id: &str) -> Option<&InputDef> {
        self.inputs.iter().find(|i| i.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn flag(&self, id: &str) -> Option<&FlagDef> {
        self.flags.iter().find(|f| f.id == id)
    }

    pub fn tier(&self, id: &str) -> Option<&TierDef> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// `true` when the catalogue has graded clauses and tiers (the graded framework).
    pub fn is_graded(&self) -> bool {
        !self.tiers.is_empty()
    }

    /// Whether `part` is counted inside `whole`, so that adding one person to `part` adds one
    /// to `whole` too (卫技 within all staff; 中医 within clinical physicians). Read from the
    /// catalogue's own declarations: each input of `part` is an input of `whole`, or is
    /// declared `not_above` an operand made only of `whole`'s inputs. Operands that subtract
    /// are never treated as nested.
    ///
    /// A part written as a difference (全院职工 − 卫技, the non-technical staff) is inside the
    /// whole when what it adds and what it subtracts are each inside it.
    pub fn is_part_of(&self, part: &Operand, whole: &Operand) -> bool {
        if part.add.is_empty() || !whole.subtract.is_empty() {
            return false;
        }
        let inside = |id: &String| {
            whole.add.contains(id)
                || self
                    .input(id)
                    .and_then(|d| d.not_above.as_ref())
                    .is_some_and(|limit| {
                        limit.subtract.is_empty()
                            && !limit.add.is_empty()
                            && limit.add.iter().all(|l| whole.add.contains(l))
                    })
        };
        part.add.iter().all(inside) && part.subtract.iter().all(inside)
    }

    /// Label of an operand: its own label, or its single input's label, or the input labels
    /// joined with + and −.
    pub fn operand_label(&self, operand: &Operand, lang: Lang) -> String {
        if let Some(l) = &operand.label {
            return l.get(lang).to_string();
        }
        let name = |id: &String| {
            self.input(id)
                .map(|d| d.label.get(lang).to_string())
                .unwrap_or_else(|| id.clone())
        };
        let mut out = String::new();
        for (i, id) in operand.add.iter().enumerate() {
            if i > 0 {
                out.push_str(" + ");
            }
            out.push_str(&name(id));
        }
        for id in &operand.subtract {
            out.push_str(" − ");
            out.push_str(&name(id));
        }
        out
    }

    /// Unit of an operand (the unit of its first input).
    pub fn operand_unit(&self, operand: &Operand, lang: Lang) -> String {
        operand
            .add
            .first()
            .and_then(|id| self.input(id))
            .map(|d| d.unit.get(lang).to_string())
            .unwrap_or_default()
    }

    /// Kind of an operand (the kind of its first input; the loader rejects mixed kinds).
    pub fn operand_kind(&self, operand: &Operand) -> InputKind {
        operand
            .add
            .first()
            .and_then(|id| self.input(id))
            .map(|d| d.kind)
            .unwrap_or(InputKind::Count)
    }
}
