#include "interchangejson.h"

#include "jsonwriter.h"

#include <QDateTime>

// The writing half of the interchange format; interchangereader.cpp reads it back.

namespace sitrep {

namespace {

OrderedJson time(qint64 ms)
{
    return OrderedJson(interchangeTime(ms));
}

OrderedJson optionalTime(const std::optional<qint64> &ms)
{
    return ms ? time(*ms) : OrderedJson();
}

OrderedJson id(const QUuid &uuid)
{
    return uuid.isNull() ? OrderedJson() : OrderedJson(uuidText(uuid));
}

OrderedJson incidentJson(const IncidentArchive &a)
{
    const Incident &i = a.incident;
    OrderedJson milestones = OrderedJson::object();
    for (Milestone m : allMilestones())
        milestones.add(milestoneKey(m), optionalTime(i.milestone(m)));

    OrderedJson roles = OrderedJson::array();
    for (const ArchivedRole &r : a.roles) {
        roles.append(OrderedJson::object()
                         .add(QStringLiteral("id"), id(r.uuid))
                         .add(QStringLiteral("role"), roleKey(r.role))
                         .add(QStringLiteral("person"), r.person)
                         .add(QStringLiteral("assignedAt"), time(r.assignedAt)));
    }
    OrderedJson edits = OrderedJson::array();
    for (const ArchivedMilestoneEdit &e : a.milestoneEdits) {
        edits.append(OrderedJson::object()
                         .add(QStringLiteral("id"), id(e.uuid))
                         .add(QStringLiteral("milestone"), milestoneKey(e.milestone))
                         .add(QStringLiteral("from"), optionalTime(e.from))
                         .add(QStringLiteral("to"), optionalTime(e.to))
                         .add(QStringLiteral("editor"), e.editor)
                         .add(QStringLiteral("at"), time(e.editedAt)));
    }
    return OrderedJson::object()
        .add(QStringLiteral("id"), id(i.uuid))
        .add(QStringLiteral("title"), i.title)
        .add(QStringLiteral("severity"), severityNumber(i.severity))
        .add(QStringLiteral("status"), statusKey(i.status))
        .add(QStringLiteral("impact"), i.impact)
        .add(QStringLiteral("drill"), i.drill)
        .add(QStringLiteral("milestones"), milestones)
        .add(QStringLiteral("deadline"), optionalTime(i.deadlineAt))
        .add(QStringLiteral("costPerMinuteCents"), OrderedJson::optional(i.costPerMinuteCents))
        .add(QStringLiteral("updatedAt"), time(i.updatedAt))
        .add(QStringLiteral("roles"), roles)
        .add(QStringLiteral("milestoneEdits"), edits);
}

OrderedJson timelineJson(const QList<ArchivedEntry> &timeline)
{
    OrderedJson out = OrderedJson::array();
    for (const ArchivedEntry &a : timeline) {
        const TimelineEntry &e = a.entry;
        OrderedJson edits = OrderedJson::array();
        for (const ArchivedEdit &d : a.edits) {
            edits.append(OrderedJson::object()
                             .add(QStringLiteral("id"), id(d.uuid))
                             .add(QStringLiteral("at"), time(d.editedAt))
                             .add(QStringLiteral("editor"), d.editor)
                             .add(QStringLiteral("fromText"), d.oldText)
                             .add(QStringLiteral("toText"), d.newText)
                             .add(QStringLiteral("fromAt"), time(d.oldAt))
                             .add(QStringLiteral("toAt"), time(d.newAt)));
        }
        OrderedJson retracted;
        if (e.retractedAt) {
            retracted = OrderedJson::object()
                            .add(QStringLiteral("at"), time(*e.retractedAt))
                            .add(QStringLiteral("reason"), e.retractReason);
        }
        out.append(OrderedJson::object()
                       .add(QStringLiteral("id"), id(e.uuid))
                       .add(QStringLiteral("at"), time(e.at))
                       .add(QStringLiteral("kind"), entryKindKey(e.kind))
                       .add(QStringLiteral("text"), e.text)
                       .add(QStringLiteral("author"), e.author)
                       .add(QStringLiteral("pinned"), e.pinned)
                       .add(QStringLiteral("internal"), e.internal)
                       .add(QStringLiteral("source"), entrySourceKey(e.source))
                       .add(QStringLiteral("createdAt"), time(e.createdAt))
                       .add(QStringLiteral("retracted"), retracted)
                       .add(QStringLiteral("edits"), edits));
    }
    return out;
}

OrderedJson situationJson(const QList<ArchivedItem> &items)
{
    OrderedJson out = OrderedJson::array();
    for (const ArchivedItem &a : items) {
        const SituationItem &s = a.item;
        OrderedJson answers = OrderedJson::array();
        for (const QUuid &u : a.answers)
            answers.append(id(u));
        out.append(OrderedJson::object()
                       .add(QStringLiteral("id"), id(s.uuid))
                       .add(QStringLiteral("column"), situationColumnKey(s.column))
                       .add(QStringLiteral("text"), s.text)
                       .add(QStringLiteral("owner"), s.owner)
                       .add(QStringLiteral("state"), s.state)
                       .add(QStringLiteral("position"), s.position)
                       .add(QStringLiteral("createdAt"), time(s.createdAt))
                       .add(QStringLiteral("updatedAt"), time(s.updatedAt))
                       .add(QStringLiteral("knownAt"), optionalTime(s.knownAt))
                       .add(QStringLiteral("answer"), s.answer)
                       .add(QStringLiteral("needBy"), optionalTime(s.needBy))
                       .add(QStringLiteral("tag"), s.tag)
                       .add(QStringLiteral("risky"), s.risky)
                       .add(QStringLiteral("backOut"), s.backOut)
                       .add(QStringLiteral("timeBoxMs"), OrderedJson::optional(s.timeBoxMs))
                       .add(QStringLiteral("boxStartedAt"), optionalTime(s.boxStartedAt))
                       .add(QStringLiteral("answers"), answers));
    }
    return out;
}

OrderedJson estimatesJson(const QList<ArchivedEstimate> &estimates)
{
    OrderedJson out = OrderedJson::array();
    for (const ArchivedEstimate &e : estimates) {
        out.append(OrderedJson::object()
                       .add(QStringLiteral("id"), id(e.uuid))
                       .add(QStringLiteral("lowMs"), e.estimate.lowMs)
                       .add(QStringLiteral("highMs"), e.estimate.highMs)
                       .add(QStringLiteral("confidence"), confidenceKey(e.estimate.confidence))
                       .add(QStringLiteral("basis"), e.estimate.basis)
                       .add(QStringLiteral("madeAt"), time(e.estimate.madeAt))
                       .add(QStringLiteral("madeBy"), e.madeBy));
    }
    return out;
}

OrderedJson boardHistoryJson(const QList<ArchivedBoardEvent> &events)
{
    OrderedJson out = OrderedJson::array();
    for (const ArchivedBoardEvent &a : events) {
        const BoardEvent &e = a.event;
        const bool estimated = e.kind == BoardEventKind::Estimated;
        out.append(OrderedJson::object()
                       .add(QStringLiteral("id"), id(a.uuid))
                       .add(QStringLiteral("at"), time(e.at))
                       .add(QStringLiteral("kind"), boardEventKindKey(e.kind))
                       .add(QStringLiteral("item"), id(e.itemUuid))
                       .add(QStringLiteral("column"), estimated ? OrderedJson() : OrderedJson(situationColumnKey(e.column)))
                       .add(QStringLiteral("text"), e.text)
                       .add(QStringLiteral("owner"), e.owner)
                       .add(QStringLiteral("state"), e.state)
                       .add(QStringLiteral("answer"), e.answer)
                       .add(QStringLiteral("tag"), e.tag)
                       .add(QStringLiteral("estimate"), id(a.estimate))
                       .add(QStringLiteral("entry"), id(a.entry)));
    }
    return out;
}

OrderedJson checklistsJson(const QList<Checklist> &checklists)
{
    OrderedJson out = OrderedJson::array();
    for (const Checklist &c : checklists) {
        OrderedJson items = OrderedJson::array();
        for (const ChecklistItem &i : c.items) {
            items.append(OrderedJson::object()
                             .add(QStringLiteral("id"), id(i.uuid))
                             .add(QStringLiteral("section"), i.section)
                             .add(QStringLiteral("text"), i.text)
                             .add(QStringLiteral("depth"), i.depth)
                             .add(QStringLiteral("state"), checklistItemStateKey(i.state))
                             .add(QStringLiteral("doneBy"), i.doneBy)
                             .add(QStringLiteral("doneAt"), optionalTime(i.doneAt))
                             .add(QStringLiteral("skipReason"), i.skipReason)
                             .add(QStringLiteral("ownerRole"), i.ownerRole ? OrderedJson(roleKey(*i.ownerRole)) : OrderedJson())
                             .add(QStringLiteral("timeBoxMs"), OrderedJson::optional(i.timeBoxMs))
                             .add(QStringLiteral("link"), i.link));
        }
        out.append(OrderedJson::object()
                       .add(QStringLiteral("id"), id(c.uuid))
                       .add(QStringLiteral("name"), c.name)
                       .add(QStringLiteral("runbook"), c.runbookSlug)
                       .add(QStringLiteral("attachedAt"), time(c.attachedAt))
                       .add(QStringLiteral("items"), items));
    }
    return out;
}

// Audiences, the updates sent to them and dismissed all-clears: three top-level arrays.
void addUpdates(OrderedJson &doc, const IncidentArchive &a)
{
    OrderedJson audiences = OrderedJson::array();
    for (const Audience &x : a.audiences) {
        audiences.append(OrderedJson::object()
                             .add(QStringLiteral("id"), id(x.uuid))
                             .add(QStringLiteral("name"), x.name)
                             .add(QStringLiteral("template"), audienceTemplateKey(x.templateKind))
                             .add(QStringLiteral("position"), x.position)
                             .add(QStringLiteral("createdAt"), time(x.createdAt)));
    }
    OrderedJson updates = OrderedJson::array();
    for (const ArchivedUpdate &x : a.updates) {
        const StakeholderUpdate &u = x.update;
        updates.append(OrderedJson::object()
                           .add(QStringLiteral("id"), id(u.uuid))
                           .add(QStringLiteral("audience"), id(x.audience))
                           .add(QStringLiteral("audienceName"), u.audienceName)
                           .add(QStringLiteral("kind"), updateKindKey(u.kind))
                           .add(QStringLiteral("body"), u.body)
                           .add(QStringLiteral("severity"), severityNumber(u.severity))
                           .add(QStringLiteral("status"), statusKey(u.status))
                           .add(QStringLiteral("nextUpdateAt"), optionalTime(u.nextUpdateAt))
                           .add(QStringLiteral("nextStated"), u.nextStated)
                           .add(QStringLiteral("drill"), u.drill)
                           .add(QStringLiteral("author"), u.author)
                           .add(QStringLiteral("sentAt"), time(u.sentAt)));
    }
    OrderedJson dismissals = OrderedJson::array();
    for (const ArchivedDismissal &d : a.allClearDismissals) {
        dismissals.append(OrderedJson::object()
                              .add(QStringLiteral("id"), id(d.uuid))
                              .add(QStringLiteral("reason"), d.reason)
                              .add(QStringLiteral("by"), d.by)
                              .add(QStringLiteral("at"), time(d.at)));
    }
    doc.add(QStringLiteral("audiences"), audiences)
        .add(QStringLiteral("updates"), updates)
        .add(QStringLiteral("allClearDismissals"), dismissals);
}

OrderedJson postmortemJson(const std::optional<Postmortem> &postmortem)
{
    if (!postmortem)
        return {};
    const Postmortem &p = *postmortem;
    OrderedJson whys = OrderedJson::array();
    for (const QString &why : p.fiveWhys)
        whys.append(why);
    return OrderedJson::object()
        .add(QStringLiteral("id"), id(p.uuid))
        .add(QStringLiteral("owner"), p.owner)
        .add(QStringLiteral("reviewStatus"), reviewStatusKey(p.status))
        .add(QStringLiteral("summary"), p.summary)
        .add(QStringLiteral("impact"), OrderedJson::object()
                                           .add(QStringLiteral("affected"), OrderedJson::optional(p.affectedCount))
                                           .add(QStringLiteral("affectedUnit"), p.affectedUnit)
                                           .add(QStringLiteral("supportRequests"), OrderedJson::optional(p.supportRequests))
                                           .add(QStringLiteral("costCents"), OrderedJson::optional(p.costCents)))
        .add(QStringLiteral("detection"), p.detection)
        .add(QStringLiteral("response"), p.response)
        .add(QStringLiteral("rootCauses"), p.rootCauses)
        .add(QStringLiteral("trigger"), p.trigger)
        .add(QStringLiteral("fiveWhys"), whys)
        .add(QStringLiteral("wentWell"), p.wentWell)
        .add(QStringLiteral("wentPoorly"), p.wentPoorly)
        .add(QStringLiteral("gotLucky"), p.gotLucky)
        .add(QStringLiteral("lessons"), p.lessons)
        .add(QStringLiteral("createdAt"), time(p.createdAt))
        .add(QStringLiteral("updatedAt"), time(p.updatedAt))
        .add(QStringLiteral("updatedBy"), p.updatedBy);
}

OrderedJson actionItemsJson(const QList<ActionItem> &items)
{
    OrderedJson out = OrderedJson::array();
    for (const ActionItem &a : items) {
        out.append(OrderedJson::object()
                       .add(QStringLiteral("id"), id(a.uuid))
                       .add(QStringLiteral("text"), a.text)
                       .add(QStringLiteral("owner"), a.owner)
                       .add(QStringLiteral("type"), actionKindKey(a.kind))
                       .add(QStringLiteral("priority"), a.priority)
                       .add(QStringLiteral("due"), a.due.isValid() ? OrderedJson(dueDateText(a.due)) : OrderedJson())
                       .add(QStringLiteral("tracker"), a.tracker)
                       .add(QStringLiteral("state"), actionStateKey(a.state))
                       .add(QStringLiteral("createdAt"), time(a.createdAt))
                       .add(QStringLiteral("updatedAt"), time(a.updatedAt)));
    }
    return out;
}

OrderedJson drillRunJson(const std::optional<ArchivedDrillRun> &run)
{
    if (!run)
        return {};
    return OrderedJson::object()
        .add(QStringLiteral("id"), id(run->uuid))
        .add(QStringLiteral("scenario"), run->scenario)
        .add(QStringLiteral("speed"), run->speed)
        .add(QStringLiteral("startedAt"), time(run->startedAt))
        .add(QStringLiteral("endedAt"), optionalTime(run->endedAt))
        // Kept as text: they are exactly what the drill stored, in the drill's own format.
        .add(QStringLiteral("scenarioJson"), QString::fromUtf8(run->scenarioJson))
        .add(QStringLiteral("scorecardJson"), QString::fromUtf8(run->scorecardJson));
}

} // namespace

QString interchangeTime(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QByteArray archiveToJson(const IncidentArchive &archive, qint64 exportedAt)
{
    OrderedJson doc = OrderedJson::object();
    doc.add(QStringLiteral("format"), kInterchangeFormat)
        .add(QStringLiteral("version"), kInterchangeVersion)
        .add(QStringLiteral("exportedAt"), time(exportedAt))
        .add(QStringLiteral("generator"), QStringLiteral("Sitrep %1").arg(QStringLiteral(SITREP_VERSION)))
        .add(QStringLiteral("incident"), incidentJson(archive))
        .add(QStringLiteral("timeline"), timelineJson(archive.timeline))
        .add(QStringLiteral("situation"), situationJson(archive.situation))
        .add(QStringLiteral("estimates"), estimatesJson(archive.estimates))
        .add(QStringLiteral("boardHistory"), boardHistoryJson(archive.boardHistory))
        .add(QStringLiteral("checklists"), checklistsJson(archive.checklists));
    addUpdates(doc, archive);
    doc.add(QStringLiteral("drillRun"), drillRunJson(archive.drillRun))
        .add(QStringLiteral("postmortem"), postmortemJson(archive.postmortem))
        .add(QStringLiteral("actionItems"), actionItemsJson(archive.actionItems));
    return doc.toJson();
}

} // namespace sitrep
