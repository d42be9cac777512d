#pragma once

#include "domain/timelinehistory.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace sitrep {

class Services;

// Full-text search of timelines, in this incident or all of them. A result opens its incident
// scrolled to the entry.
class SearchDialog final : public QDialog
{
    Q_OBJECT

public:
    SearchDialog(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SearchDialog)

    void setScope(qint64 currentIncidentId, bool utc);
    void search(const QString &text);
    int resultCount() const;
    void activate(int row);

Q_SIGNALS:
    void resultActivated(qint64 incidentId, qint64 entryId);

private:
    void run();

    Services &m_services;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    QList<SearchHit> m_hits;
    QLineEdit *m_query;
    QCheckBox *m_everywhere;
    QListWidget *m_results;
    QLabel *m_status;
    QTimer *m_debounce;
};

} // namespace sitrep
