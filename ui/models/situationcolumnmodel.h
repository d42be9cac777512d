#pragma once

#include "domain/boardhistory.h"
#include "domain/situationitem.h"
#include "store/change.h"

#include <QAbstractListModel>

namespace sitrep {

class Clock;
class SituationService;

// The cards of one column of the situation board, kept current from the change feed: a card
// added, edited or moved in or out changes just its row (a re-sorted plan step moves its row).
// Plan steps sort as the board shows them: open steps first, contain before fix before verify.
// It can also show the column as it stood at a past moment (showSnapshot): read-only, no ids.
// Cards are dragged between columns as "application/x-sitrep-card"; a drop moves the card.
class SituationColumnModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        OwnerRole,
        StateRole,     // stored key: "open", "answered", "todo", "doing", ...
        TagRole,       // plan: "contain", "fix", "verify" or empty
        AnswerRole,    // known: the answer an unknown was given
        MetaRole,      // the card's small line: who, when, need-by, countdown, back-out
        AlertRole,     // true when a need-by has passed or a time-box has run out
        RiskyRole,
        BackOutRole,
        CardNumberRole // "#12", empty in a snapshot
    };

    static const QString mimeType;

    SituationColumnModel(SituationService &service, const Clock &clock, SituationColumn column,
                         QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SituationColumnModel)

    SituationColumn column() const { return m_column; }
    void setIncident(qint64 incidentId);
    void setUtc(bool utc);
    const SituationItem &itemAt(int row) const { return m_items.at(row); }
    int rowOfItem(qint64 id) const;
    bool isSnapshot() const { return m_snapshot; }

    // The column as it stood at a moment (cards of a BoardSnapshot), then back to live.
    void showSnapshot(const QList<SnapshotCard> &cards);
    void showLive();
    // Repaints the rows whose time-dependent line changes with the clock: countdowns, need-by.
    void refreshTimes();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

    void applyChanges(const QList<sitrep::Change> &changes);

Q_SIGNALS:
    // An edit or a drop was refused: the reason, and what was typed (so it is not lost).
    void refused(const QString &message, const QString &typed);

private:
    void load();
    bool lessThan(const SituationItem &a, const SituationItem &b) const;
    int insertionRow(const SituationItem &item) const;
    QString metaText(const SituationItem &item) const;
    bool isAlert(const SituationItem &item) const;

    SituationService &m_service;
    const Clock &m_clock;
    SituationColumn m_column;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    bool m_snapshot = false;
    QList<SituationItem> m_items;
};

} // namespace sitrep
