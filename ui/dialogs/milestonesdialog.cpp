#include "milestonesdialog.h"

#include "services/services.h"

#include "domain/timeformat.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sitrep {

MilestonesDialog::MilestonesDialog(Services &services, qint64 incidentId, bool utc, QWidget *parent)
    : QDialog(parent), m_services(services), m_incidentId(incidentId), m_utc(utc), m_problem(new QLabel(this)),
      m_history(new QTableWidget(0, 4, this))
{
    setWindowTitle(tr("Milestones"));
    setObjectName(QStringLiteral("milestonesDialog"));
    auto *form = new QFormLayout;
    for (Milestone m : allMilestones()) {
        Row row{new QCheckBox(milestoneLabel(m), this), new QDateTimeEdit(this)};
        row.time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        row.time->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
        row.time->setObjectName(QStringLiteral("milestone_") + milestoneKey(m));
        // Impact start and declaration always exist; the others may be unset.
        const bool required = m == Milestone::Started || m == Milestone::Declared;
        row.set->setEnabled(!required);
        connect(row.set, &QCheckBox::toggled, row.time, &QWidget::setEnabled);
        form->addRow(row.set, row.time);
        m_rows.insert(int(m), row);
    }
    m_problem->setObjectName(QStringLiteral("milestonesProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_history->setObjectName(QStringLiteral("milestoneHistory"));
    m_history->setHorizontalHeaderLabels({tr("Milestone"), tr("Before"), tr("After"), tr("Changed by, when")});
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(new QLabel(tr("Earlier corrections"), this));
    layout->addWidget(m_history, 1);
    layout->addWidget(buttons);
    resize(620, 560);
    load();
}

void MilestonesDialog::load()
{
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (!incident)
        return;
    m_incident = incident.value();
    for (Milestone m : allMilestones()) {
        const Row &row = m_rows.value(int(m));
        const std::optional<qint64> at = m_incident.milestone(m);
        row.set->setChecked(at.has_value());
        row.time->setEnabled(at.has_value());
        const QDateTime value = QDateTime::fromMSecsSinceEpoch(at.value_or(m_services.clock().nowMs()), Qt::UTC);
        row.time->setDateTime(m_utc ? value : value.toLocalTime());
    }
    const Result<QList<MilestoneEdit>> edits = m_services.incidents.milestoneEdits(m_incidentId);
    const QList<MilestoneEdit> list = edits ? edits.value() : QList<MilestoneEdit>{};
    m_history->setRowCount(int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const MilestoneEdit &e = list.at(i);
        auto text = [this](const std::optional<qint64> &at) { return at ? formatDateTime(*at, m_utc) : tr("unset"); };
        m_history->setItem(i, 0, new QTableWidgetItem(milestoneLabel(e.milestone)));
        m_history->setItem(i, 1, new QTableWidgetItem(text(e.oldAt)));
        m_history->setItem(i, 2, new QTableWidgetItem(text(e.newAt)));
        m_history->setItem(i, 3, new QTableWidgetItem(tr("%1, %2").arg(e.editor, formatDateTime(e.editedAt, m_utc))));
    }
    m_history->resizeColumnsToContents();
}

void MilestonesDialog::setValue(Milestone milestone, std::optional<qint64> at)
{
    const Row &row = m_rows.value(int(milestone));
    row.set->setChecked(at.has_value());
    if (at) {
        const QDateTime value = QDateTime::fromMSecsSinceEpoch(*at, Qt::UTC);
        row.time->setDateTime(m_utc ? value : value.toLocalTime());
    }
}

QString MilestonesDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool MilestonesDialog::apply()
{
    // Compare at the editor's precision so untouched milliseconds are not "changes".
    for (Milestone m : allMilestones()) {
        const Row &row = m_rows.value(int(m));
        const std::optional<qint64> before = m_incident.milestone(m);
        std::optional<qint64> after;
        if (row.set->isChecked() || m == Milestone::Started || m == Milestone::Declared)
            after = row.time->dateTime().toMSecsSinceEpoch();
        if (before && after && *before / 1000 == *after / 1000)
            continue;
        if (!before && !after)
            continue;
        const Result<Incident> changed = m_services.incidents.setMilestone(m_incidentId, m, after);
        if (!changed) {
            m_problem->setText(changed.error().message);
            m_problem->show();
            load();
            return false;
        }
        m_incident = changed.value();
    }
    m_problem->hide();
    load();
    return true;
}

} // namespace sitrep
