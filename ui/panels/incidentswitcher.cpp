#include "incidentswitcher.h"

#include "models/incidentlistmodel.h"

#include "services/services.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace sitrep {

IncidentSwitcher::IncidentSwitcher(Services &services, QWidget *parent)
    : QWidget(parent), m_model(new IncidentListModel(services.incidents, this)), m_view(new QListView(this))
{
    setObjectName(QStringLiteral("incidentSwitcher"));
    m_view->setObjectName(QStringLiteral("incidentList"));
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setSpacing(2);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *declare = new QPushButton(tr("Declare incident…"), this);
    declare->setObjectName(QStringLiteral("declareButton"));
    declare->setToolTip(tr("Ctrl+N"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Incidents</b>"), this));
    layout->addWidget(m_view, 1);
    layout->addWidget(declare);

    connect(declare, &QPushButton::clicked, this, &IncidentSwitcher::declareRequested);
    connect(&services.feed(), &ChangeFeed::changed, m_model, &IncidentListModel::applyChanges);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT incidentSelected(current.data(IncidentListModel::IncidentIdRole).toLongLong());
    });
}

void IncidentSwitcher::select(qint64 incidentId)
{
    const int row = m_model->rowOfIncident(incidentId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

} // namespace sitrep
