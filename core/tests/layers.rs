//! The core's architecture, machine-checked (as rust-analyzer's tidy tests do): every module
//! folder is a layer, and a file may use only its own layer or the layers below. Inside a
//! folder, files name each other directly (`super::rollup::X`), never through the folder's
//! `mod.rs`, and no two files import each other, directly or around a loop.
//!
//! Reads every `crate::…` and `super::…` path in `core/src` (comments excluded), so a new
//! import that points up a layer, sideways into a sibling layer, or closes a cycle fails here
//! with the file and the path named.

// A test may stop at the first surprise, and its sorts do not ship.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, bottom first. Folders of one rank are siblings: neither may use the other.
const LAYERS: &[(&str, u32)] = &[
    ("base", 0),
    ("i18n", 1),
    ("catalogue", 2),
    ("assessment", 3),
    ("evaluation", 4),
    ("present", 5),
    ("exchange", 6),
    ("store", 6),
    ("county", 7),
    ("workflow", 8),
];

fn src() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

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

/// `county/rollup.rs` → `["county", "rollup"]`; `county/mod.rs` → `["county"]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments (line comments and doc comments; block comments are not
/// used in this crate) and without string literals' contents, so prose never counts as a path.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                    out.push('"');
                }
            } else if c == '"' {
                in_string = true;
                out.push('"');
            } else if c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            } else {
                out.push(c);
            }
            i += 1;
        }
        out.push('\n');
    }
    out
}

/// Every path the code names from `crate::` or `super::`, resolved to absolute module
/// segments (items included: `["county", "rollup", "Rollup"]`). Grouped imports
/// (`use crate::{a::b, c}`) count each member.
fn paths_in(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < bytes.len() {
        let starts = |s: &str| bytes[i..].iter().take(s.len()).copied().eq(s.chars());
        let boundary = i == 0 || !(word(bytes[i - 1]) || bytes[i - 1] == ':');
        let (root, len): (Vec<String>, usize) = if boundary && starts("crate::") {
            (Vec::new(), 7)
        } else if boundary && starts("super::") {
            // The module path drops `mod`, so `super` is one segment up either way: of
            // county/mod.rs (`county`) the crate root, of county/rollup.rs its folder.
            let base = module[..module.len().saturating_sub(1)].to_vec();
            (base, 7)
        } else {
            i += 1;
            continue;
        };
        i += len;
        let mut tails = Vec::new();
        read_tree(&bytes, &mut i, Vec::new(), &mut tails);
        for tail in tails {
            let mut full = root.clone();
            full.extend(tail);
            found.push(full);
        }
    }
    found
}

/// Reads `a::b::{c, d::e}` from `chars[*i..]` into full segment lists.
fn read_tree(chars: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut path = prefix;
    loop {
        while *i < chars.len() && chars[*i] == ' ' {
            *i += 1;
        }
        if *i < chars.len() && chars[*i] == '{' {
            *i += 1;
            loop {
                while *i < chars.len() && (chars[*i].is_whitespace() || chars[*i] == ',') {
                    *i += 1;
                }
                if *i >= chars.len() || chars[*i] == '}' {
                    *i += 1;
                    return;
                }
                read_tree(chars, i, path.clone(), out);
            }
        }
        let start = *i;
        while *i < chars.len() && word(chars[*i]) {
            *i += 1;
        }
        if start == *i {
            if !path.is_empty() {
                out.push(path);
            }
            return;
        }
        let segment: String = chars[start..*i].iter().collect();
        if segment != "self" {
            path.push(segment);
        }
        if chars.get(*i) == Some(&':') && chars.get(*i + 1) == Some(&':') {
            *i += 2;
        } else {
            // `as x`, `;`, `,`, `(` …: the path ends here.
            out.push(path);
            return;
        }
    }
}

fn rank(top: &str) -> Option<u32> {
    LAYERS.iter().find(|(n, _)| *n == top).map(|(_, r)| *r)
}

struct Crate {
    /// Module path → file.
    modules: BTreeMap<Vec<String>, PathBuf>,
    /// File → the absolute paths it names.
    uses: BTreeMap<PathBuf, Vec<Vec<String>>>,
}

fn read_crate() -> Crate {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut modules = BTreeMap::new();
    let mut uses = BTreeMap::new();
    for f in files {
        let module = module_of(&f);
        let text = std::fs::read_to_string(&f).unwrap();
        uses.insert(f.clone(), paths_in(&code_of(&text), &module));
        modules.insert(module, f);
    }
    Crate { modules, uses }
}

impl Crate {
    /// The file that defines the longest module prefix of `path`.
    fn file_of(&self, path: &[String]) -> Option<(&Vec<String>, &PathBuf)> {
        (1..=path.len())
            .rev()
            .find_map(|n| self.modules.get_key_value(&path[..n]))
    }

    fn name(&self, f: &Path) -> String {
        f.strip_prefix(src()).unwrap().display().to_string()
    }
}

#[test]
fn every_top_level_folder_is_a_named_layer() {
    let c = read_crate();
    let tops: BTreeSet<&String> = c.modules.keys().filter_map(|m| m.first()).collect();
    for top in tops {
        assert!(
            rank(top).is_some(),
            "core/src/{top} is not in LAYERS (core/tests/layers.rs): give it a rank"
        );
    }
}

#[test]
fn no_module_uses_a_layer_above_it_or_a_sibling_layer() {
    let c = read_crate();
    let mut wrong = Vec::new();
    for (file, paths) in &c.uses {
        let module = module_of(file);
        let Some(own) = module.first() else { continue }; // lib.rs declares the layers
        let own_rank = rank(own).unwrap();
        for p in paths {
            let Some(target) = p.first() else { continue };
            if target == own {
                continue;
            }
            match rank(target) {
                Some(r) if r < own_rank => {}
                Some(r) if r == own_rank => wrong.push(format!(
                    "{} uses crate::{} (a sibling layer)",
                    c.name(file),
                    p.join("::")
                )),
                Some(_) => wrong.push(format!(
                    "{} uses crate::{} (a layer above)",
                    c.name(file),
                    p.join("::")
                )),
                None => wrong.push(format!(
                    "{} uses crate::{} (not a layer)",
                    c.name(file),
                    p.join("::")
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that break the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn files_in_a_folder_name_each_other_not_the_folders_front_door() {
    let c = read_crate();
    let mut wrong = Vec::new();
    for (file, paths) in &c.uses {
        let module = module_of(file);
        for p in paths {
            let Some((target_module, target_file)) = c.file_of(p) else {
                continue;
            };
            // An ancestor's mod.rs, named from inside its own folder.
            if target_file != file
                && target_module.len() < module.len()
                && module.starts_with(target_module)
                && target_file.file_name().is_some_and(|n| n == "mod.rs")
            {
                wrong.push(format!(
                    "{} uses crate::{} through {}: name the file that defines it",
                    c.name(file),
                    p.join("::"),
                    c.name(target_file)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_two_files_import_each_other_directly_or_around_a_loop() {
    let c = read_crate();
    let mut edges: BTreeMap<&PathBuf, BTreeSet<&PathBuf>> = BTreeMap::new();
    for (file, paths) in &c.uses {
        let module = module_of(file);
        for p in paths {
            if let Some((target_module, target)) = c.file_of(p) {
                // A folder's mod.rs declaring and re-exporting its own files is not a use.
                let own_child = target_module.len() > module.len()
                    && target_module.starts_with(&module)
                    && file
                        .file_name()
                        .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
                if target != file && !own_child {
                    edges.entry(file).or_default().insert(target);
                }
            }
        }
    }
    // Depth-first search for a back edge; report the loop it closes.
    fn visit<'a>(
        n: &'a PathBuf,
        edges: &BTreeMap<&'a PathBuf, BTreeSet<&'a PathBuf>>,
        stack: &mut Vec<&'a PathBuf>,
        done: &mut BTreeSet<&'a PathBuf>,
    ) -> Option<Vec<&'a PathBuf>> {
        if let Some(at) = stack.iter().position(|s| *s == n) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(n);
            return Some(cycle);
        }
        if !done.insert(n) {
            return None;
        }
        stack.push(n);
        for next in edges.get(n).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for start in edges.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(start, &edges, &mut stack, &mut done) {
            let names: Vec<String> = cycle.iter().map(|f| c.name(f)).collect();
            panic!("import cycle: {}", names.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_the_imports_it_must_see() {
    // A check that cannot fail is no check: the parser must find grouped, nested, `super` and
    // inline paths, and must not see paths in comments or strings.
    let code = code_of(
        "use crate::{base::exact::Fraction, catalogue::{Lang, Text}};\n\
         use super::rollup::Rollup; // crate::workflow in a comment\n\
         let x = crate::county::compare(a);\n\
         let s = \"crate::store in a string\";\n",
    );
    let module = vec!["county".to_string(), "across".to_string()];
    let found = paths_in(&code, &module);
    let joined: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        vec![
            "base::exact::Fraction",
            "catalogue::Lang",
            "catalogue::Text",
            "county::rollup::Rollup",
            "county::compare",
        ]
    );
}
