package org.dangjian.contracts.activity;

/**
 * {@code ACTIVITY_VOIDED}: a correction. Carries the voided event whole, so a consumer can subtract it
 * without having kept it.
 */
public record ActivityVoided(String voidedEventId, String reason, ActivityEvent voided) implements ActivityPayload {
}
