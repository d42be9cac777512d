#pragma once

#include "domain/postmortem.h"
#include "store/change.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableView;
class QTimer;

namespace sitrep {

class ActionItemModel;
class Services;

// The postmortem of one incident, every section editable: the review's owner and status, the
// executive summary, the impact (the measured numbers shown, the counted ones typed), detection,
// response and recovery, root causes and trigger with the five whys, what went well, poorly
// and lucky, lessons, and the action items. What is typed is saved two seconds after the last
// keystroke and when the dialog closes, so nothing typed is lost; each save is one entry on
// the timeline naming the sections that changed.
class PostmortemDialog final : public QDialog
{
    Q_OBJECT

public:
    PostmortemDialog(Services &services, qint64 incidentId, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PostmortemDialog)

    qint64 incidentId() const { return m_incidentId; }
    ActionItemModel *actionItems() const { return m_actions; }
    // Saves what changed now; false (with the reason shown) when something cannot be saved.
    bool save();
    QString problem() const;
    bool isDirty() const { return m_dirty; }

protected:
    void done(int result) override;

private:
    QWidget *reviewTab();
    QWidget *responseTab();
    QWidget *causesTab();
    QWidget *lessonsTab();
    QWidget *actionsTab();
    QPlainTextEdit *textEdit(const QString &name, const QString &placeholder);
    QLineEdit *lineEdit(const QString &name, const QString &placeholder);
    void load();
    void refreshMeasures();
    void edited();
    void showProblem(const QString &message);
    void addAction();
    void removeAction();
    void onChanges(const QList<sitrep::Change> &changes);
    // The review as the form has it; nothing (and the reason shown) when a number is not one.
    std::optional<Postmortem> fromForm();

    Services &m_services;
    qint64 m_incidentId;
    Postmortem m_stored;
    bool m_loading = false;
    bool m_dirty = false;
    QTimer *m_autosave;
    QLabel *m_heading;
    QLabel *m_state;
    QTabWidget *m_tabs;
    QLineEdit *m_owner;
    QComboBox *m_status;
    QPlainTextEdit *m_summary;
    QLabel *m_measures;
    QLineEdit *m_affected;
    QLineEdit *m_affectedUnit;
    QLineEdit *m_support;
    QLineEdit *m_cost;
    QPlainTextEdit *m_detection;
    QPlainTextEdit *m_response;
    QPlainTextEdit *m_rootCauses;
    QPlainTextEdit *m_trigger;
    QList<QLineEdit *> m_whys;
    QPlainTextEdit *m_wentWell;
    QPlainTextEdit *m_wentPoorly;
    QPlainTextEdit *m_gotLucky;
    QPlainTextEdit *m_lessons;
    ActionItemModel *m_actions;
    QTableView *m_actionView;
    QLineEdit *m_newAction;
};

} // namespace sitrep
