//! The user-interface strings: Dutch first, English second. Deck texts come from the deck itself.

use bevy::prelude::*;

/// The language of the interface (the deck's own text is whatever language the deck is in).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    pub fn deck_language(self) -> crate::deck::Language {
        match self {
            Lang::Nl => crate::deck::Language::Nl,
            Lang::En => crate::deck::Language::En,
        }
    }
}

/// One string of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    GameTitle,
    Tagline,
    NewSession,
    ResumeSession,
    ContinueSession,
    ContinueHint,
    ContinuesFrom,
    ScenariosPlayed,
    NoSessions,
    Decks,
    DeckHasErrors,
    NoDecks,
    Setup,
    Teams,
    AddTeam,
    Remove,
    Rounds,
    DiscussSeconds,
    Seed,
    SharedValues,
    PerTeamValues,
    Language,
    Deck,
    ToValues,
    Values,
    ValuesIntro,
    Weight,
    Group,
    StartRounds,
    Round,
    Of,
    Scenario,
    Discuss,
    Choose,
    Reveal,
    Debrief,
    Situation,
    Behaviours,
    Chosen,
    NotYet,
    Paused,
    AddMinute,
    PauseTimer,
    ResumeTimer,
    Next,
    Undo,
    Scoreboard,
    Final,
    Score,
    Points,
    BarbarianMove,
    Consequence,
    Questions,
    OurWays,
    ValueProfile,
    BarbarianMoments,
    NoBarbarianMoments,
    Help,
    Shortcuts,
    KeyDigits,
    KeyLetters,
    KeySpace,
    KeyUndo,
    KeyTimer,
    KeyMinute,
    KeyHelp,
    KeyFullscreen,
    KeyControls,
    KeyTextSize,
    KeyPosters,
    SavePosters,
    Close,
    Controls,
    NextScenario,
    FacilitatorNotes,
    SealedChoices,
    EventLog,
    TextSize,
    HideControls,
    ShowControls,
    AllChosen,
    SelectedTeam,
    TimeUp,
    NotSelected,
    Alignment,
    NewRound,
    ToFinal,
    Setting,
    Layer,
    SessionError,
    EndSession,
    NoScoreYet,
    Waiting,
    Poll,
    PollHint,
    PollImportFor,
    PollChoose,
    PollRead,
    PollWarnings,
    PollCounts,
    PollDesired,
    PollNow,
    PollOpenAnswers,
    KeySkip,
    SkipScenario,
    AdjustPoints,
    AdjustReason,
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: T) -> &'static str {
    let (nl, en) = pair(key);
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn pair(key: T) -> (&'static str, &'static str) {
    match key {
        T::GameTitle => ("Cultuurbarbaren", "Culture Barbarians"),
        T::Tagline => ("Zo zijn onze manieren", "This is how we do things"),
        T::NewSession => ("Nieuwe sessie", "New session"),
        T::ResumeSession => ("Sessie hervatten", "Resume a session"),
        T::ContinueSession => ("vervolgsessie", "next session"),
        T::ContinuesFrom => ("Vervolg op", "Continues"),
        T::ScenariosPlayed => (
            "scenario's al gespeeld in dit traject",
            "scenarios already played in this trajectory",
        ),
        T::ContinueHint => (
            "Een nieuwe sessie in hetzelfde traject: teams en waarden gaan mee en zijn aan te passen.",
            "A new session in the same trajectory: teams and values carry over and can be changed.",
        ),
        T::NoSessions => ("Nog geen eerdere sessies.", "No earlier sessions yet."),
        T::Poll => ("Peiling vooraf", "Pre-session poll"),
        T::PollHint => (
            "De export van het formulier (Forms, Google Forms, Mentimeter, Excel: CSV of Unicode-tekst): kies het bestand, sleep het op dit venster of typ het pad. Eerst zie je het voorstel; pas als je het overneemt veranderen de waarden, en daarna zijn ze nog aan te passen.",
            "The form's export (Forms, Google Forms, Mentimeter, Excel: CSV or Unicode text): choose the file, drop it on this window or type its path. You see the proposal first; the values change only when you take it, and can still be changed afterwards.",
        ),
        T::PollImportFor => ("Voorstel overnemen voor", "Take the proposal for"),
        T::PollChoose => ("Bestand kiezen…", "Choose file…"),
        T::PollRead => ("Inlezen", "Read"),
        T::PollWarnings => ("Let op voor je het overneemt", "Check before you take it"),
        T::PollCounts => ("Telt mee:", "Counted:"),
        T::PollDesired => ("gewenst", "desired"),
        T::PollNow => ("nu", "now"),
        T::PollOpenAnswers => (
            "Antwoorden op open vragen (alleen voor de begeleider)",
            "Answers to open questions (facilitator only)",
        ),
        T::Decks => ("Decks", "Decks"),
        T::DeckHasErrors => ("bevat fouten", "has errors"),
        T::NoDecks => (
            "Geen decks gevonden in levels/.",
            "No decks found in levels/.",
        ),
        T::Setup => ("Voorbereiding", "Setup"),
        T::Teams => ("Teams", "Teams"),
        T::AddTeam => ("Team toevoegen", "Add team"),
        T::Remove => ("Verwijderen", "Remove"),
        T::Rounds => ("Rondes", "Rounds"),
        T::DiscussSeconds => ("Seconden overleg", "Seconds to discuss"),
        T::Seed => ("Toevalsgetal (seed)", "Random seed"),
        T::SharedValues => (
            "Gedeelde waarden (hele groep)",
            "Shared values (whole group)",
        ),
        T::PerTeamValues => ("Waarden per team", "Values per team"),
        T::Language => ("Taal", "Language"),
        T::Deck => ("Deck", "Deck"),
        T::ToValues => ("Naar de waarden", "On to the values"),
        T::Values => ("Onze waarden", "Our values"),
        T::ValuesIntro => (
            "Kies de waarden die voor jullie tellen en geef elk een gewicht van 1 tot 3.",
            "Pick the values that count for you and give each a weight from 1 to 3.",
        ),
        T::Weight => ("Gewicht", "Weight"),
        T::Group => ("Hele groep", "Whole group"),
        T::StartRounds => ("Start de rondes", "Start the rounds"),
        T::Round => ("Ronde", "Round"),
        T::Of => ("van", "of"),
        T::Scenario => ("Scenario", "Scenario"),
        T::Discuss => ("Overleg", "Discuss"),
        T::Choose => ("Kies", "Choose"),
        T::Reveal => ("Onthulling", "Reveal"),
        T::Debrief => ("Nabespreking", "Debrief"),
        T::Situation => ("Situatie", "Situation"),
        T::Behaviours => ("Wat doe je?", "What do you do?"),
        T::Chosen => ("gekozen", "chosen"),
        T::NotYet => ("denkt nog na…", "still thinking…"),
        T::Paused => ("gepauzeerd", "paused"),
        T::AddMinute => ("+1 minuut", "+1 minute"),
        T::PauseTimer => ("Pauze", "Pause"),
        T::ResumeTimer => ("Verder", "Resume"),
        T::Next => ("Verder", "Next"),
        T::Undo => ("Ongedaan maken", "Undo"),
        T::Scoreboard => ("Tussenstand", "Scoreboard"),
        T::Final => ("Eindstand", "Final"),
        T::Score => ("Score", "Score"),
        T::Points => ("punten", "points"),
        T::BarbarianMove => ("Barbaarse zet", "Barbarian move"),
        T::Consequence => ("Gevolg", "Consequence"),
        T::Questions => ("Om over te praten", "To talk about"),
        T::OurWays => ("Zo zijn onze manieren", "This is how we do things"),
        T::ValueProfile => ("Waardenprofiel", "Value profile"),
        T::BarbarianMoments => ("Barbaarse momenten", "Barbarian moments"),
        T::NoBarbarianMoments => ("Geen barbaarse momenten.", "No barbarian moments."),
        T::Help => ("Sneltoetsen", "Keyboard shortcuts"),
        T::Shortcuts => ("Sneltoetsen", "Shortcuts"),
        T::KeyDigits => (
            "kies een team (1 = eerste team, 0 = tiende)",
            "pick a team (1 = first team, 0 = tenth)",
        ),
        T::KeyLetters => (
            "gedrag van het gekozen team vastleggen",
            "lock the chosen team's behaviour",
        ),
        T::KeySpace => ("verder naar de volgende stap", "go on to the next step"),
        T::KeyUndo => ("laatste gebeurtenis ongedaan maken", "undo the last event"),
        T::KeyTimer => ("timer pauzeren / hervatten", "pause / resume the timer"),
        T::KeyMinute => ("een minuut erbij", "add a minute"),
        T::KeyHelp => ("deze hulp tonen / verbergen", "show / hide this help"),
        T::KeyFullscreen => ("volledig scherm (projectie)", "full screen (projector)"),
        T::KeyControls => (
            "bedieningspaneel tonen / verbergen",
            "show / hide the control panel",
        ),
        T::KeyTextSize => ("tekst groter / kleiner", "text larger / smaller"),
        T::KeyPosters => (
            "posters van elk team opslaan (eindstand)",
            "save every team's posters (final screen)",
        ),
        T::SavePosters => ("Posters opslaan  (P)", "Save posters  (P)"),
        T::Close => ("Sluiten", "Close"),
        T::Controls => ("Bediening", "Controls"),
        T::NextScenario => ("Volgend scenario", "Next scenario"),
        T::FacilitatorNotes => ("Notities voor de begeleider", "Facilitator notes"),
        T::SealedChoices => ("Verzegelde keuzes", "Sealed choices"),
        T::EventLog => ("Logboek", "Event log"),
        T::TextSize => ("Tekstgrootte", "Text size"),
        T::HideControls => ("Bediening verbergen", "Hide controls"),
        T::ShowControls => ("Bediening", "Controls"),
        T::AllChosen => ("Alle teams hebben gekozen", "Every team has chosen"),
        T::SelectedTeam => ("Geselecteerd team", "Selected team"),
        T::TimeUp => ("De tijd is om", "Time is up"),
        T::NotSelected => ("geen", "none"),
        T::Alignment => ("Afstemming", "Alignment"),
        T::NewRound => ("Volgende ronde", "Next round"),
        T::ToFinal => ("Naar de eindstand", "On to the final"),
        T::Setting => ("Plaats", "Setting"),
        T::Layer => ("Laag", "Layer"),
        T::SessionError => ("Fout", "Error"),
        T::EndSession => ("Sessie afsluiten", "End session"),
        T::NoScoreYet => ("nog geen score", "no score yet"),
        T::Waiting => ("Wacht op de begeleider…", "Waiting for the facilitator…"),
        T::KeySkip => (
            "scenario overslaan (telt niet mee, vóór de onthulling)",
            "skip the scenario (does not count, before the reveal)",
        ),
        T::SkipScenario => ("Scenario overslaan", "Skip scenario"),
        T::AdjustPoints => ("Punten bijstellen", "Adjust points"),
        T::AdjustReason => (
            "reden (verplicht, komt in het verslag)",
            "reason (required, goes into the report)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_both_languages() {
        for k in [T::GameTitle, T::Help, T::KeyDigits, T::Waiting] {
            assert!(!tr(Lang::Nl, k).is_empty());
            assert!(!tr(Lang::En, k).is_empty());
        }
    }
}
