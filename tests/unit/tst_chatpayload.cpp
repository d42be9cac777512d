#include "net/chatpayload.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QtTest>

using namespace sitrep;

Q_DECLARE_METATYPE(sitrep::ChannelKind)

namespace {

// 2025-06-17 12:45:00 UTC
const qint64 kNextUpdate = QDateTime(QDate(2025, 6, 17), QTime(12, 45), Qt::UTC).toMSecsSinceEpoch();

// Read from a copy inside the repository: the shared fixtures folder is not there in CI.
QJsonObject readFixture(const QString &name)
{
    QFile file(QStringLiteral(SITREP_SOURCE_DIR "/tests/data/chat/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

UpdateMessage sampleMessage()
{
    UpdateMessage m;
    m.incidentTitle = QStringLiteral("Checkout errors");
    m.severityLabel = QStringLiteral("SEV1");
    m.statusLabel = QStringLiteral("Investigating");
    m.audience = QStringLiteral("Customers");
    m.body = QStringLiteral("We see 5xx on db_primary.\n\n- Rolled back\n- Watching\nMore soon.");
    m.nextUpdateAt = kNextUpdate;
    return m;
}

QJsonObject payloadObject(ChannelKind kind, const UpdateMessage &m)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(buildChatPayload(kind, m), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

QString typeOf(const QJsonValue &v)
{
    return v.toObject().value(QStringLiteral("type")).toString();
}

// All elements of a fixture array merged into one shape per "type", so a payload element is
// checked against every key the fixture shows for that kind of element.
QJsonValue unionShape(const QJsonValue &a, const QJsonValue &b)
{
    if (!a.isObject() || !b.isObject())
        return a.isUndefined() ? b : a;
    QJsonObject merged = a.toObject();
    const QJsonObject other = b.toObject();
    for (auto it = other.begin(); it != other.end(); ++it)
        merged.insert(it.key(), unionShape(merged.value(it.key()), it.value()));
    return merged;
}

// Every key the payload uses must appear at the same place in the fixture with the same JSON
// type, except the documented extras named in `allowed` (as "sections[].text").
void checkVocabulary(const QJsonValue &actual, const QJsonValue &fixture, const QString &path,
                     const QStringList &allowed, QStringList *problems)
{
    if (actual.type() != fixture.type()) {
        problems->append(QStringLiteral("%1: type %2, fixture has %3").arg(path).arg(actual.type()).arg(fixture.type()));
        return;
    }
    if (actual.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject f = fixture.toObject();
        for (auto it = a.begin(); it != a.end(); ++it) {
            const QString keyPath = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            if (f.contains(it.key()))
                checkVocabulary(it.value(), f.value(it.key()), keyPath, allowed, problems);
            else if (!allowed.contains(keyPath))
                problems->append(QStringLiteral("%1: not in the fixture").arg(keyPath));
        }
    } else if (actual.isArray()) {
        QHash<QString, QJsonValue> shapes;
        const QJsonArray f = fixture.toArray();
        for (const QJsonValue &element : f) {
            const QString type = typeOf(element);
            shapes.insert(type, shapes.contains(type) ? unionShape(shapes.value(type), element) : element);
        }
        const QJsonArray a = actual.toArray();
        for (const QJsonValue &element : a) {
            if (!shapes.contains(typeOf(element)))
                problems->append(QStringLiteral("%1[]: element type '%2' not in the fixture").arg(path, typeOf(element)));
            else
                checkVocabulary(element, shapes.value(typeOf(element)), path + QStringLiteral("[]"), allowed, problems);
        }
    }
}

// The first line a reader sees, per kind, as raw text in the payload.
QString headlineOf(ChannelKind kind, const QByteArray &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    switch (kind) {
    case ChannelKind::Clipboard:
    case ChannelKind::Email: return QString::fromUtf8(payload).section(QLatin1Char('\n'), 0, 0);
    case ChannelKind::Slack:
        return o.value(QStringLiteral("blocks")).toArray().at(0).toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
    case ChannelKind::Mattermost:
        return o.value(QStringLiteral("text")).toString().section(QLatin1Char('\n'), 0, 0).mid(5); // after "#### "
    case ChannelKind::Teams:
        return o.value(QStringLiteral("sections")).toArray().at(0).toObject().value(QStringLiteral("activityTitle")).toString();
    case ChannelKind::TeamsWorkflow:
        return o.value(QStringLiteral("attachments")).toArray().at(0).toObject().value(QStringLiteral("content")).toObject()
            .value(QStringLiteral("body")).toArray().at(0).toObject().value(QStringLiteral("text")).toString();
    }
    return {};
}

} // namespace

class TestChatPayload : public QObject
{
    Q_OBJECT

private slots:
    void channelKindKeysRoundTrip();
    void channelKindParseRejectsUnknown();
    void payloadUsesFixtureShape_data();
    void payloadUsesFixtureShape();
    void slackBlocks();
    void slackEscapesMrkdwnControlCharacters();
    void slackSplitsLongBodyWithoutLosingText();
    void slackSplitsOneHugeLineWithoutBreakingEntities();
    void mattermostMarkdown();
    void teamsMessageCard_data();
    void teamsMessageCard();
    void teamsWorkflowWrapper();
    void drillPrefix_data();
    void drillPrefix();
    void plainText();
    void mailto_data();
    void mailto();
    void mailtoRoundTrips();
};

void TestChatPayload::channelKindKeysRoundTrip()
{
    const QStringList expected{QStringLiteral("clipboard"), QStringLiteral("email"), QStringLiteral("slack"),
                               QStringLiteral("mattermost"), QStringLiteral("teams"), QStringLiteral("teams-workflow")};
    QStringList keys;
    for (ChannelKind kind : allChannelKinds()) {
        keys.append(channelKindKey(kind));
        QVERIFY(parseChannelKind(channelKindKey(kind)) == kind);
        QVERIFY(!channelKindLabel(kind).isEmpty());
    }
    QCOMPARE(keys, expected);
    QVERIFY(parseChannelKind(QStringLiteral(" Teams-Workflow ")) == ChannelKind::TeamsWorkflow);
    QVERIFY(!isWebhookChannel(ChannelKind::Email));
    QVERIFY(isWebhookChannel(ChannelKind::Mattermost));
    QCOMPARE(chatPayloadContentType(ChannelKind::Slack), QByteArray("application/json"));
}

void TestChatPayload::channelKindParseRejectsUnknown()
{
    QVERIFY(!parseChannelKind(QStringLiteral("msteams")));
    QVERIFY(!parseChannelKind(QString()));
}

void TestChatPayload::payloadUsesFixtureShape_data()
{
    QTest::addColumn<ChannelKind>("kind");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<QStringList>("allowedExtras");

    QTest::newRow("slack blocks") << ChannelKind::Slack << QStringLiteral("request-slack-incoming-webhook-blocks.json")
                                  << QStringList{QStringLiteral("text"), QStringLiteral("blocks")} << QStringList{};
    QTest::newRow("mattermost text") << ChannelKind::Mattermost << QStringLiteral("request-mattermost-incoming-webhook-text.json")
                                     << QStringList{QStringLiteral("text")} << QStringList{};
    // A MessageCard section's "text" is documented (Actionable message card reference), the
    // fixture just does not use it.
    QTest::newRow("teams connector") << ChannelKind::Teams << QStringLiteral("request-teams-messagecard-legacy-connector.json")
                                     << QStringList{QStringLiteral("@type"), QStringLiteral("@context"), QStringLiteral("summary"),
                                                    QStringLiteral("themeColor"), QStringLiteral("sections")}
                                     << QStringList{QStringLiteral("sections[].text")};
    QTest::newRow("teams workflow") << ChannelKind::TeamsWorkflow << QStringLiteral("request-teams-adaptivecard-message.json")
                                    << QStringList{QStringLiteral("type"), QStringLiteral("attachments")} << QStringList{};
}

void TestChatPayload::payloadUsesFixtureShape()
{
    QFETCH(ChannelKind, kind);
    QFETCH(QString, fixture);
    QFETCH(QStringList, required);
    QFETCH(QStringList, allowedExtras);

    const QJsonObject expected = readFixture(fixture);
    QVERIFY2(!expected.isEmpty(), qPrintable(fixture));
    UpdateMessage m = sampleMessage();
    m.drill = true; // the drill note adds blocks; they must fit the vocabulary too
    const QJsonObject actual = payloadObject(kind, m);
    QVERIFY(!actual.isEmpty());
    for (const QString &key : required)
        QVERIFY2(actual.contains(key), qPrintable(key));
    QStringList problems;
    checkVocabulary(actual, expected, QString(), allowedExtras, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void TestChatPayload::slackBlocks()
{
    const QJsonObject o = payloadObject(ChannelKind::Slack, sampleMessage());
    QCOMPARE(o.value(QStringLiteral("text")).toString(),
             QStringLiteral("SEV1 \u2013 Checkout errors: Investigating. Next update: 2025-06-17 12:45 UTC"));
    const QJsonArray blocks = o.value(QStringLiteral("blocks")).toArray();
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(typeOf(blocks.at(0)), QStringLiteral("header"));
    QCOMPARE(headlineOf(ChannelKind::Slack, buildChatPayload(ChannelKind::Slack, sampleMessage())),
             QStringLiteral("SEV1 \u2013 Checkout errors"));
    const QJsonArray fields = blocks.at(1).toObject().value(QStringLiteral("fields")).toArray();
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("*Status:*\nInvestigating"));
    QCOMPARE(fields.at(1).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("*Next update:*\n<!date^%1^{date_short_pretty} {time}|2025-06-17 12:45 UTC>").arg(kNextUpdate / 1000));
    QCOMPARE(fields.at(2).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("*Audience:*\nCustomers"));
    // Both paragraphs fit one section (limit 3000); mrkdwn has no lists, so bullets become "•".
    QCOMPARE(blocks.at(2).toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("We see 5xx on db_primary.\n\n\u2022 Rolled back\n\u2022 Watching\nMore soon."));
}

void TestChatPayload::slackEscapesMrkdwnControlCharacters()
{
    UpdateMessage m = sampleMessage();
    m.incidentTitle = QStringLiteral("Pay & <ship>");
    m.body = QStringLiteral("Errors > 5% & rising <!channel>\n- roll back <v2>");
    m.audience.clear();
    m.nextUpdateAt.reset();
    const QJsonObject o = payloadObject(ChannelKind::Slack, m);
    QCOMPARE(o.value(QStringLiteral("text")).toString(), QStringLiteral("SEV1 \u2013 Pay &amp; &lt;ship&gt;: Investigating"));
    const QJsonArray blocks = o.value(QStringLiteral("blocks")).toArray();
    // plain_text is shown as typed: escaping it would show "&amp;" to readers.
    QCOMPARE(headlineOf(ChannelKind::Slack, buildChatPayload(ChannelKind::Slack, m)), QStringLiteral("SEV1 \u2013 Pay & <ship>"));
    QCOMPARE(blocks.last().toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("Errors &gt; 5% &amp; rising &lt;!channel&gt;\n\u2022 roll back &lt;v2&gt;"));
}

void TestChatPayload::slackSplitsLongBodyWithoutLosingText()
{
    UpdateMessage m = sampleMessage();
    QStringList lines;
    for (int i = 0; i < 300; ++i)
        lines.append(QStringLiteral("line %1 & more text to fill the section").arg(i, 3, 10, QLatin1Char('0')));
    m.body = lines.join(QLatin1Char('\n'));
    const QJsonArray blocks = payloadObject(ChannelKind::Slack, m).value(QStringLiteral("blocks")).toArray();
    QStringList pieces;
    for (qsizetype i = 2; i < blocks.size(); ++i) {
        const QString text = blocks.at(i).toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
        QVERIFY(text.size() <= 3000);
        pieces.append(text);
    }
    QVERIFY(pieces.size() >= 5);
    QCOMPARE(pieces.join(QLatin1Char('\n')), QString(m.body).replace(QStringLiteral("&"), QStringLiteral("&amp;")));
}

void TestChatPayload::slackSplitsOneHugeLineWithoutBreakingEntities()
{
    UpdateMessage m = sampleMessage();
    m.body = QString(2000, QLatin1Char('x')).replace(QLatin1Char('x'), QStringLiteral("a&<\U0001F525")); // U+1F525 is a surrogate pair
    const QJsonArray blocks = payloadObject(ChannelKind::Slack, m).value(QStringLiteral("blocks")).toArray();
    QString joined;
    for (qsizetype i = 2; i < blocks.size(); ++i) {
        const QString text = blocks.at(i).toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
        QVERIFY(text.size() <= 3000);
        QVERIFY2(!text.back().isHighSurrogate(), "split inside a surrogate pair");
        QVERIFY2(text.endsWith(QLatin1Char(';')) || text.back().isLowSurrogate() || text.endsWith(QLatin1Char('a')),
                 "split inside an entity");
        joined += text;
    }
    QVERIFY(blocks.size() >= 2 + 5);
    QCOMPARE(joined, QString(2000, QLatin1Char('x')).replace(QLatin1Char('x'), QStringLiteral("a&amp;&lt;\U0001F525")));
}

void TestChatPayload::mattermostMarkdown()
{
    const QJsonObject o = payloadObject(ChannelKind::Mattermost, sampleMessage());
    QCOMPARE(o.keys(), QStringList{QStringLiteral("text")});
    // The blank line after the list keeps "More soon." from joining the last bullet.
    QCOMPARE(o.value(QStringLiteral("text")).toString(),
             QStringLiteral("#### SEV1 \u2013 Checkout errors\n**Status:** Investigating\n**Next update:** 2025-06-17 12:45 UTC\n"
                            "**Audience:** Customers\n\nWe see 5xx on db\\_primary.\n\n- Rolled back\n- Watching\n\nMore soon."));
}

void TestChatPayload::teamsMessageCard_data()
{
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("color");
    QTest::newRow("SEV1 red") << QStringLiteral("SEV1") << QStringLiteral("D00000");
    QTest::newRow("SEV2 orange") << QStringLiteral("SEV2") << QStringLiteral("E8590C");
    QTest::newRow("SEV3 amber") << QStringLiteral("SEV3") << QStringLiteral("F2B600");
    QTest::newRow("SEV4 blue") << QStringLiteral("SEV4") << QStringLiteral("2F6FB3");
    QTest::newRow("unknown grey") << QStringLiteral("P0") << QStringLiteral("808080");
}

void TestChatPayload::teamsMessageCard()
{
    QFETCH(QString, severity);
    QFETCH(QString, color);
    UpdateMessage m = sampleMessage();
    m.severityLabel = severity;
    const QJsonObject o = payloadObject(ChannelKind::Teams, m);
    QCOMPARE(o.value(QStringLiteral("@type")).toString(), QStringLiteral("MessageCard"));
    QCOMPARE(o.value(QStringLiteral("@context")).toString(), QStringLiteral("http://schema.org/extensions"));
    QCOMPARE(o.value(QStringLiteral("themeColor")).toString(), color);
    QCOMPARE(o.value(QStringLiteral("summary")).toString(), severity + QStringLiteral(" \u2013 Checkout errors: Investigating"));
    const QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
    QCOMPARE(sections.size(), 2);
    QCOMPARE(sections.at(0).toObject().value(QStringLiteral("activitySubtitle")).toString(), QStringLiteral("Status: Investigating"));
    // Teams drops single line breaks outside lists, so lines become paragraphs.
    QCOMPARE(sections.at(1).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("We see 5xx on db\\_primary.\n\n- Rolled back\n- Watching\n\nMore soon."));
}

void TestChatPayload::teamsWorkflowWrapper()
{
    const QJsonObject o = payloadObject(ChannelKind::TeamsWorkflow, sampleMessage());
    QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("message"));
    const QJsonArray attachments = o.value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    const QJsonObject attachment = attachments.at(0).toObject();
    QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/vnd.microsoft.card.adaptive"));
    const QJsonObject card = attachment.value(QStringLiteral("content")).toObject();
    QCOMPARE(card.value(QStringLiteral("type")).toString(), QStringLiteral("AdaptiveCard"));
    QCOMPARE(card.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
    const QJsonArray body = card.value(QStringLiteral("body")).toArray();
    QCOMPARE(body.size(), 4); // title, facts, two paragraphs
    QCOMPARE(typeOf(body.at(1)), QStringLiteral("FactSet"));
    QCOMPARE(body.at(1).toObject().value(QStringLiteral("facts")).toArray().size(), 3);
    QCOMPARE(body.at(3).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("- Rolled back\n- Watching\n\nMore soon."));
}

void TestChatPayload::drillPrefix_data()
{
    QTest::addColumn<ChannelKind>("kind");
    for (ChannelKind kind : allChannelKinds())
        QTest::newRow(qPrintable(channelKindKey(kind))) << kind;
}

void TestChatPayload::drillPrefix()
{
    QFETCH(ChannelKind, kind);
    UpdateMessage m = sampleMessage();
    m.severityLabel = QStringLiteral("SEV2");
    m.incidentTitle = QStringLiteral("Search_slow");
    QVERIFY(!headlineOf(kind, buildChatPayload(kind, m)).contains(QStringLiteral("DRILL")));
    m.drill = true;
    const QByteArray payload = buildChatPayload(kind, m);
    const QString headline = headlineOf(kind, payload);
    QVERIFY2(headline.startsWith(QStringLiteral("[DRILL] SEV2 \u2013 Search")), qPrintable(headline));
    QVERIFY(QString::fromUtf8(payload).contains(QStringLiteral("This is a drill, not a real incident.")));
}

void TestChatPayload::plainText()
{
    UpdateMessage m = sampleMessage();
    m.drill = true;
    m.audience.clear();
    m.body = QStringLiteral("Cause found: a bad *index*.\r\n\r\n\r\n- Cache flushed  \n  - Errors back to 0.1%");
    QCOMPARE(QString::fromUtf8(buildChatPayload(ChannelKind::Clipboard, m)),
             QStringLiteral("[DRILL] SEV1 \u2013 Checkout errors\nThis is a drill, not a real incident.\nStatus: Investigating\n"
                            "Next update: 2025-06-17 12:45 UTC\n\nCause found: a bad *index*.\n\n- Cache flushed\n- Errors back to 0.1%"));
    QCOMPARE(buildChatPayload(ChannelKind::Email, m), buildChatPayload(ChannelKind::Clipboard, m));
    QCOMPARE(updateSubject(m), QStringLiteral("[DRILL] SEV1 \u2013 Checkout errors: Investigating"));
}

void TestChatPayload::mailto_data()
{
    QTest::addColumn<QStringList>("recipients");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("reserved characters and CRLF")
        << QStringList{QStringLiteral("ops@example.com"), QStringLiteral(" cto+alerts@example.com "), QString()}
        << QStringLiteral("SEV1 \u2013 A & B?") << QStringLiteral("Line 1\nLine 2 = ok #3 100%")
        << QByteArray("mailto:ops@example.com,cto+alerts@example.com?subject=SEV1%20%E2%80%93%20A%20%26%20B%3F"
                      "&body=Line%201%0D%0ALine%202%20%3D%20ok%20%233%20100%25");
    QTest::newRow("plus in a value is not a space") << QStringList{QStringLiteral("a@example.com")} << QStringLiteral("C++ build")
                                                    << QString() << QByteArray("mailto:a@example.com?subject=C%2B%2B%20build");
    QTest::newRow("newline in subject becomes space") << QStringList{} << QStringLiteral("one\r\ntwo") << QStringLiteral("x\r\ny")
                                                      << QByteArray("mailto:?subject=one%20two&body=x%0D%0Ay");
    QTest::newRow("comma inside an address") << QStringList{QStringLiteral("\"Ops, EU\"@example.com")} << QString() << QString()
                                             << QByteArray("mailto:%22Ops%2C%20EU%22@example.com");
    QTest::newRow("nothing") << QStringList{} << QString() << QString() << QByteArray("mailto:");
}

void TestChatPayload::mailto()
{
    QFETCH(QStringList, recipients);
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(QByteArray, expected);
    const QUrl url = buildMailto(recipients, subject, body);
    QVERIFY(url.isValid());
    QCOMPARE(url.toEncoded(), expected);
}

void TestChatPayload::mailtoRoundTrips()
{
    const QString body = QStringLiteral("Status: Investigating & rising\n- 50% of EU = down\n\u00e9t\u00e9 #2");
    const QUrl url = buildMailto({QStringLiteral("ops@example.com")}, QStringLiteral("[DRILL] SEV1 \u2013 a&b"), body);
    const QUrlQuery query(url);
    QCOMPARE(url.scheme(), QStringLiteral("mailto"));
    QCOMPARE(url.path(), QStringLiteral("ops@example.com"));
    QCOMPARE(query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded), QStringLiteral("[DRILL] SEV1 \u2013 a&b"));
    QCOMPARE(query.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded), QString(body).replace(QStringLiteral("\n"), QStringLiteral("\r\n")));
}

QTEST_GUILESS_MAIN(TestChatPayload)
#include "tst_chatpayload.moc"
