package gr.solidarity.ledger.app.history;

import java.util.Map;
import java.util.Optional;

/**
 * Before events had stable names they were stored under their Java class names, with no revision. Those names are
 * written out here once, as text, so that stored events stay readable whatever the classes are called later. This
 * table never changes: a new event type is born with its stable name and never appears here.
 */
public final class LegacyTypeNames {

    /** The revision an event stored without one has: the first. */
    public static final String FIRST_REVISION = "1";

    private static final Map<String, String> STABLE_NAME_OF_CLASS_NAME = Map.ofEntries(
            Map.entry("gr.solidarity.ledger.messages.allocation.AllocationEvents$AllocationProposed",
                    "allocation.AllocationProposed"),
            Map.entry("gr.solidarity.ledger.messages.allocation.AllocationEvents$AllocationApproved",
                    "allocation.AllocationApproved"),
            Map.entry("gr.solidarity.ledger.messages.allocation.AllocationEvents$AllocationRejected",
                    "allocation.AllocationRejected"),
            Map.entry("gr.solidarity.ledger.messages.allocation.AllocationEvents$AllocationCancelled",
                    "allocation.AllocationCancelled"),
            Map.entry("gr.solidarity.ledger.messages.allocation.AllocationEvents$AllocationDispatched",
                    "allocation.AllocationDispatched"),
            Map.entry("gr.solidarity.ledger.messages.allocation.AllocationEvents$AllocationReceiptConfirmed",
                    "allocation.AllocationReceiptConfirmed"),
            Map.entry("gr.solidarity.ledger.messages.catalogue.CatalogueEvents$CatalogueItemAdded",
                    "catalogue.CatalogueItemAdded"),
            Map.entry("gr.solidarity.ledger.messages.catalogue.CatalogueEvents$CatalogueItemRevised",
                    "catalogue.CatalogueItemRevised"),
            Map.entry("gr.solidarity.ledger.messages.catalogue.CatalogueEvents$CatalogueItemRetired",
                    "catalogue.CatalogueItemRetired"),
            Map.entry("gr.solidarity.ledger.messages.catalogue.CatalogueEvents$MinimumStockLevelSet",
                    "catalogue.MinimumStockLevelSet"),
            Map.entry("gr.solidarity.ledger.messages.identity.AccountEvents$UserAccountCreated",
                    "account.UserAccountCreated"),
            Map.entry("gr.solidarity.ledger.messages.identity.AccountEvents$UserRoleAssigned",
                    "account.UserRoleAssigned"),
            Map.entry("gr.solidarity.ledger.messages.identity.AccountEvents$UserPasswordChanged",
                    "account.UserPasswordChanged"),
            Map.entry("gr.solidarity.ledger.messages.identity.AccountEvents$UserAccountDisabled",
                    "account.UserAccountDisabled"),
            Map.entry("gr.solidarity.ledger.messages.identity.AccountEvents$UserAccountEnabled",
                    "account.UserAccountEnabled"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedDeclared",
                    "need.NeedDeclared"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedLineAmended",
                    "need.NeedLineAmended"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedCancelled",
                    "need.NeedCancelled"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedAllocated",
                    "need.NeedAllocated"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedAllocationReleased",
                    "need.NeedAllocationReleased"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedDeliveryRecorded",
                    "need.NeedDeliveryRecorded"),
            Map.entry("gr.solidarity.ledger.messages.need.NeedEvents$NeedFulfilled",
                    "need.NeedFulfilled"),
            Map.entry("gr.solidarity.ledger.messages.organisation.OrganisationEvents$DonorCompanyRegistered",
                    "organisation.DonorCompanyRegistered"),
            Map.entry("gr.solidarity.ledger.messages.organisation.OrganisationEvents$RecipientStructureRegistered",
                    "organisation.RecipientStructureRegistered"),
            Map.entry("gr.solidarity.ledger.messages.organisation.OrganisationEvents$OrganisationVerified",
                    "organisation.OrganisationVerified"),
            Map.entry("gr.solidarity.ledger.messages.organisation.OrganisationEvents$OrganisationSuspended",
                    "organisation.OrganisationSuspended"),
            Map.entry("gr.solidarity.ledger.messages.organisation.OrganisationEvents$OrganisationReinstated",
                    "organisation.OrganisationReinstated"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeMade",
                    "pledge.PledgeMade"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeLineAmended",
                    "pledge.PledgeLineAmended"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeLineWithdrawn",
                    "pledge.PledgeLineWithdrawn"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeWithdrawn",
                    "pledge.PledgeWithdrawn"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeDeliveryRecorded",
                    "pledge.PledgeDeliveryRecorded"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeLineOverDelivered",
                    "pledge.PledgeLineOverDelivered"),
            Map.entry("gr.solidarity.ledger.messages.pledge.PledgeEvents$PledgeFulfilled",
                    "pledge.PledgeFulfilled"),
            Map.entry("gr.solidarity.ledger.messages.request.RequestEvents$IdempotentRequestProcessed",
                    "request.IdempotentRequestProcessed"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$GoodsReceived",
                    "stock.GoodsReceived"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$StockAdjusted",
                    "stock.StockAdjusted"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$PhysicalCountRecorded",
                    "stock.PhysicalCountRecorded"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$StockTransferredOut",
                    "stock.StockTransferredOut"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$StockTransferredIn",
                    "stock.StockTransferredIn"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$StockReserved",
                    "stock.StockReserved"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$ReservationReleased",
                    "stock.ReservationReleased"),
            Map.entry("gr.solidarity.ledger.messages.stock.StockEvents$ReservedStockDispatched",
                    "stock.ReservedStockDispatched"),
            Map.entry("gr.solidarity.ledger.messages.warehouse.WarehouseEvents$WarehouseRegistered",
                    "warehouse.WarehouseRegistered"));

    private LegacyTypeNames() {
    }

    /** The stable name of an event stored under its former class name. */
    public static Optional<String> stableNameOf(String className) {
        return Optional.ofNullable(className).map(STABLE_NAME_OF_CLASS_NAME::get);
    }

    public static Map<String, String> all() {
        return STABLE_NAME_OF_CLASS_NAME;
    }
}
