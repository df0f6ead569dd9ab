package org.dangjian.activity.publish;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;

/** The channel the Kafka binder reports acknowledged activity records on (binding property recordMetadataChannel). */
@Configuration(proxyBeanMethods = false)
class AckChannelConfig {

    @Bean(KafkaPublisher.ACK_CHANNEL)
    DirectChannel activityPublishAcks() {
        return new DirectChannel();
    }
}
