#pragma once

#include "domain/situationitem.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace sitrep {

class Services;
class SituationColumnModel;

// The situation board: what we know, what we don't, the plan, the estimate — four columns side
// by side, each with a line to add to it.
class SituationBoardPanel final : public QWidget
{
    Q_OBJECT

public:
    SituationBoardPanel(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SituationBoardPanel)

    void setIncident(qint64 incidentId);
    void focusAddLine(SituationColumn column);
    SituationColumnModel *columnModel(SituationColumn column) const;

private:
    struct Column
    {
        SituationColumn column;
        SituationColumnModel *model;
        QListView *view;
        QLineEdit *add;
    };
    QWidget *buildColumn(Column &column);
    void addTo(const Column &column);
    void moveSelected(const Column &column, SituationColumn to);

    Services &m_services;
    qint64 m_incidentId = 0;
    QList<Column> m_columns;
    QLabel *m_feedback;
};

} // namespace sitrep
