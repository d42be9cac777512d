#include "drillcontroller.h"

#include "dialogs/scorecarddialog.h"

#include "domain/timeformat.h"
#include "services/drillplayer.h"
#include "services/services.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>

namespace sitrep {

namespace {

std::optional<DrillChoice> askWithDialog(QWidget *parent)
{
    DrillStartDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.choice();
}

QString clockText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

DrillController::DrillController(Services &services, std::function<qint64()> currentIncident, QWidget *window)
    : QObject(window)
    , m_services(services)
    , m_currentIncident(std::move(currentIncident))
    , m_window(window)
    , m_startPrompt(askWithDialog)
    , m_indicator(new QWidget(window))
    , m_status(new QLabel(m_indicator))
    , m_end(new QPushButton(tr("End drill"), m_indicator))
{
    m_indicator->setObjectName(QStringLiteral("drillIndicator"));
    m_status->setObjectName(QStringLiteral("drillStatus"));
    m_end->setObjectName(QStringLiteral("drillEnd"));
    m_status->setStyleSheet(QStringLiteral("background: #6a1b9a; color: white; font-weight: bold; padding: 2px 8px;"));
    auto *layout = new QHBoxLayout(m_indicator);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_end);
    m_indicator->hide();
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, &DrillController::refresh);
    connect(m_end, &QPushButton::clicked, this, &DrillController::endDrill);
}

void DrillController::addMenu(QMenuBar *menuBar)
{
    QMenu *menu = menuBar->addMenu(tr("D&rill"));
    m_startAction = menu->addAction(tr("&Run a drill…"), this, &DrillController::startDrill);
    m_startAction->setObjectName(QStringLiteral("drillStartAction"));
    m_endAction = menu->addAction(tr("&End the drill"), this, &DrillController::endDrill);
    m_endAction->setEnabled(false);
    QAction *card = menu->addAction(tr("&Scorecard of this drill"), this, &DrillController::showScorecard);
    card->setObjectName(QStringLiteral("drillScorecardAction"));
}

void DrillController::fail(const QString &message)
{
    m_lastError = message;
    m_status->setText(tr("DRILL · %1").arg(message));
    m_status->setToolTip(message);
    m_indicator->show();
    m_end->setVisible(m_player && m_player->isRunning());
}

void DrillController::startDrill()
{
    if (m_player && m_player->isRunning()) {
        fail(tr("a drill is already running; end it first"));
        return;
    }
    const std::optional<DrillChoice> choice = m_startPrompt(m_window);
    if (!choice)
        return;
    const ScenarioParseResult parsed = parseDrillScenario(choice->json);
    if (!parsed.ok()) {
        fail(tr("%1 is not a usable scenario: %2").arg(choice->source, parsed.error));
        return;
    }
    delete m_player;
    m_player = new DrillPlayer(m_services, *parsed.scenario, choice->json, choice->speed, this);
    connect(m_player, &DrillPlayer::failed, this, &DrillController::fail);
    connect(m_player, &DrillPlayer::injectPlayed, this, &DrillController::refresh);
    connect(m_player, &DrillPlayer::finished, this, [this](const DrillRun &run) {
        m_refresh.stop();
        m_indicator->hide();
        if (m_startAction)
            m_startAction->setEnabled(true);
        if (m_endAction)
            m_endAction->setEnabled(false);
        openScorecard(run.incidentId);
    });
    const Result<Incident> incident = m_player->start();
    if (!incident) {
        fail(incident.error().message);
        return;
    }
    m_lastError.clear();
    m_status->setToolTip(QString());
    Q_EMIT drillStarted(incident->id);
    if (m_player->isRunning()) {
        if (m_startAction)
            m_startAction->setEnabled(false);
        if (m_endAction)
            m_endAction->setEnabled(true);
        m_end->show();
        m_indicator->show();
        m_refresh.start();
        refresh();
        m_player->run();
    }
}

void DrillController::endDrill()
{
    if (!m_player || !m_player->isRunning()) {
        m_indicator->hide();
        return;
    }
    (void)m_player->stop(); // finished() or failed() says how it went
}

void DrillController::refresh()
{
    if (!m_player || !m_player->isRunning())
        return;
    const qint64 elapsed = m_player->elapsedMs();
    QString text = tr("DRILL %1 / %2").arg(clockText(elapsed), clockText(m_player->durationMs()));
    if (m_player->speed() != 1.0)
        text += tr(" · %1×").arg(QLocale::c().toString(m_player->speed(), 'g', 4));
    const QList<DrillInject> &injects = m_player->scenario().injects;
    if (m_player->injectsPlayed() < injects.size())
        text += tr(" · next inject in %1").arg(clockText(injects.at(m_player->injectsPlayed()).atMs - elapsed));
    m_status->setText(text);
    m_status->setToolTip(m_player->scenario().title);
}

void DrillController::showScorecard()
{
    const qint64 incident = m_currentIncident ? m_currentIncident() : 0;
    if (!incident || !m_services.drills.run(incident)) {
        fail(tr("the open incident is not a drill"));
        return;
    }
    openScorecard(incident);
}

void DrillController::openScorecard(qint64 incidentId)
{
    if (!m_scorecard) {
        m_scorecard = new ScorecardDialog(m_services, m_window);
        m_scorecard->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_scorecard->showRun(incidentId);
    m_scorecard->show();
    m_scorecard->raise();
}

} // namespace sitrep
