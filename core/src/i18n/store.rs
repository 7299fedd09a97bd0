//! Texts of the browser store (`crate::store`): why a stored assessment cannot be opened, what
//! recovering it did, and the export reminder, in Chinese and English (see the parent module).

pub struct StoreStrings {
    // --- Why a stored entry cannot be used ---
    /// `{detail}`.
    pub problem_corrupt: &'static str,
    /// `{layout}`.
    pub problem_newer_layout: &'static str,
    /// `{format_version}`.
    pub problem_newer_format: &'static str,
    pub problem_main_missing: &'static str,
    /// `{id}`, `{max_len}`.
    pub problem_invalid_id: &'static str,

    // --- What loading did ---
    /// `{detail}`, `{when}`.
    pub recovered_corrupt: &'static str,
    /// `{problem}` is the problem's message. `{problem}`, `{when}`.
    pub recovered_other: &'static str,
    /// `{problem}` is the problem's message. `{problem}`.
    pub unreadable: &'static str,

    // --- The export reminder ---
    /// `{days}`.
    pub reminder_never_exported: &'static str,
    /// `{days}`, `{exported}`.
    pub reminder_outdated: &'static str,
}

pub static ZH: StoreStrings = StoreStrings {
    problem_corrupt: "这份自评的本机数据已损坏（{detail}）。",
    problem_newer_layout: "这份数据由更新版本的工具保存（数据格式 {layout}），请使用新版工具打开；本机数据未被改动。",
    problem_newer_format: "这份数据由更新版本的工具保存（评估格式 {format_version}），请使用新版工具打开；本机数据未被改动。",
    problem_main_missing: "这份自评的本机主数据缺失。",
    problem_invalid_id: "自评编号“{id}”无效：只能由 1–{max_len} 个英文字母、数字、“-”或“_”组成。",
    recovered_corrupt: "这份自评的本机数据已损坏（{detail}），已从备份恢复到 {when} 保存的版本。损坏的原始内容已另存，不会删除。",
    recovered_other: "{problem}已从备份恢复到 {when} 保存的版本。",
    unreadable: "{problem}备份也无法使用。原始内容已另存，不会删除；其余自评不受影响。",
    reminder_never_exported: "这份自评创建已 {days} 天，还从未导出。浏览器数据可能被清除，建议现在导出一份文件保存。",
    reminder_outdated: "上次导出是 {days} 天前（{exported}），之后又有修改。建议重新导出一份文件保存。",
};

pub static EN: StoreStrings = StoreStrings {
    problem_corrupt: "This assessment's data in this browser is damaged ({detail}).",
    problem_newer_layout: "This data was saved by a newer version of the tool (storage layout {layout}). Open it with the newer version; the data in this browser has not been changed.",
    problem_newer_format: "This data was saved by a newer version of the tool (assessment format {format_version}). Open it with the newer version; the data in this browser has not been changed.",
    problem_main_missing: "This assessment's main copy is missing from this browser.",
    problem_invalid_id: "The assessment id \"{id}\" is invalid: use 1–{max_len} ASCII letters, digits, '-' or '_'.",
    recovered_corrupt: "This assessment's data in this browser was damaged ({detail}). It has been restored from the backup saved at {when}. The damaged text has been set aside, not deleted.",
    recovered_other: "{problem} It has been restored from the backup saved at {when}.",
    unreadable: "{problem} No usable backup either. The original text has been set aside, not deleted; other assessments are not affected.",
    reminder_never_exported: "This assessment was started {days} day(s) ago and has never been exported. Browser data can be cleared; export a file now to keep a copy.",
    reminder_outdated: "The last export was {days} day(s) ago ({exported}) and the assessment has changed since. Export a new file to keep a copy.",
};
