#pragma once

#include "domain/checklist.h"
#include "store/change.h"

#include <QAbstractItemModel>
#include <QTimer>

namespace sitrep {

class ChecklistService;
class Clock;

// The checklists attached to one incident as a two-level tree: checklists, then their rows —
// a section heading (not selectable, so the arrow keys pass over it) or a step. Columns: the
// step with its check box, its owner role, and its time (taken when completed; a countdown for
// a time-boxed step once the step before it is completed). A tick changes one checklist's rows;
// attaching inserts one top-level row; never a reset for a single change.
class ChecklistModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { StepColumn, OwnerColumn, TimeColumn, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // the step's id; invalid on checklist and section rows
        StateRole,                     // "open", "done", "skipped"
        IsNextRole,                    // true on the next open step of its checklist
        DueAtRole,                     // when a running time-box runs out (UTC ms)
        LinkRole,                      // the step's link, if any
        DepthRole,                     // how deep the step is nested (0 = top level)
        NameRole                       // a checklist row's name, without its count
    };

    ChecklistModel(ChecklistService &service, const Clock &clock, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChecklistModel)

    void setIncident(qint64 incidentId);
    qint64 incident() const { return m_incidentId; }
    int itemCount() const;
    int doneCount() const;
    // The first open item of the first checklist that has one.
    QModelIndex nextOpenItem() const;
    // The next open step after `from` in its checklist, else the first open step anywhere.
    QModelIndex nextOpenItemAfter(const QModelIndex &from) const;
    QModelIndex indexOfItem(qint64 itemId, int column = StepColumn) const;
    std::optional<ChecklistItem> itemAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Checking a step's box ticks it; clearing it unticks it.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    void applyChanges(const QList<sitrep::Change> &changes);

Q_SIGNALS:
    void progressChanged(int done, int total);
    void actionFailed(const QString &message);

private:
    static constexpr quintptr kTopLevel = ~quintptr(0);

    struct Row
    {
        int item = -1; // index into the checklist's items; -1 for a section heading
        QString section;
    };
    struct List
    {
        Checklist checklist;
        QList<Row> rows;
    };

    static List makeList(const Checklist &checklist);
    const ChecklistItem *itemOf(const QModelIndex &index, int *list = nullptr, int *item = nullptr) const;
    QVariant listData(const List &list, int column, int role) const;
    QVariant itemData(const List &list, int item, int column, int role) const;
    void refreshList(int list);
    void tickCountdowns();

    ChecklistService &m_service;
    const Clock &m_clock;
    qint64 m_incidentId = 0;
    QList<List> m_lists;
    QTimer m_countdown;
};

} // namespace sitrep
