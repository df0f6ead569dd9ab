package org.dangjian.review.config;

import java.time.LocalDate;
import java.util.List;

import org.dangjian.review.outbox.OutboxRelay;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Calendar dates are stored as ISO strings ("2027-01-15"): no time zone can shift them (the default mapping goes
 * through a java.util.Date at midnight of the JVM's zone), and they still sort chronologically.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    @Bean
    public MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new LocalDateToString(), new StringToLocalDate()));
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    /** Indexes for the reads by organisation, committee, cycle and rectification id. */
    @EventListener(ApplicationReadyEvent.class)
    public void indexes(ApplicationReadyEvent ready) {
        MongoTemplate mongo = ready.getApplicationContext().getBean(MongoTemplate.class);
        var reviews = mongo.indexOps(OutboxRelay.ORG_REVIEWS);
        reviews.createIndex(new Index().on("cycleId", Sort.Direction.ASC));
        reviews.createIndex(new Index().on("orgId", Sort.Direction.ASC));
        reviews.createIndex(new Index().on("committeeOrgId", Sort.Direction.ASC));
        reviews.createIndex(new Index().on("review.rectifications.rectificationId", Sort.Direction.ASC));
        mongo.indexOps(OutboxRelay.CYCLES).createIndex(new Index().on("cycle.committeeOrgId", Sort.Direction.ASC));
    }
}
