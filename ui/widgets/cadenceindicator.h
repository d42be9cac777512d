#pragma once

#include "domain/cadence.h"
#include "domain/clock.h"

#include <QPushButton>
#include <QTimer>
#include <optional>

namespace sitrep {

// The next-update countdown in the header: quiet while on track, amber two minutes before the
// update is due, red and counting up once it is overdue. After the incident is resolved it
// says whether the all-clear is still owed. Clicking it opens the composer.
class CadenceIndicator final : public QPushButton
{
    Q_OBJECT

public:
    explicit CadenceIndicator(const Clock &clock, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CadenceIndicator)

    // What to count towards. `active` is false once the incident is over or when none is open.
    void setDue(std::optional<qint64> dueAt, bool active);
    void setAllClearPending(bool pending);
    // Recomputes the text and colour from the clock; the indicator calls it every second.
    void tick();

    CadenceState::Phase phase() const { return m_phase; }

Q_SIGNALS:
    // Each fires once per due time, when that moment is reached (or first seen past it).
    void dueSoon(qint64 dueAt);
    void overdue(qint64 dueAt);

private:
    void present(const QString &text, const QColor &background, const QString &tip);

    const Clock &m_clock;
    std::optional<qint64> m_dueAt;
    bool m_active = false;
    bool m_allClearPending = false;
    CadenceState::Phase m_phase = CadenceState::None;
    std::optional<qint64> m_announcedSoon;
    std::optional<qint64> m_announcedOverdue;
    QTimer m_timer;
};

// "4:05", "1:02:03": how a countdown reads.
QString formatCountdown(qint64 ms);

} // namespace sitrep
