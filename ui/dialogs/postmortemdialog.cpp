#include "postmortemdialog.h"

#include "models/actionitemmodel.h"
#include "widgets/actionitemdelegate.h"

#include "domain/duration.h"
#include "domain/metrics.h"
#include "report/reportdata.h"
#include "services/services.h"
#include "store/postmortemrepository.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sitrep {

namespace {

constexpr int kAutosaveMs = 2000;

// "1,840" and "1840" alike; nothing for an empty field; -1 for text that is not a count.
std::optional<qint64> parseCount(const QString &text, bool *ok)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(',')).remove(QLatin1Char(' ')).remove(QChar(0x202f));
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    const qint64 n = t.toLongLong(ok);
    if (!*ok || n < 0)
        *ok = false;
    return n;
}

// "49,210.66" as cents.
std::optional<qint64> parseMoney(const QString &text, bool *ok)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(',')).remove(QLatin1Char(' '));
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    const double value = QLocale::c().toDouble(t, ok);
    if (!*ok || value < 0 || value > 1e15) {
        *ok = false;
        return std::nullopt;
    }
    return qint64(value * 100.0 + 0.5);
}

QString countText(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QString();
}

} // namespace

PostmortemDialog::PostmortemDialog(Services &services, qint64 incidentId, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_incidentId(incidentId)
    , m_autosave(new QTimer(this))
    , m_heading(new QLabel(this))
    , m_state(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_actions(new ActionItemModel(services, this))
{
    setObjectName(QStringLiteral("postmortemDialog"));
    resize(820, 640);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, [this] { save(); });

    m_heading->setObjectName(QStringLiteral("postmortemHeading"));
    m_heading->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("postmortemSaveState"));
    m_state->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("postmortemTabs"));
    m_tabs->addTab(reviewTab(), tr("&Review and impact"));
    m_tabs->addTab(responseTab(), tr("&Detection and response"));
    m_tabs->addTab(causesTab(), tr("&Causes"));
    m_tabs->addTab(lessonsTab(), tr("&Lessons"));
    m_tabs->addTab(actionsTab(), tr("&Action items"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(&services.feed(), &ChangeFeed::changed, this, &PostmortemDialog::onChanges);
    m_actions->setIncident(incidentId);
    load();
}

QPlainTextEdit *PostmortemDialog::textEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    connect(edit, &QPlainTextEdit::textChanged, this, &PostmortemDialog::edited);
    return edit;
}

QLineEdit *PostmortemDialog::lineEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textEdited, this, &PostmortemDialog::edited);
    return edit;
}

QWidget *PostmortemDialog::reviewTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_owner = lineEdit(QStringLiteral("postmortemOwner"), tr("who runs the review"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("postmortemStatus"));
    for (ReviewStatus s : allReviewStatuses())
        m_status->addItem(reviewStatusLabel(s), reviewStatusKey(s));
    connect(m_status, &QComboBox::currentIndexChanged, this, &PostmortemDialog::edited);
    m_summary = textEdit(QStringLiteral("postmortemSummary"),
                         tr("What happened, what it cost, what we changed: a paragraph a manager reads first."));
    form->addRow(tr("Review &owner"), m_owner);
    form->addRow(tr("Review &status"), m_status);
    form->addRow(tr("Executive s&ummary"), m_summary);

    auto *impact = new QGroupBox(tr("Impact"), page);
    auto *grid = new QFormLayout(impact);
    m_measures = new QLabel(impact);
    m_measures->setObjectName(QStringLiteral("postmortemMeasures"));
    m_measures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_measures->setWordWrap(true);
    grid->addRow(tr("Measured"), m_measures);
    m_affected = lineEdit(QStringLiteral("postmortemAffected"), tr("how many"));
    m_affectedUnit = lineEdit(QStringLiteral("postmortemAffectedUnit"), tr("customers, users, orders…"));
    auto *affected = new QHBoxLayout;
    affected->addWidget(m_affected);
    affected->addWidget(m_affectedUnit);
    grid->addRow(tr("Affected"), affected);
    m_support = lineEdit(QStringLiteral("postmortemSupport"), tr("support requests about it"));
    grid->addRow(tr("Support &requests"), m_support);
    m_cost = lineEdit(QStringLiteral("postmortemCost"), tr("leave empty to estimate from the cost per minute"));
    grid->addRow(tr("Cos&t"), m_cost);
    form->addRow(impact);
    return page;
}

QWidget *PostmortemDialog::responseTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_detection = textEdit(QStringLiteral("postmortemDetection"),
                           tr("How did we find out? How long did it take, and could we have known sooner?"));
    m_response = textEdit(QStringLiteral("postmortemResponse"),
                          tr("What we did to contain and recover, in order, and what slowed us down."));
    form->addRow(tr("&Detection"), m_detection);
    form->addRow(tr("&Response and recovery"), m_response);
    return page;
}

QWidget *PostmortemDialog::causesTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_rootCauses = textEdit(QStringLiteral("postmortemRootCauses"), tr("Why it could happen: the conditions, not the people."));
    m_trigger = textEdit(QStringLiteral("postmortemTrigger"), tr("What set it off: the change or event."));
    m_trigger->setMaximumHeight(90);
    form->addRow(tr("Root &causes"), m_rootCauses);
    form->addRow(tr("&Trigger"), m_trigger);
    for (int n = 1; n <= 5; ++n) {
        QLineEdit *why = lineEdit(QStringLiteral("postmortemWhy%1").arg(n), n == 1 ? tr("optional: ask why, five times") : QString());
        form->addRow(tr("Why %1").arg(n), why);
        m_whys << why;
    }
    return page;
}

QWidget *PostmortemDialog::lessonsTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    const QString perLine = tr("one point per line");
    m_wentWell = textEdit(QStringLiteral("postmortemWentWell"), perLine);
    m_wentPoorly = textEdit(QStringLiteral("postmortemWentPoorly"), perLine);
    m_gotLucky = textEdit(QStringLiteral("postmortemGotLucky"), perLine);
    m_lessons = textEdit(QStringLiteral("postmortemLessons"), tr("What we now know, and what changes because of it."));
    form->addRow(tr("What went &well"), m_wentWell);
    form->addRow(tr("What went &poorly"), m_wentPoorly);
    form->addRow(tr("Where we got &lucky"), m_gotLucky);
    form->addRow(tr("Lessons &learned"), m_lessons);
    return page;
}

QWidget *PostmortemDialog::actionsTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_actionView = new QTableView(page);
    m_actionView->setObjectName(QStringLiteral("actionItemsView"));
    m_actionView->setModel(m_actions);
    m_actionView->setItemDelegate(new ActionItemDelegate(m_actionView));
    m_actionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actionView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                  | QAbstractItemView::AnyKeyPressed);
    m_actionView->setWordWrap(true);
    m_actionView->horizontalHeader()->setSectionResizeMode(ActionItemModel::TextColumn, QHeaderView::Stretch);
    m_actionView->verticalHeader()->setVisible(false);
    connect(m_actions, &ActionItemModel::problem, this, &PostmortemDialog::showProblem);
    layout->addWidget(m_actionView, 1);

    auto *row = new QHBoxLayout;
    m_newAction = new QLineEdit(page);
    m_newAction->setObjectName(QStringLiteral("newActionText"));
    m_newAction->setPlaceholderText(tr("A new action item: what will be done (then set owner, type, due in the table)"));
    auto *add = new QPushButton(tr("A&dd"), page);
    add->setObjectName(QStringLiteral("addActionItem"));
    auto *remove = new QPushButton(tr("Re&move"), page);
    remove->setObjectName(QStringLiteral("removeActionItem"));
    connect(m_newAction, &QLineEdit::returnPressed, this, &PostmortemDialog::addAction);
    connect(add, &QPushButton::clicked, this, &PostmortemDialog::addAction);
    connect(remove, &QPushButton::clicked, this, &PostmortemDialog::removeAction);
    row->addWidget(m_newAction, 1);
    row->addWidget(add);
    row->addWidget(remove);
    layout->addLayout(row);
    return page;
}

void PostmortemDialog::load()
{
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (!incident) {
        showProblem(incident.error().message);
        return;
    }
    setWindowTitle(tr("Postmortem — %1").arg(incident->title));
    m_heading->setText(QStringLiteral("<b>%1</b><br>%2").arg(incident->title.toHtmlEscaped(),
                                                            reportStatusLine(incident.value()).toHtmlEscaped()));
    const Result<Postmortem> stored = m_services.postmortems.postmortem(m_incidentId);
    if (!stored) {
        showProblem(stored.error().message);
        return;
    }
    m_stored = stored.value();
    m_loading = true;
    const Postmortem &p = m_stored;
    m_owner->setText(p.owner);
    m_status->setCurrentIndex(std::max(0, m_status->findData(reviewStatusKey(p.status))));
    m_summary->setPlainText(p.summary);
    m_affected->setText(countText(p.affectedCount));
    m_affectedUnit->setText(p.affectedUnit);
    m_support->setText(countText(p.supportRequests));
    m_cost->setText(p.costCents ? reportMoney(*p.costCents) : QString());
    m_detection->setPlainText(p.detection);
    m_response->setPlainText(p.response);
    m_rootCauses->setPlainText(p.rootCauses);
    m_trigger->setPlainText(p.trigger);
    for (qsizetype n = 0; n < m_whys.size(); ++n)
        m_whys.at(n)->setText(p.fiveWhys.value(n));
    m_wentWell->setPlainText(p.wentWell);
    m_wentPoorly->setPlainText(p.wentPoorly);
    m_gotLucky->setPlainText(p.gotLucky);
    m_lessons->setPlainText(p.lessons);
    m_loading = false;
    m_dirty = false;
    refreshMeasures();
}

void PostmortemDialog::refreshMeasures()
{
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (!incident)
        return;
    const IncidentMetrics m = computeMetrics(incident.value(), m_services.clock().nowMs());
    QStringList lines{tr("Duration of impact %1%2").arg(reportDuration(m.impactMs), m.impactOngoing ? tr(" (ongoing)") : QString()),
                      tr("Time to detect %1 · acknowledge %2 · mitigate %3 · resolve %4")
                          .arg(reportDuration(m.timeToDetectMs), reportDuration(m.timeToAcknowledgeMs),
                               reportDuration(m.timeToMitigateMs), reportDuration(m.timeToResolveMs))};
    if (m.costCents)
        lines << tr("Estimated cost %1 at the incident's cost per minute").arg(reportMoney(*m.costCents));
    m_measures->setText(lines.join(QLatin1Char('\n')));
}

void PostmortemDialog::edited()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_state->setText(tr("Editing…"));
    m_state->setStyleSheet(QString());
    m_autosave->start();
}

void PostmortemDialog::showProblem(const QString &message)
{
    m_state->setText(message);
    m_state->setStyleSheet(QStringLiteral("color: #c62828;"));
}

std::optional<Postmortem> PostmortemDialog::fromForm()
{
    Postmortem p = m_stored;
    p.owner = m_owner->text();
    p.status = parseReviewStatus(m_status->currentData().toString()).value_or(ReviewStatus::Draft);
    p.summary = m_summary->toPlainText();
    bool ok = true;
    p.affectedCount = parseCount(m_affected->text(), &ok);
    if (!ok) {
        showProblem(tr("Affected: \"%1\" is not a number of people or things.").arg(m_affected->text()));
        return std::nullopt;
    }
    p.affectedUnit = m_affectedUnit->text();
    p.supportRequests = parseCount(m_support->text(), &ok);
    if (!ok) {
        showProblem(tr("Support requests: \"%1\" is not a number.").arg(m_support->text()));
        return std::nullopt;
    }
    p.costCents = parseMoney(m_cost->text(), &ok);
    if (!ok) {
        showProblem(tr("Cost: \"%1\" is not an amount like 1,250.00.").arg(m_cost->text()));
        return std::nullopt;
    }
    p.detection = m_detection->toPlainText();
    p.response = m_response->toPlainText();
    p.rootCauses = m_rootCauses->toPlainText();
    p.trigger = m_trigger->toPlainText();
    p.fiveWhys.clear();
    for (QLineEdit *why : std::as_const(m_whys))
        p.fiveWhys << why->text();
    p.wentWell = m_wentWell->toPlainText();
    p.wentPoorly = m_wentPoorly->toPlainText();
    p.gotLucky = m_gotLucky->toPlainText();
    p.lessons = m_lessons->toPlainText();
    return p;
}

bool PostmortemDialog::save()
{
    m_autosave->stop();
    if (!m_dirty)
        return true;
    const std::optional<Postmortem> form = fromForm();
    if (!form)
        return false;
    const Result<Postmortem> saved = m_services.postmortems.save(m_incidentId, *form);
    if (!saved) {
        showProblem(saved.error().message);
        return false;
    }
    m_stored = saved.value();
    m_dirty = false;
    m_state->setStyleSheet(QString());
    m_state->setText(tr("Saved at %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_services.clock().nowMs()).time(),
                                                               QLocale::ShortFormat)));
    return true;
}

QString PostmortemDialog::problem() const
{
    return m_state->styleSheet().isEmpty() ? QString() : m_state->text();
}

void PostmortemDialog::done(int result)
{
    // Closing never loses words: what is typed is saved first (a refusal stays shown, open).
    if (m_dirty && !save())
        return;
    QDialog::done(result);
}

void PostmortemDialog::addAction()
{
    const QString text = m_newAction->text().trimmed();
    if (text.isEmpty()) {
        showProblem(tr("Type what will be done first."));
        return;
    }
    ActionItem draft;
    draft.text = text;
    const Result<ActionItem> added = m_services.postmortems.addActionItem(m_incidentId, draft);
    if (!added) {
        showProblem(added.error().message);
        return;
    }
    m_newAction->clear();
    m_state->setStyleSheet(QString());
    m_state->setText(tr("Action item added; set its owner, type and due date in the table."));
}

void PostmortemDialog::removeAction()
{
    const QModelIndex current = m_actionView->currentIndex();
    if (!current.isValid()) {
        showProblem(tr("Select the action item to remove."));
        return;
    }
    const Result<ActionItem> removed = m_services.postmortems.removeActionItem(m_actions->item(current.row()).id);
    if (!removed)
        showProblem(removed.error().message);
}

void PostmortemDialog::onChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.incidentId != m_incidentId)
            continue;
        // Someone else saved the review: show theirs unless we are in the middle of typing.
        if (c.entity == Entity::Postmortem && !m_dirty && c.entityId != 0) {
            const Result<Postmortem> stored = m_services.postmortems.postmortem(m_incidentId);
            if (stored && !stored->sameContent(m_stored))
                load();
        }
        if (c.entity == Entity::Incident)
            refreshMeasures();
    }
}

} // namespace sitrep
