package org.dangjian.contracts.activity;

/** {@code CARE_VISIT} (慰问), counted in person-visits (人次). */
public record CareVisit(int persons, String note) implements ActivityPayload {
}
