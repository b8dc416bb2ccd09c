package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory stand-ins for the ports the warehouse talks to. */
final class StockFakes {

    private StockFakes() {
    }

    static final class Catalogue implements CatalogueLookup {
        final Map<String, CatalogueEntry> items = new HashMap<>();
        final Set<String> retired = new HashSet<>();
        final List<String> asked = new ArrayList<>();

        Catalogue with(String itemCode, UnitOfMeasure unit, boolean perishable) {
            items.put(itemCode, new CatalogueEntry(itemCode, unit, perishable));
            return this;
        }

        @Override
        public CatalogueEntry requireUsable(String field, String itemCode) {
            asked.add(itemCode);
            CatalogueEntry entry = items.get(itemCode);
            if (entry == null) {
                throw CommandRefusedException.notFound(ITEM_NOT_FOUND, field, "no catalogue item " + itemCode);
            }
            if (retired.contains(itemCode)) {
                throw CommandRefusedException.ruleViolated(ITEM_RETIRED, field, itemCode + " is retired");
            }
            return entry;
        }
    }

    static final class Pledges implements PledgeDesk {
        final Map<String, String> donorByPledge = new HashMap<>();
        final List<RecordPledgeDelivery> deliveries = new ArrayList<>();

        @Override
        public String recordDelivery(RecordPledgeDelivery command) {
            deliveries.add(command);
            String donor = donorByPledge.get(command.pledgeId());
            if (donor == null) {
                throw CommandRefusedException.notFound(PLEDGE_NOT_FOUND, "pledgeId", "no pledge " + command.pledgeId());
            }
            return donor;
        }
    }

    static final class Organisations implements OrganisationLookup {
        final Set<String> verifiedDonors = new HashSet<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public void requireVerifiedDonor(String field, String organisationId) {
            asked.add(organisationId);
            if (!verifiedDonors.contains(organisationId)) {
                throw CommandRefusedException.ruleViolated(NOT_VERIFIED, field, organisationId + " is not verified");
            }
        }

        @Override
        public void requireVerifiedRecipient(String field, String organisationId) {
            throw new UnsupportedOperationException("warehouses do not ask about recipients");
        }
    }
}
