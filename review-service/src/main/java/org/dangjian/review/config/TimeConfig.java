package org.dangjian.review.config;

import java.time.Clock;

import org.dangjian.contracts.CloudEventHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every rule reads; tests replace it (a {@code @Primary} bean) to move through a cycle. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    public Clock clock() {
        return Clock.system(CloudEventHeaders.CHINA);
    }
}
