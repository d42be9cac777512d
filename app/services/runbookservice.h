#pragma once

#include "servicecontext.h"

#include "domain/checklist.h"
#include "domain/runbook.h"
#include "domain/severity.h"

#include <QByteArray>
#include <QList>

namespace sitrep {

// A runbook as the library offers it: stored in this store (imported or edited here), bundled
// with Sitrep, or both (a bundled runbook edited here: the stored one wins).
struct LibraryRunbook
{
    QString slug; // "first-response": what scenarios, rules and the command line name
    QString name; // "First response": the document's title
    QString markdown; // canonical Markdown
    int itemCount = 0;
    bool stored = false;
    bool bundled = false;
    QList<Severity> attachOnDeclare;
};

struct RunbookImport
{
    LibraryRunbook runbook;
    QList<RunbookWarning> warnings; // what the parser tolerated, by line
    bool replaced = false;          // a stored runbook with this slug was replaced
};

// The runbook library: importing Markdown (files or text), editing, exporting, which runbooks
// each severity gets on declare, and attaching runbooks to incidents as checklists.
//
// The store keeps canonical Markdown (runbookToMarkdown of the parsed text), so exporting gives
// back what importing that export stores: a lossless round trip. A canonical file, such as any
// export or the bundled runbooks, comes back byte for byte.
class RunbookService final
{
public:
    explicit RunbookService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<QList<LibraryRunbook>> library() const;
    // By slug, or by name (case ignored) when that names exactly one.
    Result<LibraryRunbook> find(const QString &slugOrName) const;

    // Reads at most maxRunbookBytes + 1 bytes, so a huge file is refused without loading it.
    // The slug comes from the file name ("DB failover.md" -> "db-failover").
    Result<RunbookImport> importFile(const QString &path);
    // `sourceName` names the input in messages and gives the slug and fallback title.
    Result<RunbookImport> importMarkdown(const QByteArray &utf8, const QString &sourceName);
    // Stores edited Markdown under a slug (a new one, or replacing the stored one).
    Result<RunbookImport> save(const QString &slug, const QString &markdown);
    Result<QString> exportMarkdown(const QString &slugOrName) const;
    // Removes a stored runbook; a bundled one of the same slug is offered again.
    Result<Done> remove(const QString &slug);

    Result<Done> setAttachOnDeclare(const QString &slug, const QList<Severity> &severities);
    Result<QStringList> declareRunbooks(Severity severity) const;

    Result<Checklist> attachToIncident(qint64 incidentId, const QString &slugOrName,
                                       EntrySource source = EntrySource::Typed);
    // Attaches the runbooks of the incident's severity, once per incident (whoever asks first;
    // later calls return an empty list). Drills are left to their scenario.
    Result<QList<Checklist>> attachDeclareRunbooks(qint64 incidentId);

    // Lower case letters, digits and dashes, from a file name or title.
    static QString slugFor(const QString &text);
    // The runbooks in resources/runbooks, compiled in: slug and Markdown.
    static QList<std::pair<QString, QByteArray>> bundledSources();

private:
    ServiceContext m_ctx;
};

// For services working inside mutate(): the library runbook with this slug, or nothing.
std::optional<LibraryRunbook> lookUpRunbook(const QSqlDatabase &db, const QString &slug);
// Attaches a library runbook to an incident as a checklist, with its timeline entry.
Checklist attachRunbookInTransaction(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId,
                                     const LibraryRunbook &runbook, EntrySource source, qint64 now,
                                     const QString &why = {});

} // namespace sitrep
