//! The usage lines ("Gebruik: cultuurbarbarenspel check [OPTIES] [PADEN]...") and the names of
//! the values (`--out <MAP>`) in the language of the run, for the help and for the errors alike.
//!
//! clap writes "[OPTIONS]" and the title "Usage:" itself; every command therefore gets its usage
//! line as clap renders it, with the placeholder in the run's language, as its own usage line.

use std::collections::HashMap;

use crate::lang::cli::CliText;
use crate::lang::{Key, Lang};

/// The names of the values, by argument id (the same id names the same thing in every command).
/// Values whose name is the same in both languages (`<DECK>`, `<TEAMS>`) or that are literal
/// (`<nl|en>`, `<text|json>`) keep the name they are declared with.
const VALUE_NAMES: [(&str, CliText); 14] = [
    ("paths", CliText::PathsName),
    ("journal", CliText::JournalName),
    ("continue_from", CliText::JournalName),
    ("out", CliText::OutName),
    ("sessions", CliText::SessionsName),
    ("screenshots", CliText::ScreenshotsName),
    ("dir", CliText::DirName),
    ("file", CliText::FileName),
    ("size", CliText::SizeName),
    ("rounds", CliText::RoundsName),
    ("seed", CliText::SeedName),
    ("choices", CliText::ChoicesName),
    ("agreements", CliText::AgreementsName),
    ("phones_bind", CliText::AddressName),
];

/// `cmd` with the names of its values and the usage line of each of its commands in `lang`.
pub(super) fn localized(cmd: clap::Command, lang: Lang) -> clap::Command {
    let cmd = named(cmd, lang)
        .mut_subcommands(|s| named(s, lang))
        .subcommand_value_name(CliText::CommandPlaceholder.tr(lang));
    // Rendered from a built copy: a command's usage line names its parent only once built.
    let mut built = cmd.clone();
    built.build();
    let top = usage_line(&mut built, lang);
    let subs: HashMap<String, String> = built
        .get_subcommands_mut()
        .map(|s| (s.get_name().to_owned(), usage_line(s, lang)))
        .collect();
    cmd.override_usage(top)
        .mut_subcommands(|s| match subs.get(s.get_name()) {
            Some(line) => s.override_usage(line.clone()),
            None => s,
        })
}

/// `cmd`'s arguments with the names of their values in `lang`.
fn named(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for (id, key) in VALUE_NAMES
        .iter()
        .filter(|(id, _)| ids.iter().any(|i| i == id))
    {
        cmd = cmd.mut_arg(*id, |a| a.value_name(key.tr(lang)));
    }
    cmd
}

/// The usage line clap renders for the built command `cmd`, without its title, with its
/// placeholder of the options in `lang` (its styles kept).
fn usage_line(cmd: &mut clap::Command, lang: Lang) -> String {
    let rendered = cmd.render_usage().ansi().to_string();
    without_title(&rendered).replace("[OPTIONS]", CliText::OptionsPlaceholder.tr(lang))
}

/// A usage line as clap renders it ("Usage: cultuurbarbarenspel …", the title perhaps styled)
/// without its English title.
pub(super) fn without_title(rendered: &str) -> &str {
    const TITLE: &str = "Usage:";
    let Some(at) = rendered.find(TITLE) else {
        return rendered;
    };
    let rest = &rendered[at + TITLE.len()..];
    let rest = rest.strip_prefix("\u{1b}[0m").unwrap_or(rest);
    rest.strip_prefix(' ').unwrap_or(rest)
}
