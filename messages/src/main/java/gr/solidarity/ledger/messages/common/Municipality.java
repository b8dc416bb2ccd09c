package gr.solidarity.ledger.messages.common;

/**
 * A municipality (Δήμος) as it stood when the event was recorded, with its regional unit (Περιφερειακή Ενότητα) and
 * region. Events carry the names, not only the ELSTAT code, because codes have been renumbered between censuses and a
 * reader years later must still see what the officer saw.
 */
public record Municipality(String code, String nameEl, String nameEn,
                           String regionalUnitCode, String regionalUnitEl, String regionalUnitEn,
                           String regionCode, String regionEn) {
}
