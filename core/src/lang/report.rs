//! The fixed texts of what a session leaves behind: the report (Markdown and HTML), the
//! spreadsheets, the posters, the A4 manners page and the handout. Dutch first, English second.

crate::catalogue! {
    /// One fixed text of the take-home outputs.
    pub enum R {
        Report => ("Verslag", "Report"),
        Created => ("Gespeeld op", "Played on"),
        Deck => ("Deck", "Deck"),
        Teams => ("Teams", "Teams"),
        Values => ("Afgesproken waarden", "Agreed values"),
        Shared => ("de hele groep", "the whole group"),
        Round => ("Ronde", "Round"),
        Skipped => ("Overgeslagen", "Skipped"),
        Layer => ("laag", "layer"),
        Chose => ("kiest", "chooses"),
        Points => ("punten", "points"),
        Point => ("punt", "point"),
        Best => ("beste mogelijk", "best possible"),
        BestShort => ("beste", "best"),
        Barbarian => ("barbaarse zet", "barbarian move"),
        Adjusted => ("Aanpassing door de begeleider", "Adjusted by the facilitator"),
        Debrief => ("Om over te praten", "To talk about"),
        Ranking => ("Eindstand", "Final ranking"),
        Profile => ("Waardenprofiel", "Value profile"),
        /// The group's agreements: the report's section, the posters' motto, the A4 page's title.
        Manners => ("Zo zijn onze manieren", "This is how we do things"),
        Weight => ("gewicht", "weight"),
        NotAgreed => ("niet afgesproken", "not agreed"),
        None => ("geen", "none"),
        Unfinished => (
            "De sessie is nog niet afgesloten.",
            "The session has not been closed yet.",
        ),
        Summary => ("Samenvatting", "Summary"),
        Behaviour => ("Gedrag", "Behaviour"),
        Change => ("Verandering per waarde", "Change per value"),
        OfBest => ("van het haalbare", "of the best possible"),
        Notes => ("Aantekeningen", "Notes"),
        Trajectory => ("Het traject tot nu toe", "The trajectory so far"),
        Session => ("Sessie", "Session"),
        Played => ("In het spel kozen we", "In the game we chose"),
        ProposedBy => ("voorgesteld door", "proposed by"),
        Meets => ("checklist", "checklist"),
        Earlier => ("eerder", "earlier"),
        Proposals => (
            "Voorstellen die niet (of nog niet) zijn aangenomen",
            "Proposals not (or not yet) adopted",
        ),
        Dropped => ("vervallen", "dropped"),
        Open => ("nog open", "still open"),
        NoAgreements => (
            "De groep heeft in deze sessie nog geen afspraken aangenomen.",
            "The group has not adopted any agreements in this session yet.",
        ),
        History => ("geschiedenis", "history"),
        BeforeRounds => ("Voor de eerste ronde", "Before the first round"),
        NotRevealed => ("nog niet onthuld", "not revealed yet"),
        ByPoints => (
            "Gerangschikt op punten: alle teams speelden met dezelfde waarden.",
            "Ranked by points: every team played with the same values.",
        ),
        ByAlignment => (
            "Gerangschikt op afstemming: punten ÷ het beste dat mogelijk was voor de eigen waarden.",
            "Ranked by alignment: points ÷ the best possible for the team's own values.",
        ),
        Rank => ("Plaats", "Rank"),
        ChosenBy => ("gekozen door", "chosen by"),
        Photos => ("Onze foto's", "Our photos"),
        PhotoMissing => ("foto ontbreekt", "photo missing"),
        WithAgreement => ("bij de afspraak", "with the agreement"),
        // The posters.
        NoAgreementYet => (
            "Nog geen afspraak voor deze waarde.",
            "No agreement for this value yet.",
        ),
        More => ("meer", "more"),
        PhotosMore => ("foto's meer", "more photos"),
        // The A4 manners page.
        NoneAdopted => (
            "De groep heeft nog geen afspraken aangenomen.",
            "The group has not adopted any agreements yet.",
        ),
        // The handout.
        HandoutIntro => (
            "De scenario's van deze sessie, om in je team te lezen en te bespreken.",
            "The scenarios of this session, to read and discuss in your team.",
        ),
        WhatDoYouDo => ("Wat doe je?", "What do you do?"),
        HandoutDebrief => ("Nabespreking", "Debrief"),
        Chosen => ("Gekozen", "Chosen"),
        NoRoundYet => ("Er is nog geen ronde begonnen.", "No round has begun yet."),
        // Writing the files, and the command line.
        CannotMakeFolder => ("kan de map niet maken", "cannot create the folder"),
        CannotWrite => ("kan niet schrijven", "cannot write"),
        Warning => ("waarschuwing", "warning"),
        NameTheDeck => ("geef het aan met --deck PAD", "name it with --deck PATH"),
    }
}

crate::catalogue! {
    /// The words of the spreadsheets (`scores.xlsx`, `scores.csv`).
    pub enum Sheet {
        Round => ("Ronde", "Round"),
        Scenario => ("Scenario", "Scenario"),
        Team => ("Team", "Team"),
        Behaviour => ("Gedrag", "Behaviour"),
        Description => ("Omschrijving", "Description"),
        Score => ("Rondescore", "Round score"),
        Best => ("Beste mogelijk", "Best possible"),
        Adjustment => ("Aanpassing", "Adjustment"),
        Reason => ("Reden aanpassing", "Reason for adjustment"),
        Running => ("Stand", "Running total"),
        Rank => ("Plaats", "Rank"),
        RoundsTotal => ("Rondescores", "Round scores"),
        Total => ("Totaal", "Total"),
        OfBest => ("% van het haalbare", "% of best possible"),
        Value => ("Waarde", "Value"),
        Weight => ("Gewicht", "Weight"),
        Effect => ("Effect", "Effect"),
        Points => ("Punten", "Points"),
        When => ("Wanneer", "When"),
        BeforeRounds => ("voor de eerste ronde", "before the first round"),
        Skipped => ("overgeslagen", "skipped"),
        NotRevealed => ("nog niet onthuld", "not revealed yet"),
        SheetRounds => ("Per ronde", "Per round"),
        SheetRanking => ("Eindstand", "Ranking"),
        SheetProfiles => ("Waardenprofielen", "Value profiles"),
        SheetAdjustments => ("Aanpassingen", "Adjustments"),
    }
}
