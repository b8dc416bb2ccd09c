package gr.solidarity.ledger.messages.operations;

import java.util.List;

/**
 * The views and the processors that fill them, as an administrator operates them: where each one stands against the
 * head of the event store, and rebuilding one from the first event. Answered where the processors run.
 */
public final class ProjectionQueries {

    private ProjectionQueries() {
    }

    /** @param name one view only, or null for every one */
    public record FindProjections(String name) {
    }

    /**
     * Empties one view and replays it from the first event; answered with its status just after it started again,
     * or nothing when there is no such view. The view answers less than it knew until the replay catches up.
     */
    public record RebuildProjection(String name) {
    }

    public enum ProjectionState {
        /** Handling new events as they are recorded. */
        RUNNING,
        /** Replaying earlier events after a rebuild. */
        REPLAYING,
        /** Not running, or stopped at an event its handler failed on. */
        STOPPED
    }

    /**
     * @param position the event position every segment of the view has handled; null before the first event
     * @param head     the position of the last event recorded; null while the store is empty
     * @param failure  why the view stopped, when a handler failed; null otherwise
     */
    public record ProjectionStatusView(String name, ProjectionState state, Long position, Long head, String failure) {
    }

    public record ProjectionStatusList(List<ProjectionStatusView> items) {
    }
}
