#include "scorecarddialog.h"

#include "domain/runbook.h"
#include "domain/timeformat.h"
#include "services/services.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sitrep {

namespace {

const QColor kMet(0xe8, 0xf5, 0xe9);
const QColor kMissed(0xff, 0xeb, 0xee);

QTableWidgetItem *cell(const QString &text, const QColor &background = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (background.isValid())
        item->setBackground(background);
    return item;
}

QString measured(const std::optional<qint64> &ms)
{
    return ms ? formatElapsed(*ms) : ScorecardDialog::tr("not done");
}

QTableWidget *makeTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->setWordWrap(true);
    table->horizontalHeader()->setStretchLastSection(false);
    return table;
}

} // namespace

ScorecardDialog::ScorecardDialog(Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_card(makeTable(this, QStringLiteral("scorecardTable")))
    , m_historyTitle(new QLabel(tr("<b>Runs of this scenario, oldest first</b>"), this))
    , m_comparison(makeTable(this, QStringLiteral("comparisonTable")))
{
    setObjectName(QStringLiteral("scorecardDialog"));
    setWindowTitle(tr("Drill scorecard — Sitrep"));
    m_title->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("scorecardSummary"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_card, 1);
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_comparison, 1);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(900, 560);
}

bool ScorecardDialog::showRun(qint64 incidentId)
{
    const Result<DrillRun> run = m_services.drills.run(incidentId);
    if (!run)
        return false;
    const Result<Scorecard> card = run->scorecard ? Result<Scorecard>(*run->scorecard) : m_services.drills.score(incidentId);
    if (!card)
        return false;
    m_title->setText(tr("<h2>DRILL · %1</h2>Started %2%3")
                         .arg(run->scenario.toHtmlEscaped(), formatDateTime(run->startedAt),
                              run->speed == 1.0 ? QString() : tr(" at %1× speed").arg(run->speed)));
    m_summary->setText(run->isEnded() ? tr("<b>%1 of %2 expectations met.</b>").arg(card->metCount).arg(card->total())
                                      : tr("<b>Still running: %1 of %2 met so far.</b>").arg(card->metCount).arg(card->total()));
    fillCard(card.value());
    const Result<QList<DrillRun>> history = m_services.drills.history(run->scenario);
    fillComparison(history ? history.value() : QList<DrillRun>{}, run->id);
    return true;
}

void ScorecardDialog::fillCard(const Scorecard &card)
{
    m_card->clear();
    m_card->setColumnCount(4);
    m_card->setHorizontalHeaderLabels({tr("Expectation"), tr("Limit"), tr("Measured"), tr("Result")});
    m_card->setRowCount(int(card.lines.size()));
    for (int r = 0; r < card.lines.size(); ++r) {
        const ScoreLine &l = card.lines.at(r);
        const QColor tint = l.met ? kMet : kMissed;
        m_card->setItem(r, 0, cell(l.description, tint));
        m_card->setItem(r, 1, cell(formatTimeBox(l.limitMs), tint));
        m_card->setItem(r, 2, cell(measured(l.measuredMs), tint));
        m_card->setItem(r, 3, cell(l.met ? tr("met") : tr("MISSED"), tint));
    }
    m_card->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_card->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
}

void ScorecardDialog::fillComparison(const QList<DrillRun> &runs, qint64 currentRun)
{
    QList<Scorecard> cards;
    QStringList headers{tr("Expectation")};
    for (const DrillRun &r : runs) {
        cards.append(*r.scorecard);
        headers.append(formatDateTime(r.startedAt) + (r.id == currentRun ? tr("\n(this run)") : QString()));
    }
    const ScorecardComparison comparison = compareScorecards(cards);
    m_comparison->clear();
    m_comparison->setColumnCount(int(headers.size()));
    m_comparison->setHorizontalHeaderLabels(headers);
    m_comparison->setRowCount(int(comparison.rows.size()) + 1);
    for (int r = 0; r < comparison.rows.size(); ++r) {
        const ComparisonRow &row = comparison.rows.at(r);
        m_comparison->setItem(r, 0, cell(row.description));
        for (int c = 0; c < row.runs.size(); ++c) {
            const ComparisonCell &run = row.runs.at(c);
            if (!run.present) {
                m_comparison->setItem(r, c + 1, cell(QStringLiteral("–")));
                continue;
            }
            QString text = measured(run.measuredMs) + (run.met ? tr(" ✓") : tr(" ✗"));
            if (c > 0 && run.trend != ScoreTrend::NoPrevious)
                text += QLatin1Char('\n') + scoreTrendLabel(run.trend)
                        + (run.deltaMs ? QStringLiteral(" (%1%2)").arg(*run.deltaMs > 0 ? QStringLiteral("+") : QString(),
                                                                        formatElapsed(*run.deltaMs))
                                       : QString());
            m_comparison->setItem(r, c + 1, cell(text, run.met ? kMet : kMissed));
        }
    }
    const int last = int(comparison.rows.size());
    m_comparison->setItem(last, 0, cell(tr("Expectations met")));
    for (int c = 0; c < comparison.metCounts.size(); ++c)
        m_comparison->setItem(last, c + 1, cell(tr("%1 of %2").arg(comparison.metCounts.at(c)).arg(cards.at(c).total())));
    m_comparison->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        m_comparison->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_comparison->resizeRowsToContents();
    m_historyTitle->setVisible(runs.size() > 1);
    m_comparison->setVisible(runs.size() > 1);
}

} // namespace sitrep
