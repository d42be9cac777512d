#pragma once

// A rich incident for report and interchange tests: the sample incident (alerts, roles, a busy
// board with estimates, a checklist under way, an update sent), then mitigated and resolved,
// with a corrected milestone, an edited, a retracted and an internal entry, a dismissed
// all-clear, a written postmortem and four action items. Every part of the store an incident
// owns holds something.

#include "support/teststore.h"

#include "services/sampleincident.h"

namespace sitrep::test {

inline constexpr qint64 kMinute = 60'000;

template <typename T>
T must(Result<T> r, const char *what)
{
    if (!r)
        qFatal("%s failed: %s", what, qPrintable(r.error().message));
    return std::move(r).value();
}

inline Postmortem samplePostmortem()
{
    Postmortem p;
    p.owner = QStringLiteral("Dana Okafor");
    p.status = ReviewStatus::InReview;
    p.summary = QStringLiteral("For 41 minutes no customer could place an order. Deploy 412 raised the pool per pod.\n\n"
                               "We rolled it back and checkout recovered.");
    p.affectedCount = 1840;
    p.affectedUnit = QStringLiteral("customers");
    p.supportRequests = 73;
    p.detection = QStringLiteral("The error-rate alert fired three minutes after impact began.");
    p.response = QStringLiteral("Rollback started at 08:26 and completed at 08:43.");
    p.rootCauses = QStringLiteral("Pool size is per pod; the database limit is per cluster; nothing checked both.");
    p.trigger = QStringLiteral("Deploy 412 changed pool.max from 20 to 60.");
    p.fiveWhys = {QStringLiteral("The database refused connections."), QStringLiteral("Checkout pods held 480 of 500."),
                  QStringLiteral("Each pod's pool allowed 60.")};
    p.wentWell = QStringLiteral("- The alert named the failing host\n- Roles were assigned within a minute");
    p.wentPoorly = QStringLiteral("- The first customer update went out 25 minutes in");
    p.gotLucky = QStringLiteral("- The replica was current");
    p.lessons = QStringLiteral("A shared limit needs an owner and a check in the pipeline.");
    return p;
}

inline QList<ActionItem> sampleActions()
{
    auto make = [](const QString &text, const QString &owner, ActionKind kind, int priority, const QString &due,
                   const QString &tracker, ActionState state) {
        ActionItem a;
        a.text = text;
        a.owner = owner;
        a.kind = kind;
        a.priority = priority;
        a.due = parseDueDate(due).value_or(QDate());
        a.tracker = tracker;
        a.state = state;
        return a;
    };
    return {make(QStringLiteral("Add a deploy check: pool size x replicas under 80% of max_connections"),
                 QStringLiteral("Priya Natarajan"), ActionKind::Prevent, 1, QStringLiteral("2026-12-04"),
                 QStringLiteral("https://tracker.example.com/OPS-1423"), ActionState::InProgress),
            make(QStringLiteral("Alert when database connections pass 80%"), QStringLiteral("Marek Nowak"),
                 ActionKind::Detect, 1, QStringLiteral("2026-12-02"), QStringLiteral("OPS-1424"), ActionState::Open),
            make(QStringLiteral("Put PgBouncer in front of db-primary-1"), QStringLiteral("Marek Nowak"),
                 ActionKind::Mitigate, 2, QStringLiteral("2027-01-15"), QStringLiteral("OPS-1425"), ActionState::Open),
            make(QStringLiteral("First customer update within 15 minutes"), QStringLiteral("Sam Lee"), ActionKind::Repair, 3,
                 QString(), QString(), ActionState::Done)};
}

// Writes the rich incident into `store` (its clock ends at kT0 + 12 minutes) and answers its id.
inline qint64 writeRichIncident(TestStore &store)
{
    Services &s = *store.services;
    const qint64 id = must(writeSampleIncident(store.db, kT0), "sample incident");
    store.clock.setNow(kT0 + 2 * kMinute);
    must(s.incidents.changeStatus(id, Status::Mitigated, kT0 + 1 * kMinute), "mitigate");
    // A milestone corrected after the fact keeps its edit history.
    must(s.incidents.setMilestone(id, Milestone::Detected, kT0 - 37 * kMinute), "correct detected");
    store.clock.setNow(kT0 + 4 * kMinute);
    must(s.incidents.changeStatus(id, Status::Resolved, kT0 + 3 * kMinute), "resolve");

    LogRequest note;
    note.incidentId = id;
    note.text = QStringLiteral("Connections back to 120; error rate 0.2%");
    note.author = QStringLiteral("Marek Nowak");
    note.pinned = true;
    const TimelineEntry typo = must(s.timeline.log(note), "log");
    store.clock.setNow(kT0 + 5 * kMinute);
    must(s.timeline.edit(typo.id, QStringLiteral("Connections back to 140; error rate 0.2% | steady"), typo.at), "edit");
    note.text = QStringLiteral("Wrong incident, ignore");
    note.pinned = false;
    const TimelineEntry wrong = must(s.timeline.log(note), "log wrong");
    must(s.timeline.retract(wrong.id, QStringLiteral("posted in the wrong incident")), "retract");
    note.text = QStringLiteral("Customer ACME asked for credits (internal)");
    const TimelineEntry internal = must(s.timeline.log(note), "log internal");
    must(s.timeline.setInternal(internal.id, true), "internal");

    store.clock.setNow(kT0 + 8 * kMinute);
    must(s.updates.dismissAllClear(id, QStringLiteral("customers were told on the status page")), "dismiss");
    store.clock.setNow(kT0 + 10 * kMinute);
    must(s.postmortems.save(id, samplePostmortem()), "postmortem");
    for (const ActionItem &a : sampleActions())
        must(s.postmortems.addActionItem(id, a), "action item");
    store.clock.setNow(kT0 + 12 * kMinute);
    return id;
}

} // namespace sitrep::test
