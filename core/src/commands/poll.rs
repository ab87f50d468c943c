//! `poll FILE [--deck PATH] [--format text|json] [--count desired|now]`: the weights a pre-session
//! poll proposes (see `crate::poll`).

use std::io::Write;
use std::path::Path;

use crate::bi;
use crate::deck::load_deck_bi;
use crate::lang::Lang;
use crate::poll::{Moment, Options, Proposal};

/// What `poll` prints, as the command line gives it (see `cli` for the descriptions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::Args)]
pub struct PollArgs {
    /// `--format json`: one JSON object instead of text.
    #[arg(long = "format", value_name = "text|json", default_value = "text", action = clap::ArgAction::Set, value_parser = super::format_parser())]
    pub json: bool,
    /// `--count desired|now`: which rating counts when a value has both.
    #[arg(long = "count", value_name = "desired|now", default_value = "desired", value_parser = moment_parser())]
    pub moment: Moment,
}

fn moment_parser() -> impl clap::builder::TypedValueParser<Value = Moment> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(["desired", "now"]).map(|m| match m.as_str() {
        "now" => Moment::Now,
        _ => Moment::Desired,
    })
}

/// Reads the poll export and prints the proposal, in `lang`.
pub fn run(
    file: &Path,
    deck: Option<&Path>,
    args: PollArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let deck_path = match deck {
        Some(p) => p.to_path_buf(),
        None => crate::deck::builtin::default_deck().map_err(|e| e.text(lang).to_owned())?,
    };
    let deck = load_deck_bi(&deck_path).map_err(|e| e.text(lang).to_owned())?;
    let bytes = std::fs::read(file).map_err(|e| {
        let f = file.display();
        bi!(
            "{f}: kan het bestand niet lezen: {e}",
            "{f}: cannot read the file: {e}"
        )
        .text(lang)
        .to_owned()
    })?;
    let opts = Options {
        moment: args.moment,
    };
    let proposal = crate::poll::import_with(&file.display().to_string(), &bytes, &deck, opts)
        .map_err(|e| e.text(lang))?;
    let text = if args.json {
        let mut s =
            serde_json::to_string_pretty(&json(&proposal, lang)).map_err(|e| e.to_string())?;
        s.push('\n');
        s
    } else {
        let mut s = format!("Deck: {} ({})\n", deck.title, deck.id);
        s.push_str(&crate::poll::describe(&proposal, &deck, lang));
        // The command line is the facilitator's: the open answers are shown here.
        let open = lang.pick("Open vraag", "Open question");
        for f in &proposal.free_text {
            s.push_str(&format!("{open} \"{}\":\n", f.header));
            for a in &f.answers {
                s.push_str(&format!("  - {}\n", a.replace('\n', " ")));
            }
        }
        s
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// The proposal as `poll --format json` prints it, the warnings in `lang`: weights only for the
/// proposed values; no identifying data and no free text.
pub fn json(p: &Proposal, lang: Lang) -> serde_json::Value {
    let warnings: Vec<&str> = p.warnings.iter().map(|w| w.text(lang)).collect();
    let weights: serde_json::Map<String, serde_json::Value> = p
        .weights()
        .into_iter()
        .map(|(id, w)| (id, w.into()))
        .collect();
    serde_json::json!({
        "respondents": p.respondents,
        "layout": p.layout.key(),
        "weights": weights,
        "unmatched": p.unmatched,
        "warnings": warnings,
    })
}
