#pragma once

#include "reportdata.h"

namespace sitrep {

// The postmortem as GitHub-flavoured Markdown: readable as plain text, clean on GitHub, GitLab
// and Gitea. The review's own text is kept as written (people write Markdown in it); table
// cells are escaped so a pipe or a newline in an entry never breaks a table.
QString postmortemMarkdown(const ReportData &data);

// The one-page sitrep as Markdown, for pasting into a chat or a ticket.
QString sitrepMarkdown(const ReportData &data);

// A table cell: pipes escaped, line breaks as <br>.
QString markdownCell(const QString &text);

} // namespace sitrep
