#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <optional>

namespace sitrep {

// A prepared statement that throws StoreError instead of returning false, so repository code
// reads straight through and a failure unwinds to the enclosing transaction.
class SqlQuery
{
public:
    SqlQuery(const QSqlDatabase &db, const QString &sql);

    SqlQuery &bind(const QString &placeholder, const QVariant &value);
    SqlQuery &bindOptional(const QString &placeholder, const std::optional<qint64> &value);
    SqlQuery &exec();

    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    QVariant value(const QString &name) const { return m_query.value(name); }
    std::optional<qint64> optionalInt(const QString &name) const;
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

private:
    QSqlQuery m_query;
    QString m_sql;
};

} // namespace sitrep
