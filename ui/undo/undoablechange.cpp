#include "undoablechange.h"

#include "services/services.h"

#include <QCoreApplication>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UndoableChange", text);
}

template <typename T>
Result<Done> done(const Result<T> &r)
{
    if (!r)
        return r.error();
    return Done{};
}

} // namespace

UndoableChange::UndoableChange(const QString &text, Inverse inverse, Reporter reporter)
    : QUndoCommand(text), m_inverse(std::move(inverse)), m_reporter(std::move(reporter))
{
}

void UndoableChange::undo()
{
    const Result<Done> result = m_inverse();
    if (!result && m_reporter)
        m_reporter(tr("Could not undo “%1”: %2").arg(text(), result.error().message));
    else if (m_reporter)
        m_reporter(tr("Undone: %1").arg(text()));
    setObsolete(true);
}

UndoableChange *UndoableChange::forQuickEntry(Services &services, qint64 incidentId, const QuickOutcome &outcome,
                                              Reporter reporter)
{
    Services *s = &services;
    switch (outcome.action) {
    case QuickAction::LogEntry: {
        const qint64 entryId = *outcome.entryId;
        return new UndoableChange(outcome.summary, [s, entryId] {
            return done(s->timeline.retract(entryId, tr("Undone right after it was logged")));
        }, std::move(reporter));
    }
    case QuickAction::SetStatus: {
        const Status previous = *outcome.previousStatus;
        return new UndoableChange(outcome.summary, [s, incidentId, previous] {
            return done(s->incidents.changeStatus(incidentId, previous));
        }, std::move(reporter));
    }
    case QuickAction::SetSeverity: {
        const Severity previous = *outcome.previousSeverity;
        return new UndoableChange(outcome.summary, [s, incidentId, previous] {
            return done(s->incidents.changeSeverity(incidentId, previous));
        }, std::move(reporter));
    }
    case QuickAction::AssignRole: {
        const QList<RoleAssignment> previous = outcome.previousHolders;
        const RoleAssignment assigned = *outcome.assigned;
        return new UndoableChange(outcome.summary, [s, incidentId, previous, assigned]() -> Result<Done> {
            // A single role goes back to whoever held it; otherwise the newcomer steps down.
            if (assigned.role != Role::SubjectExpert && !previous.isEmpty())
                return done(s->incidents.assignRole(incidentId, assigned.role, previous.constFirst().person));
            return done(s->incidents.removeRole(incidentId, assigned.role, assigned.person));
        }, std::move(reporter));
    }
    case QuickAction::Milestone:
        return nullptr; // a stamped milestone is corrected, with its history, not unstamped
    case QuickAction::AddSituation: {
        const qint64 itemId = *outcome.situationItemId;
        return new UndoableChange(outcome.summary, [s, itemId] { return done(s->situation.remove(itemId)); },
                                  std::move(reporter));
    }
    case QuickAction::Estimate:
    case QuickAction::Invalid:
        return nullptr;
    }
    return nullptr;
}

UndoableChange *UndoableChange::forPin(Services &services, qint64 entryId, bool pinnedNow, Reporter reporter)
{
    Services *s = &services;
    return new UndoableChange(pinnedNow ? tr("Pin") : tr("Unpin"), [s, entryId, pinnedNow] {
        return done(s->timeline.setPinned(entryId, !pinnedNow));
    }, std::move(reporter));
}

} // namespace sitrep
