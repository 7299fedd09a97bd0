//! Catalogue loading errors: each names where (which criterion, input, section…), which field,
//! and what is wrong, and renders in Chinese and English.

use super::graded::Grade;
use crate::base::text::Lang;
use crate::i18n::catalogue::CatalogueStrings;
use crate::i18n::{fill, Strings};
use std::fmt;

/// Which part of the catalogue an error concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file or its top-level fields.
    Catalogue,
    Source(String),
    Input(String),
    Flag(String),
    Section(String),
    Criterion(String),
    Tier(String),
    SubItem {
        criterion: String,
        sub_item: String,
    },
    /// An element whose id could not be read, e.g. `sections[2].criteria[5]`.
    Element(String),
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The text is not valid JSON.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON of the wrong shape: missing field, wrong type, unknown field
    /// (`detail` is the parser's English message).
    Shape {
        detail: String,
    },
    UnknownField {
        name: String,
    },
    UnsupportedFormatVersion {
        found: u64,
        supported: u32,
    },
    VersionZero,
    EmptyId,
    /// Ids must not contain whitespace.
    InvalidId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    UnknownKind {
        kind: String,
        expected: Vec<String>,
    },
    UnknownInput {
        id: String,
    },
    UnknownSource {
        id: String,
    },
    UnknownFlag {
        id: String,
    },
    /// The catalogue has no `beds_input` but a criterion depends on beds.
    NoBedsInput,
    /// A lower bound above an upper bound (values as written in the file).
    MinAboveMax {
        min: String,
        max: String,
    },
    ZeroDenominator,
    PercentAbove100 {
        value: String,
    },
    MissingTranslation {
        lang: Lang,
    },
    /// A rule with no bound at all can never fail.
    NoThreshold,
    EmptyList,
    /// A department both required and optional for the same centre type.
    RequiredAndOptional {
        centre_type: String,
    },
    /// Sub-item levels must start at C and have no gap (C; C,B; C,B,A); D is not a level.
    SubItemLevels {
        missing: Grade,
    },
    SubItemLevelD,
    /// An operand adds inputs of different kinds (a count plus a percentage).
    MixedInputKinds {
        first: String,
        other: String,
    },
    /// Tier bars must not rise from C to A (fewer clauses can be at A than at C).
    BarsRise,
    /// An input may not be bounded by itself.
    SelfReference,
}

/// One loading error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    pub location: Location,
    /// The field concerned, as a path inside the located element (e.g. `rule.min`, `title.en`).
    pub field: String,
    pub problem: Problem,
}

impl CatalogueError {
    pub fn new(location: Location, field: impl Into<String>, problem: Problem) -> Self {
        CatalogueError {
            location,
            field: field.into(),
            problem,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.message_in(lang.strings())
    }

    pub fn message_zh(&self) -> String {
        self.message_in(&crate::i18n::ZH)
    }

    pub fn message_en(&self) -> String {
        self.message_in(&crate::i18n::EN)
    }

    fn message_in(&self, strings: &Strings) -> String {
        let s = strings.catalogue;
        let field = if self.field.is_empty() {
            String::new()
        } else {
            fill(s.error_field, &[("field", &self.field)])
        };
        fill(
            s.error_line,
            &[
                ("location", &location(s, &self.location)),
                ("field", &field),
                ("problem", &problem(strings, &self.problem)),
            ],
        )
    }
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

fn location(s: &CatalogueStrings, l: &Location) -> String {
    match l {
        Location::Catalogue => s.loc_catalogue.to_string(),
        Location::Source(id) => fill(s.loc_source, &[("id", id)]),
        Location::Input(id) => fill(s.loc_input, &[("id", id)]),
        Location::Flag(id) => fill(s.loc_flag, &[("id", id)]),
        Location::Section(id) => fill(s.loc_section, &[("id", id)]),
        Location::Criterion(id) => fill(s.loc_criterion, &[("id", id)]),
        Location::Tier(id) => fill(s.loc_tier, &[("id", id)]),
        Location::SubItem {
            criterion,
            sub_item,
        } => fill(
            s.loc_sub_item,
            &[("criterion", criterion), ("sub_item", sub_item)],
        ),
        Location::Element(path) => fill(s.loc_element, &[("path", path)]),
    }
}

fn problem(strings: &Strings, p: &Problem) -> String {
    let s = strings.catalogue;
    match p {
        Problem::Syntax {
            line,
            column,
            detail,
        } => fill(
            s.problem_syntax,
            &[
                ("line", &line.to_string()),
                ("column", &column.to_string()),
                ("detail", detail),
            ],
        ),
        Problem::Shape { detail } => fill(s.problem_shape, &[("detail", detail)]),
        Problem::UnknownField { name } => fill(s.problem_unknown_field, &[("name", name)]),
        Problem::UnsupportedFormatVersion { found, supported } => fill(
            s.problem_unsupported_version,
            &[
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        Problem::VersionZero => s.problem_version_zero.to_string(),
        Problem::EmptyId => s.problem_empty_id.to_string(),
        Problem::InvalidId { id } => fill(s.problem_invalid_id, &[("id", id)]),
        Problem::DuplicateId { id } => fill(s.problem_duplicate_id, &[("id", id)]),
        Problem::UnknownKind { kind, expected } => fill(
            s.problem_unknown_kind,
            &[
                ("kind", kind),
                ("expected", &expected.join(strings.list_sep)),
            ],
        ),
        Problem::UnknownInput { id } => fill(s.problem_unknown_input, &[("id", id)]),
        Problem::UnknownSource { id } => fill(s.problem_unknown_source, &[("id", id)]),
        Problem::UnknownFlag { id } => fill(s.problem_unknown_flag, &[("id", id)]),
        Problem::NoBedsInput => s.problem_no_beds_input.to_string(),
        Problem::MinAboveMax { min, max } => {
            fill(s.problem_min_above_max, &[("min", min), ("max", max)])
        }
        Problem::ZeroDenominator => s.problem_zero_denominator.to_string(),
        Problem::PercentAbove100 { value } => {
            fill(s.problem_percent_above_100, &[("value", value)])
        }
        Problem::MissingTranslation { lang } => fill(
            s.problem_missing_translation,
            &[("lang", s.language_name(*lang))],
        ),
        Problem::NoThreshold => s.problem_no_threshold.to_string(),
        Problem::EmptyList => s.problem_empty_list.to_string(),
        Problem::RequiredAndOptional { centre_type } => fill(
            s.problem_required_and_optional,
            &[("centre_type", centre_type)],
        ),
        Problem::SubItemLevels { missing } => {
            fill(s.problem_sub_item_levels, &[("missing", missing.letter())])
        }
        Problem::SubItemLevelD => s.problem_sub_item_level_d.to_string(),
        Problem::MixedInputKinds { first, other } => fill(
            s.problem_mixed_input_kinds,
            &[("first", first), ("other", other)],
        ),
        Problem::BarsRise => s.problem_bars_rise.to_string(),
        Problem::SelfReference => s.problem_self_reference.to_string(),
    }
}
