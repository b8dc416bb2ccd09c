package gr.solidarity.ledger.query.registry;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * How the registry's documents map to its view, as its projection writes them: days and times of day as ISO text ({@code 2026-03-01}, {@code 09:30}),
 * as the other views keep them, rather than as instants at midnight in whatever time zone the process runs in, which
 * would read back a day off in another zone.
 */
public final class StructureDocuments {

    private StructureDocuments() {
    }

    public static MappingMongoConverter converter(MongoTemplate mongo) {
        var conversions = new MongoCustomConversions(List.of(new DayToText(), new TextToDay(), new TimeToText(),
                new TextToTime()));
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        var converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    @WritingConverter
    static final class DayToText implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class TextToDay implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    @WritingConverter
    static final class TimeToText implements Converter<LocalTime, String> {
        @Override
        public String convert(LocalTime source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class TextToTime implements Converter<String, LocalTime> {
        @Override
        public LocalTime convert(String source) {
            return LocalTime.parse(source);
        }
    }
}
