#pragma once

#include "domain/incident.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QTableWidget;

namespace sitrep {

class Services;

// Milestones stay editable after the fact: set or correct each one, see every earlier
// correction (who, when, old, new). The service refuses an order that makes no sense.
class MilestonesDialog final : public QDialog
{
    Q_OBJECT

public:
    MilestonesDialog(Services &services, qint64 incidentId, bool utc, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(MilestonesDialog)

    // Sets a milestone in the form, as a person would ("" clears).
    void setValue(Milestone milestone, std::optional<qint64> at);
    // Saves what changed; false (with the reason shown) when the service refused.
    bool apply();
    QString problem() const;

private:
    void load();

    struct Row
    {
        QCheckBox *set;
        QDateTimeEdit *time;
    };
    Services &m_services;
    qint64 m_incidentId;
    bool m_utc;
    Incident m_incident;
    QHash<int, Row> m_rows;
    QLabel *m_problem;
    QTableWidget *m_history;
};

} // namespace sitrep
