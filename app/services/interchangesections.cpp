#include "interchangereading.h"

// The later sections of an incident archive: stakeholder updates, the drill run, the
// postmortem and its action items.

namespace sitrep::interchange {

void readUpdates(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QList<AudienceTemplate> templates = {AudienceTemplate::Responders, AudienceTemplate::Executives,
                                               AudienceTemplate::Customers, AudienceTemplate::Custom};
    QHash<QUuid, QString> audienceNames;
    QSet<QString> names;
    const QJsonArray audiences = r.array(doc, QStringLiteral("audiences"), QStringLiteral("$"));
    for (qsizetype n = 0; n < audiences.size(); ++n) {
        const QString at = element(QStringLiteral("$.audiences"), n);
        const QJsonObject o = r.object(audiences.at(n), at);
        Audience x;
        x.uuid = r.id(o, at);
        x.name = r.text(o, QStringLiteral("name"), at, true, true, 200).trimmed();
        if (names.contains(x.name.toLower()))
            refuse(member(at, QStringLiteral("name")), tr("a second audience called \"%1\"").arg(x.name));
        names.insert(x.name.toLower());
        x.templateKind = r.choice(o, QStringLiteral("template"), at, tr("template"), parseAudienceTemplate, templates,
                                  audienceTemplateKey, AudienceTemplate::Custom);
        x.position = int(r.integer(o, QStringLiteral("position"), at, 0, 1'000'000, n));
        x.createdAt = r.time(o, QStringLiteral("createdAt"), at);
        audienceNames.insert(x.uuid, x.name);
        a.audiences.append(x);
    }

    const QJsonArray updates = r.array(doc, QStringLiteral("updates"), QStringLiteral("$"));
    for (qsizetype n = 0; n < updates.size(); ++n) {
        const QString at = element(QStringLiteral("$.updates"), n);
        const QJsonObject o = r.object(updates.at(n), at);
        ArchivedUpdate x;
        StakeholderUpdate &u = x.update;
        u.uuid = r.id(o, at);
        x.audience = r.reference(o.value(QStringLiteral("audience")), member(at, QStringLiteral("audience")));
        if (x.audience.isNull() || !audienceNames.contains(x.audience))
            refuse(member(at, QStringLiteral("audience")), tr("names no audience of $.audiences"));
        u.audienceName = r.text(o, QStringLiteral("audienceName"), at, false, false, 200);
        if (u.audienceName.isEmpty())
            u.audienceName = audienceNames.value(x.audience);
        u.kind = r.choice(o, QStringLiteral("kind"), at, tr("update kind"), parseUpdateKind,
                          {UpdateKind::Update, UpdateKind::AllClear}, updateKindKey, UpdateKind::Update);
        u.body = r.text(o, QStringLiteral("body"), at, true, true);
        u.severity = *severityFromNumber(int(r.integer(o, QStringLiteral("severity"), at, 1, 4,
                                                       severityNumber(a.incident.severity))));
        u.status = r.choice(o, QStringLiteral("status"), at, tr("status"), parseStatus, allStatuses(), statusKey,
                            a.incident.status);
        u.nextUpdateAt = r.optionalTime(o, QStringLiteral("nextUpdateAt"), at);
        u.nextStated = r.boolean(o, QStringLiteral("nextStated"), at);
        u.drill = r.boolean(o, QStringLiteral("drill"), at, a.incident.drill);
        u.author = r.text(o, QStringLiteral("author"), at, false, false, 500);
        u.sentAt = r.time(o, QStringLiteral("sentAt"), at);
        a.updates.append(x);
    }

    const QJsonArray dismissals = r.array(doc, QStringLiteral("allClearDismissals"), QStringLiteral("$"));
    for (qsizetype n = 0; n < dismissals.size(); ++n) {
        const QString at = element(QStringLiteral("$.allClearDismissals"), n);
        const QJsonObject o = r.object(dismissals.at(n), at);
        ArchivedDismissal d;
        d.uuid = r.id(o, at);
        d.reason = r.text(o, QStringLiteral("reason"), at, true, true, 5000);
        d.by = r.text(o, QStringLiteral("by"), at, false, false, 500);
        d.at = r.time(o, QStringLiteral("at"), at);
        a.allClearDismissals.append(d);
    }
}

void readDrillRun(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QJsonValue v = doc.value(QStringLiteral("drillRun"));
    if (v.isUndefined() || v.isNull())
        return;
    const QString at = QStringLiteral("$.drillRun");
    const QJsonObject o = r.object(v, at);
    ArchivedDrillRun run;
    run.uuid = r.id(o, at);
    run.scenario = r.text(o, QStringLiteral("scenario"), at, true, true, 500);
    const QJsonValue speed = o.value(QStringLiteral("speed"));
    if (!speed.isDouble() || speed.toDouble() < minDrillSpeed || speed.toDouble() > maxDrillSpeed)
        refuse(member(at, QStringLiteral("speed")), tr("expected a number from %1 to %2").arg(minDrillSpeed).arg(maxDrillSpeed));
    run.speed = speed.toDouble();
    run.startedAt = r.time(o, QStringLiteral("startedAt"), at);
    run.endedAt = r.optionalTime(o, QStringLiteral("endedAt"), at);
    run.scenarioJson = r.text(o, QStringLiteral("scenarioJson"), at, false, false, kMaxInterchangeBlob).toUtf8();
    run.scorecardJson = r.text(o, QStringLiteral("scorecardJson"), at, false, false, kMaxInterchangeBlob).toUtf8();
    a.drillRun = run;
}

void readPostmortem(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QJsonValue v = doc.value(QStringLiteral("postmortem"));
    if (!v.isUndefined() && !v.isNull()) {
        const QString at = QStringLiteral("$.postmortem");
        const QJsonObject o = r.object(v, at);
        Postmortem p;
        p.uuid = r.id(o, at);
        p.owner = r.text(o, QStringLiteral("owner"), at, false, false, kMaxShortText);
        p.status = r.choice(o, QStringLiteral("reviewStatus"), at, tr("review status"), parseReviewStatus,
                            allReviewStatuses(), reviewStatusKey, ReviewStatus::Draft);
        p.summary = r.text(o, QStringLiteral("summary"), at);
        const QJsonValue impact = o.value(QStringLiteral("impact"));
        if (!impact.isUndefined() && !impact.isNull()) {
            const QString ipath = member(at, QStringLiteral("impact"));
            const QJsonObject io = r.object(impact, ipath);
            constexpr qint64 big = qint64(1) << 50;
            p.affectedCount = r.optionalInteger(io, QStringLiteral("affected"), ipath, 0, big);
            p.affectedUnit = r.text(io, QStringLiteral("affectedUnit"), ipath, false, false, kMaxShortText);
            p.supportRequests = r.optionalInteger(io, QStringLiteral("supportRequests"), ipath, 0, big);
            p.costCents = r.optionalInteger(io, QStringLiteral("costCents"), ipath, 0, big);
        }
        p.detection = r.text(o, QStringLiteral("detection"), at);
        p.response = r.text(o, QStringLiteral("response"), at);
        p.rootCauses = r.text(o, QStringLiteral("rootCauses"), at);
        p.trigger = r.text(o, QStringLiteral("trigger"), at);
        const QJsonArray whys = r.array(o, QStringLiteral("fiveWhys"), at);
        for (qsizetype n = 0; n < whys.size(); ++n) {
            const QString wat = element(member(at, QStringLiteral("fiveWhys")), n);
            if (!whys.at(n).isString())
                refuse(wat, tr("expected a string, found %1").arg(typeName(whys.at(n))));
            p.fiveWhys << whys.at(n).toString();
        }
        p.wentWell = r.text(o, QStringLiteral("wentWell"), at);
        p.wentPoorly = r.text(o, QStringLiteral("wentPoorly"), at);
        p.gotLucky = r.text(o, QStringLiteral("gotLucky"), at);
        p.lessons = r.text(o, QStringLiteral("lessons"), at);
        p.createdAt = r.optionalTime(o, QStringLiteral("createdAt"), at).value_or(a.incident.updatedAt);
        p.updatedAt = r.optionalTime(o, QStringLiteral("updatedAt"), at).value_or(p.createdAt);
        p.updatedBy = r.text(o, QStringLiteral("updatedBy"), at, false, false, kMaxShortText);
        if (const auto problem = validatePostmortem(p))
            refuse(at, *problem);
        if (p.fiveWhys.contains(QString()))
            refuse(member(at, QStringLiteral("fiveWhys")), tr("an empty why"));
        a.postmortem = p;
    }

    const QJsonArray items = r.array(doc, QStringLiteral("actionItems"), QStringLiteral("$"));
    for (qsizetype n = 0; n < items.size(); ++n) {
        const QString at = element(QStringLiteral("$.actionItems"), n);
        const QJsonObject o = r.object(items.at(n), at);
        ActionItem item;
        item.uuid = r.id(o, at);
        item.position = int(n);
        item.text = r.text(o, QStringLiteral("text"), at, true, true, kMaxShortText * 4);
        item.owner = r.text(o, QStringLiteral("owner"), at, false, false, kMaxShortText);
        item.kind = r.choice(o, QStringLiteral("type"), at, tr("action type"), parseActionKind, allActionKinds(),
                             actionKindKey, ActionKind::Prevent);
        item.priority = int(r.integer(o, QStringLiteral("priority"), at, kHighestPriority, kLowestPriority, 2));
        const QString due = r.text(o, QStringLiteral("due"), at, false, false, 40);
        const std::optional<QDate> date = parseDueDate(due);
        if (!date)
            refuse(member(at, QStringLiteral("due")), tr("\"%1\" is not a date like 2026-12-01").arg(due));
        item.due = *date;
        item.tracker = r.text(o, QStringLiteral("tracker"), at, false, false, 2000);
        item.state = r.choice(o, QStringLiteral("state"), at, tr("state"), parseActionState, allActionStates(),
                              actionStateKey, ActionState::Open);
        item.createdAt = r.optionalTime(o, QStringLiteral("createdAt"), at).value_or(a.incident.updatedAt);
        item.updatedAt = r.optionalTime(o, QStringLiteral("updatedAt"), at).value_or(item.createdAt);
        if (const auto problem = validateActionItem(item))
            refuse(at, *problem);
        a.actionItems.append(item);
    }
}

} // namespace sitrep::interchange
