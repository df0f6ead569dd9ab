package org.dangjian.review.rectification;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.dangjian.review.problem.ProblemException;

/**
 * The legal moves of a rectification item. The organisation works it (OPEN → IN_PROGRESS → SUBMITTED, with
 * evidence; IN_PROGRESS → IN_PROGRESS records further progress); the committee closes it (SUBMITTED → VERIFIED)
 * or sends it back (SUBMITTED → REJECTED), after which the organisation works it again (REJECTED → IN_PROGRESS or
 * straight to SUBMITTED). VERIFIED and WITHDRAWN are final.
 */
public final class RectificationLifecycle {

    /** Who makes a move. */
    public enum Side {
        ORGANISATION, COMMITTEE
    }

    private static final Map<RectificationStatus, Set<RectificationStatus>> LEGAL =
            new EnumMap<>(RectificationStatus.class);

    static {
        LEGAL.put(RectificationStatus.OPEN, EnumSet.of(RectificationStatus.IN_PROGRESS));
        LEGAL.put(RectificationStatus.IN_PROGRESS,
                EnumSet.of(RectificationStatus.IN_PROGRESS, RectificationStatus.SUBMITTED));
        LEGAL.put(RectificationStatus.SUBMITTED,
                EnumSet.of(RectificationStatus.VERIFIED, RectificationStatus.REJECTED));
        LEGAL.put(RectificationStatus.REJECTED,
                EnumSet.of(RectificationStatus.IN_PROGRESS, RectificationStatus.SUBMITTED));
        LEGAL.put(RectificationStatus.VERIFIED, EnumSet.noneOf(RectificationStatus.class));
        LEGAL.put(RectificationStatus.WITHDRAWN, EnumSet.noneOf(RectificationStatus.class));
    }

    private RectificationLifecycle() {
    }

    /** The side whose move {@code to} is. */
    public static Side sideOf(RectificationStatus to) {
        return to == RectificationStatus.VERIFIED || to == RectificationStatus.REJECTED ? Side.COMMITTEE
                : Side.ORGANISATION;
    }

    public static boolean isLegal(RectificationStatus from, RectificationStatus to) {
        return LEGAL.getOrDefault(from, Set.of()).contains(to);
    }

    /** Refuses an illegal move (422) or a submission without evidence (400 naming {@code evidence}). */
    public static void check(RectificationStatus from, RectificationStatus to, String evidence) {
        if (!isLegal(from, to)) {
            throw ProblemException.unprocessable("illegal-transition", "Illegal transition",
                    "整改事项不能从「" + from.label() + "」(" + from + ") 变为「" + to.label() + "」(" + to + ")");
        }
        if (to == RectificationStatus.SUBMITTED && (evidence == null || evidence.isBlank())) {
            throw ProblemException.validation("evidence", "提交整改材料时必须提供整改佐证（evidence）");
        }
    }
}
