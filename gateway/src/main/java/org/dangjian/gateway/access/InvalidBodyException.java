package org.dangjian.gateway.access;

/** The body cannot be read far enough to know which organisations it concerns. */
public class InvalidBodyException extends RuntimeException {

    private final String field;

    public InvalidBodyException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
