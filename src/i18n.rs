//! Every user-interface string, in Chinese and English, in one place.
//!
//! Each language is one value of [`Strings`], so a string missing in either language is a
//! compile error rather than a blank on screen. Catalogue texts (criteria, sources) carry their
//! own translations and are not here.

/// The interface language. Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
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

/// The interface strings of one language.
pub struct Strings {
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
}

pub static ZH: Strings = Strings {
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
};

pub static EN: Strings = Strings {
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
    fn chinese_strings_are_chinese() {
        let s = Lang::Zh.strings();
        assert!(s.app_title.contains("乡镇卫生院"));
        assert_ne!(s.app_title, Lang::En.strings().app_title);
    }
}
