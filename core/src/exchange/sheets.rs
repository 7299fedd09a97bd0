//! The gap list and action plan as tables: an Excel workbook (.xlsx, written by hand as a
//! stored ZIP of SpreadsheetML parts with inline strings) and a CSV file for Excel on Chinese
//! Windows (UTF-8 with BOM, CRLF, RFC 4180 quoting).

use super::zip::stored_zip;
use crate::assessment::{ActionStatus, Assessment};
use crate::base::dates::CalendarText;
use crate::catalogue::{Catalogue, Lang};
use crate::evaluation::{evaluate, CriterionResult, Evaluation, Summary};
use crate::i18n::exchange::ExchangeStrings;
use crate::present::explain::{explain, importance_label, provenance_line, verdict_label};
use chrono::{DateTime, FixedOffset};

fn strings(lang: Lang) -> &'static ExchangeStrings {
    lang.strings().exchange
}

/// One section's (or the total's) figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub section: String,
    pub answered: u32,
    pub applicable: u32,
    /// Met, including met with a note.
    pub met: u32,
    pub partly: u32,
    pub gap: u32,
    /// Not judged until a figure is corrected (待更正).
    pub needs_correction: u32,
    /// Compliance in tenths of a percent, truncated (never rounded up to a pass); `None` when
    /// nothing counts toward compliance.
    pub compliance_tenths: Option<u64>,
}

impl SummaryRow {
    fn of(section: String, s: &Summary) -> SummaryRow {
        let c = s.compliance();
        SummaryRow {
            section,
            answered: s.answered,
            applicable: s.applicable,
            met: s.met + s.met_with_note,
            partly: s.partly,
            gap: s.gap,
            needs_correction: s.needs_correction,
            compliance_tenths: (c.den > 0)
                .then(|| u64::try_from(u128::from(c.num) * 1000 / u128::from(c.den)).unwrap_or(0)),
        }
    }

    /// "82.5" (display only).
    pub fn compliance_text(&self) -> String {
        self.compliance_tenths
            .map(|t| format!("{}.{}", t / 10, t % 10))
            .unwrap_or_default()
    }
}

/// Per section in catalogue order, then the total (labelled 合计 / Total).
pub fn summary_rows(catalogue: &Catalogue, evaluation: &Evaluation, lang: Lang) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = evaluation
        .sections
        .iter()
        .map(|s| {
            let title = catalogue
                .section(&s.section_id)
                .map(|x| x.title.get(lang).to_string())
                .unwrap_or_else(|| s.section_id.clone());
            SummaryRow::of(title, &s.summary)
        })
        .collect();
    rows.push(SummaryRow::of(
        strings(lang).total_row.to_string(),
        &evaluation.overall,
    ));
    rows
}

/// One criterion of the gap list (or with an action), with its action if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapRow {
    pub section: String,
    pub criterion_id: String,
    pub criterion: String,
    pub importance: String,
    pub verdict: String,
    pub explanation: String,
    pub source: String,
    pub measure: String,
    pub owner: String,
    pub deadline: String,
    pub status: String,
}

fn status_label(s: ActionStatus, lang: Lang) -> &'static str {
    let t = lang.strings();
    match s {
        ActionStatus::Planned => t.action_planned,
        ActionStatus::InProgress => t.action_in_progress,
        ActionStatus::Done => t.action_done,
    }
}

fn gap_row(
    catalogue: &Catalogue,
    assessment: &Assessment,
    r: &CriterionResult,
    lang: Lang,
) -> GapRow {
    let found = catalogue.find_criterion(&r.criterion_id);
    let action = assessment
        .item(&r.criterion_id)
        .and_then(|i| i.action.as_ref());
    GapRow {
        section: found
            .map(|c| c.section.title.get(lang).to_string())
            .unwrap_or_else(|| r.section_id.clone()),
        criterion_id: r.criterion_id.clone(),
        criterion: found
            .map(|c| c.criterion.title.get(lang).to_string())
            .unwrap_or_default(),
        importance: importance_label(r.importance, lang).to_string(),
        verdict: verdict_label(r.verdict, lang).to_string(),
        explanation: explain(catalogue, r, lang),
        source: found
            .map(|c| provenance_line(catalogue, &c.criterion.provenance, lang))
            .unwrap_or_default(),
        measure: action.map(|a| a.measure.clone()).unwrap_or_default(),
        owner: action.map(|a| a.owner.clone()).unwrap_or_default(),
        deadline: action
            .and_then(|a| a.deadline)
            .map(|d| d.ymd())
            .unwrap_or_default(),
        status: action
            .map(|a| status_label(a.status, lang).to_string())
            .unwrap_or_default(),
    }
}

/// The gap list (gaps and partly met, core first, then catalogue order), each with its action,
/// then the criteria not judged until a figure is corrected (verdict 待更正, so a table never
/// silently drops them); when `with_other_actions`, followed by the other criteria that have an
/// action, in catalogue order.
pub fn gap_rows(
    catalogue: &Catalogue,
    assessment: &Assessment,
    evaluation: &Evaluation,
    lang: Lang,
    with_other_actions: bool,
) -> Vec<GapRow> {
    let mut rows: Vec<GapRow> = evaluation
        .gap_results()
        .map(|r| gap_row(catalogue, assessment, r, lang))
        .collect();
    rows.extend(
        evaluation
            .results
            .iter()
            .filter(|r| r.verdict == crate::evaluation::Verdict::NeedsCorrection)
            .map(|r| gap_row(catalogue, assessment, r, lang)),
    );
    if with_other_actions {
        for r in &evaluation.results {
            let has_action = assessment
                .item(&r.criterion_id)
                .is_some_and(|i| i.action.is_some());
            if has_action && !r.verdict.needs_attention() {
                rows.push(gap_row(catalogue, assessment, r, lang));
            }
        }
    }
    rows
}

/// The action plan: the criteria with an action, in catalogue order.
pub fn action_rows(
    catalogue: &Catalogue,
    assessment: &Assessment,
    evaluation: &Evaluation,
    lang: Lang,
) -> Vec<GapRow> {
    evaluation
        .results
        .iter()
        .filter(|r| {
            assessment
                .item(&r.criterion_id)
                .is_some_and(|i| i.action.is_some())
        })
        .map(|r| gap_row(catalogue, assessment, r, lang))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

/// One spreadsheet cell (shared with the county roll-up in `review`).
pub(crate) enum Cell {
    Text(String),
    Int(u64),
    /// A decimal number already formatted ("82.5").
    Decimal(String),
    Empty,
}

pub(crate) struct Sheet {
    pub(crate) name: &'static str,
    pub(crate) widths: Vec<u32>,
    pub(crate) rows: Vec<Vec<Cell>>,
    /// 0-based index of the bold header row.
    pub(crate) header: usize,
    /// Freeze the rows above and including the header.
    pub(crate) freeze: bool,
}

/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// XML-escapes text and drops characters XML 1.0 cannot hold.
fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().take(MAX_CELL_CHARS) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn column_name(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const NS_MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Style indexes in styles.xml's cellXfs.
const STYLE_BOLD: u8 = 1;
const STYLE_WRAP: u8 = 2;

fn sheet_xml(sheet: &Sheet) -> String {
    let mut x = String::from(XML_HEAD);
    x.push_str(&format!(
        "<worksheet xmlns=\"{NS_MAIN}\" xmlns:r=\"{NS_REL}\">"
    ));
    if sheet.freeze {
        let top = sheet.header + 2;
        x.push_str(&format!(
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{}\" topLeftCell=\"A{top}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>",
            sheet.header + 1
        ));
    }
    x.push_str("<cols>");
    for (i, w) in sheet.widths.iter().enumerate() {
        x.push_str(&format!(
            "<col min=\"{n}\" max=\"{n}\" width=\"{w}\" customWidth=\"1\"/>",
            n = i + 1
        ));
    }
    x.push_str("</cols><sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        x.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", column_name(c), r + 1);
            let style = if r == sheet.header {
                format!(" s=\"{STYLE_BOLD}\"")
            } else if r > sheet.header {
                format!(" s=\"{STYLE_WRAP}\"")
            } else {
                String::new()
            };
            match cell {
                Cell::Text(t) => x.push_str(&format!(
                    "<c r=\"{reference}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">{}</t></is></c>",
                    xml_text(t)
                )),
                Cell::Int(n) => {
                    x.push_str(&format!("<c r=\"{reference}\"{style}><v>{n}</v></c>"))
                }
                Cell::Decimal(d) => {
                    x.push_str(&format!("<c r=\"{reference}\"{style}><v>{d}</v></c>"))
                }
                Cell::Empty => {}
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"2\">",
    "<font><sz val=\"11\"/><name val=\"等线\"/><charset val=\"134\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"等线\"/><charset val=\"134\"/></font>",
    "</fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"3\">",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">",
    "<alignment vertical=\"top\" wrapText=\"1\"/></xf>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

/// An .xlsx package of `sheets` (a stored ZIP of SpreadsheetML parts).
pub(crate) fn workbook(sheets: &[Sheet], modified: chrono::NaiveDateTime) -> Vec<u8> {
    let mut content_types = String::from(XML_HEAD);
    content_types.push_str(concat!(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    ));
    let mut book = String::from(XML_HEAD);
    book.push_str(&format!(
        "<workbook xmlns=\"{NS_MAIN}\" xmlns:r=\"{NS_REL}\"><sheets>"
    ));
    let mut rels = String::from(XML_HEAD);
    rels.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        content_types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            xml_text(sheet.name)
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{n}\" Type=\"{NS_REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        ));
        parts.push((
            format!("xl/worksheets/sheet{n}.xml"),
            sheet_xml(sheet).into_bytes(),
        ));
    }
    content_types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{NS_REL}/styles\" Target=\"styles.xml\"/></Relationships>",
        sheets.len() + 1
    ));
    let root_rels = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{NS_REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/styles.xml", STYLES.as_bytes()),
    ];
    for (name, data) in &parts {
        files.push((name.as_str(), data.as_slice()));
    }
    stored_zip(&files, modified)
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The workbook: 汇总 (summary per section), 差距清单 (gap list), 整改计划 (action plan), in
/// `lang` (sheet names and headers included).
pub fn export_xlsx(
    catalogue: &Catalogue,
    assessment: &Assessment,
    lang: Lang,
    exported_at: DateTime<FixedOffset>,
) -> Vec<u8> {
    let s = strings(lang);
    let evaluation = evaluate(catalogue, assessment);
    let p = &assessment.profile;

    let mut summary: Vec<Vec<Cell>> = vec![
        vec![text(s.info_centre), text(p.centre_name.clone())],
        vec![text(s.info_county), text(p.county.clone())],
        vec![
            text(s.info_year),
            p.year
                .and_then(|y| u64::try_from(y).ok())
                .map(Cell::Int)
                .unwrap_or(Cell::Empty),
        ],
        vec![text(s.info_catalogue), text(catalogue.title.get(lang))],
        vec![
            text(s.info_exported),
            text(crate::base::dates::ymd_hm(&exported_at)),
        ],
        vec![],
        vec![
            text(s.col_section),
            text(s.col_answered),
            text(s.col_applicable),
            text(s.col_met),
            text(s.col_partly),
            text(s.col_gap),
            text(s.col_needs_correction),
            text(s.col_compliance),
        ],
    ];
    let header = summary.len() - 1;
    for row in summary_rows(catalogue, &evaluation, lang) {
        summary.push(vec![
            text(row.section.clone()),
            Cell::Int(u64::from(row.answered)),
            Cell::Int(u64::from(row.applicable)),
            Cell::Int(u64::from(row.met)),
            Cell::Int(u64::from(row.partly)),
            Cell::Int(u64::from(row.gap)),
            Cell::Int(u64::from(row.needs_correction)),
            match row.compliance_tenths {
                Some(_) => Cell::Decimal(row.compliance_text()),
                None => Cell::Empty,
            },
        ]);
    }

    let mut gaps = vec![vec![
        text(s.col_section),
        text(s.col_id),
        text(s.col_criterion),
        text(s.col_importance),
        text(s.col_verdict),
        text(s.col_explanation),
        text(s.col_source),
    ]];
    for r in gap_rows(catalogue, assessment, &evaluation, lang, false) {
        gaps.push(vec![
            text(r.section),
            text(r.criterion_id),
            text(r.criterion),
            text(r.importance),
            text(r.verdict),
            text(r.explanation),
            text(r.source),
        ]);
    }

    let mut actions = vec![vec![
        text(s.col_id),
        text(s.col_criterion),
        text(s.col_measure),
        text(s.col_owner),
        text(s.col_deadline),
        text(s.col_status),
    ]];
    for r in action_rows(catalogue, assessment, &evaluation, lang) {
        actions.push(vec![
            text(r.criterion_id),
            text(r.criterion),
            text(r.measure),
            text(r.owner),
            text(r.deadline),
            text(r.status),
        ]);
    }

    let sheets = [
        Sheet {
            name: s.sheet_summary,
            widths: vec![30, 10, 10, 10, 10, 10, 10, 14],
            rows: summary,
            header,
            freeze: false,
        },
        Sheet {
            name: s.sheet_gaps,
            widths: vec![16, 14, 36, 10, 12, 60, 40],
            rows: gaps,
            header: 0,
            freeze: true,
        },
        Sheet {
            name: s.sheet_actions,
            widths: vec![14, 36, 40, 12, 12, 10],
            rows: actions,
            header: 0,
            freeze: true,
        },
    ];
    workbook(&sheets, exported_at.naive_local())
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled. A
/// field that Excel would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets
/// a leading `'` so it stays text.
fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The gap list with each gap's action, followed by the other criteria that have an action:
/// UTF-8 with a BOM (so Excel on Chinese Windows reads it as UTF-8), CRLF line ends.
pub fn export_csv(catalogue: &Catalogue, assessment: &Assessment, lang: Lang) -> String {
    let s = strings(lang);
    let evaluation = evaluate(catalogue, assessment);
    let mut out = String::from("\u{FEFF}");
    let header = [
        s.col_section,
        s.col_id,
        s.col_criterion,
        s.col_importance,
        s.col_verdict,
        s.col_explanation,
        s.col_source,
        s.col_measure,
        s.col_owner,
        s.col_deadline,
        s.col_status,
    ];
    let line = |fields: &[&str]| {
        let mut l = fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",");
        l.push_str("\r\n");
        l
    };
    out.push_str(&line(&header));
    for r in gap_rows(catalogue, assessment, &evaluation, lang, true) {
        out.push_str(&line(&[
            &r.section,
            &r.criterion_id,
            &r.criterion,
            &r.importance,
            &r.verdict,
            &r.explanation,
            &r.source,
            &r.measure,
            &r.owner,
            &r.deadline,
            &r.status,
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_per_rfc_4180() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5,x"), "\"'-5,x\"");
    }

    #[test]
    fn xml_text_escapes_and_drops_invalid_characters() {
        assert_eq!(
            xml_text("<script>&\"'\u{1}\u{FFFF}中"),
            "&lt;script&gt;&amp;&quot;&apos;中"
        );
    }

    #[test]
    fn column_names_run_past_z() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
