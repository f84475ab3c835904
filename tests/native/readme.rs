//! README promises that hold: the share-link key table is the codec's own.

#[test]
fn readme_carries_the_link_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let table = minerhedge::link::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table differs from link::markdown_table():\n{table}"
    );
}
