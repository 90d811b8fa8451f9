package org.tongban.ratings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.identity.Departments;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.platform.PlatformCalendar;
import org.tongban.platform.PlatformManagement;
import org.tongban.ratings.internal.RatingStore;

/**
 * 好差评: the applicant's rating of a concluded case, the department's rectification of a bad rating, and the
 * managers' statistics. Callers pass the signed-in account; every method checks it against the object: an
 * applicant reaches only their own cases, an official only their own department's rectifications (another's is
 * not found). Refused ratings are recorded on the audit trail at once, since their transaction rolls back.
 */
@Service
public class RatingManagement {

    /** The setting that holds the rectification deadline in working days (DOMAIN.md 8.3: 5 in 德州, 15 in 四川). */
    public static final String DEADLINE_SETTING = "ratings.rectification-days";

    static final int DEFAULT_DEADLINE_DAYS = 5;
    static final int FOLLOW_UP_MAX = 500;
    static final int RESPONSE_MAX = 1000;
    // Deadlines are working days of the province; "today" is the province's day, whatever the server's zone.

    private final RatingStore store;
    private final CaseManagement cases;
    private final Departments identity;
    private final PlatformManagement platform;
    private final PlatformCalendar calendar;
    private final NotificationManagement notifications;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RatingManagement(
            RatingStore store,
            CaseManagement cases,
            Departments identity,
            PlatformManagement platform,
            PlatformCalendar calendar,
            NotificationManagement notifications,
            AuditManagement audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.identity = identity;
        this.platform = platform;
        this.calendar = calendar;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One of the applicant's concluded cases with its rating and the department's answer. A case of the applicant
     * that has not concluded is refused with {@code ratings.error.notConcluded}; anyone else's case is not found.
     */
    @Transactional(readOnly = true)
    public RatingView view(String number, UUID applicant) {
        return store.forApplicant(number, applicant).orElseThrow(() -> notRateable(number, applicant));
    }

    /**
     * Rates a concluded case of the caller's own, once. A bad rating (1 or 2) opens a rectification for the
     * department that handled the case, due after the number of working days the platform setting gives.
     *
     * @throws RatingNotFoundException not the caller's case
     * @throws RatingRefusedException not concluded, or already rated ({@link RatingRefusedException#conflict()})
     * @throws InvalidRatingException a score missing or outside 1–5, or an over-long comment
     */
    @Transactional
    public void rate(RateCase rating) {
        var actor = rating.rater().toString();
        var number = rating.caseNumber();
        RatingView current;
        try {
            current = view(number, rating.rater());
        } catch (RatingNotFoundException | RatingRefusedException e) {
            refused(actor, number, e instanceof RatingNotFoundException ? "NOT_FOUND" : "NOT_CONCLUDED");
            throw e;
        }
        if (current.rated()) {
            refused(actor, number, "ALREADY_RATED");
            throw new RatingRefusedException("ratings.error.alreadyRated", true);
        }
        var errors = new LinkedHashMap<String, String>();
        rating.scores().forEach((field, value) -> {
            // The level is the one question everybody answers; the indicators are given where they add.
            if (value == null && field.equals("level")) errors.put(field, "ratings.error.required");
            else if (value != null && (value < 1 || value > 5)) errors.put(field, "ratings.error.range");
        });
        var level = rating.level();
        // A bad rating (差评) says why: at least one indicator at 不满意 or worse.
        if (level != null && level >= 1 && level <= 2 && !errors.containsKey("level")) {
            boolean reason = RateCase.REASONS.stream().anyMatch(f -> {
                var v = rating.scores().get(f);
                return v != null && v >= 1 && v <= 2;
            });
            if (!reason) errors.put("reasons", "ratings.error.reasonRequired");
        }
        var comment = rating.comment() == null || rating.comment().isBlank()
                ? null
                : rating.comment().strip();
        if (comment != null && comment.length() > RateCase.COMMENT_MAX)
            errors.put("comment", "ratings.error.commentTooLong");
        if (!errors.isEmpty()) {
            refused(actor, number, "INVALID");
            throw new InvalidRatingException(errors);
        }
        var clean = new RateCase(
                number,
                rating.rater(),
                rating.level(),
                // 整体满意度 is the level unless the caller gave it on its own (the API, before).
                rating.overall() == null ? rating.level() : rating.overall(),
                rating.efficiency(),
                rating.guideAccuracy(),
                rating.convenience(),
                rating.usability(),
                comment);
        var now = clock.instant();
        if (!store.rate(clean, now)) {
            // Another request rated the case between our read and our insert.
            refused(actor, number, "ALREADY_RATED");
            throw new RatingRefusedException("ratings.error.alreadyRated", true);
        }
        int given = Objects.requireNonNull(level, "checked above");
        var indicators = new LinkedHashMap<String, Integer>();
        clean.scores().forEach((field, value) -> {
            if (!field.equals("level") && value != null) indicators.put(field, value);
        });
        events.publishEvent(new CaseRated(
                number,
                rating.rater(),
                current.itemCode(),
                current.departmentCode(),
                given,
                Map.copyOf(indicators),
                now));
        if (given <= 2) {
            var id = UUID.randomUUID();
            var days = deadlineDays();
            var deadline = calendar.addWorkingDays(LocalDate.ofInstant(now, clock.getZone()), days);
            store.openRectification(id, number, current.departmentCode(), now, deadline);
            events.publishEvent(AuditRecord.success(
                    RatingAudit.RECTIFICATION_OPENED,
                    actor,
                    id.toString(),
                    Map.of(
                            "case",
                            number,
                            "department",
                            current.departmentCode(),
                            "deadline",
                            deadline.toString(),
                            "workingDays",
                            Integer.toString(days))));
        }
    }

    /** The working days a department has to rectify: the platform setting, or 5 when it is absent or not a number. */
    public int deadlineDays() {
        return platform.setting(DEADLINE_SETTING)
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,3}"))
                .map(Integer::parseInt)
                .filter(days -> days > 0)
                .orElse(DEFAULT_DEADLINE_DAYS);
    }

    /** The official's department's open rectifications, the nearest deadline first. */
    @Transactional(readOnly = true)
    public List<RectificationSummary> openRectifications(UUID official) {
        var department = departmentOf(official);
        return department == null ? List.of() : store.openOf(department, today());
    }

    /** One rectification of the official's department; another department's is not found. */
    @Transactional(readOnly = true)
    public RectificationView rectification(UUID official, UUID id) {
        var department = departmentOf(official);
        if (department == null) throw new RatingNotFoundException(id.toString());
        return store.ofDepartment(id, department, today())
                .orElseThrow(() -> new RatingNotFoundException(id.toString()));
    }

    /** Records a follow-up note (回访) on an open rectification of the official's department. */
    @Transactional
    public void followUp(UUID official, UUID id, @Nullable String note) {
        var open = openOne(official, id);
        var clean = text(note, "note", FOLLOW_UP_MAX);
        store.followUp(open.id(), clean, official, clock.instant());
        events.publishEvent(AuditRecord.success(
                RatingAudit.RECTIFICATION_FOLLOWED_UP,
                official.toString(),
                id.toString(),
                Map.of("case", open.caseNumber())));
    }

    /**
     * Records the department's response (整改情况或说明) and tells the rater in their message centre. A response may
     * be revised while the rectification is open; the rater is told each time.
     */
    @Transactional
    public void respond(UUID official, UUID id, @Nullable String response) {
        var open = openOne(official, id);
        var clean = text(response, "response", RESPONSE_MAX);
        if (!store.respond(id, clean, official, clock.instant())) {
            throw new RatingRefusedException("ratings.error.closed", true);
        }
        notifications.send(
                SendNotification.inApp(store.applicantOf(id), "ratings.message.responded", open.caseNumber()));
        events.publishEvent(AuditRecord.success(
                RatingAudit.RECTIFICATION_RESPONDED,
                official.toString(),
                id.toString(),
                Map.of("case", open.caseNumber())));
    }

    /** Closes an open rectification that has a response; overdue ones are closed as well, and stay late in the record. */
    @Transactional
    public void close(UUID official, UUID id) {
        var open = openOne(official, id);
        if (open.response() == null) throw new RatingRefusedException("ratings.error.responseRequired", false);
        if (!store.close(id, official, clock.instant())) throw new RatingRefusedException("ratings.error.closed", true);
        events.publishEvent(AuditRecord.success(
                RatingAudit.RECTIFICATION_CLOSED,
                official.toString(),
                id.toString(),
                Map.of("case", open.caseNumber(), "late", Boolean.toString(open.overdue()))));
        events.publishEvent(new RectificationClosed(id, open.caseNumber(), open.overdue(), clock.instant()));
    }

    /** Ratings per department and per item, with open and overdue rectifications. For managers. */
    @Transactional(readOnly = true)
    public RatingStatistics statistics() {
        var today = today();
        return new RatingStatistics(today, store.byDepartment(today), store.byItem(today));
    }

    private RectificationView openOne(UUID official, UUID id) {
        var view = rectification(official, id);
        if (!view.open()) throw new RatingRefusedException("ratings.error.closed", true);
        return view;
    }

    private static String text(@Nullable String value, String field, int max) {
        var clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) throw new InvalidRatingException(Map.of(field, "ratings.error.required"));
        if (clean.length() > max) throw new InvalidRatingException(Map.of(field, "ratings.error.tooLong"));
        return clean;
    }

    private RuntimeException notRateable(String number, UUID applicant) {
        try {
            // The applicant's own case that has not concluded yet: say so, rather than "not found".
            cases.mine(number, applicant);
            return new RatingRefusedException("ratings.error.notConcluded", false);
        } catch (CaseNotFoundException e) {
            return new RatingNotFoundException(number);
        }
    }

    private void refused(String actor, String number, String reason) {
        audit.recordNow(AuditRecord.denied(RatingAudit.RATING_REFUSED, actor, number, Map.of("reason", reason)));
    }

    private @Nullable String departmentOf(UUID official) {
        return identity.departmentOf(official).orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
