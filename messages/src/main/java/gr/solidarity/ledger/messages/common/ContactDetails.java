package gr.solidarity.ledger.messages.common;

/** Who to talk to at an organisation. Any component except {@code person} may be null. */
public record ContactDetails(String person, String email, String phone) {
}
