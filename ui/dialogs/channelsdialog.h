#pragma once

#include "domain/stakeholderupdate.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace sitrep {

class Services;

// Who hears about this incident and where: the audiences with their channels (webhook URLs
// shown masked; typed into a field that hides them), and the update rhythm per severity.
class ChannelsDialog final : public QDialog
{
    Q_OBJECT

public:
    ChannelsDialog(Services &services, qint64 incidentId, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChannelsDialog)

    // Adds a channel to the audience selected in the combo box; false with the reason shown.
    bool addChannel();

Q_SIGNALS:
    // The rhythm was changed and saved: countdowns should recount.
    void rhythmChanged();

private:
    void reload();
    void addAudience();
    void removeSelected();
    void kindChanged();
    void saveRhythm();
    void showFeedback(const QString &text, bool problem);

    Services &m_services;
    qint64 m_incidentId;
    QTreeWidget *m_tree;
    QComboBox *m_audience;
    QComboBox *m_kind;
    QLineEdit *m_target;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLineEdit *m_newAudience;
    QList<QSpinBox *> m_rhythm;
    QLabel *m_feedback;
};

} // namespace sitrep
