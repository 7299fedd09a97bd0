//! Catalogue loading errors: each names where (which criterion, input, section…), which field,
//! and what is wrong, and renders in Chinese and English.

use super::graded::Grade;
use crate::base::text::Lang;
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
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    pub fn message_zh(&self) -> String {
        let loc = location_zh(&self.location);
        let field = if self.field.is_empty() {
            String::new()
        } else {
            format!("字段 {}：", self.field)
        };
        format!("{loc}，{field}{}", problem_zh(&self.problem))
    }

    pub fn message_en(&self) -> String {
        let loc = location_en(&self.location);
        let field = if self.field.is_empty() {
            String::new()
        } else {
            format!("field {}: ", self.field)
        };
        format!("{loc}, {field}{}", problem_en(&self.problem))
    }
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

fn location_zh(l: &Location) -> String {
    match l {
        Location::Catalogue => "目录文件".to_string(),
        Location::Source(id) => format!("来源“{id}”"),
        Location::Input(id) => format!("数据项“{id}”"),
        Location::Flag(id) => format!("情况标记“{id}”"),
        Location::Section(id) => format!("章节“{id}”"),
        Location::Criterion(id) => format!("条目“{id}”"),
        Location::Tier(id) => format!("达标档次“{id}”"),
        Location::SubItem {
            criterion,
            sub_item,
        } => format!("条目“{criterion}”的子项“{sub_item}”"),
        Location::Element(path) => format!("位置 {path}"),
    }
}

fn location_en(l: &Location) -> String {
    match l {
        Location::Catalogue => "Catalogue file".to_string(),
        Location::Source(id) => format!("Source \"{id}\""),
        Location::Input(id) => format!("Input \"{id}\""),
        Location::Flag(id) => format!("Flag \"{id}\""),
        Location::Section(id) => format!("Section \"{id}\""),
        Location::Criterion(id) => format!("Criterion \"{id}\""),
        Location::Tier(id) => format!("Tier \"{id}\""),
        Location::SubItem {
            criterion,
            sub_item,
        } => format!("Sub-item \"{sub_item}\" of criterion \"{criterion}\""),
        Location::Element(path) => format!("Element {path}"),
    }
}

fn lang_zh(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "中文",
        Lang::En => "英文",
    }
}

fn lang_en(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "Chinese",
        Lang::En => "English",
    }
}

fn problem_zh(p: &Problem) -> String {
    match p {
        Problem::Syntax {
            line,
            column,
            detail,
        } => format!("JSON 语法错误，第 {line} 行第 {column} 列（{detail}）"),
        Problem::Shape { detail } => format!("内容格式不符（{detail}）"),
        Problem::UnknownField { name } => format!("不认识的字段“{name}”（可能拼写错误）"),
        Problem::UnsupportedFormatVersion { found, supported } => {
            format!("格式版本 {found} 不受支持，本工具只读取版本 {supported}")
        }
        Problem::VersionZero => "版本号必须从 1 开始".to_string(),
        Problem::EmptyId => "编号不能为空".to_string(),
        Problem::InvalidId { id } => format!("编号“{id}”不能包含空白字符"),
        Problem::DuplicateId { id } => format!("编号“{id}”重复"),
        Problem::UnknownKind { kind, expected } => {
            format!("未知类型“{kind}”，可用类型：{}", expected.join("、"))
        }
        Problem::UnknownInput { id } => format!("引用了不存在的数据项“{id}”"),
        Problem::UnknownSource { id } => format!("引用了不存在的来源“{id}”"),
        Problem::UnknownFlag { id } => format!("引用了不存在的情况标记“{id}”"),
        Problem::NoBedsInput => {
            "按床位判断适用性，但目录未指定床位数据项（beds_input）".to_string()
        }
        Problem::MinAboveMax { min, max } => format!("下限 {min} 大于上限 {max}，无法达到"),
        Problem::ZeroDenominator => "分母为 0".to_string(),
        Problem::PercentAbove100 { value } => format!("百分比 {value} 超过 100%"),
        Problem::MissingTranslation { lang } => format!("缺少{}文本", lang_zh(*lang)),
        Problem::NoThreshold => "规则没有任何界限，永远不会判定为未达标".to_string(),
        Problem::EmptyList => "列表不能为空".to_string(),
        Problem::RequiredAndOptional { centre_type } => {
            format!("对 {centre_type} 同时列为必设和选设")
        }
        Problem::SubItemLevels { missing } => format!(
            "子项等级须从 C 开始且不能跳级，缺少 {} 级子项",
            missing.letter()
        ),
        Problem::SubItemLevelD => "子项等级只能是 C、B 或 A".to_string(),
        Problem::MixedInputKinds { first, other } => {
            format!("把不同类型的数据项“{first}”与“{other}”相加")
        }
        Problem::BarsRise => "达标比例不能从 C 到 A 逐级升高".to_string(),
        Problem::SelfReference => "数据项不能以自身为上限".to_string(),
    }
}

fn problem_en(p: &Problem) -> String {
    match p {
        Problem::Syntax {
            line,
            column,
            detail,
        } => format!("JSON syntax error at line {line}, column {column} ({detail})"),
        Problem::Shape { detail } => format!("unexpected content ({detail})"),
        Problem::UnknownField { name } => format!("unknown field \"{name}\" (misspelt?)"),
        Problem::UnsupportedFormatVersion { found, supported } => {
            format!("format version {found} is not supported; this tool reads version {supported}")
        }
        Problem::VersionZero => "the version must start at 1".to_string(),
        Problem::EmptyId => "the id must not be empty".to_string(),
        Problem::InvalidId { id } => format!("the id \"{id}\" must not contain whitespace"),
        Problem::DuplicateId { id } => format!("the id \"{id}\" is used more than once"),
        Problem::UnknownKind { kind, expected } => {
            format!(
                "unknown kind \"{kind}\"; expected one of: {}",
                expected.join(", ")
            )
        }
        Problem::UnknownInput { id } => format!("refers to input \"{id}\", which does not exist"),
        Problem::UnknownSource { id } => {
            format!("refers to source \"{id}\", which does not exist")
        }
        Problem::UnknownFlag { id } => format!("refers to flag \"{id}\", which does not exist"),
        Problem::NoBedsInput => {
            "applicability depends on beds but the catalogue names no beds_input".to_string()
        }
        Problem::MinAboveMax { min, max } => {
            format!("the minimum {min} is above the maximum {max}, so it can never be met")
        }
        Problem::ZeroDenominator => "the denominator is zero".to_string(),
        Problem::PercentAbove100 { value } => format!("the percentage {value} is above 100%"),
        Problem::MissingTranslation { lang } => format!("the {} text is empty", lang_en(*lang)),
        Problem::NoThreshold => "the rule has no bound, so it could never find a gap".to_string(),
        Problem::EmptyList => "the list must not be empty".to_string(),
        Problem::RequiredAndOptional { centre_type } => {
            format!("listed as both required and optional for {centre_type}")
        }
        Problem::SubItemLevels { missing } => format!(
            "sub-item levels must start at C with no gap; level {} has no sub-item",
            missing.letter()
        ),
        Problem::SubItemLevelD => "a sub-item level must be C, B or A".to_string(),
        Problem::MixedInputKinds { first, other } => {
            format!("adds inputs of different kinds (\"{first}\" and \"{other}\")")
        }
        Problem::BarsRise => "tier bars must not rise from C to A".to_string(),
        Problem::SelfReference => "an input cannot be bounded by itself".to_string(),
    }
}
