#pragma once

#include "entrykind.h"

#include <QString>
#include "ids.h"

#include <QUuid>
#include <optional>

namespace sitrep {

// One line of the incident's record. Never deleted: a wrong entry is retracted with a reason.
struct TimelineEntry
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    qint64 at = 0; // when it happened (UTC ms), may differ from when it was typed
    EntryKind kind = EntryKind::Note;
    QString author;
    QString text;
    EntrySource source = EntrySource::Typed;
    bool pinned = false;
    bool internal = false; // hidden from the wall display and stakeholder material
    std::optional<qint64> retractedAt;
    QString retractReason;
    qint64 createdAt = 0;

    bool isRetracted() const { return retractedAt.has_value(); }
};

} // namespace sitrep
