#pragma once

#include "domain/clock.h"
#include "domain/incident.h"
#include "domain/timelineentry.h"
#include "domain/timeribbon.h"

#include <QWidget>
#include <optional>

namespace sitrep {

// A strip from impact start to now (and on to the deadline): the status phases as coloured
// bands, milestones as markers, pinned entries as marks. Hovering a mark shows the entry;
// clicking it asks the timeline to scroll there. The time↔pixel mapping is TimeRibbonMapping,
// shared with the wall display and the reports.
class TimeRibbonWidget final : public QWidget
{
    Q_OBJECT

public:
    TimeRibbonWidget(const Clock &clock, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimeRibbonWidget)

    void setIncident(const std::optional<Incident> &incident, const QList<TimelineEntry> &pinned);
    void setUtc(bool utc);
    TimeRibbonMapping mapping() const;
    // The pinned entry drawn nearest to x, if one is within reach of the pointer.
    std::optional<TimelineEntry> entryNear(double x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void entryClicked(qint64 entryId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRectF bandRect() const;

    const Clock &m_clock;
    std::optional<Incident> m_incident;
    QList<TimelineEntry> m_pinned;
    bool m_utc = false;
};

} // namespace sitrep
