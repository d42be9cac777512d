#pragma once

#include "change.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace sitrep {

class Database;

// Tells every view what changed in the store, whoever changed it. Changes made in this process
// arrive through poke() right after their commit; changes made by other processes are noticed by
// polling SQLite's data_version (cheap: no I/O unless another connection committed) and read
// from the change log from the last sequence seen. One path for both, in sequence order.
class ChangeFeed final : public QObject
{
    Q_OBJECT

public:
    explicit ChangeFeed(std::shared_ptr<Database> db, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChangeFeed)

    // Starts watching for other processes' commits, every intervalMs.
    void start(int intervalMs = 150);
    void stop();
    qint64 lastSeq() const { return m_lastSeq; }

public Q_SLOTS:
    // Reads and announces whatever is new in the change log now.
    void poke();

Q_SIGNALS:
    void changed(const QList<sitrep::Change> &changes);
    void failed(const QString &message);

private:
    void poll();

    std::shared_ptr<Database> m_db;
    QTimer m_timer;
    qint64 m_lastSeq = 0;
    qint64 m_dataVersion = -1;
};

} // namespace sitrep
