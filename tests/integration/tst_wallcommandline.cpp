// `sitrep wall` as a user starts it: --screenshot renders one frame of the sample incident at
// 1080p and 4K and exits, without a display and without changing the store; wrong arguments
// are refused without a display, naming what was wrong; a missing store is not created.
#include "support/teststore.h"

#include "services/sampleincident.h"

#include <QImage>
#include <QProcess>
#include <QtTest>

using namespace sitrep;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestWallCommandLine : public QObject
{
    Q_OBJECT

    Run sitrep(const QStringList &arguments, const QString &home)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), home); // the default store stays in the sandbox
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // --screenshot and usage errors need no display
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SITREP_BINARY), arguments);
        if (!p.waitForFinished(60'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void screenshotRendersOneFrame_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("light");
        QTest::newRow("1080p, following") << QStringList{} << QSize(1920, 1080) << false;
        QTest::newRow("4K, following") << QStringList{QStringLiteral("--size"), QStringLiteral("3840x2160")}
                                       << QSize(3840, 2160) << false;
        QTest::newRow("1080p, light, follow asked") << QStringList{QStringLiteral("--light"), QStringLiteral("--follow")}
                                                    << QSize(1920, 1080) << true;
    }

    void screenshotRendersOneFrame()
    {
        QFETCH(QStringList, options);
        QFETCH(QSize, size);
        QFETCH(bool, light);
        test::TestStore store;
        const Result<qint64> sample = writeSampleIncident(store.db, test::kT0);
        QVERIFY(sample);
        store.services->feed().poke();
        const qint64 seq = store.services->feed().lastSeq();
        const QString png = store.dir.filePath(QStringLiteral("wall.png"));

        const Run r = sitrep(QStringList{QStringLiteral("--db"), store.path, QStringLiteral("wall"),
                                         QStringLiteral("--screenshot"), png}
                                 + options,
                             store.dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(png);
        QCOMPARE(image.size(), size);
        // The incident page, not the calm one: the banner is the severity's red (SEV1).
        const QColor banner = image.pixelColor(size.width() / 2, size.height() * 23 / 1080);
        QCOMPARE(banner, QColor(0xc6, 0x28, 0x28));
        // The theme: the margin is the wall's background, dark or light.
        const QColor background = image.pixelColor(2, size.height() / 2);
        QVERIFY2(light ? background.lightnessF() > 0.8 : background.lightnessF() < 0.15, qPrintable(background.name()));
        // Read-only: the store has not moved.
        store.services->feed().poke();
        QCOMPARE(store.services->feed().lastSeq(), seq);
    }

    void screenshotOfOneIncident()
    {
        test::TestStore store;
        const Incident first = store.declare(QStringLiteral("Checkout is down"), Severity::Sev4);
        store.declare(QStringLiteral("Search is slow"), Severity::Sev1);
        const QString png = store.dir.filePath(QStringLiteral("one.png"));
        const Run r = sitrep({QStringLiteral("--db"), store.path, QStringLiteral("wall"), QStringLiteral("--incident"),
                              uuidText(first.uuid).left(8), QStringLiteral("--screenshot"), png},
                             store.dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(png);
        QCOMPARE(image.pixelColor(960, 23), QColor(0x54, 0x6e, 0x7a)); // SEV4's banner, not SEV1's
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments"); // after `sitrep --db STORE`
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("--incident with --follow")
            << QStringList{QStringLiteral("wall"), QStringLiteral("--incident"), QStringLiteral("abcdef"), QStringLiteral("--follow")}
            << 2 << QStringLiteral("--incident abcdef and --follow");
        QTest::newRow("a bad --size") << QStringList{QStringLiteral("wall"), QStringLiteral("--screenshot"), QStringLiteral("x.png"),
                                                     QStringLiteral("--size"), QStringLiteral("12x")}
                                      << 2 << QStringLiteral("--size \"12x\"");
        QTest::newRow("--size without --screenshot")
            << QStringList{QStringLiteral("wall"), QStringLiteral("--size"), QStringLiteral("1920x1080")} << 2
            << QStringLiteral("--size only applies to --screenshot");
        QTest::newRow("a stray argument") << QStringList{QStringLiteral("wall"), QStringLiteral("now")} << 2
                                          << QStringLiteral("unexpected argument \"now\"");
        QTest::newRow("an unknown option") << QStringList{QStringLiteral("wall"), QStringLiteral("--bright")} << 2
                                           << QStringLiteral("bright");
        QTest::newRow("an unknown incident") << QStringList{QStringLiteral("wall"), QStringLiteral("--incident"),
                                                            QStringLiteral("ffffffff"), QStringLiteral("--screenshot"),
                                                            QStringLiteral("x.png")}
                                             << 3 << QStringLiteral("--incident");
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        test::TestStore store;
        store.declare();
        const Run r = sitrep(QStringList{QStringLiteral("--db"), store.path} + arguments, store.dir.path());
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("sitrep: wall: ")), qPrintable(r.err));
        QVERIFY(!QFile::exists(store.dir.filePath(QStringLiteral("x.png"))));
    }

    void aMissingStoreIsNotCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nothing-here.db"));
        const Run r = sitrep({QStringLiteral("--db"), path, QStringLiteral("wall"), QStringLiteral("--screenshot"),
                              dir.filePath(QStringLiteral("x.png"))},
                             dir.path());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(path), qPrintable(r.err));
        QVERIFY(!QFile::exists(path));
    }

    void helpNamesTheWall()
    {
        QTemporaryDir dir;
        const Run all = sitrep({QStringLiteral("--help")}, dir.path());
        QCOMPARE(all.exitCode, 0);
        QVERIFY(all.out.contains(QStringLiteral("wall [--incident ID | --follow]")));
        const Run own = sitrep({QStringLiteral("wall"), QStringLiteral("--help")}, dir.path());
        QCOMPARE(own.exitCode, 0);
        QVERIFY2(own.out.contains(QStringLiteral("usage: sitrep [--db PATH] wall")), qPrintable(own.out + own.err));
    }
};

QTEST_MAIN(TestWallCommandLine)
#include "tst_wallcommandline.moc"
