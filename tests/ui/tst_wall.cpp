// The wall display, offscreen, on the sample incident: every key element present, whole and
// inside the screen at 1080p and 4K, no text under the legibility floor, key numbers at least
// 6% of the height; the clocks tick without resizing; the next update and the deadline turn
// red when late; internal entries never show; nothing on it can be edited; a drill says so
// across the screen; with nothing active it is calm and sums up the last incident.
#include "support/teststore.h"

#include "services/sampleincident.h"
#include "wall/fitlabel.h"
#include "wall/walllist.h"
#include "wall/wallpanels.h"
#include "wall/wallwindow.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextEdit>
#include <QtTest>

using namespace sitrep;

namespace {

constexpr qint64 kMinute = 60'000;

// The rectangle of a widget in the wall's coordinates.
QRect onWall(const QWidget *w, const QWidget *wall)
{
    return QRect(w->mapTo(wall, QPoint(0, 0)), w->size());
}

// Everything the wall says right now, for "never shows" checks.
QStringList everythingShown(const WallWindow &wall)
{
    QStringList texts;
    for (const FitLabel *l : wall.findChildren<FitLabel *>()) {
        if (l->isVisibleTo(&wall))
            texts.append(l->text());
    }
    for (const WallList *list : wall.findChildren<WallList *>()) {
        if (list->isVisibleTo(&wall))
            texts += list->shownTexts();
    }
    return texts;
}

WallList *listOf(const WallWindow &wall, const char *column)
{
    return wall.findChild<WallList *>(QLatin1String(column) + QStringLiteral("List"));
}

FitLabel *label(const WallWindow &wall, const char *name)
{
    return wall.findChild<FitLabel *>(QLatin1String(name));
}

} // namespace

class TestWall : public QObject
{
    Q_OBJECT

private:
    // The sample incident, written to end at kT0, on a wall of that size.
    struct Sample
    {
        test::TestStore store;
        qint64 id = 0;
        std::unique_ptr<WallWindow> wall;

        explicit Sample(QSize size, bool light = false)
        {
            const Result<qint64> written = writeSampleIncident(store.db, test::kT0);
            if (!written)
                qFatal("sample: %s", qPrintable(written.error().message));
            id = written.value();
            wall = std::make_unique<WallWindow>(WallReader::of(*store.services));
            wall->setLight(light);
            wall->model()->showIncident(id);
            wall->resize(size);
            wall->show();
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void rendersTheSampleIncidentWhole_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("light");
        QTest::newRow("1920x1080 dark") << QSize(1920, 1080) << false;
        QTest::newRow("3840x2160 dark") << QSize(3840, 2160) << false;
        QTest::newRow("1920x1080 light") << QSize(1920, 1080) << true;
        QTest::newRow("3840x2160 light") << QSize(3840, 2160) << true;
    }

    void rendersTheSampleIncidentWhole()
    {
        QFETCH(QSize, size);
        QFETCH(bool, light);
        Sample s(size, light);
        WallWindow &wall = *s.wall;
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        QCOMPARE(wall.size(), size);
        const QRect screen = wall.rect();
        const int h = size.height();

        // The key elements: present, saying what the incident says, whole, on the screen.
        const QList<std::pair<const char *, QString>> expected = {
            {"wallSeverity", QStringLiteral("SEV1")},
            {"wallTitle", QStringLiteral("Production database down — orders failing")},
            {"wallStatus", QStringLiteral("IDENTIFIED")},
            {"wallElapsedValue", QStringLiteral("0:41:00")},
            {"wallNextUpdateValue", QStringLiteral("10:00")},
            {"wallDeadlineValue", QStringLiteral("19:00")},
            {"wallLocalClockValue", QStringLiteral("08:45")}, // the tests run in UTC
            {"wallUtcClockValue", QStringLiteral("08:45")},
            {"wallEstimateRange", QStringLiteral("15–45 min")},
        };
        for (const auto &[name, text] : expected) {
            const FitLabel *l = label(wall, name);
            QVERIFY2(l, name);
            QVERIFY2(l->isVisibleTo(&wall), name);
            QCOMPARE(l->text(), text);
            QVERIFY2(l->fits(), name); // not elided, not clipped
            QVERIFY2(screen.contains(onWall(l, &wall)), name);
            QVERIFY2(l->rect().contains(l->textRect()), name);
        }
        // Key numbers: at least 6% of the screen height.
        for (const char *name : {"wallElapsedValue", "wallNextUpdateValue", "wallDeadlineValue", "wallLocalClockValue",
                                 "wallUtcClockValue"}) {
            const FitLabel *l = label(wall, name);
            QVERIFY2(l->pixelSize() >= 0.06 * h, qPrintable(QStringLiteral("%1: %2 px").arg(QLatin1String(name)).arg(l->pixelSize())));
            QVERIFY2(l->textRect().height() >= 0.06 * h, name);
        }
        // No text under 28 px at 1080p (scaled), anywhere; nothing shown is elided.
        const int floor = qRound(kWallMinTextPx * h / kWallDesignHeight);
        for (const FitLabel *l : wall.findChildren<FitLabel *>()) {
            if (!l->isVisibleTo(&wall) || l->text().isEmpty())
                continue;
            QVERIFY2(l->pixelSize() >= floor, qPrintable(l->objectName()));
            QVERIFY2(l->fits(), qPrintable(l->objectName() + QStringLiteral(": ") + l->text()));
            QVERIFY2(!l->lines().join(QLatin1Char(' ')).contains(QChar(0x2026)), qPrintable(l->objectName()));
            QVERIFY2(screen.contains(onWall(l, &wall)), qPrintable(l->objectName()));
        }
        for (const WallList *list : wall.findChildren<WallList *>()) {
            if (!list->isVisibleTo(&wall))
                continue;
            QVERIFY2(list->pixelSize() >= floor, qPrintable(list->objectName()));
            QVERIFY2(list->shownCount() >= 1, qPrintable(list->objectName()));
            QCOMPARE(list->truncatedCount(), 0);
            const QRect area = list->rect();
            for (const QRect &r : list->itemRects())
                QVERIFY2(area.contains(r), qPrintable(list->objectName()));
            if (list->hiddenCount() > 0) {
                QVERIFY(area.contains(list->moreRect()));
                QCOMPARE(list->moreText(), QStringLiteral("+%1 more").arg(list->hiddenCount()));
            }
            QVERIFY2(screen.contains(onWall(list, &wall)), qPrintable(list->objectName()));
        }

        // The columns say what the board says.
        // Newest first: the deploy question was answered last.
        QVERIFY(listOf(wall, "wallKnown")->shownTexts().constFirst().contains(QStringLiteral("Did deploy 412 raise the pool size per pod? → yes")));
        QVERIFY(listOf(wall, "wallKnown")->shownTexts().value(1).contains(QStringLiteral("Trouble began at 08:04")));
        QVERIFY(listOf(wall, "wallUnknown")->shownTexts().contains(QStringLiteral("? Are orders lost, or queued and retried?")));
        QVERIFY(listOf(wall, "wallPlan")->shownTexts().constFirst().startsWith(QStringLiteral("▶ Roll back deploy 412")));
        QVERIFY(label(wall, "wallEstimateWindow")->text().contains(QStringLiteral("08:48–09:18")));
        // Pinned first, then the newest.
        const QStringList timeline = listOf(wall, "wallTimeline")->shownTexts();
        QVERIFY(timeline.size() >= 3);
        QVERIFY2(timeline.at(0).startsWith(QStringLiteral("★ 08:26 Decision: Roll back deploy 412 now")), qPrintable(timeline.at(0)));
        QVERIFY2(timeline.at(1).startsWith(QStringLiteral("08:43 6 of 8 pods")), qPrintable(timeline.at(1)));
        QVERIFY(listOf(wall, "wallChecklists")->shownTexts().constFirst().startsWith(QStringLiteral("First response")));
        QCOMPARE(listOf(wall, "wallChecklists")->items().constFirst().trail.section(QLatin1Char('/'), 0, 0), QStringLiteral("3"));
        const QStringList roles = listOf(wall, "wallRoles")->shownTexts();
        QVERIFY(roles.contains(QStringLiteral("IC Dana Okafor")));
        QVERIFY(roles.contains(QStringLiteral("Comms Sam Lee")));
        QVERIFY(!wall.findChild<WallDrillMark *>()->isVisibleTo(&wall));
    }

    void keyNumbersTickWithoutChangingSize()
    {
        Sample s(QSize(1920, 1080));
        WallWindow &wall = *s.wall;
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        QList<FitLabel *> numbers;
        for (const char *name : {"wallElapsedValue", "wallNextUpdateValue", "wallDeadlineValue", "wallLocalClockValue",
                                 "wallUtcClockValue"})
            numbers.append(label(wall, name));
        QList<int> sizes;
        QList<QRect> places;
        for (const FitLabel *l : std::as_const(numbers)) {
            sizes.append(l->pixelSize());
            places.append(onWall(l, &wall));
        }
        // A second, then past a whole hour of impact: the text changes, the size and place do not.
        for (qint64 step : {1'000LL, 19 * kMinute}) {
            s.store.clock.advance(step);
            const QString before = numbers.at(0)->text();
            wall.tick();
            QVERIFY(numbers.at(0)->text() != before);
            for (int i = 0; i < numbers.size(); ++i) {
                QCOMPARE(numbers.at(i)->pixelSize(), sizes.at(i));
                QCOMPARE(onWall(numbers.at(i), &wall), places.at(i));
            }
        }
        s.store.clock.advance(8 * kMinute + 13'000);
        wall.tick();
        QCOMPARE(numbers.at(0)->text(), QStringLiteral("1:08:14"));
        QCOMPARE(numbers.at(0)->pixelSize(), sizes.at(0));
    }

    void nextUpdateTurnsRedAndCountsUpWhenOverdue()
    {
        Sample s(QSize(1920, 1080));
        WallWindow &wall = *s.wall;
        const auto *tile = wall.findChild<WallTile *>(QStringLiteral("wallNextUpdate"));
        QVERIFY(tile);
        const WallTheme theme = WallTheme::dark();
        QCOMPARE(tile->fill(), theme.panel);
        s.store.clock.advance(9 * kMinute);
        wall.tick();
        QCOMPARE(tile->value()->text(), QStringLiteral("1:00"));
        QCOMPARE(tile->fill(), theme.warnFill); // due soon
        s.store.clock.advance(2 * kMinute);
        wall.tick();
        QCOMPARE(tile->heading()->text(), QStringLiteral("UPDATE OVERDUE"));
        QCOMPARE(tile->value()->text(), QStringLiteral("+1:00"));
        QCOMPARE(tile->fill(), theme.alertFill);
        s.store.clock.advance(kMinute + 5'000);
        wall.tick();
        QCOMPARE(tile->value()->text(), QStringLiteral("+2:05")); // counting up
        QVERIFY(tile->value()->fits());
    }

    void deadlineCountsDownThenTurnsRed_data()
    {
        QTest::addColumn<qint64>("after");
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("fill");
        QTest::newRow("ahead") << 0LL << QStringLiteral("DEADLINE") << QStringLiteral("19:00") << QStringLiteral("panel");
        QTest::newRow("close: the last 15 minutes") << 5 * kMinute << QStringLiteral("DEADLINE") << QStringLiteral("14:00")
                                                   << QStringLiteral("warn");
        QTest::newRow("passed") << 20 * kMinute << QStringLiteral("PAST DEADLINE") << QStringLiteral("+1:00")
                                << QStringLiteral("alert");
    }

    void deadlineCountsDownThenTurnsRed()
    {
        QFETCH(qint64, after);
        QFETCH(QString, heading);
        QFETCH(QString, value);
        QFETCH(QString, fill);
        Sample s(QSize(1920, 1080));
        s.store.clock.advance(after);
        s.wall->tick();
        const auto *tile = s.wall->findChild<WallTile *>(QStringLiteral("wallDeadline"));
        QVERIFY(tile->isVisibleTo(s.wall.get()));
        QCOMPARE(tile->heading()->text(), heading);
        QCOMPARE(tile->value()->text(), value);
        const WallTheme theme = WallTheme::dark();
        const QColor colour = fill == QLatin1String("warn") ? theme.warnFill
                              : fill == QLatin1String("alert") ? theme.alertFill
                                                               : theme.panel;
        QCOMPARE(tile->fill(), colour);
    }

    void noDeadlineNoDeadlineTile()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->showIncident(incident.id);
        wall.show();
        QVERIFY(!wall.findChild<WallTile *>(QStringLiteral("wallDeadline"))->isVisibleTo(&wall));
        QVERIFY(wall.findChild<WallTile *>(QStringLiteral("wallElapsed"))->isVisibleTo(&wall));
    }

    void isWallEntry_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("internal");
        QTest::addColumn<bool>("retracted");
        QTest::addColumn<bool>("pinned");
        QTest::addColumn<bool>("shown");
        QTest::newRow("a note") << int(EntryKind::Note) << false << false << false << true;
        QTest::newRow("a decision, pinned") << int(EntryKind::Decision) << false << false << true << true;
        QTest::newRow("an internal note") << int(EntryKind::Note) << true << false << false << false;
        QTest::newRow("an internal note, pinned") << int(EntryKind::Note) << true << false << true << false;
        QTest::newRow("a retracted note") << int(EntryKind::Note) << false << true << false << false;
        QTest::newRow("a board change: the board shows it") << int(EntryKind::Situation) << false << false << false << false;
        QTest::newRow("a tick: the checklists show it") << int(EntryKind::Checklist) << false << false << false << false;
        QTest::newRow("an alert") << int(EntryKind::Alert) << false << false << false << true;
    }

    void isWallEntry()
    {
        QFETCH(int, kind);
        QFETCH(bool, internal);
        QFETCH(bool, retracted);
        QFETCH(bool, pinned);
        QFETCH(bool, shown);
        TimelineEntry e;
        e.kind = EntryKind(kind);
        e.internal = internal;
        e.pinned = pinned;
        if (retracted)
            e.retractedAt = test::kT0;
        QCOMPARE(sitrep::isWallEntry(e), shown);
    }

    void internalEntriesNeverAppear()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        // Marked internal before the wall opens: never read onto it.
        LogRequest secret = test::noteFor(incident.id, QStringLiteral("Vendor contract penalty is 40k per hour"));
        secret.pinned = true;
        const qint64 secretId = store.services->timeline.log(secret).value().id;
        QVERIFY(store.services->timeline.setInternal(secretId, true));
        QVERIFY(store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("Failover started"))));

        WallWindow wall(WallReader::of(*store.services));
        wall.model()->showIncident(incident.id);
        wall.show();
        auto shows = [&wall](const QString &text) {
            const QStringList all = everythingShown(wall);
            return std::any_of(all.cbegin(), all.cend(), [&](const QString &t) { return t.contains(text); });
        };
        QVERIFY(shows(QStringLiteral("Failover started")));
        QVERIFY(!shows(QStringLiteral("40k per hour")));

        // Marked internal while the wall shows it: it goes, at once.
        const qint64 later = store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("Customer X threatens to leave")))
                                 .value()
                                 .id;
        QVERIFY(shows(QStringLiteral("Customer X")));
        QVERIFY(store.services->timeline.setInternal(later, true));
        QVERIFY(!shows(QStringLiteral("Customer X")));
        // Pinning an internal entry does not bring it back.
        QVERIFY(store.services->timeline.setPinned(later, true));
        QVERIFY(!shows(QStringLiteral("Customer X")));
        for (const TimelineEntry &e : wall.model()->entries())
            QVERIFY(!e.internal);
    }

    void listsThatDoNotFitSayHowManyMore()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        for (int i = 1; i <= 30; ++i) {
            QVERIFY(store.services->situation.add(incident.id, SituationColumn::Known,
                                                  QStringLiteral("Fact number %1 about the outage").arg(i)));
        }
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->showIncident(incident.id);
        wall.resize(1920, 1080);
        wall.show();
        const WallList *known = listOf(wall, "wallKnown");
        QVERIFY(known->shownCount() > 0);
        QVERIFY(known->hiddenCount() > 0);
        QCOMPARE(known->shownCount() + known->hiddenCount(), 30);
        QCOMPARE(known->moreText(), QStringLiteral("+%1 more").arg(known->hiddenCount()));
        QVERIFY(known->rect().contains(known->moreRect()));
        // Newest first: the latest fact is on the wall, the oldest are counted.
        QCOMPARE(known->shownTexts().constFirst(), QStringLiteral("• Fact number 30 about the outage"));
        // A new fact arrives: it is shown and one more is counted away, without a rebuild of the window.
        QVERIFY(store.services->situation.add(incident.id, SituationColumn::Known, QStringLiteral("Fact number 31")));
        QCOMPARE(known->shownTexts().constFirst(), QStringLiteral("• Fact number 31"));
        QCOMPARE(known->shownCount() + known->hiddenCount(), 31);
    }

    void holdsNoEditableWidget()
    {
        Sample s(QSize(1920, 1080));
        WallWindow &wall = *s.wall;
        s.store.services->feed().poke();
        const qint64 seqBefore = s.store.services->feed().lastSeq();
        const QList<QWidget *> all = wall.findChildren<QWidget *>();
        QVERIFY(all.size() > 20);
        for (QWidget *w : all) {
            const QByteArray name = w->objectName().toUtf8() + " (" + w->metaObject()->className() + ")";
            QVERIFY2(!qobject_cast<QLineEdit *>(w), name);
            QVERIFY2(!qobject_cast<QTextEdit *>(w), name);
            QVERIFY2(!qobject_cast<QPlainTextEdit *>(w), name);
            QVERIFY2(!qobject_cast<QAbstractSpinBox *>(w), name);
            QVERIFY2(!qobject_cast<QAbstractButton *>(w), name);
            if (const auto *combo = qobject_cast<QComboBox *>(w))
                QVERIFY2(!combo->isEditable(), name);
            // Nothing on the wall takes the keyboard: keys reach the wall itself (F11, Esc).
            QVERIFY2(w->focusPolicy() == Qt::NoFocus, name);
        }
        // Showing, ticking, typing and clicking at it change nothing in the store.
        QTest::keyClicks(&wall, QStringLiteral("hello"));
        QTest::mouseClick(&wall, Qt::LeftButton, {}, QPoint(400, 400));
        s.store.clock.advance(30 * kMinute);
        wall.tick();
        s.store.services->feed().poke();
        QCOMPARE(s.store.services->feed().lastSeq(), seqBefore);
    }

    void drillIsWrittenAcrossTheScreen()
    {
        test::TestStore store;
        DeclareRequest r;
        r.title = QStringLiteral("Region failover rehearsal: eu-west-1 to eu-central-1, all tenants");
        r.severity = Severity::Sev2;
        r.drill = true;
        const Incident drill = store.services->incidents.declare(r).value();
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->showIncident(drill.id);
        wall.resize(1920, 1080);
        wall.show();
        const auto *mark = wall.findChild<WallDrillMark *>(QStringLiteral("wallDrill"));
        QVERIFY(mark->isVisibleTo(&wall));
        QCOMPARE(mark->text(), QStringLiteral("DRILL"));
        QCOMPARE(mark->geometry(), wall.rect()); // across the whole screen
        QVERIFY(label(wall, "wallDrillBadge")->isVisibleTo(&wall));
        // The badge takes room from the title; the title wraps, whole, and no hyphenated name
        // is cut at its hyphen.
        const FitLabel *title = label(wall, "wallTitle");
        QCOMPARE(title->text(), r.title);
        QVERIFY(title->fits());
        QCOMPARE(title->lineCount(), 2);
        QVERIFY(!title->lines().join(QLatin1Char(' ')).contains(QChar(0x2026)));
        for (const QString &line : title->lines())
            QVERIFY2(!line.endsWith(QChar(0x2011)) && !line.endsWith(QLatin1Char('-')), qPrintable(line));
        QVERIFY(wall.windowTitle().startsWith(QStringLiteral("DRILL")));
        // It lets the wall show through: transparent for the mouse, on top of the panels.
        QVERIFY(mark->testAttribute(Qt::WA_TransparentForMouseEvents));
    }

    void calmWhenNothingIsActive()
    {
        test::TestStore store;
        const Incident incident = store.declare(QStringLiteral("Checkout is down"), Severity::Sev2);
        store.clock.advance(5 * kMinute);
        QVERIFY(store.services->incidents.setMilestone(incident.id, Milestone::Detected, store.clock.nowMs()));
        store.clock.advance(40 * kMinute);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));

        WallWindow wall(WallReader::of(*store.services));
        wall.model()->follow();
        wall.resize(1920, 1080);
        wall.show();
        const auto *pages = wall.findChild<QStackedWidget *>(QStringLiteral("wallPages"));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("wallCalmPage"));
        QCOMPARE(label(wall, "wallCalmTitle")->text(), QStringLiteral("No active incident"));
        QCOMPARE(label(wall, "wallLastTitle")->text(), QStringLiteral("SEV2 · Checkout is down"));
        QVERIFY(label(wall, "wallLastSummary")->text().contains(QStringLiteral("impact 45 min")));
        QVERIFY(label(wall, "wallLastMetrics")->text().startsWith(QStringLiteral("Detected after 5 min")));
        const FitLabel *clock = label(wall, "wallCalmLocalClockValue");
        QCOMPARE(clock->text(), QStringLiteral("09:30"));
        QVERIFY(clock->pixelSize() >= 0.06 * 1080);
        for (const FitLabel *l : wall.findChildren<FitLabel *>()) {
            if (l->isVisibleTo(&wall) && !l->text().isEmpty())
                QVERIFY2(l->fits(), qPrintable(l->objectName()));
        }

        // A new incident takes the wall by itself.
        const Incident next = store.declare(QStringLiteral("Search is slow"), Severity::Sev3);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("wallIncidentPage"));
        QCOMPARE(label(wall, "wallTitle")->text(), next.title);
    }

    void emptyStoreIsCalmToo()
    {
        test::TestStore store;
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->follow();
        wall.show();
        QCOMPARE(label(wall, "wallLastTitle")->text(), QStringLiteral("None recorded in this store"));
    }

    void f11TogglesFullScreenAndEscLeaves()
    {
        test::TestStore store;
        WallWindow wall(WallReader::of(*store.services));
        QSignalSpy closed(&wall, &WallWindow::closed);
        wall.presentOn(nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        QVERIFY(wall.isFullScreen());
        QTest::keyClick(&wall, Qt::Key_F11);
        QVERIFY(!wall.isFullScreen());
        QTest::keyClick(&wall, Qt::Key_F11);
        QVERIFY(wall.isFullScreen());
        QTest::keyClick(&wall, Qt::Key_Escape);
        QVERIFY(!wall.isVisible());
        QCOMPARE(closed.count(), 1);
    }
};

QTEST_MAIN(TestWall)
#include "tst_wall.moc"
