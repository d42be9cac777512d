#pragma once

#include "domain/situationitem.h"
#include "store/change.h"

#include <QAbstractListModel>

namespace sitrep {

class SituationService;

// The cards of one column of the situation board, kept current from the change feed: a card
// added, edited or moved in or out changes just its row.
class SituationColumnModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { ItemIdRole = Qt::UserRole + 1, OwnerRole, StateRole };

    SituationColumnModel(SituationService &service, SituationColumn column, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SituationColumnModel)

    SituationColumn column() const { return m_column; }
    void setIncident(qint64 incidentId);
    const SituationItem &itemAt(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void applyChanges(const QList<sitrep::Change> &changes);

private:
    int rowOfItem(qint64 id) const;

    SituationService &m_service;
    SituationColumn m_column;
    qint64 m_incidentId = 0;
    QList<SituationItem> m_items;
};

} // namespace sitrep
