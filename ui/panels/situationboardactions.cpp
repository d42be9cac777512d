// The situation board panel: what the keys and the add lines do. Every action goes through the
// situation service; the board updates from the change feed.
#include "situationboardpanel.h"

#include "models/situationcolumnmodel.h"
#include "widgets/carddelegate.h"
#include "widgets/estimatestrip.h"

#include "domain/boardinput.h"
#include "services/services.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>

#include <functional>

namespace sitrep {

void SituationBoardPanel::installCardActions(Column &column)
{
    QListView *view = column.view;
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    const SituationColumn c = column.column;
    // Actions on the view: its context menu lists them with their keys, so they can be found.
    const auto add = [this, view, c](const QString &text, const QList<QKeySequence> &keys,
                                     std::function<void(SituationBoardPanel *, Column &)> work) {
        auto *action = new QAction(text, view);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, c, work] {
            if (Column *col = columnOf(c))
                work(this, *col);
        });
        view->addAction(action);
    };

    if (c == SituationColumn::Unknown)
        add(tr("Answer…"), {QKeySequence(Qt::Key_A), QKeySequence(Qt::CTRL | Qt::Key_Return)},
            [](SituationBoardPanel *p, Column &) { p->answerCurrent(); });
    if (c == SituationColumn::Plan) {
        add(tr("Start / finish the step"), {QKeySequence(Qt::Key_Space)},
            [](SituationBoardPanel *p, Column &) { p->advanceCurrent(); });
        add(tr("Step back (pause, or reopen)"), {QKeySequence(Qt::SHIFT | Qt::Key_Space)},
            [](SituationBoardPanel *p, Column &) { p->stepBackCurrent(); });
        add(tr("Abandon the step"), {QKeySequence(Qt::SHIFT | Qt::Key_Delete)},
            [](SituationBoardPanel *p, Column &) { p->abandonCurrent(); });
    }
    add(tr("Edit in place"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
        [](SituationBoardPanel *p, Column &col) { p->editCurrent(col); });
    if (c != SituationColumn::Plan)
        add(tr("Move to “%1”").arg(situationColumnLabel(c == SituationColumn::Known ? SituationColumn::Unknown
                                                                                     : SituationColumn::Plan)),
            {QKeySequence(Qt::CTRL | Qt::Key_Right)}, [](SituationBoardPanel *p, Column &col) { p->moveCurrent(col, +1); });
    if (c != SituationColumn::Known)
        add(tr("Move to “%1”").arg(situationColumnLabel(c == SituationColumn::Plan ? SituationColumn::Unknown
                                                                                    : SituationColumn::Known)),
            {QKeySequence(Qt::CTRL | Qt::Key_Left)}, [](SituationBoardPanel *p, Column &col) { p->moveCurrent(col, -1); });
    add(tr("Remove the card"), {QKeySequence(Qt::Key_Delete)},
        [](SituationBoardPanel *p, Column &col) { p->removeCurrent(col); });
}

SituationBoardPanel::Column *SituationBoardPanel::columnOf(SituationColumn column)
{
    for (Column &c : m_columns) {
        if (c.column == column)
            return &c;
    }
    return nullptr;
}

SituationBoardPanel::Column *SituationBoardPanel::columnOfView(const QObject *view)
{
    for (Column &c : m_columns) {
        if (c.view == view || c.add == view)
            return &c;
    }
    return nullptr;
}

qint64 SituationBoardPanel::currentItem(const Column &column) const
{
    const QModelIndex current = column.view->currentIndex();
    return current.isValid() ? current.data(SituationColumnModel::ItemIdRole).toLongLong() : 0;
}

bool SituationBoardPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_estimate->input()) {
        if (key->key() == Qt::Key_Down && columnView(SituationColumn::Known)) {
            focusColumn(0);
            return true;
        }
        return false;
    }
    Column *column = columnOfView(watched);
    if (!column)
        return QWidget::eventFilter(watched, event);
    const int index = int(column - m_columns.data());
    if (watched == column->view && key->modifiers() == Qt::NoModifier) {
        // Left and Right walk between the columns; the cards of one column run up and down.
        if (key->key() == Qt::Key_Left && index > 0) {
            focusColumn(index - 1);
            return true;
        }
        if (key->key() == Qt::Key_Right && index + 1 < m_columns.size()) {
            focusColumn(index + 1);
            return true;
        }
        if (key->key() == Qt::Key_Down && column->view->currentIndex().row() == column->model->rowCount() - 1
            && column->add->isEnabled()) {
            column->add->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    if (watched == column->add) {
        if (key->key() == Qt::Key_Escape) {
            if (m_answering && column->column == SituationColumn::Unknown)
                stopAnswering();
            focusColumn(index);
            return true;
        }
        if (key->key() == Qt::Key_Up && key->modifiers() == Qt::NoModifier) {
            focusColumn(index);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SituationBoardPanel::focusColumn(int index)
{
    if (index < 0 || index >= m_columns.size())
        return;
    QListView *view = m_columns.at(index).view;
    view->setFocus(Qt::TabFocusReason);
    if (!view->currentIndex().isValid() && view->model()->rowCount() > 0)
        view->setCurrentIndex(view->model()->index(0, 0));
}

void SituationBoardPanel::focusAddLine(SituationColumn column)
{
    // Typing means now: leave the past board first.
    if (m_asOf)
        showAsOf(std::nullopt);
    if (column == SituationColumn::Estimate) {
        m_estimate->input()->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (Column *c = columnOf(column))
        c->add->setFocus(Qt::ShortcutFocusReason);
}

void SituationBoardPanel::addTo(Column &column)
{
    if (m_incidentId == 0 || m_asOf)
        return;
    if (m_answering && column.column == SituationColumn::Unknown) {
        const Result<SituationItem> answered = m_services.situation.answer(m_answering, column.add->text());
        if (!answered) {
            showFeedback(answered.error().message);
            return;
        }
        stopAnswering();
        showFeedback(tr("Answered: %1 → %2").arg(answered->text, answered->answer), false);
        focusColumn(int(&column - m_columns.data()));
        return;
    }
    const Result<SituationItem> added = m_services.situation.addFromText(m_incidentId, column.column, column.add->text());
    if (!added) {
        showFeedback(added.error().message); // the text stays in the line to be fixed
        return;
    }
    column.add->clear();
    showFeedback({});
}

void SituationBoardPanel::submitEstimate(const QString &line)
{
    if (m_incidentId == 0 || m_asOf)
        return;
    const Result<EstimateDraft> draft = parseEstimateInput(line);
    if (!draft) {
        showFeedback(draft.error().message);
        return;
    }
    const Confidence confidence = draft->confidence.value_or(
        m_revisions.isEmpty() ? Confidence::Medium : m_revisions.constLast().confidence);
    const Result<Estimate> made =
        m_services.situation.estimate(m_incidentId, draft->lowMs, draft->highMs, confidence, draft->basis);
    if (!made) {
        showFeedback(made.error().message);
        return;
    }
    m_estimate->input()->clear();
    showFeedback({});
}

void SituationBoardPanel::editCurrent(Column &column)
{
    const QModelIndex current = column.view->currentIndex();
    if (current.isValid() && !m_asOf)
        column.view->edit(current);
}

void SituationBoardPanel::onRefused(Column &column, const QString &message, const QString &typed)
{
    showFeedback(message);
    if (typed.isEmpty())
        return;
    // Reopen the editor with what was typed: a refused edit must not cost the words.
    const QModelIndex current = column.view->currentIndex();
    column.delegate->setPendingText(typed);
    QListView *view = column.view;
    QTimer::singleShot(0, view, [view, current] {
        if (current.isValid())
            view->edit(current);
    });
}

void SituationBoardPanel::moveCurrent(Column &column, int direction)
{
    const qint64 id = currentItem(column);
    const int index = int(&column - m_columns.data()) + direction;
    if (!id || index < 0 || index >= m_columns.size())
        return;
    const SituationColumn to = m_columns.at(index).column;
    const Result<SituationItem> moved = m_services.situation.move(id, to);
    if (!moved) {
        showFeedback(moved.error().message);
        return;
    }
    showFeedback({});
    // Follow the card, so a second press moves it on.
    Column &target = m_columns[index];
    const int row = target.model->rowOfItem(id);
    if (row >= 0) {
        target.view->setFocus(Qt::TabFocusReason);
        target.view->setCurrentIndex(target.model->index(row));
    }
}

void SituationBoardPanel::removeCurrent(Column &column)
{
    const qint64 id = currentItem(column);
    if (!id)
        return;
    const int row = column.view->currentIndex().row();
    const Result<SituationItem> removed = m_services.situation.remove(id);
    if (!removed) {
        showFeedback(removed.error().message);
        return;
    }
    showFeedback(tr("Removed “%1” — the timeline keeps its words.").arg(removed->text), false);
    if (column.model->rowCount() > 0)
        column.view->setCurrentIndex(column.model->index(std::min(row, column.model->rowCount() - 1)));
}

void SituationBoardPanel::answerCurrent()
{
    if (Column *unknowns = columnOf(SituationColumn::Unknown)) {
        if (const qint64 id = currentItem(*unknowns))
            startAnswer(id);
    }
}

void SituationBoardPanel::startAnswer(qint64 unknownItemId)
{
    Column *unknowns = columnOf(SituationColumn::Unknown);
    const Result<SituationItem> item = m_services.situation.item(unknownItemId);
    if (!unknowns || !item || m_asOf)
        return;
    if (const std::optional<QString> problem = checkAnswer(item.value(), QStringLiteral("-"))) {
        showFeedback(*problem);
        return;
    }
    if (!m_answering)
        m_savedDraft = unknowns->add->text();
    m_answering = unknownItemId;
    unknowns->add->clear();
    unknowns->add->setPlaceholderText(tr("The answer — Enter records it, Esc cancels"));
    m_answerHint->setText(tr("Answering #%1: %2").arg(QString::number(unknownItemId), item->text));
    m_answerHint->show();
    unknowns->add->setFocus(Qt::ShortcutFocusReason);
}

void SituationBoardPanel::stopAnswering()
{
    if (!m_answering)
        return;
    m_answering = 0;
    m_answerHint->hide();
    if (Column *unknowns = columnOf(SituationColumn::Unknown)) {
        unknowns->add->setText(m_savedDraft);
        unknowns->add->setPlaceholderText(tr("Add a question… (Ctrl+2)"));
    }
    m_savedDraft.clear();
}

void SituationBoardPanel::advanceCurrent()
{
    Column *plan = columnOf(SituationColumn::Plan);
    const qint64 id = plan ? currentItem(*plan) : 0;
    if (!id)
        return;
    const Result<SituationItem> step = m_services.situation.advancePlanStep(id);
    if (!step) {
        showFeedback(step.error().message);
        return;
    }
    showFeedback({});
    const int row = plan->model->rowOfItem(id);
    if (row >= 0)
        plan->view->setCurrentIndex(plan->model->index(row));
    if (step->state == planStateKey(PlanState::Done))
        afterStepDone(id);
}

void SituationBoardPanel::afterStepDone(qint64 stepId)
{
    // A step that was to answer a question: the answer is the next thing to write down.
    const Result<SituationItem> step = m_services.situation.item(stepId);
    if (!step)
        return;
    for (qint64 unknown : step->answers) {
        const Result<SituationItem> question = m_services.situation.item(unknown);
        if (question && question->column == SituationColumn::Unknown) {
            startAnswer(unknown);
            showFeedback(tr("Step done. It was to answer #%1 — type the answer, or Esc to leave it open.")
                             .arg(unknown), false);
            return;
        }
    }
}

void SituationBoardPanel::stepBackCurrent()
{
    Column *plan = columnOf(SituationColumn::Plan);
    const qint64 id = plan ? currentItem(*plan) : 0;
    if (!id)
        return;
    const Result<SituationItem> step = m_services.situation.item(id);
    if (!step)
        return;
    const PlanState from = parsePlanState(step->state).value_or(PlanState::Todo);
    const PlanState to = from == PlanState::Done ? PlanState::Doing : PlanState::Todo;
    const Result<SituationItem> changed = m_services.situation.setPlanState(id, to);
    showFeedback(changed ? QString() : changed.error().message);
}

void SituationBoardPanel::abandonCurrent()
{
    Column *plan = columnOf(SituationColumn::Plan);
    const qint64 id = plan ? currentItem(*plan) : 0;
    if (!id)
        return;
    const Result<SituationItem> changed = m_services.situation.setPlanState(id, PlanState::Abandoned);
    showFeedback(changed ? QString() : changed.error().message);
}

} // namespace sitrep
