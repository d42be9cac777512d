// ComposerDialog, second half: what the composer shows around the text (the headline, the
// rhythm, each channel's preview) and what its buttons do (send, send to all, dismiss, resend).
#include "composerdialog.h"

#include "models/outboxmodel.h"
#include "widgets/channelpreviewpane.h"

#include "domain/duration.h"
#include "domain/timeformat.h"
#include "services/services.h"
#include "store/updatechanges.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>

namespace sitrep {

std::optional<std::optional<qint64>> parseNextUpdateText(const QString &text, qint64 nowMs)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::optional<qint64>();
    if (t.startsWith(QLatin1String("in "), Qt::CaseInsensitive))
        t = t.mid(3).trimmed();
    if (const std::optional<qint64> in = parseDurationMs(t); in && *in > 0)
        return std::optional<qint64>(nowMs + *in);
    if (const std::optional<qint64> at = parseIsoTime(t, nowMs))
        return std::optional<qint64>(*at);
    return std::nullopt;
}

std::optional<std::optional<qint64>> ComposerDialog::typedNext(QString *problem) const
{
    if (m_kind == UpdateKind::AllClear)
        return std::optional<qint64>();
    const auto next = parseNextUpdateText(m_next->text(), m_services.clock().nowMs());
    if (!next)
        *problem = tr("Next update: \"%1\" is neither a duration (30m) nor a time (09:30).").arg(m_next->text().trimmed());
    return next;
}

void ComposerDialog::refreshHeader()
{
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (!incident) {
        m_headline->setText(incident.error().message);
        return;
    }
    const QString what = m_kind == UpdateKind::AllClear ? tr("All-clear") : tr("Update");
    setWindowTitle(tr("%1 — %2 — Sitrep").arg(what, incident->title));
    m_headline->setText(tr("%1: %2 – %3 · %4").arg(what, severityLabel(incident->severity), incident->title,
                                                    statusLabel(incident->status)));
    m_drill->setVisible(incident->drill);

    const qint64 now = m_services.clock().nowMs();
    if (m_kind == UpdateKind::AllClear) {
        const Result<AllClearStatus> status = m_services.updates.allClear(m_incidentId);
        if (status && status->resolvedAt) {
            m_cadence->setText(status->pending
                                   ? tr("Resolved at %1. Still to hear it is over: %2.")
                                         .arg(formatClockTime(*status->resolvedAt, m_utc), audienceNames().join(QStringLiteral(", ")))
                                   : tr("Resolved at %1. Everyone who heard from us has had the all-clear.")
                                         .arg(formatClockTime(*status->resolvedAt, m_utc)));
        }
        return;
    }
    const Result<CadenceInfo> cadence = m_services.updates.cadence(m_incidentId);
    const std::optional<qint64> interval = m_services.updates.cadencePolicy().forSeverity(incident->severity);
    QString rhythm = interval ? tr("%1 rhythm: every %2").arg(severityLabel(incident->severity), formatDurationShort(*interval))
                              : tr("%1 has no rhythm: update when there is news").arg(severityLabel(incident->severity));
    if (cadence && cadence->dueAt) {
        const qint64 left = *cadence->dueAt - now;
        rhythm += left >= 0 ? tr(" · next update due %1 (in %2)").arg(formatClockTime(*cadence->dueAt, m_utc), formatElapsed(left))
                            : tr(" · next update was due %1 (%2 ago)").arg(formatClockTime(*cadence->dueAt, m_utc), formatElapsed(-left));
    }
    m_cadence->setText(rhythm);
    m_next->setPlaceholderText(interval ? tr("empty: in %1, at %2 (the rhythm) · or 30m, 09:30")
                                              .arg(formatDurationShort(*interval), formatClockTime(now + *interval, m_utc))
                                        : tr("empty: no promise · or 30m, 09:30"));
}

void ComposerDialog::refreshPreview()
{
    m_previewTimer.stop();
    const Audience *a = current();
    if (!a) {
        m_preview->setContent({}, std::nullopt, tr("There is no audience to write to."));
        return;
    }
    const Result<QList<Channel>> channels = m_services.audiences.channels(a->id);
    const QList<Channel> list = channels ? channels.value() : QList<Channel>();
    QStringList where;
    for (const Channel &c : list) {
        const QString target = displayTarget(c.kind, c.target);
        where.append(target.isEmpty() ? channelKindLabel(c.kind) : tr("%1 (%2)").arg(channelKindLabel(c.kind), target));
    }
    m_channels->setText(where.isEmpty() ? tr("<span style=\"color:#c62828\">%1 has no channel yet: add one with Channels…</span>")
                                              .arg(a->name.toHtmlEscaped())
                                        : tr("Goes to: %1").arg(where.join(QStringLiteral(" · ")).toHtmlEscaped()));
    QString problem;
    const auto next = typedNext(&problem);
    if (!next) {
        m_preview->setContent(list, std::nullopt, problem);
        refreshButtons();
        return;
    }
    SendRequest request;
    request.incidentId = m_incidentId;
    request.audienceId = a->id;
    request.kind = m_kind;
    request.body = m_body->toPlainText().trimmed();
    request.nextUpdateAt = *next;
    const Result<UpdateMessage> message = m_services.updates.preview(request);
    if (message)
        m_preview->setContent(list, message.value());
    else
        m_preview->setContent(list, std::nullopt, message.error().message);
    refreshButtons();
}

void ComposerDialog::refreshButtons()
{
    const QModelIndexList rows = m_outboxView->selectionModel()->selectedRows();
    const bool failed = !rows.isEmpty() && m_outbox->messageAt(rows.first().row()).state == OutboxState::Failed;
    m_resend->setEnabled(failed);
    m_send->setEnabled(current() != nullptr);
    m_sendAll->setText(tr("Send to all %n", nullptr, int(m_audiences.size())));
    m_sendAll->setEnabled(m_audiences.size() > 1);
}

void ComposerDialog::showFeedback(const QString &text, bool problem)
{
    m_feedback->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    m_feedback->setText(text);
}

bool ComposerDialog::sendCurrent()
{
    const Audience *a = current();
    if (!a)
        return false;
    QString problem;
    const auto next = typedNext(&problem);
    if (!next) {
        showFeedback(problem, true);
        m_next->setFocus();
        return false;
    }
    SendRequest request;
    request.incidentId = m_incidentId;
    request.audienceId = a->id;
    request.kind = m_kind;
    request.body = m_body->toPlainText();
    request.nextUpdateAt = *next;
    m_draftTimer.stop();
    const Result<SentUpdate> sent = m_services.updates.send(request);
    if (!sent) {
        showFeedback(sent.error().message, true);
        flushDraft();
        return false;
    }
    QList<ChannelKind> kinds;
    for (const OutboxMessage &m : sent->messages)
        kinds.append(m.kind);
    showFeedback(sent->update.drill ? tr("Drill update to %1 recorded and kept local (%2).").arg(a->name, channelKindList(kinds))
                                    : tr("Sent to %1 via %2: delivery below.").arg(a->name, channelKindList(kinds)),
                 false);
    const QString sentName = a->name;
    m_tabs->setTabText(m_current, tr("%1 ✓").arg(sentName));
    m_dirty = false;
    resetToTemplate();
    refreshHeader();
    Q_EMIT updateSent(sent->update.id);
    return true;
}

int ComposerDialog::sendAll()
{
    int sentCount = 0;
    for (int i = 0; i < m_audiences.size(); ++i) {
        m_tabs->setCurrentIndex(i);
        if (m_tabs->tabText(i).endsWith(QStringLiteral("✓")))
            continue;
        if (sendCurrent())
            ++sentCount;
    }
    return sentCount;
}

void ComposerDialog::dismissAllClear()
{
    const std::optional<QString> reason = m_dismissPrompt(this);
    if (!reason)
        return;
    const Outcome dismissed = m_services.updates.dismissAllClear(m_incidentId, *reason);
    if (!dismissed) {
        showFeedback(dismissed.error().message, true);
        return;
    }
    Q_EMIT allClearDismissed();
    close();
}

void ComposerDialog::resendSelected()
{
    const QModelIndexList rows = m_outboxView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const OutboxMessage &m = m_outbox->messageAt(rows.first().row());
    const Result<OutboxMessage> again = m_services.updates.resend(m.id);
    if (!again)
        showFeedback(again.error().message, true);
    else
        showFeedback(tr("Sending to %1 via %2 again.").arg(m.audienceName, channelKindLabel(m.kind)), false);
}

void ComposerDialog::onChanges(const QList<Change> &changes)
{
    bool header = false;
    bool preview = false;
    for (const Change &c : changes) {
        if (c.incidentId != m_incidentId)
            continue;
        if (c.entity == Entity::Incident)
            header = preview = true;
        else if (c.entity == Entity::SentUpdate || c.entity == Entity::AllClearDismissal)
            header = true;
        else if (c.entity == Entity::UpdateChannel)
            preview = true;
    }
    if (header)
        refreshHeader();
    if (preview)
        m_previewTimer.start();
}

} // namespace sitrep
