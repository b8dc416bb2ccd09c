package gr.solidarity.ledger.messages.identity;

import java.util.HashMap;
import java.util.Map;

/**
 * Who sent a command. It travels with every command as message metadata under the keys below and is copied onto every
 * event the command causes, so the audit trail can say who did what. Commands the system sends on its own (demo data,
 * first-start set-up) carry {@link #SYSTEM}. Its name is reserved: no local account and no identity provider's user
 * may carry it, and the command side accepts it only on commands its own process sent without an actor.
 *
 * @param userId         stable id of the user (the username of a local account, the subject of an identity provider)
 * @param displayName    the name to show, as known when the command was sent
 * @param role           the role the user acted in; null for the system
 * @param organisationId the donor company or recipient structure the user belongs to, null for directorate staff
 */
public record Actor(String userId, String displayName, Role role, String organisationId) {

    public static final String USER_ID = "actor";
    public static final String DISPLAY_NAME = "actorName";
    public static final String ROLE = "actorRole";
    public static final String ORGANISATION = "actorOrganisation";
    /** The correlation id of the HTTP request that caused the command. */
    public static final String REQUEST_ID = "requestId";

    public static final String SYSTEM_ID = "system";
    public static final Actor SYSTEM = new Actor(SYSTEM_ID, "Σύστημα", null, null);

    /** The system has no role and no organisation; a user who somehow carried the name would still have a role. */
    public boolean isSystem() {
        return SYSTEM_ID.equals(userId) && role == null && organisationId == null;
    }

    /**
     * Rule SystemNameIsReserved: names no user may carry, whatever their case or surrounding blanks, so that nobody can
     * be taken for the system in the audit trail or in the rules that let the system act for everyone.
     */
    public static boolean isReservedUserId(String userId) {
        return userId != null && SYSTEM_ID.equalsIgnoreCase(userId.strip());
    }

    /**
     * True when this actor may act for the given organisation: the system and staff for any, members only for their
     * own, someone without a role for none.
     */
    public boolean mayActFor(String organisation) {
        if (isSystem()) {
            return true;
        }
        if (role == null) {
            return false;
        }
        return !role.belongsToOrganisation() || (organisationId != null && organisationId.equals(organisation));
    }

    public Map<String, String> toMetaData() {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(USER_ID, userId);
        metaData.put(DISPLAY_NAME, displayName);
        if (role != null) {
            metaData.put(ROLE, role.name());
        }
        if (organisationId != null) {
            metaData.put(ORGANISATION, organisationId);
        }
        return metaData;
    }

    /** The actor recorded in a message's metadata; a message without one was sent by the system. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object userId = metaData == null ? null : metaData.get(USER_ID);
        if (userId == null || SYSTEM_ID.equals(userId)) {
            return SYSTEM;
        }
        Object name = metaData.get(DISPLAY_NAME);
        Object role = metaData.get(ROLE);
        Object organisation = metaData.get(ORGANISATION);
        return new Actor(userId.toString(), name == null ? userId.toString() : name.toString(),
                role == null ? null : Role.valueOf(role.toString()),
                organisation == null ? null : organisation.toString());
    }
}
