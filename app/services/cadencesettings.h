#pragma once

#include "domain/cadence.h"

class QSettings;

namespace sitrep {

// The update rhythm is a team's choice, kept in the user's settings as minutes per severity
// ("updates/cadence/sev1"); 0 means no rhythm for that severity. Missing keys keep the default.
CadencePolicy loadCadencePolicy(const QSettings &settings);
void saveCadencePolicy(QSettings &settings, const CadencePolicy &policy);

} // namespace sitrep
