//! The command line's own words: what each command and option is for, and its few messages. Each
//! option is described once here; `cli` hangs these texts on the parsed definition in the
//! language of the run.

crate::catalogue! {
    /// One text of the command line.
    pub enum CliText {
        About => (
            "Cultuurbarbaren: een workshopspel dat kernwaarden omzet in concreet teamgedrag. Zonder opdracht start het spel.",
            "Culture Barbarians: a workshop game that turns core values into concrete team behaviour. Without a command the game starts.",
        ),
        Lang => (
            "Taal van het spel en van de uitvoer: nl of en (anders de taal van LANG, anders Nederlands)",
            "Language of the game and of the output: nl or en (else the language of LANG, else Dutch)",
        ),
        Help => ("Toon deze hulp", "Print this help"),
        Version => ("Toon de versie", "Print the version"),
        Commands => ("Opdrachten", "Commands"),
        Options => ("Opties", "Options"),
        Arguments => ("Argumenten", "Arguments"),
        Usage => ("Gebruik", "Usage"),
        Error => ("fout", "error"),
        Default => ("standaard", "default"),
        OptionsPlaceholder => ("[OPTIES]", "[OPTIONS]"),
        CommandPlaceholder => ("OPDRACHT", "COMMAND"),
        MoreInformation => (
            "Meer informatie: '--help'.",
            "For more information, try '--help'.",
        ),
        PossibleValues => ("mogelijke waarden", "possible values"),
        PossibleCommands => ("mogelijke opdrachten", "subcommands"),
        MissingArguments => (
            "deze verplichte argumenten ontbreken:",
            "the following required arguments were not provided:",
        ),
        MissingArgumentOrCommand => (
            "er ontbreekt een opdracht of een argument",
            "a command or an argument is missing",
        ),
        InvalidUtf8 => (
            "een argument is geen geldige UTF-8-tekst",
            "invalid UTF-8 was found",
        ),
        InvalidLine => (
            "de opdrachtregel klopt niet",
            "the command line is not valid",
        ),
        OtherArguments => (
            "een of meer van de andere argumenten",
            "one or more of the other specified arguments",
        ),
        NoNumber => ("er staat geen getal", "no number was given"),
        NotAWholeNumber => (
            "dat is geen geheel getal (alleen cijfers)",
            "not a whole number (digits only)",
        ),
        TooLarge => ("dat getal is te groot", "that number is too large"),
        TooSmall => ("dat getal is te klein", "that number is too small"),
        NotZero => ("dat getal mag geen nul zijn", "that number cannot be zero"),
        NotANumber => ("dat is geen geldig getal", "not a valid number"),
        NotAnAddress => (
            "dat is geen adres met poort (bijv. 192.168.1.20:8427)",
            "not an address with a port (e.g. 192.168.1.20:8427)",
        ),
        PathsName => ("PADEN", "PATHS"),
        JournalName => ("JOURNAAL", "JOURNAL"),
        OutName => ("MAP", "OUT"),
        SessionsName => ("MAP", "SESSIONS"),
        ScreenshotsName => ("MAP", "SCREENSHOTS"),
        DirName => ("MAP", "DIR"),
        FileName => ("BESTAND", "FILE"),
        SizeName => ("GROOTTE", "SIZE"),
        RoundsName => ("RONDES", "ROUNDS"),
        SeedName => ("ZAAD", "SEED"),
        ChoicesName => ("KEUZES", "CHOICES"),
        AgreementsName => ("AFSPRAKEN", "AGREEMENTS"),
        AddressName => ("ADRES:POORT", "ADDR:PORT"),
        PlayAbout => (
            "Speel het spel (ook zonder opdracht)",
            "Play the game (also without a command)",
        ),
        PlayDeck => (
            "Deck om mee te beginnen (standaard: klantcontact.nl.ron in levels/ of in de map van de gebruiker, anders het ingebouwde)",
            "Deck to start with (default: klantcontact.nl.ron in levels/ or in the user's folder, else the built-in one)",
        ),
        Sessions => (
            "Map met sessiejournalen (standaard: de gegevensmap van het platform)",
            "Folder with session journals (default: the platform's data folder)",
        ),
        SingleWindow => (
            "Eén venster: de bediening van de begeleider in een paneel dat je kunt verbergen",
            "One window: the facilitator's controls in a panel that can be hidden",
        ),
        Continue => (
            "Ga verder met een eerdere sessie van het traject (teams, waarden en afspraken gaan mee)",
            "Continue an earlier session of the trajectory (teams, values and agreements carry over)",
        ),
        Phones => (
            "Laat teams op hun eigen telefoon kiezen: start de aanmeldserver op het eerste geschikte netwerkadres van deze computer (nooit op alle adressen); de link wordt getoond",
            "Let the teams choose on their own phones: start the join server on this computer's first suitable network address (never on all addresses); the link is shown",
        ),
        PhonesBind => (
            "Start de aanmeldserver op precies dit adres (bijv. 192.168.1.20:8427 of 127.0.0.1:0)",
            "Start the join server on exactly this address (e.g. 192.168.1.20:8427 or 127.0.0.1:0)",
        ),
        CheckAbout => (
            "Controleer deckbestanden: elk *.ron-bestand onder levels/, of de gegeven bestanden en mappen",
            "Check deck files: every *.ron file under levels/, or the files and folders given",
        ),
        CheckPaths => (
            "Deckbestanden en mappen (standaard: levels/)",
            "Deck files and folders (default: levels/)",
        ),
        CheckFormat => (
            "Uitvoer: text (leesbare tekst) of json (JSON-regels voor editors)",
            "Output: text (readable) or json (JSON lines for editors)",
        ),
        DenyWarnings => (
            "Tel waarschuwingen als fouten (afsluitstatus 1)",
            "Count warnings as errors (exit status 1)",
        ),
        SimulateAbout => (
            "Speel een hele sessie zonder scherm met willekeurige (vast gezaaide) of uitgeschreven keuzes; schrijft het journaal en toont de stand",
            "Play a whole session without a screen with seeded random or scripted choices; writes the journal and prints the scores",
        ),
        SimulateDeck => (
            "Het deck om te spelen (standaard: klantcontact.nl.ron, anders het ingebouwde)",
            "The deck to play (default: klantcontact.nl.ron, else the built-in one)",
        ),
        SimulateSessions => (
            "Map voor het journaal (standaard: de gegevensmap van het platform)",
            "Folder for the journal (default: the platform's data folder)",
        ),
        Teams => ("Aantal teams", "Number of teams"),
        Rounds => ("Aantal rondes", "Number of rounds"),
        Seed => (
            "Zaad van de trekking en de keuzes: hetzelfde zaad geeft dezelfde sessie",
            "Seed of the draw and the choices: the same seed gives the same session",
        ),
        Choices => (
            "Uitgeschreven keuzes in plaats van willekeurige (zie docs/sessions.md)",
            "Scripted choices instead of random ones (see docs/sessions.md)",
        ),
        Agreements => (
            "Voeg aan het eind N afspraken van de groep toe (en notities bij de nabespreking)",
            "Add N agreements of the group at the end (and notes on the debrief)",
        ),
        Plan => (
            "Het sessieplan: scenario-id's in de volgorde van spelen (a,b,c); de trekking vult de rondes daarna",
            "The session plan: scenario ids in the order to play them (a,b,c); the draw fills the rounds after it",
        ),
        DemoAbout => (
            "Speel een korte uitgeschreven sessie door elk scherm en bewaar per scherm een PNG",
            "Play a short scripted session through every screen and save one PNG per screen",
        ),
        Screenshots => (
            "Map voor de schermafdrukken",
            "Folder for the screenshots",
        ),
        Size => (
            "Venstergrootte, bijv. 1920x1080",
            "Window size, e.g. 1920x1080",
        ),
        DemoDeck => (
            "Het deck van de demo (standaard: het demodeck)",
            "The deck of the demo (default: the demo deck)",
        ),
        PosterAbout => (
            "Schrijf de poster van elk team (1920×1080 en A4 op 300 dpi) bij een sessiejournaal",
            "Write each team's poster (1920×1080 and A4 at 300 dpi) for a session journal",
        ),
        MannersAbout => (
            "Schrijf \"Zo zijn onze manieren\", de afspraken van de groep, op één A4: HTML, PNG en (met Chromium) PDF",
            "Write \"This is how we do things\", the group's agreements, on one A4 page: HTML, PNG and (with Chromium) PDF",
        ),
        ReportAbout => (
            "Schrijf report.md, report.html, scores.xlsx, scores.csv en session.json bij een sessiejournaal",
            "Write report.md, report.html, scores.xlsx, scores.csv and session.json for a session journal",
        ),
        Journal => ("Het sessiejournaal", "The session journal"),
        Out => ("Map voor de uitvoer", "Folder for the output"),
        JournalDeck => (
            "Het deck van de sessie, als het na de sessie verplaatst is (standaard: het pad in het journaal)",
            "The session's deck, when it has moved since the session (default: the path in the journal)",
        ),
        PollAbout => (
            "Lees een peiling vooraf (CSV uit een formulier) en stel gewichten voor de waarden van een deck voor",
            "Read a pre-session poll (CSV from a form tool) and propose weights for a deck's values",
        ),
        PollFile => (
            "De export: CSV of tekst met tabs, in UTF-8, UTF-16 of Windows-1252",
            "The export: CSV or tab-separated text, in UTF-8, UTF-16 or Windows-1252",
        ),
        PollDeck => (
            "Het deck waarvan de peiling de waarden beoordeelt (standaard: klantcontact.nl.ron)",
            "The deck whose values the poll rates (default: klantcontact.nl.ron)",
        ),
        PollFormat => (
            "Uitvoer: text (voor een mens) of json (één JSON-object)",
            "Output: text (for a person) or json (one JSON object)",
        ),
        PollCount => (
            "Als een waarde zowel nu als gewenst beoordeeld is, telt desired (gewenst) of now (nu)",
            "When a value is rated both now and desired, which counts: desired or now",
        ),
        CheckImagesAbout => (
            "(Voor CI.) Controleer dat elke PNG in de map een echt, eigen beeld is en geen leeg venster",
            "(For CI.) Check that every PNG in the folder is a real, distinct picture, not a blank frame",
        ),
        ImagesDir => ("De map met PNG's", "The folder with PNGs"),
        ImagesMin => (
            "Het minste aantal PNG's dat er moet zijn",
            "The least number of PNG files expected",
        ),
    }
}
