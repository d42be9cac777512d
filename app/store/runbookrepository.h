#pragma once

#include "domain/severity.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

namespace sitrep {

namespace Entity {
inline const QString Runbook = QStringLiteral("runbook");
} // namespace Entity

// A runbook as the library keeps it: canonical Markdown under a slug.
struct StoredRunbook
{
    qint64 id = 0;
    QUuid uuid;
    QString slug;
    QString name;
    QString markdown;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// The runbook library, the runbooks each severity gets on declare, and which incidents have
// had theirs attached.
class RunbookRepository final
{
public:
    explicit RunbookRepository(const QSqlDatabase &db) : m_db(db) {}

    QList<StoredRunbook> list();
    std::optional<StoredRunbook> findBySlug(const QString &slug);
    void insert(StoredRunbook &runbook);
    void update(const StoredRunbook &runbook);
    bool remove(const QString &slug);

    // Slugs in attaching order.
    QStringList slugsForSeverity(Severity severity);
    QList<Severity> severitiesFor(const QString &slug);
    void setSeveritiesFor(const QString &slug, const QList<Severity> &severities);

    // Records that the incident's declare runbooks are attached; false when it already was.
    bool markDeclareRunbooks(qint64 incidentId, qint64 at);
    // Incidents declared since this store had a runbook library whose declare runbooks were
    // never attached (declared by a process that does not attach them), drills excluded.
    QList<qint64> incidentsAwaitingDeclareRunbooks();

private:
    QSqlDatabase m_db;
};

} // namespace sitrep
