#include "drillrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace sitrep {

namespace {

bool countsAsPerson(const TimelineEntry &e)
{
    return !e.isRetracted() && e.kind != EntryKind::System
           && (e.source == EntrySource::Typed || e.source == EntrySource::CommandLine);
}

void keepEarliest(std::optional<qint64> &best, qint64 value)
{
    if (!best || value < *best)
        best = value;
}

} // namespace

qint64 scenarioOffsetMs(qint64 realMs, qint64 startedAt, double speed)
{
    if (realMs <= startedAt)
        return 0;
    return std::llround(double(realMs - startedAt) * speed);
}

qint64 realTimeAt(qint64 scenarioMs, qint64 startedAt, double speed)
{
    // Rounded up, so that at the returned moment the scenario offset has been reached.
    return startedAt + qint64(std::ceil(double(scenarioMs) / speed));
}

qint64 drillEndOffsetMs(const DrillScenario &scenario)
{
    qint64 end = 0;
    for (const DrillInject &i : scenario.injects)
        end = std::max(end, i.atMs);
    for (const DrillExpectation &e : scenario.expectations)
        end = std::max(end, e.withinMs);
    return end;
}

DrillObservations observeDrill(const Incident &incident, const QList<TimelineEntry> &entries,
                               const QList<Checklist> &checklists, qint64 startedAt, double speed,
                               std::optional<qint64> until)
{
    const auto counted = [until](qint64 t) { return !until || t <= *until; };
    const auto offset = [=](qint64 t) { return scenarioOffsetMs(t, startedAt, speed); };
    DrillObservations o;

    std::optional<qint64> firstPerson;
    std::optional<qint64> firstUpdate;
    for (const TimelineEntry &e : entries) {
        if (!counted(e.createdAt) || e.isRetracted())
            continue;
        if (countsAsPerson(e))
            keepEarliest(firstPerson, e.createdAt);
        if (e.kind == EntryKind::Communication && e.source != EntrySource::Drill)
            keepEarliest(firstUpdate, e.createdAt);
    }
    if (incident.acknowledgedAt && counted(*incident.acknowledgedAt))
        o.acknowledgedAfterMs = offset(*incident.acknowledgedAt);
    else if (firstPerson)
        o.acknowledgedAfterMs = offset(*firstPerson);
    if (firstUpdate)
        o.firstUpdateAfterMs = offset(*firstUpdate);

    for (const Checklist &list : checklists) {
        for (const ChecklistItem &item : list.items) {
            if (item.state != ChecklistItemState::Done || !item.doneAt || !counted(*item.doneAt))
                continue;
            const qint64 at = offset(*item.doneAt);
            const auto it = o.checklistItemDoneAfterMs.constFind(item.text);
            if (it == o.checklistItemDoneAfterMs.constEnd() || at < it.value())
                o.checklistItemDoneAfterMs.insert(item.text, at);
        }
    }
    for (Status s : {Status::Identified, Status::Mitigated, Status::Resolved, Status::Closed}) {
        const std::optional<Milestone> m = milestoneForStatus(s);
        const std::optional<qint64> at = m ? incident.milestone(*m) : std::nullopt;
        if (at && counted(*at))
            o.statusReachedAfterMs.insert(statusKey(s), offset(*at));
    }
    return o;
}

QByteArray scorecardToJson(const Scorecard &scorecard)
{
    QJsonArray lines;
    for (const ScoreLine &l : scorecard.lines) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), l.expectationId);
        o.insert(QStringLiteral("description"), l.description);
        o.insert(QStringLiteral("limitMs"), l.limitMs);
        if (l.measuredMs)
            o.insert(QStringLiteral("measuredMs"), *l.measuredMs);
        o.insert(QStringLiteral("met"), l.met);
        lines.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("lines"), lines);
    root.insert(QStringLiteral("met"), scorecard.metCount);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<Scorecard> scorecardFromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject() || !doc.object().value(QLatin1String("lines")).isArray())
        return std::nullopt;
    Scorecard card;
    const QJsonArray lines = doc.object().value(QLatin1String("lines")).toArray();
    for (const QJsonValue &v : lines) {
        const QJsonObject o = v.toObject();
        ScoreLine l;
        l.expectationId = o.value(QLatin1String("id")).toString();
        l.description = o.value(QLatin1String("description")).toString();
        l.limitMs = o.value(QLatin1String("limitMs")).toInteger();
        if (o.contains(QLatin1String("measuredMs")))
            l.measuredMs = o.value(QLatin1String("measuredMs")).toInteger();
        l.met = o.value(QLatin1String("met")).toBool();
        if (l.met)
            ++card.metCount;
        card.lines.append(l);
    }
    return card;
}

} // namespace sitrep
