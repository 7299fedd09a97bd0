//! The export reminder: when to ask the user to export a file, and what to say.

use super::envelope::StoredAssessment;
use crate::base::dates::CalendarText;
use crate::catalogue::Lang;
use chrono::{DateTime, Duration, FixedOffset};

/// A save whose stored copy has not been exported for longer than this gets a reminder.
pub const EXPORT_STALE_DAYS: i64 = 7;
/// A never-exported assessment with answers gets a reminder once it is older than this.
pub const NEVER_EXPORTED_GRACE_DAYS: i64 = 1;

/// Why the user should export a file now: browser data can be cleared at any time, a file
/// cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportReminder {
    /// Never exported, has answers or inputs, and was created `days_since_created` days ago.
    NeverExported { days_since_created: i64 },
    /// Saved more than [`EXPORT_STALE_DAYS`] days after the last export, which was
    /// `days_since_export` days ago.
    Outdated {
        exported_at: DateTime<FixedOffset>,
        days_since_export: i64,
    },
}

impl ExportReminder {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExportReminder::NeverExported { days_since_created }, Lang::Zh) => format!(
                "这份自评创建已 {days_since_created} 天，还从未导出。浏览器数据可能被清除，建议现在导出一份文件保存。"
            ),
            (ExportReminder::NeverExported { days_since_created }, Lang::En) => format!(
                "This assessment was started {days_since_created} day(s) ago and has never been exported. Browser data can be cleared; export a file now to keep a copy."
            ),
            (
                ExportReminder::Outdated {
                    exported_at,
                    days_since_export,
                },
                Lang::Zh,
            ) => format!(
                "上次导出是 {days_since_export} 天前（{}），之后又有修改。建议重新导出一份文件保存。",
                exported_at.ymd()
            ),
            (
                ExportReminder::Outdated {
                    exported_at,
                    days_since_export,
                },
                Lang::En,
            ) => format!(
                "The last export was {days_since_export} day(s) ago ({}) and the assessment has changed since. Export a new file to keep a copy.",
                exported_at.ymd()
            ),
        }
    }
}

/// Whether to remind the user to export `stored`, as of `now`.
pub fn export_reminder(
    stored: &StoredAssessment,
    now: DateTime<FixedOffset>,
) -> Option<ExportReminder> {
    let a = &stored.assessment;
    match stored.last_exported_at {
        None => {
            let has_work = !a.items.is_empty() || !a.inputs.is_empty();
            let age = now.signed_duration_since(a.created_at);
            (has_work && age > Duration::days(NEVER_EXPORTED_GRACE_DAYS)).then(|| {
                ExportReminder::NeverExported {
                    days_since_created: age.num_days(),
                }
            })
        }
        Some(exported_at) => {
            let unexported = stored.saved_at.signed_duration_since(exported_at);
            (unexported > Duration::days(EXPORT_STALE_DAYS)).then(|| ExportReminder::Outdated {
                exported_at,
                days_since_export: now.signed_duration_since(exported_at).num_days(),
            })
        }
    }
}
