package gr.solidarity.ledger.messages.common;

/** A Greek postal address: street and number, five-digit postal code (ΤΚ), town. */
public record PostalAddress(String street, String postalCode, String town) {
}
