package org.dangjian.activity.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.dangjian.activity.config.ActivityProperties;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.dangjian.activity.web.JsonFields;
import org.dangjian.activity.web.StrictJson;
import org.dangjian.contracts.activity.ActivityPayload;
import org.dangjian.contracts.activity.ActivityType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a posted event (envelope + typed payload), collecting every bad field before refusing with 400. */
@Component
public class EventParser {

    private static final java.util.regex.Pattern EVENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._\\-]{1,100}");

    private final StrictJson strictJson;
    private final JsonMapper canonical;
    private final ActivityProperties properties;
    private final Clock clock;

    public EventParser(StrictJson strictJson, JsonMapper jsonMapper, ActivityProperties properties) {
        this.strictJson = strictJson;
        this.canonical = jsonMapper.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public IncomingEvent parse(JsonNode body, String correlationId) {
        List<FieldProblem> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(List.of(new FieldProblem("body", "须为 JSON 对象")));
        }
        String eventId = JsonFields.text(body, "eventId", errors, true);
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            errors.add(new FieldProblem("eventId", "须为 1–100 位字母、数字或 -_."));
        }
        String orgId = JsonFields.text(body, "orgId", errors, true);
        if (orgId != null && !PayloadRules.ID.matcher(orgId).matches()) {
            errors.add(new FieldProblem("orgId", "组织编号须为 1–64 位字母、数字或 -_."));
        }
        ActivityType type = null;
        String typeText = JsonFields.text(body, "type", errors, true);
        if (typeText != null) {
            try {
                type = ActivityType.valueOf(typeText);
                if (type == ActivityType.ACTIVITY_VOIDED) {
                    errors.add(new FieldProblem("type", "作废请使用 POST /api/activities/{eventId}/void"));
                    type = null;
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("type", "未知的活动类型：" + typeText));
            }
        }
        OffsetDateTime occurredAt = null;
        String when = JsonFields.text(body, "occurredAt", errors, true);
        if (when != null) {
            try {
                occurredAt = OffsetDateTime.parse(when, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                if (occurredAt.toInstant().isAfter(Instant.now(clock).plus(properties.clockSkew()))) {
                    errors.add(new FieldProblem("occurredAt", "发生时间不能晚于当前时间"));
                    occurredAt = null;
                } else if (occurredAt.getYear() < 1921) {
                    errors.add(new FieldProblem("occurredAt", "发生时间无效"));
                    occurredAt = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem("occurredAt", "须为带时区偏移的 ISO-8601 时间，如 2026-03-04T09:00:00+08:00"));
            }
        }
        JsonNode payloadNode = body.get("payload");
        ActivityPayload payload = null;
        if (payloadNode == null || payloadNode.isNull()) {
            errors.add(new FieldProblem("payload", "必填"));
        } else if (!payloadNode.isObject()) {
            errors.add(new FieldProblem("payload", "须为 JSON 对象"));
        } else if (type != null) {
            payload = readPayload(type, payloadNode, occurredAt, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return new IncomingEvent(eventId, orgId, type, occurredAt, payload, hash(body), correlationId);
    }

    private ActivityPayload readPayload(ActivityType type, JsonNode node, OffsetDateTime occurredAt,
            List<FieldProblem> errors) {
        List<FieldProblem> missing = new ArrayList<>();
        for (String field : PayloadRules.REQUIRED.get(type)) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                missing.add(new FieldProblem("payload." + field, "必填"));
            }
        }
        errors.addAll(missing);
        ActivityPayload payload;
        try {
            payload = strictJson.read(node, type.payloadType(), "payload");
        } catch (ApiException e) {
            // Read even when fields are missing, so a wrong type or unknown value elsewhere is named too.
            e.errors().stream()
                    .filter(problem -> missing.stream().noneMatch(m -> m.field().equals(problem.field())))
                    .forEach(errors::add);
            return null;
        }
        if (!missing.isEmpty()) {
            return null;
        }
        if (occurredAt != null) {
            errors.addAll(PayloadRules.check(type, payload,
                    occurredAt.atZoneSameInstant(org.dangjian.contracts.CloudEventHeaders.CHINA).toLocalDate()));
        }
        return payload;
    }

    /** SHA-256 over the body with object keys sorted, so key order and whitespace do not make a "different body". */
    public String hash(Object body) {
        Object plain = body instanceof JsonNode n ? canonical.treeToValue(n, Object.class) : body;
        byte[] bytes = canonical.writeValueAsBytes(plain);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
