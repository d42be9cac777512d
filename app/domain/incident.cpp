#include "incident.h"

#include <QCoreApplication>

namespace sitrep {

QList<Milestone> allMilestones()
{
    return {Milestone::Started,      Milestone::Detected,   Milestone::Declared,
            Milestone::Acknowledged, Milestone::Identified, Milestone::Mitigated,
            Milestone::Resolved,     Milestone::Closed};
}

QString milestoneKey(Milestone milestone)
{
    switch (milestone) {
    case Milestone::Started: return QStringLiteral("started");
    case Milestone::Detected: return QStringLiteral("detected");
    case Milestone::Declared: return QStringLiteral("declared");
    case Milestone::Acknowledged: return QStringLiteral("acknowledged");
    case Milestone::Identified: return QStringLiteral("identified");
    case Milestone::Mitigated: return QStringLiteral("mitigated");
    case Milestone::Resolved: return QStringLiteral("resolved");
    case Milestone::Closed: return QStringLiteral("closed");
    }
    return {};
}

QString milestoneLabel(Milestone milestone)
{
    switch (milestone) {
    case Milestone::Started: return QCoreApplication::translate("Milestone", "Impact started");
    case Milestone::Detected: return QCoreApplication::translate("Milestone", "Detected");
    case Milestone::Declared: return QCoreApplication::translate("Milestone", "Declared");
    case Milestone::Acknowledged: return QCoreApplication::translate("Milestone", "Acknowledged");
    case Milestone::Identified: return QCoreApplication::translate("Milestone", "Identified");
    case Milestone::Mitigated: return QCoreApplication::translate("Milestone", "Mitigated");
    case Milestone::Resolved: return QCoreApplication::translate("Milestone", "Resolved");
    case Milestone::Closed: return QCoreApplication::translate("Milestone", "Closed");
    }
    return {};
}

std::optional<Milestone> parseMilestone(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (Milestone m : allMilestones()) {
        if (milestoneKey(m) == k)
            return m;
    }
    return std::nullopt;
}

std::optional<Milestone> milestoneForStatus(Status status)
{
    switch (status) {
    case Status::Investigating: return std::nullopt;
    case Status::Identified: return Milestone::Identified;
    case Status::Mitigated: return Milestone::Mitigated;
    case Status::Resolved: return Milestone::Resolved;
    case Status::Closed: return Milestone::Closed;
    }
    return std::nullopt;
}

std::optional<qint64> Incident::milestone(Milestone m) const
{
    switch (m) {
    case Milestone::Started: return startedAt;
    case Milestone::Detected: return detectedAt;
    case Milestone::Declared: return declaredAt;
    case Milestone::Acknowledged: return acknowledgedAt;
    case Milestone::Identified: return identifiedAt;
    case Milestone::Mitigated: return mitigatedAt;
    case Milestone::Resolved: return resolvedAt;
    case Milestone::Closed: return closedAt;
    }
    return std::nullopt;
}

void Incident::setMilestone(Milestone m, std::optional<qint64> at)
{
    switch (m) {
    case Milestone::Started: startedAt = at.value_or(startedAt); break;
    case Milestone::Detected: detectedAt = at; break;
    case Milestone::Declared: declaredAt = at.value_or(declaredAt); break;
    case Milestone::Acknowledged: acknowledgedAt = at; break;
    case Milestone::Identified: identifiedAt = at; break;
    case Milestone::Mitigated: mitigatedAt = at; break;
    case Milestone::Resolved: resolvedAt = at; break;
    case Milestone::Closed: closedAt = at; break;
    }
}

qint64 Incident::currentStatusSince() const
{
    if (const auto m = milestoneForStatus(status)) {
        if (const auto at = milestone(*m))
            return *at;
    }
    return declaredAt;
}

QString Incident::shortId() const
{
    return uuidText(uuid).left(8);
}

} // namespace sitrep
