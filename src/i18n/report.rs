//! Interface strings of the report views, in Chinese and English (see the parent module).

pub struct ReportStrings {
    /// Heading of the report area.
    pub heading: &'static str,
}

pub static ZH: ReportStrings = ReportStrings { heading: "report" };

pub static EN: ReportStrings = ReportStrings { heading: "report" };
