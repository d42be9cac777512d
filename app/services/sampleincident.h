#pragma once

#include "domain/result.h"
#include "store/database.h"

#include <memory>

namespace sitrep {

// Writes a realistic sample incident into a store: a production database outage with a
// deadline, forty minutes in — alerts, roles, milestones, a busy situation board with a
// narrowing estimate, a checklist under way, decisions and actions on the timeline. Events are
// written with a clock that walks through the story, so every stamp (board history included)
// is where it would be in a real incident ending at nowMs. Returns the incident's id.
Result<qint64> writeSampleIncident(const std::shared_ptr<Database> &db, qint64 nowMs);

// Where `sitrep demo` keeps its sample store: beside the real one, never the real one.
QString sampleStorePath();

} // namespace sitrep
