#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace sitrep {

// One row of the change log: something was inserted, updated or deleted. Views use it to
// update just what changed; the sequence tells every reader where it left off.
struct Change
{
    qint64 seq = 0;
    qint64 at = 0;
    QString entity; // "incident", "timeline", "role", "situation", "checklist", "checklist_item"
    qint64 entityId = 0;
    qint64 incidentId = 0;
    QString operation; // "insert", "update", "delete"
};

namespace Entity {
inline const QString Incident = QStringLiteral("incident");
inline const QString Timeline = QStringLiteral("timeline");
inline const QString Role = QStringLiteral("role");
inline const QString Situation = QStringLiteral("situation");
inline const QString Checklist = QStringLiteral("checklist");
inline const QString ChecklistItem = QStringLiteral("checklist_item");
} // namespace Entity

namespace Operation {
inline const QString Insert = QStringLiteral("insert");
inline const QString Update = QStringLiteral("update");
inline const QString Delete = QStringLiteral("delete");
} // namespace Operation

} // namespace sitrep

Q_DECLARE_METATYPE(sitrep::Change)
