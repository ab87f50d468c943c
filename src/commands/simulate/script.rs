//! The choices file of `simulate --choices` (see the module above for its form).

use crate::deck::Key;
use crate::lang::Bi;

/// Choices read from a `--choices` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Script {
    /// The group's values with weights, when the file names them.
    pub values: Option<Vec<(String, u8)>>,
    /// Per round, (line number, one key per team).
    pub rounds: Vec<(usize, Vec<Key>)>,
}

/// Reads a choices file's text; `name` is used in messages (`name:line: …`).
pub fn parse_script(name: &str, text: &str) -> Result<Script, Bi> {
    let mut script = Script::default();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let lower = line.to_lowercase();
        if let Some(rest) = lower
            .strip_prefix("waarden:")
            .or_else(|| lower.strip_prefix("values:"))
        {
            if script.values.is_some() {
                return Err(crate::bi!(
                    "{name}:{number}: de waarden staan er al eerder in",
                    "{name}:{number}: the values are already given above"
                ));
            }
            let start = line.len() - rest.len();
            let mut values = Vec::new();
            for item in line[start..].split_whitespace() {
                let (id, w) = item.split_once('=').ok_or_else(|| {
                    crate::bi!(
                        "{name}:{number}: \"{item}\" moet de vorm waarde=gewicht hebben, bijvoorbeeld zorgvuldig=2",
                        "{name}:{number}: \"{item}\" must have the form value=weight, for example careful=2"
                    )
                })?;
                let weight: u8 = w
                    .parse()
                    .ok()
                    .filter(|w| (1..=3).contains(w))
                    .ok_or_else(|| {
                        crate::bi!(
                            "{name}:{number}: het gewicht van \"{id}\" moet 1, 2 of 3 zijn, niet \"{w}\"",
                            "{name}:{number}: the weight of \"{id}\" must be 1, 2 or 3, not \"{w}\""
                        )
                    })?;
                values.push((id.to_string(), weight));
            }
            if values.is_empty() {
                return Err(crate::bi!(
                    "{name}:{number}: na \"waarden:\" ontbreken de waarden",
                    "{name}:{number}: the values are missing after \"values:\""
                ));
            }
            script.values = Some(values);
            continue;
        }
        let mut keys = Vec::new();
        for item in line.split_whitespace() {
            let mut chars = item.chars();
            let key = match (chars.next(), chars.next()) {
                (Some(c), None) => Key::from_letter(c.to_ascii_uppercase()),
                _ => None,
            };
            keys.push(key.ok_or_else(|| {
                crate::bi!(
                    "{name}:{number}: \"{item}\" is geen gedrag; gebruik de letters A tot en met F",
                    "{name}:{number}: \"{item}\" is not a behaviour; use the letters A to F"
                )
            })?);
        }
        script.rounds.push((number, keys));
    }
    Ok(script)
}
