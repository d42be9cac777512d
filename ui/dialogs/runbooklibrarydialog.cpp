#include "runbooklibrarydialog.h"

#include "services/services.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QVBoxLayout>

namespace sitrep {

namespace {

QString askForFile(QWidget *parent, bool save, const QString &suggested)
{
    const QString filter = RunbookLibraryDialog::tr("Markdown runbooks (*.md *.markdown *.txt)");
    return save ? QFileDialog::getSaveFileName(parent, RunbookLibraryDialog::tr("Export runbook"), suggested, filter)
                : QFileDialog::getOpenFileName(parent, RunbookLibraryDialog::tr("Import runbook"), QString(), filter);
}

QString originText(const LibraryRunbook &r)
{
    if (r.stored && r.bundled)
        return RunbookLibraryDialog::tr("bundled, edited here");
    return r.stored ? RunbookLibraryDialog::tr("imported") : RunbookLibraryDialog::tr("bundled");
}

} // namespace

RunbookLibraryDialog::RunbookLibraryDialog(Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_filePrompt(askForFile)
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_check(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_attach(new QPushButton(tr("&Attach to incident"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("runbookLibrary"));
    setWindowTitle(tr("Runbook library — Sitrep"));
    m_list->setObjectName(QStringLiteral("runbookList"));
    m_editor->setObjectName(QStringLiteral("runbookEditor"));
    m_check->setObjectName(QStringLiteral("runbookCheck"));
    m_message->setObjectName(QStringLiteral("runbookMessage"));
    m_save->setObjectName(QStringLiteral("runbookSave"));
    m_attach->setObjectName(QStringLiteral("runbookAttach"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_check->setWordWrap(true);
    m_message->setWordWrap(true);
    m_title->setWordWrap(true);

    auto *importButton = new QPushButton(tr("&Import…"), this);
    auto *exportButton = new QPushButton(tr("&Export…"), this);
    auto *newButton = new QPushButton(tr("&New"), this);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(newButton);
    leftButtons->addWidget(importButton);
    leftButtons->addWidget(exportButton);
    leftLayout->addLayout(leftButtons);

    auto *severities = new QHBoxLayout;
    severities->addWidget(new QLabel(tr("Attach on declare:"), this));
    for (int n = 1; n <= 4; ++n) {
        auto *box = new QCheckBox(severityLabel(*severityFromNumber(n)), this);
        box->setObjectName(QStringLiteral("attachSev%1").arg(n));
        box->setToolTip(tr("Attach this runbook to every new %1 incident").arg(box->text()));
        m_severities.append(box);
        severities->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &RunbookLibraryDialog::setSeverities);
    }
    severities->addStretch(1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_editor, 1);
    rightLayout->addWidget(m_check);
    rightLayout->addLayout(severities);
    auto *rightButtons = new QHBoxLayout;
    rightButtons->addWidget(m_save);
    rightButtons->addWidget(m_remove);
    rightButtons->addStretch(1);
    rightButtons->addWidget(m_attach);
    rightLayout->addLayout(rightButtons);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 640});
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(close);
    resize(980, 640);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(importButton, &QPushButton::clicked, this, &RunbookLibraryDialog::importRunbook);
    connect(exportButton, &QPushButton::clicked, this, &RunbookLibraryDialog::exportRunbook);
    connect(newButton, &QPushButton::clicked, this, &RunbookLibraryDialog::newRunbook);
    connect(m_save, &QPushButton::clicked, this, &RunbookLibraryDialog::saveRunbook);
    connect(m_remove, &QPushButton::clicked, this, &RunbookLibraryDialog::removeRunbook);
    connect(m_attach, &QPushButton::clicked, this, &RunbookLibraryDialog::attachRunbook);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &RunbookLibraryDialog::checkText);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row < 0 || row >= m_library.size())
            return;
        if (m_editor->document()->isModified())
            m_drafts.insert(m_slug, m_editor->toPlainText());
        m_slug = m_library.at(row).slug;
        showCurrent();
    });
    reload(QString());
}

void RunbookLibraryDialog::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_attach->setEnabled(incidentId != 0 && !m_slug.isEmpty());
}

void RunbookLibraryDialog::reload(const QString &slug)
{
    const Result<QList<LibraryRunbook>> all = m_services.runbooks.library();
    if (!all) {
        say(all.error().message, true);
        return;
    }
    m_loading = true;
    m_library = all.value();
    m_list->clear();
    int selected = m_library.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_library.size(); ++i) {
        const LibraryRunbook &r = m_library.at(i);
        auto *row = new QListWidgetItem(tr("%1\n%2 · %3 steps · %4").arg(r.name, r.slug).arg(r.itemCount).arg(originText(r)), m_list);
        row->setData(Qt::UserRole, r.slug);
        if (r.slug == slug)
            selected = i;
    }
    m_list->setCurrentRow(selected);
    m_loading = false;
    m_slug = selected >= 0 ? m_library.at(selected).slug : QString();
    showCurrent();
}

bool RunbookLibraryDialog::select(const QString &slug)
{
    for (int i = 0; i < m_library.size(); ++i) {
        if (m_library.at(i).slug == slug) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void RunbookLibraryDialog::showCurrent()
{
    const auto it = std::find_if(m_library.cbegin(), m_library.cend(), [this](const LibraryRunbook &r) { return r.slug == m_slug; });
    const bool found = it != m_library.cend();
    m_loading = true;
    m_editor->setPlainText(m_drafts.value(m_slug, found ? it->markdown : QString()));
    m_editor->document()->setModified(m_drafts.contains(m_slug));
    for (int n = 0; n < m_severities.size(); ++n)
        m_severities.at(n)->setChecked(found && it->attachOnDeclare.contains(*severityFromNumber(n + 1)));
    m_loading = false;
    m_title->setText(found ? tr("<b>%1</b> — %2, %3").arg(it->name.toHtmlEscaped(), it->slug, originText(*it))
                           : tr("<b>New runbook</b> — its slug comes from its title when saved"));
    m_remove->setEnabled(found && it->stored);
    m_remove->setText(found && it->bundled ? tr("&Restore bundled") : tr("&Remove"));
    for (QCheckBox *box : std::as_const(m_severities))
        box->setEnabled(found);
    setIncident(m_incidentId);
    checkText();
}

void RunbookLibraryDialog::checkText()
{
    const RunbookParseResult parsed = parseRunbookMarkdown(m_editor->toPlainText().toUtf8(), m_slug);
    if (!parsed.ok()) {
        m_check->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_check->setText(parsed.error);
        m_save->setEnabled(false);
        return;
    }
    QStringList lines{tr("%1 steps in %2 sections.").arg(parsed.runbook->itemCount()).arg(parsed.runbook->sections.size())};
    for (const RunbookWarning &w : parsed.warnings)
        lines.append(w.toString());
    m_check->setStyleSheet(parsed.warnings.isEmpty() ? QString() : QStringLiteral("color: #8a5a00;"));
    m_check->setText(lines.join(QLatin1Char('\n')));
    m_save->setEnabled(m_editor->document()->isModified() || m_slug.isEmpty());
}

void RunbookLibraryDialog::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    m_message->setText(text);
}

void RunbookLibraryDialog::setSeverities()
{
    if (m_loading || m_slug.isEmpty())
        return;
    QList<Severity> chosen;
    for (int n = 0; n < m_severities.size(); ++n) {
        if (m_severities.at(n)->isChecked())
            chosen.append(*severityFromNumber(n + 1));
    }
    const Result<Done> set = m_services.runbooks.setAttachOnDeclare(m_slug, chosen);
    if (!set) {
        say(set.error().message, true);
        return;
    }
    for (LibraryRunbook &r : m_library) {
        if (r.slug == m_slug)
            r.attachOnDeclare = chosen;
    }
    say(tr("New incidents of the ticked severities get this runbook."), false);
}

void RunbookLibraryDialog::importRunbook()
{
    const QString path = m_filePrompt(this, false, QString());
    if (path.isEmpty())
        return;
    const Result<RunbookImport> imported = m_services.runbooks.importFile(path);
    if (!imported) {
        say(imported.error().message, true);
        return;
    }
    m_drafts.remove(imported->runbook.slug);
    reload(imported->runbook.slug);
    QStringList lines{tr("Imported “%1” (%2 steps).").arg(imported->runbook.name).arg(imported->runbook.itemCount)};
    for (const RunbookWarning &w : imported->warnings)
        lines.append(w.toString());
    say(lines.join(QLatin1Char('\n')), !imported->warnings.isEmpty());
}

void RunbookLibraryDialog::exportRunbook()
{
    if (m_slug.isEmpty())
        return;
    const Result<QString> markdown = m_services.runbooks.exportMarkdown(m_slug);
    if (!markdown) {
        say(markdown.error().message, true);
        return;
    }
    const QString path = m_filePrompt(this, true, m_slug + QStringLiteral(".md"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown->toUtf8()) < 0 || !file.commit()) {
        say(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return;
    }
    say(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), false);
}

void RunbookLibraryDialog::newRunbook()
{
    if (m_editor->document()->isModified())
        m_drafts.insert(m_slug, m_editor->toPlainText());
    m_slug.clear();
    m_loading = true;
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_loading = false;
    showCurrent();
    m_editor->setPlainText(tr("# New runbook\n\nWhat this runbook is for.\n\n## Steps\n\n- [ ] The first step @ops (5m)\n"));
    m_editor->setFocus();
}

void RunbookLibraryDialog::saveRunbook()
{
    QString slug = m_slug;
    const QString text = m_editor->toPlainText();
    if (slug.isEmpty()) {
        const RunbookParseResult parsed = parseRunbookMarkdown(text.toUtf8(), QString());
        slug = parsed.ok() ? RunbookService::slugFor(parsed.runbook->name) : QString();
        const bool taken = std::any_of(m_library.cbegin(), m_library.cend(), [&](const LibraryRunbook &r) { return r.slug == slug; });
        if (taken) {
            say(tr("A runbook “%1” is already in the library; give the new one another title.").arg(slug), true);
            return;
        }
    }
    const Result<RunbookImport> saved = m_services.runbooks.save(slug, text);
    if (!saved) {
        say(saved.error().message, true);
        return;
    }
    m_drafts.remove(m_slug);
    m_drafts.remove(slug);
    reload(slug);
    say(tr("Saved “%1”.").arg(saved->runbook.name), false);
}

void RunbookLibraryDialog::removeRunbook()
{
    if (m_slug.isEmpty())
        return;
    const Result<Done> removed = m_services.runbooks.remove(m_slug);
    if (!removed) {
        say(removed.error().message, true);
        return;
    }
    const QString slug = m_slug;
    m_drafts.remove(slug);
    reload(slug);
    say(tr("Removed “%1” from this store.").arg(slug), false);
}

void RunbookLibraryDialog::attachRunbook()
{
    if (m_slug.isEmpty() || !m_incidentId)
        return;
    const Result<Checklist> attached = m_services.runbooks.attachToIncident(m_incidentId, m_slug);
    if (!attached) {
        say(attached.error().message, true);
        return;
    }
    say(tr("Attached “%1” (%2 steps) to the incident.").arg(attached->name).arg(attached->items.size()), false);
}

} // namespace sitrep
