#!/usr/bin/env python3
"""Independent checks of the tool's exported files, with readers that share no code with it.

    exchange_check.py xlsx FILE [--expect EXPECT.json] [--centre NAME] [--min-gaps N]
        Opens FILE with openpyxl: three sheets 汇总 / 差距清单 / 整改计划 (or their English names
        when EXPECT says so), bold header rows, and (with --expect) exactly the expected cells.
    exchange_check.py csv FILE [--rows N]
        UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, the gap-list header, N data rows.
    exchange_check.py schema FILE...
        Validates each assessment file against public/assessment-file.schema.json (jsonschema,
        draft 2020-12, formats checked) and recomputes its digest by the published definition.
    exchange_check.py schema-rejects FILE...
        Each file must FAIL schema validation.

Exits non-zero with a message on the first problem. Missing modules are an error, never a skip:
tools/setup.sh installs them from tests/python-requirements.txt.
"""
import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "public" / "assessment-file.schema.json"

ZH_SHEETS = ["汇总", "差距清单", "整改计划"]
ZH_GAP_HEADER = ["部分", "编号", "条目", "重要性", "结论", "说明", "依据"]
ZH_ACTION_HEADER = ["编号", "条目", "整改措施", "责任人", "完成期限", "进度"]
ZH_SUMMARY_HEADER = ["部分", "已答", "适用", "达标", "部分达标", "未达标", "待更正", "符合度（%）"]
CSV_HEADER = ["部分", "编号", "条目", "重要性", "结论", "说明", "依据", "整改措施", "责任人", "完成期限", "进度"]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def cells(ws):
    """Rows as lists with trailing empty cells dropped and None as ""."""
    rows = []
    for row in ws.iter_rows(values_only=True):
        values = ["" if v is None else v for v in row]
        while values and values[-1] == "":
            values.pop()
        rows.append(values)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def check_xlsx(args):
    import openpyxl

    wb = openpyxl.load_workbook(args.file)
    expect = json.loads(Path(args.expect).read_text(encoding="utf-8")) if args.expect else None
    names = [s["name"] for s in expect["sheets"]] if expect else ZH_SHEETS
    if wb.sheetnames != names:
        fail(f"sheet names {wb.sheetnames}, expected {names}")
    if expect:
        for sheet in expect["sheets"]:
            ws = wb[sheet["name"]]
            got = cells(ws)
            want = [list(r) for r in sheet["rows"]]
            for want_row in want:
                while want_row and want_row[-1] in ("", None):
                    want_row.pop()
                for i, v in enumerate(want_row):
                    if v is None:
                        want_row[i] = ""
            if got != want:
                for i, (g, w) in enumerate(zip(got, want)):
                    if g != w:
                        fail(f"{sheet['name']} row {i + 1}: got {g!r}, expected {w!r}")
                fail(f"{sheet['name']}: {len(got)} rows, expected {len(want)}")
            bold_row = sheet["bold_row"]
            for cell in ws[bold_row]:
                if cell.value is not None and not cell.font.b:
                    fail(f"{sheet['name']}!{cell.coordinate} is a header but not bold")
            for cell in ws[bold_row + 1] if ws.max_row > bold_row else []:
                if cell.font.b:
                    fail(f"{sheet['name']}!{cell.coordinate} is data but bold")
    else:
        summary, gaps, actions = (wb[n] for n in ZH_SHEETS)
        header_row = next((r for r in cells(summary) if r[:1] == ["部分"]), None)
        if header_row != ZH_SUMMARY_HEADER:
            fail(f"汇总 header {header_row}")
        if cells(gaps)[0] != ZH_GAP_HEADER:
            fail(f"差距清单 header {cells(gaps)[0]}")
        if cells(actions)[0] != ZH_ACTION_HEADER:
            fail(f"整改计划 header {cells(actions)[0]}")
        if not all(c.font.b for c in gaps[1] if c.value is not None):
            fail("差距清单 header is not bold")
        if args.min_gaps is not None and len(cells(gaps)) - 1 < args.min_gaps:
            fail(f"差距清单 has {len(cells(gaps)) - 1} rows, expected at least {args.min_gaps}")
    if args.centre is not None:
        got = wb[names[0]]["B1"].value
        if got != args.centre:
            fail(f"centre name {got!r}, expected {args.centre!r}")
    print(f"xlsx ok: {', '.join(wb.sheetnames)}")


def check_csv(args):
    raw = Path(args.file).read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("no UTF-8 BOM")
    text = raw.decode("utf-8-sig")
    if text.replace("\r\n", "").count("\n") or text.replace("\r\n", "").count("\r"):
        # Bare line ends may only occur inside quoted fields.
        outside = []
        quoted = False
        for i, ch in enumerate(text):
            if ch == '"':
                quoted = not quoted
            elif ch in "\r\n" and not quoted and text[i:i + 2] != "\r\n" and text[i - 1:i + 1] != "\r\n":
                outside.append(i)
        if outside:
            fail(f"bare line ends outside quotes at {outside[:5]}")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if rows[0] != CSV_HEADER:
        fail(f"header {rows[0]}")
    if any(len(r) != len(CSV_HEADER) for r in rows):
        fail("rows with the wrong number of fields")
    if args.rows is not None and len(rows) - 1 != args.rows:
        fail(f"{len(rows) - 1} data rows, expected {args.rows}")
    print(f"csv ok: {len(rows) - 1} rows")


def canonical_digest(content):
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check_schema(args):
    v = validator()
    for name in args.files:
        doc = json.loads(Path(name).read_text(encoding="utf-8"))
        errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            fail(f"{name}: {errors[0].message} at {list(errors[0].path)}")
        if canonical_digest(doc["content"]) != doc["digest"]:
            fail(f"{name}: digest {doc['digest']} does not match the canonical content")
        print(f"{Path(name).name}: schema ok, digest ok")


def check_schema_rejects(args):
    v = validator()
    for name in args.files:
        doc = json.loads(Path(name).read_text(encoding="utf-8"))
        if v.is_valid(doc):
            fail(f"{name}: accepted by the schema, but the tool refuses it")
        print(f"{Path(name).name}: rejected as expected")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("xlsx")
    p.add_argument("file")
    p.add_argument("--expect")
    p.add_argument("--centre")
    p.add_argument("--min-gaps", type=int)
    p.set_defaults(run=check_xlsx)
    p = sub.add_parser("csv")
    p.add_argument("file")
    p.add_argument("--rows", type=int)
    p.set_defaults(run=check_csv)
    p = sub.add_parser("schema")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=check_schema)
    p = sub.add_parser("schema-rejects")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=check_schema_rejects)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
