//! Why a file cannot be imported, with a specific message in Chinese and English. Every variant
//! leaves storage untouched: nothing is written until a file has passed every check.

use super::format::{FILE_FORMAT_VERSION, MAX_DEPTH, MAX_FILE_BYTES, YEAR_RANGE};
use crate::assessment::format_value;
use crate::catalogue::{CatalogueError, InputKind, Lang, Text};

/// What a file that is not text turned out to be (by its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// A .docx (a ZIP holding `word/`).
    Word,
    /// A .xlsx (a ZIP holding `xl/`), e.g. this tool's own Excel export.
    Excel,
    /// Any other ZIP archive.
    Zip,
    /// A pre-2007 Office file (.doc, .xls): the OLE2 compound format.
    OldOffice,
    /// RAR, 7z or gzip.
    Archive,
    /// Holds NUL bytes or other binary data.
    Binary,
}

impl FileKind {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FileKind::Png, Lang::Zh) => "PNG 图片",
            (FileKind::Png, Lang::En) => "a PNG image",
            (FileKind::Jpeg, Lang::Zh) => "JPEG 图片（照片）",
            (FileKind::Jpeg, Lang::En) => "a JPEG image (photo)",
            (FileKind::Gif, Lang::Zh) => "GIF 图片",
            (FileKind::Gif, Lang::En) => "a GIF image",
            (FileKind::Webp, Lang::Zh) => "WebP 图片",
            (FileKind::Webp, Lang::En) => "a WebP image",
            (FileKind::Pdf, Lang::Zh) => "PDF 文档",
            (FileKind::Pdf, Lang::En) => "a PDF document",
            (FileKind::Word, Lang::Zh) => "Word 文档（.docx）",
            (FileKind::Word, Lang::En) => "a Word document (.docx)",
            (FileKind::Excel, Lang::Zh) => "Excel 表格（.xlsx）",
            (FileKind::Excel, Lang::En) => "an Excel workbook (.xlsx)",
            (FileKind::Zip, Lang::Zh) => "压缩包（.zip）",
            (FileKind::Zip, Lang::En) => "a ZIP archive",
            (FileKind::OldOffice, Lang::Zh) => "旧版 Word/Excel 文件（.doc/.xls）",
            (FileKind::OldOffice, Lang::En) => "an old Word/Excel file (.doc/.xls)",
            (FileKind::Archive, Lang::Zh) => "压缩包（.rar/.7z/.gz）",
            (FileKind::Archive, Lang::En) => "an archive (.rar/.7z/.gz)",
            (FileKind::Binary, Lang::Zh) => "二进制文件（不是文本）",
            (FileKind::Binary, Lang::En) => "a binary file (not text)",
        }
    }
}

/// What is wrong with one numeric input value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    Negative,
    NotInteger,
    /// Not a number at all (a string, `true`, an object…).
    NotANumber,
    /// Above the input's maximum (in stored units; percentages in hundredths, at most 10000).
    AboveMax {
        max: u64,
        kind: InputKind,
    },
    /// Larger than any count can be.
    TooLarge,
}

/// One input value that cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadNumber {
    pub input_id: String,
    /// The input's label in the catalogue.
    pub label: Text,
    /// The value as written in the file.
    pub found: String,
    pub problem: NumberProblem,
}

/// Why a file was refused. Nothing is stored for any of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No bytes, or only whitespace.
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// An image, an Office document, an archive… recognised by its first bytes.
    WrongFileType {
        kind: FileKind,
    },
    /// Text saved as UTF-16 ("Unicode" in Windows Notepad).
    Utf16,
    /// Invalid UTF-8 whose bytes pair up as GBK/GB2312 (Chinese Windows' default encoding).
    GbkEncoded,
    /// Invalid UTF-8 that is not recognisably GBK either.
    NotUtf8 {
        offset: usize,
    },
    /// Arrays/objects nested deeper than [`MAX_DEPTH`] (checked before parsing).
    TooDeep {
        line: usize,
        column: usize,
    },
    /// A key that appears twice in the same JSON object.
    DuplicateKey {
        key: String,
        path: String,
    },
    /// The JSON ends in the middle (an interrupted download or copy).
    Truncated {
        line: usize,
        column: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A criteria catalogue file, not an assessment file.
    CatalogueFile,
    /// Valid JSON, but not an assessment file (no or another `format`).
    NotAssessmentFile,
    /// `format_version` is not a version number this or any build writes (0, text, 1.5…).
    UnsupportedVersion {
        found: String,
    },
    /// Written by a newer version of the tool.
    FutureVersion {
        found: u64,
    },
    /// A field is missing, has the wrong type, or is not part of the format. `path` says where
    /// (`content.assessment.profile`).
    Shape {
        path: String,
        detail: String,
    },
    /// The assessment id cannot be used (only 1–64 ASCII letters, digits, `-`, `_`).
    InvalidId {
        id: String,
    },
    BadYear {
        found: String,
    },
    /// Neither bundled nor embedded in the file.
    UnknownCatalogue {
        id: String,
        version: u32,
    },
    /// The embedded catalogue fails the catalogue loader's checks.
    EmbeddedCatalogueInvalid {
        id: String,
        errors: Vec<CatalogueError>,
    },
    /// `catalogue.id` and the embedded catalogue's own id differ.
    EmbeddedCatalogueMismatch {
        declared: String,
        embedded: String,
    },
    /// An embedded catalogue may not replace a bundled one.
    EmbeddedUsesBundledId {
        id: String,
    },
    /// Ids the catalogue does not have (each list sorted).
    UnknownIds {
        criteria: Vec<String>,
        inputs: Vec<String>,
        flags: Vec<String>,
    },
    /// Input values that are negative, fractional, not numbers or above the maximum.
    BadNumbers {
        problems: Vec<BadNumber>,
    },
}

fn list(ids: &[String], lang: Lang) -> String {
    const SHOWN: usize = 8;
    let shown: Vec<String> = ids.iter().take(SHOWN).map(|s| format!("“{s}”")).collect();
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let mut out = shown.join(sep);
    if ids.len() > SHOWN {
        out.push_str(&match lang {
            Lang::Zh => format!(" 等共 {} 项", ids.len()),
            Lang::En => format!(" and {} more", ids.len() - SHOWN),
        });
    }
    out
}

fn mb(bytes: usize) -> String {
    // One decimal, truncated: display only.
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl NumberProblem {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NumberProblem::Negative, Lang::Zh) => "不能为负数".to_string(),
            (NumberProblem::Negative, Lang::En) => "cannot be negative".to_string(),
            (NumberProblem::NotInteger, Lang::Zh) => {
                "须为整数（百分比以万分之一为单位，如 97.5% 记为 9750）".to_string()
            }
            (NumberProblem::NotInteger, Lang::En) => {
                "must be a whole number (percentages are stored in hundredths: 97.5% is 9750)"
                    .to_string()
            }
            (NumberProblem::NotANumber, Lang::Zh) => "不是数字".to_string(),
            (NumberProblem::NotANumber, Lang::En) => "is not a number".to_string(),
            (NumberProblem::AboveMax { max, kind }, Lang::Zh) => {
                let unit = if *kind == InputKind::Percent {
                    "（百分比以万分之一为单位，10000 即 100%）"
                } else {
                    ""
                };
                format!("超出范围，不能大于 {}{unit}", format_value(*max, *kind))
            }
            (NumberProblem::AboveMax { max, kind }, Lang::En) => {
                let unit = if *kind == InputKind::Percent {
                    " (percentages are stored in hundredths: 10000 is 100%)"
                } else {
                    ""
                };
                format!(
                    "is out of range: at most {}{unit}",
                    format_value(*max, *kind)
                )
            }
            (NumberProblem::TooLarge, Lang::Zh) => "数值过大".to_string(),
            (NumberProblem::TooLarge, Lang::En) => "is too large".to_string(),
        }
    }
}

impl ImportError {
    /// A message for the person at the screen: what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        match (self, lang) {
            (Empty, Lang::Zh) => "文件是空的，没有任何内容。请重新导出后再导入。".to_string(),
            (Empty, Lang::En) => "The file is empty. Export it again, then import the new file.".to_string(),
            (TooLarge { bytes }, Lang::Zh) => format!(
                "文件过大（{} MB），超过 {} MB 的上限。自评文件通常只有几十 KB，请确认选择的是导出的自评文件。",
                mb(*bytes),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            (TooLarge { bytes }, Lang::En) => format!(
                "The file is too large ({} MB; the limit is {} MB). Assessment files are usually a few dozen KB: check that you chose an exported assessment file.",
                mb(*bytes),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            (WrongFileType { kind }, Lang::Zh) => {
                let hint = match kind {
                    FileKind::Excel => "导出的 Excel 表格只供查看和打印；导入时请选择导出的 .json 自评文件。",
                    _ => "请选择本工具导出的 .json 自评文件。",
                };
                format!("这是{}，不是自评文件。{hint}", kind.label(lang))
            }
            (WrongFileType { kind }, Lang::En) => {
                let hint = match kind {
                    FileKind::Excel => "The Excel export is for reading and printing; to import, choose the exported .json assessment file.",
                    _ => "Choose a .json assessment file exported by this tool.",
                };
                format!("This is {}, not an assessment file. {hint}", kind.label(lang))
            }
            (Utf16, Lang::Zh) => "文件以 UTF-16（记事本中的“Unicode”）编码保存，本工具只读取 UTF-8 编码。请用记事本打开，“另存为”时将编码选为 UTF-8 后再导入。".to_string(),
            (Utf16, Lang::En) => "The file is saved as UTF-16 (\"Unicode\" in Notepad); this tool reads UTF-8 only. Open it in Notepad, choose Save As with encoding UTF-8, and import again.".to_string(),
            (GbkEncoded, Lang::Zh) => "文件不是 UTF-8 编码，看起来是 GBK/GB2312 编码（中文 Windows 记事本、Excel 的默认编码）。请用记事本打开，“另存为”时将编码选为 UTF-8，或直接使用本工具导出的原文件。".to_string(),
            (GbkEncoded, Lang::En) => "The file is not UTF-8: it looks like GBK/GB2312, the default encoding of Notepad and Excel on Chinese Windows. Open it in Notepad and Save As with encoding UTF-8, or use the file exactly as this tool exported it.".to_string(),
            (NotUtf8 { offset }, Lang::Zh) => format!(
                "文件不是 UTF-8 编码的文本（第 {offset} 字节处无法识别），必须保存为 UTF-8 编码。请直接使用本工具导出的原文件。"
            ),
            (NotUtf8 { offset }, Lang::En) => format!(
                "The file is not UTF-8 text (unreadable at byte {offset}); it must be saved as UTF-8. Use the file exactly as this tool exported it."
            ),
            (TooDeep { line, column }, Lang::Zh) => format!(
                "文件中的括号嵌套超过 {MAX_DEPTH} 层（第 {line} 行第 {column} 列），不是本工具导出的自评文件，已拒绝读取。"
            ),
            (TooDeep { line, column }, Lang::En) => format!(
                "The file nests brackets more than {MAX_DEPTH} levels deep (line {line}, column {column}); it is not an assessment file from this tool and was not read."
            ),
            (DuplicateKey { key, path }, Lang::Zh) => format!(
                "文件中“{path}”处的键“{key}”重复出现，无法确定以哪一个为准。文件可能被手工修改过，请使用原始导出文件。"
            ),
            (DuplicateKey { key, path }, Lang::En) => format!(
                "The key \"{key}\" appears twice at \"{path}\", so it is unclear which value counts. The file may have been edited by hand: use the original export."
            ),
            (Truncated { line, column }, Lang::Zh) => format!(
                "文件不完整，在第 {line} 行第 {column} 列意外结束（可能下载或复制时被截断）。请重新导出或重新复制完整内容。"
            ),
            (Truncated { line, column }, Lang::En) => format!(
                "The file is incomplete: it ends unexpectedly at line {line}, column {column} (the download or copy was probably cut off). Export or copy it again in full."
            ),
            (NotJson { line, column, detail }, Lang::Zh) => format!(
                "文件内容不是有效的 JSON 格式（第 {line} 行第 {column} 列：{detail}），不是本工具导出的自评文件。"
            ),
            (NotJson { line, column, detail }, Lang::En) => format!(
                "The file is not valid JSON (line {line}, column {column}: {detail}); it is not an assessment file exported by this tool."
            ),
            (CatalogueFile, Lang::Zh) => "这是评价标准（目录）文件，不是自评文件。请选择导出的自评文件。".to_string(),
            (CatalogueFile, Lang::En) => "This is a criteria catalogue file, not an assessment file. Choose an exported assessment file.".to_string(),
            (NotAssessmentFile, Lang::Zh) => "这个 JSON 文件不是本工具导出的自评文件（缺少 \"format\": \"thc-assessment\" 标记）。".to_string(),
            (NotAssessmentFile, Lang::En) => "This JSON file is not an assessment file exported by this tool (it lacks \"format\": \"thc-assessment\").".to_string(),
            (UnsupportedVersion { found }, Lang::Zh) => format!(
                "文件格式版本“{found}”无效（本工具读取版本 {FILE_FORMAT_VERSION}）。"
            ),
            (UnsupportedVersion { found }, Lang::En) => format!(
                "The file format version \"{found}\" is not valid (this tool reads version {FILE_FORMAT_VERSION})."
            ),
            (FutureVersion { found }, Lang::Zh) => format!(
                "文件由更新版本的工具导出（文件格式版本 {found}，本工具只能读取版本 {FILE_FORMAT_VERSION}）。请使用新版工具打开。"
            ),
            (FutureVersion { found }, Lang::En) => format!(
                "The file was exported by a newer version of the tool (file format version {found}; this tool reads version {FILE_FORMAT_VERSION}). Open it with the newer version."
            ),
            (Shape { path, detail }, Lang::Zh) => format!(
                "文件内容缺项或格式不符（位置 {path}：{detail}）。文件可能被手工修改过，请使用原始导出文件。"
            ),
            (Shape { path, detail }, Lang::En) => format!(
                "The file's content is incomplete or has the wrong shape (at {path}: {detail}). It may have been edited by hand: use the original export."
            ),
            (InvalidId { id }, Lang::Zh) => format!(
                "文件中的自评编号“{id}”无效：只能由 1–64 个英文字母、数字、“-”或“_”组成。"
            ),
            (InvalidId { id }, Lang::En) => format!(
                "The assessment id \"{id}\" in the file is invalid: use 1–64 ASCII letters, digits, '-' or '_'."
            ),
            (BadYear { found }, Lang::Zh) => format!(
                "评价年度“{found}”超出范围（须为 {}–{} 之间的整数）。",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ),
            (BadYear { found }, Lang::En) => format!(
                "The assessment year \"{found}\" is out of range (a whole number from {} to {}).",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ),
            (UnknownCatalogue { id, version }, Lang::Zh) => format!(
                "文件使用的评价标准“{id}”（第 {version} 版）不是本工具内置的标准，文件中也没有附带该标准，无法导入。"
            ),
            (UnknownCatalogue { id, version }, Lang::En) => format!(
                "The file uses the catalogue \"{id}\" (version {version}), which is neither bundled with this tool nor embedded in the file, so it cannot be imported."
            ),
            (EmbeddedCatalogueInvalid { id, errors }, _) => {
                let shown: Vec<String> = errors.iter().take(3).map(|e| e.message(lang)).collect();
                let more = errors.len().saturating_sub(3);
                match lang {
                    Lang::Zh => format!(
                        "文件附带的评价标准“{id}”有错误，无法使用：{}{}",
                        shown.join("；"),
                        if more > 0 { format!("（另有 {more} 处）") } else { String::new() }
                    ),
                    Lang::En => format!(
                        "The catalogue \"{id}\" embedded in the file has errors and cannot be used: {}{}",
                        shown.join("; "),
                        if more > 0 { format!(" ({more} more)") } else { String::new() }
                    ),
                }
            }
            (EmbeddedCatalogueMismatch { declared, embedded }, Lang::Zh) => format!(
                "文件声明使用评价标准“{declared}”，但附带的是“{embedded}”，前后不一致。"
            ),
            (EmbeddedCatalogueMismatch { declared, embedded }, Lang::En) => format!(
                "The file says it uses the catalogue \"{declared}\" but embeds \"{embedded}\"."
            ),
            (EmbeddedUsesBundledId { id }, Lang::Zh) => format!(
                "文件附带的评价标准使用了内置标准的编号“{id}”，已拒绝：内置标准不能被文件替换。"
            ),
            (EmbeddedUsesBundledId { id }, Lang::En) => format!(
                "The catalogue embedded in the file uses the id \"{id}\" of a bundled catalogue and was refused: bundled catalogues are never replaced by a file."
            ),
            (UnknownIds { criteria, inputs, flags }, _) => {
                let mut parts = Vec::new();
                if !criteria.is_empty() {
                    parts.push(match lang {
                        Lang::Zh => format!("条目编号 {}", list(criteria, lang)),
                        Lang::En => format!("criterion ids {}", list(criteria, lang)),
                    });
                }
                if !inputs.is_empty() {
                    parts.push(match lang {
                        Lang::Zh => format!("数据项 {}", list(inputs, lang)),
                        Lang::En => format!("input ids {}", list(inputs, lang)),
                    });
                }
                if !flags.is_empty() {
                    parts.push(match lang {
                        Lang::Zh => format!("情况标记 {}", list(flags, lang)),
                        Lang::En => format!("flags {}", list(flags, lang)),
                    });
                }
                match lang {
                    Lang::Zh => format!(
                        "文件中有评价标准里不存在的编号：{}。文件可能对应另一版标准或被手工修改过，未导入。",
                        parts.join("；")
                    ),
                    Lang::En => format!(
                        "The file uses ids the catalogue does not have: {}. It may belong to another catalogue version or have been edited by hand; nothing was imported.",
                        parts.join("; ")
                    ),
                }
            }
            (BadNumbers { problems }, _) => {
                let shown: Vec<String> = problems
                    .iter()
                    .take(5)
                    .map(|b| match lang {
                        Lang::Zh => format!(
                            "数据项“{}”（{}）的值 {} {}",
                            b.label.zh,
                            b.input_id,
                            b.found,
                            b.problem.message(lang)
                        ),
                        Lang::En => format!(
                            "\"{}\" ({}) = {} {}",
                            b.label.en,
                            b.input_id,
                            b.found,
                            b.problem.message(lang)
                        ),
                    })
                    .collect();
                let more = problems.len().saturating_sub(5);
                match lang {
                    Lang::Zh => format!(
                        "文件中有超出范围的数值：{}{}。未导入。",
                        shown.join("；"),
                        if more > 0 { format!("（另有 {more} 处）") } else { String::new() }
                    ),
                    Lang::En => format!(
                        "The file holds values out of range: {}{}. Nothing was imported.",
                        shown.join("; "),
                        if more > 0 { format!(" ({more} more)") } else { String::new() }
                    ),
                }
            }
        }
    }
}
