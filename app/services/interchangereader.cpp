#include "interchangereading.h"

// The reading half of the interchange format. Everything is checked before anything is stored:
// a refusal names the JSON path and the reason, and the caller's store is never touched.

namespace sitrep {

using namespace interchange;

namespace {

// Where the first byte that is not UTF-8 sits; -1 when all is well. Overlong forms, surrogates
// and code points past U+10FFFF are refused, as the standard says.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

// "line 3, column 14" for a byte offset.
QString position(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    const QByteArray before = bytes.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return tr("line %1, column %2").arg(line).arg(column);
}

// Reads the members of one object, refusing what does not fit, and remembers every id it met so
// that a second use of one is refused with the path of the first.
void readIncident(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QString path = QStringLiteral("$.incident");
    if (!doc.contains(QStringLiteral("incident")))
        refuse(path, tr("missing; a file holds one incident"));
    const QJsonObject o = r.object(doc.value(QStringLiteral("incident")), path);
    Incident &i = a.incident;
    i.uuid = r.id(o, path);
    i.title = r.text(o, QStringLiteral("title"), path, true, true, 500).simplified();
    i.severity = *severityFromNumber(int(r.integer(o, QStringLiteral("severity"), path, 1, 4)));
    i.status = r.choice(o, QStringLiteral("status"), path, tr("status"), parseStatus, allStatuses(), statusKey);
    i.impact = r.text(o, QStringLiteral("impact"), path);
    i.drill = r.boolean(o, QStringLiteral("drill"), path);

    const QString mpath = member(path, QStringLiteral("milestones"));
    if (!o.contains(QStringLiteral("milestones")))
        refuse(mpath, tr("missing; at least \"started\" is required"));
    const QJsonObject ms = r.object(o.value(QStringLiteral("milestones")), mpath);
    for (const QString &key : ms.keys()) {
        if (!parseMilestone(key))
            refuse(member(mpath, key), tr("unknown milestone (expected started, detected, declared, acknowledged, "
                                          "identified, mitigated, resolved, closed)"));
    }
    for (Milestone m : allMilestones())
        i.setMilestone(m, r.optionalTime(ms, milestoneKey(m), mpath));
    if (!ms.contains(QStringLiteral("started")) || ms.value(QStringLiteral("started")).isNull())
        refuse(member(mpath, QStringLiteral("started")), tr("missing; when impact began is required"));
    // Declared is Sitrep's own stamp; a file from elsewhere may not have it.
    if (ms.value(QStringLiteral("declared")).isNull() || !ms.contains(QStringLiteral("declared")))
        i.declaredAt = i.startedAt;
    if (const auto problem = findMilestoneOrderProblem(i)) {
        refuse(member(mpath, milestoneKey(problem->first)),
               tr("milestones out of order: %1 (%2) is after %3 (%4)")
                   .arg(milestoneKey(problem->first), interchangeTime(*i.milestone(problem->first)),
                        milestoneKey(problem->second), interchangeTime(*i.milestone(problem->second))));
    }
    i.deadlineAt = r.optionalTime(o, QStringLiteral("deadline"), path);
    i.costPerMinuteCents = r.optionalInteger(o, QStringLiteral("costPerMinuteCents"), path, 0, qint64(1) << 50);
    i.updatedAt = r.optionalTime(o, QStringLiteral("updatedAt"), path).value_or(i.declaredAt);

    const QString rpath = member(path, QStringLiteral("roles"));
    const QJsonArray roles = r.array(o, QStringLiteral("roles"), path);
    QSet<QString> seen;
    for (qsizetype n = 0; n < roles.size(); ++n) {
        const QString at = element(rpath, n);
        const QJsonObject ro = r.object(roles.at(n), at);
        ArchivedRole role;
        role.uuid = r.id(ro, at);
        role.role = r.choice(ro, QStringLiteral("role"), at, tr("role"), parseRole, allRoles(), roleKey);
        role.person = r.text(ro, QStringLiteral("person"), at, true, true, 500).trimmed();
        role.assignedAt = r.optionalTime(ro, QStringLiteral("assignedAt"), at).value_or(i.declaredAt);
        const QString key = roleKey(role.role) + QLatin1Char('\n') + role.person;
        if (seen.contains(key))
            refuse(member(at, QStringLiteral("person")), tr("%1 already has this role").arg(role.person));
        seen.insert(key);
        a.roles.append(role);
    }

    const QString epath = member(path, QStringLiteral("milestoneEdits"));
    const QJsonArray edits = r.array(o, QStringLiteral("milestoneEdits"), path);
    for (qsizetype n = 0; n < edits.size(); ++n) {
        const QString at = element(epath, n);
        const QJsonObject eo = r.object(edits.at(n), at);
        ArchivedMilestoneEdit e;
        e.uuid = r.id(eo, at);
        e.milestone = r.choice(eo, QStringLiteral("milestone"), at, tr("milestone"), parseMilestone, allMilestones(),
                               milestoneKey);
        e.from = r.optionalTime(eo, QStringLiteral("from"), at);
        e.to = r.optionalTime(eo, QStringLiteral("to"), at);
        e.editor = r.text(eo, QStringLiteral("editor"), at);
        e.editedAt = r.time(eo, QStringLiteral("at"), at);
        a.milestoneEdits.append(e);
    }
}


void readTimeline(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QString path = QStringLiteral("$.timeline");
    const QJsonArray entries = r.array(doc, QStringLiteral("timeline"), QStringLiteral("$"));
    a.timeline.reserve(entries.size());
    for (qsizetype n = 0; n < entries.size(); ++n) {
        const QString at = element(path, n);
        const QJsonObject o = r.object(entries.at(n), at);
        ArchivedEntry archived;
        TimelineEntry &e = archived.entry;
        e.uuid = r.id(o, at);
        e.at = r.time(o, QStringLiteral("at"), at);
        e.kind = r.choice(o, QStringLiteral("kind"), at, tr("kind"), parseEntryKind, allEntryKinds(), entryKindKey);
        e.text = r.text(o, QStringLiteral("text"), at, true, true);
        e.author = r.text(o, QStringLiteral("author"), at, false, false, 500);
        e.pinned = r.boolean(o, QStringLiteral("pinned"), at);
        e.internal = r.boolean(o, QStringLiteral("internal"), at);
        const QList<EntrySource> sources = {EntrySource::Typed, EntrySource::CommandLine, EntrySource::AlertListener,
                                            EntrySource::Drill, EntrySource::Import, EntrySource::System};
        e.source = r.choice(o, QStringLiteral("source"), at, tr("source"), parseEntrySource, sources, entrySourceKey,
                            EntrySource::Import);
        e.createdAt = r.optionalTime(o, QStringLiteral("createdAt"), at).value_or(e.at);
        const QJsonValue retracted = o.value(QStringLiteral("retracted"));
        if (!retracted.isUndefined() && !retracted.isNull()) {
            const QString rpath = member(at, QStringLiteral("retracted"));
            const QJsonObject ro = r.object(retracted, rpath);
            e.retractedAt = r.time(ro, QStringLiteral("at"), rpath);
            e.retractReason = r.text(ro, QStringLiteral("reason"), rpath, false, false, 2000);
        }
        const QString epath = member(at, QStringLiteral("edits"));
        const QJsonArray edits = r.array(o, QStringLiteral("edits"), at);
        for (qsizetype k = 0; k < edits.size(); ++k) {
            const QString eat = element(epath, k);
            const QJsonObject eo = r.object(edits.at(k), eat);
            ArchivedEdit d;
            d.uuid = r.id(eo, eat);
            d.editedAt = r.time(eo, QStringLiteral("at"), eat);
            d.editor = r.text(eo, QStringLiteral("editor"), eat, false, false, 500);
            d.oldText = r.text(eo, QStringLiteral("fromText"), eat, true);
            d.newText = r.text(eo, QStringLiteral("toText"), eat, true);
            d.oldAt = r.time(eo, QStringLiteral("fromAt"), eat);
            d.newAt = r.time(eo, QStringLiteral("toAt"), eat);
            archived.edits.append(d);
        }
        a.timeline.append(archived);
    }
    // The store reads a timeline by time, then by insertion: keep a file's order for equal times.
    std::stable_sort(a.timeline.begin(), a.timeline.end(),
                     [](const ArchivedEntry &x, const ArchivedEntry &y) { return x.entry.at < y.entry.at; });
}

void readSituation(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QString path = QStringLiteral("$.situation");
    const QJsonArray items = r.array(doc, QStringLiteral("situation"), QStringLiteral("$"));
    QHash<QUuid, SituationColumn> columns;
    QList<QPair<QString, QJsonArray>> answerLists;
    for (qsizetype n = 0; n < items.size(); ++n) {
        const QString at = element(path, n);
        const QJsonObject o = r.object(items.at(n), at);
        ArchivedItem archived;
        SituationItem &s = archived.item;
        s.uuid = r.id(o, at);
        const QList<SituationColumn> cards = {SituationColumn::Known, SituationColumn::Unknown, SituationColumn::Plan};
        s.column = r.choice(o, QStringLiteral("column"), at, tr("column"), parseSituationColumn, cards, situationColumnKey);
        s.text = r.text(o, QStringLiteral("text"), at, true, true);
        s.owner = r.text(o, QStringLiteral("owner"), at, false, false, 500);
        s.state = r.text(o, QStringLiteral("state"), at, false, false, 40);
        s.position = int(r.integer(o, QStringLiteral("position"), at, 0, 1'000'000, n));
        s.createdAt = r.time(o, QStringLiteral("createdAt"), at);
        s.updatedAt = r.optionalTime(o, QStringLiteral("updatedAt"), at).value_or(s.createdAt);
        s.knownAt = r.optionalTime(o, QStringLiteral("knownAt"), at);
        s.answer = r.text(o, QStringLiteral("answer"), at);
        s.needBy = r.optionalTime(o, QStringLiteral("needBy"), at);
        s.tag = r.text(o, QStringLiteral("tag"), at, false, false, 40);
        static const QStringList tags = {QString(), QStringLiteral("contain"), QStringLiteral("fix"), QStringLiteral("verify")};
        if (!tags.contains(s.tag))
            refuse(member(at, QStringLiteral("tag")), tr("unknown tag \"%1\" (expected contain, fix, verify or empty)").arg(s.tag));
        s.risky = r.boolean(o, QStringLiteral("risky"), at);
        s.backOut = r.text(o, QStringLiteral("backOut"), at);
        s.timeBoxMs = r.optionalInteger(o, QStringLiteral("timeBoxMs"), at, 1, maxEstimateMs);
        s.boxStartedAt = r.optionalTime(o, QStringLiteral("boxStartedAt"), at);
        columns.insert(s.uuid, s.column);
        answerLists.append({at, r.array(o, QStringLiteral("answers"), at)});
        a.situation.append(archived);
    }
    // Answers point at unknowns (or unknowns since answered, now known) of this incident.
    for (qsizetype n = 0; n < a.situation.size(); ++n) {
        const auto &[at, answers] = answerLists.at(n);
        for (qsizetype k = 0; k < answers.size(); ++k) {
            const QString ref = element(member(at, QStringLiteral("answers")), k);
            const QUuid target = r.reference(answers.at(k), ref);
            if (target.isNull() || !columns.contains(target))
                refuse(ref, tr("names no item of $.situation"));
            a.situation[n].answers.append(target);
        }
    }
}

void readEstimates(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QString path = QStringLiteral("$.estimates");
    const QJsonArray list = r.array(doc, QStringLiteral("estimates"), QStringLiteral("$"));
    for (qsizetype n = 0; n < list.size(); ++n) {
        const QString at = element(path, n);
        const QJsonObject o = r.object(list.at(n), at);
        ArchivedEstimate e;
        e.uuid = r.id(o, at);
        e.estimate.lowMs = r.integer(o, QStringLiteral("lowMs"), at, 0, maxEstimateMs);
        e.estimate.highMs = r.integer(o, QStringLiteral("highMs"), at, 0, maxEstimateMs);
        if (e.estimate.highMs < e.estimate.lowMs)
            refuse(member(at, QStringLiteral("highMs")), tr("the high end is below the low end"));
        e.estimate.confidence = r.choice(o, QStringLiteral("confidence"), at, tr("confidence"), parseConfidence,
                                         allConfidences(), confidenceKey);
        e.estimate.basis = r.text(o, QStringLiteral("basis"), at);
        e.estimate.madeAt = r.time(o, QStringLiteral("madeAt"), at);
        e.madeBy = r.text(o, QStringLiteral("madeBy"), at, false, false, 500);
        a.estimates.append(e);
    }
    std::stable_sort(a.estimates.begin(), a.estimates.end(), [](const ArchivedEstimate &x, const ArchivedEstimate &y) {
        return x.estimate.madeAt < y.estimate.madeAt;
    });
}

void readBoardHistory(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    QSet<QUuid> estimates;
    for (const ArchivedEstimate &e : std::as_const(a.estimates))
        estimates.insert(e.uuid);
    QSet<QUuid> entries;
    for (const ArchivedEntry &e : std::as_const(a.timeline))
        entries.insert(e.entry.uuid);

    const QString path = QStringLiteral("$.boardHistory");
    const QJsonArray list = r.array(doc, QStringLiteral("boardHistory"), QStringLiteral("$"));
    for (qsizetype n = 0; n < list.size(); ++n) {
        const QString at = element(path, n);
        const QJsonObject o = r.object(list.at(n), at);
        ArchivedBoardEvent e;
        e.uuid = r.id(o, at);
        e.event.at = r.time(o, QStringLiteral("at"), at);
        e.event.kind = r.choice(o, QStringLiteral("kind"), at, tr("board change"), parseBoardEventKind,
                                allBoardEventKinds(), boardEventKindKey);
        // A removed card's id is in no list any more: the history is its only record.
        e.event.itemUuid = r.reference(o.value(QStringLiteral("item")), member(at, QStringLiteral("item")));
        if (e.event.kind == BoardEventKind::Estimated) {
            e.event.column = SituationColumn::Estimate;
            e.estimate = r.reference(o.value(QStringLiteral("estimate")), member(at, QStringLiteral("estimate")));
            if (e.estimate.isNull() || !estimates.contains(e.estimate))
                refuse(member(at, QStringLiteral("estimate")), tr("names no estimate of $.estimates"));
        } else {
            if (e.event.itemUuid.isNull())
                refuse(member(at, QStringLiteral("item")), tr("missing; a card change names its card"));
            e.event.column = r.choice(o, QStringLiteral("column"), at, tr("column"), parseSituationColumn,
                                      allSituationColumns(), situationColumnKey, SituationColumn::Known);
        }
        e.event.text = r.text(o, QStringLiteral("text"), at);
        e.event.owner = r.text(o, QStringLiteral("owner"), at, false, false, 500);
        e.event.state = r.text(o, QStringLiteral("state"), at, false, false, 40);
        e.event.answer = r.text(o, QStringLiteral("answer"), at);
        e.event.tag = r.text(o, QStringLiteral("tag"), at, false, false, 40);
        e.entry = r.reference(o.value(QStringLiteral("entry")), member(at, QStringLiteral("entry")));
        if (!e.entry.isNull() && !entries.contains(e.entry))
            refuse(member(at, QStringLiteral("entry")), tr("names no entry of $.timeline"));
        a.boardHistory.append(e);
    }
    std::stable_sort(a.boardHistory.begin(), a.boardHistory.end(),
                     [](const ArchivedBoardEvent &x, const ArchivedBoardEvent &y) { return x.event.at < y.event.at; });
}

void readChecklists(Reader &r, const QJsonObject &doc, IncidentArchive &a)
{
    const QString path = QStringLiteral("$.checklists");
    const QJsonArray list = r.array(doc, QStringLiteral("checklists"), QStringLiteral("$"));
    const QList<ChecklistItemState> states = {ChecklistItemState::Open, ChecklistItemState::Done, ChecklistItemState::Skipped};
    for (qsizetype n = 0; n < list.size(); ++n) {
        const QString at = element(path, n);
        const QJsonObject o = r.object(list.at(n), at);
        Checklist c;
        c.uuid = r.id(o, at);
        c.name = r.text(o, QStringLiteral("name"), at, true, true, 500);
        c.runbookSlug = r.text(o, QStringLiteral("runbook"), at, false, false, 200);
        c.attachedAt = r.time(o, QStringLiteral("attachedAt"), at);
        const QString ipath = member(at, QStringLiteral("items"));
        const QJsonArray items = r.array(o, QStringLiteral("items"), at);
        for (qsizetype k = 0; k < items.size(); ++k) {
            const QString iat = element(ipath, k);
            const QJsonObject io = r.object(items.at(k), iat);
            ChecklistItem i;
            i.uuid = r.id(io, iat);
            i.position = int(k);
            i.section = r.text(io, QStringLiteral("section"), iat, false, false, 500);
            i.text = r.text(io, QStringLiteral("text"), iat, true, true, 5000);
            i.depth = int(r.integer(io, QStringLiteral("depth"), iat, 0, 10, 0));
            i.state = r.choice(io, QStringLiteral("state"), iat, tr("state"), parseChecklistItemState, states,
                               checklistItemStateKey, ChecklistItemState::Open);
            i.doneBy = r.text(io, QStringLiteral("doneBy"), iat, false, false, 500);
            i.doneAt = r.optionalTime(io, QStringLiteral("doneAt"), iat);
            i.skipReason = r.text(io, QStringLiteral("skipReason"), iat, false, false, 5000);
            const QJsonValue role = io.value(QStringLiteral("ownerRole"));
            if (!role.isUndefined() && !role.isNull())
                i.ownerRole = r.choice(io, QStringLiteral("ownerRole"), iat, tr("role"), parseRole, allRoles(), roleKey);
            i.timeBoxMs = r.optionalInteger(io, QStringLiteral("timeBoxMs"), iat, 1, maxEstimateMs);
            i.link = r.text(io, QStringLiteral("link"), iat, false, false, 2000);
            c.items.append(i);
        }
        a.checklists.append(c);
    }
}

// Refuses any string longer than the longest field allows, wherever it is (members this
// version does not read included), before any field is looked at.
void refuseHugeStrings(const QJsonValue &v, const QString &path)
{
    if (v.isString()) {
        if (v.toString().size() > kMaxInterchangeBlob)
            refuse(path, tr("a text of %1 characters; the limit is %2").arg(v.toString().size()).arg(kMaxInterchangeBlob));
    } else if (v.isArray()) {
        const QJsonArray array = v.toArray();
        for (qsizetype n = 0; n < array.size(); ++n)
            refuseHugeStrings(array.at(n), element(path, n));
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            refuseHugeStrings(it.value(), member(path, it.key()));
    }
}

} // namespace

std::optional<qint64> parseInterchangeTime(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(Z|([+-])(\\d{2}):?(\\d{2}))$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = iso.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int seconds = m.captured(6).isEmpty() ? 0 : m.captured(6).toInt();
    const int ms = m.captured(7).isEmpty() ? 0 : m.captured(7).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime clock(m.captured(4).toInt(), m.captured(5).toInt(), seconds, ms);
    if (!date.isValid() || !clock.isValid() || date.year() < 1970)
        return std::nullopt;
    int offset = 0;
    if (m.captured(8).compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        const int hours = m.captured(10).toInt();
        const int minutes = m.captured(11).toInt();
        if (hours > 18 || minutes > 59)
            return std::nullopt;
        offset = (hours * 3600 + minutes * 60) * (m.captured(9) == QLatin1String("-") ? -1 : 1);
    }
    const QDateTime t(date, clock, QTimeZone(offset));
    if (!t.isValid() || t.toMSecsSinceEpoch() < 0)
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

Result<IncidentArchive> archiveFromJson(const QByteArray &input)
{
    QByteArray json = input;
    if (json.startsWith("\xEF\xBB\xBF"))
        json.remove(0, 3);
    if (json.trimmed().isEmpty())
        return invalid(tr("$: the file is empty"));
    if (const qsizetype bad = firstInvalidUtf8(json); bad >= 0)
        return invalid(tr("%1: the file is not valid UTF-8 (byte 0x%2)")
                           .arg(position(json, bad))
                           .arg(static_cast<unsigned char>(json.at(bad)), 2, 16, QLatin1Char('0')));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const bool atEnd = error.offset >= json.trimmed().size() - 1;
        return invalid(atEnd ? tr("%1: the file ends before the JSON does (is it truncated?)").arg(position(json, error.offset))
                             : tr("%1: not JSON: %2").arg(position(json, error.offset), error.errorString()));
    }
    if (!doc.isObject())
        return invalid(tr("$: expected an object with \"format\": \"%1\", found %2")
                           .arg(kInterchangeFormat, doc.isArray() ? tr("an array") : tr("something else")));
    const QJsonObject root = doc.object();
    try {
        const QJsonValue format = root.value(QStringLiteral("format"));
        if (format.isUndefined())
            refuse(QStringLiteral("$.format"), tr("missing; this is not a %1 file").arg(kInterchangeFormat));
        if (format.toString() != kInterchangeFormat)
            refuse(QStringLiteral("$.format"), tr("this is a \"%1\" file, not %2")
                                                   .arg(format.isString() ? format.toString().left(80) : typeName(format),
                                                        kInterchangeFormat));
        const QJsonValue version = root.value(QStringLiteral("version"));
        if (!version.isDouble() || std::trunc(version.toDouble()) != version.toDouble() || version.toDouble() < 1)
            refuse(QStringLiteral("$.version"), tr("expected a whole number from 1, found %1").arg(typeName(version)));
        if (version.toDouble() > kInterchangeVersion)
            refuse(QStringLiteral("$.version"), tr("version %1 is newer than this Sitrep reads (%2); update Sitrep")
                                                    .arg(version.toDouble(), 0, 'f', 0)
                                                    .arg(kInterchangeVersion));
        refuseHugeStrings(root, QStringLiteral("$"));

        Reader reader;
        IncidentArchive archive;
        readIncident(reader, root, archive);
        readTimeline(reader, root, archive);
        readSituation(reader, root, archive);
        readEstimates(reader, root, archive);
        readBoardHistory(reader, root, archive);
        readChecklists(reader, root, archive);
        readUpdates(reader, root, archive);
        readDrillRun(reader, root, archive);
        readPostmortem(reader, root, archive);
        return archive;
    } catch (const Refusal &refusal) {
        return invalid(refusal.path + QStringLiteral(": ") + refusal.reason);
    }
}

} // namespace sitrep
