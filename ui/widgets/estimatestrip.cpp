#include "estimatestrip.h"

#include "carddelegate.h"
#include "estimatechart.h"

#include "domain/duration.h"
#include "services/situationservice.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sitrep {

namespace {

QString hhmm(qint64 ms, bool utc)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    if (!utc)
        t = t.toLocalTime();
    return t.toString(QStringLiteral("HH:mm"));
}

QColor confidenceColor(Confidence c)
{
    switch (c) {
    case Confidence::Low: return QColor(0xc6, 0x28, 0x28);
    case Confidence::Medium: return QColor(0xef, 0x6c, 0x00);
    case Confidence::High: return QColor(0x2e, 0x7d, 0x32);
    }
    return {};
}

// The strip is refreshed every second; restyling a label only when its style changes keeps
// that cheap.
void restyle(QWidget *widget, const QString &style)
{
    if (widget->styleSheet() != style)
        widget->setStyleSheet(style);
}

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

EstimateStrip::EstimateStrip(QWidget *parent)
    : QFrame(parent)
    , m_range(new QLabel(this))
    , m_window(new QLabel(this))
    , m_confidence(new QLabel(this))
    , m_basis(new QLabel(this))
    , m_age(new QLabel(this))
    , m_accuracy(new QLabel(this))
    , m_chart(new EstimateChart(this))
    , m_input(new QLineEdit(this))
{
    setObjectName(QStringLiteral("estimateStrip"));
    const QColor accent = columnColor(SituationColumn::Estimate);
    setStyleSheet(QStringLiteral("#estimateStrip { border: 1px solid %1; border-left: 5px solid %1; border-radius: 4px; "
                                 "background: palette(base); }")
                      .arg(accent.name()));
    m_range->setObjectName(QStringLiteral("estimateRange"));
    m_window->setObjectName(QStringLiteral("estimateWindow"));
    m_confidence->setObjectName(QStringLiteral("estimateConfidence"));
    m_basis->setObjectName(QStringLiteral("estimateBasis"));
    m_age->setObjectName(QStringLiteral("estimateAge"));
    m_accuracy->setObjectName(QStringLiteral("estimateAccuracy"));
    m_input->setObjectName(QStringLiteral("situationAdd_estimate"));
    m_input->setPlaceholderText(tr("New estimate: 30m 2h medium because … (Ctrl+4)"));
    m_input->setToolTip(tr("LOW HIGH [low|medium|high] [basis]: durations like 30m, 2h, 1h30m; a range, never one number"));
    for (QLabel *l : {m_range, m_window, m_confidence, m_basis, m_age, m_accuracy})
        l->setTextFormat(Qt::PlainText);
    m_range->setFont(scaled(font(), 1.9, true));
    m_window->setFont(scaled(font(), 1.35, true));
    m_confidence->setFont(scaled(font(), 0.85, true));
    m_basis->setWordWrap(true);
    m_accuracy->setWordWrap(true);

    auto *heading = new QLabel(tr("ESTIMATE TO RESTORE"), this);
    heading->setStyleSheet(QStringLiteral("font-weight: bold; color: %1;").arg(accent.name()));
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(m_range, 0, Qt::AlignBaseline);
    top->addWidget(m_window, 0, Qt::AlignBaseline);
    top->addWidget(m_confidence, 0, Qt::AlignVCenter);
    top->addStretch(1);
    auto *left = new QVBoxLayout;
    left->setSpacing(2);
    left->addWidget(heading);
    left->addLayout(top);
    left->addWidget(m_basis);
    left->addWidget(m_age);
    left->addWidget(m_accuracy);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(10, 6, 8, 6);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    grid->addLayout(left, 0, 0);
    grid->addWidget(m_chart, 0, 1);
    grid->addWidget(m_input, 1, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);

    connect(m_input, &QLineEdit::returnPressed, this, [this] { Q_EMIT submitted(m_input->text()); });
    clear();
}

void EstimateStrip::clear()
{
    showRevisions({}, nullptr, 0, false, false);
}

void EstimateStrip::showRevisions(const QList<Estimate> &revisions, const EstimateReview *review, qint64 nowMs, bool utc,
                         bool readOnly)
{
    m_input->setVisible(!readOnly);
    m_chart->setRevisions(revisions, review ? review->restoredAt : std::nullopt, nowMs, utc);
    m_chart->setVisible(!revisions.isEmpty());
    if (revisions.isEmpty()) {
        m_range->setText(tr("No estimate yet"));
        restyle(m_range, QStringLiteral("color: palette(placeholder-text);"));
        m_window->clear();
        m_confidence->hide();
        m_basis->setText(tr("Give one as a range, e.g. 30m 2h — even a wide one tells the room more than silence."));
        m_age->clear();
        m_accuracy->hide();
        return;
    }
    const Estimate &e = revisions.constLast();
    restyle(m_range, QString());
    m_range->setText(formatEstimateRange(e.lowMs, e.highMs));
    m_window->setText(formatEstimateWindow(e, utc));
    const QColor c = confidenceColor(e.confidence);
    m_confidence->setText(confidencePhrase(e.confidence).toUpper());
    restyle(m_confidence, QStringLiteral("QLabel { background: %1; color: white; border-radius: 3px; padding: 2px 6px; }")
                              .arg(c.name()));
    m_confidence->show();
    m_basis->setText(e.basis.isEmpty() ? tr("No basis given.") : tr("Basis: %1").arg(e.basis));

    const bool restored = review && review->restoredAt && *review->restoredAt <= nowMs;
    QString age = revisions.size() > 1
        ? tr("Revision %1 · made %2, %3 ago").arg(revisions.size()).arg(hhmm(e.madeAt, utc), formatDurationShort(nowMs - e.madeAt))
        : tr("Made %1, %2 ago").arg(hhmm(e.madeAt, utc), formatDurationShort(nowMs - e.madeAt));
    const bool passed = !restored && nowMs > e.madeAt + e.highMs;
    if (passed)
        age += tr(" · the window has passed: revise it");
    m_age->setText(age);
    restyle(m_age, passed ? QStringLiteral("color: #c62828; font-weight: bold;")
                          : QStringLiteral("color: palette(placeholder-text);"));

    if (restored && !review->revisions.isEmpty()) {
        int inside = 0;
        for (const EstimateAccuracy &a : review->revisions)
            inside += a.isInside() ? 1 : 0;
        const EstimateAccuracy &last = review->revisions.constLast();
        QString verdict;
        switch (last.outcome) {
        case EstimateOutcome::Inside: verdict = tr("the last one was right"); break;
        case EstimateOutcome::Early: verdict = tr("the last one was %1 too pessimistic").arg(formatDurationShort(last.missedByMs)); break;
        case EstimateOutcome::Late: verdict = tr("the last one was %1 too optimistic").arg(formatDurationShort(last.missedByMs)); break;
        }
        m_accuracy->setText(tr("Restored %1 · %2 of %3 estimates held · %4")
                                .arg(hhmm(*review->restoredAt, utc))
                                .arg(inside)
                                .arg(review->revisions.size())
                                .arg(verdict));
        restyle(m_accuracy, QStringLiteral("color: #2e7d32; font-weight: bold;"));
        m_accuracy->show();
    } else {
        m_accuracy->hide();
    }
}

} // namespace sitrep
