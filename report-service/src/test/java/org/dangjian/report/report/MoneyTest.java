package org.dangjian.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void fenToYuanWithoutFloatingPoint() {
        assertThat(Money.yuan(6694500)).isEqualTo("66945.00");
        assertThat(Money.yuan(48960)).isEqualTo("489.60");
        assertThat(Money.yuan(5)).isEqualTo("0.05");
        assertThat(Money.yuan(0)).isEqualTo("0.00");
        assertThat(Money.yuan(-250)).isEqualTo("-2.50");
        assertThat(Money.yuan(Long.MAX_VALUE)).isEqualTo("92233720368547758.07");
    }
}
