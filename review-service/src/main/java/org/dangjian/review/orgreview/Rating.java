package org.dangjian.review.orgreview;

/** The four grades of 述职评议考核. {@code points} are used when combining reviewers' ratings. */
public enum Rating {
    EXCELLENT("好", 4),
    GOOD("较好", 3),
    FAIR("一般", 2),
    POOR("差", 1);

    private final String label;
    private final int points;

    Rating(String label, int points) {
        this.label = label;
        this.points = points;
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }

    public static Rating ofPoints(int points) {
        for (Rating r : values()) {
            if (r.points == points) {
                return r;
            }
        }
        throw new IllegalArgumentException("no rating with " + points + " points");
    }
}
