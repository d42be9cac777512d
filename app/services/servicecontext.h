#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "domain/timelineentry.h"
#include "store/changefeed.h"
#include "store/changelogrepository.h"
#include "store/database.h"
#include "store/storeerror.h"
#include "store/timelinerepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <memory>

namespace sitrep {

// What every service needs, handed over by the composition root: the store, the feed that
// announces commits, the clock, and the name of the person at this keyboard.
struct ServiceContext
{
    std::shared_ptr<Database> db;
    ChangeFeed *feed = nullptr;
    const Clock *clock = nullptr;
    QString user;

    qint64 now() const { return clock->nowMs(); }
};

// Runs one mutation: everything `work` writes commits together or not at all, and only after
// the commit does the feed announce it. `work` returns a Result; an error rolls back.
template <typename T, typename Work>
Result<T> mutate(const ServiceContext &ctx, Work &&work)
{
    try {
        const QSqlDatabase db = ctx.db->connection();
        Result<T> result = [&]() -> Result<T> {
            Transaction tx(db);
            Result<T> r = work(db);
            if (r)
                tx.commit();
            return r;
        }();
        if (result && ctx.feed)
            ctx.feed->poke();
        return result;
    } catch (const StoreError &e) {
        return storeFailure(QCoreApplication::translate("Services", "The store could not save this: %1").arg(e.message()));
    }
}

// Runs a read; store failures become errors instead of exceptions.
template <typename T, typename Work>
Result<T> query(const ServiceContext &ctx, Work &&work)
{
    try {
        return work(ctx.db->connection());
    } catch (const StoreError &e) {
        return storeFailure(QCoreApplication::translate("Services", "The store could not be read: %1").arg(e.message()));
    }
}

// Appends a timeline entry and its change-log row; call inside mutate().
inline void appendEntry(const QSqlDatabase &db, TimelineEntry &entry)
{
    TimelineRepository(db).insert(entry);
    ChangeLogRepository(db).record(Entity::Timeline, entry.id, entry.incidentId, Operation::Insert, entry.createdAt);
}

} // namespace sitrep
