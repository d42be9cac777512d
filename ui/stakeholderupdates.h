#pragma once

#include "dialogs/composerdialog.h"
#include "widgets/cadenceindicator.h"

#include "net/deliveryoutcome.h"
#include "store/change.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QMenu;
class QNetworkAccessManager;
class QSystemTrayIcon;

namespace sitrep {

class Outbox;
class Services;
class WebhookSender;

// Stakeholder updates in the window: the outbox that delivers them (started at once, so what
// an earlier run left queued goes out now), the countdown in the header, the composer and the
// channels dialog, desktop notifications when an update falls due or is overdue, and the
// all-clear offered when the incident is resolved and recalled until sent or dismissed.
class StakeholderUpdates final : public QObject
{
    Q_OBJECT

public:
    using Notifier = std::function<void(const QString &title, const QString &text)>;
    using MailOpener = std::function<bool(const QUrl &mailto)>;

    // `network` may be null: then one is made here. The window is the parent of dialogs.
    StakeholderUpdates(Services &services, QWidget *window, QNetworkAccessManager *network = nullptr);
    ~StakeholderUpdates() override;
    Q_DISABLE_COPY_MOVE(StakeholderUpdates)

    // The countdown for the header strip; whoever adds it to a layout owns it.
    CadenceIndicator *indicator() const { return m_indicator; }
    Outbox &outbox() { return *m_outbox; }
    WebhookSender &sender() { return *m_sender; }
    ComposerDialog *composer() const { return m_composer; }

    void populateMenu(QMenu *menu);
    void setIncident(qint64 incidentId);
    void setUtc(bool utc);
    // Test seams, and the ways the desk is reached: notifications, the mail program.
    void setNotifier(Notifier notifier) { m_notifier = std::move(notifier); }
    void setMailOpener(MailOpener opener) { m_mailOpener = std::move(opener); }
    void setDismissPrompt(ComposerDialog::DismissPrompt prompt) { m_dismissPrompt = std::move(prompt); }

    // Opens the composer for the current incident (or brings the open one forward).
    ComposerDialog *compose(UpdateKind kind = UpdateKind::Update);
    void openChannels();
    // Rereads the rhythm and the all-clear from the store.
    void refresh();
    // Reminds of an unsent all-clear when it is time; runs every second against the clock.
    void tick();

    bool allClearPending() const { return m_allClearPending; }

    static constexpr qint64 allClearReminderMs = 10 * 60 * 1000;

private:
    void onChanges(const QList<sitrep::Change> &changes);
    void offerAllClear();
    DeliveryOutcome deliverLocally(const OutboxMessage &message);
    void notify(const QString &title, const QString &text);
    QString incidentTitle() const;

    Services &m_services;
    QPointer<QWidget> m_window;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    WebhookSender *m_sender;
    Outbox *m_outbox;
    QPointer<CadenceIndicator> m_indicator;
    QPointer<ComposerDialog> m_composer;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    std::optional<Status> m_status;
    bool m_allClearPending = false;
    qint64 m_lastReminderAt = 0;
    QTimer m_tick;
    Notifier m_notifier;
    MailOpener m_mailOpener;
    ComposerDialog::DismissPrompt m_dismissPrompt;
};

} // namespace sitrep
