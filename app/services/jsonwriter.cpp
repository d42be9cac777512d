#include "jsonwriter.h"

#include <QLocale>

namespace sitrep {

namespace {

void writeString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (u < 0x20)
                out += "\\u00" + QByteArray::number(u, 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
}

void indent(QByteArray &out, int depth)
{
    out += '\n';
    out += QByteArray(depth * 2, ' ');
}

} // namespace

OrderedJson::OrderedJson(bool value) : m_type(Type::Bool), m_bool(value) {}
OrderedJson::OrderedJson(int value) : m_type(Type::Integer), m_integer(value) {}
OrderedJson::OrderedJson(qint64 value) : m_type(Type::Integer), m_integer(value) {}
OrderedJson::OrderedJson(double value) : m_type(Type::Double), m_double(value) {}
OrderedJson::OrderedJson(const QString &value) : m_type(Type::String), m_string(value) {}

OrderedJson OrderedJson::object()
{
    OrderedJson v;
    v.m_type = Type::Object;
    return v;
}

OrderedJson OrderedJson::array()
{
    OrderedJson v;
    v.m_type = Type::Array;
    return v;
}

OrderedJson OrderedJson::optional(const std::optional<qint64> &value)
{
    return value ? OrderedJson(*value) : OrderedJson();
}

OrderedJson &OrderedJson::add(const QString &key, OrderedJson value)
{
    m_members.append({key, std::move(value)});
    return *this;
}

OrderedJson &OrderedJson::append(OrderedJson value)
{
    m_items.append(std::move(value));
    return *this;
}

QByteArray OrderedJson::toJson() const
{
    QByteArray out;
    write(out, 0);
    out += '\n';
    return out;
}

void OrderedJson::write(QByteArray &out, int depth) const
{
    switch (m_type) {
    case Type::Null: out += "null"; return;
    case Type::Bool: out += m_bool ? "true" : "false"; return;
    case Type::Integer: out += QByteArray::number(m_integer); return;
    case Type::Double:
        // The shortest text that reads back as the same double.
        out += QString::number(m_double, 'g', QLocale::FloatingPointShortest).toLatin1();
        return;
    case Type::String: writeString(out, m_string); return;
    case Type::Array:
        if (m_items.isEmpty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            indent(out, depth + 1);
            m_items.at(i).write(out, depth + 1);
            if (i + 1 < m_items.size())
                out += ',';
        }
        indent(out, depth);
        out += ']';
        return;
    case Type::Object:
        if (m_members.isEmpty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            indent(out, depth + 1);
            writeString(out, m_members.at(i).first);
            out += ": ";
            m_members.at(i).second.write(out, depth + 1);
            if (i + 1 < m_members.size())
                out += ',';
        }
        indent(out, depth);
        out += '}';
        return;
    }
}

} // namespace sitrep
