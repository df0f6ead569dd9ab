package org.dangjian.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body the gateway accepts (a batch of 1,000 events is well below);
 *                    larger ones get 413 problem+json
 */
@ConfigurationProperties("dangjian.gateway.access")
public record AccessProperties(DataSize maxBodySize) {

    public AccessProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(6) : maxBodySize;
    }
}
