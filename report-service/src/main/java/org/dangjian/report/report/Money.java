package org.dangjian.report.report;

/** Integer fen shown as yuan with two decimals, without floating point. */
public final class Money {

    private Money() {
    }

    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        long cents = abs % 100;
        return sign + (abs / 100) + "." + (cents < 10 ? "0" : "") + cents;
    }
}
