#include "metricsstrip.h"

#include "domain/metrics.h"
#include "domain/timeformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace sitrep {

MetricsStrip::MetricsStrip(const Clock &clock, QWidget *parent) : QWidget(parent), m_clock(clock), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("metricsStrip"));
    m_text->setObjectName(QStringLiteral("metricsText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setToolTip(tr("Detect: impact start → detected. Acknowledge: detected → acknowledged. "
                          "Mitigate and resolve: impact start → that milestone."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 0, 12, 0);
    layout->addWidget(m_text, 1);
}

void MetricsStrip::setIncident(const std::optional<Incident> &incident)
{
    m_incident = incident;
    refresh();
}

void MetricsStrip::refresh()
{
    if (!m_incident) {
        m_text->clear();
        return;
    }
    const IncidentMetrics m = computeMetrics(*m_incident, m_clock.nowMs());
    auto value = [](const std::optional<qint64> &ms) {
        return ms ? formatElapsed(*ms) : QStringLiteral("—");
    };
    QStringList parts{
        tr("Detect <b>%1</b>").arg(value(m.timeToDetectMs)),
        tr("Acknowledge <b>%1</b>").arg(value(m.timeToAcknowledgeMs)),
        tr("Mitigate <b>%1</b>").arg(value(m.timeToMitigateMs)),
        tr("Resolve <b>%1</b>").arg(value(m.timeToResolveMs)),
        m.impactOngoing ? tr("Impact <b>%1</b> and counting").arg(value(m.impactMs)) : tr("Impact <b>%1</b>").arg(value(m.impactMs)),
    };
    if (m.costCents)
        parts.append(tr("Cost <b>%1</b>%2")
                         .arg(QLocale().toCurrencyString(double(*m.costCents) / 100.0),
                              m.impactOngoing ? tr(" so far") : QString()));
    m_text->setText(parts.join(QStringLiteral("&nbsp;&nbsp;·&nbsp;&nbsp;")));
}

} // namespace sitrep
