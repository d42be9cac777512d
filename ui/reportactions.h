#pragma once

#include "report/reportexport.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QMenu;
class QWidget;

namespace sitrep {

class PostmortemDialog;
class Services;

// The Report menu: the postmortem editor, the exports (postmortem PDF and Markdown, the
// one-page sitrep, the whole incident as JSON) and importing an incident. File names are asked
// through a replaceable prompt, so tests answer without a modal dialog; outcomes go to the
// window's status bar and to the signals below.
class ReportActions final : public QObject
{
    Q_OBJECT

public:
    // Answers a path, or empty when the person cancelled. `save` says whether it is for writing.
    using FilePrompt = std::function<QString(QWidget *parent, const QString &caption, const QString &suggested,
                                             const QString &filter, bool save)>;

    ReportActions(Services &services, QWidget *window);
    Q_DISABLE_COPY_MOVE(ReportActions)

    void populateMenu(QMenu *menu);
    void setIncident(qint64 incidentId);
    void setFilePrompt(FilePrompt prompt) { m_prompt = std::move(prompt); }

    PostmortemDialog *openPostmortem();
    PostmortemDialog *postmortemDialog() const;
    // Asks where, then writes; false when cancelled or refused (the reason is reported).
    bool exportCurrent(ExportFormat format, ReportKind kind);
    bool importIncident();

Q_SIGNALS:
    void exported(const QString &path);
    void incidentImported(qint64 incidentId);
    void failed(const QString &message);

private:
    void report(const QString &message, int timeoutMs);

    Services &m_services;
    QWidget *m_window;
    qint64 m_incidentId = 0;
    FilePrompt m_prompt;
    QPointer<PostmortemDialog> m_dialog;
};

} // namespace sitrep
