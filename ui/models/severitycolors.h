#pragma once

#include "domain/deadline.h"
#include "domain/severity.h"
#include "domain/status.h"

#include <QColor>

namespace sitrep {

// The colours that mean severity and status everywhere in the window (and on the wall).
QColor severityColor(Severity severity);
QColor statusColor(Status status);
// Amber when close, red when passed or missed; invalid when no warning is needed.
QColor deadlineColor(DeadlineState::Phase phase);
// Readable text colour on top of a background.
QColor textOn(const QColor &background);

} // namespace sitrep
