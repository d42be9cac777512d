#pragma once

#include "domain/postmortem.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

namespace Entity {
inline const QString Postmortem = QStringLiteral("postmortem");
inline const QString ActionItem = QStringLiteral("action_item");
} // namespace Entity

// The postmortem review of an incident (one row per incident) and its action items.
class PostmortemRepository final
{
public:
    explicit PostmortemRepository(const QSqlDatabase &db) : m_db(db) {}

    std::optional<Postmortem> find(qint64 incidentId);
    void insert(Postmortem &postmortem); // sets id (and uuid when null)
    void update(const Postmortem &postmortem);

    QList<ActionItem> actionItems(qint64 incidentId); // by position, then age
    std::optional<ActionItem> actionItem(qint64 id);
    void insertActionItem(ActionItem &item); // sets id (and uuid when null)
    void updateActionItem(const ActionItem &item);
    void removeActionItem(qint64 id);
    int nextActionPosition(qint64 incidentId);

private:
    static Postmortem readPostmortem(const SqlQuery &q);
    static ActionItem readActionItem(const SqlQuery &q);
    QSqlDatabase m_db;
};

} // namespace sitrep
