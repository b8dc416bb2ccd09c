package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration network loads completely through the ordinary commands, once, and only into an empty store. */
class DemoNetworkTest {

    @TempDir
    Path dataDirectory;

    @Test
    void loadsTheEpirusNetworkInEveryStateOnceOnly() {
        int events;
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.demo-data=true")) {
            List<String> types = EventLog.types(ledger);
            events = types.size();
            Map<String, Long> count = types.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

            assertThat(count.get("CatalogueItemAdded")).isBetween(35L, 45L);
            assertThat(count.get("DonorCompanyRegistered")).isGreaterThanOrEqualTo(12L);
            assertThat(count.get("RecipientStructureRegistered")).isGreaterThanOrEqualTo(8L);
            assertThat(count.get("WarehouseRegistered")).isGreaterThanOrEqualTo(3L);
            assertThat(count).containsKeys("CatalogueItemRevised", "CatalogueItemRetired", "OrganisationSuspended",
                    "PledgeLineAmended", "PledgeLineWithdrawn", "PledgeWithdrawn", "PledgeFulfilled",
                    "PledgeLineOverDelivered", "GoodsReceived", "StockAdjusted", "PhysicalCountRecorded",
                    "StockTransferredOut", "StockTransferredIn", "NeedLineAmended", "NeedCancelled", "NeedFulfilled",
                    "AllocationProposed", "AllocationApproved", "AllocationRejected", "AllocationCancelled",
                    "AllocationDispatched", "AllocationReceiptConfirmed");

            // one account per role, signing in with the passwords README.md gives
            for (var account : DemoAccounts.ACCOUNTS) {
                ledger.identities().token(account.username(), account.password());
            }
            assertThat(DemoAccounts.ACCOUNTS).extracting(DemoAccounts.Account::role)
                    .contains(gr.solidarity.ledger.messages.identity.Role.OFFICER,
                            gr.solidarity.ledger.messages.identity.Role.DIRECTOR,
                            gr.solidarity.ledger.messages.identity.Role.DONOR,
                            gr.solidarity.ledger.messages.identity.Role.RECIPIENT,
                            gr.solidarity.ledger.messages.identity.Role.AUDITOR);
        }

        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.demo-data=true")) {
            assertThat(EventLog.types(ledger)).hasSize(events);
        }
    }
}
