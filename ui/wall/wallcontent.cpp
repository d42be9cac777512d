// Filling the wall from its model: what each part says, and in which colour. Building and
// sizing the parts is in wallwindow.cpp.
#include "wallwindow.h"

#include "fitlabel.h"
#include "walllist.h"
#include "wallpanels.h"

#include "models/severitycolors.h"
#include "widgets/cadenceindicator.h"

#include "domain/cadence.h"
#include "domain/deadline.h"
#include "domain/duration.h"
#include "domain/estimate.h"
#include "domain/metrics.h"
#include "domain/plansteps.h"
#include "domain/timeformat.h"

#include <QDateTime>
#include <QStackedWidget>
#include <QTimeZone>

namespace sitrep {

namespace {

QDateTime shown(qint64 ms, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return utc ? t : t.toLocalTime();
}

QString hhmm(qint64 ms, bool utc = false)
{
    return shown(ms, utc).toString(QStringLiteral("HH:mm"));
}

// The elapsed clock always shows hours, so its width (and size) holds from 0:00:01 on.
QString clockReading(qint64 ms)
{
    const qint64 total = std::max<qint64>(0, ms) / 1000;
    const qint64 days = total / 86'400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((total % 86'400) / 3600)
                            .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'))
                            .arg(total % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? WallWindow::tr("%1d %2").arg(days).arg(hms) : hms;
}

// The labels people use out loud in the room; roleLabel's long forms crowd the names out.
QString shortRoleLabel(Role role)
{
    switch (role) {
    case Role::Commander: return WallWindow::tr("IC");
    case Role::Communications: return WallWindow::tr("Comms");
    case Role::Operations: return WallWindow::tr("Ops");
    case Role::Scribe: return WallWindow::tr("Scribe");
    case Role::SubjectExpert: return WallWindow::tr("SME");
    case Role::CustomerLiaison: return WallWindow::tr("Liaison");
    }
    return {};
}

QString entryText(const TimelineEntry &e)
{
    switch (e.kind) {
    case EntryKind::Decision:
    case EntryKind::Alert:
    case EntryKind::Action: return entryKindLabel(e.kind) + QStringLiteral(": ") + e.text;
    default: return e.text;
    }
}

// Runbook steps read "Headline: the details"; across a room the headline is what carries.
QString stepHeadline(const QString &text)
{
    const qsizetype colon = text.indexOf(QStringLiteral(": "));
    return colon >= 12 ? text.left(colon) : text;
}

} // namespace

void WallWindow::refresh(WallParts parts)
{
    const std::optional<Incident> &incident = m_model->incident();
    m_pages->setCurrentWidget(incident ? m_incidentPage : m_calmPage);
    m_drillMark->setVisible(incident && incident->drill);
    m_drillMark->raise();
    if (!incident) {
        refreshCalm();
        tick();
        return;
    }
    if (parts & WallPart::Incident) {
        refreshBanner();
        refreshRoles();
    }
    if (parts & WallPart::Board)
        refreshBoard();
    if (parts & WallPart::Timeline)
        refreshTimeline();
    if (parts & WallPart::Checklists)
        refreshChecklists();
    m_problem->setVisible(!m_model->problem().isEmpty());
    m_problem->setText(tr("The store could not be read: %1").arg(m_model->problem()));
    tick();
}

void WallWindow::refreshBanner()
{
    const Incident &incident = *m_model->incident();
    const QColor fill = severityColor(incident.severity);
    const QColor ink = textOn(fill);
    m_banner->setFill(fill);
    m_severity->setText(severityLabel(incident.severity));
    m_severity->setColor(ink);
    m_title->setText(incident.title);
    m_title->setColor(ink);
    m_drillBadge->setVisible(incident.drill);
    m_status->setText(statusLabel(incident.status).toUpper());
    // The status sits on a chip of the wall's own background: readable on every severity.
    m_status->setFill(m_theme.background, wallPx(WallSize::Radius, height() / kWallDesignHeight));
    m_status->setColor(m_theme.text);
    m_statusSince->setColor(ink);
    const bool hasDeadline = incident.deadlineAt.has_value();
    if (m_deadline->isVisibleTo(this) != hasDeadline)
        m_deadline->setVisible(hasDeadline);
    setWindowTitle(incident.drill ? tr("DRILL — %1 — %2 — Sitrep wall").arg(severityLabel(incident.severity), incident.title)
                                  : tr("%1 — %2 — Sitrep wall").arg(severityLabel(incident.severity), incident.title));
}

void WallWindow::refreshRoles()
{
    const Incident &incident = *m_model->incident();
    QList<WallListItem> items;
    for (Role role : allRoles()) {
        QStringList people;
        for (const RoleAssignment &r : incident.roles) {
            if (r.role == role)
                people.append(r.person);
        }
        WallListItem item;
        item.lead = shortRoleLabel(role);
        item.text = people.isEmpty() ? tr("—") : people.join(QStringLiteral(", "));
        item.tone = people.isEmpty() ? WallTone::Dim : WallTone::Normal;
        items.append(item);
    }
    m_roles->list()->setItems(items);
}

void WallWindow::refreshBoard()
{
    const BoardSnapshot &board = m_model->board();
    // Newest facts first: when the column overflows, the oldest are the ones counted away.
    QList<WallListItem> known;
    for (auto it = board.known.crbegin(); it != board.known.crend(); ++it) {
        WallListItem item;
        item.lead = QStringLiteral("•");
        item.text = it->answer.isEmpty() ? it->text : tr("%1 → %2").arg(it->text, it->answer);
        known.append(item);
    }
    m_known->list()->setItems(known);

    QList<WallListItem> unknown;
    for (const SnapshotCard &card : board.unknown) {
        WallListItem item;
        item.lead = QStringLiteral("?");
        item.leadTone = WallTone::Accent;
        item.text = card.text;
        unknown.append(item);
    }
    m_unknown->list()->setItems(unknown);

    // Board order (contain, fix, verify), finished steps last, dropped steps not at all.
    QList<WallListItem> open;
    QList<WallListItem> done;
    for (const SnapshotCard &card : board.plan) {
        const PlanState state = parsePlanState(card.state).value_or(PlanState::Todo);
        WallListItem item;
        item.text = card.text;
        switch (state) {
        case PlanState::Doing:
            item.lead = QStringLiteral("▶");
            item.leadTone = WallTone::Accent;
            open.append(item);
            break;
        case PlanState::Todo:
            item.lead = QStringLiteral("○");
            open.append(item);
            break;
        case PlanState::Done:
            item.lead = QStringLiteral("✓");
            item.leadTone = WallTone::Good;
            item.tone = WallTone::Dim;
            done.append(item);
            break;
        case PlanState::Abandoned: break;
        }
    }
    m_plan->list()->setItems(open + done);

    if (board.estimate) {
        const Estimate &e = *board.estimate;
        m_estimateRange->setText(formatEstimateRange(e.lowMs, e.highMs));
        m_estimateRange->setColor(m_theme.accent);
        m_estimateWindow->setText(formatEstimateWindow(e, false));
        m_estimateWindow->setColor(m_theme.text);
        m_estimateNote->setText(tr("%1 · given %2").arg(confidencePhrase(e.confidence), hhmm(e.madeAt)));
    } else {
        m_estimateRange->setText(tr("—"));
        m_estimateRange->setColor(m_theme.dim);
        m_estimateWindow->setText(tr("No estimate yet"));
        m_estimateWindow->setColor(m_theme.dim);
        m_estimateNote->setText(QString());
    }
}

void WallWindow::refreshTimeline()
{
    QList<WallListItem> items;
    const QList<TimelineEntry> entries = m_model->wallEntries(2); // the newest must still show
    for (const TimelineEntry &e : entries) {
        WallListItem item;
        const bool pinnedFirst = isPinnedByPeople(e);
        item.lead = pinnedFirst ? tr("★ %1").arg(hhmm(e.at)) : hhmm(e.at);
        item.leadTone = pinnedFirst ? WallTone::Accent : WallTone::Dim;
        item.text = entryText(e);
        item.tone = e.kind == EntryKind::Alert ? WallTone::Alert : WallTone::Normal;
        items.append(item);
    }
    m_timeline->list()->setItems(items);
}

void WallWindow::refreshChecklists()
{
    QList<WallListItem> items;
    for (const Checklist &c : m_model->checklists()) {
        const int total = int(c.items.size());
        const int done = c.doneCount();
        WallListItem item;
        item.text = c.name;
        item.trail = tr("%1/%2").arg(done).arg(total);
        item.progress = total > 0 ? qreal(done) / total : 0.0;
        item.tone = total > 0 && done == total ? WallTone::Good : WallTone::Normal;
        items.append(item);
        // Where the checklist stands: the step being worked on now.
        if (const int next = c.nextOpenIndex(); next >= 0) {
            WallListItem step;
            step.text = tr("Next: %1").arg(stepHeadline(c.items.at(next).text));
            step.tone = WallTone::Dim;
            items.append(step);
        }
    }
    m_checklists->list()->setItems(items);
}

void WallWindow::refreshCalm()
{
    const std::optional<Incident> &last = m_model->lastEnded();
    if (!last) {
        m_lastTitle->setText(tr("None recorded in this store"));
        m_lastTitle->setColor(m_theme.dim);
        m_lastSummary->setText(QString());
        m_lastMetrics->setText(QString());
        return;
    }
    const qint64 now = m_model->clock().nowMs();
    m_lastTitle->setText(tr("%1 · %2").arg(severityLabel(last->severity), last->title));
    m_lastTitle->setColor(m_theme.text);
    const IncidentMetrics metrics = computeMetrics(*last, now);
    const qint64 endedAt = last->resolvedAt.value_or(last->closedAt.value_or(last->updatedAt));
    m_lastSummary->setText(tr("%1 %2 · impact %3")
                               .arg(statusLabel(last->status), formatDateTime(endedAt),
                                    formatDurationShort(metrics.impactMs.value_or(endedAt - last->startedAt))));
    QStringList figures;
    if (metrics.timeToDetectMs)
        figures.append(tr("detected after %1").arg(formatDurationShort(*metrics.timeToDetectMs)));
    if (metrics.timeToMitigateMs)
        figures.append(tr("mitigated after %1").arg(formatDurationShort(*metrics.timeToMitigateMs)));
    if (metrics.timeToResolveMs)
        figures.append(tr("resolved after %1").arg(formatDurationShort(*metrics.timeToResolveMs)));
    QString line = figures.join(QStringLiteral(" · "));
    if (!line.isEmpty())
        line[0] = line[0].toUpper();
    m_lastMetrics->setText(line);
}

void WallWindow::tick()
{
    const qint64 now = m_model->clock().nowMs();
    tickClocks(now);
    if (m_model->incident())
        tickIncident(now);
}

void WallWindow::tickClocks(qint64 now)
{
    const QDateTime local = shown(now, false);
    const QDateTime utc = shown(now, true);
    const QString day = QLocale().toString(local.date(), QStringLiteral("ddd d MMM"));
    for (WallTile *t : {m_localClock, m_calmLocal}) {
        t->heading()->setText(tr("LOCAL TIME"));
        t->value()->setText(local.toString(QStringLiteral("HH:mm")));
        t->note()->setText(tr("%1 · %2").arg(day, local.timeZoneAbbreviation()));
    }
    for (WallTile *t : {m_utcClock, m_calmUtc}) {
        t->heading()->setText(tr("UTC"));
        t->value()->setText(utc.toString(QStringLiteral("HH:mm")));
        t->note()->setText(QLocale().toString(utc.date(), QStringLiteral("ddd d MMM")));
    }
}

void WallWindow::tickIncident(qint64 now)
{
    const Incident &incident = *m_model->incident();

    const qint64 end = incident.resolvedAt.value_or(now);
    m_elapsed->heading()->setText(incident.resolvedAt ? tr("IMPACT LASTED") : tr("IMPACT"));
    m_elapsed->value()->setText(clockReading(end - incident.startedAt));
    m_elapsed->note()->setText(incident.resolvedAt ? tr("%1 – %2").arg(hhmm(incident.startedAt), hhmm(*incident.resolvedAt))
                                                   : tr("since %1").arg(hhmm(incident.startedAt)));
    const qint64 inStatus = now - incident.currentStatusSince();
    m_statusSince->setText(inStatus < 60'000 ? tr("just now · since %1").arg(hhmm(incident.currentStatusSince()))
                                             : tr("for %1 · since %2")
                                                   .arg(formatDurationShort(inStatus), hhmm(incident.currentStatusSince())));

    // The next update: quiet while on track, amber when due soon, red and counting up when late.
    const std::optional<CadenceInfo> &cadence = m_model->cadence();
    QColor updateFill = m_theme.panel;
    m_nextUpdate->heading()->setText(tr("NEXT UPDATE"));
    if (!cadence || !cadence->active) {
        m_nextUpdate->value()->setText(tr("—"));
        m_nextUpdate->note()->setText(tr("none owed"));
    } else if (!cadence->dueAt) {
        m_nextUpdate->value()->setText(tr("—"));
        m_nextUpdate->note()->setText(tr("when there is news"));
    } else {
        const CadenceState state = cadenceState(cadence->dueAt, now);
        if (state.phase == CadenceState::Overdue) {
            m_nextUpdate->heading()->setText(tr("UPDATE OVERDUE"));
            m_nextUpdate->value()->setText(QStringLiteral("+") + formatCountdown(-state.remainingMs));
            m_nextUpdate->note()->setText(tr("was due %1").arg(hhmm(*cadence->dueAt)));
            updateFill = m_theme.alertFill;
        } else {
            m_nextUpdate->value()->setText(formatCountdown(state.remainingMs));
            m_nextUpdate->note()->setText(tr("due %1").arg(hhmm(*cadence->dueAt)));
            if (state.phase == CadenceState::DueSoon)
                updateFill = m_theme.warnFill;
        }
    }
    m_nextUpdate->setColors(m_theme, updateFill);

    if (incident.deadlineAt) {
        const DeadlineState d = deadlineState(*incident.deadlineAt, now, incident.resolvedAt);
        QColor fill = m_theme.panel;
        m_deadline->heading()->setText(tr("DEADLINE"));
        switch (d.phase) {
        case DeadlineState::Phase::Ahead:
        case DeadlineState::Phase::Close:
            m_deadline->value()->setText(formatCountdown(d.remainingMs));
            m_deadline->note()->setText(tr("up by %1").arg(hhmm(*incident.deadlineAt)));
            if (d.phase == DeadlineState::Phase::Close)
                fill = m_theme.warnFill;
            break;
        case DeadlineState::Phase::Passed:
            m_deadline->heading()->setText(tr("PAST DEADLINE"));
            m_deadline->value()->setText(QStringLiteral("+") + formatCountdown(-d.remainingMs));
            m_deadline->note()->setText(tr("was %1").arg(hhmm(*incident.deadlineAt)));
            fill = m_theme.alertFill;
            break;
        case DeadlineState::Phase::Met:
            m_deadline->value()->setText(tr("MET"));
            m_deadline->note()->setText(tr("%1 to spare").arg(formatDurationShort(d.remainingMs)));
            break;
        case DeadlineState::Phase::Missed:
            m_deadline->value()->setText(tr("MISSED"));
            m_deadline->note()->setText(tr("by %1").arg(formatDurationShort(-d.remainingMs)));
            fill = m_theme.alertFill;
            break;
        }
        m_deadline->setColors(m_theme, fill);
    }
}

} // namespace sitrep
