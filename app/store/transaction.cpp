#include "transaction.h"

#include "storeerror.h"
#include "storelog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QHash>

namespace sitrep {

namespace {
// Depth per connection name: SQLite has no nested BEGIN, so inner scopes join the outer one.
thread_local QHash<QString, int> t_depth;
}

Transaction::Transaction(const QSqlDatabase &db) : m_db(db)
{
    int &depth = t_depth[m_db.connectionName()];
    if (depth == 0) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            throw StoreError(q.lastError().text());
        m_outermost = true;
    }
    ++depth;
}

Transaction::~Transaction()
{
    --t_depth[m_db.connectionName()];
    if (m_outermost && !m_done) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed:" << q.lastError().text();
    }
}

void Transaction::commit()
{
    if (!m_outermost) {
        m_done = true;
        return;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT")))
        throw StoreError(q.lastError().text());
    m_done = true;
}

} // namespace sitrep
