#pragma once

#include "domain/timelineentry.h"
#include "domain/timelinehistory.h"

#include <QList>
#include <optional>

class QWidget;

namespace sitrep {

// A corrected wording and time for a timeline entry.
struct EntryCorrection
{
    QString text;
    qint64 at = 0;
};

// The small dialogs around one timeline entry. Each is a plain function so that panels can
// take them as replaceable prompts (tests answer without a modal loop).
std::optional<EntryCorrection> promptForCorrection(QWidget *parent, const TimelineEntry &entry, bool utc);
std::optional<QString> promptForRetractReason(QWidget *parent, const TimelineEntry &entry);
void showEntryHistory(QWidget *parent, const TimelineEntry &entry, const QList<TimelineEdit> &edits, bool utc);

} // namespace sitrep
