package gr.solidarity.ledger.query.web;

/** The view did not reach the position the client asked for within the wait allowed: answered 503, retry later. */
public class ViewNotUpToDateException extends RuntimeException {

    public ViewNotUpToDateException(String view, long position) {
        super("the view " + view + " has not yet reached position " + position);
    }
}
