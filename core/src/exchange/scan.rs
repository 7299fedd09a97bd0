//! Checks on the raw bytes before any JSON parser runs: what kind of file this is (magic
//! bytes), its encoding (UTF-8, with a BOM tolerated; UTF-16 and GBK recognised), and a
//! structural pass over the JSON text that refuses deep nesting and duplicate object keys,
//! which serde would otherwise recurse into or silently collapse.

use super::errors::{FileKind, ImportError};
use std::collections::BTreeSet;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes the bytes of a file to text, or says what else they are. Strips a UTF-8 BOM
/// (common from Windows editors); the flag says whether there was one.
pub(super) fn decode_text(bytes: &[u8]) -> Result<(&str, bool), ImportError> {
    if bytes.len() > super::format::MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let (body, had_bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    if let Some(kind) = sniff(body) {
        return Err(ImportError::WrongFileType { kind });
    }
    if body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF") || looks_like_utf16(body) {
        return Err(ImportError::Utf16);
    }
    if body.contains(&0) {
        return Err(ImportError::WrongFileType {
            kind: FileKind::Binary,
        });
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text, had_bom)),
        Err(_) if looks_like_gbk(body) => Err(ImportError::GbkEncoded),
        Err(e) => Err(ImportError::NotUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Recognises common non-text files by their first bytes.
fn sniff(b: &[u8]) -> Option<FileKind> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if b.starts_with(b"\xFF\xD8\xFF") {
        Some(FileKind::Jpeg)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some(FileKind::Gif)
    } else if b.len() >= 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        Some(FileKind::Webp)
    } else if b.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        // Entry names are stored uncompressed in the local headers and the central directory.
        if contains(b, b"word/") {
            Some(FileKind::Word)
        } else if contains(b, b"xl/") {
            Some(FileKind::Excel)
        } else {
            Some(FileKind::Zip)
        }
    } else if b.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(FileKind::OldOffice)
    } else if b.starts_with(b"Rar!\x1A\x07")
        || b.starts_with(b"7z\xBC\xAF\x27\x1C")
        || b.starts_with(b"\x1F\x8B")
    {
        Some(FileKind::Archive)
    } else {
        None
    }
}

/// UTF-16 without a BOM: JSON starts with ASCII, so every other byte of the start is zero.
fn looks_like_utf16(b: &[u8]) -> bool {
    let head = &b[..b.len().min(64)];
    if head.len() < 4 {
        return false;
    }
    let zeros_even = head.iter().step_by(2).filter(|&&x| x == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|&&x| x == 0).count();
    let half = head.len() / 2;
    zeros_even * 4 >= half * 3 || zeros_odd * 4 >= half * 3
}

/// Invalid UTF-8 whose non-ASCII bytes (nearly) all pair up as GBK double-byte characters:
/// a lead byte 0x81–0xFE followed by a trail byte 0x40–0x7E or 0x80–0xFE.
pub(super) fn looks_like_gbk(b: &[u8]) -> bool {
    let mut pairs = 0usize;
    let mut stray = 0usize;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        let trail = b.get(i + 1).copied();
        let lead_ok = (0x81..=0xFE).contains(&x);
        let trail_ok =
            matches!(trail, Some(t) if (0x40..=0x7E).contains(&t) || (0x80..=0xFE).contains(&t));
        if lead_ok && trail_ok {
            pairs += 1;
            i += 2;
        } else {
            stray += 1;
            i += 1;
        }
    }
    pairs > 0 && stray * 20 <= pairs
}

/// Something the structural pass refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ScanProblem {
    TooDeep { line: usize, column: usize },
    DuplicateKey { key: String, path: String },
}

enum Segment {
    Root,
    Key(String),
    Index(usize),
}

enum Frame {
    Object {
        keys: BTreeSet<String>,
        expect_key: bool,
        /// The key whose value is being read (for paths).
        current: Option<String>,
    },
    Array {
        index: usize,
    },
}

/// Walks the JSON text once, tracking nesting and the keys of every open object. Stops quietly
/// at the first syntax error (the parser reports it, with its position); reports nesting
/// deeper than `max_depth` or a key repeated within one object. Iterative: never recurses.
pub(super) fn scan(text: &str, max_depth: usize) -> Result<(), ScanProblem> {
    let bytes = text.as_bytes();
    let mut stack: Vec<(Frame, Segment)> = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let mut line_start = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            b'{' | b'[' => {
                let segment = match stack.last() {
                    None => Segment::Root,
                    Some((Frame::Object { current, .. }, _)) => {
                        Segment::Key(current.clone().unwrap_or_default())
                    }
                    Some((Frame::Array { index }, _)) => Segment::Index(*index),
                };
                if stack.len() >= max_depth {
                    let column = text[line_start..i].chars().count() + 1;
                    return Err(ScanProblem::TooDeep { line, column });
                }
                let frame = if c == b'{' {
                    Frame::Object {
                        keys: BTreeSet::new(),
                        expect_key: true,
                        current: None,
                    }
                } else {
                    Frame::Array { index: 0 }
                };
                stack.push((frame, segment));
                i += 1;
            }
            b'}' | b']' => {
                let matches = matches!(
                    (c, stack.last()),
                    (b'}', Some((Frame::Object { .. }, _)))
                        | (b']', Some((Frame::Array { .. }, _)))
                );
                if !matches {
                    return Ok(());
                }
                stack.pop();
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some((Frame::Object { expect_key, .. }, _)) => *expect_key = true,
                    Some((Frame::Array { index }, _)) => *index += 1,
                    None => return Ok(()),
                }
                i += 1;
            }
            b'"' => {
                let Some((s, end)) = read_string(bytes, i) else {
                    return Ok(());
                };
                i = end;
                if let Some((
                    Frame::Object {
                        keys,
                        expect_key,
                        current,
                    },
                    _,
                )) = stack.last_mut()
                {
                    if *expect_key {
                        *expect_key = false;
                        if keys.contains(&s) {
                            let path = path_of(&stack);
                            return Err(ScanProblem::DuplicateKey { key: s, path });
                        }
                        keys.insert(s.clone());
                        *current = Some(s);
                    }
                }
            }
            _ => i += 1,
        }
    }
    Ok(())
}

fn path_of(stack: &[(Frame, Segment)]) -> String {
    let mut out = String::new();
    for (_, segment) in stack {
        match segment {
            Segment::Root => {}
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(n) => out.push_str(&format!("[{n}]")),
        }
    }
    if out.is_empty() {
        "（顶层 / top level）".to_string()
    } else {
        out
    }
}

/// Reads the JSON string starting at the quote at `start`; returns its decoded text and the
/// index after the closing quote, or `None` if it is not a valid string.
fn read_string(bytes: &[u8], start: usize) -> Option<(String, usize)> {
    let mut out: Vec<u8> = Vec::new();
    let mut i = start + 1;
    loop {
        let c = *bytes.get(i)?;
        match c {
            b'"' => return Some((String::from_utf8(out).ok()?, i + 1)),
            b'\\' => {
                let e = *bytes.get(i + 1)?;
                i += 2;
                let ch = match e {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    b'u' => {
                        let hi = hex4(bytes, i)?;
                        i += 4;
                        if (0xD800..0xDC00).contains(&hi) {
                            if bytes.get(i) != Some(&b'\\') || bytes.get(i + 1) != Some(&b'u') {
                                return None;
                            }
                            let lo = hex4(bytes, i + 2)?;
                            if !(0xDC00..0xE000).contains(&lo) {
                                return None;
                            }
                            i += 6;
                            char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                        } else {
                            char::from_u32(hi)?
                        }
                    }
                    _ => return None,
                };
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            0x00..=0x1F => return None,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let s = bytes.get(at..at + 4)?;
    let s = std::str::from_utf8(s).ok()?;
    u32::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_even_when_escaped_differently() {
        assert_eq!(
            scan(r#"{"a": {"x": 1, "\u0078": 2}}"#, 10),
            Err(ScanProblem::DuplicateKey {
                key: "x".into(),
                path: "a".into()
            })
        );
        assert_eq!(scan(r#"{"a": [{"x": 1}, {"x": 2}]}"#, 10), Ok(()));
        assert_eq!(
            scan(r#"{"a": [{"x": 1}, {"y": 2, "y": 3}]}"#, 10),
            Err(ScanProblem::DuplicateKey {
                key: "y".into(),
                path: "a[1]".into()
            })
        );
    }

    #[test]
    fn depth_is_limited_before_parsing() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            scan(&deep, 64),
            Err(ScanProblem::TooDeep {
                line: 1,
                column: 65
            })
        );
        assert_eq!(
            scan(&format!("{}{}", "[".repeat(64), "]".repeat(64)), 64),
            Ok(())
        );
    }

    #[test]
    fn strings_with_brackets_do_not_count() {
        assert_eq!(scan(r#"{"a": "[[[{{{\"", "b": "}}]]"}"#, 2), Ok(()));
    }

    #[test]
    fn gbk_bytes_are_recognised() {
        // "青山镇卫生院" in GBK.
        let gbk = b"{\"centre_name\": \"\xc7\xe0\xc9\xbd\xd5\xf2\xce\xc0\xc9\xfa\xd4\xba\"}";
        assert!(looks_like_gbk(gbk));
        // Latin-1 "café" is not GBK.
        assert!(!looks_like_gbk(b"caf\xe9 au lait"));
    }
}
