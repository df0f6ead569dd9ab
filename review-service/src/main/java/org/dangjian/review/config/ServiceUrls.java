package org.dangjian.review.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the services this one reads from live ({@code dangjian.services.*}). */
@ConfigurationProperties("dangjian.services")
public record ServiceUrls(@DefaultValue("http://localhost:8082") URI report) {
}
