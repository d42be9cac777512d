#pragma once

#include "services/quickentryexecutor.h"

#include <QUndoCommand>
#include <functional>

namespace sitrep {

class Services;

// Ctrl+Z for what the lead just did. Each command is pushed after its change was made (the
// first redo() does nothing), and undoing goes through the services like any other change —
// a logged entry is retracted, never deleted; a status goes back one step. An undone change
// is not redone: it drops off the stack.
class UndoableChange final : public QUndoCommand
{
public:
    using Reporter = std::function<void(const QString &message)>;
    using Inverse = std::function<Result<Done>()>;

    UndoableChange(const QString &text, Inverse inverse, Reporter reporter);

    void undo() override;
    void redo() override {}

    // The command that takes back a quick-entry line; null when there is nothing to take back.
    static UndoableChange *forQuickEntry(Services &services, qint64 incidentId, const QuickOutcome &outcome,
                                         Reporter reporter);
    static UndoableChange *forPin(Services &services, qint64 entryId, bool pinnedNow, Reporter reporter);

private:
    Inverse m_inverse;
    Reporter m_reporter;
};

} // namespace sitrep
