/**
 * The published language of the Solidarity Ledger: commands, events and value types shared by every module.
 * <p>
 * This module depends on the JDK only, so that events stay readable for as long as the event store keeps them.
 * Events are past-tense records of what happened, in primitives and small value types. Each is stored under the name
 * and revision it declares ({@link gr.solidarity.ledger.messages.history.StoredType}), never under its class name, and
 * declares the organisations and lots it concerns ({@link gr.solidarity.ledger.messages.history.Concerning}). Stored
 * events are never rewritten: a changed shape is a new revision, read from the old one by an upcaster, or a new event.
 */
package gr.solidarity.ledger.messages;
