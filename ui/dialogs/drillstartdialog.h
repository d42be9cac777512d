#pragma once

#include <QByteArray>
#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;

namespace sitrep {

// What to rehearse and how fast.
struct DrillChoice
{
    QString source; // the file name or bundled scenario, for messages
    QByteArray json;
    double speed = 1.0;
};

// Choosing a drill: a bundled scenario or a file, and the speed (real time, or faster for a
// rehearsal). The scenario is checked here, so a broken file is named before anything starts.
class DrillStartDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DrillStartDialog(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DrillStartDialog)

    DrillChoice choice() const;

private:
    void chooseFile();
    void check();

    QComboBox *m_scenario;
    QComboBox *m_speed;
    QLabel *m_about;
    class QPushButton *m_ok;
};

} // namespace sitrep
