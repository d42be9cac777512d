#pragma once

#include "domain/postmortem.h"
#include "store/change.h"

#include <QAbstractTableModel>

namespace sitrep {

class Services;

// The action items of one incident's postmortem, editable in place. Edits go through the
// postmortem service; the rows follow the change feed one row at a time, so an item added or
// changed in another window appears here without a reset.
class ActionItemModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TextColumn, OwnerColumn, TypeColumn, PriorityColumn, DueColumn, TrackerColumn, StateColumn, ColumnCount };

    explicit ActionItemModel(Services &services, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ActionItemModel)

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    const ActionItem &item(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Edit role values: text as typed; type and state by key ("prevent", "in-progress");
    // priority 1 to 4; due as 2026-12-01 or empty.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // The service refused an edit; the message says why.
    void problem(const QString &message);

private:
    void onChanges(const QList<sitrep::Change> &changes);
    int rowOf(qint64 id) const;

    Services &m_services;
    qint64 m_incidentId = 0;
    QList<ActionItem> m_items;
};

} // namespace sitrep
