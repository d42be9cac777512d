#include "declarerunbooks.h"

#include "runbookservice.h"

#include "store/changefeed.h"

namespace sitrep {

DeclareRunbookAttacher::DeclareRunbookAttacher(RunbookService &runbooks, ChangeFeed &feed, QObject *parent)
    : QObject(parent), m_runbooks(runbooks)
{
    connect(&feed, &ChangeFeed::changed, this, &DeclareRunbookAttacher::onChanges);
}

void DeclareRunbookAttacher::onChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.entity != Entity::Incident || c.operation != Operation::Insert)
            continue;
        // Runs inside the feed's announcement; the attach commits and is announced right after.
        const Result<QList<Checklist>> attached = m_runbooks.attachDeclareRunbooks(c.entityId);
        if (!attached)
            Q_EMIT failed(attached.error().message);
    }
}

} // namespace sitrep
