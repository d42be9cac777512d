#include "declaredialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace sitrep {

DeclareDialog::DeclareDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_severityHelp(new QLabel(this))
    , m_impact(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Declare incident"));
    m_title->setObjectName(QStringLiteral("declareTitle"));
    m_severity->setObjectName(QStringLiteral("declareSeverity"));
    m_impact->setObjectName(QStringLiteral("declareImpact"));
    m_title->setPlaceholderText(tr("e.g. Checkout fails for all customers"));
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4})
        m_severity->addItem(severityLabel(s), severityNumber(s));
    m_severity->setCurrentIndex(1);
    m_severityHelp->setWordWrap(true);
    m_impact->setPlaceholderText(tr("Who is affected and how?"));
    m_impact->setTabChangesFocus(true);
    m_impact->setMaximumHeight(90);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Declare"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("&Severity"), m_severity);
    form->addRow(QString(), m_severityHelp);
    form->addRow(tr("&Impact"), m_impact);
    form->addRow(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &DeclareDialog::updateState);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &DeclareDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

void DeclareDialog::updateState()
{
    const auto severity = severityFromNumber(m_severity->currentData().toInt());
    m_severityHelp->setText(severity ? severityDescription(*severity) : QString());
    m_ok->setEnabled(!m_title->text().trimmed().isEmpty());
}

DeclareRequest DeclareDialog::request() const
{
    DeclareRequest r;
    r.title = m_title->text();
    r.severity = severityFromNumber(m_severity->currentData().toInt()).value_or(Severity::Sev2);
    r.impact = m_impact->toPlainText();
    return r;
}

} // namespace sitrep
