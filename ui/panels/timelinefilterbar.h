#pragma once

#include "domain/timelinehistory.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace sitrep {

// Narrows the timeline to one kind, one author, or pinned entries only.
class TimelineFilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineFilterBar(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimelineFilterBar)

    void setAuthors(const QStringList &authors);
    TimelineFilter filter() const;
    void reset();

Q_SIGNALS:
    void filterChanged(const sitrep::TimelineFilter &filter);

private:
    void emitFilter();

    QComboBox *m_kind;
    QComboBox *m_author;
    QCheckBox *m_pinned;
    bool m_quiet = false;
};

} // namespace sitrep
