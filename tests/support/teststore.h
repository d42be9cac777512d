#pragma once

// A real store in a temporary directory, with every service wired to a manual clock: what the
// integration and window tests start from.

#include "services/services.h"
#include "store/database.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace sitrep::test {

// 2026-11-25T08:45:00Z, a Wednesday morning outage.
inline constexpr qint64 kT0 = 1'795'596'300'000;

inline LogRequest noteFor(qint64 incidentId, const QString &text)
{
    LogRequest r;
    r.incidentId = incidentId;
    r.text = text;
    return r;
}

class TestStore
{
public:
    explicit TestStore(const QString &fileName = QStringLiteral("store.db")) : clock(kT0)
    {
        QStandardPaths::setTestModeEnabled(true);
        path = dir.filePath(fileName);
        open();
    }

    void open()
    {
        services.reset();
        db.reset();
        Result<std::shared_ptr<Database>> opened = Database::open(path);
        if (!opened)
            qFatal("cannot open the test store: %s", qPrintable(opened.error().message));
        db = opened.value();
        services = std::make_unique<Services>(db, &clock, QStringLiteral("Dana"));
    }

    void close()
    {
        services.reset();
        db.reset();
    }

    Incident declare(const QString &title = QStringLiteral("Checkout is down"), Severity severity = Severity::Sev1)
    {
        DeclareRequest r;
        r.title = title;
        r.severity = severity;
        const Result<Incident> incident = services->incidents.declare(r);
        if (!incident)
            qFatal("declare failed: %s", qPrintable(incident.error().message));
        return incident.value();
    }

    QTemporaryDir dir;
    QString path;
    ManualClock clock;
    std::shared_ptr<Database> db;
    std::unique_ptr<Services> services;
};

} // namespace sitrep::test
