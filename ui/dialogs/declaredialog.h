#pragma once

#include "services/incidentservice.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sitrep {

// Declaring an incident: a title, how bad it is (each severity explained), the impact, when
// the impact began (often before anyone noticed), and optionally a deadline and a cost.
class DeclareDialog final : public QDialog
{
    Q_OBJECT

public:
    DeclareDialog(qint64 nowMs, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DeclareDialog)

    DeclareRequest request() const;

private:
    void updateState();

    QLineEdit *m_title;
    QComboBox *m_severity;
    QLabel *m_severityHelp;
    QPlainTextEdit *m_impact;
    QDateTimeEdit *m_started;
    QCheckBox *m_hasDeadline;
    QDateTimeEdit *m_deadline;
    QCheckBox *m_hasCost;
    QDoubleSpinBox *m_cost;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace sitrep
