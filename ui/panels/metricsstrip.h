#pragma once

#include "domain/clock.h"
#include "domain/incident.h"

#include <QWidget>
#include <optional>

class QLabel;

namespace sitrep {

// The incident's numbers in one line: time to detect, acknowledge, mitigate, resolve, the
// impact so far and, when a cost per minute is set, what it has cost. Definitions are in
// docs/metrics.md.
class MetricsStrip final : public QWidget
{
    Q_OBJECT

public:
    MetricsStrip(const Clock &clock, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(MetricsStrip)

    void setIncident(const std::optional<Incident> &incident);
    void refresh();

private:
    const Clock &m_clock;
    std::optional<Incident> m_incident;
    QLabel *m_text;
};

} // namespace sitrep
