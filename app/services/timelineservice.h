#pragma once

#include "servicecontext.h"

#include "domain/timelineentry.h"
#include "domain/timelinehistory.h"

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
    Result<TimelineEntry> setPinned(qint64 entryId, bool pinned);
    // Internal entries stay off the wall display and out of stakeholder material.
    Result<TimelineEntry> setInternal(qint64 entryId, bool internal);
    // Corrects what an entry says or when it happened; the old version stays in its history.
    Result<TimelineEntry> edit(qint64 entryId, const QString &text, qint64 at);
    // Entries are never deleted: a retracted one stays, struck through, with the reason.
    Result<TimelineEntry> retract(qint64 entryId, const QString &reason);

    Result<int> count(qint64 incidentId, const TimelineFilter &filter = {}) const;
    Result<QList<TimelineEntry>> page(qint64 incidentId, int offset, int limit, const TimelineFilter &filter = {}) const;
    Result<TimelineEntry> entry(qint64 entryId) const;
    // Accepts an entry's full UUID or a unique prefix of at least 6 characters.
    Result<TimelineEntry> resolve(qint64 incidentId, const QString &idOrPrefix) const;
    Result<int> rowOf(const TimelineEntry &entry, const TimelineFilter &filter = {}) const;
    Result<QList<TimelineEdit>> edits(qint64 entryId) const;
    Result<QStringList> authors(qint64 incidentId) const;
    Result<QList<TimelineEntry>> pinned(qint64 incidentId) const;
    // Full-text search; every incident when incidentId is empty. Newest first.
    Result<QList<SearchHit>> search(const QString &text, std::optional<qint64> incidentId = std::nullopt,
                                    int limit = 200) const;

    static constexpr int maxTextLength = 100'000;

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
