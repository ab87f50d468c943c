//! The deck format: what a trainer writes in a RON file under `levels/`.
//!
//! See `docs/authoring.md` for the annotated format.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Language a deck file is written in: the one language type ([`crate::lang::Lang`]). One file holds
/// one language; a translation is a second file with the same deck `id` and the same structure (see
/// `docs/authoring.md`).
pub use crate::lang::Lang as Language;

/// The layer of Hofstede's onion of culture a scenario is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Layer {
    Symbols,
    Heroes,
    Rituals,
    Values,
}

impl Layer {
    pub const ALL: [Layer; 4] = [Layer::Symbols, Layer::Heroes, Layer::Rituals, Layer::Values];

    /// The layer's name in `lang`.
    pub fn name(self, lang: Language) -> &'static str {
        use crate::lang::Key as _;
        match self {
            Layer::Symbols => LayerName::Symbols,
            Layer::Heroes => LayerName::Heroes,
            Layer::Rituals => LayerName::Rituals,
            Layer::Values => LayerName::Values,
        }
        .tr(lang)
    }
}

crate::catalogue! {
    /// The names of the onion's layers.
    pub enum LayerName {
        Symbols => ("Symbolen", "Symbols"),
        Heroes => ("Helden", "Heroes"),
        Rituals => ("Rituelen", "Rituals"),
        Values => ("Waarden", "Values"),
    }
}

/// The key of a behaviour, `A` to `F`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Key {
    pub const ALL: [Key; 6] = [Key::A, Key::B, Key::C, Key::D, Key::E, Key::F];

    pub fn letter(self) -> char {
        (b'A' + self as u8) as char
    }

    pub fn from_letter(c: char) -> Option<Key> {
        let up = c.to_ascii_uppercase();
        Key::ALL.into_iter().find(|k| k.letter() == up)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// A whole deck file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub description: String,
    pub values: Vec<ValueDef>,
    pub scenarios: Vec<Scenario>,
    /// The questions a proposed agreement is held against (see docs/authoring.md); when empty, the
    /// game's default checklist in the deck's language is used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<String>,
    /// The scenario the deck recommends to begin with (its id): the seeded draw puts it first, and
    /// a session plan begins with it (see docs/authoring.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
}

/// One value of the deck's vocabulary, e.g. "De klant centraal".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Value", deny_unknown_fields)]
pub struct ValueDef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub layer: Layer,
    #[serde(default)]
    pub setting: String,
    pub situation: String,
    pub behaviours: Vec<Behaviour>,
    #[serde(default)]
    pub debrief: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub follow_up: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Behaviour {
    pub key: Key,
    pub text: String,
    /// Value id → effect (−3…+3), in the order written; duplicates are kept so the checker can
    /// report them.
    #[serde(
        default,
        deserialize_with = "ordered_effects",
        serialize_with = "ser_effects"
    )]
    pub effects: Vec<(String, i64)>,
    #[serde(default)]
    pub consequence: String,
}

impl Deck {
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn value(&self, id: &str) -> Option<&ValueDef> {
        self.values.iter().find(|v| v.id == id)
    }

    /// The name of value `id` as shown, or the id itself when the deck has no such value.
    pub fn value_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.value(id).map_or(id, |v| v.name.as_str())
    }
}

impl Scenario {
    pub fn behaviour(&self, key: Key) -> Option<&Behaviour> {
        self.behaviours.iter().find(|b| b.key == key)
    }
}

impl Behaviour {
    /// The effect of this behaviour on a value (0 when it has none).
    pub fn effect(&self, value: &str) -> i64 {
        self.effects
            .iter()
            .filter(|(v, _)| v == value)
            .map(|(_, e)| *e)
            .sum()
    }
}

fn ordered_effects<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, i64)>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<(String, i64)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of value id to effect, e.g. {\"klant_centraal\": 2}")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = m.next_entry::<String, i64>()? {
                out.push((k, v));
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

fn ser_effects<S: serde::Serializer>(v: &[(String, i64)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, e) in v {
        m.serialize_entry(k, e)?;
    }
    m.end()
}
