package org.dangjian.contracts.activity;

import java.time.LocalDate;

/**
 * {@code MEMBER_TRANSFERRED_IN} (posted by the receiving org) and {@code MEMBER_TRANSFERRED_OUT} (posted by
 * the releasing org). A transfer in from outside the system brings the person's name, stage and since.
 */
public record MemberTransfer(String memberId, String fromOrgId, String toOrgId, String name, MemberStage stage,
        LocalDate since) implements MemberEvent {
}
