package org.dangjian.contracts.activity;

/**
 * {@code DUES_PAID}: money is integer fen.
 *
 * @param period    first month paid for, {@code YYYY-MM}
 * @param months    how many consecutive months from {@code period} this pays (prepayment); 1 when absent
 * @param amountFen the whole amount paid, in fen
 */
public record DuesPaid(String memberId, String period, Integer months, long amountFen) implements ActivityPayload {

    public int monthsCovered() {
        return months == null ? 1 : months;
    }
}
