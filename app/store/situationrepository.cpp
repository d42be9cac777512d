#include "situationrepository.h"

#include "sqlquery.h"

#include <QHash>

namespace sitrep {

namespace {
const QString kColumns = QStringLiteral(
    "id, uuid, incident_id, board_column, text, owner, state, position, created_at, updated_at, "
    "known_at, answer, need_by, tag, risky, back_out, time_box_ms, box_started_at");

std::optional<qint64> optionalValue(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}
} // namespace

SituationItem SituationRepository::read(SqlQuery &q)
{
    SituationItem s;
    s.id = q.value(0).toLongLong();
    s.uuid = QUuid::fromString(q.value(1).toString());
    s.incidentId = q.value(2).toLongLong();
    s.column = parseSituationColumn(q.value(3).toString()).value_or(SituationColumn::Known);
    s.text = q.value(4).toString();
    s.owner = q.value(5).toString();
    s.state = q.value(6).toString();
    s.position = q.value(7).toInt();
    s.createdAt = q.value(8).toLongLong();
    s.updatedAt = q.value(9).toLongLong();
    s.knownAt = optionalValue(q.value(10));
    s.answer = q.value(11).toString();
    s.needBy = optionalValue(q.value(12));
    s.tag = q.value(13).toString();
    s.risky = q.value(14).toInt() != 0;
    s.backOut = q.value(15).toString();
    s.timeBoxMs = optionalValue(q.value(16));
    s.boxStartedAt = optionalValue(q.value(17));
    return s;
}

void SituationRepository::insert(SituationItem &item)
{
    if (item.uuid.isNull())
        item.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO situation_items (uuid, incident_id, board_column, text, owner, state, position, created_at, "
        "updated_at, known_at, answer, need_by, tag, risky, back_out, time_box_ms, box_started_at) "
        "VALUES (:uuid, :incident, :column, :text, :owner, :state, :position, :created, :updated, :known, :answer, "
        ":needBy, :tag, :risky, :backOut, :box, :boxStarted)"));
    q.bind(QStringLiteral(":uuid"), uuidText(item.uuid))
        .bind(QStringLiteral(":incident"), item.incidentId)
        .bind(QStringLiteral(":column"), situationColumnKey(item.column))
        .bind(QStringLiteral(":text"), item.text)
        .bind(QStringLiteral(":owner"), item.owner)
        .bind(QStringLiteral(":state"), item.state)
        .bind(QStringLiteral(":position"), item.position)
        .bind(QStringLiteral(":created"), item.createdAt)
        .bind(QStringLiteral(":updated"), item.updatedAt)
        .bindOptional(QStringLiteral(":known"), item.knownAt)
        .bind(QStringLiteral(":answer"), item.answer)
        .bindOptional(QStringLiteral(":needBy"), item.needBy)
        .bind(QStringLiteral(":tag"), item.tag)
        .bind(QStringLiteral(":risky"), item.risky ? 1 : 0)
        .bind(QStringLiteral(":backOut"), item.backOut)
        .bindOptional(QStringLiteral(":box"), item.timeBoxMs)
        .bindOptional(QStringLiteral(":boxStarted"), item.boxStartedAt)
        .exec();
    item.id = q.lastInsertId();
    writeLinks(item);
}

void SituationRepository::update(const SituationItem &item)
{
    SqlQuery(m_db, QStringLiteral("UPDATE situation_items SET board_column = :column, text = :text, owner = :owner, "
                                  "state = :state, position = :position, updated_at = :updated, known_at = :known, "
                                  "answer = :answer, need_by = :needBy, tag = :tag, risky = :risky, "
                                  "back_out = :backOut, time_box_ms = :box, box_started_at = :boxStarted "
                                  "WHERE id = :id"))
        .bind(QStringLiteral(":column"), situationColumnKey(item.column))
        .bind(QStringLiteral(":text"), item.text)
        .bind(QStringLiteral(":owner"), item.owner)
        .bind(QStringLiteral(":state"), item.state)
        .bind(QStringLiteral(":position"), item.position)
        .bind(QStringLiteral(":updated"), item.updatedAt)
        .bindOptional(QStringLiteral(":known"), item.knownAt)
        .bind(QStringLiteral(":answer"), item.answer)
        .bindOptional(QStringLiteral(":needBy"), item.needBy)
        .bind(QStringLiteral(":tag"), item.tag)
        .bind(QStringLiteral(":risky"), item.risky ? 1 : 0)
        .bind(QStringLiteral(":backOut"), item.backOut)
        .bindOptional(QStringLiteral(":box"), item.timeBoxMs)
        .bindOptional(QStringLiteral(":boxStarted"), item.boxStartedAt)
        .bind(QStringLiteral(":id"), item.id)
        .exec();
    writeLinks(item);
}

void SituationRepository::remove(qint64 id)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM situation_items WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
}

void SituationRepository::writeLinks(const SituationItem &item)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM situation_links WHERE plan_id = :id"))
        .bind(QStringLiteral(":id"), item.id)
        .exec();
    for (qint64 unknown : item.answers) {
        SqlQuery(m_db, QStringLiteral("INSERT INTO situation_links (plan_id, unknown_id) VALUES (:plan, :unknown)"))
            .bind(QStringLiteral(":plan"), item.id)
            .bind(QStringLiteral(":unknown"), unknown)
            .exec();
    }
}

QList<qint64> SituationRepository::linksOf(qint64 planId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT unknown_id FROM situation_links WHERE plan_id = :id ORDER BY unknown_id"));
    q.bind(QStringLiteral(":id"), planId).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

QList<qint64> SituationRepository::stepsAnswering(qint64 unknownId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT plan_id FROM situation_links WHERE unknown_id = :id ORDER BY plan_id"));
    q.bind(QStringLiteral(":id"), unknownId).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

std::optional<SituationItem> SituationRepository::find(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM situation_items WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    SituationItem item = read(q);
    item.answers = linksOf(item.id);
    return item;
}

QList<SituationItem> SituationRepository::forIncident(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM situation_items WHERE incident_id = :id ORDER BY board_column, position, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<SituationItem> out;
    QHash<qint64, qsizetype> rowOf;
    while (q.next()) {
        out.append(read(q));
        rowOf.insert(out.constLast().id, out.size() - 1);
    }
    // One query for every link of the incident rather than one per card.
    SqlQuery links(m_db, QStringLiteral("SELECT l.plan_id, l.unknown_id FROM situation_links l "
                                        "JOIN situation_items s ON s.id = l.plan_id "
                                        "WHERE s.incident_id = :id ORDER BY l.plan_id, l.unknown_id"));
    links.bind(QStringLiteral(":id"), incidentId).exec();
    while (links.next()) {
        const auto row = rowOf.constFind(links.value(0).toLongLong());
        if (row != rowOf.constEnd())
            out[*row].answers.append(links.value(1).toLongLong());
    }
    return out;
}

int SituationRepository::nextPosition(qint64 incidentId, SituationColumn column)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM situation_items "
                                    "WHERE incident_id = :id AND board_column = :column"));
    q.bind(QStringLiteral(":id"), incidentId).bind(QStringLiteral(":column"), situationColumnKey(column)).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace sitrep
