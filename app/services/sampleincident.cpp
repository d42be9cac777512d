#include "sampleincident.h"

#include "services.h"

#include "domain/timeformat.h"

#include <QFileInfo>
#include <QStandardPaths>

namespace sitrep {

namespace {

constexpr qint64 kMinute = 60'000;

QString tr(const char *text)
{
    return QCoreApplication::translate("SampleIncident", text);
}

// Runs the story; any refusal stops it with the service's message.
class Story
{
public:
    Story(Services &services, ManualClock &clock, qint64 endMs) : m_s(services), m_clock(clock), m_end(endMs) {}

    void at(int minutesBeforeEnd) { m_clock.setNow(m_end - minutesBeforeEnd * kMinute); }
    qint64 time(int minutesBeforeEnd) const { return m_end - minutesBeforeEnd * kMinute; }

    template <typename T>
    T take(Result<T> r)
    {
        if (!r && !m_error)
            m_error = r.error();
        return r ? r.value() : T{};
    }
    void log(qint64 incident, int minutesBeforeEnd, EntryKind kind, const QString &author, const QString &text,
             bool pinned = false)
    {
        at(minutesBeforeEnd);
        LogRequest r;
        r.incidentId = incident;
        r.kind = kind;
        r.author = author;
        r.text = text;
        r.pinned = pinned;
        take(m_s.timeline.log(r));
    }
    qint64 card(qint64 incident, SituationColumn column, const QString &text, const QString &owner,
                PlanTag tag = PlanTag::None, const QString &backOut = {})
    {
        CardDraft d;
        d.text = text;
        d.owner = owner;
        d.tag = tag;
        d.risky = !backOut.isEmpty();
        d.backOut = backOut;
        return take(m_s.situation.addCard(incident, column, d)).id;
    }
    const std::optional<Error> &error() const { return m_error; }
    Services &s() { return m_s; }

private:
    Services &m_s;
    ManualClock &m_clock;
    qint64 m_end;
    std::optional<Error> m_error;
};

} // namespace

QString sampleStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sample.db");
}

Result<qint64> writeSampleIncident(const std::shared_ptr<Database> &db, qint64 nowMs)
{
    ManualClock clock(nowMs - 36 * kMinute);
    Services services(db, &clock, QStringLiteral("Dana Okafor"));
    Story story(services, clock, nowMs);

    // 41 minutes ago checkout started failing; the pager noticed 3 minutes later.
    story.at(36);
    DeclareRequest declare;
    declare.title = tr("Production database down — orders failing");
    declare.severity = Severity::Sev1;
    declare.impact = tr("No customer can place an order; payments queue is backing up.");
    declare.startedAt = story.time(41);
    declare.deadlineAt = story.time(-19);
    declare.costPerMinuteCents = 1200'00;
    const Incident incident = story.take(services.incidents.declare(declare));
    if (story.error())
        return *story.error();
    const qint64 id = incident.id;

    story.log(id, 38, EntryKind::Alert, QStringLiteral("pagerduty"),
              tr("checkout-api error rate 38% (threshold 5%) — db-primary-1 connection refused"));
    story.take(services.incidents.setMilestone(id, Milestone::Detected, story.time(38)));
    story.at(35);
    story.take(services.incidents.setMilestone(id, Milestone::Acknowledged, story.time(35)));
    story.take(services.incidents.assignRole(id, Role::Commander, QStringLiteral("Dana Okafor")));
    story.take(services.incidents.assignRole(id, Role::Communications, QStringLiteral("Sam Lee")));
    story.take(services.incidents.assignRole(id, Role::Operations, QStringLiteral("Priya Natarajan")));
    story.take(services.incidents.assignRole(id, Role::Scribe, QStringLiteral("Jo Martin")));
    story.take(services.incidents.assignRole(id, Role::SubjectExpert, QStringLiteral("Marek Nowak (DBA)")));
    story.take(services.incidents.assignRole(id, Role::CustomerLiaison, QStringLiteral("Alex Kim")));
    story.log(id, 34, EntryKind::Note, QStringLiteral("Dana Okafor"),
              tr("Dana is IC. Sam handles the client and the boss; everyone else stays on the bridge."));
    story.take(services.runbooks.attachDeclareRunbooks(id));

    story.at(33);
    story.card(id, SituationColumn::Known, tr("db-primary-1 refuses new connections: \"too many clients\""),
               QStringLiteral("Marek Nowak"));
    const qint64 replica = story.card(id, SituationColumn::Unknown, tr("Is replica db-2 current enough to fail over to?"),
                                      QStringLiteral("Marek Nowak"));
    const qint64 deploy = story.card(id, SituationColumn::Unknown, tr("Did deploy 412 raise the pool size per pod?"),
                                     QStringLiteral("Priya Natarajan"));
    story.card(id, SituationColumn::Unknown, tr("Are orders lost, or queued and retried?"), QStringLiteral("Alex Kim"));
    story.at(31);
    story.take(services.situation.estimate(id, 30 * kMinute, 120 * kMinute, Confidence::Low,
                                           tr("cause unknown; failover alone takes 20 min")));
    story.log(id, 30, EntryKind::Note, QStringLiteral("Marek Nowak"),
              tr("Connections: 500 of 500 in use; 460 from checkout-api pods"));
    story.at(27);
    story.take(services.situation.answer(replica, tr("yes — replication lag 0.4 s")));
    story.card(id, SituationColumn::Known, tr("Trouble began at 08:04, two minutes after deploy 412"),
               QStringLiteral("Priya Natarajan"));
    story.at(22);
    story.take(services.situation.answer(deploy, tr("yes — 20 → 60 connections per pod, 8 pods")));
    story.take(services.incidents.changeStatus(id, Status::Identified, story.time(20)));
    story.log(id, 19, EntryKind::Decision, QStringLiteral("Dana Okafor"),
              tr("Roll back deploy 412 now; no database config changes until connections drop"), true);
    story.at(19);
    const qint64 rollback = story.card(id, SituationColumn::Plan, tr("Roll back deploy 412 (pool back to 20/pod)"),
                                       QStringLiteral("Priya Natarajan"), PlanTag::Contain,
                                       tr("re-deploy release 4.12.0 from its tag"));
    story.card(id, SituationColumn::Plan, tr("Kill idle connections older than 5 min on db-primary-1"),
               QStringLiteral("Marek Nowak"), PlanTag::Contain, tr("none needed: clients reconnect"));
    story.card(id, SituationColumn::Plan, tr("Watch checkout error rate below 1% for 10 minutes"), QStringLiteral("Priya Natarajan"),
               PlanTag::Verify);
    story.card(id, SituationColumn::Plan, tr("Add a pool-size guard to the deploy checks"), QStringLiteral("Priya Natarajan"),
               PlanTag::Fix);
    story.take(services.situation.setPlanState(rollback, PlanState::Doing));
    story.log(id, 17, EntryKind::Action, QStringLiteral("Priya Natarajan"), tr("Rollback of 412 started on 8 pods"));
    // The first stakeholder update, sent through the updates service so the rhythm counts it.
    story.at(15);
    const QList<Audience> audiences = story.take(services.audiences.ensureAudiences(id));
    for (const Audience &audience : audiences) {
        if (audience.name.compare(QLatin1String("customers"), Qt::CaseInsensitive) != 0)
            continue;
        story.take(services.audiences.addChannel(audience.id, ChannelKind::Clipboard, QString()));
        SendRequest update;
        update.incidentId = id;
        update.audienceId = audience.id;
        update.body = tr("Orders have been failing since 08:04. We found the cause — a configuration change in "
                         "this morning's release — and are rolling it back now. Next update by %1.")
                          .arg(formatClockTime(story.time(-10)).left(5));
        update.nextUpdateAt = story.time(-10);
        const SentUpdate sent = story.take(services.updates.send(update));
        // In the story it went out at the time; settle it here, so that opening the sample
        // does not put the sample's words on this user's clipboard.
        for (const OutboxMessage &message : sent.messages) {
            DeliveryOutcome delivered;
            delivered.verdict = DeliveryOutcome::Delivered;
            delivered.reason = tr("Copied to the clipboard");
            story.take(services.updates.recordAttempt(message.id, story.time(15), delivered, 0, std::nullopt));
        }
    }
    story.at(12);
    story.take(services.situation.estimate(id, 15 * kMinute, 45 * kMinute, Confidence::Medium,
                                           tr("rollback under way; pool drains as pods restart")));
    story.log(id, 9, EntryKind::Note, QStringLiteral("Marek Nowak"), tr("Connections dropping: 500 → 380"));
    story.log(id, 4, EntryKind::Alert, QStringLiteral("pagerduty"), tr("checkout-api error rate 12% and falling"));
    story.log(id, 2, EntryKind::Note, QStringLiteral("Jo Martin"), tr("6 of 8 pods on the old release; 240 connections"));

    // A first-response checklist, three steps in.
    const Result<QList<Checklist>> lists = services.checklists.checklists(id);
    if (lists && !lists.value().isEmpty()) {
        const QList<ChecklistItem> &items = lists.value().constFirst().items;
        for (int i = 0; i < std::min<qsizetype>(3, items.size()); ++i) {
            story.at(34 - 4 * i);
            story.take(services.checklists.tick(items.at(i).id));
        }
    }
    if (story.error())
        return *story.error();
    return id;
}

} // namespace sitrep
