#pragma once

#include "services/incidentservice.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace sitrep {

// Declaring an incident: a title, how bad it is (each severity explained), and the impact.
class DeclareDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DeclareDialog(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DeclareDialog)

    DeclareRequest request() const;

private:
    void updateState();

    QLineEdit *m_title;
    QComboBox *m_severity;
    QLabel *m_severityHelp;
    QPlainTextEdit *m_impact;
    class QPushButton *m_ok;
};

} // namespace sitrep
