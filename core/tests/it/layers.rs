//! The crate's modules form layers: each uses only those below it (no import cycles), from the
//! bottom: diagnostics < model < validate < score < io < events < render < report (io above
//! score: the Mermaid export follows the chain's most likely journey), and within a module, its files
//! import each other without cycles. Read from the sources, so a new `use` that closes a cycle
//! fails here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: &[&str] = &[
    "diagnostics",
    "model",
    "validate",
    "score",
    "io",
    "events",
    "render",
    "report",
];

/// Every `.rs` file below `dir`, as (module path, text): `score/chain/mod.rs` → `score::chain`.
fn sources(dir: &Path) -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(dir).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|l| l == "mod") {
                parts.pop();
            }
            // Test modules may reach anywhere.
            let text = std::fs::read_to_string(&p).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap();
            // Comments (doc links included) are not dependencies.
            let text: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            (parts.join("::"), text)
        })
        .collect()
}

/// The modules of the crate a file refers to: `crate::a::b` paths and `super::` paths, resolved
/// against the file's own module path.
fn references(module: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut resolve = |path: Vec<String>| {
        // The longest known module prefix of the path.
        for n in (1..=path.len()).rev() {
            let candidate = path[..n].join("::");
            if known.contains(&candidate) {
                out.insert(candidate);
                return;
            }
        }
    };
    // `use a::{\n    b,\n    c,\n};` → `use a::{b,c,};`, so that a group is one word.
    let mut joined = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
            let after = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(before, Some('{' | ',')) || matches!(after, Some('}')) {
                continue;
            }
        }
        joined.push(c);
    }
    let words: Vec<&str> = joined
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{' || c == ','))
        .collect();
    let parent: Vec<String> = {
        let mut p: Vec<String> = module.split("::").map(str::to_owned).collect();
        p.pop();
        p
    };
    for w in words {
        let (base, rest) = if let Some(rest) = w.strip_prefix("crate::") {
            (Vec::new(), rest)
        } else if let Some(rest) = w.strip_prefix("super::") {
            (parent.clone(), rest)
        } else {
            continue;
        };
        // `a::{b, c::d}` → `a::b`, `a::c::d`.
        let (head, group) = match rest.split_once('{') {
            Some((h, g)) => (h.trim_end_matches("::"), Some(g)),
            None => (rest, None),
        };
        let mut path = base.clone();
        path.extend(
            head.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        match group {
            Some(g) => {
                for item in g.split(',').filter(|s| !s.is_empty()) {
                    let mut p = path.clone();
                    p.extend(
                        item.split("::")
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                    );
                    resolve(p);
                }
            }
            None => resolve(path),
        }
    }
    out.remove(module);
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources(&common::root().join("core/src"));
    let known: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    files
        .iter()
        .map(|(m, text)| (m.clone(), references(m, text, &known)))
        .collect()
}

#[test]
fn top_level_modules_use_only_lower_layers() {
    for (module, refs) in graph() {
        let Some(top) = module.split("::").next() else {
            continue;
        };
        let Some(rank) = LAYERS.iter().position(|l| *l == top) else {
            continue;
        };
        for r in refs {
            let other = r.split("::").next().unwrap();
            if let Some(other_rank) = LAYERS.iter().position(|l| *l == other) {
                assert!(
                    other_rank <= rank,
                    "{module} uses {r}: {top} is below {other} in {LAYERS:?}"
                );
            }
        }
    }
}

#[test]
fn no_import_cycles_between_files() {
    let g = graph();
    // Depth-first search for a back edge.
    fn visit<'a>(
        g: &'a BTreeMap<String, BTreeSet<String>>,
        m: &'a str,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| *s == m) {
            panic!("import cycle: {} -> {m}", stack[at..].join(" -> "));
        }
        stack.push(m);
        for r in g.get(m).into_iter().flatten() {
            // A file may use its own submodules (a module and its children are one unit).
            if r.starts_with(&format!("{m}::")) || m.starts_with(&format!("{r}::")) {
                continue;
            }
            visit(g, r, stack, done);
        }
        stack.pop();
        done.insert(m);
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        visit(&g, m, &mut Vec::new(), &mut done);
    }
    assert!(g.len() > 30, "only {} modules found", g.len());
}
