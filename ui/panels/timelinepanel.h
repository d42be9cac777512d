#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace sitrep {

class Services;
class TimelineModel;

// The live timeline and the quick-entry line under it. Enter logs what was typed; a failure
// keeps the text in the line and says why.
class TimelinePanel final : public QWidget
{
    Q_OBJECT

public:
    TimelinePanel(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimelinePanel)

    void setIncident(qint64 incidentId);
    void setUtc(bool utc);
    void focusQuickEntry();
    TimelineModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void submit();
    void showFeedback(const QString &text, bool error);
    void followNewRows(int first);

    Services &m_services;
    qint64 m_incidentId = 0;
    TimelineModel *m_model;
    QTableView *m_view;
    QLineEdit *m_entry;
    QLabel *m_feedback;
};

} // namespace sitrep
