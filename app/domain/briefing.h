#pragma once

#include "boardhistory.h"

#include <QString>

namespace sitrep {

// "Brief the room": the board read out as short plain sentences, in the order people need it.
// A heading line naming the incident and the time, then four parts, one line each:
//   What we know: ...            (answered unknowns read "question — answer.")
//   What we don't know yet: ...  (open unknowns, with who is finding out)
//   What we are doing: ...       (steps in progress, then "Next: " the steps to do, each group
//                                 contain/fix/verify/untagged; done and abandoned steps left out)
//   Estimate: 30–90 min (09:40–10:40 CET), medium confidence — basis.
// An empty part still gets a sentence, so silence is never mistaken for a missing line. When
// `nowMs` is past the estimate's window, the estimate line says it needs revising.
QString composeBriefing(const BoardSnapshot &board, const QString &incidentTitle, qint64 nowMs, bool utc);

} // namespace sitrep
