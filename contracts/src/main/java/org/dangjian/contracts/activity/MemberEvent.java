package org.dangjian.contracts.activity;

/** A payload about one member of the roster. */
public sealed interface MemberEvent extends ActivityPayload
        permits MemberRegistered, MemberMilestone, ProbationExtended, MemberTransfer {

    String memberId();
}
