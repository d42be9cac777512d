#include "quickentryexecutor.h"

#include "services.h"

#include "domain/estimate.h"
#include "domain/timeformat.h"

namespace sitrep {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("QuickEntry", text);
}
} // namespace

Result<QuickOutcome> QuickEntryExecutor::execute(qint64 incidentId, const QString &line, EntrySource source)
{
    const QuickEntry parsed = parseQuickEntry(line);
    if (!parsed.isValid())
        return invalid(parsed.error);
    const Result<Incident> incident = m_services.incidents.find(incidentId);
    if (!incident)
        return incident.error();

    QuickOutcome outcome;
    outcome.action = parsed.action;
    // A note typed after a command is logged with it, so the reason sits beside the change.
    auto logNote = [&]() -> std::optional<Error> {
        if (parsed.text.isEmpty())
            return std::nullopt;
        LogRequest r;
        r.incidentId = incidentId;
        r.text = parsed.text;
        r.source = source;
        r.pinned = parsed.pinned;
        const Result<TimelineEntry> note = m_services.timeline.log(r);
        if (!note)
            return note.error();
        return std::nullopt;
    };

    switch (parsed.action) {
    case QuickAction::LogEntry: {
        LogRequest r;
        r.incidentId = incidentId;
        r.text = parsed.text;
        r.kind = parsed.kind;
        r.pinned = parsed.pinned;
        r.source = source;
        const Result<TimelineEntry> entry = m_services.timeline.log(r);
        if (!entry)
            return entry.error();
        outcome.entryId = entry->id;
        outcome.summary = tr("Logged %1").arg(entryKindLabel(parsed.kind).toLower());
        break;
    }
    case QuickAction::AddSituation: {
        // The card text may carry the board's markers (@owner, #contain, box:10m, by:09:30).
        const Result<SituationItem> item = m_services.situation.addFromText(incidentId, *parsed.column, parsed.text, source);
        if (!item)
            return item.error();
        outcome.situationItemId = item->id;
        outcome.summary = tr("Added to “%1”").arg(situationColumnLabel(*parsed.column));
        break;
    }
    case QuickAction::SetStatus: {
        outcome.previousStatus = incident->status;
        const Result<Incident> changed = m_services.incidents.changeStatus(incidentId, *parsed.status, std::nullopt, source);
        if (!changed)
            return changed.error();
        if (const auto error = logNote())
            return *error;
        outcome.summary = tr("Status: %1").arg(statusLabel(*parsed.status));
        break;
    }
    case QuickAction::SetSeverity: {
        outcome.previousSeverity = incident->severity;
        const Result<Incident> changed = m_services.incidents.changeSeverity(incidentId, *parsed.severity, source);
        if (!changed)
            return changed.error();
        if (const auto error = logNote())
            return *error;
        outcome.summary = tr("Severity: %1").arg(severityLabel(*parsed.severity));
        break;
    }
    case QuickAction::AssignRole: {
        for (const RoleAssignment &r : incident->roles) {
            if (r.role == *parsed.role)
                outcome.previousHolders.append(r);
        }
        const Result<Incident> changed = m_services.incidents.assignRole(incidentId, *parsed.role, parsed.person, source);
        if (!changed)
            return changed.error();
        outcome.assigned = RoleAssignment{*parsed.role, parsed.person.simplified()};
        outcome.summary = tr("%1: %2").arg(roleLabel(*parsed.role), parsed.person.simplified());
        break;
    }
    case QuickAction::Milestone: {
        outcome.previousMilestone = incident->milestone(*parsed.milestone);
        const Result<Incident> changed =
            m_services.incidents.setMilestone(incidentId, *parsed.milestone, m_services.clock().nowMs(), source);
        if (!changed)
            return changed.error();
        if (const auto error = logNote())
            return *error;
        outcome.summary = milestoneLabel(*parsed.milestone);
        break;
    }
    case QuickAction::Estimate: {
        // The quick line names no confidence: keep the last revision's, as the board does.
        Confidence confidence = Confidence::Medium;
        if (const Result<std::optional<Estimate>> current = m_services.situation.currentEstimate(incidentId);
            current && current.value())
            confidence = current.value()->confidence;
        const Result<Estimate> estimate =
            m_services.situation.estimate(incidentId, parsed.lowMs, parsed.highMs, confidence, parsed.text, source);
        if (!estimate)
            return estimate.error();
        outcome.summary = tr("Estimate: %1").arg(formatEstimate(estimate.value(), false));
        break;
    }
    case QuickAction::Invalid:
        return invalid(parsed.error);
    }
    return outcome;
}

} // namespace sitrep
