package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.identity.Actor;

import java.util.Map;

/**
 * Rule ActorMustBelongToOrganisation: donor and recipient users act only for their own organisation; directorate
 * staff and the system act for any. A member of another organisation is answered "not found", exactly as if the record
 * did not exist, so a refusal tells outsiders nothing about what other organisations have.
 */
public final class ActingFor {

    private ActingFor() {
    }

    /**
     * @param metaData the command's metadata, where the actor travels
     * @param notFound the refusal the command gives when its target does not exist
     */
    public static void require(Map<String, ?> metaData, String organisationId, CommandRefusedException notFound) {
        if (!Actor.fromMetaData(metaData).mayActFor(organisationId)) {
            throw notFound;
        }
    }
}
