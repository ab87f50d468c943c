//! The phones' part of the interface: the facilitator's phones window, the join screen on the
//! projector and the answers the phones get. Dutch first, English second.

crate::catalogue! {
    /// One string of the phones' part of the interface.
    pub enum PhoneText {
        Phones => ("Telefoons", "Phones"),
        LogJoinAddress => ("telefoons: meedoen via", "phones: join at"),
        TurnOn => ("Telefoons aan (Q)", "Phones on (Q)"),
        TurnOff => ("Telefoons uit (Q)", "Phones off (Q)"),
        Join => ("Doe mee met je telefoon", "Join with your phone"),
        RoomCode => ("Kamercode", "Room code"),
        Address => ("Adres", "Address"),
        Lock => ("Meedoen sluiten", "Lock joining"),
        Unlock => ("Meedoen openen", "Open joining"),
        NoPhoneHint => (
            "Na een minuut nog geen telefoon: gastwifi houdt apparaten vaak van elkaar gescheiden. Zet een hotspot aan op een telefoon of op de laptop, of toets de keuzes in zoals altijd.",
            "A minute and no phone yet: guest Wi-Fi often keeps devices apart. Turn on a hotspot on a phone or on the laptop, or key in the choices as before.",
        ),
        Connected => ("verbonden", "connected"),
        HasChosen => ("heeft gekozen", "has chosen"),
        NotChosen => ("nog niet gekozen", "not chosen yet"),
        Remove => ("Verwijderen", "Remove"),
        Interface => ("Netwerk", "Network"),
        VirtualAdapter => ("virtueel/VPN", "virtual/VPN"),
        Off => (
            "Uit: de teams toetsen hun keuze niet zelf in; de spelleider doet het met het toetsenbord.",
            "Off: the facilitator keys in the teams' choices.",
        ),
        NoTeam => ("zonder team", "no team"),
        RoundNotOpen => (
            "Er is nu geen ronde om te kiezen.",
            "There is no round to choose in now.",
        ),
        NotYetOpen => (
            "Nog even: de spelleider opent het kiezen zo.",
            "Not yet: the facilitator opens the choice shortly.",
        ),
        TooLate => (
            "Te laat: de keuzes zijn al onthuld.",
            "Too late: the choices have been revealed.",
        ),
        NoSuchBehaviour => (
            "Dat gedrag staat niet in dit scenario.",
            "This scenario has no such behaviour.",
        ),
        NoSuchTeam => ("Dit team bestaat niet.", "There is no such team."),
        Chosen => ("Keuze ontvangen.", "Choice received."),
        Unchanged => ("Deze keuze stond er al.", "This was already your choice."),
        NoAddress => (
            "Deze computer heeft geen netwerkadres voor telefoons (geen wifi of kabel?).",
            "This computer has no network address for phones (no Wi-Fi or cable?).",
        ),
        ShowQr => ("QR-code op het scherm", "QR code on the screen"),
        Handout => (
            "Hand-out voor de teams (HTML, om te printen)",
            "Handout for the teams (HTML, to print)",
        ),
        HandoutSaved => ("Hand-out opgeslagen in", "Handout saved in"),
        NoProposalsNow => (
            "Voorstellen kunnen op het scherm met de afspraken.",
            "Proposals can be sent on the agreements screen.",
        ),
        NoSuchKind => (
            "Kies gedrag, ritueel, held of symbool.",
            "Choose behaviour, ritual, hero or symbol.",
        ),
        Proposed => (
            "Voorstel ontvangen; de groep beslist erover.",
            "Proposal received; the group decides on it.",
        ),
        TeamLinks => (
            "Een link per team (kopiëren; de telefoon doet meteen mee met dat team)",
            "A link per team (copy; the phone joins that team at once)",
        ),
        CannotListen => (
            "De telefoons kunnen niet aan: het adres is niet te gebruiken",
            "The phones cannot start: the address cannot be used",
        ),
    }
}
