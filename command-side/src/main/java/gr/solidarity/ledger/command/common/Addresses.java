package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.common.PostalAddress;

/** Rule AddressMustBeComplete: street and town present, a five-digit Greek postal code (ΤΚ) when given. */
public final class Addresses {

    public static final String ADDRESS_REQUIRED = "ADDRESS_REQUIRED";
    public static final String INVALID_POSTAL_CODE = "INVALID_POSTAL_CODE";

    private Addresses() {
    }

    public static PostalAddress require(PostalAddress address) {
        if (address == null) {
            throw CommandRefusedException.invalid(ADDRESS_REQUIRED, "address", "address is required");
        }
        String postalCode = Texts.optional("address.postalCode", address.postalCode(), 10);
        if (postalCode != null && !postalCode.replace(" ", "").matches("\\d{5}")) {
            throw CommandRefusedException.invalid(INVALID_POSTAL_CODE, "address.postalCode",
                    "postal code (ΤΚ) must be five digits");
        }
        return new PostalAddress(Texts.require("address.street", address.street(), 200),
                postalCode == null ? null : postalCode.replace(" ", ""),
                Texts.require("address.town", address.town(), 100));
    }
}
