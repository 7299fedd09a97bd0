//! Compacting an assessment file's JSON for storage.

/// The file's JSON without a byte-order mark or layout whitespace (JSON whitespace outside
/// strings), in one pass over text that the import checks already found to be valid JSON.
pub fn compact_file_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Byte-wise: every byte of a multi-byte UTF-8 character is ≥ 0x80, so it never looks like
    // a quote, a backslash or whitespace, and whole characters are copied.
    let mut out = Vec::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in text.as_bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            continue;
        }
        out.push(b);
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}
