package gr.solidarity.ledger.query.web;

/** A query parameter that cannot be served: answered 400 problem+json naming the parameter. */
public class InvalidQueryException extends RuntimeException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
