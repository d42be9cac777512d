#include "drillplayer.h"

#include "services.h"

#include <algorithm>

namespace sitrep {

namespace {

// The longest the timer sleeps: the clock may be moved (or be a faster one) under us.
constexpr qint64 kMaxWaitMs = 1000;

} // namespace

DrillPlayer::DrillPlayer(Services &services, DrillScenario scenario, QByteArray scenarioJson, double speed,
                         QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_clock(services.clock())
    , m_scenario(std::move(scenario))
    , m_scenarioJson(std::move(scenarioJson))
    , m_speed(speed)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DrillPlayer::advance);
}

qint64 DrillPlayer::elapsedMs() const
{
    if (!m_incidentId)
        return 0;
    return scenarioOffsetMs(m_clock.nowMs(), m_startedAt, m_speed);
}

qint64 DrillPlayer::durationMs() const
{
    return drillEndOffsetMs(m_scenario);
}

Result<Incident> DrillPlayer::start()
{
    if (m_incidentId)
        return invalid(tr("This drill has already started."));
    if (!(m_speed >= minDrillSpeed && m_speed <= maxDrillSpeed))
        return invalid(tr("--speed %1 is out of range; use %2 to %3.").arg(m_speed).arg(minDrillSpeed).arg(maxDrillSpeed));
    if (const Outcome runbooks = m_services.drills.checkRunbooks(m_scenario); !runbooks)
        return runbooks.error();

    const qint64 now = m_clock.nowMs();
    DeclareRequest request;
    request.title = m_scenario.title;
    request.severity = m_scenario.severity;
    request.impact = m_scenario.impact;
    request.startedAt = now;
    if (m_scenario.deadlineOffsetMs)
        request.deadlineAt = realTimeAt(*m_scenario.deadlineOffsetMs, now, m_speed);
    request.drill = true;
    request.source = EntrySource::Drill;
    const Result<Incident> declared = m_services.incidents.declare(request);
    if (!declared)
        return declared;
    const Result<DrillRun> begun = m_services.drills.begin(declared->id, m_scenario, m_scenarioJson, m_speed, now);
    if (!begun)
        return begun.error();
    m_incidentId = declared->id;
    m_startedAt = now;
    return declared;
}

void DrillPlayer::advance()
{
    if (!isRunning())
        return;
    const qint64 elapsed = elapsedMs();
    while (m_next < m_scenario.injects.size() && m_scenario.injects.at(m_next).atMs <= elapsed) {
        const DrillInject &inject = m_scenario.injects.at(m_next);
        const qint64 due = std::min(realTimeAt(inject.atMs, m_startedAt, m_speed), m_clock.nowMs());
        const Outcome played = play(inject, due);
        if (!played) {
            // A store that refuses one inject will refuse the next: stop, keep what was played.
            m_timer.stop();
            Q_EMIT failed(played.error().message);
            return;
        }
        ++m_next;
        Q_EMIT injectPlayed(m_next - 1, inject);
    }
    if (elapsed >= durationMs()) {
        (void)stop(); // its outcome is announced by finished() or failed()
        return;
    }
    if (m_live)
        schedule();
}

void DrillPlayer::run()
{
    if (!isRunning())
        return;
    m_live = true;
    schedule();
}

void DrillPlayer::schedule()
{
    const std::optional<qint64> wait = msUntilNextEvent();
    if (!wait)
        return;
    m_timer.start(int(std::clamp<qint64>(*wait, 1, kMaxWaitMs)));
}

std::optional<qint64> DrillPlayer::msUntilNextEvent() const
{
    if (!isRunning())
        return std::nullopt;
    const qint64 next = m_next < m_scenario.injects.size() ? m_scenario.injects.at(m_next).atMs : durationMs();
    return std::max<qint64>(0, realTimeAt(next, m_startedAt, m_speed) - m_clock.nowMs());
}

Result<DrillRun> DrillPlayer::stop()
{
    if (!isRunning())
        return invalid(tr("No drill is running."));
    m_timer.stop();
    const Result<DrillRun> ended = m_services.drills.finish(m_incidentId);
    if (!ended) {
        Q_EMIT failed(ended.error().message);
        return ended;
    }
    m_ended = true;
    Q_EMIT finished(ended.value());
    return ended;
}

Outcome DrillPlayer::play(const DrillInject &inject, qint64 at)
{
    const QString author = inject.author.isEmpty() ? tr("drill") : inject.author;
    switch (inject.kind) {
    case InjectKind::Alert:
    case InjectKind::Note:
    case InjectKind::Ask: {
        LogRequest request;
        request.incidentId = m_incidentId;
        request.kind = inject.kind == InjectKind::Alert ? EntryKind::Alert : EntryKind::Note;
        // A stakeholder's question is pinned: the team owes an answer, and it must not scroll away.
        request.text = inject.kind == InjectKind::Ask ? tr("Question from %1: %2").arg(author, inject.text) : inject.text;
        request.pinned = inject.kind == InjectKind::Ask;
        request.at = at;
        request.author = author;
        request.source = EntrySource::Drill;
        const Result<TimelineEntry> logged = m_services.timeline.log(request);
        return logged ? Outcome(Done{}) : Outcome(logged.error());
    }
    case InjectKind::Known:
    case InjectKind::Unknown: {
        // The board entry is signed by whoever the inject comes from, not by the person at the keyboard.
        ServiceContext context = m_services.incidents.context();
        context.user = author;
        SituationService board(context);
        const Result<SituationItem> added = board.add(
            m_incidentId, inject.kind == InjectKind::Known ? SituationColumn::Known : SituationColumn::Unknown,
            inject.text, QString(), EntrySource::Drill);
        return added ? Outcome(Done{}) : Outcome(added.error());
    }
    }
    return Done{};
}

} // namespace sitrep
