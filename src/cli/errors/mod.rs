//! clap's usage errors in the language of the run: "fout: onverwacht argument '--x'", the
//! suggestion ("tip: bedoel je '--deck'?"), the usage line and "Meer informatie: '--help'.".
//!
//! clap keeps what went wrong as the error's context (the argument, the value, the valid values,
//! the suggestions, the usage line); [`InDutch`] and [`InEnglish`] write an error from that context
//! in their language, for every kind of error. clap still prints the error (help and version to
//! stdout, errors to stderr, in colour on a terminal) and picks its exit status (0 or 2). The texts
//! of our own value parsers (`--lang de`) are their own and stay as they are.

use clap::builder::StyledStr;
use clap::builder::styling::{Style, Styles};
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use std::ffi::OsString;
use std::fmt;

use crate::lang::cli::CliText;
use crate::lang::{Key, Lang};

mod messages;
mod tips;

/// Writes clap's errors in Dutch.
pub struct InDutch;

/// Writes clap's errors in English.
pub struct InEnglish;

impl ErrorFormatter for InDutch {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        Context::of(error, Lang::Nl).written()
    }
}

impl ErrorFormatter for InEnglish {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        Context::of(error, Lang::En).written()
    }
}

/// A usage error, or the help or the version asked for, in the language of the run. It prints
/// itself where clap would (help and version to stdout, errors to stderr) and exits with clap's
/// status (0 for help and version, 2 for a usage error).
#[derive(Debug)]
pub enum CliError {
    Nl(clap::error::Error<InDutch>),
    En(clap::error::Error<InEnglish>),
}

impl CliError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            CliError::Nl(e) => e.kind(),
            CliError::En(e) => e.kind(),
        }
    }

    /// 0 for the help and the version, 2 for a usage error.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Nl(e) => e.exit_code(),
            CliError::En(e) => e.exit_code(),
        }
    }

    /// Prints the error (or the help) and exits with [`CliError::exit_code`].
    pub fn exit(&self) -> ! {
        match self {
            CliError::Nl(e) => e.exit(),
            CliError::En(e) => e.exit(),
        }
    }
}

/// The text as printed, without colours.
impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Nl(e) => e.render().fmt(f),
            CliError::En(e) => e.render().fmt(f),
        }
    }
}

/// clap's error `e` from parsing `args` with `cmd`, to be written in `lang`; an error without a
/// usage line gets the one of the command on the line.
pub(super) fn localized(
    mut e: clap::Error,
    cmd: &mut clap::Command,
    args: &[OsString],
    lang: Lang,
) -> CliError {
    if e.use_stderr() && e.get(ContextKind::Usage).is_none() {
        let usage = usage_of(cmd, args);
        e.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    }
    match lang {
        Lang::Nl => CliError::Nl(e.apply()),
        Lang::En => CliError::En(e.apply()),
    }
}

/// An error of `kind` for `cmd` that says `text` (already in the run's language).
pub(super) fn custom(cmd: &clap::Command, kind: ErrorKind, text: &str) -> clap::Error {
    let mut e = clap::Error::new(kind).with_cmd(cmd);
    e.insert(ContextKind::Custom, ContextValue::String(text.to_owned()));
    e
}

/// `e` written as clap's own message when it carries no context to write it from (an error of
/// the derived definition, which only a mistake in the definition makes).
pub(super) fn in_own_words(e: clap::Error, cmd: &clap::Command) -> clap::Error {
    if e.context().next().is_some() {
        return e;
    }
    let rendered = e.render().to_string();
    let text = rendered.trim();
    let text = text.strip_prefix("error:").unwrap_or(text).trim();
    custom(cmd, e.kind(), text)
}

/// The usage line of the command that `args` runs: the subcommand on the line, else the top.
fn usage_of(cmd: &mut clap::Command, args: &[OsString]) -> StyledStr {
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    let mut sub = None;
    while let Some(word) = words.next() {
        let Some(word) = word else { continue };
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            let takes_value = cmd
                .get_arguments()
                .any(|a| a.get_long() == Some(long) && a.get_action().takes_values());
            if takes_value {
                words.next();
            }
        } else if !word.starts_with('-') {
            sub = cmd.find_subcommand(word).map(|s| s.get_name().to_owned());
            break;
        }
    }
    match sub.and_then(|name| cmd.find_subcommand_mut(name)) {
        Some(sub) => sub.render_usage(),
        None => cmd.render_usage(),
    }
}

/// What an error says, read from its context, and the language to write it in.
struct Context<'a> {
    kind: ErrorKind,
    values: Vec<(ContextKind, &'a ContextValue)>,
    /// Why a value parser refused the value.
    source: Option<&'a (dyn std::error::Error + 'static)>,
    lang: Lang,
    styles: Styles,
}

impl<'a> Context<'a> {
    fn of<F: ErrorFormatter>(e: &'a clap::error::Error<F>, lang: Lang) -> Context<'a> {
        Context {
            kind: e.kind(),
            values: e.context().collect(),
            source: std::error::Error::source(e),
            lang,
            styles: Styles::styled(),
        }
    }

    /// The whole error as printed: the message, the tips, the usage line and where to read more.
    fn written(&self) -> StyledStr {
        let lang = self.lang;
        let heading = format!("{}:", CliText::Error.tr(lang));
        let heading = self.paint(self.styles.get_error(), &heading);
        let mut out = format!("{heading} {}\n", self.message().text(lang));
        let tips = self.tips();
        if !tips.is_empty() {
            out.push('\n');
        }
        for tip in tips {
            out.push_str(&format!("  {}\n", tip.text(lang)));
        }
        if let Some(usage) = self.get(ContextKind::Usage) {
            let title = format!("{}:", CliText::Usage.tr(lang));
            let title = self.paint(self.styles.get_usage(), &title);
            let line = super::usage::without_title(&usage_text(usage)).to_owned();
            out.push_str(&format!("\n{title} {line}\n"));
        }
        out.push_str(&format!("\n{}\n", CliText::MoreInformation.tr(lang)));
        let mut styled = StyledStr::new();
        styled.push_str(&out);
        styled
    }

    /// The value under `kind`, if any.
    fn get(&self, kind: ContextKind) -> Option<&'a ContextValue> {
        self.values
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, v)| *v)
    }

    /// The one text under `kind`.
    fn text(&self, kind: ContextKind) -> Option<&'a str> {
        match self.get(kind)? {
            ContextValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The texts under `kind`, one or several.
    fn texts(&self, kind: ContextKind) -> Vec<&'a str> {
        match self.get(kind) {
            Some(ContextValue::String(s)) => vec![s.as_str()],
            Some(ContextValue::Strings(v)) => v.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    fn number(&self, kind: ContextKind) -> Option<isize> {
        match self.get(kind)? {
            ContextValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// `text` in `style`; the colours go when the output is no terminal.
    fn paint(&self, style: &Style, text: &str) -> String {
        format!("{style}{text}{style:#}")
    }

    /// What the user wrote wrong.
    fn invalid(&self, text: &str) -> String {
        self.paint(self.styles.get_invalid(), text)
    }

    /// What the user could write instead.
    fn valid(&self, text: &str) -> String {
        self.paint(self.styles.get_valid(), text)
    }

    /// A name of the command line.
    fn literal(&self, text: &str) -> String {
        self.paint(self.styles.get_literal(), text)
    }
}

/// A usage line of the context, with its styles.
fn usage_text(usage: &ContextValue) -> String {
    match usage {
        ContextValue::StyledStr(s) => s.ansi().to_string(),
        ContextValue::String(s) => s.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
