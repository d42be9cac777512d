#pragma once

#include "domain/boardhistory.h"
#include "domain/checklist.h"
#include "domain/incident.h"
#include "domain/metrics.h"
#include "domain/postmortem.h"
#include "domain/stakeholderupdate.h"
#include "domain/timelineentry.h"
#include "domain/timeribbon.h"
#include "services/situationservice.h"
#include "services/updateservice.h"

#include <QList>
#include <QStringList>

namespace sitrep {

class Services;

// The board as it stood when one or more milestones were reached (the same board once).
struct MilestoneBoard
{
    QList<Milestone> milestones;
    qint64 at = 0;
    BoardSnapshot board;
};

// Everything a report shows about one incident, read once, so that the PDF, the Markdown and
// the one-page sitrep say the same thing and can be rendered without the store.
struct ReportData
{
    Incident incident;
    IncidentMetrics metrics;
    qint64 generatedAt = 0;
    QString generatedBy;
    QList<TimelineEntry> entries; // the whole timeline, in order
    QList<TimelineEntry> pinned;  // the key timeline, in order, retracted ones left out
    qint64 ribbonStart = 0;
    qint64 ribbonEnd = 0;
    QList<PhaseBand> phases;
    Postmortem postmortem;
    QList<ActionItem> actions;
    QList<Checklist> checklists;
    QList<StakeholderUpdate> updates;
    EstimateReview estimateReview;
    QList<MilestoneBoard> boards;
    BoardSnapshot board; // now
    CadenceInfo cadence;
};

Result<ReportData> collectReportData(Services &services, qint64 incidentId);

// Shared wording of reports.
// "SEV1 · Resolved", with " · DRILL" for a drill.
QString reportStatusLine(const Incident &incident);
// "2026-11-25 08:04 UTC" in the local zone; with " (07:04 UTC)" appended when local is not UTC.
QString reportDateTime(qint64 ms);
// "1 h 12 min" for a metric; "—" when empty; "−3 min (milestones out of order)" when negative.
QString reportDuration(const std::optional<qint64> &ms);
// "$1,234.00"-style figure in the locale's currency-agnostic form: "1,234.00".
QString reportMoney(qint64 cents);
QString reportCount(qint64 n);
// The cost line: the stated cost, else the estimate from the rate, else empty.
QString reportCost(const ReportData &data);
// "120 customers" / "120"; empty when not counted.
QString reportAffected(const Postmortem &postmortem);
// The people in roles: "Incident commander: Dana Okafor", one per role (experts joined).
QStringList reportRoles(const Incident &incident);
// The milestone names of a board: "Detected, Acknowledged".
QString milestoneNames(const QList<Milestone> &milestones);
// What an estimate revision turned out to be: "inside", "late by 12 min", "early by 5 min".
QString estimateOutcomeText(const EstimateAccuracy &accuracy);

} // namespace sitrep
