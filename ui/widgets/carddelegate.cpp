#include "carddelegate.h"

#include "models/situationcolumnmodel.h"

#include "domain/plansteps.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

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
    chips.append({planStateLabel(state).toUpper(), stateColors[int(state)]});
    switch (parsePlanTag(index.data(SituationColumnModel::TagRole).toString()).value_or(PlanTag::None)) {
    case PlanTag::Contain: chips.append({planTagLabel(PlanTag::Contain).toUpper(), QColor(0xd8, 0x43, 0x15)}); break;
    case PlanTag::Fix: chips.append({planTagLabel(PlanTag::Fix).toUpper(), QColor(0x6a, 0x1b, 0x9a)}); break;
    case PlanTag::Verify: chips.append({planTagLabel(PlanTag::Verify).toUpper(), QColor(0x00, 0x69, 0x5c)}); break;
    case PlanTag::None: break;
    }
    if (index.data(SituationColumnModel::RiskyRole).toBool()) {
        chips.append({tr("RISKY"), QColor(0xf9, 0xa8, 0x25)});
        if (index.data(SituationColumnModel::BackOutRole).toString().isEmpty())
            chips.append({tr("NO BACK-OUT"), QColor(0xc6, 0x28, 0x28)});
    }
    return chips;
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = contentWidth();
    const QFont small = scaled(option.font, 0.88);
    const QFont chipFont = scaled(option.font, 0.78, true);
    int h = 2 * kMargin + 2 * kPadY;
    if (m_column == SituationColumn::Plan)
        h += QFontMetrics(chipFont).height() + 4 + kGap;
    const QString question = questionText(index);
    if (!question.isEmpty())
        h += wrappedHeight(scaled(small, 1.0), question, width) + kGap;
    h += wrappedHeight(scaled(option.font, 1.08), mainText(index), width);
    h += kGap + QFontMetrics(small).height();
    return {std::max(width, 40), h};
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
    const QColor edge = alert ? QColor(0xc6, 0x28, 0x28) : columnColor(m_column);

    QPainterPath shape;
    shape.addRoundedRect(card, 4, 4);
    QColor fill = pal.color(QPalette::Base);
    if (selected) {
        fill = pal.color(QPalette::Highlight);
        fill.setAlpha(focused ? 60 : 30);
        painter->fillPath(shape, pal.color(QPalette::Base));
    } else if (alert) {
        fill = QColor(0xff, 0xeb, 0xee);
    }
    painter->fillPath(shape, fill);
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 1.5 : 0.6));
    painter->drawPath(shape);
    QPainterPath edgePath;
    edgePath.addRoundedRect(QRectF(card.left(), card.top(), kEdge + 4, card.height()), 4, 4);
    painter->save();
    painter->setClipRect(QRectF(card.left(), card.top(), kEdge, card.height()));
    painter->fillPath(edgePath, finished ? pal.color(QPalette::Mid) : edge);
    painter->restore();

    const int x = int(card.left()) + kEdge + kPadX;
    const int width = contentWidth();
    int y = int(card.top()) + kPadY;
    const QColor textColor = finished ? pal.color(QPalette::PlaceholderText) : pal.color(QPalette::Text);
    const QFont small = scaled(option.font, 0.88);

    if (m_column == SituationColumn::Plan) {
        const QFont chipFont = scaled(option.font, 0.78, true);
        const QFontMetrics fm(chipFont);
        painter->setFont(chipFont);
        int cx = x;
        for (const Chip &chip : chipsFor(index)) {
            const QRect r(cx, y, fm.horizontalAdvance(chip.text) + 10, fm.height() + 4);
            QPainterPath p;
            p.addRoundedRect(r, 3, 3);
            painter->fillPath(p, finished ? pal.color(QPalette::Mid) : chip.color);
            painter->setPen(chipText(chip.color));
            painter->drawText(r, Qt::AlignCenter, chip.text);
            cx = r.right() + 4;
        }
        y += fm.height() + 4 + kGap;
    }

    const QString question = questionText(index);
    if (!question.isEmpty()) {
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        const int h = wrappedHeight(small, question, width);
        painter->drawText(QRect(x, y, width, h), Qt::TextWordWrap, question);
        y += h + kGap;
    }

    QFont main = scaled(option.font, 1.08);
    main.setStrikeOut(finished && state == planStateKey(PlanState::Abandoned));
    painter->setFont(main);
    painter->setPen(textColor);
    const QString text = mainText(index);
    const int h = wrappedHeight(main, text, width);
    painter->drawText(QRect(x, y, width, h), Qt::TextWordWrap, text);
    y += h + kGap;

    painter->setFont(small);
    const QFontMetrics sm(small);
    const QString number = index.data(SituationColumnModel::CardNumberRole).toString();
    const int numberWidth = number.isEmpty() ? 0 : sm.horizontalAdvance(number) + 6;
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(QRect(x + width - numberWidth, y, numberWidth, sm.height()), Qt::AlignRight, number);
    painter->setPen(alert ? QColor(0xc6, 0x28, 0x28) : pal.color(QPalette::PlaceholderText));
    if (alert) {
        QFont bold = small;
        bold.setBold(true);
        painter->setFont(bold);
    }
    const QString meta = index.data(SituationColumnModel::MetaRole).toString();
    painter->drawText(QRect(x, y, width - numberWidth, sm.height()), Qt::AlignLeft,
                      QFontMetrics(painter->font()).elidedText(meta, Qt::ElideRight, width - numberWidth));
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
    // The view calls this again whenever the row changes (a countdown ticks): keep what is typed.
    if (!line || line->isModified())
        return;
    line->setText(m_pending.isEmpty() ? index.data(Qt::EditRole).toString() : m_pending);
    m_pending.clear();
}

void CardDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    const QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    editor->setGeometry(r.left(), r.top(), r.width(), std::min(r.height(), editor->sizeHint().height() + 6));
}

} // namespace sitrep
