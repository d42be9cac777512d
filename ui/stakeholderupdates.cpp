#include "stakeholderupdates.h"

#include "dialogs/channelsdialog.h"
#include "widgets/cadenceindicator.h"

#include "domain/timeformat.h"
#include "net/webhooksender.h"
#include "services/outbox.h"
#include "services/services.h"
#include "store/updatechanges.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMainWindow>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace sitrep {

namespace {

bool isOver(Status status)
{
    return status == Status::Resolved || status == Status::Closed;
}

} // namespace

StakeholderUpdates::StakeholderUpdates(Services &services, QWidget *window, QNetworkAccessManager *network)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_ownNetwork(network ? nullptr : std::make_unique<QNetworkAccessManager>())
    , m_sender(new WebhookSender(network ? network : m_ownNetwork.get(), services.clock(), this))
    , m_outbox(new Outbox(services.updates, *m_sender, services.clock(), this))
    , m_indicator(new CadenceIndicator(services.clock()))
    , m_mailOpener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_outbox->setLocalDelivery([this](const OutboxMessage &m) { return deliverLocally(m); });
    connect(m_outbox, &Outbox::failed, this, [this](const QString &problem) {
        notify(tr("Updates could not be recorded"), problem);
    });
    connect(&services.feed(), &ChangeFeed::changed, this, &StakeholderUpdates::onChanges);
    connect(m_indicator, &QPushButton::clicked, this, [this] {
        compose(m_allClearPending ? UpdateKind::AllClear : UpdateKind::Update);
    });
    connect(m_indicator, &CadenceIndicator::dueSoon, this, [this](qint64 dueAt) {
        notify(tr("Stakeholder update due soon"),
               tr("%1: the next update is due at %2.").arg(incidentTitle(), formatClockTime(dueAt, m_utc)));
    });
    connect(m_indicator, &CadenceIndicator::overdue, this, [this](qint64 dueAt) {
        notify(tr("Stakeholder update overdue"),
               tr("%1: the update was due at %2. People are waiting.").arg(incidentTitle(), formatClockTime(dueAt, m_utc)));
    });
    connect(&m_tick, &QTimer::timeout, this, &StakeholderUpdates::tick);
    m_tick.start(1000);
    // Whatever the last run left queued or half-sent goes out now.
    m_outbox->start();
}

StakeholderUpdates::~StakeholderUpdates()
{
    // The outbox hands unfinished claims back through the sender: it goes first.
    delete m_outbox;
    delete m_sender;
    if (m_indicator && !m_indicator->parent())
        delete m_indicator;
}

void StakeholderUpdates::populateMenu(QMenu *menu)
{
    QAction *compose = menu->addAction(tr("&Compose update…"), this, [this] { this->compose(UpdateKind::Update); });
    compose->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    compose->setObjectName(QStringLiteral("actionComposeUpdate"));
    QAction *allClear = menu->addAction(tr("Send the &all-clear…"), this, [this] { this->compose(UpdateKind::AllClear); });
    allClear->setObjectName(QStringLiteral("actionAllClear"));
    menu->addSeparator();
    QAction *channels = menu->addAction(tr("C&hannels and rhythm…"), this, &StakeholderUpdates::openChannels);
    channels->setObjectName(QStringLiteral("actionChannels"));
}

void StakeholderUpdates::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_status.reset();
    m_allClearPending = false;
    m_lastReminderAt = m_services.clock().nowMs();
    if (incidentId) {
        if (const Result<Incident> incident = m_services.incidents.find(incidentId))
            m_status = incident->status;
    }
    refresh();
}

void StakeholderUpdates::setUtc(bool utc)
{
    m_utc = utc;
    if (m_composer)
        m_composer->setUtc(utc);
}

QString StakeholderUpdates::incidentTitle() const
{
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    return incident ? incident->title : QString();
}

void StakeholderUpdates::refresh()
{
    if (!m_indicator)
        return;
    if (!m_incidentId) {
        m_allClearPending = false;
        m_indicator->setAllClearPending(false);
        m_indicator->setDue(std::nullopt, false);
        return;
    }
    const Result<CadenceInfo> cadence = m_services.updates.cadence(m_incidentId);
    if (cadence)
        m_indicator->setDue(cadence->dueAt, cadence->active);
    const Result<AllClearStatus> allClear = m_services.updates.allClear(m_incidentId);
    m_allClearPending = allClear && allClear->pending;
    m_indicator->setAllClearPending(m_allClearPending);
}

void StakeholderUpdates::tick()
{
    if (!m_allClearPending)
        return;
    const qint64 now = m_services.clock().nowMs();
    if (now - m_lastReminderAt < allClearReminderMs)
        return;
    m_lastReminderAt = now;
    notify(tr("All-clear not sent"),
           tr("%1 is resolved, but the people who heard from us have not been told. Send the all-clear, or say why not.")
               .arg(incidentTitle()));
}

ComposerDialog *StakeholderUpdates::compose(UpdateKind kind)
{
    if (!m_incidentId) {
        if (auto *main = qobject_cast<QMainWindow *>(m_window.data()))
            main->statusBar()->showMessage(tr("Open or declare an incident first."), 5000);
        return nullptr;
    }
    if (m_composer && (m_composer->incidentId() != m_incidentId || m_composer->kind() != kind))
        m_composer->close();
    if (!m_composer) {
        m_composer = new ComposerDialog(m_services, m_incidentId, kind, m_window);
        m_composer->setAttribute(Qt::WA_DeleteOnClose);
        m_composer->setUtc(m_utc);
        if (m_dismissPrompt)
            m_composer->setDismissPrompt(m_dismissPrompt);
        connect(m_composer, &ComposerDialog::channelsRequested, this, &StakeholderUpdates::openChannels);
    }
    m_composer->show();
    m_composer->raise();
    m_composer->activateWindow();
    return m_composer;
}

void StakeholderUpdates::openChannels()
{
    if (!m_incidentId)
        return;
    QWidget *parent = m_composer ? static_cast<QWidget *>(m_composer) : m_window.data();
    ChannelsDialog dialog(m_services, m_incidentId, parent);
    connect(&dialog, &ChannelsDialog::rhythmChanged, this, &StakeholderUpdates::refresh);
    dialog.exec();
}

void StakeholderUpdates::onChanges(const QList<Change> &changes)
{
    bool pump = false;
    bool reread = false;
    bool statusMaybeChanged = false;
    for (const Change &c : changes) {
        if (c.entity == Entity::Outbox && c.operation == Operation::Insert)
            pump = true;
        if (c.incidentId != m_incidentId || !m_incidentId)
            continue;
        if (c.entity == Entity::Incident) {
            reread = true;
            statusMaybeChanged = true;
        } else if (c.entity == Entity::SentUpdate || c.entity == Entity::AllClearDismissal) {
            reread = true;
        }
    }
    // Queued, not called: this runs inside the feed's announcement, and the outbox writes.
    if (pump)
        QTimer::singleShot(0, m_outbox, &Outbox::pump);
    if (reread)
        refresh();
    if (!statusMaybeChanged)
        return;
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (!incident)
        return;
    const std::optional<Status> before = m_status;
    m_status = incident->status;
    if (incident->status == Status::Resolved && before && !isOver(*before) && m_allClearPending)
        offerAllClear();
}

void StakeholderUpdates::offerAllClear()
{
    m_lastReminderAt = m_services.clock().nowMs();
    notify(tr("Send the all-clear"),
           tr("%1 is resolved. Tell everyone who heard from us that it is over.").arg(incidentTitle()));
    compose(UpdateKind::AllClear);
}

DeliveryOutcome StakeholderUpdates::deliverLocally(const OutboxMessage &message)
{
    DeliveryOutcome outcome;
    const QString text = QString::fromUtf8(message.payload);
    if (message.kind == ChannelKind::Clipboard) {
        QGuiApplication::clipboard()->setText(text);
        outcome.verdict = DeliveryOutcome::Delivered;
        outcome.reason = tr("Copied to the clipboard: paste it where it goes");
        return outcome;
    }
    const QUrl mailto = buildMailto(emailRecipients(message.target), message.subject, text);
    if (m_mailOpener && m_mailOpener(mailto)) {
        outcome.verdict = DeliveryOutcome::Delivered;
        outcome.reason = tr("Opened in your mail program: send it from there");
    } else {
        outcome.verdict = DeliveryOutcome::Failed;
        outcome.reason = tr("No mail program opened the message; copy the text from the composer's preview instead");
    }
    return outcome;
}

void StakeholderUpdates::notify(const QString &title, const QString &text)
{
    if (m_notifier) {
        m_notifier(title, text);
        return;
    }
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(title, text);
    }
    if (m_window)
        QApplication::alert(m_window);
    if (auto *main = qobject_cast<QMainWindow *>(m_window.data()))
        main->statusBar()->showMessage(tr("%1 — %2").arg(title, text), 30'000);
}

} // namespace sitrep
