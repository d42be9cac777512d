#include "rolesdialog.h"

#include "services/services.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace sitrep {

RolesDialog::RolesDialog(Services &services, qint64 incidentId, QWidget *parent)
    : QDialog(parent), m_services(services), m_incidentId(incidentId), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Roles"));
    setObjectName(QStringLiteral("rolesDialog"));
    auto *form = new QFormLayout(this);
    for (Role role : allRoles()) {
        auto *field = new QLineEdit(this);
        field->setObjectName(QStringLiteral("role_") + roleKey(role));
        field->setText(current(role).join(QStringLiteral(", ")));
        if (role == Role::SubjectExpert)
            field->setPlaceholderText(tr("Names, separated by commas"));
        form->addRow(roleLabel(role), field);
        m_fields.insert(int(role), field);
    }
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(460, sizeHint().height());
}

QStringList RolesDialog::current(Role role) const
{
    QStringList people;
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (incident) {
        for (const RoleAssignment &r : incident->roles) {
            if (r.role == role)
                people.append(r.person);
        }
    }
    return people;
}

void RolesDialog::setPeople(Role role, const QString &commaSeparated)
{
    m_fields.value(int(role))->setText(commaSeparated);
}

bool RolesDialog::apply()
{
    for (Role role : allRoles()) {
        QStringList wanted;
        for (const QString &name : m_fields.value(int(role))->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!name.simplified().isEmpty())
                wanted.append(name.simplified());
        }
        if (role != Role::SubjectExpert && wanted.size() > 1) {
            m_problem->setText(tr("%1 is one person.").arg(roleLabel(role)));
            m_problem->show();
            return false;
        }
        const QStringList now = current(role);
        for (const QString &person : now) {
            if (!wanted.contains(person) && (role == Role::SubjectExpert || wanted.isEmpty())) {
                const Result<Incident> r = m_services.incidents.removeRole(m_incidentId, role, person);
                if (!r) {
                    m_problem->setText(r.error().message);
                    m_problem->show();
                    return false;
                }
            }
        }
        for (const QString &person : std::as_const(wanted)) {
            if (now.contains(person))
                continue;
            const Result<Incident> r = m_services.incidents.assignRole(m_incidentId, role, person);
            if (!r) {
                m_problem->setText(r.error().message);
                m_problem->show();
                return false;
            }
        }
    }
    return true;
}

} // namespace sitrep
