#pragma once

#include "store/change.h"

#include <QObject>

namespace sitrep {

class ChangeFeed;
class RunbookService;

// Attaches the runbooks of an incident's severity when it is declared. It listens to the change
// feed, so it sees incidents declared in this window, on the command line and in other windows
// alike, and attaches right after the declaring commit. The store records which incidents have
// had theirs (RunbookService::attachDeclareRunbooks), so two windows never attach twice.
//
// The window creates one; a process without one (a bare `sitrep declare`) leaves the attaching
// to the next window that sees the declaration while it runs.
class DeclareRunbookAttacher final : public QObject
{
    Q_OBJECT

public:
    DeclareRunbookAttacher(RunbookService &runbooks, ChangeFeed &feed, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DeclareRunbookAttacher)

Q_SIGNALS:
    void failed(const QString &message);

private:
    void onChanges(const QList<sitrep::Change> &changes);

    RunbookService &m_runbooks;
};

} // namespace sitrep
