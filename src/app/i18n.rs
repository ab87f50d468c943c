//! The interface's language as a Bevy resource. The strings themselves are the library's
//! catalogue ([`crate::lang::T`]), shared with the reports, the posters and the command line.

use bevy::prelude::*;

pub use crate::lang::{Key, Lang, T};

/// The language the game speaks now: set from `--lang`, else from the deck given with `--deck`,
/// else on the Title screen.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default, Deref, DerefMut)]
pub struct UiLang(pub Lang);

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: T) -> &'static str {
    key.tr(lang)
}
