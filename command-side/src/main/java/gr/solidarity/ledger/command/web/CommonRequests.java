package gr.solidarity.ledger.command.web;

import gr.solidarity.ledger.messages.common.PostalAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies that several endpoints share. */
public final class CommonRequests {

    private CommonRequests() {
    }

    /** For state changes that must say why (suspension, withdrawal, rejection, cancellation...). */
    public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /** For state changes that may carry a remark. */
    public record NoteRequest(@Size(max = 1000) String note) {
    }

    public record AddressRequest(@NotBlank @Size(max = 200) String street,
                                 @Pattern(regexp = "\\d{3} ?\\d{2}", message = "must be a five-digit postal code (ΤΚ)") String postalCode,
                                 @NotBlank @Size(max = 100) String town) {
        public PostalAddress toValue() {
            return new PostalAddress(street, postalCode, town);
        }
    }
}
