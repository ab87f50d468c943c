//! What an error suggests ("tip: bedoel je '--deck'?") and why a value parser refused a value, in
//! both languages.

use clap::error::{ContextKind, ContextValue};
use std::num::{IntErrorKind, ParseIntError};

use super::Context;
use crate::bi;
use crate::lang::Bi;
use crate::lang::cli::CliText;

impl Context<'_> {
    /// The suggestions: similar commands, arguments and values clap found, and its tips.
    pub(super) fn tips(&self) -> Vec<Bi> {
        let mut tips: Vec<Bi> = [
            ContextKind::SuggestedCommand,
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ]
        .into_iter()
        .map(|kind| self.texts(kind))
        .filter(|similar| !similar.is_empty())
        .map(|similar| self.did_you_mean(&similar))
        .collect();
        if let Some(ContextValue::StyledStrs(clap_tips)) = self.get(ContextKind::Suggested) {
            tips.extend(clap_tips.iter().map(|t| self.clap_tip(&t.to_string())));
        }
        tips
    }

    /// "tip: bedoel je 'a' of 'b'?"
    fn did_you_mean(&self, similar: &[&str]) -> Bi {
        let quoted: Vec<String> = similar
            .iter()
            .map(|s| format!("'{}'", self.valid(s)))
            .collect();
        let list = |or: &str| match quoted.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, first)) => format!("{} {or} {last}", first.join(", ")),
            None => String::new(),
        };
        let (nl, en) = (list("of"), list("or"));
        bi!("tip: bedoel je {nl}?", "tip: did you mean {en}?")
    }

    /// One of the tips clap writes itself (in English), read back by its values.
    fn clap_tip(&self, tip: &str) -> Bi {
        let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
        match quoted[..] {
            // "to pass '--x' as a value, use '-- --x'"
            [value, how] if tip.starts_with("to pass ") => {
                let (value, how) = (self.invalid(value), self.valid(how));
                bi!(
                    "tip: om '{value}' als waarde mee te geven, schrijf '{how}'",
                    "tip: to pass '{value}' as a value, use '{how}'"
                )
            }
            // "subcommand 'check' exists; to use it, remove the '--' before it"
            [sub, ..] if tip.starts_with("subcommand ") => {
                let sub = self.valid(sub);
                bi!(
                    "tip: de opdracht '{sub}' bestaat; haal de '--' ervoor weg om hem te gebruiken",
                    "tip: the subcommand '{sub}' exists; to use it, remove the '--' before it"
                )
            }
            // "'simulate --teams' exists"
            [similar] if tip.ends_with(" exists") => self.did_you_mean(&[similar]),
            // A tip of a later clap: its words as they are, rather than none.
            _ => Bi::same(format!("tip: {tip}")),
        }
    }

    /// Why the value parser refused the value: our own parsers' words as they are, the standard
    /// library's (a number, an address) in the run's language.
    pub(super) fn reason(&self) -> Option<Bi> {
        let source = self.source?;
        if let Some(e) = source.downcast_ref::<ParseIntError>() {
            return Some(Bi::key(number_reason(e)));
        }
        if source.is::<std::net::AddrParseError>() {
            return Some(Bi::key(CliText::NotAnAddress));
        }
        Some(Bi::same(source.to_string()))
    }
}

/// Why a number did not parse.
fn number_reason(e: &ParseIntError) -> CliText {
    match e.kind() {
        IntErrorKind::Empty => CliText::NoNumber,
        IntErrorKind::InvalidDigit => CliText::NotAWholeNumber,
        IntErrorKind::PosOverflow => CliText::TooLarge,
        IntErrorKind::NegOverflow => CliText::TooSmall,
        IntErrorKind::Zero => CliText::NotZero,
        _ => CliText::NotANumber,
    }
}
