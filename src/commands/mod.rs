//! The command line (`cli`: its definition in the language of the run) and its commands, each in its
//! own file.

pub mod check;
pub mod cli;
pub mod images;
pub mod poll;
pub mod poster;
pub mod report;
pub mod simulate;

/// `--format text|json`: `true` for JSON (for `check` and `poll`).
pub(crate) fn format_parser() -> impl clap::builder::TypedValueParser<Value = bool> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(["text", "json"]).map(|f| f == "json")
}
