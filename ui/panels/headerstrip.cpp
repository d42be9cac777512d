#include "headerstrip.h"

#include "models/severitycolors.h"

#include "domain/deadline.h"
#include "domain/timeformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sitrep {

namespace {

QString badgeStyle(const QColor &background)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 4px 10px; font-weight: bold; }")
        .arg(background.name(), textOn(background).name());
}

// Who holds which role, in the order people ask for them.
QString rolesLine(const Incident &incident)
{
    QStringList parts;
    for (Role role : allRoles()) {
        QStringList people;
        for (const RoleAssignment &r : incident.roles) {
            if (r.role == role)
                people.append(r.person);
        }
        if (!people.isEmpty())
            parts.append(QStringLiteral("%1: %2").arg(roleLabel(role), people.join(QStringLiteral(", "))));
    }
    if (parts.isEmpty())
        return HeaderStrip::tr("No roles assigned yet — /role ic NAME in the entry line");
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace

HeaderStrip::HeaderStrip(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_severity(new QLabel(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_inStatus(new QLabel(this))
    , m_drill(new QLabel(tr("DRILL"), this))
    , m_deadline(new QLabel(this))
    , m_roles(new QLabel(this))
{
    setObjectName(QStringLiteral("headerStrip"));
    m_severity->setObjectName(QStringLiteral("headerSeverity"));
    m_title->setObjectName(QStringLiteral("headerTitle"));
    m_status->setObjectName(QStringLiteral("headerStatus"));
    m_elapsed->setObjectName(QStringLiteral("headerElapsed"));
    m_inStatus->setObjectName(QStringLiteral("headerInStatus"));
    m_deadline->setObjectName(QStringLiteral("headerDeadline"));
    m_roles->setObjectName(QStringLiteral("headerRoles"));
    m_roles->setTextFormat(Qt::PlainText);
    m_roles->setWordWrap(true);
    // Long titles and many roles wrap or shrink; they must never force the window wider.
    m_roles->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setWordWrap(true);
    m_deadline->setAlignment(Qt::AlignCenter);
    QFont deadlineFont = m_deadline->font();
    deadlineFont.setBold(true);
    deadlineFont.setPointSizeF(deadlineFont.pointSizeF() * 1.2);
    m_deadline->setFont(deadlineFont);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bigFont = m_elapsed->font();
    bigFont.setPointSizeF(bigFont.pointSizeF() * 1.6);
    bigFont.setBold(true);
    m_elapsed->setFont(bigFont);
    m_elapsed->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_inStatus->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_drill->setStyleSheet(badgeStyle(QColor(0x6a, 0x1b, 0x9a)));
    m_drill->hide();

    auto *badges = new QHBoxLayout;
    badges->addWidget(m_severity);
    badges->addWidget(m_status);
    badges->addWidget(m_drill);
    badges->addWidget(m_title, 1);
    auto *titleBlock = new QVBoxLayout;
    titleBlock->setSpacing(2);
    titleBlock->addLayout(badges);
    titleBlock->addWidget(m_roles);
    auto *clocks = new QVBoxLayout;
    clocks->setSpacing(0);
    clocks->addWidget(m_elapsed);
    clocks->addWidget(m_inStatus);
    m_indicators = new QHBoxLayout;
    m_indicators->setSpacing(16);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 12, 8);
    row->addLayout(titleBlock, 1);
    row->addWidget(m_deadline);
    row->addSpacing(16);
    row->addLayout(m_indicators);
    row->addSpacing(16);
    row->addLayout(clocks);

    connect(&m_timer, &QTimer::timeout, this, &HeaderStrip::tick);
    m_timer.start(1000);
    setIncident(std::nullopt);
}

void HeaderStrip::setIncident(const std::optional<Incident> &incident)
{
    m_incident = incident;
    if (!incident) {
        m_severity->hide();
        m_status->hide();
        m_drill->hide();
        m_title->setText(tr("No incident open — press Ctrl+N to declare one"));
        m_elapsed->clear();
        m_inStatus->clear();
        m_deadline->hide();
        m_roles->clear();
        return;
    }
    m_severity->show();
    m_status->show();
    m_severity->setText(severityLabel(incident->severity));
    m_severity->setToolTip(severityDescription(incident->severity));
    m_severity->setStyleSheet(badgeStyle(severityColor(incident->severity)));
    m_status->setText(statusLabel(incident->status).toUpper());
    m_status->setStyleSheet(badgeStyle(statusColor(incident->status)));
    m_drill->setVisible(incident->drill);
    m_title->setText(incident->title);
    m_title->setToolTip(incident->impact);
    m_roles->setText(rolesLine(*incident));
    m_deadline->setVisible(incident->deadlineAt.has_value());
    tick();
}

void HeaderStrip::addIndicator(QWidget *indicator)
{
    indicator->setParent(this);
    m_indicators->addWidget(indicator);
}

void HeaderStrip::setUtc(bool utc)
{
    m_utc = utc;
    tick();
}

void HeaderStrip::tick()
{
    if (!m_incident)
        return;
    const qint64 now = m_clock.nowMs();
    if (m_incident->deadlineAt) {
        const DeadlineState state = deadlineState(*m_incident->deadlineAt, now, m_incident->resolvedAt);
        m_deadline->setText(state.text + QLatin1Char('\n')
                            + tr("up by %1").arg(formatClockTime(*m_incident->deadlineAt, m_utc)));
        const QColor color = deadlineColor(state.phase);
        m_deadline->setStyleSheet(color.isValid()
                                      ? QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 2px 10px; }")
                                            .arg(color.name(), textOn(color).name())
                                      : QStringLiteral("QLabel { padding: 2px 10px; }"));
    }
    // A resolved incident's clock stops at resolution: the impact is over.
    const qint64 end = m_incident->resolvedAt.value_or(now);
    m_elapsed->setText(tr("Impact %1").arg(formatElapsed(end - m_incident->startedAt)));
    m_elapsed->setToolTip(tr("Since %1").arg(formatDateTime(m_incident->startedAt, m_utc)));
    m_inStatus->setText(tr("%1 for %2 · since %3")
                            .arg(statusLabel(m_incident->status),
                                 formatElapsed(now - m_incident->currentStatusSince()),
                                 formatClockTime(m_incident->currentStatusSince(), m_utc)));
}

} // namespace sitrep
