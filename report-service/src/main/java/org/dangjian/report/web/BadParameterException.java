package org.dangjian.report.web;

/** A request parameter with a value the API does not accept. */
public class BadParameterException extends RuntimeException {

    private final String field;

    public BadParameterException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
