package org.dangjian.contracts.activity;

/** {@code VOLUNTEER_SERVICE} (志愿服务). */
public record VolunteerService(int participants, String topic) implements ActivityPayload {
}
