//! What an event may do now: [`Session::check`] and the checks of rounds, values, adjustments and
//! the plan. Every refusal is a [`SessionError`] in Dutch and English. The checks of agreements,
//! own values, the look back and photos live beside those parts (`agreements.rs`, `values.rs`,
//! `register.rs`, `photos.rs`).

use super::{
    Event, MAX_ADJUSTMENT, MAX_REASON, Round, RoundStatus, Session, SessionError, ValuesMode,
};
use crate::bi;
use crate::deck::Key;

impl Session {
    /// Would `ev` be accepted now? The same checks as [`Session::apply`], without changing anything
    /// (use it to grey out a button).
    pub fn check(&self, ev: &Event) -> Result<(), SessionError> {
        if self.state.finished && !matches!(ev, Event::Undone) {
            return Err(SessionError::NotNow(bi!(
                "De sessie is afgesloten. Maak het afsluiten ongedaan om verder te spelen.",
                "The session is closed. Undo the closing to play on."
            )));
        }
        match ev {
            Event::RoundStarted { scenario } => self.check_round_started(scenario),
            Event::TeamChose { team, key } => self.check_choice(*team, *key),
            Event::Revealed => self.check_reveal(),
            Event::ScoreAdjusted {
                team,
                points,
                reason,
            } => self.check_adjustment(*team, *points, reason),
            Event::RoundSkipped { reason } => self.check_skip(reason),
            Event::Undone if self.effective.is_empty() => Err(SessionError::NotNow(bi!(
                "Er is niets om ongedaan te maken.",
                "There is nothing to undo."
            ))),
            Event::Undone => Ok(()),
            Event::PlanSet { plan } => self.check_plan(plan),
            Event::SessionFinished => match self.state.open_round() {
                Some((i, _)) => {
                    let n = self.number_of(i);
                    Err(SessionError::NotNow(bi!(
                        "Ronde {n} is nog bezig: onthul de keuzes of sla de ronde over voordat je afsluit.",
                        "Round {n} is still going: reveal the choices or skip the round before you close."
                    )))
                }
                None => Ok(()),
            },
            _ => self.check_made(ev),
        }
    }

    /// The events of what the group makes: values, agreements, notes, photos.
    fn check_made(&self, ev: &Event) -> Result<(), SessionError> {
        match ev {
            Event::ValuesAgreed { team, values } => self
                .check_values(*team, values)
                .and_then(|()| self.check_no_double(values)),
            Event::ValueAdded {
                id,
                name,
                meaning,
                link,
            } => self.check_value_added(id, name, meaning, link.as_deref()),
            Event::ValueWorded {
                value,
                name,
                meaning,
                link,
            } => self.check_value_worded(value, name, meaning, link.as_deref()),
            Event::AgreementReviewed { agreement, went } => self.check_review(*agreement, *went),
            Event::AgreementProposed {
                text,
                value,
                by,
                meets,
                team,
                ..
            } => self.check_proposal(text, value, by, meets, *team),
            Event::AgreementDecided { agreement, status } => {
                self.check_decision(*agreement, *status)
            }
            Event::AgreementRevised { agreement, text } => self.check_revision(*agreement, text),
            Event::DebriefNoted {
                round,
                question,
                text,
            } => self.check_note(*round, *question, text),
            Event::PhotoAdded {
                hash,
                caption,
                value,
                by,
                team,
                agreement,
            } => self.check_photo_added(hash, caption, value, by, *team, *agreement),
            Event::PhotoRemoved { photo } => self.check_photo_removed(*photo),
            Event::PhotoDescribed {
                photo,
                caption,
                value,
                by,
                agreement,
            } => self.check_photo_described(*photo, caption, value, by, *agreement),
            // The events of play are checked by `check`.
            _ => Ok(()),
        }
    }

    fn check_choice(&self, team: usize, key: Key) -> Result<(), SessionError> {
        let (_, round) = self.round_to_choose()?;
        self.check_team(team)?;
        let sc = self
            .deck
            .scenario(&round.scenario)
            .ok_or_else(|| SessionError::UnknownScenario(round.scenario.clone()))?;
        if sc.behaviour(key).is_none() {
            return Err(SessionError::NoSuchBehaviour {
                scenario: sc.id.clone(),
                key,
            });
        }
        Ok(())
    }

    fn check_round_started(&self, scenario: &str) -> Result<(), SessionError> {
        let missing = self.missing_values();
        if !missing.is_empty() {
            let err = match self.settings.values_mode {
                ValuesMode::Shared => bi!(
                    "Eerst moeten de waarden afgesproken zijn (nog niet voor de groep).",
                    "First the values must be agreed (not yet for the group)."
                ),
                ValuesMode::PerTeam => {
                    let who = self.names(&missing);
                    bi!(
                        "Eerst moeten de waarden afgesproken zijn (nog niet voor {who}).",
                        "First the values must be agreed (not yet for {who})."
                    )
                }
            };
            return Err(SessionError::NotNow(err));
        }
        if let Some((i, _)) = self.state.open_round() {
            let n = self.number_of(i);
            return Err(SessionError::NotNow(bi!(
                "Ronde {n} is nog bezig: onthul de keuzes of sla de ronde over.",
                "Round {n} is still going: reveal the choices or skip the round."
            )));
        }
        if self.state.rounds_counted() >= self.settings.rounds as usize {
            let n = self.settings.rounds;
            return Err(SessionError::NotNow(bi!(
                "Alle {n} rondes zijn gespeeld: sluit de sessie af.",
                "All {n} rounds have been played: close the session."
            )));
        }
        if self.deck.scenario(scenario).is_none() {
            return Err(SessionError::UnknownScenario(scenario.to_owned()));
        }
        if self.is_used(scenario) {
            return Err(SessionError::NotNow(bi!(
                "Het scenario \"{scenario}\" is al gespeeld.",
                "The scenario \"{scenario}\" has already been played."
            )));
        }
        Ok(())
    }

    fn check_reveal(&self) -> Result<(), SessionError> {
        let (_, round) = self.round_to_choose()?;
        let missing: Vec<usize> = round
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_none())
            .map(|(t, _)| t)
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let who = self.names(&missing);
        Err(SessionError::NotNow(bi!(
            "Nog niet alle teams hebben gekozen: {who} nog niet.",
            "Not every team has chosen yet: {who} still to choose."
        )))
    }

    fn check_adjustment(&self, team: usize, points: i64, reason: &str) -> Result<(), SessionError> {
        self.check_team(team)?;
        if points == 0 {
            return Err(SessionError::Invalid(bi!(
                "Een correctie van 0 punten verandert niets.",
                "A correction of 0 points changes nothing."
            )));
        }
        if points.unsigned_abs() > MAX_ADJUSTMENT as u64 {
            return Err(SessionError::Invalid(bi!(
                "Een correctie is hoogstens {MAX_ADJUSTMENT} punten erbij of eraf.",
                "A correction adds or takes at most {MAX_ADJUSTMENT} points."
            )));
        }
        if reason.trim().is_empty() {
            return Err(SessionError::Invalid(bi!(
                "Geef een reden voor de correctie: die komt in het verslag.",
                "Give a reason for the correction: it goes into the report."
            )));
        }
        check_reason(reason)
    }

    fn check_skip(&self, reason: &str) -> Result<(), SessionError> {
        match self.state.rounds.last() {
            Some(r) if r.status == RoundStatus::Open => check_reason(reason),
            Some(r) if r.status == RoundStatus::Revealed => Err(SessionError::NotNow(bi!(
                "Deze ronde is al onthuld: maak de onthulling ongedaan om hem over te slaan.",
                "This round has already been revealed: undo the reveal to skip it."
            ))),
            _ => Err(SessionError::NotNow(bi!(
                "Er is geen ronde bezig om over te slaan.",
                "There is no round going on to skip."
            ))),
        }
    }

    fn check_plan(&self, plan: &[String]) -> Result<(), SessionError> {
        for (i, id) in plan.iter().enumerate() {
            if self.deck.scenario(id).is_none() {
                return Err(SessionError::UnknownScenario(id.clone()));
            }
            if plan[..i].contains(id) {
                return Err(SessionError::Invalid(bi!(
                    "Het scenario \"{id}\" staat twee keer in het plan.",
                    "The scenario \"{id}\" is in the plan twice."
                )));
            }
            if self.is_used(id) {
                return Err(SessionError::NotNow(bi!(
                    "Het scenario \"{id}\" is al gespeeld en kan niet in het plan.",
                    "The scenario \"{id}\" has already been played and cannot go in the plan."
                )));
            }
        }
        Ok(())
    }

    /// The teams' names, joined with commas.
    pub(super) fn names(&self, teams: &[usize]) -> String {
        let names: Vec<String> = teams.iter().map(|t| self.settings.team_name(*t)).collect();
        names.join(", ")
    }

    pub(super) fn check_team(&self, team: usize) -> Result<(), SessionError> {
        if team < self.team_count() {
            Ok(())
        } else {
            Err(SessionError::NoSuchTeam {
                team,
                teams: self.team_count(),
            })
        }
    }

    /// The open round in which teams may still choose.
    fn round_to_choose(&self) -> Result<(usize, &Round), SessionError> {
        match self.state.rounds.last() {
            Some(r) if r.status == RoundStatus::Open => Ok((self.state.rounds.len() - 1, r)),
            Some(r) if r.status == RoundStatus::Revealed => Err(SessionError::NotNow(bi!(
                "De keuzes van deze ronde zijn al onthuld: maak de onthulling ongedaan om iets te wijzigen.",
                "The choices of this round have already been revealed: undo the reveal to change anything."
            ))),
            _ => Err(SessionError::NotNow(bi!(
                "Er is geen ronde bezig: begin eerst een ronde.",
                "There is no round going on: start a round first."
            ))),
        }
    }

    fn check_values(
        &self,
        team: Option<usize>,
        values: &[(String, u8)],
    ) -> Result<(), SessionError> {
        if !self.state.rounds.is_empty() {
            return Err(SessionError::NotNow(bi!(
                "De waarden liggen vast zodra de eerste ronde begonnen is.",
                "The values are fixed once the first round has begun."
            )));
        }
        match (self.settings.values_mode, team) {
            (ValuesMode::Shared, Some(_)) => {
                return Err(SessionError::Invalid(bi!(
                    "In deze sessie kiest de hele groep samen de waarden, niet elk team apart.",
                    "In this session the whole group chooses the values together, not each team on its own."
                )));
            }
            (ValuesMode::PerTeam, None) => {
                return Err(SessionError::Invalid(bi!(
                    "In deze sessie kiest elk team zijn eigen waarden: zeg voor welk team ze zijn.",
                    "In this session each team chooses its own values: say which team they are for."
                )));
            }
            (ValuesMode::PerTeam, Some(t)) => self.check_team(t)?,
            (ValuesMode::Shared, None) => {}
        }
        if values.is_empty() {
            return Err(SessionError::Invalid(bi!(
                "Kies minstens één waarde.",
                "Choose at least one value."
            )));
        }
        for (i, (id, w)) in values.iter().enumerate() {
            let Some(def) = self.deck.value(id) else {
                return Err(SessionError::UnknownValue(id.clone()));
            };
            let name = &def.name;
            if !(1..=3).contains(w) {
                return Err(SessionError::Invalid(bi!(
                    "Het gewicht van \"{name}\" moet 1, 2 of 3 zijn, niet {w}.",
                    "The weight of \"{name}\" must be 1, 2 or 3, not {w}."
                )));
            }
            if values[..i].iter().any(|(other, _)| other == id) {
                return Err(SessionError::Invalid(bi!(
                    "De waarde \"{name}\" staat er twee keer in.",
                    "The value \"{name}\" is in it twice."
                )));
            }
        }
        Ok(())
    }
}

/// A reason is at most [`MAX_REASON`] characters.
pub(super) fn check_reason(reason: &str) -> Result<(), SessionError> {
    if reason.chars().count() > MAX_REASON {
        Err(SessionError::Invalid(bi!(
            "De reden is langer dan {MAX_REASON} tekens.",
            "The reason is longer than {MAX_REASON} characters."
        )))
    } else {
        Ok(())
    }
}
