package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-unique index of the embedded MongoDB, which mongo-java-server leaves unimplemented (it scans and decodes the whole
 * collection for every query on a field other than {@code _id}). Each entry is a key of bytes: the document's value of
 * every key of the index ({@link ReadModelValues}, normalised as MongoDB compares them: 1, 1L and 1.0 are one value),
 * then the document's position. A field holding an array gives one entry per element. The encodings are self-delimiting,
 * so the entries whose leading values equal a query's are the ones that start with those values' bytes: a query takes
 * them from one place in the map instead of reading the collection.
 * <p>
 * The collection checks every document an index gives against the whole query, so an index may give more documents
 * than match, never fewer. This one takes only queries that ask its first key, at their top level or in an
 * {@code $and}, to equal a plain value or one of an {@code $in} of them (strings, numbers, booleans, object ids, UUIDs,
 * dates), and looks up as many of its following keys as the query asks the same of; every other query is left to the
 * scan as before, but for an {@code $or} each of whose branches some index takes, and so is one for which the index
 * would name more than an eighth of the collection.
 * <p>
 * The entries live in a map of the same store as the documents, so they are committed with them; a position is where
 * the collection stores the document ({@link CompactH2Collection}), which the collection names when a document is
 * removed.
 */
final class CompactSecondaryIndex extends Index<Object> {

    /** More prefixes than this (the product of several {@code $in}s) and the index looks up fewer leading keys. */
    private static final int MAX_PREFIXES = 512;
    /** A query naming this few entries is looked up however small the collection. */
    private static final long ALWAYS_LOOKED_UP = 64;
    private static final Object PRESENT = Boolean.TRUE;

    private final MVMap<byte[], Object> map;
    private final CompactH2Collection collection;
    private final Comparator<Object> positionOrder;
    private final List<String> paths;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong candidates = new AtomicLong();

    /**
     * @param positionOrder the order of the collection's own map, so the documents of a query without a sort come in the
     *                      order the scan gave them
     */
    CompactSecondaryIndex(MVMap<byte[], Object> map, CompactH2Collection collection, Comparator<Object> positionOrder,
                          String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.collection = collection;
        this.positionOrder = positionOrder;
        this.paths = keys.stream().map(IndexKey::getKey).toList();
    }

    /** How many queries this index has answered, for the tests that show it is used. */
    long lookups() {
        return lookups.get();
    }

    /** How many documents it has named for them all, each of which the collection reads. */
    long candidates() {
        return candidates.get();
    }

    /** Every entry, in order, for the tests that compare an index kept up to date with one built afresh. */
    List<ByteBuffer> storedEntries() {
        List<ByteBuffer> entries = new ArrayList<>();
        map.keyIterator(null).forEachRemaining(entry -> entries.add(ByteBuffer.wrap(entry)));
        return entries;
    }

    @Override
    public Object getPosition(Document document) {
        // many documents share a key; the _id index names the document's position
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // a non-unique index refuses nothing
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        for (byte[] entry : entries(document, position)) {
            map.put(entry, PRESENT);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = collection.positionBeingRemoved();
        if (position == null) {
            throw new IllegalStateException("no document of " + collection + " is being removed");
        }
        for (byte[] entry : entries(document, position)) {
            map.remove(entry);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // a non-unique index refuses nothing
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        Set<ByteBuffer> before = wrapped(entries(oldDocument, position));
        Set<ByteBuffer> after = wrapped(entries(newDocument, position));
        for (ByteBuffer entry : before) {
            if (!after.contains(entry)) {
                map.remove(entry.array());
            }
        }
        for (ByteBuffer entry : after) {
            if (!before.contains(entry)) {
                map.put(entry.array(), PRESENT);
            }
        }
    }

    /**
     * The collection asks its indexes in turn and the first that can takes the query. Of this collection's non-unique
     * indexes, the one whose entries for the query's values are fewest takes it (the first of them, if several are);
     * a query none of them looks up, but whose {@code $or} has a branch for each of which one does (the audit trail's
     * entity or lot), is taken by the first of them, and every branch looked up with its own index. The size of a range
     * of entries is two searches in the map. A query for which an index would name more than an eighth of the
     * collection is left to the scan: reading each document by its position costs several times what the scan does.
     */
    @Override
    public boolean canHandle(Document query) {
        List<CompactSecondaryIndex> siblings = siblings();
        Plan plan = plan(siblings, query);
        if (plan == null || plan.estimate() > Math.max(ALWAYS_LOOKED_UP, collection.count() / 8)) {
            return false;
        }
        return (plan.index() == null ? siblings.get(0) : plan.index()) == this;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Set<Object> positions = new TreeSet<>(positionOrder);
        Plan plan = plan(siblings(), query);
        if (plan != null) {
            plan.lookUp(positions);
        }
        return positions;
    }

    /** How the documents that may match a query are found: in one index's entries, or branch by branch of an $or. */
    private record Plan(long estimate, CompactSecondaryIndex index, Map<String, List<Object>> conditions,
                        List<Plan> branches) {

        void lookUp(Set<Object> positions) {
            if (index != null) {
                index.lookUp(conditions, positions);
            } else {
                branches.forEach(branch -> branch.lookUp(positions));
            }
        }
    }

    private List<CompactSecondaryIndex> siblings() {
        List<CompactSecondaryIndex> siblings = new ArrayList<>();
        for (Index<Object> index : collection.getIndexes()) {
            if (index instanceof CompactSecondaryIndex sibling) {
                siblings.add(sibling);
            }
        }
        if (!siblings.contains(this)) {
            siblings.add(0, this);
        }
        return siblings;
    }

    /** The cheapest way to find the documents that may match the query, or null when there is none but the scan. */
    private static Plan plan(List<CompactSecondaryIndex> siblings, Document query) {
        Map<String, List<Object>> conditions = conditions(query);
        Plan best = null;
        for (CompactSecondaryIndex sibling : siblings) {
            if (sibling.leadingKeys(conditions) > 0) {
                long estimate = sibling.estimate(conditions);
                if (best == null || estimate < best.estimate()) {
                    best = new Plan(estimate, sibling, conditions, List.of());
                }
            }
        }
        for (List<?> alternative : alternatives(query)) {
            List<Plan> branches = new ArrayList<>();
            long estimate = 0;
            for (Object branch : alternative) {
                Plan plan = branch instanceof Document document ? plan(siblings, document) : null;
                if (plan == null) {
                    branches = null;
                    break;
                }
                branches.add(plan);
                estimate += plan.estimate();
            }
            if (branches != null && !branches.isEmpty() && (best == null || estimate < best.estimate())) {
                best = new Plan(estimate, null, conditions, branches);
            }
        }
        return best;
    }

    /** The prefixes of the entries for the values the conditions ask of this index's leading keys. */
    private record Prefixes(Set<byte[]> prefixes, int keys) {
    }

    private Prefixes prefixes(Map<String, List<Object>> conditions) {
        List<byte[]> prefixes = List.of(new byte[0]);
        int keys = leadingKeys(conditions);
        for (int i = 0; i < keys; i++) {
            List<Object> values = lookedUpValues(conditions.get(paths.get(i)));
            if (i > 0 && prefixes.size() * values.size() > MAX_PREFIXES) {
                keys = i;
                break;
            }
            List<byte[]> longer = new ArrayList<>(prefixes.size() * values.size());
            for (byte[] prefix : prefixes) {
                for (Object value : values) {
                    longer.add(concat(prefix, ReadModelValues.encode(normalized(value))));
                }
            }
            prefixes = longer;
        }
        Set<byte[]> distinct = new TreeSet<>(IndexKeyDataType.INSTANCE::compare);
        distinct.addAll(prefixes);
        return new Prefixes(distinct, keys);
    }

    /** How many entries start with the prefixes: the rank of the first key after each range less that of its start. */
    private long estimate(Map<String, List<Object>> conditions) {
        long entries = 0;
        for (byte[] prefix : prefixes(conditions).prefixes()) {
            byte[] after = successor(prefix);
            entries += (after == null ? map.sizeAsLong() : rank(after)) - rank(prefix);
        }
        return entries;
    }

    private long rank(byte[] key) {
        long index = map.getKeyIndex(key);
        return index >= 0 ? index : -(index + 1);
    }

    /** The least key greater than every key starting with the prefix; null when there is none. */
    private static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] after = Arrays.copyOf(prefix, i + 1);
                after[i]++;
                return after;
            }
        }
        return null;
    }

    private synchronized void lookUp(Map<String, List<Object>> conditions, Set<Object> positions) {
        lookups.incrementAndGet();
        Prefixes prefixes = prefixes(conditions);
        int before = positions.size();
        for (byte[] prefix : prefixes.prefixes()) {
            Iterator<byte[]> entries = map.keyIterator(prefix);
            while (entries.hasNext()) {
                byte[] entry = entries.next();
                if (!startsWith(entry, prefix)) {
                    break;
                }
                positions.add(position(entry, prefix.length, paths.size() - prefixes.keys()));
            }
        }
        candidates.addAndGet(positions.size() - before);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // the database removes the map
    }

    /** How many of this index's keys, from the first, the conditions ask to equal values it looks up; 0: none. */
    private int leadingKeys(Map<String, List<Object>> conditions) {
        int leading = 0;
        for (String path : paths) {
            if (lookedUpValues(conditions.get(path)) == null) {
                break;
            }
            leading++;
        }
        return leading;
    }

    /**
     * The conditions on each field that every matching document meets: the query's own and those of its {@code $and}s,
     * at any depth. Each one alone narrows the documents, so the index may look up any one of them.
     */
    private static Map<String, List<Object>> conditions(Document query) {
        Map<String, List<Object>> conditions = new LinkedHashMap<>();
        addConditions(query, conditions);
        return conditions;
    }

    private static void addConditions(Document query, Map<String, List<Object>> conditions) {
        for (Map.Entry<String, Object> field : query.entrySet()) {
            if (field.getKey().equals("$and") && field.getValue() instanceof List<?> all) {
                for (Object one : all) {
                    if (one instanceof Document document) {
                        addConditions(document, conditions);
                    }
                }
            } else if (!field.getKey().startsWith("$")) {
                conditions.computeIfAbsent(field.getKey(), path -> new ArrayList<>()).add(field.getValue());
            }
        }
    }

    /** The {@code $or}s every matching document meets one branch of: the query's own and those of its {@code $and}s. */
    private static List<List<?>> alternatives(Document query) {
        List<List<?>> alternatives = new ArrayList<>();
        addAlternatives(query, alternatives);
        return alternatives;
    }

    private static void addAlternatives(Document query, List<List<?>> alternatives) {
        if (query.get("$or") instanceof List<?> branches) {
            alternatives.add(branches);
        }
        if (query.get("$and") instanceof List<?> all) {
            for (Object one : all) {
                if (one instanceof Document document) {
                    addAlternatives(document, alternatives);
                }
            }
        }
    }

    /** The values of the first of the conditions on a field that asks it to equal one of them; null: none does. */
    private static List<Object> lookedUpValues(List<Object> conditions) {
        if (conditions != null) {
            for (Object condition : conditions) {
                List<Object> values = queriedValues(condition);
                if (values != null) {
                    return values;
                }
            }
        }
        return null;
    }

    /** The values a condition asks a key to equal one of, or null when it asks anything else. */
    private static List<Object> queriedValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            Map.Entry<String, Object> operator = operators.entrySet().iterator().next();
            if (operator.getKey().equals("$eq") && isLookedUp(operator.getValue())) {
                return List.of(operator.getValue());
            }
            if (operator.getKey().equals("$in") && operator.getValue() instanceof Collection<?> values
                    && values.stream().allMatch(CompactSecondaryIndex::isLookedUp)) {
                return new ArrayList<>(values);
            }
            return null;
        }
        return isLookedUp(condition) ? List.of(condition) : null;
    }

    /**
     * Values whose equality in MongoDB is the equality of their normalised forms, which is what the entries hold. Not
     * null (it matches a missing field too), documents and arrays (they compare as wholes), regular expressions or NaN.
     */
    private static boolean isLookedUp(Object value) {
        if (value instanceof Number number) {
            return !Double.isNaN(number.doubleValue());
        }
        return value instanceof String || value instanceof Boolean || value instanceof ObjectId
                || value instanceof UUID || value instanceof Instant || (value != null && value.getClass() == Date.class);
    }

    private Set<byte[]> entries(Document document, Object position) {
        List<List<Object>> valuesPerKey = new ArrayList<>(paths.size());
        for (String path : paths) {
            Set<Object> values = new LinkedHashSet<>();
            collect(document, path.split("\\."), 0, values);
            if (values.isEmpty()) {
                values.add(null);
            }
            valuesPerKey.add(new ArrayList<>(values));
        }
        byte[] at = ReadModelValues.encode(position instanceof Missing ? null : position);
        Set<byte[]> entries = new TreeSet<>(IndexKeyDataType.INSTANCE::compare);
        combine(valuesPerKey, 0, new byte[0], at, entries);
        return entries;
    }

    private static void combine(List<List<Object>> valuesPerKey, int key, byte[] prefix, byte[] position,
                                Set<byte[]> entries) {
        if (key == valuesPerKey.size()) {
            entries.add(concat(prefix, position));
            return;
        }
        for (Object value : valuesPerKey.get(key)) {
            combine(valuesPerKey, key + 1, concat(prefix, ReadModelValues.encode(value)), position, entries);
        }
    }

    /**
     * Every single value a query's equality on the path could meet in the document, normalised: through arrays at any
     * depth and by position, more than MongoDB's matcher looks at, so the index gives at least every document it
     * matches. Documents and arrays are not values here: no query this index takes can equal them.
     */
    private static void collect(Object node, String[] path, int step, Set<Object> values) {
        if (node instanceof List<?> list) {
            if (step < path.length && isIndex(path[step])) {
                int index = Integer.parseInt(path[step]);
                if (index < list.size()) {
                    collect(list.get(index), path, step + 1, values);
                }
            }
            for (Object element : list) {
                collect(element, path, step, values);
            }
        } else if (step == path.length) {
            if (node != null && !(node instanceof Missing) && !(node instanceof Map<?, ?>)) {
                values.add(normalized(node));
            }
        } else if (node instanceof Document document && document.containsKey(path[step])) {
            collect(document.get(path[step]), path, step + 1, values);
        }
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.length() < 10 && step.chars().allMatch(Character::isDigit);
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    /** The position at the end of an entry, after the values of the keys the prefix does not hold. */
    private static Object position(byte[] entry, int prefixLength, int valuesAfterPrefix) {
        ByteBuffer buffer = ByteBuffer.wrap(entry, prefixLength, entry.length - prefixLength);
        for (int i = 0; i < valuesAfterPrefix; i++) {
            ReadModelValues.read(buffer);
        }
        return Missing.ofNullable(ReadModelValues.read(buffer));
    }

    private static boolean startsWith(byte[] entry, byte[] prefix) {
        return entry.length >= prefix.length
                && Arrays.equals(entry, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Set<ByteBuffer> wrapped(Set<byte[]> entries) {
        Set<ByteBuffer> wrapped = new LinkedHashSet<>();
        for (byte[] entry : entries) {
            wrapped.add(ByteBuffer.wrap(entry));
        }
        return wrapped;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
