package org.dangjian.gateway.access;

/** The gateway's answer to one request: go ahead, refuse (403), or the request does not say enough (400). */
public sealed interface Decision {

    Decision ALLOW = new Allow();

    record Allow() implements Decision {
    }

    /** Outside the caller's roles or subtree; {@code detail} is for people (Chinese). */
    record Deny(String detail) implements Decision {
    }

    /** The request lacks or garbles what decides (an organisation id); names the field. */
    record Invalid(String field, String reason) implements Decision {
    }
}
