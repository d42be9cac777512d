#include "reportactions.h"

#include "dialogs/postmortemdialog.h"

#include "services/services.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace sitrep {

namespace {

QString askWithDialog(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter, bool save)
{
    return save ? QFileDialog::getSaveFileName(parent, caption, suggested, filter)
                : QFileDialog::getOpenFileName(parent, caption, suggested, filter);
}

QString lastDirectory()
{
    const QString stored = QSettings().value(QStringLiteral("reports/lastDirectory")).toString();
    if (!stored.isEmpty() && QFileInfo(stored).isDir())
        return stored;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

} // namespace

ReportActions::ReportActions(Services &services, QWidget *window)
    : QObject(window), m_services(services), m_window(window), m_prompt(askWithDialog)
{
}

void ReportActions::populateMenu(QMenu *menu)
{
    QAction *postmortem = menu->addAction(tr("&Postmortem…"), this, [this] { openPostmortem(); });
    postmortem->setObjectName(QStringLiteral("actionPostmortem"));
    postmortem->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    menu->addSeparator();
    const struct
    {
        const char *label;
        const char *name;
        ExportFormat format;
        ReportKind kind;
    } exports[] = {
        {QT_TR_NOOP("Export postmortem as P&DF…"), "actionExportPdf", ExportFormat::Pdf, ReportKind::Postmortem},
        {QT_TR_NOOP("Export postmortem as &Markdown…"), "actionExportMarkdown", ExportFormat::Markdown, ReportKind::Postmortem},
        {QT_TR_NOOP("Export one-page &sitrep (PDF)…"), "actionExportSitrep", ExportFormat::Pdf, ReportKind::Sitrep},
        {QT_TR_NOOP("Export incident as &JSON…"), "actionExportJson", ExportFormat::Json, ReportKind::Postmortem},
    };
    for (const auto &e : exports) {
        const ExportFormat format = e.format;
        const ReportKind kind = e.kind;
        QAction *action = menu->addAction(tr(e.label), this, [this, format, kind] { exportCurrent(format, kind); });
        action->setObjectName(QString::fromLatin1(e.name));
    }
    menu->addSeparator();
    QAction *import = menu->addAction(tr("&Import incident…"), this, [this] { importIncident(); });
    import->setObjectName(QStringLiteral("actionImportIncident"));
}

void ReportActions::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    // The editor belongs to one incident; switching closes it (saving what was typed).
    if (m_dialog && m_dialog->incidentId() != incidentId)
        m_dialog->close();
}

PostmortemDialog *ReportActions::openPostmortem()
{
    if (!m_incidentId) {
        report(tr("Open an incident first."), 5000);
        return nullptr;
    }
    if (!m_dialog) {
        m_dialog = new PostmortemDialog(m_services, m_incidentId, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

PostmortemDialog *ReportActions::postmortemDialog() const
{
    return m_dialog;
}

bool ReportActions::exportCurrent(ExportFormat format, ReportKind kind)
{
    if (!m_incidentId) {
        report(tr("Open an incident first."), 5000);
        return false;
    }
    // What is typed in the editor belongs in the report.
    if (m_dialog && m_dialog->isDirty())
        m_dialog->save();
    const Result<Incident> incident = m_services.incidents.find(m_incidentId);
    if (!incident)
        return false;
    const QString what = format == ExportFormat::Json ? QStringLiteral("incident")
                                                      : (kind == ReportKind::Sitrep ? QStringLiteral("sitrep")
                                                                                    : QStringLiteral("postmortem"));
    const QString suggested = QDir(lastDirectory()).filePath(QStringLiteral("%1-%2.%3").arg(incident->shortId(), what,
                                                                                          exportFileSuffix(format)));
    QString filter;
    switch (format) {
    case ExportFormat::Pdf: filter = tr("PDF documents (*.pdf)"); break;
    case ExportFormat::Markdown: filter = tr("Markdown (*.md)"); break;
    case ExportFormat::Json: filter = tr("Sitrep incidents (*.json)"); break;
    }
    const QString path = m_prompt(m_window, tr("Export"), suggested, filter, true);
    if (path.isEmpty())
        return false;
    QSettings().setValue(QStringLiteral("reports/lastDirectory"), QFileInfo(path).absolutePath());
    ExportRequest request;
    request.incidentId = m_incidentId;
    request.format = format;
    request.kind = kind;
    const Result<ExportedReport> written = writeExport(m_services, request, path);
    if (!written) {
        report(written.error().message, 15000);
        Q_EMIT failed(written.error().message);
        return false;
    }
    report(format == ExportFormat::Pdf ? tr("Saved %1 (%n page(s))", nullptr, written->pages).arg(QDir::toNativeSeparators(path))
                                       : tr("Saved %1").arg(QDir::toNativeSeparators(path)),
           8000);
    Q_EMIT exported(path);
    return true;
}

bool ReportActions::importIncident()
{
    const QString path = m_prompt(m_window, tr("Import an incident"), lastDirectory(), tr("Sitrep incidents (*.json)"), false);
    if (path.isEmpty())
        return false;
    const Result<Incident> imported = m_services.interchange.importFile(path);
    if (!imported) {
        report(imported.error().message, 15000);
        Q_EMIT failed(imported.error().message);
        return false;
    }
    report(tr("Imported “%1”").arg(imported->title), 8000);
    Q_EMIT incidentImported(imported->id);
    return true;
}

void ReportActions::report(const QString &message, int timeoutMs)
{
    if (auto *window = qobject_cast<QMainWindow *>(m_window))
        window->statusBar()->showMessage(message, timeoutMs);
}

} // namespace sitrep
