//! What the game says to the facilitator: refusals of a key or a click, notices and problems that
//! keep a screen from going on. Dutch first, English second. Messages with values are `bi!`
//! where they are made.

crate::catalogue! {
    /// One fixed message of the game.
    pub enum Msg {
        AllPlayed => (
            "Alle scenario's van dit deck zijn in dit traject al gespeeld: kies een ander deck.",
            "Every scenario of this deck was already played in this trajectory: choose another deck.",
        ),
        ChooseDeckFirst => ("Kies eerst een deck.", "Choose a deck first."),
        GroupNeedsValue => (
            "Kies minstens één waarde voor de groep.",
            "Choose at least one value for the group.",
        ),
        PollProposesNothing => (
            "De peiling stelt geen enkele waarde voor; kies de waarden met de hand.",
            "The poll proposes no value at all; choose the values by hand.",
        ),
        NoUserFolder => (
            "Dit systeem heeft geen map voor gebruikersgegevens; zet decks in levels/ naast het spel.",
            "This system has no folder for user data; put decks in levels/ beside the game.",
        ),
        SessionsFolderBlocked => (
            "De sessiemap is niet te beschrijven: kies op het titelscherm een andere map.",
            "The sessions folder cannot be written: choose another folder on the title screen.",
        ),
        AgreementsWhen => (
            "G opent de afspraken vanaf het tussenklassement of een nabespreking.",
            "G opens the agreements from the scoreboard or a debrief.",
        ),
        PostersWhen => (
            "P bewaart de posters op het eindscherm, niet nu.",
            "P saves the posters on the final screen, not now.",
        ),
        NothingToUndoYet => (
            "Er is nog niets om ongedaan te maken.",
            "There is nothing to undo yet.",
        ),
        UndoStopsHere => (
            "Er is niets om ongedaan te maken: de waarden en de eerste ronde liggen vast.",
            "There is nothing to undo: the values and the first round stay.",
        ),
        SkipWhen => (
            "S slaat een scenario over zolang het nog niet onthuld is; nu niet.",
            "S skips a scenario as long as it is not revealed; not now.",
        ),
        TimeIsUp => (
            "De tijd is om: M geeft er een minuut bij.",
            "Time is up: M adds a minute.",
        ),
        TimerWhen => (
            "De timer loopt alleen tijdens het gesprek.",
            "The timer runs only while the teams discuss.",
        ),
        MinutePaused => (
            "Een minuut erbij; de timer blijft gepauzeerd (T hervat).",
            "A minute added; the timer stays paused (T resumes).",
        ),
        MinuteWhen => (
            "M geeft alleen tijdens het gesprek een minuut erbij.",
            "M adds a minute only while the teams discuss.",
        ),
        AllConsequencesWhen => (
            "W toont de gevolgen van alle gedragingen bij de onthulling, niet nu.",
            "W shows the consequences of every behaviour at the reveal, not now.",
        ),
        ChooseInDiscussion => (
            "Teams kiezen tijdens het gesprek of de keuze: eerst spatie.",
            "Teams choose while they discuss or choose: press space first.",
        ),
        ChoicesRevealed => (
            "De keuzes van deze ronde zijn onthuld: maak de onthulling ongedaan (Ctrl+Z) om iets te wijzigen.",
            "This round's choices are revealed: undo the reveal (Ctrl+Z) to change anything.",
        ),
        ChooseInRound => (
            "Teams kiezen een gedrag tijdens een ronde.",
            "Teams choose a behaviour during a round.",
        ),
        NoDeckLoaded => (
            "Er is geen deck geladen: kies een deck.",
            "No deck is loaded: choose a deck.",
        ),
        FinalScreen => (
            "Dit is het eindscherm: P bewaart de posters, de knop ernaast de manieren op A4.",
            "This is the final screen: P saves the posters, the button beside it the manners on A4.",
        ),
        NoSession => ("Er loopt geen sessie.", "No session is running."),
        NoScenarioLeft => (
            "Het deck heeft geen scenario meer.",
            "The deck has no scenario left.",
        ),
        NoNewRound => (
            "Er kan geen nieuwe ronde beginnen.",
            "No new round can begin.",
        ),
    }
}
