package gr.solidarity.ledger.messages.history;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name and revision under which a type is kept in the event store (events, and aggregates kept as snapshots).
 * <p>
 * The name is what the store remembers, so it never changes: a class may be renamed or moved freely, its stored name
 * stays. The revision counts changes of the serialized shape: a changed shape is a new revision, and stored events of
 * every earlier revision are turned into the new one by an upcaster when they are read, never rewritten. Revisions are
 * numbered 1, 2, 3…
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoredType {

    /** Short, stable, unique: {@code area.EventName}, for example {@code stock.GoodsReceived}. */
    String name();

    /** The revision of the shape this class has now. */
    int revision();
}
