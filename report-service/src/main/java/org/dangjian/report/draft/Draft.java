package org.dangjian.report.draft;

import java.util.List;

/** A drafted 述职报告: a title and blocks in reading order. */
public record Draft(String title, List<Block> blocks) {

    public enum Kind { HEADING, PARAGRAPH }

    public record Block(Kind kind, String text) {
    }

    /** The same text as Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) {
            if (b.kind() == Kind.HEADING) {
                sb.append("## ").append(b.text()).append("\n\n");
            } else {
                sb.append(b.text()).append("\n\n");
            }
        }
        return sb.toString();
    }
}
