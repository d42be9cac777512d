#pragma once

#include "reportdata.h"

#include <QRectF>

class QPainter;

namespace sitrep {

struct ReportStyle;

// The incident's time ribbon as vector drawing for a report: the status phases as coloured
// bands on a time axis with local clock ticks, the milestones marked above, and the key
// timeline's entries numbered below (the numbers of the key timeline table). Placed with
// TimeRibbonMapping, like the ribbon in the window.
void paintRibbon(QPainter &painter, const QRectF &rect, const ReportData &data, const ReportStyle &style);

// The height the ribbon needs at the device's resolution (points to pixels via `pt`).
qreal ribbonHeightPoints();

// The status colours shared by the ribbon and the legend.
QColor phaseColor(Status status);

} // namespace sitrep
