//! Writing JSON values: the canonical serialisation the digest covers (see the module docs of
//! [`crate::exchange`] for its definition), the digest itself, and the indented layout of an
//! exported file.
//!
//! Both writers work on `serde_json::Value` and order object keys themselves, so neither depends
//! on serde_json's `preserve_order` feature.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// Compact JSON with object keys sorted by Unicode code point.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out, None, &|_| usize::MAX);
    out
}

/// `"sha256:<hex>"` of the canonical serialisation of `content`.
pub fn content_digest(content: &Value) -> String {
    let hash = Sha256::digest(canonical_json(content).as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in hash.iter() {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A key's place in the order a person reads an exported file (`keys::IN_READING_ORDER`);
/// other keys follow in code point order.
fn reading_rank(key: &str) -> usize {
    super::keys::IN_READING_ORDER
        .iter()
        .flat_map(|keys| keys.iter())
        .position(|k| *k == key)
        .unwrap_or(usize::MAX)
}

/// Two-space indented JSON with the keys of the file format in reading order, ending in a
/// newline: the layout of an exported file. (Layout does not affect the digest.)
pub(super) fn pretty_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out, Some(0), &reading_rank);
    out.push('\n');
    out
}

fn write_string(s: &str, out: &mut String) {
    // serde_json's string escaping: `"`, `\` and control characters only.
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string()));
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(n) = indent {
        out.push('\n');
        for _ in 0..n {
            out.push_str("  ");
        }
    }
}

/// Entries ordered by (rank, code point). Insertion sort: serde_json's map is already in code
/// point order, so for the canonical form this is a single pass.
fn ordered<'a>(
    map: &'a Map<String, Value>,
    rank: &dyn Fn(&str) -> usize,
) -> Vec<(&'a String, &'a Value)> {
    let mut entries: Vec<(usize, &String, &Value)> =
        map.iter().map(|(k, v)| (rank(k), k, v)).collect();
    for i in 1..entries.len() {
        let mut j = i;
        while j > 0
            && (entries[j - 1].0, entries[j - 1].1.as_bytes())
                > (entries[j].0, entries[j].1.as_bytes())
        {
            entries.swap(j - 1, j);
            j -= 1;
        }
    }
    entries.into_iter().map(|(_, k, v)| (k, v)).collect()
}

/// Writes `value`; `indent` is `None` for compact output, or the current depth.
fn write_value(
    value: &Value,
    out: &mut String,
    indent: Option<usize>,
    rank: &dyn Fn(&str) -> usize,
) {
    let inner = indent.map(|n| n + 1);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_value(item, out, inner, rank);
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in ordered(map, rank).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_string(k, out);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(v, out, inner, rank);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_and_whitespace_dropped() {
        let v: Value = serde_json::from_str(
            r#"{ "b": [1, {"z": null, "a": true}], "a": "中\n", "c": {}, "d": [] }"#,
        )
        .unwrap();
        assert_eq!(
            canonical_json(&v),
            "{\"a\":\"中\\n\",\"b\":[1,{\"a\":true,\"z\":null}],\"c\":{},\"d\":[]}"
        );
    }

    #[test]
    fn the_pretty_layout_puts_the_format_first() {
        let v = serde_json::json!({"content": {"z": 1, "assessment": [], "exported_at": "t"}, "digest": "d", "format": "f"});
        assert_eq!(
            pretty_json(&v),
            "{\n  \"format\": \"f\",\n  \"digest\": \"d\",\n  \"content\": {\n    \"exported_at\": \"t\",\n    \"assessment\": [],\n    \"z\": 1\n  }\n}\n"
        );
        // Same layout as serde_json's pretty printer apart from key order.
        let plain = serde_json::json!({"a": [1, {"b": null}], "c": "x"});
        assert_eq!(
            pretty_json(&plain),
            serde_json::to_string_pretty(&plain).unwrap() + "\n"
        );
    }

    #[test]
    fn digest_of_empty_object_is_sha256_of_braces() {
        // sha256("{}")
        assert_eq!(
            content_digest(&serde_json::json!({})),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
    }
}
