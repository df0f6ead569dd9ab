package org.dangjian.review.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling: the outbox relay's leftover pass and the daily overdue check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AsyncConfig {
}
