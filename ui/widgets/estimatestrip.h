#pragma once

#include "domain/estimate.h"

#include <QFrame>
#include <optional>

class QLabel;
class QLineEdit;

namespace sitrep {

class EstimateChart;
struct EstimateReview;

// The estimate across the top of the board: one range, not a pile of cards. The range large
// ("30–90 min"), the clock window it lands in ("09:40–10:40 UTC"), the confidence, the basis in
// one line, how old it is (red once its window has passed), the history chart, and — once
// restored — how the estimates held up. A line below takes a new revision ("30m 2h medium
// because …"); the panel records it.
class EstimateStrip final : public QFrame
{
    Q_OBJECT

public:
    explicit EstimateStrip(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EstimateStrip)

    // `revisions` oldest first; `review` may be null. `readOnly` for a past board.
    void showRevisions(const QList<Estimate> &revisions, const EstimateReview *review, qint64 nowMs, bool utc, bool readOnly);
    void clear();
    QLineEdit *input() const { return m_input; }
    EstimateChart *chart() const { return m_chart; }

Q_SIGNALS:
    void submitted(const QString &line);

private:
    QLabel *m_range;
    QLabel *m_window;
    QLabel *m_confidence;
    QLabel *m_basis;
    QLabel *m_age;
    QLabel *m_accuracy;
    EstimateChart *m_chart;
    QLineEdit *m_input;
};

} // namespace sitrep
