#pragma once

#include "domain/roles.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;

namespace sitrep {

class Services;

// Who does what in this incident. Each change is logged on the timeline by the service.
class RolesDialog final : public QDialog
{
    Q_OBJECT

public:
    RolesDialog(Services &services, qint64 incidentId, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RolesDialog)

    void setPeople(Role role, const QString &commaSeparated);
    bool apply();

private:
    QStringList current(Role role) const;

    Services &m_services;
    qint64 m_incidentId;
    QHash<int, QLineEdit *> m_fields;
    QLabel *m_problem;
};

} // namespace sitrep
