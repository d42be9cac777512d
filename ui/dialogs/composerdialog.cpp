#include "composerdialog.h"

#include "models/outboxmodel.h"
#include "widgets/channelpreviewpane.h"

#include "domain/timeformat.h"
#include "services/services.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace sitrep {

namespace {

// Short enough that a crash loses at most a fraction of a word, long enough that a fast
// typist does not write to disk on every key.
constexpr int kDraftDelayMs = 250;
constexpr int kPreviewDelayMs = 150;

std::optional<QString> askWhyNot(QWidget *parent)
{
    bool ok = false;
    const QString reason = QInputDialog::getText(parent, ComposerDialog::tr("Not sending the all-clear"),
                                                 ComposerDialog::tr("Why is the all-clear not sent? The record keeps the reason."),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return reason;
}

} // namespace

ComposerDialog::ComposerDialog(Services &services, qint64 incidentId, UpdateKind kind, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_incidentId(incidentId)
    , m_kind(kind)
    , m_dismissPrompt(askWhyNot)
    , m_headline(new QLabel(this))
    , m_drill(new QLabel(tr("DRILL — nothing leaves this machine: messages are marked and kept local"), this))
    , m_cadence(new QLabel(this))
    , m_tabs(new QTabBar(this))
    , m_body(new QPlainTextEdit(this))
    , m_next(new QLineEdit(this))
    , m_draftState(new QLabel(this))
    , m_preview(new ChannelPreviewPane(this))
    , m_channels(new QLabel(this))
    , m_outbox(new OutboxModel(services.updates, services.feed(), this))
    , m_outboxView(new QTableView(this))
    , m_feedback(new QLabel(this))
    , m_reset(new QPushButton(tr("Start again from the template"), this))
    , m_channelsButton(new QPushButton(tr("Channels…"), this))
    , m_resend(new QPushButton(tr("Send again"), this))
    , m_dismiss(new QPushButton(tr("Not sending it…"), this))
    , m_sendAll(new QPushButton(this))
    , m_send(new QPushButton(this))
{
    setObjectName(QStringLiteral("composer"));
    m_headline->setObjectName(QStringLiteral("composerHeadline"));
    m_drill->setObjectName(QStringLiteral("composerDrill"));
    m_cadence->setObjectName(QStringLiteral("composerCadence"));
    m_tabs->setObjectName(QStringLiteral("composerAudiences"));
    m_body->setObjectName(QStringLiteral("composerBody"));
    m_next->setObjectName(QStringLiteral("composerNext"));
    m_draftState->setObjectName(QStringLiteral("composerDraftState"));
    m_channels->setObjectName(QStringLiteral("composerChannels"));
    m_outboxView->setObjectName(QStringLiteral("composerOutbox"));
    m_feedback->setObjectName(QStringLiteral("composerFeedback"));
    m_reset->setObjectName(QStringLiteral("composerReset"));
    m_resend->setObjectName(QStringLiteral("composerResend"));
    m_dismiss->setObjectName(QStringLiteral("composerDismiss"));
    m_sendAll->setObjectName(QStringLiteral("composerSendAll"));
    m_send->setObjectName(QStringLiteral("composerSend"));

    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_drill->setStyleSheet(QStringLiteral("QLabel { background: #6a1b9a; color: white; border-radius: 4px; padding: 3px 8px; }"));
    m_cadence->setWordWrap(true);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("What happened, what is being done, when the next update comes."));
    m_body->setMinimumWidth(380);
    m_draftState->setStyleSheet(QStringLiteral("color: #607d8b;"));
    m_channels->setWordWrap(true);
    m_channels->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_feedback->setWordWrap(true);
    m_outboxView->setModel(m_outbox);
    m_outboxView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_outboxView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_outboxView->verticalHeader()->hide();
    QHeaderView *columns = m_outboxView->horizontalHeader();
    columns->setStretchLastSection(true);
    for (int c : {OutboxModel::TimeColumn, OutboxModel::AudienceColumn, OutboxModel::ChannelColumn, OutboxModel::StateColumn,
                  OutboxModel::AttemptsColumn})
        columns->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_outboxView->setWordWrap(false);
    m_outboxView->setMaximumHeight(150);
    m_send->setDefault(true);
    m_send->setToolTip(tr("Ctrl+Return"));

    auto *editor = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_body, 1);
    auto *nextRow = new QHBoxLayout;
    auto *nextLabel = new QLabel(tr("&Next update:"), editor);
    nextLabel->setBuddy(m_next);
    nextRow->addWidget(nextLabel);
    nextRow->addWidget(m_next, 1);
    editorLayout->addLayout(nextRow);
    auto *draftRow = new QHBoxLayout;
    draftRow->addWidget(m_reset);
    draftRow->addWidget(m_draftState, 1);
    editorLayout->addLayout(draftRow);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(editor);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 560});

    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(m_channels, 1);
    channelRow->addWidget(m_channelsButton);

    auto *deliveryRow = new QHBoxLayout;
    auto *deliveryLabel = new QLabel(tr("<b>Delivery</b>"), this);
    deliveryRow->addWidget(deliveryLabel);
    deliveryRow->addStretch(1);
    deliveryRow->addWidget(m_resend);

    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    buttons->addWidget(close);
    buttons->addWidget(m_sendAll);
    buttons->addWidget(m_send);

    auto *top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(m_drill);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_cadence);
    layout->addWidget(m_tabs);
    layout->addWidget(split, 1);
    layout->addLayout(channelRow);
    layout->addLayout(deliveryRow);
    layout->addWidget(m_outboxView);
    layout->addWidget(m_feedback);
    layout->addLayout(buttons);

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftDelayMs);
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &ComposerDialog::flushDraft);
    connect(&m_previewTimer, &QTimer::timeout, this, &ComposerDialog::refreshPreview);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposerDialog::onTextEdited);
    connect(m_next, &QLineEdit::textChanged, this, &ComposerDialog::onTextEdited);
    connect(m_tabs, &QTabBar::currentChanged, this, &ComposerDialog::switchTo);
    connect(m_reset, &QPushButton::clicked, this, &ComposerDialog::resetToTemplate);
    connect(m_channelsButton, &QPushButton::clicked, this, &ComposerDialog::channelsRequested);
    connect(m_resend, &QPushButton::clicked, this, &ComposerDialog::resendSelected);
    connect(m_dismiss, &QPushButton::clicked, this, &ComposerDialog::dismissAllClear);
    connect(m_send, &QPushButton::clicked, this, &ComposerDialog::sendCurrent);
    connect(m_sendAll, &QPushButton::clicked, this, &ComposerDialog::sendAll);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_outboxView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ComposerDialog::refreshButtons);
    connect(m_outbox, &QAbstractItemModel::dataChanged, this, &ComposerDialog::refreshButtons);
    connect(m_outbox, &QAbstractItemModel::rowsInserted, m_outboxView, &QTableView::scrollToBottom);
    connect(&services.feed(), &ChangeFeed::changed, this, &ComposerDialog::onChanges);
    auto *sendKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(sendKey, &QShortcut::activated, this, &ComposerDialog::sendCurrent);

    const bool allClear = kind == UpdateKind::AllClear;
    m_dismiss->setVisible(allClear);
    m_sendAll->setVisible(allClear);
    m_next->setEnabled(!allClear);
    if (allClear)
        m_next->setPlaceholderText(tr("none: the all-clear promises no further update"));
    m_outbox->setIncident(incidentId);
    resize(1180, 760);
    loadAudiences();
    refreshHeader();
    refreshButtons();
}

ComposerDialog::~ComposerDialog()
{
    flushDraft();
}

void ComposerDialog::hideEvent(QHideEvent *event)
{
    flushDraft();
    QDialog::hideEvent(event);
}

void ComposerDialog::setUtc(bool utc)
{
    m_utc = utc;
    m_outbox->setUtc(utc);
    refreshHeader();
}

const Audience *ComposerDialog::current() const
{
    return m_current >= 0 && m_current < m_audiences.size() ? &m_audiences.at(m_current) : nullptr;
}

QStringList ComposerDialog::audienceNames() const
{
    QStringList names;
    for (const Audience &a : m_audiences)
        names.append(a.name);
    return names;
}

QString ComposerDialog::currentAudience() const
{
    return current() ? current()->name : QString();
}

bool ComposerDialog::selectAudience(const QString &name)
{
    for (qsizetype i = 0; i < m_audiences.size(); ++i) {
        if (m_audiences.at(i).name.compare(name, Qt::CaseInsensitive) == 0) {
            m_tabs->setCurrentIndex(int(i));
            return true;
        }
    }
    return false;
}

void ComposerDialog::loadAudiences()
{
    m_audiences.clear();
    if (m_kind == UpdateKind::AllClear) {
        const Result<AllClearStatus> status = m_services.updates.allClear(m_incidentId);
        if (status)
            m_audiences = status->audiences;
    }
    if (m_audiences.isEmpty()) {
        const Result<QList<Audience>> all = m_services.audiences.ensureAudiences(m_incidentId);
        if (!all) {
            showFeedback(all.error().message, true);
            return;
        }
        m_audiences = all.value();
    }
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    for (const Audience &a : std::as_const(m_audiences))
        m_tabs->addTab(a.name);
    m_current = -1;
    if (!m_audiences.isEmpty())
        switchTo(0);
}

void ComposerDialog::switchTo(int index)
{
    flushDraft();
    m_current = index;
    const Audience *a = current();
    if (!a)
        return;
    const Result<std::optional<UpdateDraft>> draft = m_services.updates.draft(a->id, m_kind);
    if (draft && draft.value()) {
        loadText(draft.value()->body, draft.value()->nextText);
        m_draftState->setText(tr("Draft from %1").arg(formatClockTime(draft.value()->savedAt, m_utc)));
    } else {
        resetToTemplate();
    }
    m_send->setText(m_kind == UpdateKind::AllClear ? tr("Send the all-clear to %1").arg(a->name) : tr("Send to %1").arg(a->name));
    refreshPreview();
}

void ComposerDialog::loadText(const QString &body, const QString &next)
{
    m_loading = true;
    m_body->setPlainText(body);
    m_next->setText(next);
    m_loading = false;
    m_dirty = false;
}

void ComposerDialog::resetToTemplate()
{
    const Audience *a = current();
    if (!a)
        return;
    const Result<QString> body = m_services.updates.templateBody(m_incidentId, a->id, m_kind, m_utc);
    loadText(body ? body.value() : QString(), QString());
    // A reset replaces what was typed: the old draft goes too, or it would come back.
    if (const Outcome discarded = m_services.updates.discardDraft(a->id, m_kind); !discarded)
        showFeedback(discarded.error().message, true);
    m_draftState->setText(tr("From the %1 template").arg(audienceTemplateKey(a->templateKind)));
    m_previewTimer.start();
}

void ComposerDialog::onTextEdited()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_draftState->setText(tr("Editing…"));
    m_draftTimer.start();
    m_previewTimer.start();
}

void ComposerDialog::flushDraft()
{
    m_draftTimer.stop();
    const Audience *a = current();
    if (!m_dirty || !a)
        return;
    UpdateDraft d;
    d.audienceId = a->id;
    d.kind = m_kind;
    d.body = m_body->toPlainText();
    d.nextText = m_next->text();
    const Outcome saved = m_services.updates.saveDraft(d);
    if (!saved) {
        showFeedback(saved.error().message, true);
        return;
    }
    m_dirty = false;
    m_draftState->setText(tr("Draft saved %1").arg(formatClockTime(m_services.clock().nowMs(), m_utc)));
}

} // namespace sitrep
