//! Texts of the catalogue layer (`crate::catalogue`): centre types and bed classes, and every
//! catalogue loading error (where, which field, what is wrong), in Chinese and English (see the
//! parent module).

use crate::base::text::Lang;

pub struct CatalogueStrings {
    // --- Profile labels ---
    pub centre_general: &'static str,
    pub centre_central: &'static str,
    pub beds_up_to_10: &'static str,
    pub beds_11_to_29: &'static str,
    pub beds_30_plus: &'static str,

    // --- The registry ---
    /// `{id}`.
    pub id_of_bundled: &'static str,

    // --- A loading error: where, which field, what ---
    /// `{field}` is empty or `error_field`. `{location}`, `{field}`, `{problem}`.
    pub error_line: &'static str,
    /// `{field}`.
    pub error_field: &'static str,
    pub loc_catalogue: &'static str,
    /// `{id}`.
    pub loc_source: &'static str,
    /// `{id}`.
    pub loc_input: &'static str,
    /// `{id}`.
    pub loc_flag: &'static str,
    /// `{id}`.
    pub loc_section: &'static str,
    /// `{id}`.
    pub loc_criterion: &'static str,
    /// `{id}`.
    pub loc_tier: &'static str,
    /// `{criterion}`, `{sub_item}`.
    pub loc_sub_item: &'static str,
    /// `{path}`.
    pub loc_element: &'static str,
    /// The name of a text's language in `problem_missing_translation`.
    pub lang_zh: &'static str,
    pub lang_en: &'static str,
    /// `{line}`, `{column}`, `{detail}`.
    pub problem_syntax: &'static str,
    /// `{detail}`.
    pub problem_shape: &'static str,
    /// `{name}`.
    pub problem_unknown_field: &'static str,
    /// `{found}`, `{supported}`.
    pub problem_unsupported_version: &'static str,
    pub problem_version_zero: &'static str,
    pub problem_empty_id: &'static str,
    /// `{id}`.
    pub problem_invalid_id: &'static str,
    /// `{id}`.
    pub problem_duplicate_id: &'static str,
    /// `{expected}` joined by `list_sep`. `{kind}`, `{expected}`.
    pub problem_unknown_kind: &'static str,
    /// `{id}`.
    pub problem_unknown_input: &'static str,
    /// `{id}`.
    pub problem_unknown_source: &'static str,
    /// `{id}`.
    pub problem_unknown_flag: &'static str,
    pub problem_no_beds_input: &'static str,
    /// `{min}`, `{max}`.
    pub problem_min_above_max: &'static str,
    pub problem_zero_denominator: &'static str,
    /// `{value}`.
    pub problem_percent_above_100: &'static str,
    /// `{lang}` is `lang_zh` or `lang_en`. `{lang}`.
    pub problem_missing_translation: &'static str,
    pub problem_no_threshold: &'static str,
    pub problem_empty_list: &'static str,
    /// `{centre_type}`.
    pub problem_required_and_optional: &'static str,
    /// `{missing}`.
    pub problem_sub_item_levels: &'static str,
    pub problem_sub_item_level_d: &'static str,
    /// `{first}`, `{other}`.
    pub problem_mixed_input_kinds: &'static str,
    pub problem_bars_rise: &'static str,
    pub problem_self_reference: &'static str,
}

pub static ZH: CatalogueStrings = CatalogueStrings {
    centre_general: "一般卫生院",
    centre_central: "中心卫生院",
    beds_up_to_10: "0–10 床",
    beds_11_to_29: "11–29 床",
    beds_30_plus: "30 床及以上",
    id_of_bundled: "导入的目录编号“{id}”与内置目录相同，已拒绝；请在文件中改用其他编号",
    error_line: "{location}，{field}{problem}",
    error_field: "字段 {field}：",
    loc_catalogue: "目录文件",
    loc_source: "来源“{id}”",
    loc_input: "数据项“{id}”",
    loc_flag: "情况标记“{id}”",
    loc_section: "章节“{id}”",
    loc_criterion: "条目“{id}”",
    loc_tier: "达标档次“{id}”",
    loc_sub_item: "条目“{criterion}”的子项“{sub_item}”",
    loc_element: "位置 {path}",
    lang_zh: "中文",
    lang_en: "英文",
    problem_syntax: "JSON 语法错误，第 {line} 行第 {column} 列（{detail}）",
    problem_shape: "内容格式不符（{detail}）",
    problem_unknown_field: "不认识的字段“{name}”（可能拼写错误）",
    problem_unsupported_version: "格式版本 {found} 不受支持，本工具只读取版本 {supported}",
    problem_version_zero: "版本号必须从 1 开始",
    problem_empty_id: "编号不能为空",
    problem_invalid_id: "编号“{id}”不能包含空白字符",
    problem_duplicate_id: "编号“{id}”重复",
    problem_unknown_kind: "未知类型“{kind}”，可用类型：{expected}",
    problem_unknown_input: "引用了不存在的数据项“{id}”",
    problem_unknown_source: "引用了不存在的来源“{id}”",
    problem_unknown_flag: "引用了不存在的情况标记“{id}”",
    problem_no_beds_input: "按床位判断适用性，但目录未指定床位数据项（beds_input）",
    problem_min_above_max: "下限 {min} 大于上限 {max}，无法达到",
    problem_zero_denominator: "分母为 0",
    problem_percent_above_100: "百分比 {value} 超过 100%",
    problem_missing_translation: "缺少{lang}文本",
    problem_no_threshold: "规则没有任何界限，永远不会判定为未达标",
    problem_empty_list: "列表不能为空",
    problem_required_and_optional: "对 {centre_type} 同时列为必设和选设",
    problem_sub_item_levels: "子项等级须从 C 开始且不能跳级，缺少 {missing} 级子项",
    problem_sub_item_level_d: "子项等级只能是 C、B 或 A",
    problem_mixed_input_kinds: "把不同类型的数据项“{first}”与“{other}”相加",
    problem_bars_rise: "达标比例不能从 C 到 A 逐级升高",
    problem_self_reference: "数据项不能以自身为上限",
};

pub static EN: CatalogueStrings = CatalogueStrings {
    centre_general: "general township health centre",
    centre_central: "central township health centre",
    beds_up_to_10: "0–10 beds",
    beds_11_to_29: "11–29 beds",
    beds_30_plus: "30 beds or more",
    id_of_bundled: "the loaded catalogue uses the id \"{id}\" of a bundled catalogue and was refused; give it another id in the file",
    error_line: "{location}, {field}{problem}",
    error_field: "field {field}: ",
    loc_catalogue: "Catalogue file",
    loc_source: "Source \"{id}\"",
    loc_input: "Input \"{id}\"",
    loc_flag: "Flag \"{id}\"",
    loc_section: "Section \"{id}\"",
    loc_criterion: "Criterion \"{id}\"",
    loc_tier: "Tier \"{id}\"",
    loc_sub_item: "Sub-item \"{sub_item}\" of criterion \"{criterion}\"",
    loc_element: "Element {path}",
    lang_zh: "Chinese",
    lang_en: "English",
    problem_syntax: "JSON syntax error at line {line}, column {column} ({detail})",
    problem_shape: "unexpected content ({detail})",
    problem_unknown_field: "unknown field \"{name}\" (misspelt?)",
    problem_unsupported_version: "format version {found} is not supported; this tool reads version {supported}",
    problem_version_zero: "the version must start at 1",
    problem_empty_id: "the id must not be empty",
    problem_invalid_id: "the id \"{id}\" must not contain whitespace",
    problem_duplicate_id: "the id \"{id}\" is used more than once",
    problem_unknown_kind: "unknown kind \"{kind}\"; expected one of: {expected}",
    problem_unknown_input: "refers to input \"{id}\", which does not exist",
    problem_unknown_source: "refers to source \"{id}\", which does not exist",
    problem_unknown_flag: "refers to flag \"{id}\", which does not exist",
    problem_no_beds_input: "applicability depends on beds but the catalogue names no beds_input",
    problem_min_above_max: "the minimum {min} is above the maximum {max}, so it can never be met",
    problem_zero_denominator: "the denominator is zero",
    problem_percent_above_100: "the percentage {value} is above 100%",
    problem_missing_translation: "the {lang} text is empty",
    problem_no_threshold: "the rule has no bound, so it could never find a gap",
    problem_empty_list: "the list must not be empty",
    problem_required_and_optional: "listed as both required and optional for {centre_type}",
    problem_sub_item_levels: "sub-item levels must start at C with no gap; level {missing} has no sub-item",
    problem_sub_item_level_d: "a sub-item level must be C, B or A",
    problem_mixed_input_kinds: "adds inputs of different kinds (\"{first}\" and \"{other}\")",
    problem_bars_rise: "tier bars must not rise from C to A",
    problem_self_reference: "an input cannot be bounded by itself",
};

impl CatalogueStrings {
    /// The name of `text_lang` (the language a catalogue text is missing in), in this table's
    /// language.
    pub fn language_name(&self, text_lang: Lang) -> &'static str {
        match text_lang {
            Lang::Zh => self.lang_zh,
            Lang::En => self.lang_en,
        }
    }
}
