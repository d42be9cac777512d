// Live across processes: two `sitrep log` loops write to the same store at once while a window
// watches it. Every entry is stored, none twice, and each appears in the window by itself,
// without a model reset.
#include "support/teststore.h"

#include "mainwindow.h"
#include "models/timelinemodel.h"
#include "panels/timelinepanel.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace sitrep;

class TestLiveUpdates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoWritersOneWatcher()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        MainWindow window(*store.services);
        store.services->feed().start(50);
        TimelineModel *model = window.timelinePanel()->model();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);

        constexpr int kPerWriter = 25;
        QList<QProcess *> writers;
        for (const QString &name : {QStringLiteral("A"), QStringLiteral("B")}) {
            auto *p = new QProcess(this);
            p->setProgram(QStringLiteral("/bin/sh"));
            p->setArguments({QStringLiteral("-c"),
                             QStringLiteral("for i in $(seq 1 %1); do \"$0\" --db \"$1\" log \"$2\" \"$3 $i\" --author \"$3\" || exit 1; done")
                                 .arg(kPerWriter),
                             QStringLiteral(SITREP_BINARY), store.path, uuidText(incident.uuid), name});
            p->start();
            QVERIFY(p->waitForStarted());
            writers.append(p);
        }
        for (QProcess *p : std::as_const(writers)) {
            // Keep the event loop turning while they write, as a window would.
            QTRY_VERIFY_WITH_TIMEOUT(p->state() == QProcess::NotRunning, 120'000);
            QCOMPARE(p->exitCode(), 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1 + 2 * kPerWriter, 5000);
        QCOMPARE(reset.count(), 0);
        QVERIFY(inserted.count() >= 2 * kPerWriter); // one by one, as they came

        QSet<QString> texts;
        for (int row = 0; row < model->rowCount(); ++row)
            texts.insert(model->index(row, TimelineModel::TextColumn).data().toString());
        QCOMPARE(texts.size(), 1 + 2 * kPerWriter);
        for (int i = 1; i <= kPerWriter; ++i) {
            QVERIFY(texts.contains(QStringLiteral("A %1").arg(i)));
            QVERIFY(texts.contains(QStringLiteral("B %1").arg(i)));
        }
        QCOMPARE(store.services->timeline.count(incident.id).value(), 1 + 2 * kPerWriter);
    }
};

QTEST_MAIN(TestLiveUpdates)
#include "tst_liveupdates.moc"
