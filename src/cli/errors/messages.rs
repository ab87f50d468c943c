//! What went wrong, for each kind of clap's errors, in both languages.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Context;
use crate::bi;
use crate::lang::cli::CliText;
use crate::lang::{Bi, Key};

impl Context<'_> {
    /// What went wrong, in both languages.
    pub(super) fn message(&self) -> Bi {
        if let Some(text) = self.text(ContextKind::Custom) {
            return Bi::same(text);
        }
        let message = match self.kind {
            ErrorKind::InvalidValue => self.invalid_value(),
            ErrorKind::ValueValidation => self.refused_value(),
            ErrorKind::UnknownArgument => self.unknown_argument(),
            ErrorKind::InvalidSubcommand => self.unknown_command(),
            ErrorKind::NoEquals => self.no_equals(),
            ErrorKind::TooManyValues => self.too_many_values(),
            ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => self.value_count(),
            ErrorKind::ArgumentConflict => self.conflict(),
            ErrorKind::MissingRequiredArgument => self.missing_arguments(),
            ErrorKind::MissingSubcommand => self.missing_command(),
            ErrorKind::InvalidUtf8 => Some(Bi::key(CliText::InvalidUtf8)),
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                Some(Bi::key(CliText::MissingArgumentOrCommand))
            }
            _ => None,
        };
        message.unwrap_or_else(|| match self.reason() {
            Some(reason) => Bi::join(&[Bi::key(CliText::InvalidLine), reason], ": "),
            None => Bi::key(CliText::InvalidLine),
        })
    }

    fn invalid_value(&self) -> Option<Bi> {
        let arg = self.literal(self.text(ContextKind::InvalidArg)?);
        let value = self.text(ContextKind::InvalidValue)?;
        let message = if value.is_empty() {
            bi!(
                "'{arg}' heeft een waarde nodig, maar kreeg er geen",
                "a value is required for '{arg}' but none was supplied"
            )
        } else {
            let value = self.invalid(value);
            bi!(
                "ongeldige waarde '{value}' voor '{arg}'",
                "invalid value '{value}' for '{arg}'"
            )
        };
        Some(self.with_list(message, ContextKind::ValidValue, CliText::PossibleValues))
    }

    fn refused_value(&self) -> Option<Bi> {
        let arg = self.literal(self.text(ContextKind::InvalidArg)?);
        let value = self.invalid(self.text(ContextKind::InvalidValue)?);
        let message = bi!(
            "ongeldige waarde '{value}' voor '{arg}'",
            "invalid value '{value}' for '{arg}'"
        );
        Some(match self.reason() {
            Some(reason) => Bi::join(&[message, reason], ": "),
            None => message,
        })
    }

    fn unknown_argument(&self) -> Option<Bi> {
        let arg = self.invalid(self.text(ContextKind::InvalidArg)?);
        Some(bi!(
            "onverwacht argument '{arg}'",
            "unexpected argument '{arg}' found"
        ))
    }

    fn unknown_command(&self) -> Option<Bi> {
        let sub = self.invalid(self.text(ContextKind::InvalidSubcommand)?);
        Some(bi!(
            "onbekende opdracht '{sub}'",
            "unrecognized subcommand '{sub}'"
        ))
    }

    fn no_equals(&self) -> Option<Bi> {
        let arg = self.invalid(self.text(ContextKind::InvalidArg)?);
        Some(bi!(
            "'{arg}' krijgt zijn waarde met een isgelijkteken ('=')",
            "equal sign is needed when assigning values to '{arg}'"
        ))
    }

    fn too_many_values(&self) -> Option<Bi> {
        let arg = self.literal(self.text(ContextKind::InvalidArg)?);
        let value = self.invalid(self.text(ContextKind::InvalidValue)?);
        Some(bi!(
            "onverwachte waarde '{value}' voor '{arg}': er werd geen (verdere) waarde verwacht",
            "unexpected value '{value}' for '{arg}' found; no more were expected"
        ))
    }

    /// Too few values, or not as many as the argument takes.
    fn value_count(&self) -> Option<Bi> {
        let arg = self.literal(self.text(ContextKind::InvalidArg)?);
        let actual = self.number(ContextKind::ActualNumValues)?;
        let provided = if actual == 1 {
            "was provided"
        } else {
            "were provided"
        };
        let actual = self.invalid(&actual.to_string());
        Some(if self.kind == ErrorKind::TooFewValues {
            let min = self.valid(&self.number(ContextKind::MinValues)?.to_string());
            bi!(
                "'{arg}' heeft minstens {min} waarden nodig, maar kreeg er {actual}",
                "{min} values required by '{arg}'; only {actual} {provided}"
            )
        } else {
            let n = self.valid(&self.number(ContextKind::ExpectedNumValues)?.to_string());
            bi!(
                "'{arg}' heeft {n} waarden nodig, maar kreeg er {actual}",
                "{n} values required for '{arg}' but {actual} {provided}"
            )
        })
    }

    /// An argument given twice, or with another that it does not go with.
    fn conflict(&self) -> Option<Bi> {
        let prior = self.get(ContextKind::PriorArg);
        let who = match (
            self.text(ContextKind::InvalidArg),
            self.text(ContextKind::InvalidSubcommand),
        ) {
            (Some(arg), _) if prior == Some(&ContextValue::String(arg.to_owned())) => {
                let arg = self.invalid(arg);
                return Some(bi!(
                    "'{arg}' mag maar één keer gegeven worden",
                    "the argument '{arg}' cannot be used multiple times"
                ));
            }
            (Some(arg), _) => {
                let arg = self.invalid(arg);
                bi!("'{arg}'", "the argument '{arg}'")
            }
            (None, Some(sub)) => {
                let sub = self.invalid(sub);
                bi!("de opdracht '{sub}'", "the subcommand '{sub}'")
            }
            (None, None) => return None,
        };
        let with = match prior {
            Some(ContextValue::String(p)) => Bi::same(format!(" '{}'", self.invalid(p))),
            Some(ContextValue::Strings(ps)) => {
                let lines: Vec<String> = ps.iter().map(|p| self.invalid(p)).collect();
                Bi::same(format!(":\n  {}", lines.join("\n  ")))
            }
            _ => Bi::key(CliText::OtherArguments).map(|t, _| format!(" {t}")),
        };
        Some(Bi {
            nl: format!("{} gaat niet samen met{}", who.nl, with.nl),
            en: format!("{} cannot be used with{}", who.en, with.en),
        })
    }

    fn missing_arguments(&self) -> Option<Bi> {
        let missing = self.texts(ContextKind::InvalidArg);
        if missing.is_empty() {
            return None;
        }
        let lines: Vec<String> = missing.iter().map(|a| self.valid(a)).collect();
        let lines = lines.join("\n  ");
        Some(Bi::key(CliText::MissingArguments).map(|t, _| format!("{t}\n  {lines}")))
    }

    fn missing_command(&self) -> Option<Bi> {
        let parent = self.invalid(self.text(ContextKind::InvalidSubcommand)?);
        let message = bi!(
            "'{parent}' heeft een opdracht nodig, maar kreeg er geen",
            "'{parent}' requires a subcommand but one was not provided"
        );
        Some(self.with_list(
            message,
            ContextKind::ValidSubcommand,
            CliText::PossibleCommands,
        ))
    }

    /// `message` followed by the values under `kind`, if any: "\[mogelijke waarden: text, json\]".
    fn with_list(&self, message: Bi, kind: ContextKind, name: CliText) -> Bi {
        let values = self.texts(kind);
        if values.is_empty() {
            return message;
        }
        let values: Vec<String> = values.iter().map(|v| self.valid(v)).collect();
        let values = values.join(", ");
        message.map(|m, lang| format!("{m}\n  [{}: {values}]", name.tr(lang)))
    }
}
