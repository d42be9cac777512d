#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <utility>

namespace sitrep {

// A JSON value whose object members keep the order they were added in (QJsonObject sorts
// them), so that a written document reads top-down: format and version first, then the
// incident, then its parts.
class OrderedJson
{
public:
    OrderedJson() = default; // null
    OrderedJson(bool value);
    OrderedJson(int value);
    OrderedJson(qint64 value);
    OrderedJson(double value);
    OrderedJson(const QString &value);
    OrderedJson(const char *) = delete; // say QStringLiteral

    static OrderedJson object();
    static OrderedJson array();
    static OrderedJson optional(const std::optional<qint64> &value);

    OrderedJson &add(const QString &key, OrderedJson value);
    OrderedJson &append(OrderedJson value);

    // Indented by two spaces, UTF-8, ending with a newline.
    QByteArray toJson() const;

private:
    enum class Type { Null, Bool, Integer, Double, String, Array, Object };
    void write(QByteArray &out, int depth) const;

    Type m_type = Type::Null;
    bool m_bool = false;
    qint64 m_integer = 0;
    double m_double = 0;
    QString m_string;
    QList<OrderedJson> m_items;
    QList<std::pair<QString, OrderedJson>> m_members;
};

} // namespace sitrep
