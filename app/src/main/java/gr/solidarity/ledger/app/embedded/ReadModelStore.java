package gr.solidarity.ledger.app.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Opens the embedded MongoDB's file. The file names the format its maps are written in; one of another format (the
 * earlier files, written with H2's default types, name none) is set aside and a fresh one started, because its maps
 * cannot be read with this format's types. Nothing is lost by that: the views and tracking tokens in it are derived
 * from the event store, and the projections, finding no tokens, rebuild every view from the first event.
 */
final class ReadModelStore {

    static final String FORMAT_MAP = "readmodels.format";
    static final String FORMAT_KEY = "format";
    /**
     * Documents written field by field, index keys stored encoded ({@link CompactH2Database}), each document under a
     * position given in the order documents arrive rather than under its id ({@link CompactH2Collection}; format 2
     * stored them under their ids). Non-unique indexes came during format 2 without a new format: a file without
     * their entries has them built from its documents when it is opened.
     */
    static final int FORMAT = 3;
    static final String SET_ASIDE_SUFFIX = ".earlier-format";
    static final String INCOMPLETE_SUFFIX = ".incomplete";

    private static final Logger log = LoggerFactory.getLogger(ReadModelStore.class);

    private ReadModelStore() {
    }

    static MVStore open(Path file) {
        if (Files.exists(file)) {
            MVStore existing = openFile(file);
            boolean current = isCurrent(existing);
            // a file a crash left with a document its id index does not know is rebuilt too
            if (current && CompactH2Database.everyDocumentIndexed(existing)) {
                return existing;
            }
            if (!holdsMaps(existing)) {
                return marked(existing);
            }
            existing.close();
            Path aside = file.resolveSibling(file.getFileName() + (current ? INCOMPLETE_SUFFIX : SET_ASIDE_SUFFIX));
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set aside the read models in " + file, e);
            }
            log.warn("The read models in {} are {}. They are set aside as {} and every view is rebuilt from the events;"
                    + " until the rebuild is done the views show less than the history holds. The set-aside file is not"
                    + " used again and can be deleted.", file,
                    current ? "incomplete (a document without its id index entry)" : "of an earlier storage format",
                    aside);
        }
        return marked(openFile(file));
    }

    /**
     * Pages are compressed (LZF) as they are written: a view's documents repeat the same field names and many of the
     * same values, so the file is about half as large, and writing less costs less than compressing (measured with the
     * scale benchmark: half the bytes per document, replay no slower).
     */
    private static MVStore openFile(Path file) {
        return new MVStore.Builder().fileName(file.toString()).compress().autoCommitDisabled()
                .autoCommitBufferSize(writeBufferKilobytes(Runtime.getRuntime().maxMemory())).open();
    }

    /**
     * The unsaved pages at which MVStore commits by itself, from whichever thread is writing, even inside an
     * operation; the backend commits between operations at a third of it ({@link GroupCommitH2Backend}), about 12 MB
     * with the jar's 192 MB heap, where H2 itself committed before. Three sixteenths of the heap, within 12 and 96 MB.
     */
    static int writeBufferKilobytes(long maxHeapBytes) {
        long bytes = Math.max(12L << 20, Math.min(96L << 20, maxHeapBytes / 16 * 3));
        return (int) (bytes >> 10);
    }

    private static boolean isCurrent(MVStore store) {
        if (!store.hasMap(FORMAT_MAP)) {
            return false;
        }
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        return Integer.valueOf(FORMAT).equals(format.get(FORMAT_KEY));
    }

    private static boolean holdsMaps(MVStore store) {
        return store.getMapNames().stream().anyMatch(name -> !name.equals(FORMAT_MAP));
    }

    private static MVStore marked(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        format.put(FORMAT_KEY, FORMAT);
        store.commit();
        return store;
    }
}
