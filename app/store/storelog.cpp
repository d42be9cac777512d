#include "storelog.h"

// Quiet unless asked (QT_LOGGING_RULES="sitrep.store.info=true"): commands print only their result.
Q_LOGGING_CATEGORY(lcStore, "sitrep.store", QtWarningMsg)
