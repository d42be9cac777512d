#include "declaredialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace sitrep {

DeclareDialog::DeclareDialog(qint64 nowMs, QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_severityHelp(new QLabel(this))
    , m_impact(new QPlainTextEdit(this))
    , m_started(new QDateTimeEdit(this))
    , m_hasDeadline(new QCheckBox(tr("Must be up by"), this))
    , m_deadline(new QDateTimeEdit(this))
    , m_hasCost(new QCheckBox(tr("Cost per minute of impact"), this))
    , m_cost(new QDoubleSpinBox(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Declare incident"));
    m_title->setObjectName(QStringLiteral("declareTitle"));
    m_severity->setObjectName(QStringLiteral("declareSeverity"));
    m_impact->setObjectName(QStringLiteral("declareImpact"));
    m_started->setObjectName(QStringLiteral("declareStarted"));
    m_deadline->setObjectName(QStringLiteral("declareDeadline"));
    m_cost->setObjectName(QStringLiteral("declareCost"));
    m_title->setPlaceholderText(tr("e.g. Checkout fails for all customers"));
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4})
        m_severity->addItem(QStringLiteral("%1 — %2").arg(severityLabel(s), severityDescription(s).section(QLatin1Char(':'), 0, 0)),
                            severityNumber(s));
    m_severity->setCurrentIndex(1);
    m_severityHelp->setWordWrap(true);
    m_impact->setPlaceholderText(tr("Who is affected and how?"));
    m_impact->setTabChangesFocus(true);
    m_impact->setMaximumHeight(80);

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    for (QDateTimeEdit *edit : {m_started, m_deadline}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
    }
    m_started->setDateTime(now);
    m_started->setMaximumDateTime(now.addSecs(60));
    m_started->setToolTip(tr("When the impact began: often before anyone noticed. Times are local."));
    m_deadline->setDateTime(now.addSecs(3600));
    m_deadline->setEnabled(false);
    m_cost->setRange(0, 1'000'000);
    m_cost->setDecimals(2);
    m_cost->setEnabled(false);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Declare"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("&Severity"), m_severity);
    form->addRow(QString(), m_severityHelp);
    form->addRow(tr("&Impact"), m_impact);
    form->addRow(tr("Impact &began"), m_started);
    form->addRow(m_hasDeadline, m_deadline);
    form->addRow(m_hasCost, m_cost);
    form->addRow(m_problem);
    form->addRow(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &DeclareDialog::updateState);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &DeclareDialog::updateState);
    connect(m_started, &QDateTimeEdit::dateTimeChanged, this, &DeclareDialog::updateState);
    connect(m_deadline, &QDateTimeEdit::dateTimeChanged, this, &DeclareDialog::updateState);
    connect(m_hasDeadline, &QCheckBox::toggled, m_deadline, &QWidget::setEnabled);
    connect(m_hasDeadline, &QCheckBox::toggled, this, &DeclareDialog::updateState);
    connect(m_hasCost, &QCheckBox::toggled, m_cost, &QWidget::setEnabled);
    updateState();
    resize(560, sizeHint().height());
}

void DeclareDialog::updateState()
{
    const auto severity = severityFromNumber(m_severity->currentData().toInt());
    m_severityHelp->setText(severity ? severityDescription(*severity) : QString());
    QString problem;
    if (m_hasDeadline->isChecked() && m_deadline->dateTime() <= m_started->dateTime())
        problem = tr("The deadline must come after the impact began.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(!m_title->text().trimmed().isEmpty() && problem.isEmpty());
}

DeclareRequest DeclareDialog::request() const
{
    DeclareRequest r;
    r.title = m_title->text();
    r.severity = severityFromNumber(m_severity->currentData().toInt()).value_or(Severity::Sev2);
    r.impact = m_impact->toPlainText();
    r.startedAt = m_started->dateTime().toMSecsSinceEpoch();
    if (m_hasDeadline->isChecked())
        r.deadlineAt = m_deadline->dateTime().toMSecsSinceEpoch();
    if (m_hasCost->isChecked())
        r.costPerMinuteCents = qRound64(m_cost->value() * 100);
    return r;
}

} // namespace sitrep
