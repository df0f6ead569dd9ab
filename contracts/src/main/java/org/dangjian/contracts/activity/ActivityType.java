package org.dangjian.contracts.activity;

import java.util.Locale;

/** What a branch system can post. The CloudEvents type is derived: {@code dangjian.activity.meeting-held.v1}. */
public enum ActivityType {
    MEETING_HELD("会议活动", MeetingHeld.class),
    DUES_PAID("交纳党费", DuesPaid.class),
    MEMBER_REGISTERED("党员登记", MemberRegistered.class),
    APPLICATION_RECEIVED("递交入党申请", MemberMilestone.class),
    ACTIVIST_DESIGNATED("确定入党积极分子", MemberMilestone.class),
    DEVELOPMENT_TARGET_DESIGNATED("确定发展对象", MemberMilestone.class),
    MEMBER_ADMITTED("接收预备党员", MemberMilestone.class),
    MEMBER_CONFIRMED("预备党员转正", MemberMilestone.class),
    PROBATION_EXTENDED("延长预备期", ProbationExtended.class),
    MEMBER_TRANSFERRED_IN("组织关系转入", MemberTransfer.class),
    MEMBER_TRANSFERRED_OUT("组织关系转出", MemberTransfer.class),
    TALK_HELD("谈心谈话", TalkHeld.class),
    CARE_VISIT("慰问", CareVisit.class),
    VOLUNTEER_SERVICE("志愿服务", VolunteerService.class),
    ACTIVITY_VOIDED("更正作废", ActivityVoided.class);

    private static final String PREFIX = "dangjian.activity.";
    private static final String VERSION = ".v1";

    private final String label;
    private final Class<? extends ActivityPayload> payloadType;

    ActivityType(String label, Class<? extends ActivityPayload> payloadType) {
        this.label = label;
        this.payloadType = payloadType;
    }

    /** Chinese name, for people. */
    public String label() {
        return label;
    }

    /** The record the {@code payload} of an event of this type reads as. */
    public Class<? extends ActivityPayload> payloadType() {
        return payloadType;
    }

    public String cloudEventType() {
        return PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-') + VERSION;
    }

    public boolean isMemberEvent() {
        return MemberEvent.class.isAssignableFrom(payloadType);
    }
}
