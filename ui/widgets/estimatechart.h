#pragma once

#include "domain/estimate.h"

#include <QWidget>
#include <optional>

namespace sitrep {

// The estimate's history at a glance: for each revision, the window it gave for the restore
// (made at + low … made at + high) drawn as a band from when it was made until the next
// revision, so the band narrows as the team learns. Once restored, a green line marks when it
// really happened; until then a grey line marks now.
class EstimateChart final : public QWidget
{
    Q_OBJECT

public:
    explicit EstimateChart(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EstimateChart)

    void setRevisions(const QList<Estimate> &revisions, std::optional<qint64> restoredAt, qint64 nowMs, bool utc);
    int revisionCount() const { return int(m_revisions.size()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Estimate> m_revisions;
    std::optional<qint64> m_restoredAt;
    qint64 m_now = 0;
    bool m_utc = false;
};

} // namespace sitrep
