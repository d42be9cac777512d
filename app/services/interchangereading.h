#pragma once

// The checked-reading toolkit of the interchange reader, shared by the files that read its
// sections: every accessor refuses with the JSON path and the reason instead of guessing.
// Private to app/services/interchange*.cpp.

#include "interchangejson.h"

#include "domain/drillrun.h"
#include "domain/metrics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <type_traits>

namespace sitrep::interchange {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("Interchange", text);
}

struct Refusal
{
    QString path;
    QString reason;
};

[[noreturn]] inline void refuse(const QString &path, const QString &reason)
{
    throw Refusal{path, reason};
}

inline QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return tr("null");
    case QJsonValue::Bool: return tr("true or false");
    case QJsonValue::Double: return tr("a number");
    case QJsonValue::String: return tr("a string");
    case QJsonValue::Array: return tr("an array");
    case QJsonValue::Object: return tr("an object");
    case QJsonValue::Undefined: return tr("nothing");
    }
    return {};
}

inline QString member(const QString &path, const QString &key)
{
    return path + QLatin1Char('.') + key;
}

inline QString element(const QString &path, qsizetype index)
{
    return path + QStringLiteral("[%1]").arg(index);
}

class Reader
{
public:
    QJsonObject object(const QJsonValue &v, const QString &path) const
    {
        if (!v.isObject())
            refuse(path, tr("expected an object, found %1").arg(typeName(v)));
        return v.toObject();
    }

    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            refuse(member(path, key), tr("expected an array, found %1").arg(typeName(v)));
        return v.toArray();
    }

    QString text(const QJsonObject &o, const QString &key, const QString &path, bool required = false,
                 bool nonEmpty = false, int limit = kMaxInterchangeText) const
    {
        const QJsonValue v = o.value(key);
        const QString at = member(path, key);
        if (v.isUndefined() || v.isNull()) {
            if (required || nonEmpty)
                refuse(at, tr("missing; it is required"));
            return QString();
        }
        if (!v.isString())
            refuse(at, tr("expected a string, found %1").arg(typeName(v)));
        const QString s = v.toString();
        if (s.size() > limit)
            refuse(at, tr("the text is %1 characters long; the limit is %2").arg(s.size()).arg(limit));
        if (nonEmpty && s.trimmed().isEmpty())
            refuse(at, tr("must not be empty"));
        return s;
    }

    std::optional<qint64> optionalTime(const QJsonObject &o, const QString &key, const QString &path) const
    {
        const QJsonValue v = o.value(key);
        const QString at = member(path, key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString())
            refuse(at, tr("expected an ISO 8601 time as a string, found %1").arg(typeName(v)));
        const QString s = v.toString();
        if (s.size() > 64)
            refuse(at, tr("expected an ISO 8601 time, found %1 characters of text").arg(s.size()));
        static const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d{2}:?\\d{2})$"), QRegularExpression::CaseInsensitiveOption);
        const std::optional<qint64> ms = parseInterchangeTime(s);
        if (!ms) {
            if (!offset.match(s).hasMatch() && s.contains(QLatin1Char('T')))
                refuse(at, tr("\"%1\" has no UTC offset; write it like 2026-11-25T08:45:00Z or ...+01:00").arg(s));
            refuse(at, tr("\"%1\" is not an ISO 8601 time between 1970 and 9999 (like 2026-11-25T08:45:00Z)").arg(s));
        }
        return ms;
    }

    qint64 time(const QJsonObject &o, const QString &key, const QString &path) const
    {
        const std::optional<qint64> ms = optionalTime(o, key, path);
        if (!ms)
            refuse(member(path, key), tr("missing; it is required"));
        return *ms;
    }

    std::optional<qint64> optionalInteger(const QJsonObject &o, const QString &key, const QString &path, qint64 min,
                                          qint64 max) const
    {
        const QJsonValue v = o.value(key);
        const QString at = member(path, key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble())
            refuse(at, tr("expected a whole number, found %1").arg(typeName(v)));
        const double d = v.toDouble();
        if (std::trunc(d) != d)
            refuse(at, tr("expected a whole number, found %1").arg(d));
        if (d < double(min) || d > double(max))
            refuse(at, tr("%1 is out of range (%2 to %3)").arg(d, 0, 'f', 0).arg(min).arg(max));
        return qint64(d);
    }

    qint64 integer(const QJsonObject &o, const QString &key, const QString &path, qint64 min, qint64 max,
                   std::optional<qint64> fallback = std::nullopt) const
    {
        const std::optional<qint64> v = optionalInteger(o, key, path, min, max);
        if (v)
            return *v;
        if (!fallback)
            refuse(member(path, key), tr("missing; it is required"));
        return *fallback;
    }

    bool boolean(const QJsonObject &o, const QString &key, const QString &path, bool fallback = false) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool())
            refuse(member(path, key), tr("expected true or false, found %1").arg(typeName(v)));
        return v.toBool();
    }

    template <typename Enum>
    Enum choice(const QJsonObject &o, const QString &key, const QString &path, const QString &what,
                std::optional<Enum> (*parse)(const QString &), const std::type_identity_t<QList<Enum>> &all,
                QString (*keyOf)(Enum), std::type_identity_t<std::optional<Enum>> fallback = std::nullopt) const
    {
        const QJsonValue v = o.value(key);
        const QString at = member(path, key);
        if (v.isUndefined() || v.isNull()) {
            if (!fallback)
                refuse(at, tr("missing; it is required"));
            return *fallback;
        }
        if (!v.isString())
            refuse(at, tr("expected a string, found %1").arg(typeName(v)));
        const QString s = v.toString();
        QStringList keys;
        for (Enum e : all)
            keys << keyOf(e);
        // Only the exact stored form: a reader elsewhere should not guess at "Resolved " either.
        if (!keys.contains(s) || !parse(s))
            refuse(at, tr("unknown %1 \"%2\" (expected one of: %3)").arg(what, s.left(80), keys.join(QStringLiteral(", "))));
        return *parse(s);
    }

    // An object's own id: a UUID, made up when absent, refused when it repeats one seen before.
    QUuid id(const QJsonObject &o, const QString &path)
    {
        const QString at = member(path, QStringLiteral("id"));
        const QJsonValue v = o.value(QStringLiteral("id"));
        if (v.isUndefined() || v.isNull())
            return QUuid::createUuid();
        const QUuid uuid = parseUuid(v, at);
        const auto seen = m_ids.constFind(uuid);
        if (seen != m_ids.constEnd())
            refuse(at, tr("duplicate id %1 (already used at %2)").arg(uuidText(uuid), *seen));
        m_ids.insert(uuid, at);
        return uuid;
    }

    // A reference to another object's id; null when absent.
    QUuid reference(const QJsonValue &v, const QString &at) const
    {
        if (v.isUndefined() || v.isNull())
            return {};
        return parseUuid(v, at);
    }

private:
    static QUuid parseUuid(const QJsonValue &v, const QString &at)
    {
        if (!v.isString())
            refuse(at, tr("expected a UUID string, found %1").arg(typeName(v)));
        const QString s = v.toString();
        const QUuid uuid = s.size() <= 38 ? QUuid::fromString(s) : QUuid();
        if (uuid.isNull())
            refuse(at, tr("\"%1\" is not a UUID").arg(s.left(80)));
        return uuid;
    }

    QHash<QUuid, QString> m_ids;
};


// Sections read in interchangesections.cpp.
void readUpdates(Reader &r, const QJsonObject &doc, IncidentArchive &a);
void readDrillRun(Reader &r, const QJsonObject &doc, IncidentArchive &a);
void readPostmortem(Reader &r, const QJsonObject &doc, IncidentArchive &a);

} // namespace sitrep::interchange
