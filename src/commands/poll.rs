//! `poll FILE [--deck PATH]`: the weights a pre-session poll proposes (see `crate::poll`).

use std::io::Write;
use std::path::Path;

use crate::deck::load_deck;

pub fn run(file: &Path, deck: Option<&Path>, out: &mut dyn Write) -> Result<(), String> {
    let deck_path = deck.unwrap_or(Path::new("levels/klantcontact.nl.ron"));
    let deck = load_deck(deck_path)?;
    let bytes = std::fs::read(file)
        .map_err(|e| format!("{}: kan het bestand niet lezen: {e}", file.display()))?;
    let proposal = crate::poll::import(&file.display().to_string(), &bytes, &deck)
        .map_err(|e| e.to_string())?;
    writeln!(out, "Deck: {} ({})", deck.title, deck.id).map_err(|e| e.to_string())?;
    out.write_all(crate::poll::describe(&proposal, &deck).as_bytes())
        .map_err(|e| e.to_string())
}
