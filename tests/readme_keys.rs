//! The README's key reference is the built-in keymap table, generated:
//! a change to the table fails here until the README is regenerated with
//! `QREVIEW_UPDATE_README=1 cargo test --test readme_keys`.

const BEGIN: &str = "<!-- keys:begin (generated from the keymap table) -->\n";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_reference_matches_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(BEGIN)
        .expect("README has the keys:begin marker")
        + BEGIN.len();
    let end = readme[start..]
        .find(END)
        .expect("README has the keys:end marker")
        + start;
    let generated = qreview::app::keymap::reference::markdown() + "\n";
    if std::env::var_os("QREVIEW_UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], generated, &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert!(
        readme[start..end] == generated,
        "the README's key reference is out of date; run QREVIEW_UPDATE_README=1 cargo test --test readme_keys"
    );
}

#[test]
fn readme_config_example_is_a_valid_config() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let section = &readme[readme.find("## Configuration: `config.toml`").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let config = qreview::config::parse(std::path::Path::new("README.md"), example)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.theme.as_deref(), Some("mine"));
    assert_eq!(config.keys["questions"].len(), 2);
}
