#pragma once

#include "services/runbookservice.h"

#include <QDialog>
#include <QHash>
#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace sitrep {

class Services;

// The runbook library: every runbook (bundled, imported, edited) with its Markdown, checked as
// it is typed; import and export of .md files; which severities attach it on declare; and
// attaching it to the open incident. Not modal: it can stay open beside the war room.
class RunbookLibraryDialog final : public QDialog
{
    Q_OBJECT

public:
    // Asks for a file to open (save == false) or to write; empty when cancelled. Tests replace it.
    using FilePrompt = std::function<QString(QWidget *parent, bool save, const QString &suggested)>;

    RunbookLibraryDialog(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunbookLibraryDialog)

    void setIncident(qint64 incidentId);
    void setFilePrompt(FilePrompt prompt) { m_filePrompt = std::move(prompt); }
    // Selects a runbook by slug; false when the library has none.
    bool select(const QString &slug);
    QString currentSlug() const { return m_slug; }

    void importRunbook();
    void exportRunbook();
    void newRunbook();
    void saveRunbook();
    void removeRunbook();
    void attachRunbook();

private:
    void reload(const QString &select);
    void showCurrent();
    void checkText();
    void setSeverities();
    void say(const QString &text, bool error);

    Services &m_services;
    qint64 m_incidentId = 0;
    QList<LibraryRunbook> m_library;
    QString m_slug; // the runbook in the editor; empty for a new one
    QHash<QString, QString> m_drafts; // unsaved edits by slug, kept while another is looked at
    bool m_loading = false;
    FilePrompt m_filePrompt;
    QListWidget *m_list;
    QLabel *m_title;
    QPlainTextEdit *m_editor;
    QLabel *m_check;
    QList<QCheckBox *> m_severities;
    QPushButton *m_save;
    QPushButton *m_remove;
    QPushButton *m_attach;
    QLabel *m_message;
};

} // namespace sitrep
