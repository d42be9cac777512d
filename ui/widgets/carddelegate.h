#pragma once

#include "domain/situationitem.h"

#include <QStyledItemDelegate>

class QListView;

namespace sitrep {

// Paints one card of the situation board so it reads from across the room: a coloured edge
// for its column, the text large and wrapped, chips for a plan step's state and purpose
// (contain / fix / verify, risky, no back-out), and a small line with who, when and the
// countdown — red when a time-box has run out or a need-by has passed. Edits in place with a
// line holding the card's markers (@owner #contain box:10m …).
class CardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    CardDelegate(SituationColumn column, QListView *view);
    Q_DISABLE_COPY_MOVE(CardDelegate)

    // The next editor opens with this text instead of the card's: a refused edit comes back
    // with what was typed, so no word is lost.
    void setPendingText(const QString &text) { m_pending = text; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Chip
    {
        QString text;
        QColor color;
        QRect rect; // placed by layOut, relative to the card's content
    };
    // Where everything goes inside a card `width` wide, relative to its content's top left.
    struct Layout
    {
        QList<Chip> chips;
        QRect question;
        QRect main;
        QRect meta;
        QRect number;
        int height = 0;
    };
    Layout layOut(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    QList<Chip> chipsFor(const QModelIndex &index) const;
    QString mainText(const QModelIndex &index) const;
    QString questionText(const QModelIndex &index) const;
    int contentWidth() const;

    SituationColumn m_column;
    QListView *m_view;
    mutable QString m_pending;
};

// The colour that stands for a column on the board (the card's edge, the column heading).
QColor columnColor(SituationColumn column);

} // namespace sitrep
