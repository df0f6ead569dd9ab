package org.dangjian.activity.log;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.dangjian.activity.org.OrgService;
import org.dangjian.activity.publish.OutboxPublisher;
import org.dangjian.activity.roster.Lifecycle;
import org.dangjian.activity.roster.Member;
import org.dangjian.activity.roster.MemberStore;
import org.dangjian.activity.web.Caller;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.ActivityVoided;
import org.dangjian.contracts.activity.DuesPaid;
import org.dangjian.contracts.activity.MemberEvent;
import org.dangjian.contracts.activity.TalkHeld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts events: checks them against the tree and the roster, stores each as one document (the log and the
 * outbox), takes member events into the roster, and hands them to the publisher. No multi-document transaction:
 * the stored event is the truth, the roster is derived from it idempotently, and a sweep finishes what a crash
 * between the two writes left undone.
 */
@Service
public class IngestService {

    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }

    /** The answer for one event. */
    public record Outcome(String eventId, Status status, Instant recordedAt, ApiException problem) {
    }

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final int STRIPES = 64;

    private final EventParser parser;
    private final ActivityStore store;
    private final MemberStore members;
    private final OrgService orgs;
    private final OutboxPublisher publisher;
    private final SequenceClock sequence;
    private final JsonMapper json;
    /** Serialises validate-store-apply per member within this instance, so two steps never race on one state. */
    private final ReentrantLock[] memberLocks = new ReentrantLock[STRIPES];

    public IngestService(EventParser parser, ActivityStore store, MemberStore members, OrgService orgs,
            OutboxPublisher publisher, SequenceClock sequence, JsonMapper json) {
        this.parser = parser;
        this.store = store;
        this.members = members;
        this.orgs = orgs;
        this.publisher = publisher;
        this.sequence = sequence;
        this.json = json;
        for (int i = 0; i < STRIPES; i++) {
            memberLocks[i] = new ReentrantLock();
        }
    }

    /** One event; throws ApiException for a refusal (4xx). */
    public Outcome accept(JsonNode body, Caller caller) {
        IncomingEvent event = parser.parse(body, caller.requestId());
        return accept(event, caller);
    }

    Outcome accept(IncomingEvent event, Caller caller) {
        if (event.payload() instanceof MemberEvent m) {
            ReentrantLock lock = memberLocks[Math.floorMod(m.memberId().hashCode(), STRIPES)];
            lock.lock();
            try {
                return acceptMemberEvent(event, caller);
            } finally {
                lock.unlock();
            }
        }
        try {
            checkOrg(event, caller);
            checkRoster(event, null);
        } catch (ApiException refused) {
            throw answerIfStored(event, refused);
        }
        StoredEvent stored = toStored(event, null);
        try {
            store.insert(stored);
        } catch (ActivityStore.DuplicateEvent dup) {
            return duplicateOf(event);
        }
        publisher.submit(stored);
        return new Outcome(event.eventId(), Status.ACCEPTED, stored.recordedAt(), null);
    }

    private Outcome acceptMemberEvent(IncomingEvent event, Caller caller) {
        Member next;
        try {
            checkOrg(event, caller);
            Member current = members.find(event.memberId()).orElse(null);
            next = Lifecycle.apply(current, event.orgId(), event.type(), (MemberEvent) event.payload(), event.day());
        } catch (ApiException refused) {
            throw answerIfStored(event, refused);
        }
        StoredEvent stored = toStored(event, Boolean.FALSE);
        try {
            store.insert(stored);
        } catch (ActivityStore.DuplicateEvent dup) {
            return duplicateOf(event);
        }
        applyToRoster(stored.eventId(), next);
        publisher.submit(stored);
        return new Outcome(event.eventId(), Status.ACCEPTED, stored.recordedAt(), null);
    }

    private void applyToRoster(String eventId, Member next) {
        members.apply(eventId, next);
        store.markRosterApplied(eventId);
    }

    /** A refused event whose id is already stored is a retry (answer as before) or a conflict: never a 422. */
    private RuntimeException answerIfStored(IncomingEvent event, ApiException refused) {
        StoredEvent existing = store.find(event.eventId()).orElse(null);
        if (existing == null) {
            return refused;
        }
        return new AlreadyStored(outcomeFor(existing, event));
    }

    /** Carries a duplicate's answer out of a refusal path. */
    static final class AlreadyStored extends RuntimeException {
        final transient Outcome outcome;

        AlreadyStored(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private Outcome duplicateOf(IncomingEvent event) {
        StoredEvent existing = store.find(event.eventId())
                .orElseThrow(() -> ApiException.conflict("事件 " + event.eventId() + " 正在被同时提交，请重试"));
        return outcomeFor(existing, event);
    }

    private Outcome outcomeFor(StoredEvent existing, IncomingEvent event) {
        if (!existing.hash().equals(event.hash())) {
            throw ApiException.conflict("事件编号 " + event.eventId() + " 已用于另一条内容不同的事件");
        }
        if (Boolean.FALSE.equals(existing.rosterApplied())) {
            repairRoster(existing);
        }
        return new Outcome(existing.eventId(), Status.DUPLICATE, existing.recordedAt(), null);
    }

    /** Public entry that unwraps a duplicate answered from a refusal path. */
    public Outcome acceptOrDuplicate(JsonNode body, Caller caller) {
        try {
            return accept(body, caller);
        } catch (AlreadyStored s) {
            return s.outcome;
        }
    }

    /** Up to {@code maxBatchSize} events; one result each, in order. A bad event does not stop the others. */
    public List<Outcome> acceptBatch(List<JsonNode> bodies, Caller caller) {
        Outcome[] outcomes = new Outcome[bodies.size()];
        List<Integer> chunk = new ArrayList<>();
        Map<Integer, IncomingEvent> parsed = new HashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            IncomingEvent e;
            try {
                e = parser.parse(bodies.get(i), caller.requestId());
            } catch (ApiException refused) {
                outcomes[i] = rejected(bodies.get(i), refused);
                continue;
            }
            parsed.put(i, e);
            if (e.payload() instanceof MemberEvent) {
                acceptChunk(chunk, parsed, outcomes, caller);
                chunk.clear();
                outcomes[i] = single(e, caller);
            } else {
                chunk.add(i);
            }
        }
        acceptChunk(chunk, parsed, outcomes, caller);
        return List.of(outcomes);
    }

    private Outcome single(IncomingEvent e, Caller caller) {
        try {
            return accept(e, caller);
        } catch (AlreadyStored s) {
            return s.outcome;
        } catch (ApiException refused) {
            return new Outcome(e.eventId(), Status.REJECTED, null, refused);
        }
    }

    /** Non-member events: checked, then stored with one unordered insertMany. */
    private void acceptChunk(List<Integer> chunk, Map<Integer, IncomingEvent> parsed, Outcome[] outcomes,
            Caller caller) {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> memberIds = new HashSet<>();
        for (int i : chunk) {
            IncomingEvent e = parsed.get(i);
            if (e.payload() instanceof DuesPaid d) {
                memberIds.add(d.memberId());
            } else if (e.payload() instanceof TalkHeld t) {
                memberIds.addAll(t.memberIds());
            }
        }
        Map<String, Member> roster = members.findAll(memberIds);
        Map<String, java.util.Optional<ApiException>> orgChecks = new HashMap<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        Map<Integer, StoredEvent> toStore = new LinkedHashMap<>();
        List<Integer> refusedButMaybeStored = new ArrayList<>();
        Map<Integer, ApiException> refusals = new HashMap<>();
        for (int i : chunk) {
            IncomingEvent e = parsed.get(i);
            Integer earlier = firstIndexOfId.putIfAbsent(e.eventId(), i);
            if (earlier != null) {
                continue; // same id twice in one batch: answered from the first below
            }
            try {
                // One tree lookup per organisation per batch, not per event.
                java.util.Optional<ApiException> orgProblem = orgChecks.computeIfAbsent(e.orgId(), org -> {
                    try {
                        checkOrg(e, caller);
                        return java.util.Optional.empty();
                    } catch (ApiException refused) {
                        return java.util.Optional.of(refused);
                    }
                });
                if (orgProblem.isPresent()) {
                    throw orgProblem.get();
                }
                checkRoster(e, roster);
                toStore.put(i, toStored(e, null));
            } catch (ApiException refused) {
                refusals.put(i, refused);
                refusedButMaybeStored.add(i);
            }
        }
        Set<String> duplicates = store.insertAll(new ArrayList<>(toStore.values()));
        Set<String> lookup = new HashSet<>(duplicates);
        refusedButMaybeStored.forEach(i -> lookup.add(parsed.get(i).eventId()));
        Map<String, StoredEvent> existing = lookup.isEmpty() ? Map.of() : store.findAll(lookup);
        List<StoredEvent> accepted = new ArrayList<>();
        for (int i : chunk) {
            IncomingEvent e = parsed.get(i);
            int first = firstIndexOfId.get(e.eventId());
            if (first != i) {
                outcomes[i] = sameIdAgain(e, parsed.get(first), outcomes[first]);
                continue;
            }
            StoredEvent prior = existing.get(e.eventId());
            StoredEvent mine = toStore.get(i);
            if (mine != null && !duplicates.contains(e.eventId())) {
                accepted.add(mine);
                outcomes[i] = new Outcome(e.eventId(), Status.ACCEPTED, mine.recordedAt(), null);
            } else if (prior != null) {
                outcomes[i] = prior.hash().equals(e.hash())
                        ? new Outcome(e.eventId(), Status.DUPLICATE, prior.recordedAt(), null)
                        : new Outcome(e.eventId(), Status.REJECTED, null,
                                ApiException.conflict("事件编号 " + e.eventId() + " 已用于另一条内容不同的事件"));
            } else {
                outcomes[i] = new Outcome(e.eventId(), Status.REJECTED, null, refusals.get(i));
            }
        }
        publisher.submitAll(accepted);
    }

    private static Outcome sameIdAgain(IncomingEvent e, IncomingEvent first, Outcome firstOutcome) {
        if (!e.hash().equals(first.hash())) {
            return new Outcome(e.eventId(), Status.REJECTED, null,
                    ApiException.conflict("事件编号 " + e.eventId() + " 在本批次中用于两条内容不同的事件"));
        }
        if (firstOutcome.status() == Status.REJECTED) {
            return new Outcome(e.eventId(), Status.REJECTED, null, firstOutcome.problem());
        }
        return new Outcome(e.eventId(), Status.DUPLICATE, firstOutcome.recordedAt(), null);
    }

    private Outcome rejected(JsonNode body, ApiException refused) {
        JsonNode id = body == null ? null : body.get("eventId");
        return new Outcome(id != null && id.isString() ? id.asString() : null, Status.REJECTED, null, refused);
    }

    private void checkOrg(IncomingEvent e, Caller caller) {
        if (!orgs.exists(e.orgId())) {
            throw ApiException.unprocessable("orgId", "组织不存在：" + e.orgId());
        }
        if (caller.scoped()) {
            orgs.checkScope(e.orgId(), caller);
        }
    }

    /** Dues and talks name members who must be on this organisation's roster. */
    private void checkRoster(IncomingEvent e, Map<String, Member> prefetched) {
        if (e.payload() instanceof DuesPaid d) {
            Member m = prefetched != null ? prefetched.get(d.memberId()) : members.find(d.memberId()).orElse(null);
            Lifecycle.checkDuesPayer(m, e.orgId());
        } else if (e.payload() instanceof TalkHeld t) {
            Map<String, Member> roster = prefetched != null ? prefetched : members.findAll(t.memberIds());
            List<FieldProblem> errors = new ArrayList<>();
            for (int i = 0; i < t.memberIds().size(); i++) {
                Member m = roster.get(t.memberIds().get(i));
                if (m == null || !m.activeIn(e.orgId())) {
                    errors.add(new FieldProblem("payload.memberIds[" + i + "]", "成员不在本组织名册中：" + t.memberIds().get(i)));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable(errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private StoredEvent toStored(IncomingEvent e, Boolean rosterApplied) {
        Map<String, Object> payload = json.convertValue(e.payload(), Map.class);
        payload.values().removeIf(v -> v == null);
        return new StoredEvent(e.eventId(), e.orgId(), e.type(), e.occurredAt(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), payload, e.hash(), sequence.next(), e.correlationId(),
                e.memberId(), false, rosterApplied, null);
    }

    /** {@code POST /api/activities/{eventId}/void}: stores and publishes an ACTIVITY_VOIDED carrying the original. */
    public Outcome voidEvent(String eventId, String reason, Caller caller) {
        StoredEvent original = store.find(eventId).orElseThrow(() -> ApiException.notFound("事件不存在：" + eventId));
        if (caller.scoped()) {
            orgs.checkScope(original.orgId(), caller);
        }
        if (original.type() == ActivityType.ACTIVITY_VOIDED) {
            throw ApiException.illegalTransition("eventId", "不能作废一条作废记录");
        }
        if (original.type().isMemberEvent()) {
            throw ApiException.illegalTransition("eventId", "党员发展和组织关系事件不能作废，请提交新的事件更正名册");
        }
        String voidId = eventId + ":void";
        ActivityVoided payload = new ActivityVoided(eventId, reason, original.toActivityEvent());
        String hash = parser.hash(Map.of("voidedEventId", eventId, "reason", reason));
        @SuppressWarnings("unchecked")
        Map<String, Object> payloadMap = json.convertValue(payload, Map.class);
        StoredEvent stored = new StoredEvent(voidId, original.orgId(), ActivityType.ACTIVITY_VOIDED,
                OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MILLIS),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), payloadMap, hash, sequence.next(), caller.requestId(),
                null, false, null, null);
        try {
            store.insert(stored);
        } catch (ActivityStore.DuplicateEvent dup) {
            StoredEvent prior = store.find(voidId).orElseThrow();
            if (prior.hash().equals(hash)) {
                return new Outcome(voidId, Status.DUPLICATE, prior.recordedAt(), null);
            }
            throw ApiException.conflict("事件 " + eventId + " 已经作废（作废记录 " + voidId + "）");
        }
        try {
            store.setVoidedBy(eventId, voidId);
        } catch (RuntimeException e) {
            log.warn("Could not flag {} as voided (the void event itself is stored): {}", eventId, e.toString());
        }
        publisher.submit(stored);
        return new Outcome(voidId, Status.ACCEPTED, stored.recordedAt(), null);
    }

    /** Finishes roster updates a crash left undone (the stored event is the truth; applying is idempotent). */
    @Scheduled(fixedDelayString = "${dangjian.activity.publish.full-sweep-interval:30s}", initialDelay = 2000)
    public void repairRosterSweep() {
        try {
            for (StoredEvent e : store.rosterPending(Instant.now().minusSeconds(10), 200)) {
                ReentrantLock lock = memberLocks[Math.floorMod(e.memberId().hashCode(), STRIPES)];
                lock.lock();
                try {
                    repairRoster(e);
                } finally {
                    lock.unlock();
                }
            }
        } catch (RuntimeException ex) {
            log.warn("Roster repair round failed: {}", ex.toString());
        }
    }

    private void repairRoster(StoredEvent e) {
        if (members.hasApplied(e.memberId(), e.eventId())) {
            store.markRosterApplied(e.eventId());
            return;
        }
        MemberEvent payload = (MemberEvent) json.convertValue(e.payload(), e.type().payloadType());
        Member current = members.find(e.memberId()).orElse(null);
        try {
            Member next = Lifecycle.apply(current, e.orgId(), e.type(), payload,
                    e.occurredAt().atZoneSameInstant(org.dangjian.contracts.CloudEventHeaders.CHINA).toLocalDate());
            members.apply(e.eventId(), next);
        } catch (ApiException refused) {
            log.error("Stored member event {} no longer applies to the roster: {}", e.eventId(), refused.detail());
        }
        store.markRosterApplied(e.eventId());
    }
}
