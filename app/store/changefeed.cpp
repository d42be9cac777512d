#include "changefeed.h"

#include "changelogrepository.h"
#include "database.h"
#include "storeerror.h"
#include "storelog.h"

namespace sitrep {

ChangeFeed::ChangeFeed(std::shared_ptr<Database> db, QObject *parent) : QObject(parent), m_db(std::move(db))
{
    try {
        ChangeLogRepository log(m_db->connection());
        m_lastSeq = log.lastSeq();
        m_dataVersion = log.dataVersion();
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "change feed could not read the change log:" << e.message();
    }
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ChangeFeed::poll);
}

void ChangeFeed::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

void ChangeFeed::stop()
{
    m_timer.stop();
}

void ChangeFeed::poll()
{
    try {
        const qint64 version = ChangeLogRepository(m_db->connection()).dataVersion();
        if (version == m_dataVersion)
            return;
        m_dataVersion = version;
    } catch (const StoreError &e) {
        Q_EMIT failed(e.message());
        return;
    }
    poke();
}

void ChangeFeed::poke()
{
    try {
        ChangeLogRepository log(m_db->connection());
        for (;;) {
            const QList<Change> changes = log.since(m_lastSeq);
            if (changes.isEmpty())
                break;
            m_lastSeq = changes.constLast().seq;
            Q_EMIT changed(changes);
        }
    } catch (const StoreError &e) {
        Q_EMIT failed(e.message());
    }
}

} // namespace sitrep
