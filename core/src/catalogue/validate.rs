//! Semantic validation of a parsed catalogue: ids, references, thresholds, translations.

use super::applicability::Applicability;
use super::criterion::{Criterion, CriterionKind};
use super::errors::{CatalogueError, Location, Problem};
use super::graded::{Bars, Grade};
use super::inputs::{InputKind, Operand};
use super::model::{Catalogue, FORMAT_VERSION};
use super::provenance::Provenance;
use super::rules::{RatioDisplay, Rule};
use crate::base::exact::{format_fraction_scaled, ratio_cmp, Fraction};
use crate::base::text::{Lang, Text};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

struct Validator<'a> {
    cat: &'a Catalogue,
    inputs: HashMap<&'a str, InputKind>,
    sources: HashSet<&'a str>,
    flags: HashSet<&'a str>,
    errors: Vec<CatalogueError>,
}

pub(super) fn validate(cat: &Catalogue) -> Vec<CatalogueError> {
    let mut v = Validator {
        cat,
        inputs: HashMap::new(),
        sources: HashSet::new(),
        flags: HashSet::new(),
        errors: Vec::new(),
    };
    v.catalogue();
    v.errors
}

impl<'a> Validator<'a> {
    fn push(&mut self, location: &Location, field: &str, problem: Problem) {
        self.errors
            .push(CatalogueError::new(location.clone(), field, problem));
    }

    fn id(&mut self, location: &Location, field: &str, id: &str) -> bool {
        if id.is_empty() {
            self.push(location, field, Problem::EmptyId);
            false
        } else if id.chars().any(char::is_whitespace) {
            self.push(location, field, Problem::InvalidId { id: id.to_string() });
            false
        } else {
            true
        }
    }

    fn text(&mut self, location: &Location, field: &str, text: &Text) {
        if text.zh.trim().is_empty() {
            self.push(
                location,
                &format!("{field}.zh"),
                Problem::MissingTranslation { lang: Lang::Zh },
            );
        }
        if text.en.trim().is_empty() {
            self.push(
                location,
                &format!("{field}.en"),
                Problem::MissingTranslation { lang: Lang::En },
            );
        }
    }

    fn catalogue(&mut self) {
        let cat = self.cat;
        let loc = Location::Catalogue;
        if cat.format_version != FORMAT_VERSION {
            self.push(
                &loc,
                "format_version",
                Problem::UnsupportedFormatVersion {
                    found: u64::from(cat.format_version),
                    supported: FORMAT_VERSION,
                },
            );
        }
        self.id(&loc, "id", &cat.id);
        if cat.version == 0 {
            self.push(&loc, "version", Problem::VersionZero);
        }
        self.text(&loc, "title", &cat.title);
        self.text(&loc, "description", &cat.description);
        if cat.sources.is_empty() {
            self.push(&loc, "sources", Problem::EmptyList);
        }
        if cat.sections.is_empty() {
            self.push(&loc, "sections", Problem::EmptyList);
        }

        for s in &cat.sources {
            let sl = Location::Source(s.id.clone());
            if self.id(&sl, "id", &s.id) && !self.sources.insert(s.id.as_str()) {
                self.push(&sl, "id", Problem::DuplicateId { id: s.id.clone() });
            }
            self.text(&sl, "title", &s.title);
            if let Some(n) = &s.note {
                self.text(&sl, "note", n);
            }
        }

        // Register all inputs before checking `not_above`, which may point forward.
        for d in &cat.inputs {
            let il = Location::Input(d.id.clone());
            if self.id(&il, "id", &d.id) && self.inputs.insert(d.id.as_str(), d.kind).is_some() {
                self.push(&il, "id", Problem::DuplicateId { id: d.id.clone() });
            }
        }
        for d in &cat.inputs {
            let il = Location::Input(d.id.clone());
            self.text(&il, "label", &d.label);
            self.text(&il, "unit", &d.unit);
            if let Some(h) = &d.help {
                self.text(&il, "help", h);
            }
            if d.kind == InputKind::Percent {
                if let Some(m) = d.max {
                    if m > 10_000 {
                        self.push(
                            &il,
                            "max",
                            Problem::PercentAbove100 {
                                value: hundredths_pct(m),
                            },
                        );
                    }
                }
            }
            if let Some(op) = &d.not_above {
                if op.add.iter().chain(op.subtract.iter()).any(|x| x == &d.id) {
                    self.push(&il, "not_above", Problem::SelfReference);
                }
                self.operand(&il, "not_above", op);
            }
        }
        if let Some(b) = &cat.beds_input {
            if !self.inputs.contains_key(b.as_str()) {
                self.push(&loc, "beds_input", Problem::UnknownInput { id: b.clone() });
            }
        }

        for f in &cat.flags {
            let fl = Location::Flag(f.id.clone());
            if self.id(&fl, "id", &f.id) && !self.flags.insert(f.id.as_str()) {
                self.push(&fl, "id", Problem::DuplicateId { id: f.id.clone() });
            }
            self.text(&fl, "label", &f.label);
        }

        let mut section_ids = HashSet::new();
        let mut criterion_ids = HashSet::new();
        for s in &cat.sections {
            let sl = Location::Section(s.id.clone());
            if self.id(&sl, "id", &s.id) && !section_ids.insert(s.id.as_str()) {
                self.push(&sl, "id", Problem::DuplicateId { id: s.id.clone() });
            }
            self.text(&sl, "title", &s.title);
            if let Some(d) = &s.description {
                self.text(&sl, "description", d);
            }
            if s.criteria.is_empty() {
                self.push(&sl, "criteria", Problem::EmptyList);
            }
            for c in &s.criteria {
                let cl = Location::Criterion(c.id.clone());
                if self.id(&cl, "id", &c.id) && !criterion_ids.insert(c.id.as_str()) {
                    self.push(&cl, "id", Problem::DuplicateId { id: c.id.clone() });
                }
                self.criterion(c);
            }
        }

        let mut tier_ids = HashSet::new();
        for t in &cat.tiers {
            let tl = Location::Tier(t.id.clone());
            if self.id(&tl, "id", &t.id) && !tier_ids.insert(t.id.as_str()) {
                self.push(&tl, "id", Problem::DuplicateId { id: t.id.clone() });
            }
            self.text(&tl, "name", &t.name);
            self.provenance(&tl, &t.provenance);
            self.bars(&tl, "basic", &t.basic);
            if let Some(r) = &t.recommended {
                self.bars(&tl, "recommended", r);
            }
            if let Some(e) = &t.eligibility {
                if e.all_below.is_empty() {
                    self.push(&tl, "eligibility.all_below", Problem::EmptyList);
                }
                for (i, l) in e.all_below.iter().enumerate() {
                    self.operand(
                        &tl,
                        &format!("eligibility.all_below[{i}].operand"),
                        &l.operand,
                    );
                }
            }
        }
    }

    fn bars(&mut self, loc: &Location, field: &str, bars: &Bars) {
        for (name, v) in [("c", bars.c), ("b", bars.b), ("a", bars.a)] {
            if v > 100 {
                self.push(
                    loc,
                    &format!("{field}.{name}"),
                    Problem::PercentAbove100 {
                        value: format!("{v}%"),
                    },
                );
            }
        }
        if bars.b > bars.c || bars.a > bars.b {
            self.push(loc, field, Problem::BarsRise);
        }
    }

    fn provenance(&mut self, loc: &Location, p: &Provenance) {
        if !self.sources.contains(p.source.as_str()) {
            self.push(
                loc,
                "provenance.source",
                Problem::UnknownSource {
                    id: p.source.clone(),
                },
            );
        }
        if let Some(n) = &p.note {
            self.text(loc, "provenance.note", n);
        }
    }

    fn operand(&mut self, loc: &Location, field: &str, op: &Operand) {
        if op.add.is_empty() {
            self.push(loc, field, Problem::EmptyList);
        }
        let mut first: Option<(&str, InputKind)> = None;
        for id in op.add.iter().chain(op.subtract.iter()) {
            match self.inputs.get(id.as_str()).copied() {
                None => self.push(loc, field, Problem::UnknownInput { id: id.clone() }),
                Some(kind) => match first {
                    None => first = Some((id.as_str(), kind)),
                    Some((fid, fkind)) if fkind != kind => {
                        let problem = Problem::MixedInputKinds {
                            first: fid.to_string(),
                            other: id.clone(),
                        };
                        self.push(loc, field, problem);
                    }
                    Some(_) => {}
                },
            }
        }
        if let Some(l) = &op.label {
            self.text(loc, &format!("{field}.label"), l);
        }
    }

    fn operand_kind(&self, op: &Operand) -> Option<InputKind> {
        op.add
            .first()
            .and_then(|id| self.inputs.get(id.as_str()).copied())
    }

    fn applicability(&mut self, loc: &Location, field: &str, a: &Applicability) {
        if a.uses_beds() && self.cat.beds_input.is_none() {
            self.push(loc, field, Problem::NoBedsInput);
        }
        if let Some(f) = &a.flag {
            if !self.flags.contains(f.as_str()) {
                self.push(
                    loc,
                    &format!("{field}.flag"),
                    Problem::UnknownFlag { id: f.clone() },
                );
            }
        }
        if let Some(b) = &a.band {
            self.operand(loc, &format!("{field}.band.operand"), &b.operand);
            if let (Some(min), Some(max)) = (b.min, b.max_exclusive) {
                if min >= max {
                    self.push(
                        loc,
                        &format!("{field}.band"),
                        Problem::MinAboveMax {
                            min: min.to_string(),
                            max: format!("< {max}"),
                        },
                    );
                }
            }
        }
        for (i, alt) in a.any_of.iter().enumerate() {
            self.applicability(loc, &format!("{field}.any_of[{i}]"), alt);
        }
    }

    fn criterion(&mut self, c: &Criterion) {
        let loc = Location::Criterion(c.id.clone());
        self.text(&loc, "title", &c.title);
        self.text(&loc, "explanation", &c.explanation);
        self.provenance(&loc, &c.provenance);
        self.applicability(&loc, "applicability", &c.applicability);
        match &c.kind {
            CriterionKind::Checklist => {}
            CriterionKind::NumericInputs { inputs, total } => {
                if inputs.is_empty() {
                    self.push(&loc, "inputs", Problem::EmptyList);
                }
                match total {
                    // A total is an operand over all the card's inputs: same checks.
                    Some(label) => {
                        let sum = Operand {
                            add: inputs.clone(),
                            subtract: Vec::new(),
                            label: Some(label.clone()),
                        };
                        self.operand(&loc, "inputs", &sum);
                    }
                    None => {
                        for id in inputs {
                            if !self.inputs.contains_key(id.as_str()) {
                                self.push(&loc, "inputs", Problem::UnknownInput { id: id.clone() });
                            }
                        }
                    }
                }
            }
            CriterionKind::Rule { rule } => self.rule(&loc, rule),
            CriterionKind::Department { department } => {
                if department.required_for.is_empty() && department.optional_for.is_empty() {
                    self.push(&loc, "department.required_for", Problem::EmptyList);
                }
                for t in &department.required_for {
                    if department.optional_for.contains(t) {
                        self.push(
                            &loc,
                            "department.optional_for",
                            Problem::RequiredAndOptional {
                                centre_type: t.key().to_string(),
                            },
                        );
                    }
                }
            }
            CriterionKind::Choice { options } => {
                // A choice needs something to choose between.
                if options.len() < 2 {
                    self.push(&loc, "options", Problem::EmptyList);
                }
                let mut ids = HashSet::new();
                for (i, o) in options.iter().enumerate() {
                    let field = format!("options[{i}]");
                    if self.id(&loc, &format!("{field}.id"), &o.id) && !ids.insert(o.id.as_str()) {
                        self.push(
                            &loc,
                            &format!("{field}.id"),
                            Problem::DuplicateId { id: o.id.clone() },
                        );
                    }
                    self.text(&loc, &format!("{field}.label"), &o.label);
                }
            }
            CriterionKind::Graded { graded } => {
                let mut ids = HashSet::new();
                let mut levels = [false; 3]; // C, B, A
                for s in &graded.sub_items {
                    let sl = Location::SubItem {
                        criterion: c.id.clone(),
                        sub_item: s.id.clone(),
                    };
                    if self.id(&sl, "id", &s.id) && !ids.insert(s.id.as_str()) {
                        self.push(&sl, "id", Problem::DuplicateId { id: s.id.clone() });
                    }
                    self.text(&sl, "text", &s.text);
                    match s.level.rank() {
                        0 => self.push(&sl, "level", Problem::SubItemLevelD),
                        r => levels[usize::from(r) - 1] = true,
                    }
                }
                if !graded.sub_items.is_empty() {
                    // Present levels must be a prefix of C, B, A.
                    let names = [Grade::C, Grade::B, Grade::A];
                    let mut seen_gap = None;
                    for (i, present) in levels.iter().enumerate() {
                        match (present, seen_gap) {
                            (false, None) => seen_gap = Some(names[i]),
                            (true, Some(missing)) => {
                                self.push(
                                    &loc,
                                    "graded.sub_items",
                                    Problem::SubItemLevels { missing },
                                );
                                break;
                            }
                            _ => {}
                        }
                    }
                }
                if let Some(l) = &graded.levels {
                    self.text(&loc, "graded.levels.c", &l.c);
                    self.text(&loc, "graded.levels.b", &l.b);
                    self.text(&loc, "graded.levels.a", &l.a);
                }
            }
        }
    }

    fn fraction(&mut self, loc: &Location, field: &str, f: &Option<Fraction>, percent: bool) {
        if let Some(f) = f {
            if f.den == 0 {
                self.push(loc, field, Problem::ZeroDenominator);
            } else if percent && f.exceeds_one() {
                self.push(
                    loc,
                    field,
                    Problem::PercentAbove100 {
                        value: format!("{}%", format_fraction_scaled(*f, 100)),
                    },
                );
            }
        }
    }

    fn fraction_order(
        &mut self,
        loc: &Location,
        field: &str,
        low: &Option<Fraction>,
        high: &Option<Fraction>,
    ) {
        if let (Some(l), Some(h)) = (low, high) {
            if l.den != 0
                && h.den != 0
                && ratio_cmp(l.num, l.den, h.num, h.den) == Ordering::Greater
            {
                self.push(
                    loc,
                    field,
                    Problem::MinAboveMax {
                        min: format!("{}/{}", l.num, l.den),
                        max: format!("{}/{}", h.num, h.den),
                    },
                );
            }
        }
    }

    fn rule(&mut self, loc: &Location, rule: &Rule) {
        match rule {
            Rule::Ratio(r) => {
                self.text(loc, "rule.label", &r.label);
                self.operand(loc, "rule.numerator", &r.numerator);
                self.operand(loc, "rule.denominator", &r.denominator);
                let percent = r.display == RatioDisplay::Percent;
                self.fraction(loc, "rule.min", &r.min, percent);
                self.fraction(loc, "rule.max", &r.max, percent);
                self.fraction(loc, "rule.soft_max", &r.soft_max, percent);
                self.fraction_order(loc, "rule.min", &r.min, &r.max);
                self.fraction_order(loc, "rule.min", &r.min, &r.soft_max);
                self.fraction_order(loc, "rule.soft_max", &r.soft_max, &r.max);
                if r.min.is_none()
                    && r.max.is_none()
                    && r.soft_max.is_none()
                    && r.min_numerator.is_none()
                {
                    self.push(loc, "rule", Problem::NoThreshold);
                }
                if r.display == RatioDisplay::PerUnit(0) {
                    self.push(loc, "rule.display", Problem::ZeroDenominator);
                }
            }
            Rule::Threshold(t) => {
                self.operand(loc, "rule.value", &t.value);
                if t.min.is_none() && t.max.is_none() && t.soft_max.is_none() {
                    self.push(loc, "rule", Problem::NoThreshold);
                }
                let pairs = [
                    ("rule.min", t.min, t.max),
                    ("rule.min", t.min, t.soft_max),
                    ("rule.soft_max", t.soft_max, t.max),
                ];
                for (field, low, high) in pairs {
                    if let (Some(l), Some(h)) = (low, high) {
                        if l > h {
                            self.push(
                                loc,
                                field,
                                Problem::MinAboveMax {
                                    min: l.to_string(),
                                    max: h.to_string(),
                                },
                            );
                        }
                    }
                }
                if self.operand_kind(&t.value) == Some(InputKind::Percent) {
                    for (field, v) in [
                        ("rule.min", t.min),
                        ("rule.max", t.max),
                        ("rule.soft_max", t.soft_max),
                    ] {
                        if let Some(v) = v.filter(|v| *v > 10_000) {
                            self.push(
                                loc,
                                field,
                                Problem::PercentAbove100 {
                                    value: hundredths_pct(v),
                                },
                            );
                        }
                    }
                }
            }
            Rule::BedClass(b) => {
                if !self.inputs.contains_key(b.beds.as_str()) {
                    self.push(
                        loc,
                        "rule.beds",
                        Problem::UnknownInput { id: b.beds.clone() },
                    );
                }
            }
            Rule::LinearMinimum(l) => {
                self.text(loc, "rule.label", &l.label);
                self.operand(loc, "rule.value", &l.value);
                for (i, t) in l.terms.iter().enumerate() {
                    self.operand(loc, &format!("rule.terms[{i}].operand"), &t.operand);
                }
            }
        }
    }
}

fn hundredths_pct(v: u64) -> String {
    format!("{}%", crate::base::exact::format_hundredths(v))
}
