#pragma once

#include "domain/stakeholderupdate.h"
#include "store/change.h"

#include <QAbstractTableModel>

namespace sitrep {

class ChangeFeed;
class UpdateService;

// Every message of one incident's stakeholder updates with its delivery state, oldest first,
// kept current from the change feed: a new message is one inserted row, a state change one
// changed row. Targets are shown masked; the secret never reaches a view.
class OutboxModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, AudienceColumn, ChannelColumn, StateColumn, AttemptsColumn, ReasonColumn, ColumnCount };
    enum Role { MessageIdRole = Qt::UserRole + 1, StateKeyRole };

    OutboxModel(UpdateService &updates, ChangeFeed &feed, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OutboxModel)

    void setIncident(qint64 incidentId);
    void setUtc(bool utc);
    const OutboxMessage &messageAt(int row) const { return m_rows.at(row); }
    int rowOfMessage(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void onChanges(const QList<sitrep::Change> &changes);

    UpdateService &m_updates;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    QList<OutboxMessage> m_rows;
};

} // namespace sitrep
