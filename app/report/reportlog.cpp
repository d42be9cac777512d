#include "reportlog.h"

Q_LOGGING_CATEGORY(lcReport, "sitrep.report", QtWarningMsg)
