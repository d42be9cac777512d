#pragma once

#include "reportdata.h"

namespace sitrep {

class PageFlow;

// The postmortem report: title block, the review's sections, the evidence, two appendices.
void layoutPostmortem(PageFlow &flow, const ReportData &data);

// The one-page sitrep for a manager mid-incident. At most `cardsPerColumn` cards of each
// board column are listed (the rest counted); the caller lowers it until the page is one.
void layoutSitrep(PageFlow &flow, const ReportData &data, int cardsPerColumn);

} // namespace sitrep
