#include "sqlquery.h"

#include "storeerror.h"

#include <QSqlError>

namespace sitrep {

SqlQuery::SqlQuery(const QSqlDatabase &db, const QString &sql) : m_query(db), m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        throw StoreError(QStringLiteral("could not prepare a statement: %1").arg(m_query.lastError().text()));
}

SqlQuery &SqlQuery::bind(const QString &placeholder, const QVariant &value)
{
    // A null QString binds as SQL NULL; Sitrep's text columns are NOT NULL with '' for "none".
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        m_query.bindValue(placeholder, QStringLiteral(""));
    else
        m_query.bindValue(placeholder, value);
    return *this;
}

SqlQuery &SqlQuery::bindOptional(const QString &placeholder, const std::optional<qint64> &value)
{
    m_query.bindValue(placeholder, value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>()));
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    if (!m_query.exec())
        throw StoreError(m_query.lastError().text());
    return *this;
}

std::optional<qint64> SqlQuery::optionalInt(const QString &name) const
{
    const QVariant v = m_query.value(name);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace sitrep
