//! What `simulate` prints.

use std::path::Path;

use crate::lang::Lang;
use crate::session::Session;

/// What `simulate` prints: the journal, each round's choices and the final ranking.
pub fn scoreboard(session: &Session, journal: &Path, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let settings = session.settings();
    let deck = session.deck();
    let _ = writeln!(
        s,
        "{}: {}",
        lang.pick("Journaal", "Journal"),
        journal.display()
    );
    let _ = writeln!(
        s,
        "Deck: {} ({}), {} teams, {} {}, seed {}",
        deck.title,
        deck.id,
        settings.teams.len(),
        settings.rounds,
        lang.pick("rondes", "rounds"),
        settings.seed
    );
    let values: Vec<String> = session
        .team_values(0)
        .iter()
        .map(|(id, w)| {
            let name = deck.value(id).map_or(id.as_str(), |v| v.name.as_str());
            format!("{name} ×{w}")
        })
        .collect();
    let _ = writeln!(
        s,
        "{}: {}",
        lang.pick("Waarden", "Values"),
        values.join(", ")
    );
    let _ = writeln!(s);
    for r in session.results() {
        let title = deck
            .scenario(&r.scenario)
            .map_or(r.scenario.as_str(), |sc| sc.title.as_str());
        let _ = writeln!(s, "{} {}: {}", lang.pick("Ronde", "Round"), r.number, title);
        for t in &r.teams {
            let barbarian = if t.barbarian.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = t
                    .barbarian
                    .iter()
                    .map(|id| deck.value(id).map_or(id.as_str(), |v| v.name.as_str()))
                    .collect();
                format!(
                    "  {}: {}",
                    lang.pick("barbaars", "barbarian"),
                    names.join(", ")
                )
            };
            let _ = writeln!(
                s,
                "  {:<12} {}  {:>+4}  ({} {:+}){barbarian}",
                settings.team_name(t.team),
                t.key,
                t.score,
                lang.pick("beste", "best"),
                t.best
            );
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", lang.pick("Eindstand", "Final ranking"));
    for r in session.ranking() {
        let _ = writeln!(
            s,
            "  {:>2}. {:<12} {:>+5}",
            r.rank,
            settings.team_name(r.team),
            r.total
        );
    }
    s
}
