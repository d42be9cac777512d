#include "headerstrip.h"

#include "models/severitycolors.h"

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
{
    setObjectName(QStringLiteral("headerStrip"));
    m_severity->setObjectName(QStringLiteral("headerSeverity"));
    m_title->setObjectName(QStringLiteral("headerTitle"));
    m_status->setObjectName(QStringLiteral("headerStatus"));
    m_elapsed->setObjectName(QStringLiteral("headerElapsed"));
    m_inStatus->setObjectName(QStringLiteral("headerInStatus"));

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
    auto *clocks = new QVBoxLayout;
    clocks->setSpacing(0);
    clocks->addWidget(m_elapsed);
    clocks->addWidget(m_inStatus);
    m_indicators = new QHBoxLayout;
    m_indicators->setSpacing(16);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 12, 8);
    row->addLayout(badges, 1);
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
