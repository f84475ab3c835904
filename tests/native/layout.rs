//! The test layout holds: `tests/` has two test crates, this one (`tests/native.rs`) and the
//! browser's (`tests/wasm_ui.rs`), and every file of `tests/native/` is one of this crate's
//! modules. A test file elsewhere would build and link as a crate of its own; one that no
//! `mod` line names would never run.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("test directory is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "rs"))
        .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
        .collect();
    names.sort();
    names
}

#[test]
fn tests_holds_two_test_crates() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    assert_eq!(
        rust_files(&tests),
        ["native.rs", "wasm_ui.rs"],
        "a native test file belongs in tests/native/ with a `mod` line in tests/native.rs"
    );
    assert!(
        !tests.join("native/main.rs").exists() && !tests.join("native/lib.rs").exists(),
        "proptest would keep failure seeds in tests/proptest-regressions/ instead of beside \
         each file"
    );
}

#[test]
fn every_file_of_tests_native_is_a_module() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let root = fs::read_to_string(tests.join("native.rs")).expect("tests/native.rs");
    let declared: Vec<String> = root
        .lines()
        .filter_map(|line| line.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .filter(|name| *name != "common")
        .map(|name| format!("{name}.rs"))
        .collect();
    let mut declared_sorted = declared.clone();
    declared_sorted.sort();
    assert_eq!(
        rust_files(&tests.join("native")),
        declared_sorted,
        "tests/native/ and the `mod` lines of tests/native.rs differ"
    );
}
