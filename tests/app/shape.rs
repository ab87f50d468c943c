//! The modules of the game's crate (`src`: the app, the phones' server, the command line) and of
//! the core (`core/src`) do not use each other in a circle: read from the sources, at every depth (a module
//! counts with its children, so `a::x` using `b` and `b` using `a` is a circle between `a` and `b`).
//! A child using its parent, or a parent its child, is not a circle between siblings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Every `.rs` file under `dir`, with its module path (`screens/round/mod.rs` → `screens::round`;
/// `mod.rs` or `lib.rs` at the top is the folder's own module).
fn modules(dir: &Path) -> Vec<(Module, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read the sources").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(dir).unwrap().with_extension("");
                let mut m: Module = rel
                    .iter()
                    .map(|c| c.to_string_lossy().into_owned())
                    .collect();
                if m.last().is_some_and(|l| l == "mod") || m == ["lib"] {
                    m.pop();
                }
                out.push((m, path));
            }
        }
    }
    out
}

/// The source without its tests and comments.
fn code(path: &Path) -> String {
    let src = std::fs::read_to_string(path).expect("read a source file");
    let src = src.split("#[cfg(test)]").next().unwrap_or_default();
    src.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        return vec![path.to_string()];
    };
    let (head, inner) = (&path[..open], &path[open + 1..path.len() - 1]);
    let (mut parts, mut depth, mut cur) = (Vec::new(), 0, String::new());
    for ch in inner.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    parts.push(cur);
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&format!("{head}{}", p.trim())))
        .collect()
}

/// The paths a module's code names: its `use` items and the paths written in full.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let end = rest.find(';').unwrap_or(rest.len());
        let item: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
        out.extend(expand(&item));
    }
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    for token in code.split(|c: char| !word(c)) {
        if token.contains("::") {
            out.push(token.trim_end_matches(':').to_string());
        }
    }
    out
}

/// The module of the folder a path names (the longest prefix that is a module), from `from`.
/// `prefix`: the folder's path in its crate (`["app"]` for `crate::app`, empty for the crate root).
fn target(path: &str, from: &Module, known: &BTreeSet<Module>, prefix: &[&str]) -> Option<Module> {
    let mut segs = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut base: Module = match segs.peek().copied() {
        Some("crate") => {
            segs.next();
            if prefix.iter().any(|p| segs.next() != Some(p)) {
                return None;
            }
            Vec::new()
        }
        // `super::`, `self::`, or a child named without `self::`.
        _ => from.clone(),
    };
    while let Some(&s) = segs.peek() {
        match s {
            "super" => drop(base.pop()),
            "self" => {}
            _ => break,
        }
        segs.next();
    }
    let mut found = None;
    for s in segs {
        base.push(s.to_string());
        if !known.contains(&base) {
            break;
        }
        found = Some(base.clone());
    }
    found
}

/// Every circle among sibling modules of the folder `dir`, whose path in its crate is `prefix`
/// (`crate::app` → `["app"]`): (the parent, the siblings in the circle).
fn circles(dir: &Path, prefix: &[&str]) -> Vec<(String, Vec<String>)> {
    let mods = modules(dir);
    let known: BTreeSet<Module> = mods.iter().map(|(m, _)| m.clone()).collect();
    // parent → sibling → siblings it uses
    let mut edges: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (m, path) in &mods {
        for p in paths(&code(path)) {
            let Some(t) = target(&p, m, &known, prefix) else {
                continue;
            };
            let k = m.iter().zip(&t).take_while(|(a, b)| a == b).count();
            if k < m.len() && k < t.len() {
                let level = edges.entry(m[..k].to_vec()).or_default();
                level.entry(m[k].clone()).or_default().insert(t[k].clone());
            }
        }
    }
    let mut out = Vec::new();
    for (parent, level) in &edges {
        for start in level.keys() {
            if let Some(circle) = circle_from(start, level) {
                let path: Vec<&str> = prefix
                    .iter()
                    .copied()
                    .chain(parent.iter().map(String::as_str))
                    .collect();
                let name = if path.is_empty() {
                    "crate".into()
                } else {
                    path.join("::")
                };
                out.push((name, circle));
            }
        }
    }
    out
}

/// A path of uses from `start` back to `start`, if there is one (depth first).
fn circle_from(start: &str, level: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, trail)) = stack.pop() {
        for next in level.get(&at).into_iter().flatten() {
            if next == start {
                return Some(trail.clone());
            }
            if seen.insert(next.clone()) {
                let mut t = trail.clone();
                t.push(next.clone());
                stack.push((next.clone(), t));
            }
        }
    }
    None
}

#[test]
fn the_modules_use_each_other_in_no_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders: [(&str, &[&str]); 2] = [("src", &[]), ("core/src", &[])];
    let found: Vec<_> = folders
        .iter()
        .flat_map(|(dir, prefix)| circles(&root.join(dir), prefix))
        .collect();
    assert_eq!(found, Vec::new(), "modules that use each other");
}

#[test]
fn a_circle_is_found_at_any_depth_and_a_parent_is_not_one() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "mod.rs",
        "pub mod ui;\npub mod screens;\npub struct Systems;",
    );
    // ui uses a screen; a screen's child uses ui: a circle between `ui` and `screens`.
    write(
        "ui.rs",
        "use super::screens::{round::Input, values};\nuse super::Systems;",
    );
    write("screens/mod.rs", "pub mod round;\npub mod values;");
    write("screens/values.rs", "");
    write(
        "screens/round/mod.rs",
        "mod reveal;\nuse reveal::show;\npub struct Input;",
    );
    write(
        "screens/round/reveal.rs",
        "use crate::app::ui::View; // ui\nfn f() { super::Input; }",
    );
    let found = circles(tmp.path(), &["app"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|(parent, _)| parent == "app"), "{found:?}");

    // Without the use of a screen in `ui` (only in a comment or a test), no circle is left.
    write(
        "ui.rs",
        "// use super::screens::round;\n#[cfg(test)]\nuse super::screens;",
    );
    assert_eq!(circles(tmp.path(), &["app"]), Vec::new());
}

#[test]
fn at_a_crates_root_every_crate_path_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("lib.rs", "pub mod deck;\npub mod report;");
    write("deck/mod.rs", "mod rules;\nmod validate;\npub struct Deck;");
    // validate uses rules, rules uses validate through the crate's root: a circle in `deck`.
    write(
        "deck/validate.rs",
        "use super::rules::scenario;\npub const MAX: usize = 6;",
    );
    write(
        "deck/rules.rs",
        "use crate::deck::validate::MAX;\nfn title() { crate::report::title(); }",
    );
    // The report uses the deck, a rule of the deck the report: a circle at the root.
    write("report.rs", "use crate::deck::Deck;\npub fn title() {}");
    let found = circles(tmp.path(), &[]);
    let parents: BTreeSet<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(parents, BTreeSet::from(["crate", "deck"]), "{found:?}");
    assert_eq!(found.len(), 4, "{found:?}");

    // Read as the folder of `crate::app`, `crate::deck` is another folder's: no circle is left.
    assert_eq!(circles(tmp.path(), &["app"]), Vec::new());
}
