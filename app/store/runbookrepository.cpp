#include "runbookrepository.h"

#include "domain/ids.h"
#include "sqlquery.h"

namespace sitrep {

namespace {

const QString kColumns = QStringLiteral("id, uuid, slug, name, markdown, created_at, updated_at");

StoredRunbook readRunbook(const SqlQuery &q)
{
    StoredRunbook r;
    r.id = q.value(0).toLongLong();
    r.uuid = QUuid::fromString(q.value(1).toString());
    r.slug = q.value(2).toString();
    r.name = q.value(3).toString();
    r.markdown = q.value(4).toString();
    r.createdAt = q.value(5).toLongLong();
    r.updatedAt = q.value(6).toLongLong();
    return r;
}

} // namespace

QList<StoredRunbook> RunbookRepository::list()
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM runbooks ORDER BY slug"));
    q.exec();
    QList<StoredRunbook> all;
    while (q.next())
        all.append(readRunbook(q));
    return all;
}

std::optional<StoredRunbook> RunbookRepository::findBySlug(const QString &slug)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM runbooks WHERE slug = :slug"));
    q.bind(QStringLiteral(":slug"), slug).exec();
    if (!q.next())
        return std::nullopt;
    return readRunbook(q);
}

void RunbookRepository::insert(StoredRunbook &runbook)
{
    if (runbook.uuid.isNull())
        runbook.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral("INSERT INTO runbooks (uuid, slug, name, markdown, created_at, updated_at) "
                                    "VALUES (:uuid, :slug, :name, :markdown, :created, :updated)"));
    q.bind(QStringLiteral(":uuid"), uuidText(runbook.uuid))
        .bind(QStringLiteral(":slug"), runbook.slug)
        .bind(QStringLiteral(":name"), runbook.name)
        .bind(QStringLiteral(":markdown"), runbook.markdown)
        .bind(QStringLiteral(":created"), runbook.createdAt)
        .bind(QStringLiteral(":updated"), runbook.updatedAt)
        .exec();
    runbook.id = q.lastInsertId();
}

void RunbookRepository::update(const StoredRunbook &runbook)
{
    SqlQuery(m_db, QStringLiteral("UPDATE runbooks SET name = :name, markdown = :markdown, updated_at = :updated "
                                  "WHERE id = :id"))
        .bind(QStringLiteral(":name"), runbook.name)
        .bind(QStringLiteral(":markdown"), runbook.markdown)
        .bind(QStringLiteral(":updated"), runbook.updatedAt)
        .bind(QStringLiteral(":id"), runbook.id)
        .exec();
}

bool RunbookRepository::remove(const QString &slug)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM runbooks WHERE slug = :slug"));
    q.bind(QStringLiteral(":slug"), slug).exec();
    return q.rowsAffected() > 0;
}

QStringList RunbookRepository::slugsForSeverity(Severity severity)
{
    SqlQuery q(m_db, QStringLiteral("SELECT runbook_slug FROM severity_runbooks WHERE severity = :severity "
                                    "ORDER BY position, runbook_slug"));
    q.bind(QStringLiteral(":severity"), severityNumber(severity)).exec();
    QStringList slugs;
    while (q.next())
        slugs.append(q.value(0).toString());
    return slugs;
}

QList<Severity> RunbookRepository::severitiesFor(const QString &slug)
{
    SqlQuery q(m_db, QStringLiteral("SELECT severity FROM severity_runbooks WHERE runbook_slug = :slug ORDER BY severity"));
    q.bind(QStringLiteral(":slug"), slug).exec();
    QList<Severity> severities;
    while (q.next()) {
        if (const auto s = severityFromNumber(q.value(0).toInt()))
            severities.append(*s);
    }
    return severities;
}

void RunbookRepository::setSeveritiesFor(const QString &slug, const QList<Severity> &severities)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM severity_runbooks WHERE runbook_slug = :slug"))
        .bind(QStringLiteral(":slug"), slug)
        .exec();
    SqlQuery insert(m_db, QStringLiteral(
        "INSERT INTO severity_runbooks (severity, runbook_slug, position) "
        "VALUES (:severity, :slug, (SELECT COALESCE(MAX(position) + 1, 0) FROM severity_runbooks WHERE severity = :same))"));
    for (Severity s : severities) {
        insert.bind(QStringLiteral(":severity"), severityNumber(s))
            .bind(QStringLiteral(":slug"), slug)
            .bind(QStringLiteral(":same"), severityNumber(s))
            .exec();
    }
}

bool RunbookRepository::markDeclareRunbooks(qint64 incidentId, qint64 at)
{
    SqlQuery q(m_db, QStringLiteral("INSERT OR IGNORE INTO declare_runbooks (incident_id, attached_at) VALUES (:id, :at)"));
    q.bind(QStringLiteral(":id"), incidentId).bind(QStringLiteral(":at"), at).exec();
    return q.rowsAffected() > 0;
}

QList<qint64> RunbookRepository::incidentsAwaitingDeclareRunbooks()
{
    SqlQuery q(m_db, QStringLiteral(
        "SELECT id FROM incidents WHERE drill = 0 AND status IN ('investigating', 'identified') "
        "AND id NOT IN (SELECT incident_id FROM declare_runbooks) ORDER BY id"));
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace sitrep
