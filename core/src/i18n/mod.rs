//! Every user-interface string, in Chinese and English, in one place.
//!
//! Each language is one value of [`Strings`], so a string missing in either language is a
//! compile error rather than a blank on screen. Catalogue texts (criteria, sources) carry their
//! own translations and are not here.

pub mod assessment;
pub mod catalogue;
pub mod exchange;
pub mod explain;
pub mod report;
pub mod review;
pub mod store;

/// The interface language, shared with the catalogue's bilingual texts. Chinese is the default.
pub use crate::base::text::Lang;

/// Fills a template's `{name}` placeholders with `values`, in one pass over the template: a
/// value is inserted as it is, never searched for placeholders itself, so a centre called
/// "{year}" stays "{year}". A `{…}` that names no value is left as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Lang {
    /// The code stored in preferences and used for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored code; anything unknown falls back to Chinese.
    pub fn from_code(code: &str) -> Lang {
        match code.trim() {
            "en" => Lang::En,
            _ => Lang::Zh,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The interface strings of one language. Each area with many strings keeps them in its own
/// sub-module (one struct per language there), reached through a field here.
pub struct Strings {
    pub report: &'static report::ReportStrings,
    pub explain: &'static explain::ExplainStrings,
    pub catalogue: &'static catalogue::CatalogueStrings,
    pub assessment: &'static assessment::AssessmentStrings,
    pub store: &'static store::StoreStrings,
    pub exchange: &'static exchange::ExchangeStrings,
    pub review: &'static review::ReviewStrings,
    /// Between the items of a list: "、".
    pub list_sep: &'static str,
    /// Between clauses of one line: "；".
    pub clause_sep: &'static str,
    /// Between the parts of a clause: "，".
    pub comma: &'static str,
    /// Between a label and its value: "：".
    pub colon: &'static str,
    /// Opens an aside: "（" (English " (", with its space).
    pub paren_open: &'static str,
    /// Closes an aside: "）".
    pub paren_close: &'static str,
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub nav_home: &'static str,
    pub nav_review: &'static str,
    pub nav_about: &'static str,
    pub language_label: &'static str,
    pub skip_to_content: &'static str,
    pub data_local_notice: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_quota: &'static str,
    pub storage_write_failed: &'static str,
    /// `{key}`, `{detail}`.
    pub storage_corrupt: &'static str,
    pub dismiss: &'static str,
    pub home_title: &'static str,
    pub home_empty: &'static str,
    pub review_title: &'static str,
    pub review_placeholder: &'static str,
    pub report_title: &'static str,
    pub report_placeholder: &'static str,
    pub assessment_title: &'static str,
    pub assessment_placeholder: &'static str,
    pub about_title: &'static str,
    pub about_body: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub offline_ready: &'static str,
    pub home_list_heading: &'static str,
    pub create_heading: &'static str,
    pub create_button: &'static str,
    pub catalogue_label: &'static str,
    pub centre_name: &'static str,
    pub county: &'static str,
    pub filled_by: &'static str,
    pub year: &'static str,
    pub year_error: &'static str,
    pub unnamed_centre: &'static str,
    pub progress_line: &'static str,
    pub last_saved: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub copy_next_year: &'static str,
    pub delete: &'static str,
    pub delete_confirm: &'static str,
    pub delete_confirm_button: &'static str,
    pub deleted_notice: &'static str,
    pub undo: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub assessment_not_found: &'static str,
    pub unknown_catalogue: &'static str,
    pub sample_catalogue: &'static str,
    pub open_report: &'static str,
    pub saved_at: &'static str,
    pub saving: &'static str,
    pub save_failed: &'static str,
    pub save_conflict: &'static str,
    pub memory_only: &'static str,
    pub conflict_text: &'static str,
    pub conflict_take_theirs: &'static str,
    pub conflict_keep_mine: &'static str,
    pub sections_label: &'static str,
    pub profile_page: &'static str,
    pub summary_page: &'static str,
    pub profile_intro: &'static str,
    pub centre_type: &'static str,
    pub centre_type_help: &'static str,
    pub profile_flags: &'static str,
    pub start_sections: &'static str,
    pub next_unanswered: &'static str,
    pub only_gaps: &'static str,
    pub all_answered: &'static str,
    pub next_section: &'static str,
    pub answered_short: &'static str,
    pub compliance_chart_label: &'static str,
    pub tiers_heading: &'static str,
    pub top_gaps: &'static str,
    pub no_gaps: &'static str,
    pub source_label: &'static str,
    pub decision_note: &'static str,
    pub evidence_summary: &'static str,
    pub evidence_label: &'static str,
    pub na_reason: &'static str,
    pub mark_not_applicable: &'static str,
    pub answer_label: &'static str,
    pub grade_label: &'static str,
    pub status_met: &'static str,
    pub status_partly: &'static str,
    pub status_not_met: &'static str,
    pub dept_present: &'static str,
    pub dept_absent: &'static str,
    pub action_heading: &'static str,
    pub action_measure: &'static str,
    pub action_owner: &'static str,
    pub action_deadline: &'static str,
    pub action_status: &'static str,
    pub action_planned: &'static str,
    pub action_in_progress: &'static str,
    pub action_done: &'static str,
    pub orphans_heading: &'static str,
    pub orphans_intro: &'static str,
    pub catalogue_load: &'static str,
    pub catalogue_load_help: &'static str,
    pub catalogue_file_label: &'static str,
    pub catalogue_invalid: &'static str,
    pub catalogue_added: &'static str,
}

pub static ZH: Strings = Strings {
    report: &report::ZH,
    explain: &explain::ZH,
    catalogue: &catalogue::ZH,
    assessment: &assessment::ZH,
    store: &store::ZH,
    exchange: &exchange::ZH,
    review: &review::ZH,
    list_sep: "、",
    clause_sep: "；",
    comma: "，",
    colon: "：",
    paren_open: "（",
    paren_close: "）",
    app_title: "乡镇卫生院标准化自评",
    app_subtitle: "标准化建设自评 · 差距报告 · 县级复核",
    nav_home: "我的自评",
    nav_review: "县级复核",
    nav_about: "说明",
    language_label: "界面语言",
    skip_to_content: "跳到主要内容",
    data_local_notice: "数据只保存在本机的这个浏览器中，不会上传到任何服务器。请定期导出文件备份。",
    storage_unavailable: "本浏览器不允许保存数据（可能处于无痕/隐私模式或已禁用存储）。您仍可使用本工具，但关闭页面后数据会丢失，请在关闭前导出文件。",
    storage_quota: "浏览器存储空间已满，刚才的修改未能保存（页面上的内容仍在）。请先导出文件备份，再删除不需要的旧自评。",
    storage_write_failed: "保存失败，页面上的内容仍在。请导出文件备份。",
    storage_corrupt: "本机保存的数据“{key}”已损坏，无法读取（{detail}）。",
    dismiss: "知道了",
    home_title: "我的自评",
    home_empty: "这个浏览器中还没有自评。",
    review_title: "县级复核",
    review_placeholder: "复核工作区：打开各卫生院导出的文件，逐项复核并签署意见。",
    report_title: "差距报告",
    report_placeholder: "差距报告将在这里生成，可直接打印为 A4。",
    assessment_title: "自评",
    assessment_placeholder: "未找到这份自评。",
    about_title: "关于本工具",
    about_body: "本工具依据乡镇卫生院标准化建设标准，帮助院长逐项自评、计算各项比例、生成差距报告，并供县级复核使用。所有计算均为精确整数比较，每项结论都给出公式和依据。",
    not_found_title: "找不到这个页面",
    not_found_body: "链接可能有误或已过期。",
    back_home: "返回首页",
    offline_ready: "已可离线使用",
    home_list_heading: "本机保存的自评",
    create_heading: "新建自评",
    create_button: "新建并开始填写",
    catalogue_label: "评价标准",
    centre_name: "卫生院名称",
    county: "所属县（市、区）",
    filled_by: "填报人",
    year: "评价年度",
    year_error: "请输入 2000–2100 之间的四位年份。",
    unnamed_centre: "（未填写卫生院名称）",
    progress_line: "已答 {answered}/{applicable} 项，差距 {gaps} 项",
    last_saved: "最后保存：",
    open: "打开",
    rename: "重命名",
    copy_next_year: "以此为基础开始新一年",
    delete: "删除",
    delete_confirm: "确定删除这份自评吗？删除后可在短时间内撤销。",
    delete_confirm_button: "确定删除",
    deleted_notice: "已删除一份自评。",
    undo: "撤销",
    save: "保存",
    cancel: "取消",
    assessment_not_found: "找不到这份自评",
    unknown_catalogue: "本工具没有这份自评所用的评价标准",
    sample_catalogue: "示例标准（非官方条文）",
    open_report: "查看差距报告",
    saved_at: "已保存 {time}",
    saving: "正在保存…",
    save_failed: "保存失败",
    save_conflict: "另一标签页有更新版本",
    memory_only: "未保存到本机（存储不可用）",
    conflict_text: "另一个标签页或窗口在 {time} 保存了这份自评的较新版本。请选择保留哪一个版本（另一个版本会被覆盖）。",
    conflict_take_theirs: "载入另一标签页的版本",
    conflict_keep_mine: "保留本页的版本",
    sections_label: "评价部分",
    profile_page: "基本情况",
    summary_page: "汇总",
    profile_intro: "先填写基本情况：卫生院类型决定哪些科室必须设置，床位和人口决定哪些条款适用。",
    centre_type: "卫生院类型",
    centre_type_help: "中心卫生院除一般卫生院的科室外，还须设置五官/口腔科、手术室、产房、理疗室。",
    profile_flags: "服务情况",
    start_sections: "开始逐项自评",
    next_unanswered: "下一个未答项",
    only_gaps: "只看差距",
    all_answered: "本部分所有适用条款均已作答。",
    next_section: "下一部分",
    answered_short: "已答",
    compliance_chart_label: "各部分达标率",
    tiers_heading: "等级标准",
    top_gaps: "主要差距",
    no_gaps: "目前没有差距项。",
    source_label: "依据：",
    decision_note: "（本工具的解释，复核时可提出不同意见）",
    evidence_summary: "证据、备注与“不适用”",
    evidence_label: "证据或备注",
    na_reason: "不适用的理由",
    mark_not_applicable: "本项对本院不适用",
    answer_label: "作答",
    grade_label: "评级",
    status_met: "符合",
    status_partly: "部分符合",
    status_not_met: "不符合",
    dept_present: "已设置",
    dept_absent: "未设置",
    action_heading: "整改措施",
    action_measure: "措施",
    action_owner: "责任人",
    action_deadline: "完成期限",
    action_status: "进度",
    action_planned: "未开始",
    action_in_progress: "进行中",
    action_done: "已完成",
    orphans_heading: "与当前评价标准的差异",
    orphans_intro: "以下内容与本工具当前的评价标准版本不一致。原有答案全部保留（也会随导出文件一起保存），不会被删除。",
    catalogue_load: "载入省级标准文件",
    catalogue_load_help: "省、市可把《乡镇卫生院服务能力标准》等条文整理成本工具的标准文件（格式与内置标准相同）。载入后会保存在本浏览器中，可用于新建自评；不会替换内置标准。",
    catalogue_file_label: "选择标准文件（.json）",
    catalogue_invalid: "这个标准文件有以下问题，未载入：",
    catalogue_added: "已载入评价标准：",
};

pub static EN: Strings = Strings {
    report: &report::EN,
    explain: &explain::EN,
    catalogue: &catalogue::EN,
    assessment: &assessment::EN,
    store: &store::EN,
    exchange: &exchange::EN,
    review: &review::EN,
    list_sep: ", ",
    clause_sep: "; ",
    comma: ", ",
    colon: ": ",
    paren_open: " (",
    paren_close: ")",
    app_title: "Township Health Centre Self-Assessment",
    app_subtitle: "Standardization self-assessment · gap report · county review",
    nav_home: "My assessments",
    nav_review: "County review",
    nav_about: "About",
    language_label: "Language",
    skip_to_content: "Skip to main content",
    data_local_notice: "Your data stays in this browser on this device and is never uploaded. Export a file regularly as a backup.",
    storage_unavailable: "This browser does not allow saving data (private mode or storage disabled). You can keep working, but data is lost when the page closes: export a file before closing.",
    storage_quota: "Browser storage is full: the last change was not saved (it is still on screen). Export a backup file, then delete old assessments you no longer need.",
    storage_write_failed: "Saving failed; what is on screen is kept. Export a backup file.",
    storage_corrupt: "The data stored under “{key}” is damaged ({detail}).",
    dismiss: "Dismiss",
    home_title: "My assessments",
    home_empty: "No assessments in this browser yet.",
    review_title: "County review",
    review_placeholder: "Reviewer workspace: open files exported by centres, review item by item and sign off.",
    report_title: "Gap report",
    report_placeholder: "The gap report appears here, ready to print on A4.",
    assessment_title: "Assessment",
    assessment_placeholder: "This assessment was not found.",
    about_title: "About this tool",
    about_body: "This tool walks a township health centre through the standardization criteria, computes every ratio, produces a gap report and supports county review. Every comparison is exact integer arithmetic, and every verdict shows its formula and source.",
    not_found_title: "Page not found",
    not_found_body: "The link may be wrong or out of date.",
    back_home: "Back to home",
    offline_ready: "Ready offline",
    home_list_heading: "Assessments in this browser",
    create_heading: "New assessment",
    create_button: "Create and start",
    catalogue_label: "Criteria catalogue",
    centre_name: "Centre name",
    county: "County",
    filled_by: "Filled in by",
    year: "Assessment year",
    year_error: "Enter a four-digit year between 2000 and 2100.",
    unnamed_centre: "(centre name not entered)",
    progress_line: "Answered {answered} of {applicable}, {gaps} gaps",
    last_saved: "Last saved: ",
    open: "Open",
    rename: "Rename",
    copy_next_year: "Start next year from this",
    delete: "Delete",
    delete_confirm: "Delete this assessment? You can undo for a short while.",
    delete_confirm_button: "Delete",
    deleted_notice: "An assessment was deleted.",
    undo: "Undo",
    save: "Save",
    cancel: "Cancel",
    assessment_not_found: "Assessment not found",
    unknown_catalogue: "This tool does not have the catalogue this assessment uses",
    sample_catalogue: "sample catalogue (not the official text)",
    open_report: "Open gap report",
    saved_at: "Saved at {time}",
    saving: "Saving…",
    save_failed: "Not saved",
    save_conflict: "Newer version in another tab",
    memory_only: "Not stored (storage unavailable)",
    conflict_text: "Another tab or window saved a newer version of this assessment at {time}. Choose which version to keep (the other will be overwritten).",
    conflict_take_theirs: "Load the other tab's version",
    conflict_keep_mine: "Keep this page's version",
    sections_label: "Sections",
    profile_page: "Profile",
    summary_page: "Summary",
    profile_intro: "Start with the profile: the centre type decides which departments are required; beds and population decide which criteria apply.",
    centre_type: "Centre type",
    centre_type_help: "A central centre needs everything a general centre needs, plus ENT/dental, operating room, delivery room and physiotherapy.",
    profile_flags: "Services offered",
    start_sections: "Start the criteria",
    next_unanswered: "Next unanswered",
    only_gaps: "Show only gaps",
    all_answered: "Every applicable item in this section is answered.",
    next_section: "Next section",
    answered_short: "answered",
    compliance_chart_label: "Compliance by section",
    tiers_heading: "Graded tiers",
    top_gaps: "Top gaps",
    no_gaps: "No gaps at the moment.",
    source_label: "Source: ",
    decision_note: "(this tool's interpretation; reviewers may disagree)",
    evidence_summary: "Evidence, notes and \"not applicable\"",
    evidence_label: "Evidence or note",
    na_reason: "Why it does not apply",
    mark_not_applicable: "This item does not apply to this centre",
    answer_label: "Answer",
    grade_label: "Grade",
    status_met: "Met",
    status_partly: "Partly met",
    status_not_met: "Not met",
    dept_present: "In place",
    dept_absent: "Not in place",
    action_heading: "Improvement action",
    action_measure: "Measure",
    action_owner: "Owner",
    action_deadline: "Deadline",
    action_status: "Status",
    action_planned: "Planned",
    action_in_progress: "In progress",
    action_done: "Done",
    orphans_heading: "Differences from the current catalogue",
    orphans_intro: "The items below do not match the current version of the criteria catalogue. Every earlier answer is kept (and exported), never deleted.",
    catalogue_load: "Load a province's catalogue file",
    catalogue_load_help: "A province can transcribe its criteria (e.g. the 2022 service capability standard) into a catalogue file in this tool's format. It is kept in this browser and offered for new assessments; it never replaces a bundled catalogue.",
    catalogue_file_label: "Choose a catalogue file (.json)",
    catalogue_invalid: "This catalogue file was not loaded because of these problems:",
    catalogue_added: "Catalogue loaded: ",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_default_to_chinese() {
        assert_eq!(Lang::from_code(Lang::En.code()), Lang::En);
        assert_eq!(Lang::from_code(Lang::Zh.code()), Lang::Zh);
        assert_eq!(Lang::from_code("fr"), Lang::Zh);
        assert_eq!(Lang::from_code(""), Lang::Zh);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn fill_replaces_each_placeholder_once_and_leaves_the_rest() {
        assert_eq!(
            fill("{a} 与 {b}，{a}", &[("a", "甲"), ("b", "乙")]),
            "甲 与 乙，甲"
        );
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "x")]), "{b}x");
        assert_eq!(fill("{{a}} {c} {", &[("a", "1")]), "{1} {c} {");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn chinese_strings_are_chinese() {
        let s = Lang::Zh.strings();
        assert!(s.app_title.contains("乡镇卫生院"));
        assert_ne!(s.app_title, Lang::En.strings().app_title);
    }
}
