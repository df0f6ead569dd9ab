package org.dangjian.review.orgreview;

import java.util.List;

import org.dangjian.review.outbox.OutboxEntry;

/**
 * Stored form of an {@link OrgReview} (collection {@code org_reviews}, id {@code cycleId/orgId}). {@code revision}
 * guards concurrent changes (optimistic), {@code outbox} holds the events of the changes not yet on Kafka.
 */
public record OrgReviewDocument(String id, String cycleId, String orgId, String committeeOrgId, int year,
        OrgReview review, long revision, List<OutboxEntry> outbox) {

    public static String idOf(String cycleId, String orgId) {
        return cycleId + "/" + orgId;
    }
}
