package org.dangjian.notification.chase;

import java.time.LocalDate;

/**
 * What one check did.
 *
 * @param reopened closed notifications owed again because what settled them was voided
 */
public record CheckResult(LocalDate asOf, int organisations, int created, long closed, long reopened) {
}
