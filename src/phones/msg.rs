//! The server's own messages, in both languages.

use super::Lang;

/// The server's own messages, in the session's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    NotFound,
    WrongToken,
    ForeignHost,
    ForeignOrigin,
    Method,
    TooLarge,
    BadJson,
    BadDevice,
    BadVoteId,
    TooFast,
    TooManyDevices,
    TooManyConnections,
    Locked,
    NoSuchTeam,
    NoTeam,
    Joined,
    Removed,
    WrongCode,
    TooManyCodes,
    GameGone,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Msg::NotFound => ("Deze pagina bestaat niet.", "There is no such page."),
            Msg::WrongToken => (
                "Deze link hoort niet bij het spel dat nu loopt. Scan de QR-code opnieuw.",
                "This link does not belong to the game now running. Scan the QR code again.",
            ),
            Msg::ForeignHost => (
                "Verkeerd adres: open de link van de QR-code.",
                "Wrong address: open the link of the QR code.",
            ),
            Msg::ForeignOrigin => (
                "Verzoeken van een andere website worden geweigerd.",
                "Requests from another website are refused.",
            ),
            Msg::Method => (
                "Deze methode kan hier niet.",
                "This method is not allowed here.",
            ),
            Msg::TooLarge => (
                "Het verzoek is te groot (hoogstens 1 KiB).",
                "The request is too large (1 KiB at most).",
            ),
            Msg::BadJson => (
                "Het verzoek is geen geldige JSON met de verwachte velden.",
                "The request is not valid JSON with the expected fields.",
            ),
            Msg::BadDevice => (
                "Ongeldige apparaatcode: herlaad de pagina.",
                "Invalid device id: reload the page.",
            ),
            Msg::BadVoteId => ("Ongeldige stemcode.", "Invalid vote id."),
            Msg::TooFast => (
                "Te veel verzoeken van dit apparaat; wacht even.",
                "Too many requests from this device; wait a moment.",
            ),
            Msg::TooManyDevices => (
                "Er zijn te veel apparaten verbonden.",
                "Too many devices are connected.",
            ),
            Msg::TooManyConnections => (
                "Te veel verbindingen tegelijk; probeer het zo opnieuw.",
                "Too many connections at once; try again shortly.",
            ),
            Msg::Locked => (
                "Meedoen is gesloten; vraag de spelleider.",
                "Joining is closed; ask the facilitator.",
            ),
            Msg::NoSuchTeam => ("Dit team bestaat niet.", "There is no such team."),
            Msg::NoTeam => ("Kies eerst je team.", "Choose your team first."),
            Msg::Joined => ("Je doet mee.", "You have joined."),
            Msg::Removed => (
                "De spelleider heeft dit apparaat verwijderd.",
                "The facilitator removed this device.",
            ),
            Msg::WrongCode => (
                "Onbekende kamercode. Kijk nog eens op het scherm.",
                "Unknown room code. Look at the screen again.",
            ),
            Msg::TooManyCodes => (
                "Te veel verkeerde codes; wacht een minuut.",
                "Too many wrong codes; wait a minute.",
            ),
            Msg::GameGone => (
                "Het spel antwoordt niet; probeer het opnieuw.",
                "The game does not answer; try again.",
            ),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}
