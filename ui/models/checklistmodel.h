#pragma once

#include "domain/checklist.h"
#include "store/change.h"

#include <QAbstractItemModel>

namespace sitrep {

class ChecklistService;

// The checklists attached to one incident as a two-level tree: checklists, then their items.
// A tick changes one row; attaching a checklist inserts one top-level row.
class ChecklistModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { ItemIdRole = Qt::UserRole + 1, StateRole };

    explicit ChecklistModel(ChecklistService &service, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChecklistModel)

    void setIncident(qint64 incidentId);
    int itemCount() const;
    int doneCount() const;
    // The first open item of the first checklist that has one.
    QModelIndex nextOpenItem() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void applyChanges(const QList<sitrep::Change> &changes);

Q_SIGNALS:
    void progressChanged(int done, int total);

private:
    static constexpr quintptr kTopLevel = ~quintptr(0);

    ChecklistService &m_service;
    qint64 m_incidentId = 0;
    QList<Checklist> m_lists;
};

} // namespace sitrep
