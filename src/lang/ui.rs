//! The interface's fixed strings: Dutch first, English second. Deck texts come from the deck itself.

crate::catalogue! {
    /// One string of the interface.
    pub enum T {
        GameTitle => ("Cultuurbarbaren", "Culture Barbarians"),
        Tagline => ("Zo zijn onze manieren", "This is how we do things"),
        NewSession => ("Nieuwe sessie", "New session"),
        ResumeSession => ("Sessie hervatten", "Resume a session"),
        ContinueSession => ("vervolgsessie", "next session"),
        ContinuesFrom => ("Vervolg op", "Continues"),
        ScenariosPlayed => (
            "scenario's al gespeeld in dit traject",
            "scenarios already played in this trajectory",
        ),
        ContinueHint => (
            "Een nieuwe sessie in hetzelfde traject: teams en waarden gaan mee en zijn aan te passen.",
            "A new session in the same trajectory: teams and values carry over and can be changed.",
        ),
        NoSessions => ("Nog geen eerdere sessies.", "No earlier sessions yet."),
        SessionsFolder => ("Sessiemap", "Sessions folder"),
        UseFolder => ("Gebruik deze map", "Use this folder"),
        Poll => ("Peiling vooraf", "Pre-session poll"),
        PollHint => (
            "De export van het formulier (Forms, Google Forms, Mentimeter, Excel: CSV of Unicode-tekst): kies het bestand, sleep het op dit venster of typ het pad. Eerst zie je het voorstel; pas als je het overneemt veranderen de waarden, en daarna zijn ze nog aan te passen.",
            "The form's export (Forms, Google Forms, Mentimeter, Excel: CSV or Unicode text): choose the file, drop it on this window or type its path. You see the proposal first; the values change only when you take it, and can still be changed afterwards.",
        ),
        PollImportFor => ("Voorstel overnemen voor", "Take the proposal for"),
        PollChoose => ("Bestand kiezen…", "Choose file…"),
        PollRead => ("Inlezen", "Read"),
        PollWarnings => ("Let op voor je het overneemt", "Check before you take it"),
        PollCounts => ("Telt mee:", "Counted:"),
        PollDesired => ("gewenst", "desired"),
        PollNow => ("nu", "now"),
        PollOpenAnswers => (
            "Antwoorden op open vragen (alleen voor de begeleider)",
            "Answers to open questions (facilitator only)",
        ),
        Decks => ("Decks", "Decks"),
        DeckHasErrors => ("bevat fouten", "has errors"),
        NoDecks => (
            "Geen decks gevonden in levels/.",
            "No decks found in levels/.",
        ),
        Setup => ("Voorbereiding", "Setup"),
        Teams => ("Teams", "Teams"),
        AddTeam => ("Team toevoegen", "Add team"),
        Remove => ("Verwijderen", "Remove"),
        Rounds => ("Rondes", "Rounds"),
        DiscussSeconds => ("Seconden overleg", "Seconds to discuss"),
        Seed => ("Toevalsgetal (seed)", "Random seed"),
        SharedValues => (
            "Gedeelde waarden (hele groep)",
            "Shared values (whole group)",
        ),
        PerTeamValues => ("Waarden per team", "Values per team"),
        Language => ("Taal", "Language"),
        Deck => ("Deck", "Deck"),
        ToValues => ("Naar de waarden", "On to the values"),
        Values => ("Onze waarden", "Our values"),
        ValuesIntro => (
            "Kies de waarden die voor jullie tellen en geef elk een gewicht van 1 tot 3.",
            "Pick the values that count for you and give each a weight from 1 to 3.",
        ),
        Group => ("Hele groep", "Whole group"),
        StartRounds => ("Start de rondes", "Start the rounds"),
        Round => ("Ronde", "Round"),
        Of => ("van", "of"),
        Scenario => ("Scenario", "Scenario"),
        Discuss => ("Overleg", "Discuss"),
        Choose => ("Kies", "Choose"),
        Reveal => ("Onthulling", "Reveal"),
        Debrief => ("Nabespreking", "Debrief"),
        Behaviours => ("Wat doe je?", "What do you do?"),
        Chosen => ("gekozen", "chosen"),
        Paused => ("gepauzeerd", "paused"),
        AddMinute => ("+1 minuut", "+1 minute"),
        PauseTimer => ("Pauze", "Pause"),
        ResumeTimer => ("Verder", "Resume"),
        Next => ("Verder", "Next"),
        Undo => ("Ongedaan maken", "Undo"),
        Scoreboard => ("Tussenstand", "Scoreboard"),
        Final => ("Eindstand", "Final"),
        Agreements => ("Afspraken", "Agreements"),
        NewProposal => ("Nieuw voorstel", "New proposal"),
        ProposalHint => ("Bij ons …", "With us, …"),
        ServesValue => ("dient de waarde", "serves the value"),
        Subgroup => ("Subgroep", "Subgroup"),
        Propose => ("Voorstel toevoegen", "Add proposal"),
        StatusProposed => ("voorstel", "proposal"),
        StatusAdopted => ("aangenomen", "adopted"),
        StatusDropped => ("vervallen", "dropped"),
        Adopt => ("Aannemen", "Adopt"),
        Drop => ("Laten vervallen", "Drop"),
        BackToProposal => ("Terug naar voorstel", "Back to proposal"),
        ReviseWithText => (
            "Herzien met de tekst hierboven",
            "Revise with the text above",
        ),
        DebriefNotes => ("Notities bij de nabespreking", "Notes on the debrief"),
        SaveNote => ("Bewaar", "Save"),
        Manners => ("Zo zijn onze manieren", "This is how we do things"),
        Checklist => ("De checklist", "The checklist"),
        Proposals => ("Voorstellen", "Proposals"),
        Adopted => ("Aangenomen", "Adopted"),
        NothingAdopted => ("Nog niets aangenomen.", "Nothing adopted yet."),
        OpenAgreements => ("Afspraken  (G)", "Agreements  (G)"),
        Score => ("Score", "Score"),
        Points => ("punten", "points"),
        BarbarianMove => ("Barbaarse zet", "Barbarian move"),
        Questions => ("Om over te praten", "To talk about"),
        OurWays => ("Zo zijn onze manieren", "This is how we do things"),
        ValueProfile => ("Waardenprofiel", "Value profile"),
        BarbarianMoments => ("Barbaarse momenten", "Barbarian moments"),
        NoBarbarianMoments => ("Geen barbaarse momenten.", "No barbarian moments."),
        Help => ("Sneltoetsen", "Keyboard shortcuts"),
        KeyDigits => (
            "kies een team (1 = eerste team, 0 = tiende)",
            "pick a team (1 = first team, 0 = tenth)",
        ),
        KeyLetters => (
            "gedrag van het gekozen team vastleggen",
            "lock the chosen team's behaviour",
        ),
        KeySpace => ("verder naar de volgende stap", "go on to the next step"),
        KeyUndo => ("laatste gebeurtenis ongedaan maken", "undo the last event"),
        KeyTimer => ("timer pauzeren / hervatten", "pause / resume the timer"),
        KeyMinute => (
            "een minuut erbij (een gepauzeerde timer blijft gepauzeerd)",
            "add a minute (a paused timer stays paused)",
        ),
        KeyHelp => ("deze hulp tonen / verbergen", "show / hide this help"),
        SaveManners => (
            "Zo zijn onze manieren op één A4 opslaan",
            "Save \"This is how we do things\" on one A4 page",
        ),
        KeyPhotos => (
            "fotowand · vorige / volgende foto (pijltjes) · schermvullend",
            "photo wall · previous / next photo (arrows) · full screen",
        ),
        KeyAgreements => (
            "afspraken: voorstellen, aannemen, herzien (vanaf het tussenstand- of nabesprekingsscherm)",
            "agreements: propose, adopt, revise (from the scoreboard or a debrief)",
        ),
        KeyFullscreen => ("volledig scherm (projectie)", "full screen (projector)"),
        KeyControls => (
            "bedieningspaneel tonen / verbergen",
            "show / hide the control panel",
        ),
        KeyTextSize => ("tekst groter / kleiner", "text larger / smaller"),
        KeyPosters => (
            "posters van elk team opslaan (eindstand)",
            "save every team's posters (final screen)",
        ),
        SavePosters => ("Posters opslaan  (P)", "Save posters  (P)"),
        Close => ("Sluiten", "Close"),
        Controls => ("Bediening", "Controls"),
        NextScenario => ("Volgend scenario", "Next scenario"),
        FacilitatorNotes => ("Notities voor de begeleider", "Facilitator notes"),
        SealedChoices => ("Verzegelde keuzes", "Sealed choices"),
        EventLog => ("Logboek", "Event log"),
        TextSize => ("Tekstgrootte", "Text size"),
        AllChosen => ("Alle teams hebben gekozen", "Every team has chosen"),
        SelectedTeam => ("Geselecteerd team", "Selected team"),
        TimeUp => ("De tijd is om", "Time is up"),
        NotSelected => ("geen", "none"),
        NoScoreYet => ("nog geen score", "no score yet"),
        Waiting => ("Wacht op de begeleider…", "Waiting for the facilitator…"),
        KeySkip => (
            "scenario overslaan (telt niet mee, vóór de onthulling)",
            "skip the scenario (does not count, before the reveal)",
        ),
        SkipScenario => ("Scenario overslaan", "Skip scenario"),
        AdjustPoints => ("Punten bijstellen", "Adjust points"),
        AdjustReason => (
            "reden (verplicht, komt in het verslag)",
            "reason (required, goes into the report)",
        ),
        OwnValues => ("Eigen waarden", "Our own values"),
        OwnValuesHint => (
            "Een waarde in de woorden van de groep. Gekoppeld aan een waarde van het deck telt hij als die waarde; los telt hij niet mee in de score, maar afspraken kunnen hem wel dienen.",
            "A value in the group's own words. Linked to a value of the deck it scores as that value; standing alone it does not count in the scores, but agreements can still serve it.",
        ),
        Rewording => ("In eigen woorden", "In our words"),
        ValueName => ("Naam", "Name"),
        ValueMeaning => ("Betekenis", "Meaning"),
        ScoresAs => ("Telt als", "Scores as"),
        StandsAlone => ("los (telt niet mee)", "on its own (does not score)"),
        StandsAloneHint => (
            "Een losse waarde telt in de rondes niet mee: de scores gaan alleen over waarden van het deck.",
            "A value on its own does not count in the rounds: the scores are about the deck's values only.",
        ),
        SaveWords => ("Woorden opslaan", "Save the words"),
        AddValue => ("Waarde toevoegen", "Add the value"),
        Cancel => ("Annuleren", "Cancel"),
        OwnValue => ("eigen waarde", "our own value"),
        CountsAs => ("telt als", "scores as"),
        ScoresNothing => ("telt niet mee in de score", "does not count in the scores"),
        InOurWords => ("in eigen woorden", "in our words"),
        ShowPoll => (
            "Peiling op het scherm tonen",
            "Show the poll on the projector",
        ),
        HidePoll => (
            "Peiling van het scherm halen",
            "Take the poll off the projector",
        ),
        PollResult => ("Wat de peiling zegt", "What the poll said"),
        Respondents => (
            "deelnemers vulden de peiling in",
            "people answered the poll",
        ),
        Review => ("Terugblik", "Looking back"),
        ReviewIntro => (
            "De afspraken die gelden sinds de vorige sessie: hoe ging het, en houden we ze, herzien we ze of laten we ze vallen?",
            "The agreements in force since the last session: how did they go, and do we keep, revise or drop them?",
        ),
        NewWording => (
            "Nieuwe tekst, om een afspraak te herzien",
            "New wording, to revise an agreement",
        ),
        HowDidItGo => ("Hoe ging het?", "How did it go?"),
        WentDone => ("gedaan", "done"),
        WentPartly => ("deels", "partly"),
        WentNot => ("niet", "not"),
        KeepIt => ("toch houden", "keep it after all"),
        DeckForSession => ("Deck voor deze sessie", "Deck for this session"),
        NotPlayedYet => ("nog niet gespeeld", "not played yet"),
        NextSitting => (
            "Volgende sessie van dit traject voorbereiden",
            "Set up the next session of this trajectory",
        ),
        WentFor => ("ging voor", "went before"),
        TheHabit => ("De gewoonte", "Habit"),
        RankByPoints => (
            "Stand op punten: alle teams spelen met dezelfde waarden.",
            "Ranked by points: every team plays with the same values.",
        ),
        RankByAlignment => (
            "Stand op afstemming: punten ÷ het beste dat mogelijk was voor de eigen waarden.",
            "Ranked by alignment: points ÷ the best possible for the team's own values.",
        ),
        KeyTeams11 => ("kies team 11 of 12", "pick team 11 or 12"),
        KeyEsc => (
            "hulp sluiten, dan de melding voor de begeleider wegklikken",
            "close the help, then dismiss the facilitator's message",
        ),
        NotChosen => ("niet gekozen", "not chosen"),
        AllConsequences => (
            "Gevolgen van alle gedragingen",
            "Consequences of every behaviour",
        ),
        KeyAllConsequences => (
            "bij de onthulling: ook de gevolgen van wat niemand koos",
            "at the reveal: also the consequences of what nobody chose",
        ),
        KeyPhones => (
            "de telefoons van de teams aan of uit",
            "the teams' phones on or off",
        ),
        ComingUp => ("Hierna (plan)", "Coming up (plan)"),
        PlayNext => ("als volgende", "play next"),
        SessionPlan => ("Sessieplan", "Session plan"),
        PlanHint => (
            "Kies de scenario's in de volgorde waarin je ze wilt spelen. Zonder plan beslist de trekking, met het aanbevolen begin voorop; na het plan vult de trekking aan.",
            "Pick the scenarios in the order you want to play them. Without a plan the draw decides, the recommended start first; after the plan the draw fills in.",
        ),
        AllLayers => ("Alle lagen", "All layers"),
        UseDraw => ("Trekking (plan leegmaken)", "Shuffle (clear the plan)"),
        Recommended => ("aanbevolen begin", "recommended start"),
        Rules => ("Zo werkt het spel", "How the game works"),
        RulesPoints => (
            "Elk gedrag verandert waarden: een plus helpt een waarde, een min schaadt haar. Je team scoort alleen op de waarden die jullie hebben afgesproken: gewicht × effect.",
            "Every behaviour moves values: a plus helps a value, a minus harms it. Your team scores only on the values you agreed: weight × effect.",
        ),
        RulesRankShared => (
            "De stand gaat op punten: alle teams spelen met dezelfde waarden.",
            "The ranking goes by points: every team plays with the same values.",
        ),
        RulesRankPerTeam => (
            "De stand gaat op afstemming: jullie punten gedeeld door het beste dat met jullie eigen waarden mogelijk was, in procenten.",
            "The ranking goes by alignment: your points divided by the best your own values allowed, as a percentage.",
        ),
        RulesBarbarian => (
            "Een barbaarse zet: je keuze schaadt een van jullie twee zwaarste waarden flink, terwijl een ander gedrag haar had gediend. Dan wint een gewoonte van een afspraak — daar gaat het gesprek over.",
            "A barbarian move: your choice clearly harms one of your two heaviest values while another behaviour would have served it. A habit wins over an agreement — that is what the conversation is about.",
        ),
        KeyRules => (
            "de spelregels op het scherm tonen / verbergen",
            "show / hide the rules on the projector",
        ),
        OpenDeckFolder => ("Deckmap openen", "Open the deck folder"),
        SpaceKey => ("spatie", "space"),
        ToReview => ("Naar de terugblik", "To the look back"),
        And => ("en", "and"),
        SpaceBar => ("Spatie", "Space"),
        OwnValueExample => ("Menselijk", "Human"),
        PollFileExample => ("peiling.csv", "poll.csv"),
        ProjectorWindow => ("Cultuurbarbaren — projectie", "Culture Barbarians — projector"),
        FacilitatorWindow => (
            "Cultuurbarbaren — begeleider",
            "Culture Barbarians — facilitator",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Key, Lang};

    #[test]
    fn every_string_has_both_languages() {
        for k in T::ALL {
            for lang in Lang::ALL {
                let text = k.tr(lang);
                assert!(!text.trim().is_empty(), "{k:?} in {lang:?}");
                assert_eq!(text.trim(), text, "{k:?} in {lang:?}: no stray spaces");
            }
        }
        // Only these read the same in both languages (Dutch uses the English words); any other pair
        // is a missing translation.
        let same: Vec<T> = T::ALL
            .iter()
            .copied()
            .filter(|k| k.tr(Lang::Nl) == k.tr(Lang::En))
            .collect();
        assert_eq!(same, [T::Decks, T::Teams, T::Deck, T::Scenario, T::Score]);
    }
}
