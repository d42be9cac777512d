#include "cadenceindicator.h"

#include "models/severitycolors.h"

#include "domain/timeformat.h"

#include <cstdlib>

namespace sitrep {

namespace {

const QColor kOnTrack(0x37, 0x47, 0x4f);
const QColor kDueSoon(0xf9, 0xa8, 0x25);
const QColor kOverdue(0xc6, 0x28, 0x28);
const QColor kQuiet(0x90, 0xa4, 0xae);

} // namespace

QString formatCountdown(qint64 ms)
{
    const qint64 total = std::abs(ms) / 1000;
    const qint64 h = total / 3600;
    const qint64 m = (total % 3600) / 60;
    const qint64 s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

CadenceIndicator::CadenceIndicator(const Clock &clock, QWidget *parent) : QPushButton(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("cadenceIndicator"));
    setFlat(true);
    setCursor(Qt::PointingHandCursor);
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    setFont(f);
    connect(&m_timer, &QTimer::timeout, this, &CadenceIndicator::tick);
    m_timer.start(1000);
    tick();
}

void CadenceIndicator::setDue(std::optional<qint64> dueAt, bool active)
{
    m_dueAt = active ? dueAt : std::nullopt;
    m_active = active;
    tick();
}

void CadenceIndicator::setAllClearPending(bool pending)
{
    m_allClearPending = pending;
    tick();
}

void CadenceIndicator::present(const QString &text, const QColor &background, const QString &tip)
{
    setText(text);
    setToolTip(tip);
    setStyleSheet(QStringLiteral("QPushButton { background: %1; color: %2; border-radius: 4px; padding: 4px 10px; border: none; }")
                      .arg(background.name(), textOn(background).name()));
    setVisible(true);
}

void CadenceIndicator::tick()
{
    const qint64 now = m_clock.nowMs();
    if (m_allClearPending) {
        m_phase = CadenceState::None;
        present(tr("All-clear not sent"), kDueSoon,
             tr("The incident is resolved: tell everyone who heard from us that it is over (Ctrl+M)."));
        return;
    }
    if (!m_active) {
        m_phase = CadenceState::None;
        setVisible(false);
        return;
    }
    const CadenceState state = cadenceState(m_dueAt, now);
    m_phase = state.phase;
    switch (state.phase) {
    case CadenceState::None:
        present(tr("No update rhythm"), kQuiet, tr("This severity has no update rhythm; send updates when there is news (Ctrl+M)."));
        break;
    case CadenceState::OnTrack:
        present(tr("Next update in %1").arg(formatCountdown(state.remainingMs)), kOnTrack,
             tr("Next stakeholder update due at %1 (Ctrl+M to write it).").arg(formatClockTime(*m_dueAt)));
        break;
    case CadenceState::DueSoon:
        present(tr("Update due in %1").arg(formatCountdown(state.remainingMs)), kDueSoon,
             tr("The next stakeholder update is due at %1 (Ctrl+M to write it).").arg(formatClockTime(*m_dueAt)));
        if (m_announcedSoon != m_dueAt) {
            m_announcedSoon = m_dueAt;
            Q_EMIT dueSoon(*m_dueAt);
        }
        break;
    case CadenceState::Overdue:
        present(tr("Update overdue +%1").arg(formatCountdown(state.remainingMs)), kOverdue,
             tr("The stakeholder update was due at %1: people are waiting (Ctrl+M).").arg(formatClockTime(*m_dueAt)));
        if (m_announcedOverdue != m_dueAt) {
            m_announcedOverdue = m_dueAt;
            // Arriving already overdue: the "soon" moment is past, one notification is enough.
            m_announcedSoon = m_dueAt;
            Q_EMIT overdue(*m_dueAt);
        }
        break;
    }
}

} // namespace sitrep
