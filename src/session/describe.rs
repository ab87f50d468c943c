//! One line per event for the facilitator's log, in the session's language.

use super::{AgreementStatus, Event, Session};
use crate::bi;
use crate::lang::{Bi, Lang};

impl Session {
    /// One line describing `ev` in `lang`, for the facilitator's log.
    pub fn describe(&self, ev: &Event, lang: Lang) -> String {
        self.describe_bi(ev).text(lang).to_owned()
    }

    fn describe_bi(&self, ev: &Event) -> Bi {
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
                        let team = self.settings.team_name(*t);
                        bi!("Waarden van {team}: {list}", "Values of {team}: {list}")
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
                let team = self.settings.team_name(*team);
                bi!("{team} kiest {key}", "{team} chooses {key}")
            }
            Event::Revealed => bi!("Keuzes onthuld", "Choices revealed"),
            Event::ScoreAdjusted {
                team,
                points,
                reason,
            } => {
                let team = self.settings.team_name(*team);
                bi!(
                    "{team}: {points:+} punten ({reason})",
                    "{team}: {points:+} points ({reason})"
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
                "Plan cleared: the draw decides"
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
                Bi::same(format!("Plan: {}", titles.join(" → ")))
            }
            Event::SessionFinished => bi!("Sessie afgesloten", "Session finished"),
            _ => self.describe_group_work(ev),
        }
    }

    /// The events of the group's own work: agreements, notes, own values and photos.
    fn describe_group_work(&self, ev: &Event) -> Bi {
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
                    let l = self.played.value_name(l);
                    bi!(
                        "Eigen waarde: {name} (telt als {l})",
                        "Own value: {name} (scores as {l})"
                    )
                }
                None => bi!(
                    "Eigen waarde: {name} (telt niet mee in de score)",
                    "Own value: {name} (does not count in the scores)"
                ),
            },
            Event::ValueWorded { value, name, .. } => {
                let value = self.played.value_name(value);
                bi!(
                    "Waarde in eigen woorden: {value} → {name}",
                    "Value in our words: {value} → {name}"
                )
            }
            Event::AgreementReviewed { agreement, went } => {
                let n = agreement + 1;
                let (nl, en) = (went.name(Lang::Nl), went.name(Lang::En));
                bi!(
                    "Afspraak {n} teruggeblikt: {nl}",
                    "Agreement {n} looked back on: {en}"
                )
            }
            _ => self.describe_photo(ev),
        }
    }

    fn describe_photo(&self, ev: &Event) -> Bi {
        match ev {
            Event::PhotoAdded { caption, value, .. } => {
                let caption = if caption.trim().is_empty() {
                    String::new()
                } else {
                    format!(": {caption}")
                };
                let value = self.deck().value_name(value);
                bi!("Foto bij {value}{caption}", "Photo of {value}{caption}")
            }
            Event::PhotoRemoved { photo } => {
                let n = photo + 1;
                bi!("Foto {n} weggehaald", "Photo {n} removed")
            }
            Event::PhotoDescribed { photo, .. } => {
                let n = photo + 1;
                bi!("Foto {n} aangepast", "Photo {n} changed")
            }
            // Every other event is described above.
            _ => Bi::default(),
        }
    }
}
