#include "netlog.h"

// Quiet unless asked (QT_LOGGING_RULES="sitrep.net.info=true").
Q_LOGGING_CATEGORY(lcNet, "sitrep.net", QtWarningMsg)
