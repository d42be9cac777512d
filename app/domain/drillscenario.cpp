#include "drillscenario.h"

#include "runbook.h" // parseTimeBox: scenarios use the same compact durations as time-boxes

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace sitrep {

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

QString childPath(const QString &path, const QString &key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    return path + QStringLiteral("[\"") + QString(key).replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QStringLiteral("\"]");
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// A JSON value as the error message quotes it: "5 minutes", 12, true, null, an array.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString s = value.toString();
        return QLatin1Char('"') + (s.size() > 40 ? s.left(40) + QStringLiteral("...") : s) + QLatin1Char('"');
    }
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array: return QCoreApplication::translate("DrillScenario", "an array");
    case QJsonValue::Object: return QCoreApplication::translate("DrillScenario", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("DrillScenario", "nothing");
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && double(value.toInteger()) == value.toDouble();
}

// Walks the document, collecting every problem with its path instead of stopping at the first,
// so an author fixes a script in one pass.
class ScenarioReader
{
public:
    ScenarioParseResult read(const QByteArray &json);

private:
    void fail(const QString &path, const QString &message) { m_errors.append({path, message}); }
    void checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed);
    std::optional<QString> text(const QJsonObject &object, const QString &key, const QString &path, bool required,
                                int maxLength);
    std::optional<qint64> duration(const QJsonObject &object, const QString &key, const QString &path, bool required,
                                   bool allowZero);
    void readInjects(const QJsonValue &value, const QString &path, DrillScenario &scenario);
    void readExpectations(const QJsonValue &value, const QString &path, DrillScenario &scenario);
    void readRunbooks(const QJsonValue &value, const QString &path, DrillScenario &scenario);

    QList<std::pair<QString, QString>> m_errors;
};

void ScenarioReader::checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            fail(childPath(path, it.key()), QCoreApplication::translate("DrillScenario", "unknown key (expected one of: %1)")
                                                .arg(allowed.join(QStringLiteral(", "))));
    }
}

std::optional<QString> ScenarioReader::text(const QJsonObject &object, const QString &key, const QString &path,
                                            bool required, int maxLength)
{
    const QString here = childPath(path, key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            fail(here, QCoreApplication::translate("DrillScenario", "is required"));
        return std::nullopt;
    }
    if (!value.isString()) {
        fail(here, QCoreApplication::translate("DrillScenario", "expected a string, got %1").arg(describe(value)));
        return std::nullopt;
    }
    const QString s = value.toString().trimmed();
    if (required && s.isEmpty()) {
        fail(here, QCoreApplication::translate("DrillScenario", "must not be empty"));
        return std::nullopt;
    }
    if (s.size() > maxLength) {
        fail(here, QCoreApplication::translate("DrillScenario", "is longer than %1 characters").arg(maxLength));
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> ScenarioReader::duration(const QJsonObject &object, const QString &key, const QString &path,
                                               bool required, bool allowZero)
{
    const QString here = childPath(path, key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            fail(here, QCoreApplication::translate("DrillScenario", "is required"));
        return std::nullopt;
    }
    const auto ms = value.isString() ? parseTimeBox(value.toString()) : std::nullopt;
    if (!ms) {
        fail(here, QCoreApplication::translate("DrillScenario", "%1 is not a duration like 5m").arg(describe(value)));
        return std::nullopt;
    }
    if (*ms == 0 && !allowZero) {
        fail(here, QCoreApplication::translate("DrillScenario", "must be longer than 0s"));
        return std::nullopt;
    }
    if (*ms > dayMs) {
        fail(here, QCoreApplication::translate("DrillScenario", "%1 is longer than a day; a drill is shorter").arg(describe(value)));
        return std::nullopt;
    }
    return ms;
}

ScenarioParseResult ScenarioReader::read(const QByteArray &json)
{
    ScenarioParseResult result;
    auto finish = [this, &result]() {
        for (const auto &[path, message] : std::as_const(m_errors))
            result.errors.append(path + QStringLiteral(": ") + message);
        if (!m_errors.isEmpty()) {
            result.errorPath = m_errors.first().first;
            result.error = result.errors.first();
            result.scenario.reset();
        }
        return result;
    };
    const QString root = QStringLiteral("$");
    if (json.size() > maxScenarioBytes) {
        fail(root, QCoreApplication::translate("DrillScenario", "the file is %1 bytes; scenarios are limited to %2 bytes (1 MiB)")
                       .arg(json.size())
                       .arg(maxScenarioBytes));
        return finish();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        fail(root, QCoreApplication::translate("DrillScenario", "not valid JSON at line %1, column %2: %3")
                       .arg(line)
                       .arg(column)
                       .arg(parseError.errorString()));
        return finish();
    }
    if (!doc.isObject()) {
        fail(root, QCoreApplication::translate("DrillScenario", "expected an object, got %1")
                       .arg(doc.isArray() ? describe(QJsonValue(QJsonArray())) : describe(QJsonValue())));
        return finish();
    }
    const QJsonObject o = doc.object();

    const QJsonValue format = o.value(QLatin1String("format"));
    if (format != QJsonValue(QStringLiteral("sitrep-drill"))) {
        fail(childPath(root, QStringLiteral("format")),
             format.isUndefined() ? QCoreApplication::translate("DrillScenario", "is required and must be \"sitrep-drill\"")
                                  : QCoreApplication::translate("DrillScenario", "expected \"sitrep-drill\", got %1").arg(describe(format)));
        return finish();
    }
    const QJsonValue version = o.value(QLatin1String("version"));
    if (!isInteger(version) || version.toInteger() != 1) {
        const QString path = childPath(root, QStringLiteral("version"));
        if (isInteger(version) && version.toInteger() > 1)
            fail(path, QCoreApplication::translate("DrillScenario", "version %1 is newer than this Sitrep reads (1)")
                           .arg(version.toInteger()));
        else
            fail(path, QCoreApplication::translate("DrillScenario", "expected 1, got %1").arg(describe(version)));
        return finish();
    }

    checkKeys(o, root, {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
                        QStringLiteral("severity"), QStringLiteral("impact"), QStringLiteral("deadlineOffset"),
                        QStringLiteral("runbooks"), QStringLiteral("injects"), QStringLiteral("expectations")});

    DrillScenario scenario;
    scenario.title = text(o, QStringLiteral("title"), root, true, 200).value_or(QString());
    scenario.impact = text(o, QStringLiteral("impact"), root, false, 2000).value_or(QString());
    const QJsonValue severity = o.value(QLatin1String("severity"));
    const auto sev = isInteger(severity) ? severityFromNumber(int(severity.toInteger())) : std::nullopt;
    if (sev)
        scenario.severity = *sev;
    else if (severity.isUndefined())
        fail(childPath(root, QStringLiteral("severity")), QCoreApplication::translate("DrillScenario", "is required (1 to 4)"));
    else
        fail(childPath(root, QStringLiteral("severity")),
             QCoreApplication::translate("DrillScenario", "expected a severity 1 to 4, got %1").arg(describe(severity)));
    scenario.deadlineOffsetMs = duration(o, QStringLiteral("deadlineOffset"), root, false, false);
    readRunbooks(o.value(QLatin1String("runbooks")), childPath(root, QStringLiteral("runbooks")), scenario);
    readInjects(o.value(QLatin1String("injects")), childPath(root, QStringLiteral("injects")), scenario);
    readExpectations(o.value(QLatin1String("expectations")), childPath(root, QStringLiteral("expectations")), scenario);

    result.scenario = scenario;
    return finish();
}

void ScenarioReader::readRunbooks(const QJsonValue &value, const QString &path, DrillScenario &scenario)
{
    static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        fail(path, QCoreApplication::translate("DrillScenario", "expected an array of runbook names, got %1").arg(describe(value)));
        return;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array.at(i);
        if (!v.isString() || !name.match(v.toString()).hasMatch())
            fail(indexPath(path, i),
                 QCoreApplication::translate("DrillScenario", "%1 is not a runbook name like first-response").arg(describe(v)));
        else if (scenario.runbooks.contains(v.toString()))
            fail(indexPath(path, i), QCoreApplication::translate("DrillScenario", "%1 is listed twice").arg(describe(v)));
        else
            scenario.runbooks.append(v.toString());
    }
}

void ScenarioReader::readInjects(const QJsonValue &value, const QString &path, DrillScenario &scenario)
{
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        fail(path, QCoreApplication::translate("DrillScenario", "expected an array of injects, got %1").arg(describe(value)));
        return;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString here = indexPath(path, i);
        if (!array.at(i).isObject()) {
            fail(here, QCoreApplication::translate("DrillScenario", "expected an object, got %1").arg(describe(array.at(i))));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        checkKeys(o, here, {QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("text"), QStringLiteral("author")});
        DrillInject inject;
        const auto at = duration(o, QStringLiteral("at"), here, true, true);
        const auto body = text(o, QStringLiteral("text"), here, true, 2000);
        inject.author = text(o, QStringLiteral("author"), here, false, 100).value_or(QString());
        const QJsonValue kindValue = o.value(QLatin1String("kind"));
        const auto kind = parseInjectKind(kindValue.toString());
        if (!kindValue.isString() || !kind)
            fail(childPath(here, QStringLiteral("kind")),
                 kindValue.isUndefined()
                     ? QCoreApplication::translate("DrillScenario", "is required (alert, note, known, unknown or ask)")
                     : QCoreApplication::translate("DrillScenario", "%1 is not an inject kind (alert, note, known, unknown or ask)")
                           .arg(describe(kindValue)));
        if (!at || !body || !kind)
            continue;
        inject.atMs = *at;
        inject.text = *body;
        inject.kind = *kind;
        scenario.injects.append(inject);
    }
    std::stable_sort(scenario.injects.begin(), scenario.injects.end(),
                     [](const DrillInject &a, const DrillInject &b) { return a.atMs < b.atMs; });
}

void ScenarioReader::readExpectations(const QJsonValue &value, const QString &path, DrillScenario &scenario)
{
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        fail(path, QCoreApplication::translate("DrillScenario", "expected an array of expectations, got %1").arg(describe(value)));
        return;
    }
    QHash<QString, QString> idPaths;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString here = indexPath(path, i);
        if (!array.at(i).isObject()) {
            fail(here, QCoreApplication::translate("DrillScenario", "expected an object, got %1").arg(describe(array.at(i))));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        checkKeys(o, here, {QStringLiteral("id"), QStringLiteral("what"), QStringLiteral("within"), QStringLiteral("item"),
                            QStringLiteral("status")});
        DrillExpectation e;
        bool good = true;
        const auto id = text(o, QStringLiteral("id"), here, true, 64);
        if (id && !idRe.match(*id).hasMatch()) {
            fail(childPath(here, QStringLiteral("id")),
                 QCoreApplication::translate("DrillScenario", "\"%1\" is not an id like first-update (letters, digits, - _ .)").arg(*id));
            good = false;
        } else if (id && idPaths.contains(*id)) {
            fail(childPath(here, QStringLiteral("id")),
                 QCoreApplication::translate("DrillScenario", "\"%1\" is already used by %2").arg(*id, idPaths.value(*id)));
            good = false;
        } else if (id) {
            idPaths.insert(*id, here);
        }
        const auto within = duration(o, QStringLiteral("within"), here, true, false);
        const QJsonValue whatValue = o.value(QLatin1String("what"));
        const auto what = parseExpectationKind(whatValue.toString());
        if (!whatValue.isString() || !what)
            fail(childPath(here, QStringLiteral("what")),
                 whatValue.isUndefined()
                     ? QCoreApplication::translate("DrillScenario", "is required (acknowledge, first-update, checklist-item or status)")
                     : QCoreApplication::translate("DrillScenario",
                                                   "%1 is not an expectation (acknowledge, first-update, checklist-item or status)")
                           .arg(describe(whatValue)));
        // item and status belong to one kind each; elsewhere they would be silently ignored.
        const bool wantsItem = what == ExpectationKind::ChecklistItem;
        const bool wantsStatus = what == ExpectationKind::Status;
        const auto item = wantsItem ? text(o, QStringLiteral("item"), here, true, 500) : std::nullopt;
        if (what && !wantsItem && o.contains(QLatin1String("item")))
            fail(childPath(here, QStringLiteral("item")),
                 QCoreApplication::translate("DrillScenario", "only allowed when what is \"checklist-item\""));
        if (what && !wantsStatus && o.contains(QLatin1String("status")))
            fail(childPath(here, QStringLiteral("status")),
                 QCoreApplication::translate("DrillScenario", "only allowed when what is \"status\""));
        if (wantsStatus) {
            const QJsonValue s = o.value(QLatin1String("status"));
            e.status = s.isString() ? parseStatus(s.toString()) : std::nullopt;
            if (!e.status)
                fail(childPath(here, QStringLiteral("status")),
                     s.isUndefined() ? QCoreApplication::translate("DrillScenario", "is required when what is \"status\"")
                                     : QCoreApplication::translate("DrillScenario",
                                                                   "%1 is not a status (identified, mitigated, resolved or closed)")
                                           .arg(describe(s)));
            else if (*e.status == Status::Investigating)
                fail(childPath(here, QStringLiteral("status")),
                     QCoreApplication::translate("DrillScenario", "a drill starts investigating; expect a later status"));
        }
        if (!good || !id || !within || !what || (wantsItem && !item) || (wantsStatus && !e.status))
            continue;
        e.id = *id;
        e.what = *what;
        e.withinMs = *within;
        e.item = item.value_or(QString());
        scenario.expectations.append(e);
    }
}

} // namespace

QString injectKindKey(InjectKind kind)
{
    switch (kind) {
    case InjectKind::Alert: return QStringLiteral("alert");
    case InjectKind::Note: return QStringLiteral("note");
    case InjectKind::Known: return QStringLiteral("known");
    case InjectKind::Unknown: return QStringLiteral("unknown");
    case InjectKind::Ask: return QStringLiteral("ask");
    }
    return {};
}

std::optional<InjectKind> parseInjectKind(const QString &key)
{
    for (auto k : {InjectKind::Alert, InjectKind::Note, InjectKind::Known, InjectKind::Unknown, InjectKind::Ask}) {
        if (injectKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

QString expectationKindKey(ExpectationKind kind)
{
    switch (kind) {
    case ExpectationKind::Acknowledge: return QStringLiteral("acknowledge");
    case ExpectationKind::FirstUpdate: return QStringLiteral("first-update");
    case ExpectationKind::ChecklistItem: return QStringLiteral("checklist-item");
    case ExpectationKind::Status: return QStringLiteral("status");
    }
    return {};
}

std::optional<ExpectationKind> parseExpectationKind(const QString &key)
{
    for (auto k : {ExpectationKind::Acknowledge, ExpectationKind::FirstUpdate, ExpectationKind::ChecklistItem,
                   ExpectationKind::Status}) {
        if (expectationKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

ScenarioParseResult parseDrillScenario(const QByteArray &json)
{
    return ScenarioReader().read(json);
}

} // namespace sitrep
