//! The photo assignment's part of the interface: the wall on the projector and the facilitator's
//! photo panel. Dutch first, English second.

crate::catalogue! {
    /// One string of the photo assignment's part of the interface.
    pub enum PhotoText {
        Missing => ("foto ontbreekt", "photo missing"),
        OurPhotos => ("Onze foto's", "Our photos"),
        NoPhotosYet => (
            "Nog geen foto's. Per subgroep één foto van een waarde.",
            "No photos yet. One photo of a value per subgroup.",
        ),
        Assignment => ("Foto-opdracht", "Photo assignment"),
        CloseWall => ("Fotowand sluiten (W)", "Close the photo wall (W)"),
        ShowWall => ("Fotowand tonen (W)", "Show the photo wall (W)"),
        SessionFinished => (
            "De sessie is afgesloten: maak het afsluiten ongedaan (Ctrl+Z) om foto's toe te voegen of te wijzigen.",
            "The session is finished: undo the finish (Ctrl+Z) to add or change photos.",
        ),
        DropHint => (
            "Sleep foto's (JPEG of PNG) of een map op een van de vensters. Nieuwe foto's krijgen de waarde en subgroep hieronder.",
            "Drop photos (JPEG or PNG) or a folder onto either window. New photos get the value and subgroup below.",
        ),
        OrCopyInto => ("Of zet ze in:", "Or copy them into:"),
        ValueLabel => ("Waarde:", "Value:"),
        SubgroupLabel => ("Subgroep:", "Subgroup:"),
        CaptionOf => ("Bijschrift bij foto", "Caption of photo"),
        WithAgreement => ("Bij afspraak:", "With agreement:"),
        NoAgreement => ("geen", "none"),
        SaveToPhoto => ("Bewaar bij de foto", "Save to the photo"),
        NoCaption => ("(geen bijschrift)", "(no caption)"),
        Edit => ("Bewerk", "Edit"),
        RemovePhoto => ("Haal weg", "Remove"),
        NoJournal => (
            "Deze sessie heeft geen journaal, dus ook geen fotomap: foto's kunnen niet bewaard worden.",
            "This session has no journal, so no photo folder either: photos cannot be kept.",
        ),
        NoSession => (
            "Foto's horen bij een sessie: begin of hervat eerst een sessie, en sleep ze dan op een venster.",
            "Photos belong to a session: start or resume a session first, then drop them onto a window.",
        ),
    }
}
