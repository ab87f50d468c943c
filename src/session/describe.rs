//! One line per event for the facilitator's log, in Dutch and English.

use super::{AgreementStatus, Event, Session};
use crate::bi;
use crate::lang::{Bi, Lang};

impl Session {
    /// One line describing an event, for the facilitator's log.
    pub fn describe(&self, ev: &Event) -> Bi {
        match ev {
            Event::ValuesAgreed { team, values } => {
                let list: Vec<String> = values
                    .iter()
                    .map(|(v, w)| format!("{} ×{w}", self.deck.value_name(v)))
                    .collect();
                let list = list.join(", ");
                match team {
                    None => bi!("Waarden van de groep: {list}", "The group's values: {list}"),
                    Some(t) => {
                        let name = self.settings.team_name(*t);
                        bi!("Waarden van {name}: {list}", "Values of {name}: {list}")
                    }
                }
            }
            Event::RoundStarted { scenario } => {
                let title = self
                    .deck
                    .scenario(scenario)
                    .map_or(scenario.as_str(), |s| s.title.as_str());
                bi!("Ronde begint: {title}", "Round begins: {title}")
            }
            Event::TeamChose { team, key } => {
                let name = self.settings.team_name(*team);
                bi!("{name} kiest {key}", "{name} chooses {key}")
            }
            Event::Revealed => bi!("Keuzes onthuld", "Choices revealed"),
            Event::ScoreAdjusted {
                team,
                points,
                reason,
            } => {
                let name = self.settings.team_name(*team);
                bi!(
                    "{name}: {points:+} punten ({reason})",
                    "{name}: {points:+} points ({reason})"
                )
            }
            Event::RoundSkipped { reason } if reason.trim().is_empty() => {
                bi!("Ronde overgeslagen", "Round skipped")
            }
            Event::RoundSkipped { reason } => {
                bi!("Ronde overgeslagen ({reason})", "Round skipped ({reason})")
            }
            Event::Undone => bi!("Ongedaan gemaakt", "Undone"),
            Event::PlanSet { plan } if plan.is_empty() => bi!(
                "Plan losgelaten: de trekking beslist",
                "Plan dropped: the draw decides"
            ),
            Event::PlanSet { plan } => {
                let titles: Vec<&str> = plan
                    .iter()
                    .map(|id| {
                        self.deck
                            .scenario(id)
                            .map_or(id.as_str(), |s| s.title.as_str())
                    })
                    .collect();
                let titles = titles.join(" → ");
                bi!("Plan: {titles}", "Plan: {titles}")
            }
            Event::SessionFinished => bi!("Sessie afgesloten", "Session closed"),
            _ => self.describe_made(ev),
        }
    }

    /// The lines of what the group makes: agreements, notes, own values, photos.
    fn describe_made(&self, ev: &Event) -> Bi {
        match ev {
            Event::AgreementProposed { .. }
            | Event::AgreementDecided { .. }
            | Event::AgreementRevised { .. } => self.describe_agreement(ev),
            Event::DebriefNoted {
                round, question, ..
            } => {
                let (r, q) = (self.number_of(*round), question + 1);
                bi!(
                    "Notitie bij ronde {r}, vraag {q}",
                    "Note on round {r}, question {q}"
                )
            }
            Event::ValueAdded { name, link, .. } => match link {
                Some(l) => {
                    let counts = self.played.value_name(l);
                    bi!(
                        "Eigen waarde: {name} (telt als {counts})",
                        "Own value: {name} (counts as {counts})"
                    )
                }
                None => bi!(
                    "Eigen waarde: {name} (telt niet mee in de score)",
                    "Own value: {name} (does not count in the score)"
                ),
            },
            Event::ValueWorded { value, name, .. } => {
                let was = self.played.value_name(value);
                bi!(
                    "Waarde in eigen woorden: {was} → {name}",
                    "Value in own words: {was} → {name}"
                )
            }
            Event::AgreementReviewed { agreement, went } => {
                let n = agreement + 1;
                let (nl, en) = (went.name(Lang::Nl), went.name(Lang::En));
                Bi {
                    nl: format!("Afspraak {n} teruggeblikt: {nl}"),
                    en: format!("Agreement {n} looked back on: {en}"),
                }
            }
            Event::PhotoAdded { caption, value, .. } => {
                let caption = if caption.trim().is_empty() {
                    String::new()
                } else {
                    format!(": {caption}")
                };
                let value = self.deck().value_name(value);
                bi!("Foto bij {value}{caption}", "Photo for {value}{caption}")
            }
            Event::PhotoRemoved { photo } => {
                let n = photo + 1;
                bi!("Foto {n} weggehaald", "Photo {n} removed")
            }
            Event::PhotoDescribed { photo, .. } => {
                let n = photo + 1;
                bi!("Foto {n} aangepast", "Photo {n} changed")
            }
            // The events of play are described by `describe`.
            _ => Bi::default(),
        }
    }

    /// The lines of the agreements: proposed, decided, revised.
    fn describe_agreement(&self, ev: &Event) -> Bi {
        match ev {
            Event::AgreementProposed {
                text, value, by, ..
            } => {
                let by = if by.is_empty() {
                    String::new()
                } else {
                    format!(" ({by})")
                };
                let value = self.deck.value_name(value);
                bi!(
                    "Voorstel{by} voor {value}: {text}",
                    "Proposal{by} for {value}: {text}"
                )
            }
            Event::AgreementDecided { agreement, status } => {
                let n = agreement + 1;
                match status {
                    AgreementStatus::Adopted => {
                        bi!("Afspraak {n} aangenomen", "Agreement {n} adopted")
                    }
                    AgreementStatus::Dropped => {
                        bi!("Afspraak {n} vervallen", "Agreement {n} dropped")
                    }
                    AgreementStatus::Proposed => bi!(
                        "Afspraak {n} weer een voorstel",
                        "Agreement {n} a proposal again"
                    ),
                }
            }
            Event::AgreementRevised { agreement, text } => {
                let n = agreement + 1;
                bi!(
                    "Afspraak {n} herzien: {text}",
                    "Agreement {n} revised: {text}"
                )
            }
            _ => Bi::default(),
        }
    }
}
