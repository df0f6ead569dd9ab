package org.dangjian.contracts;

/** Kafka topics of the system. Every record is keyed by the organisation id it concerns. */
public final class Topics {

    /** Every accepted activity event, in order per organisation. */
    public static final String ACTIVITIES = "dangjian.activities.v1";

    /** Compacted: the full current state of each organisation ({@link org.dangjian.contracts.org.OrgState}). */
    public static final String ORGS = "dangjian.orgs.v1";

    /** Review cycles, submissions, feedback and rectifications ({@link org.dangjian.contracts.review.ReviewEvent}). */
    public static final String REVIEWS = "dangjian.reviews.v1";

    private Topics() {
    }
}
