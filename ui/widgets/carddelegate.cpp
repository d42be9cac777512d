#include "carddelegate.h"

#include "models/situationcolumnmodel.h"

#include "domain/plansteps.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPainterPath>

namespace sitrep {

namespace {

constexpr int kMargin = 2;  // around the card, inside its row
constexpr int kEdge = 5;    // the coloured edge on the left
constexpr int kPadX = 8;
constexpr int kPadY = 5;
constexpr int kGap = 3;     // between the card's lines

QColor chipText(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white);
}

QFont scaled(QFont font, qreal factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

int wrappedHeight(const QFont &font, const QString &text, int width)
{
    if (text.isEmpty())
        return 0;
    const QFontMetrics fm(font);
    return fm.boundingRect(QRect(0, 0, std::max(width, 20), 100000), Qt::TextWordWrap, text).height();
}

} // namespace

QColor columnColor(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known: return QColor(0x2e, 0x7d, 0x32);
    case SituationColumn::Unknown: return QColor(0xef, 0x6c, 0x00);
    case SituationColumn::Plan: return QColor(0x15, 0x65, 0xc0);
    case SituationColumn::Estimate: return QColor(0x6a, 0x1b, 0x9a);
    }
    return {};
}

CardDelegate::CardDelegate(SituationColumn column, QListView *view)
    : QStyledItemDelegate(view), m_column(column), m_view(view)
{
}

int CardDelegate::contentWidth() const
{
    const int viewport = m_view->viewport()->width() - 2 * m_view->spacing();
    return viewport - 2 * kMargin - kEdge - 2 * kPadX;
}

QString CardDelegate::mainText(const QModelIndex &index) const
{
    // An answered unknown reads as the fact it turned into; its question rides above it.
    const QString answer = index.data(SituationColumnModel::AnswerRole).toString();
    return answer.isEmpty() ? index.data(Qt::DisplayRole).toString() : answer;
}

QString CardDelegate::questionText(const QModelIndex &index) const
{
    if (index.data(SituationColumnModel::AnswerRole).toString().isEmpty())
        return {};
    return tr("↩ %1").arg(index.data(Qt::DisplayRole).toString());
}

QList<CardDelegate::Chip> CardDelegate::chipsFor(const QModelIndex &index) const
{
    QList<Chip> chips;
    if (m_column != SituationColumn::Plan)
        return chips;
    const PlanState state = parsePlanState(index.data(SituationColumnModel::StateRole).toString()).value_or(PlanState::Todo);
    static const QColor stateColors[] = {QColor(0x75, 0x75, 0x75), QColor(0x15, 0x65, 0xc0), QColor(0x2e, 0x7d, 0x32),
                                         QColor(0x9e, 0x9e, 0x9e)};
    chips.append({planStateLabel(state).toUpper(), stateColors[int(state)], QRect()});
    switch (parsePlanTag(index.data(SituationColumnModel::TagRole).toString()).value_or(PlanTag::None)) {
    case PlanTag::Contain: chips.append({planTagLabel(PlanTag::Contain).toUpper(), QColor(0xd8, 0x43, 0x15), QRect()}); break;
    case PlanTag::Fix: chips.append({planTagLabel(PlanTag::Fix).toUpper(), QColor(0x6a, 0x1b, 0x9a), QRect()}); break;
    case PlanTag::Verify: chips.append({planTagLabel(PlanTag::Verify).toUpper(), QColor(0x00, 0x69, 0x5c), QRect()}); break;
    case PlanTag::None: break;
    }
    if (index.data(SituationColumnModel::RiskyRole).toBool()) {
        chips.append({tr("RISKY"), QColor(0xf9, 0xa8, 0x25), QRect()});
        if (index.data(SituationColumnModel::BackOutRole).toString().isEmpty())
            chips.append({tr("NO BACK-OUT"), QColor(0xc6, 0x28, 0x28), QRect()});
    }
    return chips;
}

CardDelegate::Layout CardDelegate::layOut(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    Layout l;
    const QFont small = scaled(option.font, 0.88);
    const QFont chipFont = scaled(option.font, 0.78, true);
    const QFontMetrics chipMetrics(chipFont);
    int y = 0;
    // Chips flow onto a second line rather than being cut off in a narrow column.
    int x = 0;
    for (Chip chip : chipsFor(index)) {
        const int w = chipMetrics.horizontalAdvance(chip.text) + 10;
        if (x > 0 && x + w > width) {
            x = 0;
            y += chipMetrics.height() + 4 + 2;
        }
        chip.rect = QRect(x, y, w, chipMetrics.height() + 4);
        l.chips.append(chip);
        x += w + 4;
    }
    if (!l.chips.isEmpty())
        y += chipMetrics.height() + 4 + kGap;
    const QString question = questionText(index);
    if (!question.isEmpty()) {
        l.question = QRect(0, y, width, wrappedHeight(small, question, width));
        y += l.question.height() + kGap;
    }
    l.main = QRect(0, y, width, wrappedHeight(scaled(option.font, 1.08), mainText(index), width));
    y += l.main.height() + kGap;
    const QFontMetrics sm(small);
    const QString number = index.data(SituationColumnModel::CardNumberRole).toString();
    const int numberWidth = number.isEmpty() ? 0 : sm.horizontalAdvance(number) + 6;
    l.number = QRect(width - numberWidth, y, numberWidth, sm.height());
    QFont metaFont = small;
    metaFont.setBold(index.data(SituationColumnModel::AlertRole).toBool());
    // Who, when and a countdown matter most when they are red: wrap, never cut them off.
    const QString meta = index.data(SituationColumnModel::MetaRole).toString();
    l.meta = QRect(0, y, width - numberWidth, std::max(sm.height(), wrappedHeight(metaFont, meta, width - numberWidth)));
    y += l.meta.height();
    l.height = y;
    return l;
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = contentWidth();
    return {std::max(width, 40), 2 * kMargin + 2 * kPadY + layOut(option, index, width).height};
}

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = selected && (option.state & QStyle::State_HasFocus || m_view->hasFocus());
    const QString state = index.data(SituationColumnModel::StateRole).toString();
    const bool finished = m_column == SituationColumn::Plan
        && (state == planStateKey(PlanState::Done) || state == planStateKey(PlanState::Abandoned));
    const bool alert = index.data(SituationColumnModel::AlertRole).toBool();
    const QColor red(0xc6, 0x28, 0x28);
    const QColor edge = alert ? red : columnColor(m_column);

    QPainterPath shape;
    shape.addRoundedRect(card, 4, 4);
    QColor fill = alert ? QColor(0xff, 0xeb, 0xee) : pal.color(QPalette::Base);
    painter->fillPath(shape, fill);
    if (selected) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(focused ? 60 : 30);
        painter->fillPath(shape, tint);
    }
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 1.5 : 0.6));
    painter->drawPath(shape);
    painter->save();
    painter->setClipRect(QRectF(card.left(), card.top(), kEdge, card.height()));
    painter->fillPath(shape, finished ? pal.color(QPalette::Mid) : edge);
    painter->restore();

    const int width = contentWidth();
    const Layout l = layOut(option, index, width);
    painter->translate(int(card.left()) + kEdge + kPadX, int(card.top()) + kPadY);
    const QColor quiet = pal.color(QPalette::PlaceholderText);
    const QFont small = scaled(option.font, 0.88);

    painter->setFont(scaled(option.font, 0.78, true));
    for (const Chip &chip : l.chips) {
        QPainterPath p;
        p.addRoundedRect(chip.rect, 3, 3);
        painter->fillPath(p, finished ? pal.color(QPalette::Mid) : chip.color);
        painter->setPen(chipText(chip.color));
        painter->drawText(chip.rect, Qt::AlignCenter, chip.text);
    }
    if (!l.question.isEmpty()) {
        painter->setFont(small);
        painter->setPen(quiet);
        painter->drawText(l.question, Qt::TextWordWrap, questionText(index));
    }
    QFont main = scaled(option.font, 1.08);
    main.setStrikeOut(finished && state == planStateKey(PlanState::Abandoned));
    painter->setFont(main);
    painter->setPen(finished ? quiet : pal.color(QPalette::Text));
    painter->drawText(l.main, Qt::TextWordWrap, mainText(index));

    painter->setFont(small);
    painter->setPen(quiet);
    painter->drawText(l.number, Qt::AlignRight, index.data(SituationColumnModel::CardNumberRole).toString());
    QFont metaFont = small;
    metaFont.setBold(alert);
    painter->setFont(metaFont);
    painter->setPen(alert ? red : quiet);
    painter->drawText(l.meta, Qt::TextWordWrap, index.data(SituationColumnModel::MetaRole).toString());
    painter->restore();
}

QWidget *CardDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option);
    Q_UNUSED(index);
    auto *editor = new QLineEdit(parent);
    editor->setObjectName(QStringLiteral("cardEditor"));
    editor->setToolTip(tr("Enter saves, Esc cancels. Markers: @owner #contain #fix #verify !risky box:10m by:09:30 "
                          "answers:12 undo: how to back out"));
    return editor;
}

void CardDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *line = qobject_cast<QLineEdit *>(editor);
    // The view calls this again whenever the row changes (a countdown ticks): fill the editor
    // once, then leave what is typed and where the cursor is alone.
    static const char *const filled = "sitrepFilled";
    if (!line || line->property(filled).toBool())
        return;
    line->setText(m_pending.isEmpty() ? index.data(Qt::EditRole).toString() : m_pending);
    line->setProperty(filled, true);
    m_pending.clear();
}

void CardDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    const QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    editor->setGeometry(r.left(), r.top(), r.width(), std::min(r.height(), editor->sizeHint().height() + 6));
}

} // namespace sitrep
