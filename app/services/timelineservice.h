#pragma once

#include "servicecontext.h"

#include "domain/timelineentry.h"

namespace sitrep {

struct LogRequest
{
    qint64 incidentId = 0;
    QString text;
    EntryKind kind = EntryKind::Note;
    std::optional<qint64> at; // now when absent
    QString author;           // the local user when empty
    EntrySource source = EntrySource::Typed;
    bool pinned = false;
};

// Writing to and reading from an incident's timeline.
class TimelineService final
{
public:
    explicit TimelineService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<TimelineEntry> log(const LogRequest &request);

    Result<int> count(qint64 incidentId) const;
    Result<QList<TimelineEntry>> page(qint64 incidentId, int offset, int limit) const;
    Result<TimelineEntry> entry(qint64 entryId) const;
    Result<int> rowOf(const TimelineEntry &entry) const;

    static constexpr int maxTextLength = 100'000;

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
