#include "runbookservice.h"

#include "checklistservice.h"

#include "store/checklistrepository.h"
#include "store/incidentrepository.h"
#include "store/runbookrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunbookService", text);
}

LibraryRunbook describe(const QString &slug, const Runbook &parsed, const QString &markdown)
{
    LibraryRunbook r;
    r.slug = slug;
    r.name = parsed.name;
    r.markdown = markdown;
    r.itemCount = parsed.itemCount();
    return r;
}

// Bundled runbooks are read once; they are compiled in and cannot change while we run.
const QList<std::pair<QString, LibraryRunbook>> &bundledLibrary()
{
    static const QList<std::pair<QString, LibraryRunbook>> bundled = [] {
        QList<std::pair<QString, LibraryRunbook>> all;
        for (const auto &[slug, source] : RunbookService::bundledSources()) {
            const RunbookParseResult parsed = parseRunbookMarkdown(source, slug);
            if (!parsed.ok())
                continue; // a test guards the bundled files; a broken one must not break the app
            LibraryRunbook r = describe(slug, *parsed.runbook, runbookToMarkdown(*parsed.runbook));
            r.bundled = true;
            all.append({slug, r});
        }
        return all;
    }();
    return bundled;
}

std::optional<LibraryRunbook> bundledRunbook(const QString &slug)
{
    for (const auto &[key, runbook] : bundledLibrary()) {
        if (key == slug)
            return runbook;
    }
    return std::nullopt;
}

LibraryRunbook fromStored(const StoredRunbook &stored)
{
    const RunbookParseResult parsed = parseRunbookMarkdown(stored.markdown.toUtf8(), stored.name);
    LibraryRunbook r = parsed.ok() ? describe(stored.slug, *parsed.runbook, stored.markdown) : LibraryRunbook{};
    r.slug = stored.slug;
    r.name = stored.name;
    r.markdown = stored.markdown;
    r.stored = true;
    r.bundled = bundledRunbook(stored.slug).has_value();
    return r;
}

QList<LibraryRunbook> readLibrary(const QSqlDatabase &db)
{
    RunbookRepository repo(db);
    QList<LibraryRunbook> all;
    for (const StoredRunbook &stored : repo.list())
        all.append(fromStored(stored));
    for (const auto &entry : bundledLibrary()) {
        const QString &slug = entry.first;
        const bool overridden = std::any_of(all.cbegin(), all.cend(), [&](const LibraryRunbook &r) { return r.slug == slug; });
        if (!overridden)
            all.append(entry.second);
    }
    for (LibraryRunbook &r : all)
        r.attachOnDeclare = repo.severitiesFor(r.slug);
    std::sort(all.begin(), all.end(), [](const LibraryRunbook &a, const LibraryRunbook &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return all;
}

Result<LibraryRunbook> findIn(const QList<LibraryRunbook> &all, const QString &slugOrName)
{
    const QString wanted = slugOrName.trimmed();
    for (const LibraryRunbook &r : all) {
        if (r.slug == wanted)
            return r;
    }
    QList<LibraryRunbook> named;
    for (const LibraryRunbook &r : all) {
        if (r.name.compare(wanted, Qt::CaseInsensitive) == 0)
            named.append(r);
    }
    if (named.size() == 1)
        return named.constFirst();
    QStringList slugs;
    for (const LibraryRunbook &r : (named.isEmpty() ? all : named))
        slugs.append(r.slug);
    if (named.size() > 1)
        return notFound(tr("\"%1\" names %2 runbooks; use one of their slugs: %3")
                            .arg(wanted).arg(named.size()).arg(slugs.join(QStringLiteral(", "))));
    return notFound(tr("There is no runbook \"%1\" in the library (there are: %2).")
                        .arg(wanted, slugs.join(QStringLiteral(", "))));
}

// Stores parsed Markdown under a slug, inserting or replacing; inside mutate().
RunbookImport storeParsed(const QSqlDatabase &db, const QString &slug, const RunbookParseResult &parsed, qint64 now)
{
    RunbookRepository repo(db);
    const Runbook &runbook = *parsed.runbook;
    RunbookImport result;
    result.warnings = parsed.warnings;
    std::optional<StoredRunbook> existing = repo.findBySlug(slug);
    StoredRunbook stored = existing.value_or(StoredRunbook{});
    stored.slug = slug;
    stored.name = runbook.name;
    stored.markdown = runbookToMarkdown(runbook);
    stored.updatedAt = now;
    if (existing) {
        repo.update(stored);
        result.replaced = true;
    } else {
        stored.createdAt = now;
        repo.insert(stored);
    }
    ChangeLogRepository(db).record(Entity::Runbook, stored.id, 0, existing ? Operation::Update : Operation::Insert, now);
    result.runbook = fromStored(stored);
    result.runbook.attachOnDeclare = repo.severitiesFor(slug);
    return result;
}

bool isSlug(const QString &slug)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return slug.size() <= 100 && re.match(slug).hasMatch();
}

} // namespace

QString RunbookService::slugFor(const QString &text)
{
    QString slug;
    bool dash = false;
    for (const QChar c : text.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            if (dash && !slug.isEmpty())
                slug += QLatin1Char('-');
            slug += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    slug.truncate(80);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    if (slug.isEmpty() && !text.trimmed().isEmpty()) // a title in another script: still a stable slug
        slug = QStringLiteral("runbook-")
               + QString::fromLatin1(QCryptographicHash::hash(text.trimmed().toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    return slug;
}

QList<std::pair<QString, QByteArray>> RunbookService::bundledSources()
{
    QList<std::pair<QString, QByteArray>> sources;
    const QDir dir(QStringLiteral(":/runbooks"));
    for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            sources.append({QFileInfo(name).completeBaseName(), file.readAll()});
    }
    return sources;
}

std::optional<LibraryRunbook> lookUpRunbook(const QSqlDatabase &db, const QString &slug)
{
    if (const std::optional<StoredRunbook> stored = RunbookRepository(db).findBySlug(slug))
        return fromStored(*stored);
    return bundledRunbook(slug);
}

Checklist attachRunbookInTransaction(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId,
                                     const LibraryRunbook &runbook, EntrySource source, qint64 now, const QString &why)
{
    const RunbookParseResult parsed = parseRunbookMarkdown(runbook.markdown.toUtf8(), runbook.name);
    Checklist checklist;
    checklist.incidentId = incidentId;
    checklist.name = runbook.name;
    checklist.runbookSlug = runbook.slug;
    if (parsed.ok())
        checklist.items = checklistItemsFromRunbook(*parsed.runbook);
    return insertChecklist(ctx, db, checklist, source, now, why);
}

Result<QList<LibraryRunbook>> RunbookService::library() const
{
    return query<QList<LibraryRunbook>>(m_ctx, [](const QSqlDatabase &db) -> Result<QList<LibraryRunbook>> {
        return readLibrary(db);
    });
}

Result<LibraryRunbook> RunbookService::find(const QString &slugOrName) const
{
    return query<LibraryRunbook>(m_ctx, [&](const QSqlDatabase &db) { return findIn(readLibrary(db), slugOrName); });
}

Result<RunbookImport> RunbookService::importFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return notFound(tr("%1: no such file.").arg(shown));
    if (!info.isFile())
        return invalid(tr("%1 is not a file.").arg(shown));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(tr("%1 cannot be read: %2").arg(shown, file.errorString()));
    // One byte over the limit is enough for the parser to refuse it by size.
    const QByteArray bytes = file.read(maxRunbookBytes + 1);
    if (bytes.size() > maxRunbookBytes)
        return invalid(tr("%1 is %2 bytes; runbooks are limited to %3 bytes (1 MiB).")
                           .arg(shown).arg(info.size()).arg(maxRunbookBytes));
    return importMarkdown(bytes, info.fileName());
}

Result<RunbookImport> RunbookService::importMarkdown(const QByteArray &utf8, const QString &sourceName)
{
    const QString base = QFileInfo(sourceName).completeBaseName();
    const RunbookParseResult parsed = parseRunbookMarkdown(utf8, base);
    if (!parsed.ok())
        return invalid(tr("%1: %2").arg(sourceName, parsed.error));
    QString slug = slugFor(base);
    if (slug.isEmpty())
        slug = slugFor(parsed.runbook->name);
    const qint64 now = m_ctx.now();
    return mutate<RunbookImport>(m_ctx, [&](const QSqlDatabase &db) -> Result<RunbookImport> {
        return storeParsed(db, slug, parsed, now);
    });
}

Result<RunbookImport> RunbookService::save(const QString &slug, const QString &markdown)
{
    if (!isSlug(slug))
        return invalid(tr("\"%1\" is not a runbook slug: use lower-case letters, digits and dashes, like first-response.")
                           .arg(slug));
    const RunbookParseResult parsed = parseRunbookMarkdown(markdown.toUtf8(), slug);
    if (!parsed.ok())
        return invalid(parsed.error);
    const qint64 now = m_ctx.now();
    return mutate<RunbookImport>(m_ctx, [&](const QSqlDatabase &db) -> Result<RunbookImport> {
        return storeParsed(db, slug, parsed, now);
    });
}

Result<QString> RunbookService::exportMarkdown(const QString &slugOrName) const
{
    const Result<LibraryRunbook> found = find(slugOrName);
    if (!found)
        return found.error();
    return found->markdown;
}

Result<Done> RunbookService::remove(const QString &slug)
{
    const qint64 now = m_ctx.now();
    return mutate<Done>(m_ctx, [&](const QSqlDatabase &db) -> Result<Done> {
        RunbookRepository repo(db);
        const std::optional<StoredRunbook> stored = repo.findBySlug(slug);
        if (!stored) {
            if (bundledRunbook(slug))
                return invalid(tr("\"%1\" is bundled with Sitrep and cannot be removed; it is only stored here "
                                  "once it has been edited.").arg(slug));
            return notFound(tr("There is no runbook \"%1\" in the library.").arg(slug));
        }
        repo.remove(slug);
        ChangeLogRepository(db).record(Entity::Runbook, stored->id, 0, Operation::Delete, now);
        return Done{};
    });
}

Result<Done> RunbookService::setAttachOnDeclare(const QString &slug, const QList<Severity> &severities)
{
    const qint64 now = m_ctx.now();
    return mutate<Done>(m_ctx, [&](const QSqlDatabase &db) -> Result<Done> {
        const std::optional<LibraryRunbook> runbook = lookUpRunbook(db, slug);
        if (!runbook)
            return notFound(tr("There is no runbook \"%1\" in the library.").arg(slug));
        RunbookRepository repo(db);
        repo.setSeveritiesFor(slug, severities);
        const std::optional<StoredRunbook> stored = repo.findBySlug(slug);
        ChangeLogRepository(db).record(Entity::Runbook, stored ? stored->id : 0, 0, Operation::Update, now);
        return Done{};
    });
}

Result<QStringList> RunbookService::declareRunbooks(Severity severity) const
{
    return query<QStringList>(m_ctx, [&](const QSqlDatabase &db) -> Result<QStringList> {
        return RunbookRepository(db).slugsForSeverity(severity);
    });
}

Result<Checklist> RunbookService::attachToIncident(qint64 incidentId, const QString &slugOrName, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<Checklist>(m_ctx, [&](const QSqlDatabase &db) -> Result<Checklist> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        const Result<LibraryRunbook> runbook = findIn(readLibrary(db), slugOrName);
        if (!runbook)
            return runbook.error();
        if (ChecklistRepository(db).hasRunbook(incidentId, runbook->slug))
            return invalid(tr("\"%1\" is already attached to this incident.").arg(runbook->name));
        return attachRunbookInTransaction(m_ctx, db, incidentId, runbook.value(), source, now);
    });
}

Result<QList<Checklist>> RunbookService::attachDeclareRunbooks(qint64 incidentId)
{
    const qint64 now = m_ctx.now();
    return mutate<QList<Checklist>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Checklist>> {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        QList<Checklist> attached;
        if (!RunbookRepository(db).markDeclareRunbooks(incidentId, now) || incident->drill)
            return attached;
        ChecklistRepository checklists(db);
        for (const QString &slug : RunbookRepository(db).slugsForSeverity(incident->severity)) {
            const std::optional<LibraryRunbook> runbook = lookUpRunbook(db, slug);
            if (!runbook || checklists.hasRunbook(incidentId, slug))
                continue; // a rule naming a removed runbook attaches nothing; the library shows it
            attached.append(attachRunbookInTransaction(m_ctx, db, incidentId, *runbook, EntrySource::System, now,
                                                       tr("the runbook for %1").arg(severityLabel(incident->severity))));
        }
        return attached;
    });
}

} // namespace sitrep
