//! Texts of the assessment layer (`crate::assessment`): why an entered figure is refused, the
//! cross-field checks over the figures, mismatches between an assessment and its catalogue, and
//! why an assessment file cannot be read, in Chinese and English (see the parent module).

pub struct AssessmentStrings {
    // --- A figure the user typed ---
    pub input_empty: &'static str,
    pub input_not_a_number: &'static str,
    pub input_negative: &'static str,
    pub input_not_integer: &'static str,
    /// `{max_decimals}`.
    pub input_too_many_decimals: &'static str,
    /// `{max}`.
    pub input_above_max: &'static str,
    pub input_too_large: &'static str,
    /// `{id}`.
    pub input_unknown: &'static str,

    // --- Checks over the entered figures ---
    /// `{label}`, `{value}`, `{other}`, `{limit}`.
    pub check_above_other: &'static str,
    /// `{label}`, `{value}`, `{max}`.
    pub check_above_max: &'static str,
    /// `{label}`, `{value}`, `{warn_above}`.
    pub beds_warning: &'static str,
    /// A rate of 1% or less, likely typed as a fraction (0.92 for 92%). `{label}`, `{value}`,
    /// `{meant}`.
    pub looks_like_fraction: &'static str,

    // --- An assessment against its catalogue ---
    /// `{assessment}`, `{catalogue}`.
    pub issue_wrong_catalogue: &'static str,
    /// `{assessment}`, `{catalogue}`.
    pub issue_version_changed: &'static str,
    /// `{id}`.
    pub issue_unknown_criterion: &'static str,
    /// `{id}`.
    pub issue_unknown_input: &'static str,
    /// `{id}`.
    pub issue_unknown_flag: &'static str,
    /// `{id}`.
    pub issue_answer_does_not_fit: &'static str,

    // --- Reading an assessment file ---
    /// `{line}`, `{column}`, `{detail}`.
    pub file_syntax: &'static str,
    /// `{found}`, `{supported}`.
    pub file_unsupported_version: &'static str,
}

pub static ZH: AssessmentStrings = AssessmentStrings {
    input_empty: "请填写数值",
    input_not_a_number: "不是数字",
    input_negative: "不能为负数",
    input_not_integer: "须为整数",
    input_too_many_decimals: "最多保留 {max_decimals} 位小数",
    input_above_max: "不能大于 {max}",
    input_too_large: "数值过大",
    input_unknown: "目录中没有数据项“{id}”",
    check_above_other: "{label}（{value}）不能大于{other}（{limit}）",
    check_above_max: "{label}（{value}）超过上限 {max}",
    beds_warning: "{label}为 {value}，超过一般不宜超过的 {warn_above} 床（提示，不判为未达标）",
    looks_like_fraction:
        "{label}为 {value}，是否指 {meant}？请按百分数填写（例如 92 或 92%，不是 0.92）",
    issue_wrong_catalogue: "此评估对应目录“{assessment}”，而不是“{catalogue}”",
    issue_version_changed: "评估按目录第 {assessment} 版填写，当前目录为第 {catalogue} 版",
    issue_unknown_criterion: "目录中没有条目“{id}”，其答案被忽略",
    issue_unknown_input: "目录中没有数据项“{id}”，其数值被忽略",
    issue_unknown_flag: "目录中没有情况标记“{id}”",
    issue_answer_does_not_fit: "条目“{id}”的答案类型与目录不符，按未作答处理",
    file_syntax: "评估文件无法读取：第 {line} 行第 {column} 列（{detail}）",
    file_unsupported_version: "评估文件格式版本 {found} 不受支持（本工具读取版本 {supported}）",
};

pub static EN: AssessmentStrings = AssessmentStrings {
    input_empty: "Enter a number",
    input_not_a_number: "Not a number",
    input_negative: "Cannot be negative",
    input_not_integer: "Must be a whole number",
    input_too_many_decimals: "At most {max_decimals} decimal places",
    input_above_max: "Cannot be more than {max}",
    input_too_large: "The number is too large",
    input_unknown: "The catalogue has no input \"{id}\"",
    check_above_other: "{label} ({value}) cannot exceed {other} ({limit})",
    check_above_max: "{label} ({value}) is above its maximum {max}",
    beds_warning: "{label} is {value}, above the usual ceiling of {warn_above} beds (a warning, not a gap)",
    looks_like_fraction: "{label} is {value}. Did you mean {meant}? Enter rates as percentages (92 or 92%, not 0.92)",
    issue_wrong_catalogue: "This assessment belongs to catalogue \"{assessment}\", not \"{catalogue}\"",
    issue_version_changed: "The assessment was filled against version {assessment}; the catalogue is now version {catalogue}",
    issue_unknown_criterion: "The catalogue has no criterion \"{id}\"; its answer is ignored",
    issue_unknown_input: "The catalogue has no input \"{id}\"; its value is ignored",
    issue_unknown_flag: "The catalogue has no flag \"{id}\"",
    issue_answer_does_not_fit: "The answer to \"{id}\" does not fit the criterion's kind and is treated as unanswered",
    file_syntax: "The assessment file cannot be read: line {line}, column {column} ({detail})",
    file_unsupported_version: "Assessment format version {found} is not supported (this tool reads version {supported})",
};
