/**
 * The published language of the Solidarity Ledger: commands, events and value types shared by every module.
 * <p>
 * This module depends on the JDK only, so that events stay readable for as long as the event store keeps them.
 * Events are past-tense records of what happened, in primitives and small value types; once written they are never
 * changed in an incompatible way: new information means a new optional component or a new event.
 */
package gr.solidarity.ledger.messages;
