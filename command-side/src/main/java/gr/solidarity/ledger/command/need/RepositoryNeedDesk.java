package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.function.Function;

@Component
class RepositoryNeedDesk implements NeedDesk {

    private final Repository<Need> needs;

    RepositoryNeedDesk(Repository<Need> needs) {
        this.needs = needs;
    }

    @Override
    public NeedClaim allocate(AllocateToNeed request) {
        return onNeed(request.needId(), need -> need.allocate(request));
    }

    @Override
    public void release(ReleaseNeedAllocation request) {
        onNeed(request.needId(), need -> {
            need.release(request);
            return null;
        });
    }

    @Override
    public void recordDelivery(RecordNeedDelivery request) {
        onNeed(request.needId(), need -> {
            need.recordDelivery(request);
            return null;
        });
    }

    private <R> R onNeed(String needId, Function<Need, R> call) {
        if (needId == null || needId.isBlank()) {
            throw CommandRefusedException.invalid(NEED_NOT_FOUND, "needId", "needId is required");
        }
        return SameUnitOfWork.call(needs, needId, call,
                () -> CommandRefusedException.notFound(NEED_NOT_FOUND, "needId", "no need " + needId));
    }
}
