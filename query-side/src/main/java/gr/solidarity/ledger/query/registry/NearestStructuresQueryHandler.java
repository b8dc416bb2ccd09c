package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindNearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicMunicipalities;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipalities;
import gr.solidarity.ledger.messages.registry.StructureQueries.NearbyStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.NearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.query.web.ViewPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * "Nearest to me" over the registry view. The view store has no distance queries (the embedded one has no
 * {@code $near}), so the public structures are held in a {@link StructureNearestIndex} read from the view, packed
 * again when the view has moved on: when its processor stands at another position than when the index was packed,
 * or, in a process where that processor does not run, when the index is older than {@link #UNKNOWN_POSITION_MAX_AGE_NANOS}.
 */
@Component
class NearestStructuresQueryHandler {

    private static final long UNKNOWN_POSITION_MAX_AGE_NANOS = 2_000_000_000L;

    private final Supplier<List<StructureView>> readView;
    private final Supplier<OptionalLong> viewPosition;
    private final LongSupplier clock;
    private volatile Packed packed;

    private record Packed(StructureNearestIndex index, OptionalLong position, long packedAt) {
    }

    @Autowired
    NearestStructuresQueryHandler(MongoTemplate mongo, ViewPositions positions) {
        this(readView(mongo), () -> {
            try {
                return positions.position(StructureRegistryQueryController.VIEW);
            } catch (IllegalArgumentException noProcessorHere) {
                return OptionalLong.empty();
            }
        }, System::nanoTime);
    }

    NearestStructuresQueryHandler(Supplier<List<StructureView>> readView, Supplier<OptionalLong> viewPosition,
                                  LongSupplier clock) {
        this.readView = readView;
        this.viewPosition = viewPosition;
        this.clock = clock;
    }

    @QueryHandler
    PublicMunicipalities handle(FindPublicMunicipalities query) {
        return new PublicMunicipalities(index().municipalities().stream()
                .filter(municipality -> query.regionalUnitCode() == null
                        || query.regionalUnitCode().equals(municipality.regionalUnitCode()))
                .toList());
    }

    @QueryHandler
    NearestStructures handle(FindNearestStructures query) {
        Predicate<StructureView> filter = view -> (query.regionalUnitCode() == null
                || query.regionalUnitCode().equals(view.regionalUnitCode()))
                && (query.municipalityCode() == null || query.municipalityCode().equals(view.municipalityCode()))
                && (query.type() == null || query.type() == view.type())
                && (query.service() == null || (view.services() != null && view.services().contains(query.service())))
                && (query.openAt() == null || (view.openingHours() != null
                        && view.openingHours().openAt(query.openAt())));
        int k = Math.max(0, Math.min(query.k(), StructureQueries.MAX_NEAREST));
        List<NearbyStructure> items = index().nearest(query.latitude(), query.longitude(), k, filter).stream()
                .flatMap(found -> PublicStructure.of(found.structure(), query.today()).stream()
                        .map(card -> new NearbyStructure(card, found.distanceKm())))
                .toList();
        return new NearestStructures(items);
    }

    StructureNearestIndex index() {
        OptionalLong position = viewPosition.get();
        Packed current = packed;
        if (current != null && fresh(current, position)) {
            return current.index();
        }
        synchronized (this) {
            current = packed;
            if (current != null && fresh(current, position)) {
                return current.index();
            }
            // the position is read before the view, so a change made meanwhile makes the next query pack again
            Packed fresh = new Packed(StructureNearestIndex.of(readView.get()), position, clock.getAsLong());
            packed = fresh;
            return fresh.index();
        }
    }

    private static Supplier<List<StructureView>> readView(MongoTemplate mongo) {
        MappingMongoConverter converter = StructureDocuments.converter(mongo);
        return () -> mongo.findAll(Document.class, StructureQueries.COLLECTION).stream()
                .map(row -> converter.read(StructureView.class, row))
                .toList();
    }

    private boolean fresh(Packed current, OptionalLong position) {
        if (position.isPresent()) {
            return current.position().equals(position);
        }
        return current.position().isEmpty() && clock.getAsLong() - current.packedAt() < UNKNOWN_POSITION_MAX_AGE_NANOS;
    }
}
