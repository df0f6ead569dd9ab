package org.dangjian.contracts;

import java.time.ZoneId;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers,
 * the JSON data is the record value, the key is the organisation id.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute carrying the gateway's X-Request-Id into Kafka. */
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** The HTTP header the gateway accepts or creates and every service passes on. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Every calendar rule of the domain (year, month, quarter, deadlines) is in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private CloudEventHeaders() {
    }
}
