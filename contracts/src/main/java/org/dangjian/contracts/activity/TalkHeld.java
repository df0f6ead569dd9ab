package org.dangjian.contracts.activity;

import java.util.List;

/** {@code TALK_HELD} (谈心谈话): with whom. Each member is owed at least one a year. */
public record TalkHeld(List<String> memberIds, String topic) implements ActivityPayload {
}
