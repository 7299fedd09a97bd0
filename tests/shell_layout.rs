//! The browser shell's layout, machine-checked: `platform/` (the adapters to the browser) never
//! uses `ui/` (the components), and a component uses another component's module only for its
//! components and types (CamelCase), never for a helper function: shared helpers live in
//! `ui/common.rs` or `platform/`. Runs natively; it reads the sources.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src(sub: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")).join(sub)
}

/// Lines of code, without `//` comments.
fn code_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => l[..i].to_string(),
            None => l.to_string(),
        })
        .collect()
}

/// `ui::<module>::<item>` references in a line (from `crate::ui::` or `super::`), with the
/// names of a grouped import spelled out.
fn ui_items(line: &str, in_subfolder: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let prefixes: &[&str] = if in_subfolder {
        &["crate::ui::"]
    } else {
        &["crate::ui::", "super::"]
    };
    for prefix in prefixes {
        let mut rest = line;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let module: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = &rest[module.len()..];
            let Some(items) = after.strip_prefix("::") else {
                continue;
            };
            let names: Vec<String> = if let Some(group) = items.strip_prefix('{') {
                group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect()
            } else {
                vec![items
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()]
            };
            for n in names {
                out.push((module.clone(), n));
            }
        }
    }
    out
}

#[test]
fn platform_never_uses_the_components() {
    let mut files = Vec::new();
    rust_files(&src("platform"), &mut files);
    assert!(!files.is_empty());
    for f in files {
        for line in code_lines(&f) {
            assert!(
                !line.contains("crate::ui"),
                "{} uses the components: {line}",
                f.display()
            );
        }
    }
}

#[test]
fn components_share_only_components_types_and_common_helpers() {
    let mut files = Vec::new();
    rust_files(&src("ui"), &mut files);
    let mut wrong = Vec::new();
    for f in &files {
        // Files of a component folder (ui/review/…) may share their folder's helpers; its
        // mod.rs's `super` is ui/ itself.
        let in_subfolder =
            f.parent() != Some(src("ui").as_path()) && f.file_name().is_some_and(|n| n != "mod.rs");
        for line in code_lines(f) {
            for (module, item) in ui_items(&line, in_subfolder) {
                let allowed = module == "common"
                    || item == "self"
                    || item.chars().next().is_some_and(|c| c.is_ascii_uppercase());
                if !allowed {
                    wrong.push(format!("{}: ui::{module}::{item}", f.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a component's helper used by another component (move it to ui/common.rs or platform/):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_a_borrowed_helper() {
    assert_eq!(
        ui_items("use super::editor::{text, EditorHeader};", false),
        vec![
            ("editor".to_string(), "text".to_string()),
            ("editor".to_string(), "EditorHeader".to_string())
        ]
    );
    assert_eq!(
        ui_items("let x = crate::ui::home::navigate(&r);", true),
        vec![("home".to_string(), "navigate".to_string())]
    );
}
