package org.dangjian.notification.ledger;

/**
 * A notification the ledger says should exist as of a day: an item, a stage and who is told.
 *
 * @param title short Chinese heading
 * @param text  the Chinese sentence saying what is missing, for which period, by when
 */
public record Due(Item item, Stage stage, String recipientOrgId, String title, String text) {

    /** One notification per item, stage and recipient: re-running a check finds the same key. */
    public String key() {
        return item.key() + "|" + stage + "|" + recipientOrgId;
    }
}
