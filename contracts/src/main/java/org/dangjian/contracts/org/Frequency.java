package org.dangjian.contracts.org;

/** How often an organisational-life item is owed. */
public enum Frequency {
    MONTHLY("每月"),
    QUARTERLY("每季度"),
    YEARLY("每年");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
