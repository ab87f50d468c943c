//! The one language type and the one catalogue mechanism, for the game, the reports, the posters and
//! the command line.
//!
//! - [`Lang`]: the language a session speaks (Dutch first, English second). A deck file declares one
//!   too; it is the same type.
//! - Fixed strings live in catalogues declared with [`catalogue!`]: an enum of keys, each with its
//!   Dutch and English text side by side, so a key without both does not compile. Every catalogue
//!   implements [`Key`] and lists its keys in `ALL`, which the tests walk: every key has both
//!   texts, and every key is named somewhere outside its catalogue's file (no unused keys). The
//!   catalogues: [`T`] (the game's interface), [`messages::Msg`] (the game's refusals and
//!   notices), [`phones::PhoneText`], [`photos::PhotoText`], [`cli::CliText`] (the command line),
//!   [`R`] and [`Sheet`] (the reports).
//! - Messages that carry values (a refusal naming a team, a diagnostic naming a value) are [`Bi`]:
//!   both texts formatted at once with [`bi!`], the language picked where it is shown.

use serde::{Deserialize, Serialize};
use std::fmt;

pub mod cli;
pub mod messages;
pub mod phones;
pub mod photos;
pub mod report;
pub mod ui;

pub use report::{R, Sheet};
pub use ui::T;

/// The language a session, a report or the command line speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
// Named as decks know it: a deck's `language: de` is "an unexpected variant in enum `Language`".
#[serde(rename = "Language")]
pub enum Lang {
    #[default]
    #[serde(rename = "nl")]
    Nl,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// `nl` or `en`: the code in file names, HTML's `lang` and the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    /// `nl` or `en` (any case), or `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a locale such as `LANG`'s `en_GB.UTF-8` or `nl_BE`: English for `en…`, Dutch
    /// for `nl…`, `None` for anything else (including `C` and `POSIX`).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let code = locale.split(['_', '.', '@', '-']).next().unwrap_or("");
        Lang::from_code(code)
    }

    /// The environment's language (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them):
    /// English or Dutch where it says so, Dutch otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }

    /// `nl` in Dutch, `en` in English.
    pub fn pick<X>(self, nl: X, en: X) -> X {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A fixed string of some catalogue: its Dutch and its English text.
pub trait Key: Copy + fmt::Debug + 'static {
    /// Every key of the catalogue, in the order it is declared.
    const ALL: &'static [Self];
    /// The Dutch and the English text.
    fn pair(self) -> (&'static str, &'static str);
    /// The text in `lang`.
    fn tr(self, lang: Lang) -> &'static str {
        let (nl, en) = self.pair();
        lang.pick(nl, en)
    }
}

/// Declares a catalogue: an enum of keys, each with its Dutch and English text, that implements
/// [`Key`] and lists its keys in `ALL`.
///
/// ```
/// cultuurbarbarenspel_core::catalogue! {
///     /// The greetings.
///     pub enum Greeting {
///         Hello => ("Hallo", "Hello"),
///         Bye => ("Dag", "Goodbye"),
///     }
/// }
/// use cultuurbarbarenspel_core::lang::{Key, Lang};
/// assert_eq!(Greeting::Bye.tr(Lang::En), "Goodbye");
/// assert_eq!(Greeting::ALL.len(), 2);
/// ```
#[macro_export]
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$kmeta:meta])* $key:ident => ($nl:expr, $en:expr $(,)?) ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$kmeta])* $key, )*
        }

        impl $crate::lang::Key for $name {
            const ALL: &'static [Self] = &[ $( $name::$key, )* ];
            fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $( $name::$key => ($nl, $en), )*
                }
            }
        }
    };
}

/// A message with values in it, in both languages; shown in the language of whoever reads it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bi {
    pub nl: String,
    pub en: String,
}

impl Bi {
    /// The same text in both languages (a name, a path, a number).
    pub fn same(text: impl Into<String>) -> Bi {
        let text = text.into();
        Bi {
            nl: text.clone(),
            en: text,
        }
    }

    /// The fixed text of a catalogue key.
    pub fn key(key: impl Key) -> Bi {
        let (nl, en) = key.pair();
        Bi {
            nl: nl.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }

    /// Both texts changed the same way (a prefix, a list joined).
    pub fn map(self, mut f: impl FnMut(String, Lang) -> String) -> Bi {
        Bi {
            nl: f(self.nl, Lang::Nl),
            en: f(self.en, Lang::En),
        }
    }

    /// `parts` joined with `sep` in each language.
    pub fn join(parts: &[Bi], sep: &str) -> Bi {
        let pick = |lang: Lang| {
            parts
                .iter()
                .map(|p| p.text(lang))
                .collect::<Vec<_>>()
                .join(sep)
        };
        Bi {
            nl: pick(Lang::Nl),
            en: pick(Lang::En),
        }
    }
}

/// Dutch first: what a log line or a panic shows when no language is at hand.
impl fmt::Display for Bi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.nl)
    }
}

/// A message in both languages, each formatted like `format!`:
/// `bi!("team {n} bestaat niet", "team {n} does not exist")`.
#[macro_export]
macro_rules! bi {
    ($nl:expr, $en:expr $(,)?) => {
        $crate::lang::Bi {
            nl: format!($nl),
            en: format!($en),
        }
    };
    ($nl:expr, $en:expr; $($arg:tt)*) => {
        $crate::lang::Bi {
            nl: format!($nl, $($arg)*),
            en: format!($en, $($arg)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("nl_BE@euro"), Some(Lang::Nl));
        assert_eq!(Lang::from_locale("EN"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale("de_DE"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    /// Every text of a catalogue is there in both languages, without stray spaces; a text that
    /// reads the same in both is one of `same` (a word Dutch borrows), else a missing translation.
    fn both_languages<K: Key + PartialEq>(same: &[K]) {
        for &k in K::ALL {
            for lang in Lang::ALL {
                let text = k.tr(lang);
                assert!(!text.trim().is_empty(), "{k:?} in {lang:?}");
                assert_eq!(text.trim(), text, "{k:?} in {lang:?}: no stray spaces");
            }
            let (nl, en) = k.pair();
            assert_eq!(nl == en, same.contains(&k), "{k:?}: {nl:?} / {en:?}");
        }
    }

    #[test]
    fn every_catalogue_speaks_both_languages() {
        both_languages::<messages::Msg>(&[]);
        both_languages::<phones::PhoneText>(&[]);
        both_languages::<photos::PhotoText>(&[]);
        both_languages::<T>(&[T::Decks, T::Teams, T::Deck, T::Scenario, T::Score]);
        both_languages::<cli::CliText>(&[]);
        both_languages::<report::R>(&[report::R::Deck, report::R::Teams, report::R::Meets]);
        both_languages::<report::Sheet>(&[
            report::Sheet::Scenario,
            report::Sheet::Team,
            report::Sheet::Effect,
        ]);
    }

    /// The Rust sources under src/, but for `skip` (a catalogue's own file), as (path, text).
    fn sources(skip: &str) -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        // The core's sources and the game's (the project root is the core's parent).
        let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        walk(&core.join("src"), &mut files);
        walk(&core.join("../src"), &mut files);
        files
            .into_iter()
            .filter(|p| !p.ends_with(skip))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("a source file");
                (p.display().to_string(), text)
            })
            .collect()
    }

    /// The keys of catalogue `K` (declared in `file`) that no other source file names as
    /// `Catalogue::Key`.
    fn unused<K: Key>(file: &str) -> Vec<String> {
        let name = std::any::type_name::<K>().rsplit("::").next().unwrap_or("");
        let sources = sources(file);
        K::ALL
            .iter()
            .map(|k| format!("{name}::{k:?}"))
            .filter(|path| {
                !sources.iter().any(|(_, text)| {
                    text.match_indices(path.as_str()).any(|(at, _)| {
                        let before = text[..at].chars().next_back();
                        let after = text[at + path.len()..].chars().next();
                        let ident =
                            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                        !ident(before) && !ident(after)
                    })
                })
            })
            .collect()
    }

    #[test]
    fn every_catalogue_key_is_used() {
        let mut unused_keys = unused::<T>("src/lang/ui.rs");
        unused_keys.extend(unused::<messages::Msg>("src/lang/messages.rs"));
        unused_keys.extend(unused::<phones::PhoneText>("src/lang/phones.rs"));
        unused_keys.extend(unused::<photos::PhotoText>("src/lang/photos.rs"));
        unused_keys.extend(unused::<cli::CliText>("src/lang/cli.rs"));
        unused_keys.extend(unused::<report::R>("src/lang/report.rs"));
        unused_keys.extend(unused::<report::Sheet>("src/lang/report.rs"));
        assert!(
            unused_keys.is_empty(),
            "keys no source uses: {unused_keys:?}"
        );
    }

    #[test]
    fn bi_formats_both_languages() {
        let n = 3;
        let m = bi!("team {n} bestaat niet", "team {n} does not exist");
        assert_eq!(m.text(Lang::Nl), "team 3 bestaat niet");
        assert_eq!(m.text(Lang::En), "team 3 does not exist");
        let m = bi!("{} van {}", "{} of {}"; 1, 2);
        assert_eq!(m.text(Lang::En), "1 of 2");
    }
}
