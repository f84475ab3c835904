//! The architecture invariants, checked: pure code (everything under `src/` except the
//! wasm32-only `src/ui/`, `src/web/` and the entry points (`src/main.rs`, `src/bin/`), the presentation
//! layer `src/present/` included) names no web or UI crate, and no element's HTML is set
//! from a string anywhere in `src/`.

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 6] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "plotters_canvas",
    "console_error_panic_hook",
];

fn visit(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("directory entry").path();
        let rel = path.to_string_lossy().replace('\\', "/");
        // The wasm32-only code: the app, the browser plumbing and the entry points.
        if rel.ends_with("src/ui")
            || rel.ends_with("src/web")
            || rel.ends_with("src/main.rs")
            || rel.ends_with("src/bin/core.rs")
            || rel.ends_with("src/bin/program.rs")
        {
            continue;
        }
        if path.is_dir() {
            visit(&path, out);
        } else if rel.ends_with(".rs") {
            let text = fs::read_to_string(&path).expect("source is UTF-8");
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for name in FORBIDDEN {
                    if code.contains(&format!("{name}::")) || code.contains(&format!("use {name}"))
                    {
                        out.push((format!("{rel}:{}", n + 1), line.trim().to_string()));
                    }
                }
            }
        }
    }
}

#[test]
fn pure_modules_import_no_web_crate() {
    let mut hits = Vec::new();
    visit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut hits,
    );
    assert!(hits.is_empty(), "web crates named in pure code: {hits:#?}");
}

#[test]
fn the_ui_module_is_wasm_only() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for line in lib.lines().filter(|l| {
        l.trim_start().starts_with("pub mod ui") || l.trim_start().starts_with("mod ui")
    }) {
        let idx = lib.find(line).expect("line is in the file");
        let before = &lib[..idx];
        assert!(
            before
                .trim_end()
                .ends_with("#[cfg(target_arch = \"wasm32\")]"),
            "`{line}` must be gated on wasm32"
        );
    }
}

#[test]
fn the_presentation_layer_is_among_the_pure_modules() {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/present"),
        &mut files,
    );
    assert!(
        files.iter().any(|f| f.ends_with("src/present/mod.rs")),
        "src/present is checked by pure_modules_import_no_web_crate: {files:?}"
    );
}

/// Every `.rs` file under `dir`.
fn collect(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("directory is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn no_source_file_sets_inner_html() {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let hits: Vec<&String> = files
        .iter()
        .filter(|f| {
            fs::read_to_string(f)
                .expect("source is UTF-8")
                .contains(concat!("inner", "_html"))
        })
        .collect();
    assert!(hits.is_empty(), "HTML strings set on elements in {hits:?}");
}

/// Lines of `src/` (comments left out) that contain any of `needles`, as `path:line`.
fn code_lines_with(needles: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut hits = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|needle| code.contains(needle)) {
                hits.push(format!("{f}:{}", n + 1));
            }
        }
    }
    hits
}

#[test]
fn one_range_checker() {
    // Intervals are checked by `domain::range::Range` alone.
    let hits = code_lines_with(&[
        concat!("fn dec_in", "_range("),
        concat!("fn boun", "ded("),
        concat!("validate::in", "_range"),
    ]);
    assert!(
        hits.is_empty(),
        "range checks outside domain::range at {hits:?}"
    );
}
