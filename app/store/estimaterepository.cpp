#include "estimaterepository.h"

#include "sqlquery.h"

#include "domain/ids.h"

namespace sitrep {

namespace {

Estimate readEstimate(const SqlQuery &q)
{
    Estimate e;
    e.lowMs = q.value(0).toLongLong();
    e.highMs = q.value(1).toLongLong();
    e.confidence = parseConfidence(q.value(2).toString()).value_or(Confidence::Low);
    e.basis = q.value(3).toString();
    e.madeAt = q.value(4).toLongLong();
    return e;
}

} // namespace

qint64 EstimateRepository::insert(qint64 incidentId, const Estimate &estimate, const QString &madeBy)
{
    SqlQuery q(m_db, QStringLiteral("INSERT INTO estimates (uuid, incident_id, low_ms, high_ms, confidence, basis, "
                                    "made_at, made_by) VALUES (:uuid, :incident, :low, :high, :confidence, :basis, "
                                    ":made, :by)"));
    q.bind(QStringLiteral(":uuid"), uuidText(QUuid::createUuid()))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":low"), estimate.lowMs)
        .bind(QStringLiteral(":high"), estimate.highMs)
        .bind(QStringLiteral(":confidence"), confidenceKey(estimate.confidence))
        .bind(QStringLiteral(":basis"), estimate.basis)
        .bind(QStringLiteral(":made"), estimate.madeAt)
        .bind(QStringLiteral(":by"), madeBy)
        .exec();
    return q.lastInsertId();
}

QList<Estimate> EstimateRepository::forIncident(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT low_ms, high_ms, confidence, basis, made_at FROM estimates "
                                    "WHERE incident_id = :id ORDER BY made_at, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<Estimate> out;
    while (q.next())
        out.append(readEstimate(q));
    return out;
}

std::optional<Estimate> EstimateRepository::latest(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT low_ms, high_ms, confidence, basis, made_at FROM estimates "
                                    "WHERE incident_id = :id ORDER BY made_at DESC, id DESC LIMIT 1"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    if (!q.next())
        return std::nullopt;
    return readEstimate(q);
}

} // namespace sitrep
