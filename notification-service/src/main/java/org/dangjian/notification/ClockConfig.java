package org.dangjian.notification;

import java.time.Clock;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.notification.ledger.Ledger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every check reads (Asia/Shanghai); tests may supply their own. */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(CloudEventHeaders.CHINA);
    }

    @Bean
    Ledger ledger(NotificationProperties properties) {
        return new Ledger(properties.chase().rules());
    }
}
