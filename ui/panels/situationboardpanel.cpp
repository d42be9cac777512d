#include "situationboardpanel.h"

#include "models/situationcolumnmodel.h"

#include "services/services.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace sitrep {

namespace {

QString columnHint(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known: return QObject::tr("Add a confirmed fact…");
    case SituationColumn::Unknown: return QObject::tr("Add a question we need answered…");
    case SituationColumn::Plan: return QObject::tr("Add a step: how we find out or fix…");
    case SituationColumn::Estimate: return QObject::tr("Add an estimate, e.g. 30–90 min…");
    }
    return {};
}

} // namespace

SituationBoardPanel::SituationBoardPanel(Services &services, QWidget *parent)
    : QWidget(parent), m_services(services), m_feedback(new QLabel(this))
{
    setObjectName(QStringLiteral("situationBoard"));
    auto *title = new QLabel(tr("<b>Situation</b>"), this);
    // The estimate is one range, not a pile of cards: it runs across the top of the board, and
    // the three columns that change all the time get the width.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(8);
    QWidget *estimate = nullptr;
    for (SituationColumn c : allSituationColumns()) {
        Column column{c, new SituationColumnModel(services.situation, c, this), nullptr, nullptr};
        QWidget *box = buildColumn(column);
        if (c == SituationColumn::Estimate) {
            column.view->setMaximumHeight(column.view->fontMetrics().height() * 3 + 12);
            estimate = box;
        } else {
            columns->addWidget(box, 1);
        }
        m_columns.append(column);
        connect(&services.feed(), &ChangeFeed::changed, column.model, &SituationColumnModel::applyChanges);
    }
    m_feedback->setObjectName(QStringLiteral("situationFeedback"));
    m_feedback->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_feedback->setWordWrap(true);
    m_feedback->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(estimate);
    layout->addLayout(columns, 1);
    layout->addWidget(m_feedback);
}

QWidget *SituationBoardPanel::buildColumn(Column &column)
{
    const QString key = situationColumnKey(column.column);
    auto *box = new QWidget(this);
    auto *heading = new QLabel(situationColumnLabel(column.column).toUpper(), box);
    heading->setStyleSheet(QStringLiteral("font-weight: bold; color: palette(highlight);"));
    column.view = new QListView(box);
    column.view->setObjectName(QStringLiteral("situationList_") + key);
    column.view->setModel(column.model);
    column.view->setWordWrap(true);
    column.view->setSpacing(2);
    column.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    column.add = new QLineEdit(box);
    column.add->setObjectName(QStringLiteral("situationAdd_") + key);
    column.add->setPlaceholderText(columnHint(column.column));
    column.add->setEnabled(false);

    // Moving a card: its context menu offers the other columns.
    column.view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (SituationColumn to : allSituationColumns()) {
        if (to == column.column)
            continue;
        auto *move = new QAction(tr("Move to “%1”").arg(situationColumnLabel(to)), column.view);
        const Column copy = column;
        connect(move, &QAction::triggered, this, [this, copy, to] { moveSelected(copy, to); });
        column.view->addAction(move);
    }

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(heading);
    layout->addWidget(column.view, 1);
    layout->addWidget(column.add);
    const Column copy = column;
    connect(column.add, &QLineEdit::returnPressed, this, [this, copy] { addTo(copy); });
    return box;
}

void SituationBoardPanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    for (const Column &c : std::as_const(m_columns)) {
        c.model->setIncident(incidentId);
        c.add->setEnabled(incidentId != 0);
    }
    m_feedback->hide();
}

void SituationBoardPanel::focusAddLine(SituationColumn column)
{
    for (const Column &c : std::as_const(m_columns)) {
        if (c.column == column)
            c.add->setFocus(Qt::ShortcutFocusReason);
    }
}

SituationColumnModel *SituationBoardPanel::columnModel(SituationColumn column) const
{
    for (const Column &c : m_columns) {
        if (c.column == column)
            return c.model;
    }
    return nullptr;
}

void SituationBoardPanel::addTo(const Column &column)
{
    if (m_incidentId == 0)
        return;
    const Result<SituationItem> added = m_services.situation.add(m_incidentId, column.column, column.add->text());
    if (!added) {
        m_feedback->setText(added.error().message);
        m_feedback->show();
        return;
    }
    column.add->clear();
    m_feedback->hide();
}

void SituationBoardPanel::moveSelected(const Column &column, SituationColumn to)
{
    const QModelIndex current = column.view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(SituationColumnModel::ItemIdRole).toLongLong();
    const Result<SituationItem> moved = m_services.situation.move(id, to);
    if (!moved) {
        m_feedback->setText(moved.error().message);
        m_feedback->show();
    }
}

} // namespace sitrep
